/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks for a uniprocessor kernel: taking one disables interrupts
 * (the _irqsave forms) or preemption. The lock word still records its
 * owner state so misuse (recursion, unlock of a free lock) is caught.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/irqflags.h>

typedef struct {
	volatile int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(x) { 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void spin_lock_init(spinlock_t *lock) { lock->locked = 0; }

void spin_lock_bug(spinlock_t *lock, const char *what);

static inline void __spin_acquire(spinlock_t *lock)
{
	if (unlikely(lock->locked))
		spin_lock_bug(lock, "recursive lock");
	lock->locked = 1;
	barrier();
}

static inline void __spin_release(spinlock_t *lock)
{
	barrier();
	if (unlikely(!lock->locked))
		spin_lock_bug(lock, "unlock of unlocked lock");
	lock->locked = 0;
}

#define spin_lock_irqsave(lock, flags)                  \
	do {                                            \
		(flags) = arch_local_irq_save();        \
		__spin_acquire(lock);                   \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	__spin_release(lock);
	arch_local_irq_restore(flags);
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	arch_local_irq_disable();
	__spin_acquire(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	__spin_release(lock);
	arch_local_irq_enable();
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()
#define irqs_disabled() arch_irqs_disabled_flags(arch_local_save_flags())

#endif
