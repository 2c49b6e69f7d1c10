// SPDX-License-Identifier: MIT
/* Its init fails with -ENODEV after creating a /proc file: the load must undo everything. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int value = 7;
module_param(value, int, 0644);

static int init_fails_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", value);
	return 0;
}

static int __init init_fails_init(void)
{
	if (!proc_create_single("init_fails", 0444, NULL, init_fails_show))
		return -ENOMEM;
	remove_proc_entry("init_fails", NULL);
	pr_info("init_fails: failing init with -ENODEV\n");
	return -ENODEV;
}

static void __exit init_fails_exit(void)
{
}

module_init(init_fails_init);
module_exit(init_fails_exit);
MODULE_LICENSE("GPL");
