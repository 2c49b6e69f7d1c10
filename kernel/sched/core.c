// SPDX-License-Identifier: MIT
/*
 * The scheduler: one CPU, round-robin run queue, time slices from the
 * tick, kernel preemption when an interrupt returns (Linux: kernel/sched/core.c).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <scion/time.h>
#include <arch.h>
#include "sched.h"

#define TIME_SLICE_TICKS 5	/* 50 ms at HZ=100 */

struct task_struct init_task = {
	.pid = 0,
	.comm = "swapper/0",
	.flags = PF_KTHREAD | PF_IDLE,
	.patch_state = KLP_TRANSITION_IDLE,
	.usage = 1,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
};

struct task_struct *current = &init_task;
struct task_struct *idle_task = &init_task;
LIST_HEAD(task_list);
int __preempt_count;
unsigned long nr_context_switches;

static LIST_HEAD(run_queue);
static pid_t last_pid;

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;

	if (pid == 0)
		return &init_task;
	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

char task_state_char(const struct task_struct *p)
{
	long s = READ_ONCE(p->__state);

	if (p->flags & PF_IDLE)
		return 'I';
	if (s == TASK_RUNNING)
		return 'R';
	if (s & TASK_INTERRUPTIBLE)
		return 'S';
	if (s & TASK_UNINTERRUPTIBLE)
		return 'D';
	if (s & __TASK_STOPPED)
		return 'T';
	if (s & EXIT_ZOMBIE)
		return 'Z';
	return 'X';
}

pid_t sched_alloc_pid(void)
{
	do {
		if (++last_pid >= 32768)
			last_pid = 1;
	} while (find_task_by_pid(last_pid));
	return last_pid;
}

void get_task_struct(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	p->usage++;
	local_irq_restore(flags);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;
	bool last;

	local_irq_save(flags);
	last = --p->usage == 0;
	local_irq_restore(flags);
	if (!last)
		return;
	WARN_ON(p == current || p->on_rq);
	sched_free_task(p);
}

/* Caller has interrupts off. head: run next (a task just woken). */
static void enqueue(struct task_struct *p, bool head)
{
	if (p->on_rq || p == idle_task)
		return;
	if (head)
		list_add(&p->run_list, &run_queue);
	else
		list_add_tail(&p->run_list, &run_queue);
	p->on_rq = 1;
}

static struct task_struct *pick_next(void)
{
	struct task_struct *next;

	if (list_empty(&run_queue))
		return idle_task;
	next = list_first_entry(&run_queue, struct task_struct, run_list);
	list_del_init(&next->run_list);
	next->on_rq = 0;
	return next;
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	bool woken = false;

	local_irq_save(flags);
	if (READ_ONCE(p->__state) & state) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		/*
		 * A task that slept (waiting for input, a timer, a child) runs
		 * next and preempts the current one: the shell stays responsive
		 * with many CPU-bound processes. Linux's CFS gets the same effect
		 * from sleeper credit and wake-up preemption.
		 */
		if (p != current) {
			enqueue(p, true);
			set_tsk_thread_flag(current, TIF_NEED_RESCHED);
		}
		woken = true;
	}
	local_irq_restore(flags);
	return woken;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL | __TASK_STOPPED);
}

/* Runs on the new task's stack right after every switch: clean up after prev. */
void finish_task_switch(struct task_struct *prev)
{
	u64 now = arch_clock_ns();

	current->exec_start_ns = now;
	if (READ_ONCE(prev->__state) == TASK_DEAD) {
		WRITE_ONCE(prev->__state, EXIT_DEAD);
		sched_task_dead(prev);
	}
}

/*
 * Pick the next task and switch to it. preempt: the current task was
 * interrupted, not going to sleep, so it stays runnable whatever its state.
 * Context: interrupts off; returns with them off, possibly much later.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	u64 now = arch_clock_ns();

	WARN_ON_ONCE(!irqs_disabled());
	if (!preempt && READ_ONCE(prev->__state) == TASK_INTERRUPTIBLE && signal_pending(prev))
		WRITE_ONCE(prev->__state, TASK_RUNNING);
	if (preempt || READ_ONCE(prev->__state) == TASK_RUNNING)
		enqueue(prev, false);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	next = pick_next();
	if (next == prev)
		return;
	prev->sum_exec_ns += now - prev->exec_start_ns;
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	nr_context_switches++;
	next->time_slice = TIME_SLICE_TICKS;
	prev->preempt_saved = __preempt_count;
	current = next;
	prev = arch_switch_to(prev, next);
	/* Now running as next again, possibly much later. */
	__preempt_count = current->preempt_saved;
	finish_task_switch(prev);
}

void schedule(void)
{
	unsigned long flags;

	WARN_ONCE(preempt_count(), "scheduling while atomic: %s/%d preempt_count %d\n",
		  current->comm, current->pid, preempt_count());
	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

/*
 * The idle task's way out, with preemption disabled (it always is in the
 * idle loop, so an interrupt never preempts idle: its stack stays a plain
 * chain of calls, reliable for livepatch). [Linux: schedule_idle]
 */
void schedule_idle(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

/* From an interrupt's return path, interrupts off. [Linux: preempt_schedule_irq] */
void preempt_schedule_irq(void)
{
	__preempt_count++;
	do {
		__schedule(true);
	} while (need_resched());
	__preempt_count--;
}

void preempt_enable(void)
{
	barrier();
	if (--__preempt_count == 0 && need_resched() && !irqs_disabled())
		schedule_preempted();
}

/* preempt_enable() found work: switch as an involuntary preemption. */
void schedule_preempted(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__preempt_count++;
	__schedule(true);
	__preempt_count--;
	local_irq_restore(flags);
}

void cond_resched(void)
{
	klp_sched_try_switch();
	if (need_resched() && !preempt_count())
		schedule_preempted();
}

void yield(void)
{
	set_current_state(TASK_RUNNING);
	schedule();
}

/* The tick's share: charge the running task, and ask for a switch when its slice ends. */
void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p == idle_task) {
		if (!list_empty(&run_queue))
			set_tsk_thread_flag(p, TIF_NEED_RESCHED);
		return;
	}
	if (--p->time_slice <= 0) {
		p->time_slice = TIME_SLICE_TICKS;
		if (!list_empty(&run_queue))
			set_tsk_thread_flag(p, TIF_NEED_RESCHED);
	}
}

/*
 * Called at the end of every interrupt or exception that came from kernel
 * mode: preempt the interrupted task if it asked for a switch and was
 * preemptible. [Linux: irqentry_exit_cond_resched]
 */
void irqentry_exit_cond_resched(struct pt_regs *regs)
{
	if (!preempt_count() && need_resched() && arch_regs_irqs_enabled(regs))
		preempt_schedule_irq();
}
