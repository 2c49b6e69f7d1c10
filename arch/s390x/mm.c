// SPDX-License-Identifier: MIT
/*
 * s390x address spaces: the kernel's identity view of storage and one
 * address space per process (Linux: arch/s390/mm/init.c, pgalloc.c).
 *
 * DAT is always on, with 4 KiB pages:
 *
 *   0 .. RAM end              the kernel: virtual = real, lowcore at 0
 *   USER_BASE .. TASK_SIZE    a process: 256 MiB .. 2 GiB (asm/elf.h)
 *
 * The kernel runs in the home space (PSW_KERNEL_BITS), problem state in
 * the primary space (PSW_USER_BITS). Until arch_mm_init() everything runs
 * in the real-space designation (identity without tables; head.S); after
 * it, a kernel thread's home space is kernel_home_asce, the identity map's
 * page tables alone, and its primary space stays the real-space
 * designation (it never runs in problem state). A process has two segment
 * tables over the same page tables for its pages:
 *
 *   kernel_asce (CR13, home): the identity map of RAM, whose page tables
 *        are built once and shared by every process and kernel thread,
 *        plus the process's pages, so generic code reads and writes user
 *        memory with plain loads and stores once access_ok() has agreed.
 *   asce (CR1 primary, CR7 secondary): the process's pages only; the
 *        kernel is not in problem state's address space.
 *
 * Because the identity page tables are shared, a protection set on one of
 * their entries holds in every address space. The kernel image is W^X as
 * on x86_64: text read-only and executable, read-only data read-only, the
 * rest of storage (data, bss, stacks, the page allocator's pages, the
 * lowcore) writable and, when the CPU has instruction-execution
 * protection, not executable. The module loader gives module memory the
 * same W^X on these entries (module_alloc.c). Code patching writes with
 * DAT off (ftrace.c), past both.
 *
 * An interruption loads the kernel's PSW, which leaves the primary space
 * by itself, so entry.S switches no control register. Problem state
 * cannot reach the home space: SACF to it is privileged, and MVCOS needs
 * a key from the PSW-key mask in CR3, which is 0.
 * Linux 3.x-5.x: the same spaces, but the kernel's home space has no user
 * pages and uaccess goes through the primary one with MVCOS or SACF; here:
 * the home space holds both, because the generic code dereferences user
 * pointers directly (kernel/usermem.c).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <arch.h>
#include <asm/elf.h>
#include <asm/pgtable.h>
#include <asm/s390x.h>

/* The kernel's part of every process's home segment table: the identity map of RAM. */
static unsigned long identity_segments[USER_BASE >> _SEGMENT_SHIFT];
static unsigned long nr_identity_segments;
/* A kernel thread's home space: the identity map only (real space before arch_mm_init()). */
static unsigned long kernel_home_asce = _ASCE_REAL_SPACE;
bool s390x_has_nx;

static_assert(TASK_SIZE == PTRS_PER_PMD * _SEGMENT_SIZE);

/* A page table with every entry invalid. It fills half a page; Linux packs two per page. */
static unsigned long *page_table_alloc(void)
{
	unsigned long *table = (unsigned long *)__get_free_page(GFP_KERNEL);
	int i;

	if (table)
		for (i = 0; i < PTRS_PER_PTE; i++)
			table[i] = _PAGE_INVALID;
	return table;
}

/* A segment table with every entry invalid. */
static unsigned long *segment_table_alloc(void)
{
	unsigned long *table = (unsigned long *)__get_free_pages(GFP_KERNEL, SEGMENT_TABLE_ORDER);
	int i;

	if (table)
		for (i = 0; i < PTRS_PER_PMD; i++)
			table[i] = _SEGMENT_ENTRY_INVALID;
	return table;
}

static unsigned long segment_table_asce(unsigned long *table)
{
	return __pa(table) | _ASCE_TYPE_SEGMENT | _ASCE_TABLE_LENGTH;
}

static unsigned long *asce_table(unsigned long asce)
{
	return __va(asce & _ASCE_ORIGIN);
}

/*
 * STORE FACILITY LIST EXTENDED (PoP ch. 10): is facility nr installed?
 * Bit nr of the list, counted from the left.
 */
static bool facility_installed(unsigned int nr)
{
	register unsigned long r0 __asm__("0") = 3;	/* doublewords to store, minus one */
	u64 list[4] = { 0 };

	__asm__ __volatile__("stfle %[list]" : [list] "=Q"(list), "+d"(r0) : : "cc");
	return nr < 256 && (list[nr / 64] & (1ULL << (63 - nr % 64)));
}

/* The identity page table holding addr's entry; NULL outside RAM or before arch_mm_init(). */
static unsigned long *identity_page_table(unsigned long addr)
{
	unsigned long seg = addr >> _SEGMENT_SHIFT;

	if (seg >= nr_identity_segments)
		return NULL;
	return __va(identity_segments[seg] & _SEGMENT_ENTRY_ORIGIN);
}

unsigned long *s390x_identity_pte(unsigned long addr)
{
	unsigned long *pt = identity_page_table(addr);

	if (!pt || (pt[pte_index(addr)] & _PAGE_INVALID))
		return NULL;
	return &pt[pte_index(addr)];
}

/*
 * The image's bounds (kernel.lds.S), each a page boundary: the page at
 * _head (its branch to _start and QEMU's parameter area, read at boot
 * only), text, then read-only data with the export tables and
 * __mcount_loc. Nothing writes them after boot but arch_text_poke(),
 * with DAT off.
 */
extern char _head[], _ehead[], _text[], _etext[], _rodata[], _erodata[];

static bool in_range(unsigned long pa, const char *start, const char *end)
{
	return pa >= __pa_symbol(start) && pa < ALIGN(__pa_symbol(end), PAGE_SIZE);
}

/*
 * The protection bits of the identity map's entry for the page at pa
 * (PoP ch. 3, "Page-Table Entries": bit 54 page protection, bit 55
 * instruction-execution protection). Text (and the head page) is
 * read-only and executable, read-only data read-only, everything else
 * writable: the lowcore (0-0x1fff, where the CPU stores old PSWs and the
 * interruption codes), data, bss with the SCLP buffers and the boot
 * stack, and the page allocator's pages (task stacks, page tables,
 * module memory until the loader protects it). Without the facility,
 * what is not text stays executable.
 */
static unsigned long identity_page_bits(unsigned long pa)
{
	unsigned long noexec = s390x_has_nx ? _PAGE_NOEXEC : 0;

	if (in_range(pa, _head, _ehead) || in_range(pa, _text, _etext))
		return _PAGE_PROTECT;
	if (in_range(pa, _rodata, _erodata))
		return _PAGE_PROTECT | noexec;
	return noexec;
}

/*
 * The pages below the boot and panic stacks (kernel.lds.S) are left
 * invalid from the start, as arch_set_page_guard() makes a task stack's.
 */
extern char boot_stack_guard[], panic_stack_guard[];

static bool is_stack_guard(unsigned long pa)
{
	return pa == __pa_symbol(boot_stack_guard) || pa == __pa_symbol(panic_stack_guard);
}

/*
 * Build the page tables of the identity map of RAM, with the image's
 * W^X (identity_page_bits()); setup.c keeps RAM below USER_BASE. From
 * here on the kernel's home space goes through them, so that page
 * protection applies to the kernel's own stores (ftrace and livepatch
 * write text with DAT off). Instruction-execution protection (facility
 * 130; CR0 bit 43, PoP ch. 3, "Instruction-Execution Protection") is
 * switched on first where the CPU has it (QEMU's TCG "qemu" model does),
 * so it holds from the moment the tables do; the interruption handlers
 * the new PSWs point to are text. CR3's PSW-key mask is cleared, so
 * that problem state cannot use MVCOS to reach another space.
 */
void arch_mm_init(void)
{
	unsigned long top = 0, seg, pa, *pt, *home;
	int i;

	for (i = 0; i < boot_info.nr_ram; i++)
		top = max_t(unsigned long, top, boot_info.ram[i].end);
	top = min(top, USER_BASE);
	s390x_has_nx = facility_installed(130);
	nr_identity_segments = DIV_ROUND_UP(top, _SEGMENT_SIZE);
	for (seg = 0; seg < nr_identity_segments; seg++) {
		pt = page_table_alloc();
		if (!pt)
			panic("out of memory for the identity page tables");
		for (i = 0; i < PTRS_PER_PTE; i++) {
			pa = seg * _SEGMENT_SIZE + i * PAGE_SIZE;
			if (pa < top && !is_stack_guard(pa))
				pt[i] = pa | identity_page_bits(pa);
		}
		identity_segments[seg] = __pa(pt);
	}
	home = segment_table_alloc();
	if (!home)
		panic("out of memory for the kernel's segment table");
	memcpy(home, identity_segments, nr_identity_segments * sizeof(unsigned long));
	if (s390x_has_nx)
		cr0_write(cr0_read() | CR0_INSTRUCTION_EXEC_PROT);
	kernel_home_asce = segment_table_asce(home);
	ctl_load(13, kernel_home_asce);		/* the boot task is a kernel thread */
	ctl_load(3, 0);
	pr_info("dat: kernel text RX, rodata R, data RW%s; %lu MiB identity-mapped in the kernel's home space, user space %lx-%lx\n",
		s390x_has_nx ? "-NX" : " (executable: no instruction-execution protection)",
		top >> 20, USER_BASE, TASK_SIZE);
}

/*
 * A kernel stack's guard page (kernel/sched/fork.c): INVALIDATE PAGE
 * TABLE ENTRY sets the invalid bit of the identity map's entry for addr
 * and purges every TLB entry made from it (PoP ch. 10, "IPTE"), so from
 * here on any access to the page, in any address space (they share these
 * page tables), is a page-translation exception. That exception
 * nullifies: nothing has been stored, and the old PSW points at the
 * access. An overflow that reaches the page with r15 there is caught by
 * entry.S's guard test, which moves to the panic stack to report it;
 * one from a function whose prologue check the overflow skipped (a large
 * alloca, an interruption deep on the stack) faults here too. Making the
 * page valid again needs no purge: the TLB keeps no invalid entries.
 * Returns false before arch_mm_init() (no tables yet). [Linux: vmap
 * stacks, whose guard is the unmapped vmalloc gap]
 */
bool arch_set_page_guard(void *addr, bool guard)
{
	unsigned long va = (unsigned long)addr, *pt = identity_page_table(va);

	if (!pt || WARN_ON_ONCE(va & ~PAGE_MASK))
		return false;
	if (guard)
		__asm__ __volatile__("ipte %[table],%[va]"
				     : : [table] "a"(__pa(pt)), [va] "a"(va) : "memory");
	else
		pt[pte_index(va)] = __pa(va) | identity_page_bits(__pa(va));
	return true;
}

/* ---- User address spaces ---- */

/* Two segment tables: the kernel's starts with the identity map, problem state's empty. */
int arch_mm_init_context(struct mm_struct *mm)
{
	unsigned long *kernel = segment_table_alloc(), *user = segment_table_alloc();

	if (!kernel || !user) {
		if (kernel)
			free_pages((unsigned long)kernel, SEGMENT_TABLE_ORDER);
		if (user)
			free_pages((unsigned long)user, SEGMENT_TABLE_ORDER);
		return -ENOMEM;
	}
	memcpy(kernel, identity_segments, nr_identity_segments * sizeof(unsigned long));
	mm->context.kernel_asce = segment_table_asce(kernel);
	mm->context.asce = segment_table_asce(user);
	return 0;
}

/*
 * Free the process's page tables and both segment tables; the identity
 * page tables stay. PURGE TLB afterwards: a translation cached for these
 * tables must not outlive them (the TLB may keep entries of an address
 * space that is not loaded; PoP ch. 3, "Translation-Lookaside Buffer").
 */
void arch_mm_destroy_context(struct mm_struct *mm)
{
	unsigned long *user = asce_table(mm->context.asce);
	int seg;

	for (seg = 0; seg < PTRS_PER_PMD; seg++)
		if (!(user[seg] & _SEGMENT_ENTRY_INVALID))
			free_page((unsigned long)__va(user[seg] & _SEGMENT_ENTRY_ORIGIN));
	free_pages((unsigned long)user, SEGMENT_TABLE_ORDER);
	free_pages((unsigned long)asce_table(mm->context.kernel_asce), SEGMENT_TABLE_ORDER);
	mm->context.asce = mm->context.kernel_asce = 0;
	__tlb_flush_local();
}

/*
 * One page table serves both segment tables. Entries only ever go from
 * invalid to valid (regions are never remapped), and the TLB holds no
 * invalid translations, so no flush is needed. PROT_EXEC is not enforced:
 * instruction-execution protection is not used.
 */
int arch_mm_map_page(struct mm_struct *mm, unsigned long va, unsigned long pa, unsigned int prot)
{
	unsigned long *user = asce_table(mm->context.asce);
	unsigned long *kernel = asce_table(mm->context.kernel_asce);
	unsigned long seg = pmd_index(va), *pt;

	if (WARN_ON_ONCE(va < USER_BASE || va >= TASK_SIZE))
		return -EINVAL;		/* would overwrite the identity map */
	if (user[seg] & _SEGMENT_ENTRY_INVALID) {
		pt = page_table_alloc();
		if (!pt)
			return -ENOMEM;
		user[seg] = kernel[seg] = __pa(pt);
	}
	pt = __va(user[seg] & _SEGMENT_ENTRY_ORIGIN);
	pt[pte_index(va)] = pa | (prot & PROT_WRITE ? 0 : _PAGE_PROTECT);
	return 0;
}

unsigned long arch_mm_lookup(struct mm_struct *mm, unsigned long va)
{
	unsigned long *user = asce_table(mm->context.asce), *pt, pte;

	if (va >= TASK_SIZE || (user[pmd_index(va)] & _SEGMENT_ENTRY_INVALID))
		return 0;
	pt = __va(user[pmd_index(va)] & _SEGMENT_ENTRY_ORIGIN);
	pte = pt[pte_index(va)];
	return pte & _PAGE_INVALID ? 0 : pte & PAGE_MASK;
}

/*
 * CR13 for the kernel, CR1 and CR7 for problem state (SACF may pick
 * either): mm's spaces, or for a kernel thread the identity map's home
 * space and the real-space designation (it never runs in problem state).
 * Loaded only when they change; TLB entries belong to their ASCE and need
 * no flush here.
 */
void arch_mm_activate(struct mm_struct *mm)
{
	unsigned long kernel_asce = mm ? mm->context.kernel_asce : kernel_home_asce;
	unsigned long asce = mm ? mm->context.asce : _ASCE_REAL_SPACE;

	if (ctl_store(13) != kernel_asce)
		ctl_load(13, kernel_asce);
	if (ctl_store(1) != asce) {
		ctl_load(1, asce);
		ctl_load(7, asce);
	}
}
