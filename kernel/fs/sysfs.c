// SPDX-License-Identifier: MIT
/*
 * sysfs: kobject directories, attribute files whose read calls show() and
 * whose write calls store(), and attribute groups (Linux: fs/sysfs/dir.c,
 * file.c, group.c, over fs/kernfs/).
 */
#define pr_fmt(fmt) "sysfs: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/kobject.h>
#include <arch.h>
#include "internal.h"

static struct inode *sysfs_root;
struct kobject *kernel_kobj;
struct kset *module_kset;

/* An attribute file's i_private. */
struct sysfs_attr {
	struct kobject *kobj;
	struct attribute *attr;
};

/* An open attribute file: the text of the last show(). */
struct sysfs_open_file {
	char *page;
	size_t len;
};

static void sysfs_evict(struct inode *inode)
{
	if (S_ISREG(inode->i_mode))
		kfree(inode->i_private);
}

static const struct super_operations sysfs_super_ops = { .evict_inode = sysfs_evict };
struct super_block sysfs_sb = { .s_type = "sysfs", .s_op = &sysfs_super_ops };

static bool pin_kobject(struct inode *inode)
{
	struct sysfs_attr *sa = inode->i_private;

	return kobject_get_unless_zero(sa->kobj) != NULL;
}

/*
 * Keep the attribute's kobject for one callback. Linux: kernfs active
 * references, which kobject_del() waits to drain; here the callback holds
 * a kobject reference instead, so a store() may delete its own kobject
 * (release() runs when it returns) and nothing ever waits.
 */
static const struct sysfs_ops *sysfs_get_ops(struct inode *inode)
{
	struct sysfs_attr *sa = inode->i_private;

	if (!inode_pin_if_live(inode, pin_kobject))
		return NULL;
	return sa->kobj->ktype->sysfs_ops;
}

/* Linux: kernfs_fop_open(), which checks the mode bits even for root. */
static int sysfs_open(struct inode *inode, struct file *file)
{
	struct sysfs_attr *sa = inode->i_private;
	const struct sysfs_ops *ops = sysfs_get_ops(inode);
	struct sysfs_open_file *of;
	int err = 0;

	if (!ops)
		return -ENODEV;
	if ((file->f_mode & FMODE_WRITE) && (!(inode->i_mode & S_IWUGO) || !ops->store))
		err = -EACCES;
	if ((file->f_mode & FMODE_READ) && (!(inode->i_mode & S_IRUGO) || !ops->show))
		err = -EACCES;
	kobject_put(sa->kobj);
	if (err)
		return err;
	of = kzalloc(sizeof(*of), GFP_KERNEL);
	if (!of)
		return -ENOMEM;
	file->private_data = of;
	return 0;
}

/* A read from offset 0 calls show() afresh; later offsets read what it returned. */
static ssize_t sysfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct sysfs_attr *sa = inode->i_private;
	struct sysfs_open_file *of = file->private_data;
	const struct sysfs_ops *ops;
	ssize_t len;

	if (*pos == 0 || !of->page) {
		if (!of->page)
			of->page = (char *)get_zeroed_page(GFP_KERNEL);
		if (!of->page)
			return -ENOMEM;
		ops = sysfs_get_ops(inode);
		if (!ops)
			return -ENODEV;
		memset(of->page, 0, PAGE_SIZE);
		len = ops->show(sa->kobj, sa->attr, of->page);
		kobject_put(sa->kobj);
		if (len < 0)
			return len;
		if (len >= (ssize_t)PAGE_SIZE) {
			pr_err("fill_read_buffer: %ps returned bad count\n", ops->show);
			len = PAGE_SIZE - 1;
		}
		of->len = len;
	}
	return simple_read_from_buffer(buf, count, pos, of->page, of->len);
}

/* store() gets exactly what was written, NUL-terminated; its result is write()'s. */
static ssize_t sysfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct sysfs_attr *sa = inode->i_private;
	const struct sysfs_ops *ops;
	ssize_t ret;
	char *copy;

	if (count > PAGE_SIZE)		/* Linux: atomic_write_len = PAGE_SIZE */
		return -E2BIG;
	if (!count)
		return 0;
	copy = kmalloc(count + 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, buf, count);
	copy[count] = 0;
	ops = sysfs_get_ops(inode);
	if (!ops) {
		kfree(copy);
		return -ENODEV;
	}
	ret = ops->store(sa->kobj, sa->attr, copy, count);
	kobject_put(sa->kobj);		/* may release a kobject the store deleted */
	kfree(copy);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static int sysfs_release(struct inode *inode, struct file *file)
{
	struct sysfs_open_file *of = file->private_data;

	if (of->page)
		free_page((unsigned long)of->page);
	kfree(of);
	return 0;
}

static const struct file_operations sysfs_file_operations = {
	.open = sysfs_open,
	.read = sysfs_read,
	.write = sysfs_write,
	.release = sysfs_release,
};

/* Link a new inode under dir, or log Linux's duplicate-name message. Returns it referenced. */
static struct inode *sysfs_new(struct inode *dir, const char *name, umode_t mode, int *err)
{
	struct inode *inode;
	char path[160];
	size_t len = name ? strnlen(name, NAME_MAX + 1) : 0;

	*err = -EINVAL;
	if (!len || strchr(name, '/') || name_is_dot(name))
		return NULL;
	*err = -ENAMETOOLONG;
	if (len > NAME_MAX)
		return NULL;
	*err = -ENOMEM;
	inode = new_inode(&sysfs_sb, dir, name, mode);
	if (!inode)
		return NULL;
	inode->i_fop = S_ISDIR(mode) ? &simple_dir_operations : &sysfs_file_operations;
	*err = inode_link(inode);
	if (*err) {
		if (*err == -EEXIST) {
			inode_path(dir, path, sizeof(path));
			pr_err("cannot create duplicate filename '%s/%s'\n",
			       dir == sysfs_root ? "" : path + 4, name);
		}
		iput(inode);
		return NULL;
	}
	return inode;
}

int sysfs_create_dir(struct kobject *kobj)
{
	struct inode *dir = kobj->parent ? kobj->parent->sd : sysfs_root;
	int err;

	if (!dir)
		return -ENOENT;
	kobj->sd = sysfs_new(dir, kobject_name(kobj), S_IFDIR | 0755, &err);
	if (kobj->sd)
		kobj->sd->i_private = kobj;
	return kobj->sd ? 0 : err;	/* kobj->sd keeps sysfs_new()'s reference */
}

void sysfs_remove_dir(struct kobject *kobj)
{
	struct inode *sd = kobj->sd;

	kobj->sd = NULL;
	if (sd) {
		inode_remove(sd);
		iput(sd);
	}
}

static int add_file(struct inode *dir, struct kobject *kobj, struct attribute *attr, umode_t mode)
{
	struct sysfs_attr *sa;
	struct inode *inode;
	int err;

	if (WARN(!kobj->ktype || !kobj->ktype->sysfs_ops,
		 "sysfs: missing sysfs attribute operations for kobject: %s\n", kobject_name(kobj)))
		return -EINVAL;
	sa = kmalloc(sizeof(*sa), GFP_KERNEL);
	if (!sa)
		return -ENOMEM;
	*sa = (struct sysfs_attr){ kobj, attr };
	inode = sysfs_new(dir, attr->name, S_IFREG | (mode & 0777), &err);
	if (!inode) {
		kfree(sa);
		return err;
	}
	inode->i_private = sa;
	inode->i_size = PAGE_SIZE;	/* what Linux reports for every attribute */
	iput(inode);
	return 0;
}

static void remove_child(struct inode *dir, const char *name)
{
	struct inode *child = dir && name ? inode_find_child(dir, name, strlen(name)) : NULL;

	if (child) {
		inode_remove(child);
		iput(child);
	}
}

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	if (WARN_ON(!kobj || !kobj->sd || !attr))
		return -EINVAL;
	return add_file(kobj->sd, kobj, (struct attribute *)attr, attr->mode);
}

void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	if (kobj && attr)
		remove_child(kobj->sd, attr->name);
}

int sysfs_create_files(struct kobject *kobj, const struct attribute *const *attrs)
{
	int err = 0, i;

	for (i = 0; attrs[i] && !err; i++)
		err = sysfs_create_file(kobj, attrs[i]);
	while (err && --i > 0)
		sysfs_remove_file(kobj, attrs[i - 1]);
	return err;
}

void sysfs_remove_files(struct kobject *kobj, const struct attribute *const *attrs)
{
	for (; *attrs; attrs++)
		sysfs_remove_file(kobj, *attrs);
}

/* The group's files in dir; on failure the ones made are removed again. */
static int create_files(struct inode *dir, struct kobject *kobj, const struct attribute_group *grp)
{
	int i, err = 0;

	for (i = 0; grp->attrs[i]; i++) {
		umode_t mode = grp->attrs[i]->mode;

		if (grp->is_visible)
			mode = grp->is_visible(kobj, grp->attrs[i], i);
		if (!mode)
			continue;
		err = add_file(dir, kobj, grp->attrs[i], mode);
		if (err)
			break;
	}
	while (err && i-- > 0)
		remove_child(dir, grp->attrs[i]->name);
	return err;
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct inode *dir;
	int err;

	if (WARN_ON(!kobj || !kobj->sd || !grp))
		return -EINVAL;
	if (WARN(!grp->attrs, "sysfs: attrs not set by subsystem for group: %s/%s\n",
		 kobject_name(kobj), grp->name ? grp->name : ""))
		return -EINVAL;
	if (!grp->name)
		return create_files(kobj->sd, kobj, grp);
	dir = sysfs_new(kobj->sd, grp->name, S_IFDIR | 0755, &err);
	if (!dir)
		return err;
	err = create_files(dir, kobj, grp);
	if (err)
		inode_remove(dir);
	iput(dir);
	return err;
}

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	int i;

	if (!kobj || !kobj->sd || !grp)
		return;
	if (grp->name) {
		remove_child(kobj->sd, grp->name);
		return;
	}
	for (i = 0; grp->attrs && grp->attrs[i]; i++)
		remove_child(kobj->sd, grp->attrs[i]->name);
}

int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	int i, err = 0;

	for (i = 0; groups && groups[i]; i++) {
		err = sysfs_create_group(kobj, groups[i]);
		if (err)
			break;
	}
	while (err && i-- > 0)
		sysfs_remove_group(kobj, groups[i]);
	return err;
}

void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	for (; groups && *groups; groups++)
		sysfs_remove_group(kobj, *groups);
}

static bool emit_buf_ok(const char *buf, int at)
{
	return !WARN(!buf || ((unsigned long)buf & (PAGE_SIZE - 1)) || at < 0 || at >= (int)PAGE_SIZE,
		     "invalid sysfs_emit: buf:%p at:%d\n", buf, at);
}

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	if (!emit_buf_ok(buf, 0))
		return 0;
	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list args;
	int len;

	if (!emit_buf_ok(buf, at))
		return 0;
	va_start(args, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, args);
	va_end(args);
	return len;
}

/* /sys, /sys/kernel and /sys/module. */
int sysfs_init(void)
{
	sysfs_root = new_inode(&sysfs_sb, vfs_root, "sys", S_IFDIR | 0555);
	if (!sysfs_root)
		return -ENOMEM;
	sysfs_root->i_fop = &simple_dir_operations;
	if (inode_link(sysfs_root))
		return -EEXIST;
	kernel_kobj = kobject_create_and_add("kernel", NULL);
	module_kset = kset_create_and_add("module", NULL, NULL);
	return kernel_kobj && module_kset ? 0 : -ENOMEM;
}
