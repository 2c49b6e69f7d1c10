// SPDX-License-Identifier: MIT
/* Calls a function nothing exports: insmod says "Unknown symbol in module". */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

void scion_no_such_function(void);

static int __init unknown_symbol_init(void)
{
	scion_no_such_function();
	return 0;
}

module_init(unknown_symbol_init);
MODULE_LICENSE("GPL");
