/* SPDX-License-Identifier: MIT */
/* The arch part of a user address space on s390x: its region/segment table origin. */
#ifndef _ASM_S390X_MMU_H
#define _ASM_S390X_MMU_H

#include <linux/types.h>

typedef struct {
	unsigned long asce;	/* address-space-control element (0: none yet) */
} mm_context_t;

#endif
