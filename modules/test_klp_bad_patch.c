// SPDX-License-Identifier: MIT
/*
 * A patch that cannot be applied, to check livepatch's errors (Linux's
 * messages) and that nothing stays patched. bad=missing: no such
 * function; bad=ambiguous: two static functions share the name
 * (kernel/kallsyms_test*.c) and sympos is 0; bad=sympos: only two exist,
 * sympos is 3.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static char *bad = "missing";
module_param(bad, charp, 0444);
MODULE_PARM_DESC(bad, "missing, ambiguous or sympos");

static int replacement(void)
{
	return 0;
}

static struct klp_func funcs[] = {
	{ .old_name = "klp_no_such_function", .new_func = replacement },
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

static int test_klp_bad_patch_init(void)
{
	if (!strcmp(bad, "ambiguous")) {
		funcs[0].old_name = "kallsyms_test_dup";
	} else if (!strcmp(bad, "sympos")) {
		funcs[0].old_name = "kallsyms_test_dup";
		funcs[0].old_sympos = 3;
	} else if (strcmp(bad, "missing")) {
		return -EINVAL;
	}
	return klp_enable_patch(&patch);
}

static void test_klp_bad_patch_exit(void)
{
}

module_init(test_klp_bad_patch_init);
module_exit(test_klp_bad_patch_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: symbols that do not resolve");
