/* SPDX-License-Identifier: MIT */
/* x86_64 system call ABI: rax = number, args in rdi rsi rdx r10 r8 r9, result in rax. */
#ifndef _ASM_X86_SYSCALL_H
#define _ASM_X86_SYSCALL_H

#include <asm/ptrace.h>

#define __ARCH_SYS_PREFIX __x64_sys_

static inline unsigned long __syscall_arg(const struct pt_regs *regs, int n)
{
	switch (n) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
}
#define SYSCALL_ARG(regs, n) __syscall_arg(regs, n)

/* Did regs come from the syscall instruction (not an interrupt)? */
static inline bool arch_in_syscall(const struct pt_regs *regs)
{
	return regs->vector == ~0UL;
}

static inline long arch_syscall_return(const struct pt_regs *regs)
{
	return regs->ax;
}

static inline void arch_syscall_set_return(struct pt_regs *regs, long value)
{
	regs->ax = value;
}

/* Run the same system call again on return: the instruction is `syscall`, 2 bytes. */
static inline void arch_syscall_restart(struct pt_regs *regs)
{
	regs->ax = regs->orig_ax;
	regs->ip -= 2;
}

#endif
