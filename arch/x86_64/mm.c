// SPDX-License-Identifier: MIT
/*
 * x86_64 paging: the final kernel page tables (Linux: arch/x86/mm/init_64.c).
 * The kernel image is mapped with 4 KiB pages and W^X permissions, all RAM
 * is mapped at PAGE_OFFSET (2 MiB pages, no execute), and nothing is mapped
 * at low addresses, so a NULL pointer dereference faults.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <arch.h>
#include <asm/x86.h>
#include <asm/pgtable.h>

extern char _text[], _etext[], _erodata[], _end[];
extern char boot_stack_guard[];

u64 *kernel_pml4;

static u64 *table_alloc(void)
{
	return (u64 *)get_zeroed_page(GFP_KERNEL);
}

/*
 * The next-level table behind entry *e, allocated on first use. user:
 * the entry must also allow user access (the leaf decides the rest).
 */
static u64 *next_table(u64 *e, u64 user)
{
	if (!(*e & PTE_PRESENT)) {
		u64 *t = table_alloc();

		if (!t)
			return NULL;
		*e = __pa(t) | PTE_PRESENT | PTE_WRITE | user;
	}
	return __va(*e & PTE_ADDR_MASK);
}

/* Map one page (4 KiB, or 2 MiB when large) of va to pa in pml4. 0 or -ENOMEM. */
int x86_map_page(u64 *pml4, unsigned long va, u64 pa, u64 flags, bool large)
{
	u64 user = flags & PTE_USER;
	u64 *pdpt, *pd, *pt;

	pdpt = next_table(&pml4[PML4_INDEX(va)], user);
	pd = pdpt ? next_table(&pdpt[PDPT_INDEX(va)], user) : NULL;
	if (!pd)
		return -ENOMEM;
	if (large) {
		pd[PD_INDEX(va)] = pa | flags | PTE_PRESENT | PTE_LARGE;
		return 0;
	}
	pt = next_table(&pd[PD_INDEX(va)], user);
	if (!pt)
		return -ENOMEM;
	pt[PT_INDEX(va)] = pa | flags | PTE_PRESENT;
	return 0;
}

/* The leaf entry mapping va in the kernel tables, or NULL. */
notrace u64 *x86_lookup_pte(unsigned long va)
{
	return x86_walk(kernel_pml4, va);
}

/* The leaf entry mapping va in pml4 (a 2 MiB entry, or a 4 KiB one), or NULL. */
notrace u64 *x86_walk(u64 *pml4, unsigned long va)
{
	u64 *t = pml4;
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
	if (!kernel_pml4)
		panic("out of memory for the kernel page tables");
	for (i = 0; i < boot_info.nr_ram; i++)
		top = max(top, boot_info.ram[i].end);
	for (pa = 0; pa < ALIGN(top, LARGE_PAGE_SIZE); pa += LARGE_PAGE_SIZE)
		if (x86_map_page(kernel_pml4, (unsigned long)__va(pa), pa, PTE_WRITE | PTE_NX, true))
			panic("out of memory for the kernel page tables");

	for (va = (unsigned long)_text; va < (unsigned long)_end; va += PAGE_SIZE) {
		if (va == (unsigned long)boot_stack_guard)
			continue;			/* overflow of the boot stack faults */
		if (x86_map_page(kernel_pml4, va, __pa_symbol(va), image_flags(va), false))
			panic("out of memory for the kernel page tables");
	}
	/* Populate every kernel-half PML4 slot now, so later address spaces can share them. */
	for (i = 256; i < 512; i++)
		if (!next_table(&kernel_pml4[i], 0))
			panic("out of memory for the kernel page tables");
	write_cr3(__pa(kernel_pml4));
	pr_info("paging: kernel text RX, rodata R, data RW-NX; %llu MiB direct-mapped at %lx\n",
		(unsigned long long)(top >> 20), PAGE_OFFSET);
}

/* ---- User address spaces ---- */

int arch_mm_init_context(struct mm_struct *mm)
{
	u64 *pgd = (u64 *)get_zeroed_page(GFP_KERNEL);

	if (!pgd)
		return -ENOMEM;
	/* The kernel half: the same lower-level tables in every address space. */
	memcpy(pgd + 256, kernel_pml4 + 256, 256 * sizeof(u64));
	mm->context.pgd = pgd;
	return 0;
}

/* Free the user half's table pages, level by level (leaf pages are the caller's). */
static void free_tables(u64 *table, int level)
{
	int i;

	for (i = 0; i < 512; i++) {
		if (!(table[i] & PTE_PRESENT) || level == 1 || (table[i] & PTE_LARGE))
			continue;
		free_tables(__va(table[i] & PTE_ADDR_MASK), level - 1);
	}
	free_page((unsigned long)table);
}

void arch_mm_destroy_context(struct mm_struct *mm)
{
	int i;

	for (i = 0; i < 256; i++)
		if (mm->context.pgd[i] & PTE_PRESENT)
			free_tables(__va(mm->context.pgd[i] & PTE_ADDR_MASK), 3);
	free_page((unsigned long)mm->context.pgd);
	mm->context.pgd = NULL;
}

int arch_mm_map_page(struct mm_struct *mm, unsigned long va, unsigned long pa, unsigned int prot)
{
	u64 flags = PTE_USER;

	if (prot & PROT_WRITE)
		flags |= PTE_WRITE;
	if (!(prot & PROT_EXEC))
		flags |= PTE_NX;
	return x86_map_page(mm->context.pgd, va, pa, flags, false);
}

unsigned long arch_mm_lookup(struct mm_struct *mm, unsigned long va)
{
	u64 *pte = x86_walk(mm->context.pgd, va);

	if (!pte || !(*pte & PTE_PRESENT))
		return 0;
	return *pte & PTE_ADDR_MASK;
}

void arch_mm_activate(struct mm_struct *mm)
{
	u64 *pgd = mm ? mm->context.pgd : kernel_pml4;

	if (read_cr3() != __pa(pgd))
		write_cr3(__pa(pgd));
}
