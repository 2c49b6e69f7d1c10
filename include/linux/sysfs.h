/* SPDX-License-Identifier: MIT */
/*
 * sysfs: a kobject is a directory under /sys, an attribute a file in it
 * whose read calls show() and whose write calls store()
 * (kernel/fs/sysfs.c; Linux: include/linux/sysfs.h).
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stat.h>

struct kobject;

/* A file: its name and permission bits (no S_IFREG). */
struct attribute {
	const char *name;
	umode_t mode;
};

/*
 * Files made together; with a name, they go in a subdirectory of that
 * name. is_visible (optional) returns the mode for attrs[n], or 0 to leave
 * the file out. attrs ends with NULL.
 */
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	struct attribute **attrs;
};

/*
 * How a kobject type reads and writes its attributes (kobj_sysfs_ops for
 * struct kobj_attribute). show() fills a PAGE_SIZE buffer and returns the
 * length; store() gets exactly the bytes written, NUL-terminated, and
 * returns count (or the bytes it used) or a negative errno, which write()
 * returns: `echo x > file` then prints "write error: <errno text>".
 */
struct sysfs_ops {
	ssize_t (*show)(struct kobject *kobj, struct attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count);
};

/*
 * Compile-time check of an attribute mode: at most 0777 and not writable
 * by others (Linux: VERIFY_OCTAL_PERMISSIONS, which checks a bit more).
 */
#define VERIFY_OCTAL_PERMISSIONS(perms)                                        \
	((perms) + 0 * (int)sizeof(struct {                                    \
		int : -!!((perms) < 0 || (perms) > 0777 || ((perms) & S_IWOTH)); \
	}))

#define __ATTR(_name, _mode, _show, _store) {                                  \
	.attr = { .name = __stringify(_name),                                  \
		  .mode = VERIFY_OCTAL_PERMISSIONS(_mode) },                   \
	.show = _show,                                                         \
	.store = _store,                                                       \
}
#define __ATTR_RO_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_RO(_name) __ATTR_RO_MODE(_name, 0444)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_RW(_name) __ATTR_RW_MODE(_name, 0644)
#define __ATTR_NULL { .attr = { .name = NULL } }

/* foo_attrs[] -> foo_group and the NULL-terminated foo_groups[] for kobj_type.default_groups. */
#define __ATTRIBUTE_GROUPS(_name)                                              \
	static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }
#define ATTRIBUTE_GROUPS(_name)                                                \
	static const struct attribute_group _name##_group = { .attrs = _name##_attrs }; \
	__ATTRIBUTE_GROUPS(_name)

/*
 * Files and groups of an added kobject. Return: 0, -EEXIST for a name
 * already there ("sysfs: cannot create duplicate filename '<path>'" is
 * logged), -ENOENT when kobj has no directory, -ENOMEM. A failed group
 * leaves none of its files behind. Context: may allocate.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_files(struct kobject *kobj, const struct attribute *const *attrs);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_files(struct kobject *kobj, const struct attribute *const *attrs);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);

/*
 * Formatting for show(): buf must be the PAGE_SIZE buffer show() got
 * (WARN otherwise); at is where to append. Return: bytes written.
 */
__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

/* The kobject's directory (kobject_add() calls these). */
int sysfs_create_dir(struct kobject *kobj);
void sysfs_remove_dir(struct kobject *kobj);

#endif
