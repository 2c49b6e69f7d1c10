// SPDX-License-Identifier: MIT
/*
 * W^X of module memory, probed from inside a module: /proc/wx_probe
 * shows where its text, read-only data and data are, and a write of
 * "text", "rodata" or "exec" does what the loader's protections must stop
 * (a store into its own text, a store into its read-only data, a call
 * into a copy of its code in its data), each a fatal oops when the
 * protection holds. "data" stores into its data, which must work, and
 * "call" calls wx_probe_target(), the function ftrace may patch.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#define CODE_COPY 64	/* more than wx_probe_target() takes, on both arches */

static const char wx_probe_rodata[16] = "read-only data";
static u8 wx_probe_data[CODE_COPY] __aligned(16);
static unsigned long calls;

/* Position-independent on both arches: a copy of its bytes runs as well. */
static noinline int wx_probe_target(void)
{
	return 42;
}

static int wx_probe_show(struct seq_file *m, void *v)
{
	seq_printf(m, "text %px rodata %px data %px calls %lu\n", wx_probe_target,
		   wx_probe_rodata, wx_probe_data, calls);
	return 0;
}

static int wx_probe_open(struct inode *inode, struct file *file)
{
	return single_open(file, wx_probe_show, NULL);
}

static ssize_t wx_probe_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	char cmd[16];
	int (*fn)(void);

	if (count >= sizeof(cmd))
		return -EINVAL;
	memcpy(cmd, buf, count);
	cmd[count] = 0;
	strim(cmd);
	if (!strcmp(cmd, "call")) {
		calls += wx_probe_target() == 42;
	} else if (!strcmp(cmd, "data")) {
		WRITE_ONCE(wx_probe_data[0], READ_ONCE(wx_probe_data[0]) + 1);
	} else if (!strcmp(cmd, "text")) {
		pr_info("wx_probe: writing to text at %px\n", wx_probe_target);
		WRITE_ONCE(*(volatile u8 *)wx_probe_target, 0);
	} else if (!strcmp(cmd, "rodata")) {
		pr_info("wx_probe: writing to read-only data at %px\n", wx_probe_rodata);
		WRITE_ONCE(*(volatile char *)wx_probe_rodata, 'R');
	} else if (!strcmp(cmd, "exec")) {
		memcpy(wx_probe_data, (const void *)wx_probe_target, CODE_COPY);
		fn = (int (*)(void))(void *)wx_probe_data;
		pr_info("wx_probe: calling a copy of wx_probe_target in data at %px\n", fn);
		pr_info("wx_probe: the copy returned %d\n", fn());
	} else {
		return -EINVAL;
	}
	return count;
}

static const struct proc_ops wx_probe_ops = {
	.proc_open = wx_probe_open,
	.proc_read = seq_read,
	.proc_write = wx_probe_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int __init wx_probe_init(void)
{
	return proc_create("wx_probe", 0644, NULL, &wx_probe_ops) ? 0 : -ENOMEM;
}

static void __exit wx_probe_exit(void)
{
	remove_proc_entry("wx_probe", NULL);
}

module_init(wx_probe_init);
module_exit(wx_probe_exit);
MODULE_LICENSE("GPL");
