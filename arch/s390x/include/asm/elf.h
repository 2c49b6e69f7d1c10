/* SPDX-License-Identifier: MIT */
/* What an s390x user executable looks like, and where user space lives. */
#ifndef _ASM_S390X_ELF_H
#define _ASM_S390X_ELF_H

#define ELF_ARCH_MACHINE 22	/* EM_S390 */
#define ELF_ARCH_DATA 2		/* ELFDATA2MSB */

/* User programs are linked at 0x10000000 (user/user.lds); stacks below 2 GiB. */
#define USER_BASE 0x1000UL
#define TASK_SIZE 0x0000020000000000UL
#define USER_STACK_TOP 0x0000000080000000UL

#endif
