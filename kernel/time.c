// SPDX-License-Identifier: MIT
/* The periodic tick, kernel timers and kernel time (Linux: kernel/time/). */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <scion/sched.h>
#include <scion/time.h>
#include <arch.h>

volatile unsigned long jiffies;
static LIST_HEAD(timer_list_head);	/* pending timers, soonest first */

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = fn;
	timer->pending = false;
	timer->expires = 0;
}

bool mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_list *t;
	unsigned long flags;
	bool was;

	local_irq_save(flags);
	was = timer->pending;
	if (was)
		list_del_init(&timer->entry);
	timer->expires = expires;
	timer->pending = true;
	list_for_each_entry(t, &timer_list_head, entry)
		if ((long)(t->expires - expires) > 0)
			break;
	list_add_tail(&timer->entry, &t->entry);
	local_irq_restore(flags);
	return was;
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

bool del_timer(struct timer_list *timer)
{
	unsigned long flags;
	bool was;

	local_irq_save(flags);
	was = timer->pending;
	if (was) {
		list_del_init(&timer->entry);
		timer->pending = false;
	}
	local_irq_restore(flags);
	return was;
}

/* Interrupts off. A callback may re-arm its own timer. */
void run_timers(void)
{
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head, struct timer_list, entry);

		if ((long)(jiffies - t->expires) < 0)
			break;
		list_del_init(&t->entry);
		t->pending = false;
		t->function(t);
	}
}

/* Interrupt context: one tick. */
notrace void timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	if (current->flags & PF_IDLE)
		idle_ticks++;
	run_timers();
	scheduler_tick();
}

u64 ktime_get_ns(void)
{
	return arch_clock_ns();
}
