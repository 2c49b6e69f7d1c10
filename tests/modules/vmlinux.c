// SPDX-License-Identifier: MIT
/*
 * A module named vmlinux: livepatch objects use that name for the kernel,
 * so the loader must refuse it (Linux: klp_module_coming(),
 * "vmlinux.ko: invalid module name"). Its init must never run.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static int __init vmlinux_init(void)
{
	pr_err("init ran: a module called vmlinux was loaded\n");
	return 0;
}

static void __exit vmlinux_exit(void)
{
}

module_init(vmlinux_init);
module_exit(vmlinux_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A module the kernel must refuse for its name");
