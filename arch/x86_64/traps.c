// SPDX-License-Identifier: MIT
/* Exception and interrupt dispatch, register dumps (Linux: arch/x86/kernel/traps.c, dumpstack_64.c). */
#include <linux/kernel.h>
#include <scion/panic.h>
#include <scion/sched.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <arch.h>
#include <asm/x86.h>

static const char *const exception_names[32] = {
	[0] = "divide error",
	[1] = "debug",
	[2] = "NMI",
	[3] = "int3",
	[4] = "overflow",
	[5] = "bounds",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack segment",
	[13] = "general protection fault",
	[14] = "page fault",
	[16] = "coprocessor error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD exception",
};

void arch_show_regs(struct pt_regs *regs)
{
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n", regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR2: %016lx CR3: %016lx\n", read_cr2(), read_cr3());
}

unsigned long arch_regs_ip(const struct pt_regs *regs)
{
	return regs->ip;
}

unsigned long arch_regs_fp(const struct pt_regs *regs)
{
	return regs->bp;
}

static void page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2();
	unsigned long err = regs->orig_ax;

	if (addr < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n", addr);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n", addr);
	/* Error code bits: Intel SDM Vol. 3A 4.7. */
	printk(KERN_ALERT "#PF: %s %s in %s mode\n", err & 4 ? "user" : "supervisor",
	       err & 16 ? "instruction fetch" : err & 2 ? "write access" : "read access",
	       err & 4 ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err,
	       err & 1 ? "permissions violation" : "not-present page");
	die("page fault", regs, err);
}

/* A fault in user mode kills the process, not the kernel (Linux: do_user_addr_fault, do_trap). */
static void user_exception(struct pt_regs *regs)
{
	unsigned long vec = regs->vector;

	switch (vec) {
	case 14:
		force_sig_fault(regs, SIGSEGV, "segfault", read_cr2(), regs->orig_ax);
		break;
	case 0:
		force_sig_fault(regs, SIGFPE, "divide error", regs->ip, 0);
		break;
	case 3:
		force_sig_fault(regs, SIGTRAP, "int3", regs->ip, 0);
		break;
	case 6:
		force_sig_fault(regs, SIGILL, "invalid opcode", regs->ip, 0);
		break;
	default:
		force_sig_fault(regs, SIGSEGV, exception_names[vec] ? exception_names[vec] : "trap",
				regs->ip, regs->orig_ax);
		break;
	}
}

static void exception(struct pt_regs *regs)
{
	unsigned long vec = regs->vector;
	const char *name = exception_names[vec] ? exception_names[vec] : "reserved exception";

	if (user_mode(regs)) {
		user_exception(regs);
		return;
	}

	if (vec == 14) {
		page_fault(regs);
		return;
	}
	die(name, regs, regs->orig_ax);
}

static void irq(struct pt_regs *regs)
{
	unsigned int n = regs->vector - IRQ_BASE;

	/* IRQ 7/15 with nothing in service are the 8259's spurious interrupts. */
	if (n == 7 || n == 15) {
		pic_eoi(n);
		return;
	}
	pic_eoi(n);
	switch (n) {
	case IRQ_TIMER:
		timer_interrupt(regs);
		break;
	case IRQ_COM1:
		serial_irq();
		break;
	default:
		pr_warn("unexpected irq %u\n", n);
		break;
	}
}

/* Called by entry.S for every vector, interrupts disabled. */
notrace void x86_trap(struct pt_regs *regs)
{
	if (regs->vector < 32)
		exception(regs);
	else
		irq(regs);
	if (user_mode(regs))
		exit_to_user_mode(regs);
	else
		irqentry_exit_cond_resched(regs);
}

/* entry_SYSCALL_64 lands here, interrupts off, on the task's kernel stack. */
notrace void x86_syscall(struct pt_regs *regs)
{
	local_irq_enable();
	do_syscall(regs, regs->orig_ax);
	exit_to_user_mode(regs);
}

#define MSR_EFER 0xc0000080
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_SYSCALL_MASK 0xc0000084

static void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

/*
 * Enable the syscall instruction (Intel SDM Vol. 3A 5.8.8): EFER.SCE, the
 * kernel CS in STAR[47:32] (user CS/SS for sysret derive from STAR[63:48]),
 * the entry point, and the RFLAGS bits cleared on entry (TF, DF, IF, AC).
 */
void syscall_init(void)
{
	void entry_SYSCALL_64(void);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1);
	wrmsr(MSR_STAR, ((u64)(USER_DS - 8 - 3) << 48) | ((u64)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, 0x40700);
}
