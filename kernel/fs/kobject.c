// SPDX-License-Identifier: MIT
/*
 * kobjects and ksets: reference counts, names, the /sys directory of each
 * added object, and release() at the last kobject_put() (Linux: lib/kobject.c).
 */
#define pr_fmt(fmt) "kobject: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/kobject.h>
#include "internal.h"

/* Guards every kset's member list (Linux: one list_lock per kset). */
static DEFINE_SPINLOCK(kset_lock);

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	if (WARN(!kobj, "kobject: kobject_init() of NULL\n"))
		return;
	if (!ktype) {
		pr_err("(%p): must have a ktype to be initialized properly!\n", kobj);
		return;
	}
	if (kobj->state_initialized) {
		pr_err("(%p): tried to init an initialized object, something is seriously wrong.\n", kobj);
		return;
	}
	kobj->refcount = 1;
	INIT_LIST_HEAD(&kobj->entry);
	kobj->state_in_sysfs = 0;
	kobj->state_initialized = 1;
	kobj->ktype = ktype;
}

static int kobject_set_name_vargs(struct kobject *kobj, const char *fmt, va_list args)
{
	va_list copy;
	char *name;
	int len;

	va_copy(copy, args);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	name = kmalloc(len + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	vsnprintf(name, len + 1, fmt, args);
	strreplace(name, '/', '!');	/* Linux: a '/' cannot be in a file name */
	kfree(kobj->name);
	kobj->name = name;
	return 0;
}

int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list args;
	int err;

	va_start(args, fmt);
	err = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	return err;
}

static void kset_join(struct kobject *kobj)
{
	unsigned long flags;

	spin_lock_irqsave(&kset_lock, flags);
	list_add_tail(&kobj->entry, &kobj->kset->list);
	spin_unlock_irqrestore(&kset_lock, flags);
}

static void kset_leave(struct kobject *kobj)
{
	unsigned long flags;

	spin_lock_irqsave(&kset_lock, flags);
	list_del_init(&kobj->entry);
	spin_unlock_irqrestore(&kset_lock, flags);
}

/* The directory, then the type's default groups; all or nothing. */
static int create_dir(struct kobject *kobj)
{
	int err = sysfs_create_dir(kobj);

	if (err)
		return err;
	if (kobj->ktype && kobj->ktype->default_groups) {
		err = sysfs_create_groups(kobj, kobj->ktype->default_groups);
		if (err)
			sysfs_remove_dir(kobj);
	}
	return err;
}

static int kobject_add_internal(struct kobject *kobj)
{
	struct kobject *parent;
	int err;

	if (!kobj->name || !kobj->name[0]) {
		WARN(1, "kobject: (%p): attempted to be registered with empty name!\n", kobj);
		return -EINVAL;
	}
	parent = kobject_get(kobj->parent);
	if (kobj->kset) {
		if (!parent)
			parent = kobject_get(&kobj->kset->kobj);
		kset_join(kobj);
	}
	kobj->parent = parent;
	err = create_dir(kobj);
	if (err) {
		if (err == -EEXIST)
			pr_err("kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same name in the same directory.\n",
			       kobj->name);
		else
			pr_err("kobject_add_internal failed for %s (error: %d parent: %s)\n",
			       kobj->name, err, parent ? parent->name : "<NULL>");
		if (kobj->kset)
			kset_leave(kobj);
		kobject_put(parent);
		kobj->parent = NULL;
		return err;
	}
	kobj->state_in_sysfs = 1;
	return 0;
}

static int kobject_add_varg(struct kobject *kobj, struct kobject *parent, const char *fmt, va_list args)
{
	int err;

	if (!kobj)
		return -EINVAL;
	if (!kobj->state_initialized) {
		pr_err("'%s' (%p): tried to add an uninitialized object, something is seriously wrong.\n",
		       kobj->name ? kobj->name : "", kobj);
		return -EINVAL;
	}
	err = kobject_set_name_vargs(kobj, fmt, args);
	if (err)
		return err;
	kobj->parent = parent;
	return kobject_add_internal(kobj);
}

int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int err;

	va_start(args, fmt);
	err = kobject_add_varg(kobj, parent, fmt, args);
	va_end(args);
	return err;
}

int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int err;

	kobject_init(kobj, ktype);
	va_start(args, fmt);
	err = kobject_add_varg(kobj, parent, fmt, args);
	va_end(args);
	return err;
}

void kobject_del(struct kobject *kobj)
{
	struct kobject *parent;

	if (!kobj || !kobj->state_in_sysfs)
		return;
	sysfs_remove_dir(kobj);		/* the default groups go with it */
	kobj->state_in_sysfs = 0;
	if (kobj->kset)
		kset_leave(kobj);
	parent = kobj->parent;
	kobj->parent = NULL;
	kobject_put(parent);
}

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj) {
		WARN(!kobj->state_initialized,
		     "kobject: '%s' (%p): is not initialized, yet kobject_get() is being called.\n",
		     kobj->name ? kobj->name : "", kobj);
		__atomic_add_fetch(&kobj->refcount, 1, __ATOMIC_SEQ_CST);
	}
	return kobj;
}

struct kobject *kobject_get_unless_zero(struct kobject *kobj)
{
	int old;

	if (!kobj)
		return NULL;
	old = __atomic_load_n(&kobj->refcount, __ATOMIC_SEQ_CST);
	do {
		if (old == 0)
			return NULL;
	} while (!__atomic_compare_exchange_n(&kobj->refcount, &old, old + 1, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	return kobj;
}

/* Count reached 0: directory first, then release(), which may free kobj; the name last. */
static void kobject_cleanup(struct kobject *kobj)
{
	const struct kobj_type *t = kobj->ktype;
	const char *name = kobj->name;

	if (t && !t->release)
		pr_warn("'%s' (%p): does not have a release() function, it is broken and must be fixed.\n",
			name, kobj);
	kobject_del(kobj);
	if (t && t->release)
		t->release(kobj);
	kfree(name);
}

void kobject_put(struct kobject *kobj)
{
	int left;

	if (!kobj)
		return;
	WARN(!kobj->state_initialized,
	     "kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
	     kobj->name ? kobj->name : "", kobj);
	left = __atomic_sub_fetch(&kobj->refcount, 1, __ATOMIC_SEQ_CST);
	if (left == 0)
		kobject_cleanup(kobj);
	/* The object may be freed already: print its address only. */
	WARN(left < 0, "kobject: (%p): refcount underflow, put after release\n", kobj);
}

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
	.release = dynamic_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);

	if (!kobj)
		return NULL;
	kobject_init(kobj, &dynamic_kobj_ktype);
	if (kobject_add(kobj, parent, "%s", name)) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute, attr);

	return kattr->show ? kattr->show(kobj, kattr, buf) : -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute, attr);

	return kattr->store ? kattr->store(kobj, kattr, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kobj_attr_show,
	.store = kobj_attr_store,
};

/* ---- ksets ---- */

static void kset_release(struct kobject *kobj)
{
	kfree(to_kset(kobj));
}

static const struct kobj_type kset_ktype = {
	.release = kset_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

int kset_register(struct kset *kset)
{
	int err;

	if (!kset)
		return -EINVAL;
	if (!kset->kobj.ktype) {
		pr_err("must have a ktype to be initialized properly!\n");
		return -EINVAL;
	}
	kobject_init(&kset->kobj, kset->kobj.ktype);
	INIT_LIST_HEAD(&kset->list);
	err = kobject_add_internal(&kset->kobj);
	if (err) {
		kfree(kset->kobj.name);
		kset->kobj.name = NULL;
	}
	return err;
}

void kset_unregister(struct kset *kset)
{
	if (!kset)
		return;
	kobject_del(&kset->kobj);
	kobject_put(&kset->kobj);
}

struct kset *kset_create_and_add(const char *name, const void *uevent_ops, struct kobject *parent_kobj)
{
	struct kset *kset = kzalloc(sizeof(*kset), GFP_KERNEL);

	WARN_ON_ONCE(uevent_ops);
	if (!kset)
		return NULL;
	if (kobject_set_name(&kset->kobj, "%s", name)) {
		kfree(kset);
		return NULL;
	}
	kset->kobj.parent = parent_kobj;
	kset->kobj.ktype = &kset_ktype;
	if (kset_register(kset)) {
		kfree(kset);
		return NULL;
	}
	return kset;
}

struct kobject *kset_find_obj(struct kset *kset, const char *name)
{
	struct kobject *k, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&kset_lock, flags);
	list_for_each_entry(k, &kset->list, entry) {
		if (k->name && !strcmp(k->name, name)) {
			found = kobject_get_unless_zero(k);
			break;
		}
	}
	spin_unlock_irqrestore(&kset_lock, flags);
	return found;
}
