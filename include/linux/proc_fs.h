/* SPDX-License-Identifier: MIT */
/*
 * procfs entries for the kernel and modules: /proc/<name> files built from
 * seq_file show callbacks or from proc_ops (kernel/fs/proc_generic.c;
 * Linux: include/linux/proc_fs.h).
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>
#include <linux/fs.h>

struct seq_file;
struct seq_operations;
struct proc_dir_entry;		/* opaque: an entry under /proc */

/*
 * The operations of an entry made with proc_create(). Buffers are kernel
 * memory here (Linux: __user). proc_read NULL: reading fails with EIO;
 * proc_write NULL: writing fails with EIO (root may open any proc file,
 * as in Linux; the operation itself refuses).
 */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char *buf, size_t count, loff_t *pos);
	ssize_t (*proc_write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
};

/*
 * Creators: parent NULL means /proc itself. mode 0 means 0444 for files
 * and 0555 for directories; S_IFREG/S_IFDIR may be left out. Return: the
 * entry, or NULL (no memory, no such parent, or the name exists; the
 * last is logged as Linux does: "proc_dir_entry '<dir>/<name>' already
 * registered").
 */
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent);
/* A file that is one show(m, v) call (single_open()); m->private is data (NULL for proc_create_single). */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *m, void *v), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
/* A seq_file iterated with ops; m->private is data. */
struct proc_dir_entry *proc_create_seq_data(const char *name, umode_t mode,
					    struct proc_dir_entry *parent,
					    const struct seq_operations *ops, void *data);
#define proc_create_seq(name, mode, parent, ops) proc_create_seq_data(name, mode, parent, ops, NULL)
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
#define proc_create(name, mode, parent, proc_ops) proc_create_data(name, mode, parent, proc_ops, NULL)

/*
 * Remove an entry and everything below it: new opens fail with ENOENT,
 * operations running in other tasks are waited for, files still open are
 * released now (their later reads and writes fail with EIO), so that on
 * return nothing calls into the owner any more and a module may go.
 * remove_proc_entry() warns about a non-empty directory (Linux: warns
 * and leaks the children; here they go too). Context: may sleep; not from
 * one of the entry's own operations.
 */
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *entry);

/* The data given at creation, from an inode of the entry (e.g. in proc_open). */
void *pde_data(const struct inode *inode);

#endif
