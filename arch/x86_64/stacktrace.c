// SPDX-License-Identifier: MIT
/*
 * Frame-pointer unwinder for x86_64: backtraces, and the reliable walk of
 * the livepatch consistency model (Linux: arch/x86/kernel/unwind_frame.c,
 * arch/x86/kernel/stacktrace.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <arch.h>
#include <asm/switch_to.h>

/*
 * Every function starts (after its 5-byte fentry NOP) with push %rbp;
 * mov %rsp,%rbp, so a frame is
 *
 *   fp + 8   return address into the caller
 *   fp       the caller's fp                        <- rbp
 *
 * and the fps of a stack's frames rise strictly towards its top. Where
 * the chain leaves C:
 *
 * - Entry frames. entry.S calls C with rbp = regs | 1 (Linux's
 *   ENCODE_FRAME_POINTER), so the handler's saved fp is odd and the
 *   struct pt_regs at fp - 1 holds the interrupted ip and rbp. From user
 *   mode that pt_regs is task_pt_regs(task), the top of the stack.
 * - A switched-out task's stack ends with struct inactive_task_frame
 *   (asm/switch_to.h) at thread.sp: its ret_addr returns into
 *   arch_switch_to, its bp is arch_switch_to's frame.
 * - ret_from_fork runs with rbp = 0, so every task's first frame (below
 *   its pt_regs) is that of a function ret_from_fork called:
 *
 *     task_pt_regs(p)     the user-mode pt_regs
 *     - 8, - 16           pad, end_marker (0)
 *     - 24                return address into ret_from_fork
 *     - 32                0                             <- first fp
 *
 * - The idle task runs on the boot stack, where boot.asm pushed a zero
 *   fake return address, set rbp = 0 and called x86_64_start:
 *
 *     boot_stack_top - 8  0
 *     - 16                return address into boot.asm
 *     - 24                0                             <- first fp
 */

struct unwind {
	stack_trace_consume_fn consume_entry;
	void *cookie;
	struct task_struct *task;
	unsigned long stack_lo, stack_hi;	/* every read stays inside */
	bool reliable;
};

static notrace void unwind_init(struct unwind *u, stack_trace_consume_fn consume_entry,
				void *cookie, struct task_struct *task, bool reliable)
{
	u->consume_entry = consume_entry;
	u->cookie = cookie;
	u->task = task;
	u->reliable = reliable;
	u->stack_lo = task->stack_lo;
	u->stack_hi = task->stack_hi;
	if (!u->stack_hi)		/* the idle task, on the boot stack */
		arch_boot_stack(&u->stack_lo, &u->stack_hi);
}

static notrace bool on_stack(const struct unwind *u, unsigned long addr, unsigned long len)
{
	return addr >= u->stack_lo && addr <= u->stack_hi && len <= u->stack_hi - addr;
}

/* Is fp, whose saved fp is 0, the frame every walk of this task must end at? */
static notrace bool is_first_frame(const struct unwind *u, unsigned long fp, unsigned long ret)
{
	if (!u->task->stack_hi)
		return fp == u->stack_hi - 3 * sizeof(long);
	return fp == (unsigned long)&task_fork_frame(u->task)->frame.bp &&
	       ret >= (unsigned long)ret_from_fork && ret < (unsigned long)ret_from_fork_end;
}

/*
 * Follow the chain from fp (not yet reported), fps strictly rising past
 * prev. Returns 0 if the walk ended at the task's first frame or its
 * user-mode pt_regs, -EINVAL if it stopped anywhere else.
 */
static notrace int unwind_frames(const struct unwind *u, unsigned long fp, unsigned long prev)
{
	for (;;) {
		unsigned long *frame = (unsigned long *)fp, ret;
		struct pt_regs *regs;

		if (fp <= prev || (fp & 7) > 1)
			return -EINVAL;		/* out of order, or not a frame pointer */
		if (fp & 1) {
			regs = (struct pt_regs *)(fp - 1);
			if (!on_stack(u, fp - 1, sizeof(*regs)))
				return -EINVAL;
			if (user_mode(regs))
				return regs == task_pt_regs(u->task) && u->task->stack_hi ? 0 : -EINVAL;
			if (u->reliable || !u->consume_entry(u->cookie, regs->ip))
				return -EINVAL;	/* see arch_stack_walk_reliable() in arch.h */
			prev = fp;
			fp = regs->bp;
			continue;
		}
		if (!on_stack(u, fp, 2 * sizeof(long)))
			return -EINVAL;
		ret = frame[1];
		if (!kernel_text_address(ret) || !u->consume_entry(u->cookie, ret))
			return -EINVAL;
		if (!frame[0])
			return is_first_frame(u, fp, ret) ? 0 : -EINVAL;
		prev = fp;
		fp = frame[0];
	}
}

/* A switched-out task: its inactive_task_frame first, then its frames. */
static notrace int unwind_inactive(const struct unwind *u)
{
	const struct inactive_task_frame *frame = (const void *)u->task->thread.sp;

	if (!on_stack(u, u->task->thread.sp, sizeof(*frame)))
		return -EINVAL;
	if (!kernel_text_address(frame->ret_addr) || !u->consume_entry(u->cookie, frame->ret_addr))
		return -EINVAL;
	if (!frame->bp)			/* never ran: only its fork_frame is there */
		return frame == &task_fork_frame(u->task)->frame &&
		       frame->ret_addr == (unsigned long)ret_from_fork ? 0 : -EINVAL;
	return unwind_frames(u, frame->bp, u->task->thread.sp);
}

notrace void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
			     struct task_struct *task, struct pt_regs *regs)
{
	struct unwind u;

	unwind_init(&u, consume_entry, cookie, task, false);
	if (regs) {
		if (consume_entry(cookie, regs->ip) && !user_mode(regs))
			unwind_frames(&u, regs->bp, 0);
	} else if (task == current) {
		unwind_frames(&u, (unsigned long)__builtin_frame_address(0), 0);
	} else {
		unwind_inactive(&u);
	}
}

notrace int arch_stack_walk_reliable(stack_trace_consume_fn consume_entry, void *cookie,
				     struct task_struct *task)
{
	struct unwind u;

	unwind_init(&u, consume_entry, cookie, task, true);
	if (task == current)
		return unwind_frames(&u, (unsigned long)__builtin_frame_address(0), 0);
	return unwind_inactive(&u);
}

/* The frame of arch_current_fp()'s caller: our own frame's saved rbp. */
notrace noinline unsigned long arch_current_fp(void)
{
	return *(unsigned long *)__builtin_frame_address(0);
}
