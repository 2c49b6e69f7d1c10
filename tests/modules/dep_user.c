// SPDX-License-Identifier: MIT
/* Uses dep_provider's export: loading it pins dep_provider (lsmod "Used by"). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

int dep_provider_value(void);

static int __init dep_user_init(void)
{
	pr_info("dep_user: dep_provider_value() = %d\n", dep_provider_value());
	return 0;
}

static void __exit dep_user_exit(void)
{
}

module_init(dep_user_init);
module_exit(dep_user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("test: uses dep_provider_value()");
