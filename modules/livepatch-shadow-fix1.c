// SPDX-License-Identifier: MIT
/*
 * Shadow variable demo, fix 1 (Linux: samples/livepatch/livepatch-shadow-fix1.c):
 * livepatch-shadow-mod forgets the int it allocates with each dummy. The
 * patched dummy_alloc() keeps it in a shadow variable of the dummy,
 * <dummy, SV_LEAK>, and the patched dummy_free() frees it from there.
 * Dummies allocated before the patch have no such variable: their int
 * stays leaked, and dummy_free() says so.
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

/* As in livepatch-shadow-mod. */
#define ALLOC_PERIOD 1
#define CLEANUP_PERIOD (3 * ALLOC_PERIOD)
#define EXPIRE_PERIOD (4 * CLEANUP_PERIOD)

/* The buggy module's structure, which the patch cannot change. */
struct dummy {
	struct list_head list;
	unsigned long jiffies_expire;
};

/*
 * Store the leaking pointer in the new variable. Setting it after
 * klp_shadow_alloc() returned would do as well here; a ctor is what makes
 * klp_shadow_get_or_alloc() safe, where the variable may already exist.
 */
static int shadow_leak_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	int **shadow_leak = shadow_data;
	int **leak = ctor_data;

	if (!leak)
		return -EINVAL;
	*shadow_leak = *leak;
	return 0;
}

static struct dummy *livepatch_fix1_dummy_alloc(void)
{
	struct dummy *d;
	int *leak;
	int **shadow_leak;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return NULL;
	d->jiffies_expire = jiffies + msecs_to_jiffies(1000 * EXPIRE_PERIOD);

	/* The fix: remember leak in <d, SV_LEAK>, for dummy_free(). */
	leak = kzalloc(sizeof(*leak), GFP_KERNEL);
	if (!leak)
		goto err_leak;
	shadow_leak = klp_shadow_alloc(d, SV_LEAK, sizeof(leak), GFP_KERNEL, shadow_leak_ctor,
				       &leak);
	if (!shadow_leak) {
		pr_err("%s: failed to allocate shadow variable for the leaking pointer: dummy @ %p, leak @ %p\n",
		       __func__, d, leak);
		goto err_shadow;
	}
	pr_info("%s: dummy @ %p, expires @ %lx\n", __func__, d, d->jiffies_expire);
	return d;

err_shadow:
	kfree(leak);
err_leak:
	kfree(d);
	return NULL;
}

/* Called as <dummy, SV_LEAK> goes: free what it remembers. */
static void livepatch_fix1_dummy_leak_dtor(void *obj, void *shadow_data)
{
	int **shadow_leak = shadow_data;

	pr_info("%s: dummy @ %p, prevented leak @ %p\n", __func__, obj, *shadow_leak);
	kfree(*shadow_leak);
}

static void livepatch_fix1_dummy_free(struct dummy *d)
{
	/* A dummy from before the patch has no SV_LEAK: its int is lost. */
	if (klp_shadow_get(d, SV_LEAK))
		klp_shadow_free(d, SV_LEAK, livepatch_fix1_dummy_leak_dtor);
	else
		pr_info("%s: dummy @ %p leaked!\n", __func__, d);
	kfree(d);
}

static struct klp_func funcs[] = {
	{ .old_name = "dummy_alloc", .new_func = livepatch_fix1_dummy_alloc },
	{ .old_name = "dummy_free", .new_func = livepatch_fix1_dummy_free },
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

static int livepatch_shadow_fix1_init(void)
{
	return klp_enable_patch(&patch);
}

/* The patch is disabled by now: free the variables the dummies still have. */
static void livepatch_shadow_fix1_exit(void)
{
	klp_shadow_free_all(SV_LEAK, livepatch_fix1_dummy_leak_dtor);
}

module_init(livepatch_shadow_fix1_init);
module_exit(livepatch_shadow_fix1_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Live patching demo for shadow variables");
