/* SPDX-License-Identifier: MIT */
/* x86_64 4-level page-table entries (Intel SDM Vol. 3A 4.5). */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>

#define PTE_PRESENT (1ULL << 0)
#define PTE_WRITE (1ULL << 1)
#define PTE_USER (1ULL << 2)
#define PTE_LARGE (1ULL << 7)
#define PTE_NX (1ULL << 63)
#define PTE_ADDR_MASK 0x000ffffffffff000ULL
#define LARGE_PAGE_SIZE (2UL << 20)

#define PML4_INDEX(va) (((va) >> 39) & 511)
#define PDPT_INDEX(va) (((va) >> 30) & 511)
#define PD_INDEX(va) (((va) >> 21) & 511)
#define PT_INDEX(va) (((va) >> 12) & 511)

/*
 * The module area: 64 MiB inside the top 2 GiB with the kernel image, for
 * -mcmodel=kernel (module_alloc.c). [Linux: MODULES_VADDR, MODULES_END]
 */
#define MODULES_VADDR 0xffffffffa0000000UL
#define MODULES_LEN (64UL << 20)
#define MODULES_END (MODULES_VADDR + MODULES_LEN)

extern u64 *kernel_pml4;
int x86_map_page(u64 *pml4, unsigned long va, u64 pa, u64 flags, bool large);
/* The leaf entry of va, or NULL. notrace: arch_text_poke() uses them. */
u64 *x86_lookup_pte(unsigned long va);
u64 *x86_walk(u64 *pml4, unsigned long va);

#endif
