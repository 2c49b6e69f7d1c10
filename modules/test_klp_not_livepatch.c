// SPDX-License-Identifier: MIT
/* Calls klp_enable_patch() without MODULE_INFO(livepatch, "Y"): refused. */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static int replacement(struct seq_file *m, void *v)
{
	seq_puts(m, "should never be seen\n");
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "cmdline_proc_show", .new_func = replacement },
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

static int test_klp_not_livepatch_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_not_livepatch_exit(void)
{
}

module_init(test_klp_not_livepatch_init);
module_exit(test_klp_not_livepatch_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Livepatch test: a module not marked as a livepatch");
