/* SPDX-License-Identifier: MIT */
/* Saved register frame built by the x86_64 entry code (Linux: arch/x86/include/asm/ptrace.h). */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

#ifndef __ASSEMBLY__
#include <linux/types.h>

/*
 * Layout on the kernel stack after an interrupt, exception or syscall,
 * lowest address first. Linux's order, plus `vector` (which entry stub).
 * entry.S builds it; keep the PTREGS_* offsets below in step.
 */
struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10;
	unsigned long r9, r8, ax, cx, dx, si, di;
	unsigned long vector;		/* IDT vector, or ~0 for a syscall */
	unsigned long orig_ax;		/* error code, or the syscall number */
	unsigned long ip, cs, flags, sp, ss;	/* the hardware frame */
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}
#endif

#define PTREGS_VECTOR 120
#define PTREGS_ORIG_AX 128
#define PTREGS_IP 136
#define PTREGS_CS 144
#define PTREGS_SIZE 176

#endif
