/* SPDX-License-Identifier: MIT */
/*
 * s390x system call ABI: svc 0 with the number in r1 (svc n for n 1-255),
 * args in r2-r7, result in r2 (Linux: arch/s390/include/asm/syscall.h).
 */
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

/* Entered by SVC? entry.S sets _PIF_SYSCALL; a restart clears it. */
static inline bool arch_in_syscall(const struct pt_regs *regs)
{
	return regs->flags & _PIF_SYSCALL;
}

static inline long arch_syscall_return(const struct pt_regs *regs)
{
	return regs->gprs[2];
}

static inline void arch_syscall_set_return(struct pt_regs *regs, long value)
{
	regs->gprs[2] = value;
}

/*
 * Run the same SVC again: back the PSW up by the instruction's length
 * (the ILC, int_code's high half), and give r2 its argument back; r1
 * still holds the number. Once only: the flag goes, as in Linux's
 * arch_do_signal_or_restart(), because orig_gpr2 is an argument and could
 * look like -ERESTARTSYS to a second do_signal().
 */
static inline void arch_syscall_restart(struct pt_regs *regs)
{
	regs->gprs[2] = regs->orig_gpr2;
	regs->psw.addr -= regs->int_code >> 16;
	regs->flags &= ~_PIF_SYSCALL;
}

#endif
