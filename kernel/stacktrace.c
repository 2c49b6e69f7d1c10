// SPDX-License-Identifier: MIT
/*
 * Stack traces over the arch's walks: what to keep, when a task's stack
 * may be walked at all, and how a trace is printed (Linux:
 * kernel/stacktrace.c, with CONFIG_ARCH_STACKWALK).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <arch.h>

struct stacktrace_cookie {
	unsigned long *store;
	unsigned int size;
	unsigned int skip;
	unsigned int len;
	bool full;		/* an entry found no room */
};

static notrace bool stack_trace_consume_entry(void *cookie, unsigned long addr)
{
	struct stacktrace_cookie *c = cookie;

	if (c->skip > 0) {
		c->skip--;
		return true;
	}
	if (c->len >= c->size) {
		c->full = true;
		return false;
	}
	c->store[c->len++] = addr;
	return true;
}

/*
 * A task's stack is freed when it has switched away for the last time
 * (sched_task_dead); the idle task has none of its own but the boot
 * stack. [Linux: try_get_task_stack()]
 */
static notrace bool task_has_stack(const struct task_struct *task)
{
	return task->stack || task == &init_task;
}

/*
 * The walks below keep interrupts off: on one CPU that is what keeps a
 * task that is not current from running, or exiting and freeing its
 * stack, while its stack is read.
 */
notrace unsigned int stack_trace_save_tsk(struct task_struct *task, unsigned long *store,
					  unsigned int size, unsigned int skipnr)
{
	struct stacktrace_cookie c = {
		.store = store,
		.size = size,
		.skip = skipnr + (task == current),	/* this function */
	};
	unsigned long flags;

	local_irq_save(flags);
	if (task_has_stack(task))
		arch_stack_walk(stack_trace_consume_entry, &c, task, NULL);
	local_irq_restore(flags);
	return c.len;
}

notrace unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr)
{
	struct stacktrace_cookie c = {
		.store = store,
		.size = size,
		.skip = skipnr + 1,			/* this function */
	};

	arch_stack_walk(stack_trace_consume_entry, &c, current, NULL);
	return c.len;
}

notrace unsigned int stack_trace_save_regs(struct pt_regs *regs, unsigned long *store,
					   unsigned int size, unsigned int skipnr)
{
	struct stacktrace_cookie c = {
		.store = store,
		.size = size,
		.skip = skipnr,
	};

	arch_stack_walk(stack_trace_consume_entry, &c, current, regs);
	return c.len;
}

notrace int stack_trace_save_tsk_reliable(struct task_struct *task, unsigned long *store,
					  unsigned int size)
{
	struct stacktrace_cookie c = {
		.store = store,
		.size = size,
	};
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	if (task_has_stack(task))	/* else "reliably empty", as in Linux */
		ret = arch_stack_walk_reliable(stack_trace_consume_entry, &c, task);
	local_irq_restore(flags);
	if (c.full)
		return -E2BIG;
	return ret ? ret : (int)c.len;
}

/*
 * An address in the entry code, as the last entry before an entry frame
 * is (the return from the C handler into entry.S): the entries after it
 * are the interrupted code's, found through its saved registers.
 */
static bool in_entry_text(unsigned long addr)
{
	return addr >= (unsigned long)__entry_text_start && addr < (unsigned long)__entry_text_end;
}

/*
 * Linux prints <IRQ> ... </IRQ> around the frames on the interrupt stack
 * and "? " before unreliable ones; here interrupts run on the task's
 * stack, so one line marks where the trace crossed into the interrupted
 * code. Return addresses resolve with %pB (the call, even at a function's
 * end); the interrupted ip itself with %pS.
 */
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces)
{
	bool interrupted = false;
	unsigned int i;

	for (i = 0; i < nr_entries; i++) {
		void *addr = (void *)entries[i];

		if (interrupted)
			printk(KERN_DEFAULT "%*s -- entry frame: below, the interrupted code (unreliable) --\n",
			       spaces, "");
		if (interrupted)
			printk(KERN_DEFAULT "%*s [<%016lx>] %pS\n", spaces, "", entries[i], addr);
		else
			printk(KERN_DEFAULT "%*s [<%016lx>] %pB\n", spaces, "", entries[i], addr);
		interrupted = in_entry_text(entries[i]);
	}
}
