// SPDX-License-Identifier: MIT
/*
 * Patches klp_blocker_sleep(), the function the klp_blocker kernel thread
 * sleeps in (kernel/livepatch/blocker.c): while the thread is inside it,
 * this patch's transition cannot complete. For the stalled-transition
 * scenarios: reverse, release, fake signal, force.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/sched.h>

void klp_blocker_wait_once(void);

static unsigned long new_entries;
module_param(new_entries, ulong, 0444);
MODULE_PARM_DESC(new_entries, "calls of the new klp_blocker_sleep");

/* The new version sleeps as the old one does, and counts its calls. */
static void livepatch_klp_blocker_sleep(void)
{
	new_entries++;
	klp_blocker_wait_once();
}

static struct klp_func funcs[] = {
	{ .old_name = "klp_blocker_sleep", .new_func = livepatch_klp_blocker_sleep },
	{}
};

static struct klp_object objs[] = {
	{ .funcs = funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int test_klp_blocker_patch_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_blocker_patch_exit(void)
{
}

module_init(test_klp_blocker_patch_init);
module_exit(test_klp_blocker_patch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: a transition that stalls on purpose");
