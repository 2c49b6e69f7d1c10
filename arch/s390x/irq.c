// SPDX-License-Identifier: MIT
/*
 * External interruptions: dispatch, the clock-comparator tick and the TOD
 * clock (Linux: arch/s390/kernel/irq.c, time.c).
 */
#include <linux/kernel.h>
#include <scion/sched.h>
#include <arch.h>
#include <asm/s390x.h>

u64 tod_clock_base;			/* TOD clock at boot: arch_clock_ns() 0 */
static u64 tick_interval;		/* TOD units per tick; 0 until arch_irq_init() */
static u64 next_tick;			/* the clock comparator's deadline */
static bool irq_work_pending;

/*
 * Run sclp_console_irq_work() from the next clock-comparator interrupt,
 * at once if interrupts are enabled: the interruption is pending as soon
 * as the TOD clock passes the comparator (PoP ch. 4, "Clock Comparator").
 * Not 0, which is as much in the past: QEMU's TCG arms its timer at
 * comparator - TOD base and never fires for values below that base.
 * Context: any. [Linux: arch_irq_work_raise()]
 */
notrace void s390x_irq_work_raise(void)
{
	irq_work_pending = true;
	set_clock_comparator(get_tod_clock());
}

/* One tick per deadline passed; ticks missed by more than one are dropped, as on x86. */
static notrace void clock_comparator_interrupt(struct pt_regs *regs)
{
	u64 now = get_tod_clock();
	bool tick = tick_interval && now >= next_tick;

	if (tick) {
		next_tick += tick_interval;
		if (next_tick <= now)
			next_tick = now + tick_interval;
	}
	/* The interruption stays pending while TOD > comparator: re-arm first. */
	set_clock_comparator(tick_interval ? next_tick : ~0ULL);
	if (tick)
		timer_interrupt(regs);
	if (irq_work_pending) {
		irq_work_pending = false;
		sclp_console_irq_work();
	}
}

/* Called by entry.S for every external interruption, interrupts masked. */
notrace void do_ext_interrupt(struct pt_regs *regs)
{
	unsigned int code = regs->int_code & 0xffff;

	/*
	 * The interruption ended an enabled wait (psw_enabled_wait()): the
	 * old PSW still has the wait bit. Resume with it and the interrupt
	 * masks cleared, so the waiter continues as it was called.
	 */
	if (regs->psw.mask & PSW_MASK_WAIT)
		regs->psw.mask &= ~(PSW_MASK_WAIT | PSW_MASK_EXT | PSW_MASK_IO);

	switch (code) {
	case EXT_IRQ_CLK_COMP:
		clock_comparator_interrupt(regs);
		break;
	case EXT_IRQ_SERVICE_SIG:
		sclp_interrupt(regs->int_parm);
		break;
	default:
		pr_warn("unexpected external interrupt %04x\n", code);
		break;
	}
	if (!user_mode(regs))
		irqentry_exit_cond_resched(regs);
}

/* The tick from the clock comparator (CR0 bit 52), and console input (bit 54). */
void arch_irq_init(unsigned int hz)
{
	/* TOD clock bit 51 is one microsecond (PoP ch. 4, "TOD Clock"). */
	tick_interval = (u64)(1000000 / hz) << 12;
	next_tick = get_tod_clock() + tick_interval;
	set_clock_comparator(next_tick);
	cr0_write(cr0_read() | CR0_CLOCK_COMPARATOR_SUBMASK | CR0_SERVICE_SIGNAL_SUBMASK);
	sclp_console_irq_init();
}

notrace u64 arch_cycles(void)
{
	return get_tod_clock();
}

/* TOD units are 2^-12 us: split so that nothing overflows for 584 years. */
notrace u64 arch_clock_ns(void)
{
	u64 delta = get_tod_clock() - tod_clock_base;

	return (delta >> 12) * 1000 + (((delta & 0xfff) * 1000) >> 12);
}
