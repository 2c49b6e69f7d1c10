// SPDX-License-Identifier: MIT
/* Wait queues, completions and timed sleeps (Linux: kernel/sched/wait.c, completion.c, kernel/time/timer.c). */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <arch.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

int default_wake_function(struct wait_queue_entry *w, unsigned int mode)
{
	return wake_up_state(w->private, mode);
}

/*
 * Queue w and set the task state before the caller tests its condition:
 * a wake-up between the test and schedule() then finds the task on the
 * queue and makes it runnable again, so it is never lost.
 */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&w->entry))
		list_add_tail(&w->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr)
{
	struct wait_queue_entry *w, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry_safe(w, next, &wq->head, entry)
		if (w->func(w, mode) && nr && --nr == 0)
			break;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}

/* Consume one "done" if there is one. */
static bool try_take(struct completion *x)
{
	unsigned long flags;
	bool ok = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ok = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_take(x));
}

int wait_for_completion_interruptible(struct completion *x)
{
	return wait_event_interruptible(x->wait, try_take(x));
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_event_timeout(x->wait, try_take(x), (long)timeout);
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void wake_sleeper(struct timer_list *t)
{
	struct sleeper *s = from_timer(s, t, timer);

	wake_up_process(s->task);
}

/*
 * Sleep in the state the caller set until woken or timeout ticks pass.
 * Returns the ticks left: 0 when the time ran out.
 */
long schedule_timeout(long timeout)
{
	struct sleeper s = { .task = current };
	unsigned long expire = jiffies + timeout;
	long left;

	if (timeout < 0 || timeout == LONG_MAX) {
		schedule();
		return LONG_MAX;
	}
	timer_setup(&s.timer, wake_sleeper, 0);
	mod_timer(&s.timer, expire);
	schedule();
	del_timer(&s.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}

long schedule_timeout_interruptible(long timeout)
{
	set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return timeout * 1000 / HZ;
}

void udelay(unsigned long usecs)
{
	u64 end = arch_clock_ns() + usecs * 1000;

	while (arch_clock_ns() < end)
		;
}

void mdelay(unsigned long msecs)
{
	udelay(msecs * 1000);
}
