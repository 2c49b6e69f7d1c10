// SPDX-License-Identifier: MIT
/*
 * Marked as a livepatch module (modinfo livepatch=Y) without patching
 * anything: the loader taints the kernel K, shows (K) in /proc/modules,
 * and keeps its ELF information for the livepatch core (mod->klp_info).
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static int __init klp_marked_init(void)
{
	return 0;
}

static void __exit klp_marked_exit(void)
{
}

module_init(klp_marked_init);
module_exit(klp_marked_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
