// SPDX-License-Identifier: MIT
/* The task that runs start_kernel(): pid 0, "swapper" (Linux: init/init_task.c). */
#include <linux/kernel.h>
#include <linux/sched.h>

struct task_struct init_task = {
	.pid = 0,
	.comm = "swapper/0",
};

struct task_struct *current = &init_task;
