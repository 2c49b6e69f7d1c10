// SPDX-License-Identifier: MIT
/*
 * The x86_64 module area: 64 MiB of kernel virtual addresses at
 * 0xffffffffa0000000, inside the top 2 GiB with the kernel image, so that
 * module code built with -mcmodel=kernel reaches the kernel (and kernel
 * addresses fit its sign-extended 32-bit fields). Each page is mapped on
 * its own from the page allocator; its direct-map alias stays writable,
 * which is how text can be patched later. (Linux: module_alloc() in
 * arch/x86/kernel/module.c, MODULES_VADDR in pgtable_64_types.h.)
 */
#define pr_fmt(fmt) "module: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <arch.h>
#include <asm/pgtable.h>

#define MODULES_PAGES (MODULES_LEN / PAGE_SIZE)

static u64 used[MODULES_PAGES / 64];	/* one bit per page of the area */
static DEFINE_MUTEX(area_mutex);

static bool page_used(unsigned long n)
{
	return used[n / 64] & (1ULL << (n % 64));
}

static void mark(unsigned long first, unsigned long count, bool on)
{
	unsigned long n;

	for (n = first; n < first + count; n++) {
		if (on)
			used[n / 64] |= 1ULL << (n % 64);
		else
			used[n / 64] &= ~(1ULL << (n % 64));
	}
}

/* First fit: the first run of count free pages, or -1. */
static long find_free(unsigned long count)
{
	unsigned long n, run = 0;

	for (n = 0; n < MODULES_PAGES; n++) {
		run = page_used(n) ? 0 : run + 1;
		if (run == count)
			return n + 1 - count;
	}
	return -1;
}

static void flush_page(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

static void unmap_pages(unsigned long va, unsigned long count)
{
	unsigned long i;

	for (i = 0; i < count; i++, va += PAGE_SIZE) {
		u64 *pte = x86_lookup_pte(va);

		if (!pte || !(*pte & PTE_PRESENT))
			continue;
		free_page((unsigned long)__va(*pte & PTE_ADDR_MASK));
		*pte = 0;
		flush_page(va);
	}
}

void *arch_module_alloc(size_t size)
{
	unsigned long count = DIV_ROUND_UP(size, PAGE_SIZE), va, i;
	long first;

	if (!count || count > MODULES_PAGES)
		return NULL;
	mutex_lock(&area_mutex);
	first = find_free(count);
	if (first < 0) {
		mutex_unlock(&area_mutex);
		return NULL;
	}
	mark(first, count, true);
	mutex_unlock(&area_mutex);

	va = MODULES_VADDR + first * PAGE_SIZE;
	for (i = 0; i < count; i++) {
		unsigned long page = get_zeroed_page(GFP_KERNEL);

		if (!page || x86_map_page(kernel_pml4, va + i * PAGE_SIZE, __pa(page),
					  PTE_WRITE | PTE_NX, false)) {
			if (page)
				free_page(page);
			unmap_pages(va, i);
			mutex_lock(&area_mutex);
			mark(first, count, false);
			mutex_unlock(&area_mutex);
			return NULL;
		}
	}
	return (void *)va;
}

void arch_module_free(void *addr, size_t size)
{
	unsigned long va = (unsigned long)addr, count = DIV_ROUND_UP(size, PAGE_SIZE);

	if (!addr)
		return;
	if (WARN_ON_ONCE(va < MODULES_VADDR || va + count * PAGE_SIZE > MODULES_VADDR + MODULES_LEN))
		return;
	unmap_pages(va, count);
	mutex_lock(&area_mutex);
	mark((va - MODULES_VADDR) / PAGE_SIZE, count, false);
	mutex_unlock(&area_mutex);
}

int arch_module_set_prot(void *addr, size_t size, unsigned int prot)
{
	unsigned long va = (unsigned long)addr, end = va + size;
	u64 flags = 0;

	if (va < MODULES_VADDR || end > MODULES_VADDR + MODULES_LEN || end < va ||
	    (va | size) & (PAGE_SIZE - 1) ||
	    ((prot & PROT_WRITE) && (prot & PROT_EXEC)))
		return -EINVAL;
	if (prot & PROT_WRITE)
		flags |= PTE_WRITE;
	if (!(prot & PROT_EXEC))
		flags |= PTE_NX;
	for (; va < end; va += PAGE_SIZE) {
		u64 *pte = x86_lookup_pte(va);

		if (!pte || !(*pte & PTE_PRESENT))
			return -EINVAL;
		*pte = (*pte & PTE_ADDR_MASK) | PTE_PRESENT | flags;
		flush_page(va);
	}
	return 0;
}
