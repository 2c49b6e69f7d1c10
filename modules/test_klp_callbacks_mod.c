// SPDX-License-Identifier: MIT
/*
 * Target of the callback selftests (Linux: test_klp_callbacks_mod): it
 * does nothing but announce its init and exit, so the transcript shows
 * where the demo patch's callbacks for this object run relative to them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>

static int test_klp_callbacks_mod_init(void)
{
	pr_info("%s\n", __func__);
	return 0;
}

static void test_klp_callbacks_mod_exit(void)
{
	pr_info("%s\n", __func__);
}

module_init(test_klp_callbacks_mod_init);
module_exit(test_klp_callbacks_mod_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Livepatch test: target module for the callback tests");
