/* SPDX-License-Identifier: MIT */
/*
 * x86_64 system call entry for user programs: Linux's numbers
 * (arch/x86/entry/syscalls/syscall_64.tbl) and register convention.
 */
#ifndef _USER_SYSCALL_ARCH_H
#define _USER_SYSCALL_ARCH_H

/* The kernel's own list of numbers (arch/x86_64/include/asm/unistd.h). */
#include <asm/unistd.h>

/*
 * `syscall`: number in rax, arguments in rdi rsi rdx r10 r8 r9, result in
 * rax (-4095..-1 is -errno). The instruction itself overwrites rcx (return
 * rip) and r11 (saved rflags) (Intel SDM vol. 2B, SYSCALL; x86_64 psABI
 * A.2.1). Unused trailing arguments are passed as 0.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3),
			   "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#endif
