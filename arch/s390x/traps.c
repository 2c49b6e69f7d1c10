// SPDX-License-Identifier: MIT
/*
 * Program checks, SVCs and I/O interruptions; register dumps (Linux:
 * arch/s390/kernel/traps.c, dumpstack.c, mm/fault.c).
 */
#include <linux/kernel.h>
#include <scion/panic.h>
#include <scion/sched.h>
#include <arch.h>
#include <asm/processor.h>
#include <asm/s390x.h>

static_assert(offsetof(struct pt_regs, psw) == PT_PSW);
static_assert(offsetof(struct pt_regs, gprs) == PT_GPRS);
static_assert(offsetof(struct pt_regs, orig_gpr2) == PT_ORIG_GPR2);
static_assert(offsetof(struct pt_regs, int_code) == PT_INT_CODE);
static_assert(offsetof(struct pt_regs, int_parm) == PT_INT_PARM);
static_assert(offsetof(struct pt_regs, int_parm_long) == PT_INT_PARM_LONG);
static_assert(offsetof(struct pt_regs, last_break) == PT_LAST_BREAK);
static_assert(sizeof(struct pt_regs) == PT_SIZE && PT_SIZE % 8 == 0);
static_assert(sizeof(struct stack_frame) == STACK_FRAME_OVERHEAD);
static_assert(offsetof(struct stack_frame, gprs) == __SF_GPRS);

#define PGM_PROTECTION 0x04
#define PGM_PER 0x80		/* added to the code when a PER event coincides */

/* Program-interruption codes (PoP ch. 6, "Program-Interruption Conditions"), Linux's wording. */
static const char *const pgm_check_names[] = {
	[0x01] = "operation exception",
	[0x02] = "privileged operation",
	[0x03] = "execute exception",
	[0x04] = "protection exception",
	[0x05] = "addressing exception",
	[0x06] = "specification exception",
	[0x07] = "data exception",
	[0x08] = "fixed point overflow exception",
	[0x09] = "fixed point divide exception",
	[0x0a] = "decimal overflow exception",
	[0x0b] = "decimal divide exception",
	[0x0c] = "HFP overflow exception",
	[0x0d] = "HFP underflow exception",
	[0x0e] = "HFP significance exception",
	[0x0f] = "HFP divide exception",
	[0x10] = "segment translation exception",
	[0x11] = "page translation exception",
	[0x12] = "translation specification exception",
	[0x13] = "special operation exception",
	[0x15] = "operand exception",
	[0x16] = "trace table exception",
	[0x18] = "transaction constraint exception",
	[0x1b] = "vector processing exception",
	[0x1c] = "space switch event",
	[0x1d] = "HFP square root exception",
	[0x38] = "ASCE type exception",
	[0x39] = "region first translation exception",
	[0x3a] = "region second translation exception",
	[0x3b] = "region third translation exception",
	[0x40] = "monitor event",
};

void arch_show_regs(struct pt_regs *regs)
{
	const char *mode = user_mode(regs) ? "User" : "Krnl";
	unsigned long m = regs->psw.mask, *g = regs->gprs;
	int i;

	printk(KERN_DEFAULT "%s PSW : %016lx %016lx (%pS)\n", mode, m, regs->psw.addr,
	       (void *)regs->psw.addr);
	printk(KERN_DEFAULT "           R:%lx T:%lx IO:%lx EX:%lx Key:%lx M:%lx W:%lx P:%lx AS:%lx CC:%lx PM:%lx RI:%lx EA:%lx\n",
	       m >> 62 & 1, m >> 58 & 1, m >> 57 & 1, m >> 56 & 1, m >> 52 & 15, m >> 50 & 1,
	       m >> 49 & 1, m >> 48 & 1, m >> 46 & 3, m >> 44 & 3, m >> 40 & 15, m >> 39 & 1,
	       m >> 31 & 3);
	for (i = 0; i < 16; i += 4)
		printk(KERN_DEFAULT "%s %016lx %016lx %016lx %016lx\n",
		       i ? "          " : user_mode(regs) ? "User GPRS:" : "Krnl GPRS:",
		       g[i], g[i + 1], g[i + 2], g[i + 3]);
	if (regs->last_break)
		printk(KERN_DEFAULT "Last Breaking-Event-Address:\n [<%016lx>] %pS\n",
		       regs->last_break, (void *)regs->last_break);
}

unsigned long arch_regs_ip(const struct pt_regs *regs)
{
	return regs->psw.addr;
}

/*
 * The interrupted r15. After a stack overflow it lies in the guard page,
 * below the bounds of the stack walk: start from the frame it chains to
 * instead, so that the oops still shows the recursion.
 */
unsigned long arch_regs_fp(const struct pt_regs *regs)
{
	unsigned long sp = regs->gprs[15];

	if (!user_mode(regs) && !(sp & STACK_CHECK_MASK))
		return *(unsigned long *)sp;
	return sp;
}

bool arch_regs_irqs_enabled(const struct pt_regs *regs)
{
	return regs->psw.mask & PSW_MASK_EXT;
}

/*
 * Entry found r15 in the guard page at the bottom of a kernel stack (or a
 * prologue trapped there) and moved to the panic stack.
 * [Linux: kernel_stack_overflow()]
 */
__noreturn void kernel_stack_overflow(struct pt_regs *regs)
{
	pr_emerg("Kernel stack overflow.\n");
	die("kernel stack overflow", regs, regs->int_code & 0xffff);
}

/*
 * Low-address protection (CR0 bit 35; PoP ch. 3, "Low-Address
 * Protection") refuses stores to 0-511 and 4096-4607, so a write through
 * a NULL pointer faults even with DAT off. A protection exception whose
 * translation-exception identification has bit 61 clear was not DAT
 * protection; with no storage keys or access lists in use, it was this.
 * [Linux: do_protection_exception()]
 */
static bool low_address_protection(const struct pt_regs *regs)
{
	return !(regs->int_parm_long & 0x04);
}

/* Called by entry.S for every program interruption, interrupts masked. */
notrace void do_program_check(struct pt_regs *regs)
{
	unsigned int code = regs->int_code & 0xffff;
	unsigned int exception = code & 0x7f;
	const char *name = NULL;

	if (exception < ARRAY_SIZE(pgm_check_names))
		name = pgm_check_names[exception];
	if (!name)
		name = code & PGM_PER ? "PER event" : "unknown program exception";
	if (exception == PGM_PROTECTION && low_address_protection(regs)) {
		unsigned long addr = regs->int_parm_long & PAGE_MASK;

		if (addr == 0)
			pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
		else
			pr_alert("BUG: write to the protected lowcore, address: %016lx\n", addr);
		pr_alert("Failing address: %016lx TEID: %016lx\n", addr, regs->int_parm_long);
		name = "low-address protection";
	}
	die(name, regs, code);
}

/* SVC: nothing issues one yet (user tasks will make them system calls). */
notrace void do_svc(struct pt_regs *regs)
{
	pr_err("unexpected svc %u at %pS\n", regs->int_code & 0xffff, (void *)regs->psw.addr);
	if (!user_mode(regs))
		irqentry_exit_cond_resched(regs);
}

/* I/O interruptions stay masked (irqflags.h): one arriving is a bug. */
notrace void do_io_interrupt(struct pt_regs *regs)
{
	pr_err("unexpected I/O interrupt, subchannel %08x\n", regs->int_code);
}
