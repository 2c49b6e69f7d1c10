// SPDX-License-Identifier: MIT
/*
 * Mutexes: an owner and a wait queue. One CPU, so taking the lock is a
 * test-and-set with interrupts off; waiters sleep until it is released
 * (Linux: kernel/locking/mutex.c, without optimistic spinning).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

bool mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	bool taken = false;

	local_irq_save(flags);
	if (!lock->owner) {
		lock->owner = current;
		taken = true;
	}
	local_irq_restore(flags);
	return taken;
}

void mutex_lock(struct mutex *lock)
{
	WARN_ONCE(lock->owner == current, "mutex %p: recursive lock by %s/%d\n", lock,
		  current->comm, current->pid);
	wait_event(lock->wait, mutex_trylock(lock));
}

void mutex_unlock(struct mutex *lock)
{
	WARN_ONCE(lock->owner != current, "mutex %p: unlocked by %s/%d, not its owner\n", lock,
		  current->comm, current->pid);
	WRITE_ONCE(lock->owner, NULL);
	wake_up(&lock->wait);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}
