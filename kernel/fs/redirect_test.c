// SPDX-License-Identifier: MIT
/*
 * ktest suite for the shell's "> path" and ">> path" (kernel/shell.c):
 * files, and sysfs stores that must see exactly one write of what echo
 * printed (fs_redirect). The error cases print their message on the
 * console, which would cut into the KTAP output: QEMU scenarios check them.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <scion/ktest.h>
#include <scion/shell.h>
#include "internal.h"

#define RFILE "/tmp/ktest_redirect"
#define ATTR "/sys/kernel/ktest_redirect/value"

static char buf[256];
static int stores;
static char stored[64];

/* Run a command line as typed (shell_run_line() edits its argument). */
static int run(const char *text)
{
	char line[SHELL_LINE_MAX];

	strscpy(line, text, sizeof(line));
	return shell_run_line(line);
}

static void test_redirect_file(struct ktest *t)
{
	struct kstat stat;

	KTEST_EXPECT_EQ(t, run("echo hello > " RFILE), 0);
	fs_test_read(RFILE, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "hello\n");
	KTEST_EXPECT_EQ(t, run("echo again >>" RFILE), 0);
	fs_test_read(RFILE, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "hello\nagain\n");
	KTEST_EXPECT_EQ(t, run("echo -n one >" RFILE " two"), 0);	/* words after the path are arguments */
	fs_test_read(RFILE, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "one two");
	KTEST_EXPECT_EQ(t, run("echo 'a > b' \">\" > " RFILE), 0);	/* quoted '>' is text */
	fs_test_read(RFILE, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "a > b >\n");
	KTEST_EXPECT_EQ(t, run(">" RFILE), 0);		/* no command: truncate */
	KTEST_EXPECT_EQ(t, vfs_stat(RFILE, &stat), 0);
	KTEST_EXPECT_EQ(t, stat.size, 0);
	KTEST_EXPECT_EQ(t, run("ls /proc > " RFILE), 0);
	fs_test_read(RFILE, buf, sizeof(buf));
	KTEST_EXPECT_TRUE(t, strstr(buf, "cmdline\n") != NULL);
	vfs_unlink(RFILE);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *text, size_t count)
{
	stores++;
	strscpy(stored, text, sizeof(stored));
	return sysfs_streq(text, "1") || sysfs_streq(text, "0") ? (ssize_t)count : -EINVAL;
}

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *page)
{
	return sysfs_emit(page, "%s", stored);
}

static struct kobj_attribute value_attr = __ATTR(value, 0644, value_show, value_store);

/* One store() call with exactly echo's bytes; its error is echo's write error. */
static void test_redirect_sysfs_store(struct ktest *t)
{
	struct kobject *kobj = kobject_create_and_add("ktest_redirect", kernel_kobj);

	KTEST_ASSERT_TRUE(t, kobj != NULL);
	KTEST_EXPECT_EQ(t, sysfs_create_file(kobj, &value_attr.attr), 0);
	stores = 0;
	KTEST_EXPECT_EQ(t, run("echo 1 > " ATTR), 0);
	KTEST_EXPECT_EQ(t, stores, 1);
	KTEST_EXPECT_STREQ(t, stored, "1\n");
	KTEST_EXPECT_EQ(t, run("echo -n 0 > " ATTR), 0);
	KTEST_EXPECT_EQ(t, stores, 2);
	KTEST_EXPECT_STREQ(t, stored, "0");
	KTEST_EXPECT_EQ(t, run("echo -n > " ATTR), 0);	/* nothing written: no store */
	KTEST_EXPECT_EQ(t, stores, 2);
	kobject_put(kobj);
}

static const struct ktest_case redirect_cases[] = {
	KTEST_CASE(test_redirect_file),
	KTEST_CASE(test_redirect_sysfs_store),
	{}
};
KTEST_SUITE(fs_redirect, redirect_cases);
