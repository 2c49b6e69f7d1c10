/* SPDX-License-Identifier: MIT */
/* The arch part of a user address space on s390x: its two address-space-control elements (mm.c). */
#ifndef _ASM_S390X_MMU_H
#define _ASM_S390X_MMU_H

#include <linux/types.h>

typedef struct {
	unsigned long asce;		/* CR1 and CR7, problem state's: its pages only */
	unsigned long kernel_asce;	/* CR13, the kernel's: identity map + its pages */
} mm_context_t;

#endif
