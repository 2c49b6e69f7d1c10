/* SPDX-License-Identifier: MIT */
/* Declarations shared by the files of kernel/fs/ only (Linux: fs/internal.h, fs/proc/internal.h, fs/sysfs/sysfs.h). */
#ifndef _KERNEL_FS_INTERNAL_H
#define _KERNEL_FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/seq_file.h>

/* The root of the tree ("/", a ramfs directory); set by vfs_init(). */
extern struct inode *vfs_root;
extern struct super_block ramfs_sb, proc_sb, sysfs_sb;

/* ---- inode.c: the tree ---- */

/*
 * A new inode with one reference and a copy of name, under parent (which
 * it references; NULL only for "/"), not yet linked: inode_link() makes it
 * visible. NULL without memory.
 */
struct inode *new_inode(struct super_block *sb, struct inode *parent, const char *name, umode_t mode);
/* Link inode into its parent's children. Return: 0, -EEXIST, or -ENOENT if the parent was removed. */
int inode_link(struct inode *inode);
struct inode *iget(struct inode *inode);
void iput(struct inode *inode);
/* Unlink inode and everything below it and mark them I_REMOVED; a no-op the second time. */
void inode_remove(struct inode *inode);
/* As inode_remove, if inode is a directory without linked children. Return: 0 or -ENOTEMPTY. */
int inode_remove_empty(struct inode *inode);
/* The linked child called name[0..len), referenced, or NULL. */
struct inode *inode_find_child(struct inode *dir, const char *name, size_t len);
/* The n-th linked child, referenced, or NULL past the end. */
struct inode *inode_nth_child(struct inode *dir, loff_t n);
bool inode_removed(struct inode *inode);
/*
 * Call pin(inode) under the tree lock unless inode is removed, and return
 * what it returned (false if removed). inode_remove() takes the same
 * lock, so an object that dies only after its inode is removed (a
 * kobject: release comes after kobject_del) is alive during pin().
 */
bool inode_pin_if_live(struct inode *inode, bool (*pin)(struct inode *inode));
loff_t inode_nr_children(struct inode *dir);
unsigned int inode_nlink(struct inode *inode);
/* Print the path of inode into buf ("/sys/kernel/x"). */
void inode_path(struct inode *inode, char *buf, size_t size);

/* ---- namei.c: paths ---- */

/* The inode at path, referenced. Return: 0 or -ENOENT, -ENOTDIR, -ENAMETOOLONG. */
int path_lookup(const char *path, struct inode **res);
/*
 * Walk all but the last component. On success *dir is referenced and
 * name holds the last component; "", "." and ".." (from "/", "x/." or
 * "x/..") are returned as such for the caller to refuse.
 */
int path_parent(const char *path, struct inode **dir, char name[NAME_MAX + 1], bool *trailing_slash);
/* dir's child called name: a linked one, else dir's i_op->lookup. Referenced, or ERR_PTR. */
struct inode *lookup_one(struct inode *dir, const char *name);
static inline bool name_is_dot(const char *name)
{
	return !name[0] || (name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2])));
}

/* ---- readdir.c ---- */

/* iterate_shared for directories whose entries are all on i_children. */
int simple_iterate(struct file *file, struct dir_context *ctx);
/* emit "." and ".." for positions 0 and 1; false when the actor stopped. */
bool dir_emit_dots(struct file *file, struct dir_context *ctx);
/* emit the linked children for positions 2 on; false when the actor stopped. */
bool dir_emit_children(struct file *file, struct dir_context *ctx);
bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino, unsigned int type);
unsigned int mode_to_dt(umode_t mode);
extern const struct file_operations simple_dir_operations;
void inode_stat(struct inode *inode, struct kstat *stat);

/* ---- read_write.c ---- */

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* Copy from the text[0..len) at *pos to buf (a file whose whole contents are in memory). */
ssize_t simple_read_from_buffer(void *to, size_t count, loff_t *pos, const void *from, size_t available);

/* ---- proc_base.c: /proc itself and /proc/<pid> ---- */

extern const struct inode_operations proc_root_inode_operations;
extern const struct file_operations proc_root_operations;

/* ---- ktest helpers (ramfs_test.c) ---- */

/* The whole file at path into buf, NUL-terminated. Return: its length or -errno. */
ssize_t fs_test_read(const char *path, char *buf, size_t size);
/* Open path with O_WRONLY | flags (mode 0644) and write text in one call. Return: write()'s result or the open error. */
ssize_t fs_test_write(const char *path, const char *text, int flags);
/*
 * Keep the messages of a case that expects them (duplicate names) off the
 * console, so KTAP stays parseable; they still reach the log (dmesg).
 * Return: the console level to give fs_test_loud().
 */
int fs_test_quiet(void);
void fs_test_loud(int level);

/* ---- init, in order, by vfs_init() (ramfs.c) ---- */

int proc_root_init(void);
int sysfs_init(void);

#endif
