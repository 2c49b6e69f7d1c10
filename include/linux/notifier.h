/* SPDX-License-Identifier: MIT */
/*
 * Notifier chains: a list of callbacks, highest priority first, called in
 * turn for an event (kernel/notifier.c; Linux: include/linux/notifier.h).
 * The blocking kind runs in process context and its callbacks may sleep;
 * the module loader's MODULE_STATE_* events use one.
 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/types.h>
#include <linux/mutex.h>

struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);

struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};

struct blocking_notifier_head {
	struct mutex mutex;
	struct notifier_block *head;
};

#define BLOCKING_NOTIFIER_INIT(name) { __MUTEX_INITIALIZER((name).mutex), NULL }
#define BLOCKING_NOTIFIER_HEAD(name) struct blocking_notifier_head name = BLOCKING_NOTIFIER_INIT(name)

/* What a callback returns: NOTIFY_DONE (not interested), NOTIFY_OK, or with STOP, the end of the walk. */
#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)

/* An errno as a callback's return value, and back. */
static inline int notifier_from_errno(int err)
{
	return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK;
}

static inline int notifier_to_errno(int ret)
{
	ret &= ~NOTIFY_STOP_MASK;
	return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0;
}

/* Add nb in priority order (equal priorities: after the ones there). Context: may sleep. */
int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb);
/* 0, or -ENOENT when nb is not on the chain. Context: may sleep. */
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *nb);
/*
 * Call each callback with (action, data) until one returns with
 * NOTIFY_STOP_MASK set; return the last callback's value (NOTIFY_DONE for
 * an empty chain). Context: process; may sleep.
 */
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long action, void *data);

#endif
