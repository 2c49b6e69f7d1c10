// SPDX-License-Identifier: MIT
/*
 * Livepatch test: patch a function of a module, which may load before or
 * after the patch (Linux: the test_klp_mod_patch selftest module). The
 * new function calls and reads the target's statics: tools/klp-convert
 * turns those references into .klp.rela.test_klp_mod_target.* relocations,
 * applied whenever the target loads and cleared when it goes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

/* Static in test_klp_mod_target. */
extern unsigned int test_klp_mod_target_reads;
extern unsigned int test_klp_mod_target_count(void);

static int livepatch_test_klp_mod_target_show(struct seq_file *m, void *v)
{
	unsigned int n = test_klp_mod_target_count();

	seq_printf(m, "%s: this has been live patched, read %u (%u)\n", THIS_MODULE->name, n,
		   test_klp_mod_target_reads);
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "test_klp_mod_target_show", .new_func = livepatch_test_klp_mod_target_show },
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

static int test_klp_mod_patch_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_mod_patch_exit(void)
{
}

module_init(test_klp_mod_patch_init);
module_exit(test_klp_mod_patch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: a function of test_klp_mod_target");
