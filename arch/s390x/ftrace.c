// SPDX-License-Identifier: MIT
/*
 * s390x code patching and fentry sites (Linux: arch/s390/kernel/ftrace.c,
 * arch/s390/mm/maccess.c s390_kernel_write()). Every function here is
 * notrace: ftrace calls them while it changes sites.
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/ftrace.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <arch.h>

extern char _text[], _etext[];

/* The trampoline's view of struct pt_regs (mcount.S). */
static_assert(offsetof(struct pt_regs, psw) == PT_PSW);
static_assert(offsetof(struct pt_regs, gprs) == PT_GPRS);
static_assert(offsetof(struct pt_regs, orig_gpr2) == PT_ORIG_GPR2);
static_assert(offsetof(struct pt_regs, int_code) == PT_INT_CODE);
static_assert(sizeof(struct pt_regs) == PT_SIZE && PT_SIZE % 8 == 0);

/* "brcl 0,0": the fentry NOP as gcc emits it (asm/ftrace.h). */
static const u8 fentry_nop[MCOUNT_INSN_SIZE] = { 0xc0, 0x04, 0x00, 0x00, 0x00, 0x00 };
#define BRCL_OPCODE 0xc0
#define BRCL_NEVER 0x04		/* byte 1 of "brcl 0,...": mask 0, opcode extension 4 */
#define BRASL_R0 0x05		/* byte 1 of "brasl %r0,...": r0, opcode extension 5 */

/* PSW system-mask byte: bit 5, DAT (PoP ch. 4). */
#define SYSMASK_DAT 0x04

/*
 * Is [a, a + len) kernel text or inside one module's memory? Module
 * memory is pages of the identity map (module_alloc.c), so its real
 * address is its address, as for the kernel.
 */
static notrace bool poke_allowed(unsigned long a, size_t len)
{
	struct module *mod;
	bool ret;

	if (a >= (unsigned long)_text && a + len <= (unsigned long)_etext)
		return true;
	preempt_disable();
	mod = __module_address(a);
	ret = mod && mod == __module_address(a + len - 1);
	preempt_enable();
	return ret;
}

/*
 * Plain stores with DAT, I/O and external interrupts off: the kernel's
 * view of storage is the identity (mm.c), so the real address written is
 * the one given, and no key or page protection applies to key-0 stores.
 * Kernel text and module memory alike. Then "bcr 14,0", which serializes
 * the CPU (PoP ch. 5, "CPU Serialization", with the
 * fast-BCR-serialization facility; a no-op branch without it), so the
 * next fetch sees the new bytes. [Linux: s390_kernel_write() + text_poke_sync()]
 */
notrace void arch_text_poke(void *addr, const void *opcode, size_t len)
{
	unsigned long a = (unsigned long)addr;
	unsigned char mask;
	volatile u8 *text = addr;
	size_t i;

	if (WARN_ON_ONCE(!len || !poke_allowed(a, len)))
		return;
	mask = __arch_stnsm(~(SYSMASK_DAT | ARCH_IRQ_SYSMASK_IO | ARCH_IRQ_SYSMASK_EXT));
	for (i = 0; i < len; i++)
		text[i] = ((const u8 *)opcode)[i];
	__asm__ __volatile__("bcr 14,0" : : : "memory");
	arch_local_irq_restore(mask);
}

/* The halfword offset from ip to addr, as brasl encodes it (big-endian). */
static notrace int brasl_offset(unsigned long ip, unsigned long addr, u8 offset[4])
{
	long rel = ((long)addr - (long)ip) / 2;
	int i;

	if (rel != (long)(s32)rel)
		return -ERANGE;
	for (i = 0; i < 4; i++)
		offset[i] = (u8)((unsigned long)rel >> (24 - 8 * i));
	return 0;
}

/* memcmp() is traceable; this is not. */
static notrace bool bytes_equal(const u8 *a, const u8 *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

notrace int arch_ftrace_init_nop(struct dyn_ftrace *rec)
{
	return bytes_equal((const u8 *)rec->ip, fentry_nop, MCOUNT_INSN_SIZE) ? 0 : -EINVAL;
}

/*
 * Two stores, each leaving a valid instruction (notes: s390x §7): the
 * offset first, while byte 1 still says "never branch", then byte 1.
 * Linux patches the same way (ftrace_make_call(), brcl 0 <-> brasl %r0).
 */
notrace int arch_ftrace_make_call(struct dyn_ftrace *rec, unsigned long addr)
{
	const u8 *site = (const u8 *)rec->ip;
	static const u8 brasl = BRASL_R0;
	u8 offset[4];
	int err = brasl_offset(rec->ip, addr, offset);

	if (err)
		return err;
	if (site[0] != BRCL_OPCODE || site[1] != BRCL_NEVER)
		return -EINVAL;
	arch_text_poke((void *)(rec->ip + 2), offset, sizeof(offset));
	arch_text_poke((void *)(rec->ip + 1), &brasl, 1);
	return 0;
}

/* One store: byte 1 back to "never branch"; the stale offset is harmless. */
notrace int arch_ftrace_make_nop(struct dyn_ftrace *rec, unsigned long addr)
{
	const u8 *site = (const u8 *)rec->ip;
	static const u8 never = BRCL_NEVER;
	u8 offset[4];
	int err = brasl_offset(rec->ip, addr, offset);

	if (err)
		return err;
	if (site[0] != BRCL_OPCODE || site[1] != BRASL_R0 || !bytes_equal(site + 2, offset, 4))
		return -EINVAL;
	arch_text_poke((void *)(rec->ip + 1), &never, 1);
	return 0;
}

notrace void arch_regs_set_ip(struct pt_regs *regs, unsigned long ip)
{
	regs->psw.addr = ip;
}
