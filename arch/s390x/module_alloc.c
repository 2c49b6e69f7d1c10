// SPDX-License-Identifier: MIT
/*
 * s390x module memory: pages from the page allocator. The kernel sees
 * storage through the identity map (mm.c), so a page runs where the
 * allocator hands it out, and any address in RAM is within the +-4 GiB
 * of larl/brasl from the kernel. (Linux: module_alloc() in
 * arch/s390/kernel/module.c.)
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <arch.h>

static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

void *arch_module_alloc(size_t size)
{
	if (!size || size > (64UL << 20))
		return NULL;
	return (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, size_order(size));
}

void arch_module_free(void *addr, size_t size)
{
	if (addr)
		free_pages((unsigned long)addr, size_order(size));
}

/*
 * Not enforced yet: the identity map's page tables are shared by every
 * address space and mapped read-write (mm.c); page protection for
 * modules comes with the s390x parity issue. Arguments are still
 * checked, so a caller's mistake shows on both arches.
 */
int arch_module_set_prot(void *addr, size_t size, unsigned int prot)
{
	if (((unsigned long)addr | size) & (PAGE_SIZE - 1) ||
	    ((prot & PROT_WRITE) && (prot & PROT_EXEC)))
		return -EINVAL;
	return 0;
}
