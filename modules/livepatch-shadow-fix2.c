// SPDX-License-Identifier: MIT
/*
 * Shadow variable demo, fix 2 (Linux: samples/livepatch/livepatch-shadow-fix2.c),
 * loaded on top of fix 1: struct dummy gains a field, a counter of the
 * times dummy_check() looked at it, as the shadow variable
 * <dummy, SV_COUNTER>; dummy_free() reports it. dummy_free() also keeps
 * fix 1's leak fix (this patch's version replaces fix 1's).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/livepatch.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>

/* Shadow variable ids of this demo. */
#define SV_LEAK 1
#define SV_COUNTER 2

struct dummy {
	struct list_head list;
	unsigned long jiffies_expire;
};

static bool livepatch_fix2_dummy_check(struct dummy *d, unsigned long jiffies)
{
	int *shadow_count;

	/*
	 * Dummies older than the patch get their counter on first sight.
	 * GFP_NOWAIT: the caller holds dummy_list_mutex.
	 */
	shadow_count = klp_shadow_get_or_alloc(d, SV_COUNTER, sizeof(*shadow_count), GFP_NOWAIT,
					       NULL, NULL);
	if (shadow_count)
		*shadow_count += 1;
	return time_after(jiffies, d->jiffies_expire);
}

static void livepatch_fix2_dummy_leak_dtor(void *obj, void *shadow_data)
{
	int **shadow_leak = shadow_data;

	pr_info("%s: dummy @ %p, prevented leak @ %p\n", __func__, obj, *shadow_leak);
	kfree(*shadow_leak);
}

static void livepatch_fix2_dummy_free(struct dummy *d)
{
	int *shadow_count;

	/* Fix 1's leak fix, kept. */
	if (klp_shadow_get(d, SV_LEAK))
		klp_shadow_free(d, SV_LEAK, livepatch_fix2_dummy_leak_dtor);
	else
		pr_info("%s: dummy @ %p leaked!\n", __func__, d);

	/* The new field: report it, then detach it. */
	shadow_count = klp_shadow_get(d, SV_COUNTER);
	if (shadow_count) {
		pr_info("%s: dummy @ %p, check counter = %d\n", __func__, d, *shadow_count);
		klp_shadow_free(d, SV_COUNTER, NULL);
	}
	kfree(d);
}

static struct klp_func funcs[] = {
	{ .old_name = "dummy_check", .new_func = livepatch_fix2_dummy_check },
	{ .old_name = "dummy_free", .new_func = livepatch_fix2_dummy_free },
	{}
};

static struct klp_object objs[] = {
	{ .name = "livepatch_shadow_mod", .funcs = funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int livepatch_shadow_fix2_init(void)
{
	return klp_enable_patch(&patch);
}

/* The counters are this patch's alone; fix 1 frees the SV_LEAK variables. */
static void livepatch_shadow_fix2_exit(void)
{
	klp_shadow_free_all(SV_COUNTER, NULL);
}

module_init(livepatch_shadow_fix2_init);
module_exit(livepatch_shadow_fix2_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Live patching demo for shadow variables");
