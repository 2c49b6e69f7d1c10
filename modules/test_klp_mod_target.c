// SPDX-License-Identifier: MIT
/*
 * Target of the module livepatch tests (Linux: the test_klp_mod_target
 * selftest module): /proc/test_klp_mod_target says which version of
 * test_klp_mod_target_show() runs, and how often it was read. The count
 * and its helper are static, so a patch reaches them only through
 * livepatch relocations (test_klp_mod_patch).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int test_klp_mod_target_reads;

/* Count a read (the barrier keeps it a real call with a real result). */
static noinline unsigned int test_klp_mod_target_count(void)
{
	barrier();
	return ++test_klp_mod_target_reads;
}

/* What the patch replaces. */
static noinline int test_klp_mod_target_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s: this is the original, read %u\n", THIS_MODULE->name,
		   test_klp_mod_target_count());
	return 0;
}

static int test_klp_mod_target_init(void)
{
	pr_info("%s\n", __func__);
	if (!proc_create_single("test_klp_mod_target", 0444, NULL, test_klp_mod_target_show))
		return -ENOMEM;
	return 0;
}

static void test_klp_mod_target_exit(void)
{
	remove_proc_entry("test_klp_mod_target", NULL);
	pr_info("%s\n", __func__);
}

module_init(test_klp_mod_target_init);
module_exit(test_klp_mod_target_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Livepatch test: a module to be patched");
