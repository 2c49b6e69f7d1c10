// SPDX-License-Identifier: MIT
/*
 * Back-chain unwinder for s390x: backtraces, and the reliable walk of the
 * livepatch consistency model (Linux: arch/s390/kernel/unwind_bc.c,
 * arch/s390/kernel/stacktrace.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <arch.h>

/* arch_current_fp() is in switch.S: a leaf without a frame, which C cannot promise. */

/* switch.S: the first code of every new task, and its end. */
void ret_from_fork(void);
extern const char ret_from_fork_end[];

/*
 * With -mbackchain every frame starts with its caller's r15, and a callee
 * saves its registers in its caller's frame, so the return address of the
 * function that owns frame sp sits in the frame above:
 *
 *   bc + 112    return address of sp's function (its saved r14)
 *   bc          the caller's frame
 *   ...
 *   sp          back chain = bc
 *
 * Frames rise strictly towards the stack top. A back chain of 0 marks an
 * entry.S frame, with struct pt_regs right above it:
 *
 *   sp + 160 + 184   the interrupted stack (kernel mode)
 *   sp + 160         struct pt_regs: interrupted PSW and r15
 *   sp               back chain 0
 *
 * and every task's first frame, which has the same shape at the stack top
 * (process.c): there pt_regs is task_pt_regs(task), the user-mode
 * registers of a process, or for a kernel thread a kernel-mode PSW at
 * ret_from_fork; the frame is entry.S's C-handler frame after an entry
 * from problem state, else arch_thread_init()'s, in which ret_from_fork
 * calls (so +112 returns into ret_from_fork). The idle task's first frame
 * is head.S's, at the top of the boot stack, back chain 0 and nothing
 * above it. A switched-out task's thread.ksp is arch_switch_to's frame,
 * with __switch_to's return address at +112.
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

/* The frame every walk of this task ends at (back chain 0). */
static notrace unsigned long first_frame(const struct unwind *u)
{
	if (!u->task->stack_hi)		/* head.S's, on the boot stack */
		return u->stack_hi - STACK_FRAME_OVERHEAD;
	return (unsigned long)task_pt_regs(u->task) - STACK_FRAME_OVERHEAD;
}

/*
 * The walk reached the first frame, ret the last return address it
 * reported: below user-mode registers, or ret_from_fork's frame (a kernel
 * thread, or a process that has not entered user mode yet).
 */
static notrace bool ended_well(const struct unwind *u, unsigned long ret)
{
	if (!u->task->stack_hi)
		return true;
	return user_mode(task_pt_regs(u->task)) ||
	       (ret >= (unsigned long)ret_from_fork && ret < (unsigned long)ret_from_fork_end);
}

/*
 * The pt_regs of an entry frame at sp other than the first: a kernel-mode
 * interruption. Sets *next to the interrupted r15 and returns 0 to go on
 * there, or -EINVAL.
 */
static notrace int unwind_regs(const struct unwind *u, unsigned long sp, unsigned long *next)
{
	struct pt_regs *regs = (struct pt_regs *)(sp + STACK_FRAME_OVERHEAD);

	if (!on_stack(u, (unsigned long)regs, sizeof(*regs)) || user_mode(regs))
		return -EINVAL;
	if (u->reliable || !u->consume_entry(u->cookie, regs->psw.addr))
		return -EINVAL;		/* see arch_stack_walk_reliable() in arch.h */
	*next = regs->gprs[15];
	if (*next < (unsigned long)(regs + 1))
		return -EINVAL;		/* the interrupted frame is above regs */
	return 0;
}

/*
 * Follow the back chain from frame sp, whose function's return address is
 * not yet reported (ret: the last one that was). Returns 0 if the walk
 * ended at the task's first frame or its user-mode pt_regs, -EINVAL if it
 * stopped anywhere else.
 */
static notrace int unwind_frames(const struct unwind *u, unsigned long sp, unsigned long ret)
{
	unsigned long prev = 0, bc;

	for (;;) {
		if (sp <= prev || (sp & 7) || !on_stack(u, sp, STACK_FRAME_OVERHEAD))
			return -EINVAL;
		bc = ((const struct stack_frame *)sp)->back_chain;
		if (!bc && sp == first_frame(u))
			return ended_well(u, ret) ? 0 : -EINVAL;
		if (!bc) {
			if (unwind_regs(u, sp, &bc))
				return -EINVAL;
			prev = sp;
			sp = bc;
			continue;
		}
		if (bc <= sp || !on_stack(u, bc, STACK_FRAME_OVERHEAD))
			return -EINVAL;
		ret = ((const struct stack_frame *)bc)->gprs[14 - 6];
		if (!kernel_text_address(ret) || !u->consume_entry(u->cookie, ret))
			return -EINVAL;
		prev = sp;
		sp = bc;
	}
}

/* A switched-out task: __switch_to's return address, then its frames. */
static notrace int unwind_inactive(const struct unwind *u)
{
	unsigned long ksp = u->task->thread.ksp, ret;

	if ((ksp & 7) || !on_stack(u, ksp, STACK_FRAME_OVERHEAD))
		return -EINVAL;
	ret = ((const struct stack_frame *)ksp)->gprs[14 - 6];
	if (!kernel_text_address(ret) || !u->consume_entry(u->cookie, ret))
		return -EINVAL;
	return unwind_frames(u, ksp, ret);
}

notrace void arch_stack_walk(stack_trace_consume_fn consume_entry, void *cookie,
			     struct task_struct *task, struct pt_regs *regs)
{
	struct unwind u;

	unwind_init(&u, consume_entry, cookie, task, false);
	if (regs) {
		if (consume_entry(cookie, regs->psw.addr) && !user_mode(regs))
			unwind_frames(&u, regs->gprs[15], 0);
	} else if (task == current) {
		unwind_frames(&u, arch_current_fp(), 0);
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
		return unwind_frames(&u, arch_current_fp(), 0);
	return unwind_inactive(&u);
}
