/* SPDX-License-Identifier: MIT */
/*
 * kobjects: reference-counted objects that appear as directories under
 * /sys, freed by their type's release() when the last reference goes
 * (kernel/fs/kobject.c; Linux: include/linux/kobject.h).
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/sysfs.h>

struct inode;
struct kset;

struct kobject {
	const char *name;
	struct list_head entry;		/* in kset->list */
	struct kobject *parent;		/* a counted reference while added */
	struct kset *kset;
	const struct kobj_type *ktype;
	struct inode *sd;		/* the /sys directory (Linux: struct kernfs_node) */
	int refcount;			/* Linux: struct kref kref */
	unsigned int state_initialized : 1;
	unsigned int state_in_sysfs : 1;
};

/*
 * A kobject type: release() frees the struct that embeds the kobject
 * (called after the directory is gone, once the count reaches 0);
 * sysfs_ops reads and writes its attributes; default_groups (NULL-ended)
 * are created by kobject_add() and removed with the directory.
 */
struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
};

/* An attribute with its own show/store, for kobj_sysfs_ops users. */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};

/* Calls the kobj_attribute's show/store; -EIO where it has none. */
extern const struct sysfs_ops kobj_sysfs_ops;

/* A kobject that groups others: the default parent of its members (/sys/module). */
struct kset {
	struct list_head list;
	struct kobject kobj;
};

/* /sys/kernel and /sys/module (Linux: kernel_kobj, module_kset). */
extern struct kobject *kernel_kobj;
extern struct kset *module_kset;

/*
 * Lifecycle, as in Linux: kobject_init() sets the count to 1; kobject_add()
 * names it and creates /sys/<parent path>/<name> with the type's default
 * groups (parent NULL: the kset's kobject, else /sys); kobject_del()
 * removes the directory (reads and writes of its files still open fail
 * with ENODEV); kobject_put() drops a reference and at 0 deletes the
 * directory if needed, calls ktype->release and puts the parent.
 * A store() may remove its own kobject: the file being written holds a
 * reference for the duration of the call, so release() then runs when
 * store() returns. Context: may allocate; not from interrupts.
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(3, 4) int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
__printf(4, 5) int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
					struct kobject *parent, const char *fmt, ...);
void kobject_del(struct kobject *kobj);
struct kobject *kobject_get(struct kobject *kobj);
/* NULL if the count already reached 0 (the object is being released). */
struct kobject *kobject_get_unless_zero(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *fmt, ...);
/* A kobject of a built-in type that frees itself; NULL on failure. */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);

static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/* kset_create_and_add(): uevent_ops is accepted for Linux compatibility and must be NULL. */
struct kset *kset_create_and_add(const char *name, const void *uevent_ops, struct kobject *parent_kobj);
int kset_register(struct kset *kset);
void kset_unregister(struct kset *kset);
/* The member called name, with a reference, or NULL. */
struct kobject *kset_find_obj(struct kset *kset, const char *name);

static inline struct kset *to_kset(struct kobject *kobj)
{
	return kobj ? (struct kset *)((char *)kobj - __builtin_offsetof(struct kset, kobj)) : NULL;
}

#endif
