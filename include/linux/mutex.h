/* SPDX-License-Identifier: MIT */
/* Sleeping locks (kernel/sched/mutex.c; Linux: include/linux/mutex.h). */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	/* NULL when free */
	struct wait_queue_head wait;
};

#define __MUTEX_INITIALIZER(name) { NULL, __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

static inline void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

/* Sleep until the lock is free, then take it. Process context; not recursive. */
void mutex_lock(struct mutex *lock);
/* Take it if free: true on success. */
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif
