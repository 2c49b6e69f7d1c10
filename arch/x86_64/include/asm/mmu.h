/* SPDX-License-Identifier: MIT */
/* The arch part of a user address space on x86_64: its top-level page table. */
#ifndef _ASM_X86_MMU_H
#define _ASM_X86_MMU_H

#include <linux/types.h>

typedef struct {
	u64 *pgd;		/* PML4: user half private, kernel half shared */
} mm_context_t;

#endif
