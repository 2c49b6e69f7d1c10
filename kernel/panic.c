// SPDX-License-Identifier: MIT
/* panic(), oopses, WARN and the taint mask (Linux: kernel/panic.c, arch dumpstack). */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <scion/panic.h>
#include <arch.h>

static unsigned long tainted_mask;
static int oops_count;
static bool in_panic;

/* Linux's letters: the first when set, the second when clear. */
static const char taint_letters[TAINT_FLAGS_COUNT][2] = {
	{ 'P', 'G' }, { 'F', ' ' }, { 'S', ' ' }, { 'R', ' ' }, { 'M', ' ' },
	{ 'B', ' ' }, { 'U', ' ' }, { 'D', ' ' }, { 'A', ' ' }, { 'W', ' ' },
	{ 'C', ' ' }, { 'I', ' ' }, { 'O', ' ' }, { 'E', ' ' }, { 'L', ' ' },
	{ 'K', ' ' }, { 'X', ' ' }, { 'T', ' ' }, { 'N', ' ' },
};

void add_taint(unsigned int flag)
{
	if (flag < TAINT_FLAGS_COUNT)
		tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return tainted_mask & (1UL << flag);
}

unsigned long get_taint(void)
{
	return tainted_mask;
}

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	char *s = buf;
	int i;

	if (!tainted_mask)
		return "Not tainted";
	s += sprintf(s, "Tainted: ");
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		*s++ = taint_letters[i][!test_taint(i)];
	*s = 0;
	return buf;
}

#define MAX_TRACE_ENTRIES 64

/*
 * "Call Trace:" and the callers of the code that oopsed (regs; its ip is
 * in the register dump already) or of dump_stack()'s caller. The buffer is
 * static, not on a stack that may be about to overflow; interrupts stay
 * off so that a WARN in an interrupt cannot use it meanwhile.
 */
static noinline void show_trace(struct pt_regs *regs)
{
	static unsigned long entries[MAX_TRACE_ENTRIES];
	unsigned long flags;
	unsigned int nr;

	local_irq_save(flags);
	if (regs)
		nr = stack_trace_save_regs(regs, entries, MAX_TRACE_ENTRIES, 1);
	else
		nr = stack_trace_save(entries, MAX_TRACE_ENTRIES, 2);	/* here, dump_stack() */
	printk(KERN_DEFAULT "Call Trace:\n");
	stack_trace_print(entries, nr, 0);
	local_irq_restore(flags);
}

noinline void dump_stack(void)
{
	printk(KERN_DEFAULT "CPU: 0 PID: %d Comm: %s %s\n", current->pid, current->comm,
	       print_tainted());
	show_trace(NULL);
}

void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	arch_local_irq_disable();
	if (in_panic)
		arch_halt();
	in_panic = true;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_loglevel = 15;		/* everything from here on reaches the console */
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	arch_halt();
}

void die(const char *title, struct pt_regs *regs, unsigned long err)
{
	console_loglevel = 15;
	printk(KERN_ALERT "Oops: %s: %04lx [#%d] PREEMPT\n", title, err, ++oops_count);
	printk(KERN_ALERT "CPU: 0 PID: %d Comm: %s %s\n", current->pid, current->comm,
	       print_tainted());
	arch_show_regs(regs);
	show_trace(regs);
	add_taint(7);			/* 'D': the kernel died */
	panic("Fatal exception");
}

void __warn_printk(const char *file, int line, void *caller, const char *fmt, ...)
{
	char msg[160];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	if (n && msg[n - 1] == '\n')
		msg[n - 1] = 0;
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	if (msg[0])
		printk(KERN_WARNING "%s\n", msg);
	printk(KERN_WARNING "WARNING: CPU: 0 PID: %d at %s:%d %pS\n", current->pid, file, line, caller);
	add_taint(TAINT_WARN);
	dump_stack();
	printk(KERN_WARNING "---[ end trace 0000000000000000 ]---\n");
}

void spin_lock_bug(spinlock_t *lock, const char *what)
{
	panic("spinlock %p: %s", lock, what);
}
