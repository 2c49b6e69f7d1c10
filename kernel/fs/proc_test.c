// SPDX-License-Identifier: MIT
/* ktest suite for procfs: the kernel's files, /proc/<pid>, and entries made and removed at run time (fs_proc). */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <scion/ktest.h>
#include <arch.h>
#include "internal.h"

static char buf[16384];

static void test_proc_cmdline(struct ktest *t)
{
	char *expect = kmalloc(BOOT_CMDLINE_SIZE + 2, GFP_KERNEL);

	KTEST_ASSERT_TRUE(t, expect != NULL);
	snprintf(expect, BOOT_CMDLINE_SIZE + 2, "%s\n", boot_info.cmdline);
	KTEST_EXPECT_EQ(t, fs_test_read("/proc/cmdline", buf, sizeof(buf)), strlen(expect));
	KTEST_EXPECT_STREQ(t, buf, expect);
	kfree(expect);
}

static void test_proc_meminfo(struct ktest *t)
{
	unsigned long total = 0, free = 0;

	KTEST_EXPECT_TRUE(t, fs_test_read("/proc/meminfo", buf, sizeof(buf)) > 0);
	KTEST_EXPECT_EQ(t, strncmp(buf, "MemTotal:       ", 16), 0);
	KTEST_EXPECT_EQ(t, sscanf(buf, "MemTotal: %lu kB\nMemFree: %lu kB", &total, &free), 2);
	KTEST_EXPECT_EQ(t, total, totalram_pages() * (PAGE_SIZE / 1024));
	KTEST_EXPECT_TRUE(t, free > 0 && free <= total);
	KTEST_EXPECT_TRUE(t, strstr(buf, "\nMemAvailable:   ") != NULL);
}

static void test_proc_uptime_version(struct ktest *t)
{
	unsigned long up, up_cs, idle, idle_cs;
	int end = 0;

	KTEST_EXPECT_TRUE(t, fs_test_read("/proc/uptime", buf, sizeof(buf)) > 0);
	KTEST_EXPECT_EQ(t, sscanf(buf, "%lu.%lu %lu.%lu%n", &up, &up_cs, &idle, &idle_cs, &end), 4);
	KTEST_EXPECT_EQ(t, buf[end], '\n');
	KTEST_EXPECT_TRUE(t, up_cs < 100 && idle_cs < 100);
	KTEST_EXPECT_TRUE(t, idle * 100 + idle_cs <= up * 100 + up_cs);
	KTEST_EXPECT_TRUE(t, strchr(buf, '.')[3] == ' ');	/* two decimals */
	fs_test_read("/proc/version", buf, sizeof(buf));
	KTEST_EXPECT_EQ(t, strncmp(buf, "Scion version ", 14), 0);
}

/* /proc/self is the reader's own directory, with Linux's file modes. */
static void test_proc_pid_files(struct ktest *t)
{
	char path[64], expect[64];
	struct kstat stat;

	KTEST_EXPECT_TRUE(t, fs_test_read("/proc/self/status", buf, sizeof(buf)) > 0);
	snprintf(expect, sizeof(expect), "\nPid:\t%d\n", current->pid);
	KTEST_EXPECT_TRUE(t, strstr(buf, expect) != NULL);
	snprintf(expect, sizeof(expect), "Name:\t%s\nState:\tR (running)\n", current->comm);
	KTEST_EXPECT_EQ(t, strncmp(buf, expect, strlen(expect)), 0);
	snprintf(path, sizeof(path), "/proc/%d/patch_state", current->pid);
	KTEST_EXPECT_EQ(t, vfs_stat(path, &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0400);
	snprintf(expect, sizeof(expect), "%d\n", current->patch_state);
	fs_test_read(path, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, expect);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/self/stack", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0400);
	KTEST_EXPECT_TRUE(t, fs_test_read("/proc/self/stack", buf, sizeof(buf)) > 0);
	KTEST_EXPECT_EQ(t, strncmp(buf, "[<0>] ", 6), 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/self", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFDIR | 0555);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/self/nope", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/self/status", "x", 0), -EINVAL);
}

static int find_name(void *arg, const char *name, const struct kstat *stat)
{
	return !strcmp(name, arg) && S_ISDIR(stat->mode);
}

static void test_proc_pid_lookup(struct ktest *t)
{
	struct kstat stat;
	char name[16];

	snprintf(name, sizeof(name), "%d", current->pid);
	KTEST_EXPECT_EQ(t, vfs_readdir("/proc", find_name, name), 1);
	KTEST_EXPECT_EQ(t, vfs_readdir("/proc", find_name, "self"), 1);
	KTEST_EXPECT_EQ(t, vfs_readdir("/proc", find_name, "0"), 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/0", &stat), -ENOENT);	/* the idle task: none, as in Linux */
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/99999999", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/99999999999999999999", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/-1", &stat), -ENOENT);
	snprintf(name, sizeof(name), "/proc/0%d", current->pid);
	KTEST_EXPECT_EQ(t, vfs_stat(name, &stat), -ENOENT);
}

static int show_calls;

static int ktest_value_show(struct seq_file *m, void *v)
{
	show_calls++;
	seq_printf(m, "value %s\n", (const char *)m->private);
	return 0;
}

/* Far more than one page: the seq_file buffer must grow. */
static int ktest_big_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < 1000; i++)
		seq_printf(m, "%04d 0123456789\n", i);
	return 0;
}

static char written[32];

static ssize_t ktest_proc_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	if (count >= sizeof(written))
		return -EINVAL;
	memcpy(written, buf, count);
	written[count] = 0;
	return count;
}

static const struct proc_ops ktest_proc_ops = { .proc_write = ktest_proc_write };

static void test_proc_create_remove(struct ktest *t)
{
	struct proc_dir_entry *dir = proc_mkdir("ktest_proc", NULL);
	struct file *file;
	struct kstat stat;
	int level;

	KTEST_ASSERT_TRUE(t, dir != NULL);
	KTEST_EXPECT_TRUE(t, proc_create_single_data("value", 0, dir, ktest_value_show, "forty-two"));
	level = fs_test_quiet();
	KTEST_EXPECT_TRUE(t, !proc_create_single("value", 0, dir, ktest_value_show));	/* exists */
	KTEST_EXPECT_TRUE(t, !proc_create_single("a/b", 0, dir, ktest_value_show));
	fs_test_loud(level);
	KTEST_EXPECT_TRUE(t, proc_create_single("big", 0440, dir, ktest_big_show));
	KTEST_EXPECT_TRUE(t, proc_create("w", 0200, dir, &ktest_proc_ops));
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/ktest_proc/value", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0444);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/ktest_proc/big", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0440);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/ktest_proc", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFDIR | 0555);
	fs_test_read("/proc/ktest_proc/value", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "value forty-two\n");
	KTEST_EXPECT_EQ(t, fs_test_read("/proc/ktest_proc/big", buf, sizeof(buf)), 1000 * 16);
	KTEST_EXPECT_EQ(t, strncmp(buf + 999 * 16, "0999 0123456789\n", 16), 0);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/ktest_proc/w", "hello\n", 0), 6);
	KTEST_EXPECT_STREQ(t, written, "hello\n");
	KTEST_EXPECT_EQ(t, fs_test_read("/proc/ktest_proc/w", buf, sizeof(buf)), -EIO);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/ktest_proc/value", "x", 0), -EIO);

	/* An open file outlives its entry but reads EIO; the name is gone. */
	file = filp_open("/proc/ktest_proc/value", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	show_calls = 0;
	remove_proc_entry("value", dir);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), NULL), -EIO);
	KTEST_EXPECT_EQ(t, show_calls, 0);
	filp_close(file);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/ktest_proc/value", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, remove_proc_subtree("ktest_proc", NULL), 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/proc/ktest_proc", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, remove_proc_subtree("ktest_proc", NULL), -ENOENT);
}

static bool slow_entered, slow_left;

static int slow_show(struct seq_file *m, void *v)
{
	WRITE_ONCE(slow_entered, true);
	msleep(50);
	WRITE_ONCE(slow_left, true);
	seq_puts(m, "slow\n");
	return 0;
}

/* One read, in its own task; the result is kthread_stop()'s. */
static int slow_reader(void *unused)
{
	struct file *file = filp_open("/proc/ktest_slow", O_RDONLY, 0);
	char text[16];
	ssize_t n = PTR_ERR(file);

	if (!IS_ERR(file)) {
		n = kernel_read(file, text, sizeof(text), NULL);
		filp_close(file);
	}
	while (!kthread_should_stop())
		msleep(5);
	return n;
}

/* Removal waits for a show() running in another task (a module's code may go next). */
static void test_proc_remove_waits(struct ktest *t)
{
	struct task_struct *reader;
	int i;

	slow_entered = slow_left = false;
	KTEST_ASSERT_TRUE(t, proc_create_single("ktest_slow", 0, NULL, slow_show));
	reader = kthread_run(slow_reader, NULL, "ktest_proc_reader");
	KTEST_ASSERT_TRUE(t, !IS_ERR(reader));
	for (i = 0; i < 400 && !READ_ONCE(slow_entered); i++)
		msleep(5);
	KTEST_EXPECT_TRUE(t, READ_ONCE(slow_entered));
	remove_proc_entry("ktest_slow", NULL);
	KTEST_EXPECT_TRUE(t, READ_ONCE(slow_left));
	KTEST_EXPECT_EQ(t, kthread_stop(reader), 5);
}

/* Writing adds taint bits (here TAINT_TEST, which KUnit sets too); garbage is refused. */
static void test_proc_tainted(struct ktest *t)
{
	char expect[32];

	KTEST_EXPECT_EQ(t, fs_test_write("/proc/sys/kernel/tainted", "1x\n", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/sys/kernel/tainted", "1048576", 0), -EINVAL);
	snprintf(expect, sizeof(expect), "%lu\n", 1UL << TAINT_TEST);
	KTEST_EXPECT_EQ(t, fs_test_write("/proc/sys/kernel/tainted", expect, 0), strlen(expect));
	KTEST_EXPECT_TRUE(t, test_taint(TAINT_TEST));
	snprintf(expect, sizeof(expect), "%lu\n", get_taint());
	fs_test_read("/proc/sys/kernel/tainted", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, expect);
}

static const struct ktest_case proc_cases[] = {
	KTEST_CASE(test_proc_cmdline),
	KTEST_CASE(test_proc_meminfo),
	KTEST_CASE(test_proc_uptime_version),
	KTEST_CASE(test_proc_pid_files),
	KTEST_CASE(test_proc_pid_lookup),
	KTEST_CASE(test_proc_create_remove),
	KTEST_CASE(test_proc_remove_waits),
	KTEST_CASE(test_proc_tainted),
	{}
};
KTEST_SUITE(fs_proc, proc_cases);
