/* SPDX-License-Identifier: MIT */
/* s390x page size and the kernel's address space (Linux: arch/s390/include/asm/page.h). */
#ifndef _ASM_S390X_PAGE_H
#define _ASM_S390X_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/*
 * DAT is off for the kernel: every address is a real address, so the
 * direct map is the identity and the image is linked where it is loaded
 * (mm.c says why).
 */
#define PAGE_OFFSET 0UL

#ifndef __ASSEMBLY__
#define __va(pa) ((void *)(unsigned long)(pa))
#define __pa(va) ((unsigned long)(va))
#define __pa_symbol(va) ((unsigned long)(va))
#endif

#endif
