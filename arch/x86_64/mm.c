// SPDX-License-Identifier: MIT
/*
 * x86_64 paging: the final kernel page tables (Linux: arch/x86/mm/init_64.c).
 * The kernel image is mapped with 4 KiB pages and W^X permissions, all RAM
 * is mapped at PAGE_OFFSET (2 MiB pages, no execute), and nothing is mapped
 * at low addresses, so a NULL pointer dereference faults.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <arch.h>
#include <asm/x86.h>
#include <asm/pgtable.h>

extern char _text[], _etext[], _erodata[], _end[];
extern char boot_stack_guard[];

u64 *kernel_pml4;

static u64 *table_alloc(void)
{
	void *p = (void *)get_zeroed_page(GFP_KERNEL);

	if (!p)
		panic("out of memory for page tables");
	return p;
}

/* The next-level table behind entry *e, allocated on first use. */
static u64 *next_table(u64 *e)
{
	if (!(*e & PTE_PRESENT))
		*e = __pa(table_alloc()) | PTE_PRESENT | PTE_WRITE;
	return __va(*e & PTE_ADDR_MASK);
}

/* Map one page (4 KiB, or 2 MiB when large) of va to pa in pml4. */
void x86_map_page(u64 *pml4, unsigned long va, u64 pa, u64 flags, bool large)
{
	u64 *pdpt = next_table(&pml4[PML4_INDEX(va)]);
	u64 *pd = next_table(&pdpt[PDPT_INDEX(va)]);
	u64 *pt;

	if (large) {
		pd[PD_INDEX(va)] = pa | flags | PTE_PRESENT | PTE_LARGE;
		return;
	}
	pt = next_table(&pd[PD_INDEX(va)]);
	pt[PT_INDEX(va)] = pa | flags | PTE_PRESENT;
}

/* The leaf entry mapping va in the kernel tables, or NULL. */
u64 *x86_lookup_pte(unsigned long va)
{
	u64 *t = kernel_pml4;
	u64 e;

	e = t[PML4_INDEX(va)];
	if (!(e & PTE_PRESENT))
		return NULL;
	t = __va(e & PTE_ADDR_MASK);
	e = t[PDPT_INDEX(va)];
	if (!(e & PTE_PRESENT))
		return NULL;
	t = __va(e & PTE_ADDR_MASK);
	if (t[PD_INDEX(va)] & PTE_LARGE)
		return &t[PD_INDEX(va)];
	e = t[PD_INDEX(va)];
	if (!(e & PTE_PRESENT))
		return NULL;
	t = __va(e & PTE_ADDR_MASK);
	return &t[PT_INDEX(va)];
}

static u64 image_flags(unsigned long va)
{
	if (va < (unsigned long)_etext)
		return 0;				/* text: read-only, executable */
	if (va < (unsigned long)_erodata)
		return PTE_NX;				/* rodata */
	return PTE_WRITE | PTE_NX;			/* data, bss */
}

void arch_mm_init(void)
{
	unsigned long va;
	u64 top = 0, pa;
	int i;

	kernel_pml4 = table_alloc();
	for (i = 0; i < boot_info.nr_ram; i++)
		top = max(top, boot_info.ram[i].end);
	for (pa = 0; pa < ALIGN(top, LARGE_PAGE_SIZE); pa += LARGE_PAGE_SIZE)
		x86_map_page(kernel_pml4, (unsigned long)__va(pa), pa, PTE_WRITE | PTE_NX, true);

	for (va = (unsigned long)_text; va < (unsigned long)_end; va += PAGE_SIZE) {
		if (va == (unsigned long)boot_stack_guard)
			continue;			/* overflow of the boot stack faults */
		x86_map_page(kernel_pml4, va, __pa_symbol(va), image_flags(va), false);
	}
	/* Populate every kernel-half PML4 slot now, so later address spaces can share them. */
	for (i = 256; i < 512; i++)
		next_table(&kernel_pml4[i]);
	write_cr3(__pa(kernel_pml4));
	pr_info("paging: kernel text RX, rodata R, data RW-NX; %llu MiB direct-mapped at %lx\n",
		(unsigned long long)(top >> 20), PAGE_OFFSET);
}
