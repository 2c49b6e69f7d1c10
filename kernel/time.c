// SPDX-License-Identifier: MIT
/* The periodic tick and kernel time (Linux: kernel/time/). */
#include <linux/kernel.h>
#include <scion/time.h>
#include <arch.h>

volatile unsigned long jiffies;

/* Interrupt context: one tick. Later the scheduler's time slices hang here. */
notrace void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
}

u64 ktime_get_ns(void)
{
	return arch_clock_ns();
}
