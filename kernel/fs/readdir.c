// SPDX-License-Identifier: MIT
/*
 * Reading directories: iterate_dir() for the file API, the generic
 * iterator over a directory's linked children, and vfs_readdir() for
 * kernel callers that want each entry's stat (Linux: fs/readdir.c,
 * fs/libfs.c dcache_readdir()).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include "internal.h"

unsigned int mode_to_dt(umode_t mode)
{
	if (S_ISDIR(mode))
		return DT_DIR;
	if (S_ISREG(mode))
		return DT_REG;
	if (S_ISLNK(mode))
		return DT_LNK;
	return DT_UNKNOWN;
}

void inode_stat(struct inode *inode, struct kstat *stat)
{
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode_nlink(inode);
	stat->size = READ_ONCE(inode->i_size);
}

bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dir->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *parent = dir->i_parent ? dir->i_parent : dir;

		if (!dir_emit(ctx, "..", 2, parent->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/*
 * Position n + 2 is the n-th linked child. The list may change between
 * calls; as in Linux, an entry added or removed meanwhile may be seen or
 * missed. Return: false when the actor stopped.
 */
bool dir_emit_children(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file), *child;

	while ((child = inode_nth_child(dir, ctx->pos - 2))) {
		bool more = dir_emit(ctx, child->i_name, strlen(child->i_name), child->i_ino,
				     mode_to_dt(child->i_mode));

		iput(child);
		if (!more)
			return false;
		ctx->pos++;
	}
	return true;
}

int simple_iterate(struct file *file, struct dir_context *ctx)
{
	if (dir_emit_dots(file, ctx))
		dir_emit_children(file, ctx);
	return 0;
}

const struct file_operations simple_dir_operations = {
	.iterate_shared = simple_iterate,
};

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);

	if (!S_ISDIR(inode->i_mode) || !file->f_op->iterate_shared)
		return -ENOTDIR;
	if (inode_removed(inode))
		return -ENOENT;
	return file->f_op->iterate_shared(file, ctx);
}

struct readdir_stat_ctx {
	struct dir_context ctx;
	struct inode *dir;
	vfs_readdir_fn fn;
	void *arg;
	int ret;
};

static bool readdir_stat_actor(struct dir_context *ctx, const char *name, int namelen,
			       loff_t pos, u64 ino, unsigned int d_type)
{
	struct readdir_stat_ctx *rc = container_of(ctx, struct readdir_stat_ctx, ctx);
	char buf[NAME_MAX + 1];
	struct inode *child;
	struct kstat stat;

	if (namelen > NAME_MAX)
		return true;
	memcpy(buf, name, namelen);
	buf[namelen] = 0;
	if (name_is_dot(buf))
		return true;
	child = lookup_one(rc->dir, buf);
	if (IS_ERR(child))		/* gone meanwhile (a task that exited) */
		return true;
	inode_stat(child, &stat);
	iput(child);
	rc->ret = rc->fn(rc->arg, buf, &stat);
	return rc->ret == 0;
}

int vfs_readdir(const char *path, vfs_readdir_fn fn, void *arg)
{
	struct readdir_stat_ctx rc = { .ctx.actor = readdir_stat_actor, .fn = fn, .arg = arg };
	struct file *file = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	int err;

	if (IS_ERR(file))
		return PTR_ERR(file);
	rc.dir = file_inode(file);
	err = iterate_dir(file, &rc.ctx);
	filp_close(file);
	return err ? err : rc.ret;
}
