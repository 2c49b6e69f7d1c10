// SPDX-License-Identifier: MIT
/*
 * x86_64 code patching and fentry sites (Linux: arch/x86/kernel/alternative.c
 * text_poke(), arch/x86/kernel/ftrace.c). Every function here is notrace:
 * ftrace calls them while it changes sites.
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/ftrace.h>
#include <arch.h>
#include <asm/pgtable.h>
#include <asm/x86.h>

extern char _text[], _etext[];

/* The trampoline's view of struct pt_regs (ftrace_64.S). */
static_assert(offsetof(struct pt_regs, bp) == 32);
static_assert(offsetof(struct pt_regs, ax) == 80);
static_assert(offsetof(struct pt_regs, di) == 112);
static_assert(offsetof(struct pt_regs, vector) == PTREGS_VECTOR);
static_assert(offsetof(struct pt_regs, orig_ax) == PTREGS_ORIG_AX);
static_assert(offsetof(struct pt_regs, ip) == PTREGS_IP);
static_assert(offsetof(struct pt_regs, cs) == PTREGS_CS);
static_assert(offsetof(struct pt_regs, flags) == 152);
static_assert(offsetof(struct pt_regs, sp) == 160);
static_assert(offsetof(struct pt_regs, ss) == 168);
static_assert(sizeof(struct pt_regs) == PTREGS_SIZE && PTREGS_SIZE % 16 == 0);
static_assert(KERNEL_CS == 0x08 && KERNEL_DS == 0x10);	/* hard-coded in ftrace_64.S */

static const u8 fentry_nop[MCOUNT_INSN_SIZE] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

/*
 * Make this CPU fetch the new bytes: IRET is serializing (Intel SDM
 * Vol. 3A 9.1.3, "Handling Self- and Cross-Modifying Code", and 8.3,
 * "Serializing Instructions"), and unlike CPUID it does not exit to the
 * hypervisor under KVM. [Linux: sync_core() -> iret_to_self()]
 */
static notrace void sync_core(void)
{
	unsigned long tmp;

	__asm__ __volatile__("mov %%ss, %0\n\t"
			     "pushq %0\n\t"
			     "pushq %%rsp\n\t"
			     "addq $8, (%%rsp)\n\t"
			     "pushfq\n\t"
			     "mov %%cs, %0\n\t"
			     "pushq %0\n\t"
			     "pushq $1f\n\t"
			     "iretq\n"
			     "1:"
			     : "=&r"(tmp) : : "cc", "memory");
}

/*
 * The writable alias of the byte at addr: kernel text is mapped read-only
 * and module text read-execute, but the direct map has a writable alias
 * of every page of RAM (arch/x86_64/mm.c): kernel text through
 * __pa_symbol(), a module page through its page-table entry (each page of
 * the module area is its own allocation). NULL for any other address.
 * Linux maps the page at a temporary address instead (text_poke's
 * poking_mm), which works the same for both.
 */
static notrace volatile u8 *poke_alias(unsigned long addr)
{
	u64 *pte;

	if (addr >= (unsigned long)_text && addr < (unsigned long)_etext)
		return __va(__pa_symbol(addr));
	if (addr < MODULES_VADDR || addr >= MODULES_END)
		return NULL;
	pte = x86_lookup_pte(addr);
	if (!pte || !(*pte & PTE_PRESENT))
		return NULL;
	return (volatile u8 *)__va(*pte & PTE_ADDR_MASK) + (addr & (PAGE_SIZE - 1));
}

/*
 * Kernel text, or any part of a module's memory (livepatch relocations
 * also go to a patch module's read-only data). Byte by byte, since the
 * pages of a module are not contiguous in the direct map.
 */
notrace void arch_text_poke(void *addr, const void *opcode, size_t len)
{
	unsigned long a = (unsigned long)addr, flags;
	size_t i;

	for (i = 0; i < len; i++)
		if (WARN_ON_ONCE(!poke_alias(a + i)))
			return;
	flags = arch_local_irq_save();
	for (i = 0; i < len; i++)
		*poke_alias(a + i) = ((const u8 *)opcode)[i];
	sync_core();
	arch_local_irq_restore(flags);
}

static notrace bool site_holds(unsigned long ip, const u8 *insn)
{
	const u8 *site = (const u8 *)ip;
	int i;

	for (i = 0; i < MCOUNT_INSN_SIZE; i++)
		if (site[i] != insn[i])
			return false;
	return true;
}

/* "call addr" at ip: e8 and the distance from the end of the call. */
static notrace int call_insn(unsigned long ip, unsigned long addr, u8 *insn)
{
	long rel = (long)(addr - (ip + MCOUNT_INSN_SIZE));
	int i;

	if (rel != (long)(s32)rel)
		return -ERANGE;
	insn[0] = 0xe8;
	for (i = 0; i < 4; i++)
		insn[1 + i] = (u8)((unsigned long)rel >> (8 * i));
	return 0;
}

notrace int arch_ftrace_init_nop(struct dyn_ftrace *rec)
{
	return site_holds(rec->ip, fentry_nop) ? 0 : -EINVAL;
}

notrace int arch_ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr)
{
	u8 call[MCOUNT_INSN_SIZE];
	int err = call_insn(rec->ip, addr, call);

	if (err)
		return err;
	if (!site_holds(rec->ip, fentry_nop))
		return -EINVAL;
	arch_text_poke((void *)rec->ip, call, MCOUNT_INSN_SIZE);
	return 0;
}

notrace int arch_ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr)
{
	u8 call[MCOUNT_INSN_SIZE];
	int err = call_insn(rec->ip, addr, call);

	if (err)
		return err;
	if (!site_holds(rec->ip, call))
		return -EINVAL;
	arch_text_poke((void *)rec->ip, fentry_nop, MCOUNT_INSN_SIZE);
	return 0;
}

notrace void arch_regs_set_ip(struct pt_regs *regs, unsigned long ip)
{
	regs->ip = ip;
}
