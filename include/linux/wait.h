/* SPDX-License-Identifier: MIT */
/* Wait queues (kernel/sched/wait.c; Linux: include/linux/wait.h). */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/errno.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode);

struct wait_queue_entry {
	struct task_struct *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { __SPIN_LOCK_UNLOCKED(name.lock), LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode);
#define DEFINE_WAIT(name)                                                     \
	struct wait_queue_entry name = { current, default_wake_function,      \
					 LIST_HEAD_INIT(name.entry) }

void init_waitqueue_head(struct wait_queue_head *wq);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
/* Wake the waiters in one of the states in mode; nr = 0 means all. */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr);
#define wake_up(wq) __wake_up(wq, TASK_NORMAL, 1)
#define wake_up_all(wq) __wake_up(wq, TASK_NORMAL, 0)
#define wake_up_interruptible(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 0)

#define ___wait_event(wq, cond, state, timeout, ret)                          \
	({                                                                    \
		DEFINE_WAIT(__w);                                             \
		long __t = (timeout);                                         \
		for (;;) {                                                    \
			prepare_to_wait(&(wq), &__w, state);                  \
			if (cond)                                             \
				break;                                        \
			if ((state) == TASK_INTERRUPTIBLE && signal_pending(current)) { \
				ret = -ERESTARTSYS;                           \
				break;                                        \
			}                                                     \
			if (__t < 0) {                                        \
				schedule();                                   \
			} else {                                              \
				__t = schedule_timeout(__t);                  \
				if (!__t) {                                   \
					ret = (cond) ? 1 : 0;                 \
					break;                                \
				}                                             \
				ret = __t;                                    \
			}                                                     \
		}                                                             \
		finish_wait(&(wq), &__w);                                     \
	})

/* Sleep until cond is true (checked after each wake-up). */
#define wait_event(wq, cond)                                                  \
	do {                                                                  \
		long __r = 0;                                                 \
		if (!(cond))                                                  \
			___wait_event(wq, cond, TASK_UNINTERRUPTIBLE, -1, __r); \
		(void)__r;                                                    \
	} while (0)
/* Same, but a signal ends the wait with -ERESTARTSYS. */
#define wait_event_interruptible(wq, cond)                                    \
	({                                                                    \
		long __r = 0;                                                 \
		if (!(cond))                                                  \
			___wait_event(wq, cond, TASK_INTERRUPTIBLE, -1, __r); \
		(int)(__r < 0 ? __r : 0);                                     \
	})
/* Returns 0 if timeout ticks passed with cond false, else ticks left (at least 1). */
#define wait_event_timeout(wq, cond, timeout)                                 \
	({                                                                    \
		long __r = (timeout);                                         \
		if (!(cond))                                                  \
			___wait_event(wq, cond, TASK_UNINTERRUPTIBLE, timeout, __r); \
		else if (!__r)                                                \
			__r = 1;                                              \
		__r;                                                          \
	})
#define wait_event_interruptible_timeout(wq, cond, timeout)                   \
	({                                                                    \
		long __r = (timeout);                                         \
		if (!(cond))                                                  \
			___wait_event(wq, cond, TASK_INTERRUPTIBLE, timeout, __r); \
		else if (!__r)                                                \
			__r = 1;                                              \
		__r;                                                          \
	})

#endif
