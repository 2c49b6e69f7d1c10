/* SPDX-License-Identifier: MIT */
/* Kernel threads (kernel/kthread.c; Linux: include/linux/kthread.h). */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>
#include <linux/errno.h>

/*
 * Create a kernel thread running threadfn(data), named from namefmt; it
 * does not run until wake_up_process(). Returns ERR_PTR(-ENOMEM) on failure.
 */
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
						  const char *namefmt, ...);
#define kthread_run(fn, data, namefmt, ...)                                    \
	({                                                                     \
		struct task_struct *__k = kthread_create(fn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                              \
			wake_up_process(__k);                                  \
		__k;                                                           \
	})
/* Ask k to stop (kthread_should_stop() turns true), wake it, wait for its exit; returns threadfn's result. */
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
/* Thread function of the running kthread, or NULL for other tasks. */
void *kthread_func(struct task_struct *k);

#endif
