// SPDX-License-Identifier: MIT
/*
 * Patches the consistency checker's target (kernel/livepatch/
 * consistency_target.c): version 2 of klp_consistency_outer(), _a() and
 * _b(). The new outer() calls a() and b() by their kernel names, through
 * livepatch, as the old one does, so a task that switched between the two
 * calls would run b() of the other version whichever way it switched.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <scion/klp_consistency.h>

#define KLP_CONSISTENCY_TARGET noinline __attribute__((__noipa__))

static KLP_CONSISTENCY_TARGET int livepatch_klp_consistency_a(void)
{
	return KLP_CONSISTENCY_NEW;
}

static KLP_CONSISTENCY_TARGET int livepatch_klp_consistency_b(int token)
{
	return token == KLP_CONSISTENCY_NEW ? KLP_CONSISTENCY_NEW : 0;
}

static KLP_CONSISTENCY_TARGET int livepatch_klp_consistency_outer(void)
{
	int token = klp_consistency_a();

	klp_consistency_pause();
	return klp_consistency_b(token);
}

static struct klp_func funcs[] = {
	{ .old_name = "klp_consistency_outer", .new_func = livepatch_klp_consistency_outer },
	{ .old_name = "klp_consistency_a", .new_func = livepatch_klp_consistency_a },
	{ .old_name = "klp_consistency_b", .new_func = livepatch_klp_consistency_b },
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

static int test_klp_consistency_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_consistency_exit(void)
{
}

module_init(test_klp_consistency_init);
module_exit(test_klp_consistency_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: version 2 of the consistency checker's target");
