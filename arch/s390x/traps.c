// SPDX-License-Identifier: MIT
/*
 * Program checks, SVCs (system calls) and I/O interruptions; register
 * dumps (Linux: arch/s390/kernel/traps.c, syscall.c, dumpstack.c, mm/fault.c).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
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
static_assert(offsetof(struct pt_regs, flags) == PT_FLAGS);
static_assert(offsetof(struct pt_regs, last_break) == PT_LAST_BREAK);
static_assert(sizeof(struct pt_regs) == PT_SIZE && PT_SIZE % 8 == 0);
static_assert(sizeof(struct stack_frame) == STACK_FRAME_OVERHEAD);
static_assert(offsetof(struct stack_frame, gprs) == __SF_GPRS);

#define PGM_PROTECTION 0x04
/*
 * Translation-exception identification bits of a protection exception
 * (PoP ch. 3, "Suppression on Protection"): bit 61 DAT protection, bit 56
 * with it instruction-execution protection (an instruction fetch).
 */
#define TEID_DAT_PROTECTION 0x04
#define TEID_EXEC_PROTECTION 0x80
#define PGM_PER 0x80		/* added to the code when a PER event coincides */

/*
 * Program-interruption codes (PoP ch. 6, "Program-Interruption
 * Conditions"), Linux's wording, and the signal each sends a process
 * (Linux: pgm_check.h, traps.c). Storage accesses outside the process's
 * pages (protection, DAT exceptions) are SIGSEGV.
 */
struct pgm_check {
	const char *name;
	int signal;
};

static const struct pgm_check pgm_checks[] = {
	[0x01] = { "operation exception", SIGILL },
	[0x02] = { "privileged operation", SIGILL },
	[0x03] = { "execute exception", SIGILL },
	[0x04] = { "protection exception", SIGSEGV },
	[0x05] = { "addressing exception", SIGILL },
	[0x06] = { "specification exception", SIGILL },
	[0x07] = { "data exception", SIGFPE },
	[0x08] = { "fixed point overflow exception", SIGFPE },
	[0x09] = { "fixed point divide exception", SIGFPE },
	[0x0a] = { "decimal overflow exception", SIGFPE },
	[0x0b] = { "decimal divide exception", SIGFPE },
	[0x0c] = { "HFP overflow exception", SIGFPE },
	[0x0d] = { "HFP underflow exception", SIGFPE },
	[0x0e] = { "HFP significance exception", SIGFPE },
	[0x0f] = { "HFP divide exception", SIGFPE },
	[0x10] = { "segment translation exception", SIGSEGV },
	[0x11] = { "page translation exception", SIGSEGV },
	[0x12] = { "translation specification exception", SIGSEGV },
	[0x13] = { "special operation exception", SIGILL },
	[0x15] = { "operand exception", SIGILL },
	[0x16] = { "trace table exception", SIGILL },
	[0x18] = { "transaction constraint exception", SIGILL },
	[0x1b] = { "vector processing exception", SIGFPE },
	[0x1c] = { "space switch event", SIGILL },
	[0x1d] = { "HFP square root exception", SIGFPE },
	[0x38] = { "ASCE type exception", SIGSEGV },
	[0x39] = { "region first translation exception", SIGSEGV },
	[0x3a] = { "region second translation exception", SIGSEGV },
	[0x3b] = { "region third translation exception", SIGSEGV },
	[0x40] = { "monitor event", SIGTRAP },
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
 * The interrupted r15. After a stack overflow it may lie in the guard
 * page, which is invalid (mm.c) and below the bounds of every stack walk,
 * so a walk from it stops at once instead of reading there.
 */
unsigned long arch_regs_fp(const struct pt_regs *regs)
{
	return regs->gprs[15];
}

bool arch_regs_irqs_enabled(const struct pt_regs *regs)
{
	return regs->psw.mask & PSW_MASK_EXT;
}

#define PGM_PAGE_TRANSLATION 0x11

/*
 * Program exceptions that nullify the instruction: the DAT exceptions
 * (PoP ch. 6, "Program-Interruption Conditions": ASCE-type, region-,
 * segment- and page-translation exceptions). The old PSW points at the
 * instruction, to be run again once the tables are fixed.
 */
static bool pgm_check_nullifies(unsigned int exception)
{
	return exception == 0x10 || exception == 0x11 || (exception >= 0x38 && exception <= 0x3b);
}

/*
 * Point regs at the instruction a kernel-mode program check reports,
 * before the oops prints it. The other exceptions suppress, terminate or
 * complete the instruction, and the old PSW points past it, by the ILC
 * (int_code >> 16, in bytes): a store into a read-only page (protection
 * suppresses) at the store, not at its successor. A protection exception
 * on an instruction fetch (a jump into a no-execute page) has no
 * instruction to take a length from: there the ILC gives the 1-3
 * halfwords the address was advanced by, arbitrarily (QEMU: 2), and
 * taking it off gives the fetched address (PoP ch. 6, "ILC on
 * Instruction-Fetching Exceptions"). A PER event alone is not rewound
 * (after a branch the PSW holds the target). [Linux: __rewind_psw() in
 * do_protection_exception(), get_trap_ip()]
 */
static void pgm_check_rewind(struct pt_regs *regs)
{
	unsigned int code = regs->int_code & 0xffff;

	if (code & PGM_PER || pgm_check_nullifies(code))
		return;
	regs->psw.addr -= regs->int_code >> 16;
}

/*
 * Entry found r15 in the guard page at the bottom of a kernel stack, or
 * a frame it was about to build would reach into it, and moved to the
 * panic stack; program_check: the interruption was a program check (a
 * prologue's stack check trapping, or an access to the guard page, whose
 * page-translation exception says where). [Linux: kernel_stack_overflow()]
 */
__noreturn void kernel_stack_overflow(struct pt_regs *regs, bool program_check)
{
	unsigned int code = regs->int_code & 0xffff;

	pr_emerg("Kernel stack overflow.\n");
	if (program_check && code == PGM_PAGE_TRANSLATION)
		pr_emerg("BUG: stack guard page was hit at %016lx (r15 %016lx)\n",
			 regs->int_parm_long & PAGE_MASK, regs->gprs[15]);
	if (program_check)
		pgm_check_rewind(regs);
	else
		code = 0;
	die("kernel stack overflow", regs, code);
}

/*
 * Low-address protection (CR0 bit 35; PoP ch. 3, "Low-Address
 * Protection") refuses stores to 0-511 and 4096-4607, so a write through
 * a NULL pointer faults, although the kernel's identity map has the
 * lowcore at 0 (mm.c). A protection exception whose
 * translation-exception identification has bit 61 clear was not DAT
 * protection; with no storage keys or access lists in use, it was this.
 * [Linux: do_protection_exception()]
 */
static bool low_address_protection(const struct pt_regs *regs)
{
	return !(regs->int_parm_long & TEID_DAT_PROTECTION);
}

/*
 * A program check in problem state: a signal for the process, which
 * entry.S delivers on the way out (exit_to_user_mode()); only this process
 * dies. A SIGSEGV reports the address from the translation-exception
 * identification, the others the PSW address. [Linux: do_report_trap(),
 * do_sigsegv()]
 */
static void user_program_check(struct pt_regs *regs, unsigned int code,
			       const struct pgm_check *check)
{
	if (check->signal == SIGSEGV)
		force_sig_fault(regs, SIGSEGV, "segfault", regs->int_parm_long & PAGE_MASK, code);
	else
		force_sig_fault(regs, check->signal, check->name, regs->psw.addr, code);
}

/* Called by entry.S for every program interruption, interrupts masked. */
notrace void do_program_check(struct pt_regs *regs)
{
	static const struct pgm_check unknown = { "unknown program exception", SIGSEGV };
	static const struct pgm_check per = { "PER event", SIGTRAP };
	unsigned int code = regs->int_code & 0xffff;
	unsigned int exception = code & 0x7f;
	const struct pgm_check *check = &unknown;
	const char *name;

	if (exception < ARRAY_SIZE(pgm_checks) && pgm_checks[exception].name)
		check = &pgm_checks[exception];
	else if (code & PGM_PER)
		check = &per;
	if (user_mode(regs)) {
		user_program_check(regs, code, check);
		return;
	}
	name = check->name;
	if (check != &unknown && check != &per)
		pgm_check_rewind(regs);
	if (exception == PGM_PROTECTION && low_address_protection(regs)) {
		unsigned long addr = regs->int_parm_long & PAGE_MASK;

		if (addr == 0)
			pr_alert("BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
		else
			pr_alert("BUG: write to the protected lowcore, address: %016lx\n", addr);
		pr_alert("Failing address: %016lx TEID: %016lx\n", addr, regs->int_parm_long);
		name = "low-address protection";
	} else if (exception == PGM_PROTECTION) {
		/* A page of the identity map protected on purpose: the image (mm.c), module memory. */
		unsigned long addr = regs->int_parm_long & PAGE_MASK;

		pr_alert("BUG: unable to handle page fault for address: %016lx\n", addr);
		pr_alert("Failing address: %016lx TEID: %016lx: %s\n", addr, regs->int_parm_long,
			 regs->int_parm_long & TEID_EXEC_PROTECTION ?
			 "instruction fetch from a no-execute page" : "write to a read-only page");
	}
	die(name, regs, code);
}

/*
 * SVC from problem state: a system call, run with interrupts enabled.
 * "svc 0" takes the number from r1, because numbers above 255 do not fit
 * the instruction's 8-bit immediate; "svc n" is system call n. Returns
 * with interrupts masked for the flag check in entry.S.
 * [Linux: __do_syscall()]
 */
notrace void do_svc(struct pt_regs *regs)
{
	unsigned long nr = regs->int_code & 0xffff;

	if (!user_mode(regs)) {
		pr_err("unexpected svc %u in the kernel at %pS\n", regs->int_code & 0xffff,
		       (void *)regs->psw.addr);
		irqentry_exit_cond_resched(regs);
		return;
	}
	if (!nr)
		nr = regs->gprs[1];
	local_irq_enable();
	do_syscall(regs, nr);
	local_irq_disable();
}

/* I/O interruptions stay masked (irqflags.h): one arriving is a bug. */
notrace void do_io_interrupt(struct pt_regs *regs)
{
	pr_err("unexpected I/O interrupt, subchannel %08x\n", regs->int_code);
}
