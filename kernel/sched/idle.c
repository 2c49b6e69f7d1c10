// SPDX-License-Identifier: MIT
/* The idle task: halt until an interrupt, switch when there is work (Linux: kernel/sched/idle.c). */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <scion/sched.h>
#include <arch.h>
#include "sched.h"

unsigned long idle_ticks;

/*
 * One pass of the idle loop, interrupts off. Like Linux's do_idle(), the
 * idle task switches to the livepatch target state here, since it never
 * returns to user mode and is never asleep in a patched function.
 */
static void do_idle(void)
{
	while (!need_resched()) {
		if (unlikely(klp_patch_pending(current)))
			klp_update_patch_state(current);
		arch_cpu_idle();
	}
}

/*
 * The idle task runs with preemption disabled, as in Linux: interrupts
 * only mark need_resched, and the loop switches away itself through
 * schedule_idle(). So whenever idle is not running, its stack ends in
 * schedule_idle() called from here, which the reliable unwinder accepts.
 */
__noreturn void cpu_startup_entry(void)
{
	preempt_disable();
	for (;;) {
		local_irq_disable();
		do_idle();
		local_irq_enable();
		schedule_idle();
	}
}
