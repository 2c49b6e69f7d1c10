/* SPDX-License-Identifier: MIT */
/* What an x86_64 user executable looks like, and where user space lives. */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#define ELF_ARCH_MACHINE 62	/* EM_X86_64 */
#define ELF_ARCH_DATA 1		/* ELFDATA2LSB */

/* User addresses are [USER_BASE, TASK_SIZE): the lower half, less page 0. */
#define USER_BASE 0x1000UL
#define TASK_SIZE 0x00007ffffffff000UL
#define USER_STACK_TOP 0x00007ffffff00000UL

#endif
