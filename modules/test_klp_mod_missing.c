// SPDX-License-Identifier: MIT
/*
 * Livepatch test: a patch for a function test_klp_mod_target does not
 * have. It loads (the target is not there to check), and then the target
 * cannot: livepatch refuses to load a module it fails to patch (Linux:
 * klp_module_coming(), "refusing to load module").
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int livepatch_no_such_function(struct seq_file *m, void *v)
{
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "test_klp_mod_target_no_such_function", .new_func = livepatch_no_such_function },
	{}
};

static struct klp_object objs[] = {
	{ .name = "test_klp_mod_target", .funcs = funcs },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int test_klp_mod_missing_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_mod_missing_exit(void)
{
}

module_init(test_klp_mod_missing_init);
module_exit(test_klp_mod_missing_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: a patch for a function a module does not have");
