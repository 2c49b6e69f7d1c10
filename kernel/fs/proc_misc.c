// SPDX-License-Identifier: MIT
/*
 * The kernel's own /proc files: cmdline, meminfo, uptime, version,
 * sys/kernel/tainted and sys/kernel/printk (Linux: fs/proc/cmdline.c,
 * meminfo.c, uptime.c, version.c; kernel/sysctl.c for the last two).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <scion/init.h>
#include <scion/time.h>
#include <scion/version.h>
#include <arch.h>

/*
 * Not static, not inlined, with an fentry NOP: Linux's livepatch sample
 * (samples/livepatch/livepatch-sample.c) replaces exactly this function,
 * found by this name and signature.
 */
noinline int cmdline_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, boot_info.cmdline);
	seq_putc(m, '\n');
	return 0;
}

/* Kilobytes from pages, in Linux's "Name:  %8lu kB" columns. */
static void show_val_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/* Not static, for the same reason as cmdline_proc_show(). */
noinline int meminfo_proc_show(struct seq_file *m, void *v)
{
	unsigned long free = nr_free_pages();

	show_val_kb(m, "MemTotal:", totalram_pages());
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	return 0;
}

/* Seconds with two decimals, as Linux prints them. */
static void seq_put_seconds(struct seq_file *m, u64 ns, const char *sep)
{
	seq_printf(m, "%lu.%02lu%s", (unsigned long)(ns / NSEC_PER_SEC),
		   (unsigned long)(ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100)), sep);
}

/* Idle time: what the idle task (pid 0) ran, counted by the scheduler at each switch away from it. */
static int uptime_proc_show(struct seq_file *m, void *v)
{
	seq_put_seconds(m, ktime_get_ns(), " ");
	seq_put_seconds(m, READ_ONCE(init_task.sum_exec_ns), "\n");
	return 0;
}

static int version_proc_show(struct seq_file *m, void *v)
{
	seq_puts(m, linux_banner);
	return 0;
}

static int tainted_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%lu\n", get_taint());
	return 0;
}

/*
 * The console levels, Linux's four fields: console_loglevel, the level of
 * a message without one, the lowest console_loglevel allowed, the boot
 * default. Linux: writable too; here `dmesg -n` sets the first.
 */
static int printk_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\t%d\t%d\t%d\n", READ_ONCE(console_loglevel), LOGLEVEL_DEFAULT, 1,
		   CONSOLE_LOGLEVEL_DEFAULT);
	return 0;
}

static int tainted_open(struct inode *inode, struct file *file)
{
	return single_open(file, tainted_show, NULL);
}

/* Writing a number adds its taint bits; none is ever removed (Linux: proc_taint()). */
static ssize_t tainted_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	unsigned long taint;
	char text[24];
	int bit;

	if (count >= sizeof(text))
		return -EINVAL;
	memcpy(text, buf, count);
	text[count] = 0;
	if (kstrtoul(text, 0, &taint) || taint >> TAINT_FLAGS_COUNT)
		return -EINVAL;
	for (bit = 0; bit < TAINT_FLAGS_COUNT; bit++)
		if (taint & (1UL << bit))
			add_taint(bit);
	return count;
}

static const struct proc_ops tainted_proc_ops = {
	.proc_open = tainted_open,
	.proc_read = seq_read,
	.proc_write = tainted_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int proc_misc_init(void)
{
	struct proc_dir_entry *sys, *kernel;

	if (!proc_create_single("cmdline", 0, NULL, cmdline_proc_show) ||
	    !proc_create_single("meminfo", 0, NULL, meminfo_proc_show) ||
	    !proc_create_single("uptime", 0, NULL, uptime_proc_show) ||
	    !proc_create_single("version", 0, NULL, version_proc_show))
		return -ENOMEM;
	sys = proc_mkdir("sys", NULL);
	kernel = sys ? proc_mkdir("kernel", sys) : NULL;
	if (!kernel || !proc_create("tainted", 0644, kernel, &tainted_proc_ops) ||
	    !proc_create_single("printk", 0, kernel, printk_show))
		return -ENOMEM;
	return 0;
}
fs_initcall(proc_misc_init);
