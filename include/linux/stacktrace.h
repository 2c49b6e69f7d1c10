/* SPDX-License-Identifier: MIT */
/*
 * Saving and printing stack traces (kernel/stacktrace.c; Linux:
 * include/linux/stacktrace.h). The arch walks them (arch_stack_walk*() in
 * arch.h); these decide what to keep. Entries are return addresses,
 * innermost first.
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

struct task_struct;
struct pt_regs;

/* Current's trace, from stack_trace_save()'s caller, minus skipnr entries. Returns the count. */
unsigned int stack_trace_save(unsigned long *store, unsigned int size, unsigned int skipnr);

/*
 * Best-effort trace of task (current, or a task that is not running):
 * where it switched out, or for current as stack_trace_save(). An exited
 * task has an empty trace. Returns the count.
 */
unsigned int stack_trace_save_tsk(struct task_struct *task, unsigned long *store,
				  unsigned int size, unsigned int skipnr);

/* Trace of the code regs interrupted: regs' ip, then its callers on current's stack. */
unsigned int stack_trace_save_regs(struct pt_regs *regs, unsigned long *store,
				   unsigned int size, unsigned int skipnr);

/*
 * The trace livepatch trusts (see arch_stack_walk_reliable()): the
 * number of entries, or -EINVAL if the stack cannot be walked reliably,
 * or -E2BIG if it has more than size entries. An exited task's stack is
 * reliably empty (0). Context: task is current or not running; any
 * context, takes no locks. [Linux: stack_trace_save_tsk_reliable()]
 */
int stack_trace_save_tsk_reliable(struct task_struct *task, unsigned long *store,
				  unsigned int size);

/*
 * Print entries as backtrace lines " [<addr>] sym+0xoff/0xsize", indented
 * by spaces more. After a return address into the entry code a line
 * marks that the entries below are the interrupted code's (the trace
 * crossed an entry frame: they may miss a caller).
 */
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries, int spaces);

/*
 * The entry code (.text.entry, from the link script): interrupt, exception
 * and system call entry. A trace's return address into it marks an entry
 * frame. [Linux: asm/sections.h]
 */
extern char __entry_text_start[], __entry_text_end[];

#endif
