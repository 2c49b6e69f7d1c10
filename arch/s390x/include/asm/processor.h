/* SPDX-License-Identifier: MIT */
/* Per-task saved CPU context on s390x (Linux: arch/s390/include/asm/processor.h). */
#ifndef _ASM_S390X_PROCESSOR_H
#define _ASM_S390X_PROCESSOR_H

#ifndef __ASSEMBLY__
struct thread_struct {
	unsigned long ksp;	/* kernel r15 while switched out (switch.S) */
};
#endif

/* Offsets used by entry.S and switch.S: task_struct starts with ti_flags, then thread. */
#define TASK_TI_FLAGS 0
#define TASK_THREAD_KSP 8

/*
 * The thread-info flags that make a return to problem state go through
 * exit_to_user_mode() first; entry.S tests them, process.c checks them
 * against linux/sched.h: NOTIFY_RESUME (bit 1), SIGPENDING (2),
 * NEED_RESCHED (3), NOTIFY_SIGNAL (12), PATCH_PENDING (13).
 * [Linux: _TIF_WORK in arch/s390/kernel/entry.S]
 */
#define _TIF_WORK 0x300e

/*
 * Kernel stacks are THREAD_SIZE (32 KiB) blocks aligned to their size,
 * the lowest page a guard, invalid in the page tables (mm.c). gcc
 * -mstack-size/-mstack-guard (arch.mk) makes every function prologue
 * trap when the incoming r15 lies in that page; entry.S makes the same
 * test with this mask, on r15 and on the frame it builds. [Linux: the
 * former CONFIG_CHECK_STACK]
 */
#define STACK_CHECK_SIZE 32768
#define STACK_GUARD_SIZE 4096
#define STACK_CHECK_MASK (STACK_CHECK_SIZE - STACK_GUARD_SIZE)

#endif
