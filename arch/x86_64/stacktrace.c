// SPDX-License-Identifier: MIT
/* Frame-pointer stack walking for x86_64 (Linux: arch/x86/kernel/unwind_frame.c). */
#include <linux/kernel.h>
#include <arch.h>

/*
 * With -fno-omit-frame-pointer every frame starts
 *
 *   fp + 8  return address into the caller
 *   fp      the caller's fp
 *
 * An odd fp is entry.S's marker for a struct pt_regs at (fp - 1): the walk
 * continues at the interrupted ip and its saved rbp.
 */
notrace void arch_stack_walk(stack_trace_consume_fn fn, void *cookie, unsigned long fp,
			     unsigned long stack_lo, unsigned long stack_hi)
{
	unsigned long prev = 0;

	while (fp) {
		unsigned long *frame, ret;

		if (fp & 1) {
			struct pt_regs *regs = (struct pt_regs *)(fp - 1);

			if (fp - 1 < stack_lo || fp - 1 + sizeof(*regs) > stack_hi)
				return;
			if (!fn(cookie, regs->ip) || user_mode(regs))
				return;
			prev = fp;
			fp = regs->bp;
			continue;
		}
		if (fp < stack_lo || fp + 16 > stack_hi || fp <= prev || (fp & 7))
			return;
		frame = (unsigned long *)fp;
		ret = frame[1];
		if (!ret || !fn(cookie, ret))
			return;
		prev = fp;
		fp = frame[0];
	}
}

/* The frame of arch_current_fp()'s caller: our own frame's saved rbp. */
notrace noinline unsigned long arch_current_fp(void)
{
	return *(unsigned long *)__builtin_frame_address(0);
}
