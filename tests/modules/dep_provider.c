// SPDX-License-Identifier: MIT
/* Exports a function for dep_user: rmmod must refuse while dep_user is loaded. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static int provided = 42;
module_param(provided, int, 0444);

int dep_provider_value(void)
{
	return provided;
}
EXPORT_SYMBOL_GPL(dep_provider_value);

static int __init dep_provider_init(void)
{
	return 0;
}

static void __exit dep_provider_exit(void)
{
}

module_init(dep_provider_init);
module_exit(dep_provider_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("test: exports dep_provider_value()");
