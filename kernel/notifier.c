// SPDX-License-Identifier: MIT
/* Blocking notifier chains (Linux: kernel/notifier.c). */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/notifier.h>

int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb)
{
	struct notifier_block **p;

	mutex_lock(&nh->mutex);
	for (p = &nh->head; *p && (*p)->priority >= nb->priority; p = &(*p)->next)
		;
	nb->next = *p;
	*p = nb;
	mutex_unlock(&nh->mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(blocking_notifier_chain_register);

int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *nb)
{
	struct notifier_block **p;
	int ret = -ENOENT;

	mutex_lock(&nh->mutex);
	for (p = &nh->head; *p; p = &(*p)->next) {
		if (*p == nb) {
			*p = nb->next;
			ret = 0;
			break;
		}
	}
	mutex_unlock(&nh->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(blocking_notifier_chain_unregister);

/*
 * Linux holds the chain's rwsem for reading during the calls, so a
 * callback may not (un)register on its own chain; the mutex here has the
 * same rule.
 */
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long action, void *data)
{
	struct notifier_block *nb;
	int ret = NOTIFY_DONE;

	mutex_lock(&nh->mutex);
	for (nb = nh->head; nb; nb = nb->next) {
		ret = nb->notifier_call(nb, action, data);
		if (ret & NOTIFY_STOP_MASK)
			break;
	}
	mutex_unlock(&nh->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(blocking_notifier_call_chain);
