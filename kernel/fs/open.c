// SPDX-License-Identifier: MIT
/*
 * Opening, creating and removing by path: filp_open(), vfs_mkdir(),
 * vfs_rmdir(), vfs_unlink(), vfs_stat() (Linux: fs/open.c, fs/namei.c's
 * do_filp_open/vfs_mkdir/vfs_rmdir/vfs_unlink). We run as root: mode bits
 * never refuse an operation here (CAP_DAC_OVERRIDE); a filesystem's
 * open() may still refuse, as sysfs does.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include "internal.h"

/* The inode of an O_CREAT open: existing, or made by the directory's create(). */
static int lookup_create(const char *path, int flags, umode_t mode, struct inode **res)
{
	char name[NAME_MAX + 1];
	struct inode *dir, *inode;
	bool slash;
	int err, tries;

	err = path_parent(path, &dir, name, &slash);
	if (err)
		return err;
	err = -EISDIR;			/* "/", "x/." and "x/..": existing directories */
	if (name_is_dot(name))
		goto out;
	for (tries = 0; tries < 2; tries++) {
		inode = lookup_one(dir, name);
		if (!IS_ERR(inode)) {
			err = 0;
			if (flags & O_EXCL)
				err = -EEXIST;
			else if (slash && !S_ISDIR(inode->i_mode))
				err = -ENOTDIR;
			if (err)
				iput(inode);
			else
				*res = inode;
			goto out;
		}
		err = PTR_ERR(inode);
		if (err != -ENOENT)
			goto out;
		err = -EISDIR;		/* "newname/": only a directory could be meant */
		if (slash)
			goto out;
		err = -EACCES;		/* Linux: vfs_create() without i_op->create */
		if (!dir->i_op || !dir->i_op->create)
			goto out;
		inode = dir->i_op->create(dir, name, S_IFREG | (mode & S_IALLUGO));
		err = PTR_ERR(inode);
		if (!IS_ERR(inode)) {
			*res = inode;
			err = 0;
			goto out;
		}
		if (err != -EEXIST || (flags & O_EXCL))	/* else: created meanwhile, look again */
			goto out;
	}
out:
	iput(dir);
	return err;
}

static const struct file_operations no_file_operations;

/* Make a struct file for inode, taking over the caller's reference. */
static struct file *do_open(struct inode *inode, int flags)
{
	static const unsigned int fmodes[] = { FMODE_READ, FMODE_WRITE, FMODE_READ | FMODE_WRITE, 0 };
	unsigned int fmode = fmodes[flags & O_ACCMODE];
	struct file *file;
	int err = -EINVAL;

	if (!fmode)
		goto out_put;
	err = -EISDIR;
	if (S_ISDIR(inode->i_mode) && ((fmode & FMODE_WRITE) || (flags & O_CREAT)))
		goto out_put;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		goto out_put;
	err = -ENOENT;			/* removed between lookup and open */
	if (inode_removed(inode))
		goto out_put;
	err = -ENOMEM;
	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file)
		goto out_put;
	file->f_inode = inode;
	file->f_op = inode->i_fop ? inode->i_fop : &no_file_operations;
	file->f_flags = flags;
	file->f_mode = fmode;
	err = file->f_op->open ? file->f_op->open(inode, file) : 0;
	if (err)
		goto out_free;
	if ((flags & O_TRUNC) && (fmode & FMODE_WRITE) && S_ISREG(inode->i_mode) &&
	    inode->i_op && inode->i_op->truncate) {
		err = inode->i_op->truncate(inode, 0);
		if (err) {
			filp_close(file);
			return ERR_PTR(err);
		}
	}
	return file;
out_free:
	kfree(file);
out_put:
	iput(inode);
	return ERR_PTR(err);
}

struct file *filp_open(const char *path, int flags, umode_t mode)
{
	struct inode *inode;
	int err;

	if (flags & O_CREAT)
		err = lookup_create(path, flags, mode, &inode);
	else
		err = path_lookup(path, &inode);
	if (err)
		return ERR_PTR(err);
	return do_open(inode, flags);
}

int filp_close(struct file *file)
{
	struct inode *inode = file_inode(file);
	int err = 0;

	if (file->f_op->release)
		err = file->f_op->release(inode, file);
	iput(inode);
	kfree(file);
	return err;
}

int vfs_stat(const char *path, struct kstat *stat)
{
	struct inode *inode;
	int err = path_lookup(path, &inode);

	if (err)
		return err;
	inode_stat(inode, stat);
	iput(inode);
	return 0;
}

int vfs_mkdir(const char *path, umode_t mode)
{
	char name[NAME_MAX + 1];
	struct inode *dir, *old;
	bool slash;
	int err = path_parent(path, &dir, name, &slash);

	if (err)
		return err;
	err = -EEXIST;
	if (name_is_dot(name))
		goto out;
	old = lookup_one(dir, name);
	if (!IS_ERR(old)) {
		iput(old);
		goto out;
	}
	err = PTR_ERR(old);
	if (err != -ENOENT)
		goto out;
	err = -EPERM;			/* Linux: vfs_mkdir() without i_op->mkdir */
	if (dir->i_op && dir->i_op->mkdir)
		err = dir->i_op->mkdir(dir, name, mode & (S_IRWXUGO | S_ISVTX));
out:
	iput(dir);
	return err;
}

/* Look up the victim of rmdir/unlink: the last component of path in *dir. */
static int lookup_victim(const char *path, struct inode **dir, struct inode **victim, bool *slash)
{
	char name[NAME_MAX + 1];
	int err = path_parent(path, dir, name, slash);

	if (err)
		return err;
	if (!name[0])
		err = -EBUSY;		/* "/" */
	else if (!strcmp(name, "."))
		err = -EINVAL;
	else if (!strcmp(name, ".."))
		err = -ENOTEMPTY;
	if (!err) {
		*victim = lookup_one(*dir, name);
		if (IS_ERR(*victim))
			err = PTR_ERR(*victim);
	}
	if (err)
		iput(*dir);
	return err;
}

int vfs_rmdir(const char *path)
{
	struct inode *dir, *victim;
	bool slash;
	int err = lookup_victim(path, &dir, &victim, &slash);

	if (err)
		return err;
	if (!S_ISDIR(victim->i_mode))
		err = -ENOTDIR;
	else if (victim->i_sb != dir->i_sb)
		err = -EBUSY;		/* the root of /proc or /sys: a mount point in Linux */
	else if (!dir->i_op || !dir->i_op->rmdir)
		err = -EPERM;
	else
		err = dir->i_op->rmdir(dir, victim);
	iput(victim);
	iput(dir);
	return err;
}

int vfs_unlink(const char *path)
{
	struct inode *dir, *victim;
	bool slash;
	int err = lookup_victim(path, &dir, &victim, &slash);

	if (err == -EBUSY || err == -EINVAL || err == -ENOTEMPTY)
		return -EISDIR;		/* "/", "." and "..": directories */
	if (err)
		return err;
	if (S_ISDIR(victim->i_mode))
		err = -EISDIR;
	else if (slash)
		err = -ENOTDIR;
	else if (!dir->i_op || !dir->i_op->unlink)
		err = -EPERM;
	else
		err = dir->i_op->unlink(dir, victim);
	iput(victim);
	iput(dir);
	return err;
}
