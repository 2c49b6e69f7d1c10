/* SPDX-License-Identifier: MIT */
/* Page allocation flags and the page allocator (kernel/page_alloc.c; Linux: include/linux/gfp.h). */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define __GFP_ZERO 0x100u
#define GFP_KERNEL 0x1u
#define GFP_ATOMIC 0x2u
#define GFP_NOWAIT GFP_ATOMIC

/*
 * Pages come from the direct map: the return value is a kernel virtual
 * address (0 on failure), aligned to PAGE_SIZE << order.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define free_page(addr) free_pages(addr, 0)

/* Boot: hand every free page of boot_info.ram (less reserved ranges) to the allocator. */
void page_alloc_init(void);
/* Counters for /proc/meminfo and tests. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

#endif
