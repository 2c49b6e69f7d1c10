/* SPDX-License-Identifier: MIT */
/* Declarations private to kernel/sched/. */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/sched.h>

extern struct task_struct *idle_task;
extern unsigned long nr_context_switches;

pid_t sched_alloc_pid(void);
void sched_task_dead(struct task_struct *p);
void sched_free_task(struct task_struct *p);
void schedule_preempted(void);
void schedule_idle(void);
void release_task(struct task_struct *p);
void exit_zombie_done(struct task_struct *p);

#endif
