/* SPDX-License-Identifier: MIT */
/* Tasks (kernel/sched/; Linux: include/linux/sched.h). Grows with the scheduler. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>

#define TASK_COMM_LEN 16

struct task_struct {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	unsigned long stack_lo, stack_hi;	/* kernel stack bounds */
};

/* The running task. Before the scheduler starts: the boot task, pid 0 ("swapper"). */
extern struct task_struct *current;
extern struct task_struct init_task;

#endif
