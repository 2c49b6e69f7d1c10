// SPDX-License-Identifier: MIT
/* A non-GPL license using an EXPORT_SYMBOL_GPL symbol: refused, and the kernel is tainted (P). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

int dep_provider_value(void);

static int __init proprietary_init(void)
{
	return dep_provider_value() == 42 ? 0 : -EINVAL;
}

module_init(proprietary_init);
MODULE_LICENSE("Proprietary");
