// SPDX-License-Identifier: MIT
/*
 * tracefs: /sys/kernel/tracing and the files the tracing code puts in it
 * (Linux: fs/tracefs/inode.c). Linux mounts a filesystem on that sysfs
 * directory; here the tracefs inodes hang in the one tree below the
 * sysfs directory /sys/kernel, with the tracing code's own
 * file_operations, so reads are not bound to sysfs's one page.
 */
#define pr_fmt(fmt) "tracefs: " fmt

#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/tracefs.h>
#include <scion/init.h>
#include "internal.h"

/* No super_operations: the inodes own nothing and are never removed. */
static struct super_block tracefs_sb = { .s_type = "tracefs" };
static struct inode *tracefs_root;

static struct inode *tracefs_create(const char *name, umode_t mode, struct inode *parent,
				    void *data, const struct file_operations *fops)
{
	struct inode *inode;
	int err;

	parent = parent ? parent : tracefs_root;
	if (!parent)
		return NULL;
	inode = new_inode(&tracefs_sb, parent, name, mode);
	if (!inode)
		return NULL;
	inode->i_fop = fops;
	inode->i_private = data;
	err = inode_link(inode);
	iput(inode);		/* the directory's list holds it now */
	if (err) {
		pr_err("cannot create '%s': %s\n", name, errno_text(err));
		return NULL;
	}
	return inode;
}

struct inode *tracefs_create_file(const char *name, umode_t mode, struct inode *parent,
				  void *data, const struct file_operations *fops)
{
	return tracefs_create(name, S_IFREG | (mode & S_IALLUGO), parent, data, fops);
}

struct inode *tracefs_create_dir(const char *name, struct inode *parent)
{
	return tracefs_create(name, S_IFDIR | 0755, parent, NULL, &simple_dir_operations);
}

/* After vfs_init() (core) has made /sys/kernel; tracers add files from fs_initcall() on. */
static int tracefs_init(void)
{
	if (!kernel_kobj || !kernel_kobj->sd)
		return -ENOENT;
	tracefs_root = tracefs_create("tracing", S_IFDIR | 0755, kernel_kobj->sd, NULL,
				      &simple_dir_operations);
	return tracefs_root ? 0 : -ENOMEM;
}
subsys_initcall(tracefs_init);
