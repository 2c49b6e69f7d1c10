// SPDX-License-Identifier: MIT
/* An init and no exit: nothing could undo the init, so rmmod refuses (Device or resource busy). */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>

static int __init no_exit_init(void)
{
	return 0;
}

module_init(no_exit_init);
MODULE_LICENSE("GPL");
