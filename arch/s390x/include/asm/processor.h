/* SPDX-License-Identifier: MIT */
/* Per-task saved CPU context on s390x (Linux: arch/s390/include/asm/processor.h). */
#ifndef _ASM_S390X_PROCESSOR_H
#define _ASM_S390X_PROCESSOR_H

#ifndef __ASSEMBLY__
struct thread_struct {
	unsigned long ksp;	/* kernel r15 while switched out (switch.S) */
};
#endif

/* Offset used by switch.S: task_struct starts with ti_flags, then thread. */
#define TASK_THREAD_KSP 8

/*
 * Kernel stacks are THREAD_SIZE (32 KiB) blocks aligned to their size,
 * the lowest page a guard. gcc -mstack-size/-mstack-guard (arch.mk) makes
 * every function prologue trap when the incoming r15 lies in that page;
 * entry.S makes the same test with this mask. [Linux: the former
 * CONFIG_CHECK_STACK]
 */
#define STACK_CHECK_SIZE 32768
#define STACK_GUARD_SIZE 4096
#define STACK_CHECK_MASK (STACK_CHECK_SIZE - STACK_GUARD_SIZE)

#endif
