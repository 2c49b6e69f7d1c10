// SPDX-License-Identifier: MIT
/*
 * Path walking: from "/" one component at a time, holding a reference on
 * the current directory only (Linux: fs/namei.c, without mounts, symlinks
 * or a working directory: relative paths start at "/").
 */
#include <linux/kernel.h>
#include "internal.h"

struct inode *lookup_one(struct inode *dir, const char *name)
{
	struct inode *child;

	if (!S_ISDIR(dir->i_mode))
		return ERR_PTR(-ENOTDIR);
	child = inode_find_child(dir, name, strlen(name));
	if (child)
		return child;
	if (dir->i_op && dir->i_op->lookup && !inode_removed(dir))
		return dir->i_op->lookup(dir, name);
	return ERR_PTR(-ENOENT);
}

/* One step from dir: "." and ".." included ("/.." is "/"). */
static struct inode *step(struct inode *dir, const char *name)
{
	if (!strcmp(name, "."))
		return iget(dir);
	if (!strcmp(name, ".."))
		return iget(dir->i_parent ? dir->i_parent : dir);
	return lookup_one(dir, name);
}

/*
 * The walk behind path_lookup() and path_parent(). With last != NULL it
 * stops before the last component and copies it there. A trailing "/"
 * requires a directory, as in POSIX.
 */
static int walk(const char *path, struct inode **res, char *last, bool *trailing_slash)
{
	const char *p = path, *start;
	char name[NAME_MAX + 1];
	struct inode *cur, *next;
	size_t len;
	int err;

	if (!path || !*path)
		return -ENOENT;
	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	cur = iget(vfs_root);
	for (;;) {
		bool is_last;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		for (start = p; *p && *p != '/'; p++)
			;
		len = p - start;
		err = -ENAMETOOLONG;
		if (len > NAME_MAX)
			goto fail;
		memcpy(name, start, len);
		name[len] = 0;
		is_last = !start[len + strspn(start + len, "/")];
		err = -ENOTDIR;
		if (!S_ISDIR(cur->i_mode))
			goto fail;
		if (is_last && last) {
			strcpy(last, name);
			*trailing_slash = *p == '/';
			*res = cur;
			return 0;
		}
		next = step(cur, name);
		err = PTR_ERR(next);
		if (IS_ERR(next))
			goto fail;
		iput(cur);
		cur = next;
		err = -ENOTDIR;
		if (is_last && *p == '/' && !S_ISDIR(cur->i_mode))
			goto fail;
	}
	if (last) {		/* "/" or "//": no last component */
		last[0] = 0;
		*trailing_slash = false;
	}
	*res = cur;
	return 0;
fail:
	iput(cur);
	return err;
}

int path_lookup(const char *path, struct inode **res)
{
	return walk(path, res, NULL, NULL);
}

int path_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1], bool *trailing_slash)
{
	return walk(path, dir, name, trailing_slash);
}
