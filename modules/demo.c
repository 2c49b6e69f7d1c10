// SPDX-License-Identifier: MIT
/*
 * The demo module (not a livepatch): /proc/demo prints a greeting count
 * times, and the parameters show under /sys/module/demo/parameters/.
 *
 *   insmod /lib/modules/demo.ko count=3 greeting=hi values=1,2,3
 *   cat /proc/demo
 *   echo 5 > /sys/module/demo/parameters/count
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int count = 1;
module_param(count, int, 0644);
MODULE_PARM_DESC(count, "how many times /proc/demo greets (0-100)");

static char *greeting = "hello";
module_param(greeting, charp, 0444);
MODULE_PARM_DESC(greeting, "the word /proc/demo prints");

static bool shout;
module_param(shout, bool, 0600);
MODULE_PARM_DESC(shout, "print the greeting in capitals");

static int values[4];
static unsigned int nr_values;
module_param_array(values, int, &nr_values, 0644);
MODULE_PARM_DESC(values, "up to four numbers /proc/demo adds up");

static int demo_show(struct seq_file *m, void *v)
{
	int i, sum = 0;

	for (i = 0; i < count && i < 100; i++) {
		const char *c;

		for (c = greeting; *c; c++)
			seq_putc(m, shout && *c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
		seq_printf(m, " from demo (%d/%d)\n", i + 1, count);
	}
	for (i = 0; i < (int)nr_values; i++)
		sum += values[i];
	seq_printf(m, "values: %u, sum %d\n", nr_values, sum);
	return 0;
}

static int __init demo_init(void)
{
	if (!proc_create_single("demo", 0444, NULL, demo_show))
		return -ENOMEM;
	pr_info("loaded: count=%d greeting=%s\n", count, greeting);
	/* %pS finds module symbols too (kallsyms): "demo_show+0x0/0x.. [demo]". */
	pr_info("/proc/demo is shown by %pS\n", demo_show);
	return 0;
}

static void __exit demo_exit(void)
{
	remove_proc_entry("demo", NULL);
	pr_info("unloaded\n");
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("Scion");
MODULE_DESCRIPTION("A /proc file and parameters, to show the module loader");
