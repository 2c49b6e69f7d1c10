/* SPDX-License-Identifier: MIT */
/* What an s390x user executable looks like, and where user space lives. */
#ifndef _ASM_S390X_ELF_H
#define _ASM_S390X_ELF_H

#define ELF_ARCH_MACHINE 22	/* EM_S390 */
#define ELF_ARCH_DATA 2		/* ELFDATA2MSB */

/*
 * User addresses are [USER_BASE, TASK_SIZE): 256 MiB to 2 GiB, the part
 * of one segment table's reach (mm.c) above the kernel's identity map of
 * RAM, which stops at USER_BASE. Programs are linked at USER_BASE
 * (user/user.mk), the stack ends at 2 GiB.
 */
#define USER_BASE 0x10000000UL
#define TASK_SIZE 0x80000000UL
#define USER_STACK_TOP TASK_SIZE

#endif
