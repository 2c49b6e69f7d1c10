/* SPDX-License-Identifier: MIT */
/* s390x system call ABI: svc 0 with the number in r1, args in r2-r7, result in r2. */
#ifndef _ASM_S390X_SYSCALL_H
#define _ASM_S390X_SYSCALL_H

#include <asm/ptrace.h>

#define __ARCH_SYS_PREFIX __s390x_sys_

/* r2 is overwritten by the result, so the first argument comes from orig_gpr2. */
static inline unsigned long __syscall_arg(const struct pt_regs *regs, int n)
{
	return n == 0 ? regs->orig_gpr2 : regs->gprs[2 + n];
}
#define SYSCALL_ARG(regs, n) __syscall_arg(regs, n)

/* Entered by SVC (interruption code 0x20 << ... kept in int_code's high byte by entry.S)? */
static inline bool arch_in_syscall(const struct pt_regs *regs)
{
	return regs->int_code & 0x80000000u;
}

static inline long arch_syscall_return(const struct pt_regs *regs)
{
	return regs->gprs[2];
}

static inline void arch_syscall_set_return(struct pt_regs *regs, long value)
{
	regs->gprs[2] = value;
}

/* Run the same SVC again: back up by its length (the ILC), restore r2. */
static inline void arch_syscall_restart(struct pt_regs *regs)
{
	regs->gprs[2] = regs->orig_gpr2;
	regs->psw.addr -= (regs->int_code >> 16) & 0x7ff;
}

#endif
