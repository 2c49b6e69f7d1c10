/* SPDX-License-Identifier: MIT */
/* Kernel timers, run from the tick (kernel/time.c; Linux: include/linux/timer.h). */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <scion/time.h>

struct timer_list {
	struct list_head entry;
	unsigned long expires;		/* jiffies */
	void (*function)(struct timer_list *);
	bool pending;
};

#define from_timer(var, timer, field) container_of(timer, __typeof__(*var), field)

void timer_setup(struct timer_list *timer, void (*fn)(struct timer_list *), unsigned int flags);
/* (Re)arm timer for expires; returns true if it was pending. Callable from any context. */
bool mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
/* Disarm; returns true if it was pending. Callbacks run with interrupts off, so on one CPU
 * no callback is running when this returns (del_timer_sync is the same). */
bool del_timer(struct timer_list *timer);
#define del_timer_sync(t) del_timer(t)
#define timer_delete_sync(t) del_timer(t)
static inline bool timer_pending(const struct timer_list *t) { return t->pending; }

/* Called from the tick: run expired timers. */
void run_timers(void);

#endif
