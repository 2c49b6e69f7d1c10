/* SPDX-License-Identifier: MIT */
/* x86_64 page size and the kernel's address-space layout. */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* All RAM is mapped here (Linux's direct map base, without KASLR). */
#define PAGE_OFFSET 0xffff888000000000UL
/* The kernel image: virtual = physical + KERNEL_VMA. */
#define KERNEL_VMA 0xffffffff80000000UL

#ifndef __ASSEMBLY__
#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
#define __pa(va) ((unsigned long)(va) - PAGE_OFFSET)
/* Physical address of a symbol of the kernel image. */
#define __pa_symbol(va) ((unsigned long)(va) - KERNEL_VMA)
#endif

#endif
