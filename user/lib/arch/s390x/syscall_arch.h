/* SPDX-License-Identifier: MIT */
/*
 * s390x system call entry for user programs: Linux's numbers
 * (arch/s390/kernel/syscalls/syscall.tbl, 64-bit column) and register
 * convention.
 */
#ifndef _USER_SYSCALL_ARCH_H
#define _USER_SYSCALL_ARCH_H

/* The kernel's own list of numbers (arch/s390x/include/asm/unistd.h). */
#include <asm/unistd.h>

/*
 * `svc 0`: with interruption code 0 the kernel takes the number from r1
 * (numbers above 255 do not fit the SVC immediate, so every number goes
 * through r1 here). Arguments in r2..r7, result in r2 (-4095..-1 is
 * -errno); every other general register is preserved. r6 and r7 are
 * callee-saved in the s390x ELF ABI, so the compiler saves them around
 * this when it must.
 */
static inline long arch_syscall(long nr, long a1, long a2, long a3,
				long a4, long a5, long a6)
{
	register long r1 __asm__("r1") = nr;
	register long r2 __asm__("r2") = a1;
	register long r3 __asm__("r3") = a2;
	register long r4 __asm__("r4") = a3;
	register long r5 __asm__("r5") = a4;
	register long r6 __asm__("r6") = a5;
	register long r7 __asm__("r7") = a6;

	__asm__ volatile("svc 0"
			 : "+d"(r2)
			 : "d"(r1), "d"(r3), "d"(r4), "d"(r5), "d"(r6), "d"(r7)
			 : "cc", "memory");
	return r2;
}

#endif
