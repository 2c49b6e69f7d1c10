// SPDX-License-Identifier: MIT
/*
 * The buggy module of the shadow variable demo (Linux:
 * samples/livepatch/livepatch-shadow-mod.c). Every second a work item
 * allocates a "dummy" and, with it, an int it forgets at once: a leak.
 * Every three seconds another frees the dummies older than twelve
 * seconds. livepatch-shadow-fix1 fixes the leak by remembering the int
 * in a shadow variable of the dummy; livepatch-shadow-fix2 adds a "check
 * counter" field to struct dummy the same way.
 *
 *   insmod livepatch-shadow-mod.ko      dummies come and go, ints leak
 *   insmod livepatch-shadow-fix1.ko     new dummies' ints are freed with them
 *   insmod livepatch-shadow-fix2.ko     freed dummies report their check counter
 *   echo 0 > /sys/kernel/livepatch/livepatch_shadow_fix2/enabled
 *   echo 0 > /sys/kernel/livepatch/livepatch_shadow_fix1/enabled
 *   rmmod livepatch_shadow_fix2 livepatch_shadow_fix1 livepatch_shadow_mod
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

/* Seconds: a new dummy every ALLOC_PERIOD, a cleanup every CLEANUP_PERIOD. */
#define ALLOC_PERIOD 1
#define CLEANUP_PERIOD (3 * ALLOC_PERIOD)
/* A dummy expires after a few cleanups. */
#define EXPIRE_PERIOD (4 * CLEANUP_PERIOD)

/* Every live dummy, so that the module's exit frees the rest. */
static LIST_HEAD(dummy_list);
static DEFINE_MUTEX(dummy_list_mutex);

/* The fix modules declare this structure too: its layout must not change. */
struct dummy {
	struct list_head list;
	unsigned long jiffies_expire;
};

/* Patched by fix1. noinline and __used: the patches find them by name. */
static noinline __used struct dummy *dummy_alloc(void)
{
	struct dummy *d;
	int *leak;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return NULL;
	d->jiffies_expire = jiffies + msecs_to_jiffies(1000 * EXPIRE_PERIOD);

	/* The bug: leak is never kept anywhere, and never freed. */
	leak = kzalloc(sizeof(*leak), GFP_KERNEL);
	if (!leak) {
		kfree(d);
		return NULL;
	}
	pr_info("%s: dummy @ %p, expires @ %lx\n", __func__, d, d->jiffies_expire);
	return d;
}

/* Patched by fix1 and fix2. */
static noinline __used void dummy_free(struct dummy *d)
{
	pr_info("%s: dummy @ %p, expired = %lx\n", __func__, d, d->jiffies_expire);
	kfree(d);
}

/* Patched by fix2. */
static noinline __used bool dummy_check(struct dummy *d, unsigned long jiffies)
{
	return time_after(jiffies, d->jiffies_expire);
}

static void alloc_work_func(struct work_struct *work);
static DECLARE_DELAYED_WORK(alloc_dwork, alloc_work_func);

static void alloc_work_func(struct work_struct *work)
{
	struct dummy *d = dummy_alloc();

	if (!d)
		return;
	mutex_lock(&dummy_list_mutex);
	list_add(&d->list, &dummy_list);
	mutex_unlock(&dummy_list_mutex);
	schedule_delayed_work(&alloc_dwork, msecs_to_jiffies(1000 * ALLOC_PERIOD));
}

static void cleanup_work_func(struct work_struct *work);
static DECLARE_DELAYED_WORK(cleanup_dwork, cleanup_work_func);

/* Free the expired dummies (and, unpatched, leak their ints). */
static void cleanup_work_func(struct work_struct *work)
{
	struct dummy *d, *tmp;
	unsigned long j = jiffies;

	pr_info("%s: jiffies = %lx\n", __func__, j);
	mutex_lock(&dummy_list_mutex);
	list_for_each_entry_safe(d, tmp, &dummy_list, list) {
		if (dummy_check(d, j)) {
			list_del(&d->list);
			dummy_free(d);
		}
	}
	mutex_unlock(&dummy_list_mutex);
	schedule_delayed_work(&cleanup_dwork, msecs_to_jiffies(1000 * CLEANUP_PERIOD));
}

static int livepatch_shadow_mod_init(void)
{
	schedule_delayed_work(&alloc_dwork, msecs_to_jiffies(1000 * ALLOC_PERIOD));
	schedule_delayed_work(&cleanup_dwork, msecs_to_jiffies(1000 * CLEANUP_PERIOD));
	return 0;
}

static void livepatch_shadow_mod_exit(void)
{
	struct dummy *d, *tmp;

	/* No work runs after these; then free what is left. */
	cancel_delayed_work_sync(&alloc_dwork);
	cancel_delayed_work_sync(&cleanup_dwork);
	list_for_each_entry_safe(d, tmp, &dummy_list, list) {
		list_del(&d->list);
		dummy_free(d);
	}
}

module_init(livepatch_shadow_mod_init);
module_exit(livepatch_shadow_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Buggy module for the shadow variable demo");
