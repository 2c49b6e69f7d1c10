// SPDX-License-Identifier: MIT
/* Back-chain stack walking for s390x (Linux: arch/s390/kernel/unwind_bc.c). */
#include <linux/kernel.h>
#include <arch.h>

/* arch_current_fp() is in switch.S: a leaf without a frame, which C cannot promise. */

/*
 * With -mbackchain every frame starts with its caller's r15, and a callee
 * saves its return address (r14) at 112 of its caller's frame:
 *
 *   caller frame + 112   return address of the function whose frame is sp
 *   caller frame         <- *sp (back chain)
 *   sp                   frame of the function being unwound
 *
 * A back chain of 0 ends the stack, or marks an entry.S frame with a
 * struct pt_regs right above it: the walk reports the interrupted PSW
 * address and continues at the interrupted r15.
 */
notrace void arch_stack_walk(stack_trace_consume_fn fn, void *cookie, unsigned long fp,
			     unsigned long stack_lo, unsigned long stack_hi)
{
	unsigned long sp = fp;

	while (sp >= stack_lo && sp + STACK_FRAME_OVERHEAD <= stack_hi && !(sp & 7)) {
		const struct stack_frame *sf = (const struct stack_frame *)sp;
		unsigned long next = sf->back_chain, ret;

		if (!next) {
			const struct pt_regs *regs = (const struct pt_regs *)(sp + STACK_FRAME_OVERHEAD);

			if (sp + STACK_FRAME_OVERHEAD + sizeof(*regs) > stack_hi)
				return;		/* the top frame of the stack */
			if (!fn(cookie, regs->psw.addr) || user_mode(regs))
				return;
			next = regs->gprs[15];
			if (next < (unsigned long)(regs + 1))
				return;		/* the interrupted frame is above regs */
			sp = next;
			continue;
		}
		if (next <= sp || next + STACK_FRAME_OVERHEAD > stack_hi)
			return;			/* backwards, or off the stack */
		ret = ((const struct stack_frame *)next)->gprs[14 - 6];
		if (!ret || !fn(cookie, ret))
			return;
		sp = next;
	}
}
