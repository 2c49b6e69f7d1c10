/* SPDX-License-Identifier: MIT */
/* Work items run by kworker threads (kernel/workqueue.c; Linux: include/linux/workqueue.h). */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;
	work_func_t func;
	bool pending;		/* queued, not yet started */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
};

#define __WORK_INITIALIZER(n, f) { LIST_HEAD_INIT((n).entry), (f), false }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f)                                            \
	struct delayed_work n = { __WORK_INITIALIZER((n).work, (f)),          \
				  { LIST_HEAD_INIT((n).timer.entry), 0, delayed_work_timer_fn, false } }

void delayed_work_timer_fn(struct timer_list *t);

#define INIT_WORK(w, f)                                                       \
	do {                                                                  \
		INIT_LIST_HEAD(&(w)->entry);                                  \
		(w)->func = (f);                                              \
		(w)->pending = false;                                         \
	} while (0)
#define INIT_DELAYED_WORK(dw, f)                                              \
	do {                                                                  \
		INIT_WORK(&(dw)->work, (f));                                  \
		timer_setup(&(dw)->timer, delayed_work_timer_fn, 0);          \
	} while (0)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

/* Queue on the system workqueue; false if it was already pending. */
bool schedule_work(struct work_struct *work);
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_sys(struct delayed_work *dwork, unsigned long delay);
/* Wait until work is neither pending nor running; true if it waited. */
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
static inline bool work_pending(const struct work_struct *w) { return w->pending; }
static inline bool delayed_work_pending(const struct delayed_work *w)
{
	return w->work.pending || w->timer.pending;
}
/* Run func once in a worker on every CPU (one here) and wait for it (Linux: schedule_on_each_cpu). */
int schedule_on_each_cpu(work_func_t func);

#endif
