// SPDX-License-Identifier: MIT
/*
 * The system workqueue: work items run in process context by kworker
 * threads (Linux: kernel/workqueue.c). As in Linux, a work item that
 * sleeps does not hold up the others: when the last idle worker takes an
 * item, another worker is started, so there is always one to pick up new
 * work (a livepatch transition's retry work must run while a test module's
 * work item is blocked).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <scion/init.h>

#define MAX_WORKERS 16

static LIST_HEAD(work_list);
static DECLARE_WAIT_QUEUE_HEAD(work_wait);	/* workers wait for items */
static DECLARE_WAIT_QUEUE_HEAD(done_wait);	/* flushers wait for items to finish */
static struct work_struct *running[MAX_WORKERS];
static int nr_workers, nr_idle;
static bool need_worker;
static DEFINE_SPINLOCK(wq_lock);

static int worker_thread(void *arg);

static void start_worker(void)
{
	struct task_struct *t;
	int id;

	id = nr_workers;
	if (id >= MAX_WORKERS)
		return;
	t = kthread_create(worker_thread, (void *)(long)id, "kworker/0:%d", id);
	if (IS_ERR(t)) {
		pr_warn("workqueue: cannot start a worker (%ld)\n", PTR_ERR(t));
		return;
	}
	nr_workers++;
	nr_idle++;
	wake_up_process(t);
}

static bool work_is_running(struct work_struct *work)
{
	int i;

	for (i = 0; i < nr_workers; i++)
		if (running[i] == work)
			return true;
	return false;
}

static int worker_thread(void *arg)
{
	int id = (long)arg;
	unsigned long flags;

	for (;;) {
		struct work_struct *work;

		wait_event(work_wait, !list_empty(&work_list));
		spin_lock_irqsave(&wq_lock, flags);
		if (list_empty(&work_list)) {
			spin_unlock_irqrestore(&wq_lock, flags);
			continue;
		}
		work = list_first_entry(&work_list, struct work_struct, entry);
		list_del_init(&work->entry);
		work->pending = false;
		running[id] = work;
		if (--nr_idle == 0)
			need_worker = true;
		spin_unlock_irqrestore(&wq_lock, flags);

		if (READ_ONCE(need_worker)) {
			need_worker = false;
			start_worker();
		}
		work->func(work);

		spin_lock_irqsave(&wq_lock, flags);
		running[id] = NULL;
		nr_idle++;
		spin_unlock_irqrestore(&wq_lock, flags);
		wake_up_all(&done_wait);
	}
	return 0;
}

static bool __queue_work(struct work_struct *work)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&wq_lock, flags);
	if (!work->pending) {
		work->pending = true;
		list_add_tail(&work->entry, &work_list);
		queued = true;
	}
	spin_unlock_irqrestore(&wq_lock, flags);
	if (queued)
		wake_up(&work_wait);
	return queued;
}

bool schedule_work(struct work_struct *work)
{
	return __queue_work(work);
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	__queue_work(&dwork->work);
}

bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	if (dwork->work.pending || timer_pending(&dwork->timer))
		return false;
	if (!delay)
		return __queue_work(&dwork->work);
	dwork->timer.function = delayed_work_timer_fn;
	mod_timer(&dwork->timer, jiffies + delay);
	return true;
}

bool mod_delayed_work_sys(struct delayed_work *dwork, unsigned long delay)
{
	bool was = cancel_delayed_work(dwork);

	schedule_delayed_work(dwork, delay);
	return was;
}

static bool work_busy(struct work_struct *work)
{
	unsigned long flags;
	bool busy;

	spin_lock_irqsave(&wq_lock, flags);
	busy = work->pending || work_is_running(work);
	spin_unlock_irqrestore(&wq_lock, flags);
	return busy;
}

bool flush_work(struct work_struct *work)
{
	bool busy = work_busy(work);

	if (busy)
		wait_event(done_wait, !work_busy(work));
	return busy;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (del_timer(&dwork->timer))
		__queue_work(&dwork->work);
	return flush_work(&dwork->work);
}

/* Take work off the list if it is queued; true if it was. */
static bool dequeue(struct work_struct *work)
{
	unsigned long flags;
	bool was;

	spin_lock_irqsave(&wq_lock, flags);
	was = work->pending;
	if (was) {
		list_del_init(&work->entry);
		work->pending = false;
	}
	spin_unlock_irqrestore(&wq_lock, flags);
	return was;
}

bool cancel_work_sync(struct work_struct *work)
{
	bool was = dequeue(work);

	wait_event(done_wait, !work_busy(work));
	return was;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	bool was = del_timer(&dwork->timer);

	return dequeue(&dwork->work) || was;
}

/*
 * A work that is running when this is called may arm its timer again (a
 * periodic one does, as its last act): repeat until neither the timer nor
 * the work is left. Linux marks the work as being canceled, so that it
 * cannot queue itself again; the effect is the same.
 */
bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool was = false;

	do {
		was |= del_timer(&dwork->timer);
		was |= cancel_work_sync(&dwork->work);
	} while (timer_pending(&dwork->timer));
	return was;
}

int schedule_on_each_cpu(work_func_t func)
{
	struct work_struct work;

	INIT_WORK(&work, func);
	schedule_work(&work);
	flush_work(&work);
	return 0;
}

static int workqueue_init(void)
{
	start_worker();
	return 0;
}
core_initcall(workqueue_init);
