// SPDX-License-Identifier: MIT
/*
 * An out-of-tree module, as a user writes one in their own folder:
 *   make -C <scion> M=<folder>      builds <folder>/hello_ext.ko
 * The modules test copies this folder out of the tree and builds it so.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static char *who = "world";
module_param(who, charp, 0644);

static int __init hello_ext_init(void)
{
	pr_info("hello_ext: hello, %s\n", who);
	return 0;
}

static void __exit hello_ext_exit(void)
{
	pr_info("hello_ext: goodbye, %s\n", who);
}

module_init(hello_ext_init);
module_exit(hello_ext_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("an external module built with make M=");
