/* SPDX-License-Identifier: MIT */
/* Per-task saved CPU context on x86_64 (Linux: arch/x86/include/asm/processor.h). */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#ifndef __ASSEMBLY__
struct thread_struct {
	unsigned long sp;	/* kernel rsp while switched out (switch.S frame) */
	unsigned long sp0;	/* top of the kernel stack: TSS.rsp0 in user mode */
};
#endif

/* Offsets used by switch.S: task_struct starts with ti_flags, then thread. */
#define TASK_THREAD_SP 8

#endif
