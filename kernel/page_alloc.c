// SPDX-License-Identifier: MIT
/*
 * Physical page allocator: one bit per page frame (1 = in use), with
 * naturally aligned blocks of 2^order pages. Small and obviously correct
 * rather than fast; Linux uses a buddy allocator (mm/page_alloc.c).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include <linux/spinlock.h>
#include <arch.h>

#define MAX_PAGES (4UL << 30 >> PAGE_SHIFT)	/* up to 4 GiB of RAM */
#define BITS_PER_LONG 64

static unsigned long page_bitmap[MAX_PAGES / BITS_PER_LONG];
static unsigned long max_pfn;
static unsigned long free_count, total_count;
static unsigned long search_hint;
static DEFINE_SPINLOCK(page_lock);

static bool pfn_used(unsigned long pfn)
{
	return page_bitmap[pfn / BITS_PER_LONG] & (1UL << (pfn % BITS_PER_LONG));
}

static void set_range(unsigned long pfn, unsigned long n, bool used)
{
	for (; n; pfn++, n--) {
		if (used)
			page_bitmap[pfn / BITS_PER_LONG] |= 1UL << (pfn % BITS_PER_LONG);
		else
			page_bitmap[pfn / BITS_PER_LONG] &= ~(1UL << (pfn % BITS_PER_LONG));
	}
}

static bool range_free(unsigned long pfn, unsigned long n)
{
	for (; n; pfn++, n--)
		if (pfn_used(pfn))
			return false;
	return true;
}

void page_alloc_init(void)
{
	unsigned long pfn;
	int i;

	memset(page_bitmap, 0xff, sizeof(page_bitmap));
	for (i = 0; i < boot_info.nr_ram; i++) {
		u64 start = ALIGN(boot_info.ram[i].start, PAGE_SIZE);
		u64 end = min_t(u64, ALIGN_DOWN(boot_info.ram[i].end, PAGE_SIZE), MAX_PAGES << PAGE_SHIFT);

		if (end <= start)
			continue;
		set_range(start >> PAGE_SHIFT, (end - start) >> PAGE_SHIFT, false);
		max_pfn = max_t(unsigned long, max_pfn, end >> PAGE_SHIFT);
	}
	for (i = 0; i < boot_info.nr_reserved; i++) {
		u64 start = ALIGN_DOWN(boot_info.reserved[i].start, PAGE_SIZE);
		u64 end = min_t(u64, ALIGN(boot_info.reserved[i].end, PAGE_SIZE), (u64)max_pfn << PAGE_SHIFT);

		if (end > start)
			set_range(start >> PAGE_SHIFT, (end - start) >> PAGE_SHIFT, true);
	}
	for (pfn = 0; pfn < max_pfn; pfn++)
		if (!pfn_used(pfn))
			free_count++;
	total_count = free_count;
	pr_info("page allocator: %lu pages free (%lu MiB)\n", free_count, free_count >> (20 - PAGE_SHIFT));
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	unsigned long n = 1UL << order, slots, pfn, i, flags;
	void *va = NULL;

	spin_lock_irqsave(&page_lock, flags);
	slots = max_pfn / n;
	pfn = ALIGN(search_hint, n);
	for (i = 0; i < slots; i++, pfn += n) {
		if (pfn + n > max_pfn)
			pfn = 0;
		if (range_free(pfn, n)) {
			set_range(pfn, n, true);
			free_count -= n;
			search_hint = pfn + n;
			va = __va(pfn << PAGE_SHIFT);
			break;
		}
	}
	spin_unlock_irqrestore(&page_lock, flags);
	if (va && (gfp & __GFP_ZERO))
		memset(va, 0, PAGE_SIZE << order);
	return (unsigned long)va;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	unsigned long pfn = __pa(addr) >> PAGE_SHIFT, n = 1UL << order, flags;

	if (!addr)
		return;
	if (WARN_ONCE((addr & (PAGE_SIZE - 1)) || pfn + n > max_pfn || range_free(pfn, 1),
		      "free_pages: bad address %lx order %u\n", addr, order))
		return;
	spin_lock_irqsave(&page_lock, flags);
	set_range(pfn, n, false);
	free_count += n;
	spin_unlock_irqrestore(&page_lock, flags);
}

unsigned long nr_free_pages(void)
{
	return free_count;
}

unsigned long totalram_pages(void)
{
	return total_count;
}
