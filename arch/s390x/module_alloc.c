// SPDX-License-Identifier: MIT
/*
 * s390x module memory: pages from the page allocator, seen through the
 * kernel's identity map (mm.c), so a page runs where the allocator hands
 * it out, and any address in RAM is within the +-4 GiB of larl/brasl from
 * the kernel. Protection is set on the identity map's own page-table
 * entries, which every address space shares: text read-only, read-only
 * data read-only and, with instruction-execution protection, data not
 * executable. (Linux: module_alloc() in arch/s390/kernel/module.c,
 * set_memory_ro/x/nx() in arch/s390/mm/pageattr.c.)
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <arch.h>
#include <asm/pgtable.h>
#include <asm/s390x.h>

static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/*
 * Set the protection bits of the identity map's entries for [va, end).
 * An entry is changed in place, then PURGE TLB drops any translation of
 * the old one (PoP ch. 3, "Translation-Lookaside Buffer"): on the one CPU
 * nothing can use the old entry in between but this code, which does not
 * touch these pages. Linux uses IPTE, which SMP needs. 0, or -EINVAL if a
 * page is not mapped.
 */
static int set_page_bits(unsigned long va, unsigned long end, unsigned long bits)
{
	unsigned long a;

	for (a = va; a < end; a += PAGE_SIZE)
		if (!s390x_identity_pte(a))
			return -EINVAL;
	for (a = va; a < end; a += PAGE_SIZE) {
		unsigned long *pte = s390x_identity_pte(a);

		*pte = (*pte & ~(_PAGE_PROTECT | _PAGE_NOEXEC)) | bits;
	}
	__tlb_flush_local();
	return 0;
}

static unsigned long prot_bits(unsigned int prot)
{
	unsigned long bits = 0;

	if (!(prot & PROT_WRITE))
		bits |= _PAGE_PROTECT;
	if (!(prot & PROT_EXEC) && s390x_has_nx)
		bits |= _PAGE_NOEXEC;
	return bits;
}

/* Read-write and not executable until the loader says otherwise. */
void *arch_module_alloc(size_t size)
{
	unsigned long va;

	if (!size || size > (64UL << 20))
		return NULL;
	va = __get_free_pages(GFP_KERNEL | __GFP_ZERO, size_order(size));
	if (va && set_page_bits(va, va + (PAGE_SIZE << size_order(size)),
				prot_bits(PROT_READ | PROT_WRITE))) {
		free_pages(va, size_order(size));
		return NULL;
	}
	return (void *)va;
}

/*
 * Back to the identity map's default for the page allocator's pages
 * (mm.c), read-write and not executable, for the next user of the pages.
 */
void arch_module_free(void *addr, size_t size)
{
	unsigned long va = (unsigned long)addr;

	if (!addr)
		return;
	set_page_bits(va, va + (PAGE_SIZE << size_order(size)), prot_bits(PROT_READ | PROT_WRITE));
	free_pages(va, size_order(size));
}

int arch_module_set_prot(void *addr, size_t size, unsigned int prot)
{
	unsigned long va = (unsigned long)addr;

	if ((va | size) & (PAGE_SIZE - 1) || va + size < va ||
	    ((prot & PROT_WRITE) && (prot & PROT_EXEC)))
		return -EINVAL;
	return set_page_bits(va, va + size, prot_bits(prot));
}
