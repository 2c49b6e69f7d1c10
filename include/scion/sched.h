/* SPDX-License-Identifier: MIT */
/* Scheduler entry points used by arch and boot code (kernel/sched/). */
#ifndef _SCION_SCHED_H
#define _SCION_SCHED_H

#include <linux/sched.h>

struct pt_regs;

/* Boot: the calling (boot) task becomes pid 0's idle loop; never returns. */
__noreturn void cpu_startup_entry(void);
/* From the tick, interrupts off. */
void scheduler_tick(void);
/* End of an interrupt/exception from kernel mode: preempt if needed. */
void irqentry_exit_cond_resched(struct pt_regs *regs);
void preempt_schedule_irq(void);
/* First C code of a new task, on its own stack (arch ret_from_fork calls it). */
void schedule_tail(struct task_struct *prev);
void finish_task_switch(struct task_struct *prev);
/*
 * Create a task sharing nothing user-side, running fn(arg) in kernel mode;
 * it is not started. Its parent is current. [Linux: kernel_thread/copy_process]
 */
struct task_struct *create_kernel_task(int (*fn)(void *), void *arg, const char *name);
/* A task made by sched_copy_process() that never ran: free it. */
void do_exit_unstarted(struct task_struct *p);
struct task_struct *sched_copy_process(const char *name, unsigned int flags);
void sched_set_parent(struct task_struct *p, struct task_struct *parent);
/* Ticks spent in the idle loop, for /proc/uptime. */
extern unsigned long idle_ticks;

#endif
