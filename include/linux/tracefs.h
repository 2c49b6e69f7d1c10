/* SPDX-License-Identifier: MIT */
/*
 * tracefs: the tracing interface's files in /sys/kernel/tracing, each
 * with its own file_operations (kernel/fs/tracefs.c; Linux:
 * include/linux/tracefs.h, which hands out dentries, not inodes).
 */
#ifndef _LINUX_TRACEFS_H
#define _LINUX_TRACEFS_H

#include <linux/types.h>

struct inode;
struct file_operations;

/*
 * A file called name in directory parent (NULL: /sys/kernel/tracing),
 * with mode (permission bits; S_IFREG added) and fops; data is its
 * inode's i_private. The inode returned is not counted: it stays valid
 * while the file exists (tracefs files are never removed yet). NULL if
 * tracefs is not up, the name exists or memory ran out.
 * Context: may allocate; fs_initcall() or later. [Linux: tracefs_create_file()]
 */
struct inode *tracefs_create_file(const char *name, umode_t mode, struct inode *parent,
				  void *data, const struct file_operations *fops);
/* A directory in parent (NULL: the top), as above. [Linux: tracefs_create_dir()] */
struct inode *tracefs_create_dir(const char *name, struct inode *parent);

#endif
