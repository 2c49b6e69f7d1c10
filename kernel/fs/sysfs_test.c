// SPDX-License-Identifier: MIT
/*
 * ktest suite for sysfs and kobjects (fs_sysfs): show/store through the
 * file API, Linux's permission checks, groups, and the lifetime rules
 * livepatch relies on (release at the last put, removal from a store).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/kobject.h>
#include <scion/ktest.h>
#include <arch.h>
#include "internal.h"

#define DIR "/sys/kernel/ktest_sysfs"

static char buf[8192];
static int value;
static int store_calls;
static char last_store[32];

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *page)
{
	return sysfs_emit(page, "%d\n", value);
}

/* Records exactly what it was given; refuses what is not a number. */
static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *text, size_t count)
{
	store_calls++;
	strscpy(last_store, text, sizeof(last_store));
	if (strlen(text) != count || kstrtoint(text, 0, &value))
		return -EINVAL;
	return count;
}

static ssize_t ro_show(struct kobject *kobj, struct kobj_attribute *attr, char *page)
{
	int n = sysfs_emit(page, "read");

	return n + sysfs_emit_at(page, n, "-only\n");
}

static ssize_t wo_store(struct kobject *kobj, struct kobj_attribute *attr, const char *text, size_t count)
{
	store_calls++;
	return count;
}

static struct kobj_attribute value_attr = __ATTR_RW(value);
static struct kobj_attribute ro_attr = __ATTR_RO(ro);
static struct kobj_attribute wo_attr = __ATTR_WO(wo);
static struct attribute *ktest_attrs[] = { &value_attr.attr, &ro_attr.attr, &wo_attr.attr, NULL };
static const struct attribute_group ktest_group = { .attrs = ktest_attrs };

static struct kobject *make_dir(struct ktest *t)
{
	struct kobject *kobj = kobject_create_and_add("ktest_sysfs", kernel_kobj);

	if (kobj && sysfs_create_group(kobj, &ktest_group)) {
		kobject_put(kobj);
		kobj = NULL;
	}
	value = 0;
	store_calls = 0;
	return kobj;
}

static void test_sysfs_show_store(struct ktest *t)
{
	struct kobject *kobj = make_dir(t);

	KTEST_ASSERT_TRUE(t, kobj != NULL);
	KTEST_EXPECT_EQ(t, fs_test_read(DIR "/value", buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "0\n");
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/value", "42\n", 0), 3);
	KTEST_EXPECT_EQ(t, store_calls, 1);
	KTEST_EXPECT_STREQ(t, last_store, "42\n");
	fs_test_read(DIR "/value", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "42\n");
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/value", "x\n", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, value, 42);
	fs_test_read(DIR "/ro", buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "read-only\n");
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/wo", "1", 0), 1);
	KTEST_EXPECT_EQ(t, store_calls, 3);
	kobject_put(kobj);
}

/* Linux's kernfs checks the mode bits at open, even for root. */
static void test_sysfs_permissions(struct ktest *t)
{
	struct kobject *kobj = make_dir(t);
	struct file *file;
	struct kstat stat;

	KTEST_ASSERT_TRUE(t, kobj != NULL);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/ro", "1", 0), -EACCES);
	KTEST_EXPECT_EQ(t, fs_test_read(DIR "/wo", buf, sizeof(buf)), -EACCES);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open(DIR "/ro", O_RDWR, 0)), -EACCES);
	file = filp_open(DIR "/value", O_RDWR, 0);
	KTEST_EXPECT_TRUE(t, !IS_ERR(file));
	if (!IS_ERR(file))
		filp_close(file);
	KTEST_EXPECT_EQ(t, store_calls, 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/value", &stat), 0);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(t, stat.size, PAGE_SIZE);
	vfs_stat(DIR "/ro", &stat);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0444);
	vfs_stat(DIR "/wo", &stat);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFREG | 0200);
	vfs_stat(DIR, &stat);
	KTEST_EXPECT_EQ(t, stat.mode, S_IFDIR | 0755);
	KTEST_EXPECT_EQ(t, vfs_unlink(DIR "/value"), -EPERM);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/new", "1", O_CREAT), -EACCES);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR, "1", 0), -EISDIR);
	kobject_put(kobj);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR, &stat), -ENOENT);
}

struct counted {
	struct kobject kobj;
	int *released;
};

static void counted_release(struct kobject *kobj)
{
	struct counted *c = container_of(kobj, struct counted, kobj);

	(*c->released)++;
	kfree(c);
}

/* A store that removes its own kobject, as livepatch's "enabled" does. */
static ssize_t remove_store(struct kobject *kobj, struct kobj_attribute *attr, const char *text, size_t count)
{
	kobject_del(kobj);
	kobject_put(kobj);
	return count;
}

static struct kobj_attribute remove_attr = __ATTR_WO(remove);
static struct attribute *counted_attrs[] = { &value_attr.attr, &remove_attr.attr, NULL };
ATTRIBUTE_GROUPS(counted);

static const struct kobj_type counted_ktype = {
	.release = counted_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = counted_groups,
};

static struct counted *make_counted(int *released, int n)
{
	struct counted *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return NULL;
	c->released = released;
	if (kobject_init_and_add(&c->kobj, &counted_ktype, kernel_kobj, "ktest_counted-%d", n)) {
		kobject_put(&c->kobj);
		return NULL;
	}
	return c;
}

/* The last put releases once; a file still open then reads ENODEV. */
static void test_sysfs_release(struct ktest *t)
{
	int released = 0;
	struct counted *c = make_counted(&released, 1);
	struct file *file;
	struct kstat stat;

	KTEST_ASSERT_TRUE(t, c != NULL);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_counted-1/value", &stat), 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_counted-1/remove", &stat), 0);
	kobject_get(&c->kobj);
	file = filp_open("/sys/kernel/ktest_counted-1/value", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	kobject_put(&c->kobj);
	KTEST_EXPECT_EQ(t, released, 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_counted-1", &stat), 0);
	kobject_put(&c->kobj);
	KTEST_EXPECT_EQ(t, released, 1);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_counted-1", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(file, buf, sizeof(buf), NULL), -ENODEV);
	filp_close(file);
	KTEST_EXPECT_EQ(t, released, 1);
}

static void test_sysfs_remove_from_store(struct ktest *t)
{
	int released = 0;
	struct counted *c = make_counted(&released, 2);
	struct kstat stat;

	KTEST_ASSERT_TRUE(t, c != NULL);
	KTEST_EXPECT_EQ(t, fs_test_write("/sys/kernel/ktest_counted-2/remove", "1\n", 0), 2);
	KTEST_EXPECT_EQ(t, released, 1);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_counted-2", &stat), -ENOENT);
}

static umode_t hide_ro(struct kobject *kobj, struct attribute *attr, int n)
{
	return attr == &ro_attr.attr ? 0 : attr->mode;
}

/* Named groups make a subdirectory; is_visible leaves files out; names are unique. */
static void test_sysfs_groups_and_names(struct ktest *t)
{
	static const struct attribute_group named = { .name = "grp", .attrs = ktest_attrs, .is_visible = hide_ro };
	struct kobject *kobj = make_dir(t);
	struct kstat stat;
	int level;

	KTEST_ASSERT_TRUE(t, kobj != NULL);
	level = fs_test_quiet();
	KTEST_EXPECT_TRUE(t, kobject_create_and_add("ktest_sysfs", kernel_kobj) == NULL);
	KTEST_EXPECT_EQ(t, sysfs_create_file(kobj, &value_attr.attr), -EEXIST);
	fs_test_loud(level);
	KTEST_EXPECT_EQ(t, sysfs_create_group(kobj, &named), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/grp/value", &stat), 0);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/grp/ro", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/grp/wo", &stat), 0);
	KTEST_EXPECT_EQ(t, fs_test_write(DIR "/grp/value", "7", 0), 1);
	KTEST_EXPECT_EQ(t, value, 7);
	sysfs_remove_group(kobj, &named);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/grp", &stat), -ENOENT);
	sysfs_remove_file(kobj, &value_attr.attr);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/value", &stat), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_stat(DIR "/ro", &stat), 0);
	kobject_put(kobj);
}

/* A kset is the default parent of its members, and finds them by name. */
static void test_sysfs_kset(struct ktest *t)
{
	struct kset *kset = kset_create_and_add("ktest_kset", NULL, kernel_kobj);
	struct counted *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct kobject *found;
	struct kstat stat;
	int released = 0;

	KTEST_ASSERT_TRUE(t, kset && c);
	c->released = &released;
	kobject_init(&c->kobj, &counted_ktype);
	c->kobj.kset = kset;
	KTEST_EXPECT_EQ(t, kobject_add(&c->kobj, NULL, "m%d", 1), 0);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_kset/m1/value", &stat), 0);
	found = kset_find_obj(kset, "m1");
	KTEST_EXPECT_TRUE(t, found == &c->kobj);
	kobject_put(found);
	KTEST_EXPECT_TRUE(t, kset_find_obj(kset, "m2") == NULL);
	kobject_put(&c->kobj);
	KTEST_EXPECT_EQ(t, released, 1);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_kset/m1", &stat), -ENOENT);
	kset_unregister(kset);
	KTEST_EXPECT_EQ(t, vfs_stat("/sys/kernel/ktest_kset", &stat), -ENOENT);
}

static const struct ktest_case sysfs_cases[] = {
	KTEST_CASE(test_sysfs_show_store),
	KTEST_CASE(test_sysfs_permissions),
	KTEST_CASE(test_sysfs_release),
	KTEST_CASE(test_sysfs_remove_from_store),
	KTEST_CASE(test_sysfs_groups_and_names),
	KTEST_CASE(test_sysfs_kset),
	{}
};
KTEST_SUITE(fs_sysfs, sysfs_cases);
