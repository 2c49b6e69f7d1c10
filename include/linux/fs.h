/* SPDX-License-Identifier: MIT */
/*
 * The VFS: one in-memory tree of inodes that ramfs (/), procfs (/proc) and
 * sysfs (/sys) share, the operation tables each filesystem fills in, and the
 * file API the rest of the kernel uses (Linux: include/linux/fs.h).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/stat.h>

#define NAME_MAX 255		/* bytes in a file name, without the NUL */
#define PATH_MAX 4096		/* bytes in a path, with the NUL */

/* open() flags, Linux's generic values (include/uapi/asm-generic/fcntl.h). */
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_DIRECTORY 00200000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* file->f_mode */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2

/* Directory entry types, as getdents reports them (Linux: DT_*). */
#define DT_UNKNOWN 0
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

/* inode->i_state */
#define I_LINKED 0x1	/* on its parent's i_children list (holds a reference) */
#define I_REMOVED 0x2	/* gone from the tree: no new lookups, callbacks refused */

struct file;
struct inode;
struct dir_context;

/*
 * Linux: a dentry (name, parent) plus an inode (mode, size, operations);
 * here one struct, because every filesystem lives in memory and nothing
 * has two names. Lifetime: i_count references, taken by the parent's list
 * while linked, by lookups, open files and children (i_parent); the last
 * iput() evicts it. Locking: the tree lock (kernel/fs/inode.c) guards
 * i_children, i_sibling, i_state and i_count.
 */
struct inode {
	const char *i_name;
	struct inode *i_parent;		/* a counted reference; NULL for "/" */
	struct list_head i_children;	/* static entries of a directory */
	struct list_head i_sibling;

	umode_t i_mode;			/* S_IFDIR/S_IFREG | permission bits */
	unsigned int i_state;		/* I_LINKED, I_REMOVED */
	unsigned long i_ino;
	loff_t i_size;
	int i_count;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	void *i_private;		/* the filesystem's: ramfs data, proc entry, sysfs attribute */
};

struct super_operations {
	/*
	 * The inode just left the tree (I_REMOVED): stop calling into its
	 * owner. Called without locks, leaves first; may sleep (procfs waits
	 * for callbacks still running). [Linux: kernfs_drain(), proc_entry_rundown()]
	 */
	void (*remove_inode)(struct inode *inode);
	/* The last reference went: free what i_private owns. */
	void (*evict_inode)(struct inode *inode);
};

/* One per filesystem type; every inode of /proc points at the proc one. */
struct super_block {
	const char *s_type;		/* "ramfs", "proc", "sysfs" */
	const struct super_operations *s_op;
};

/*
 * Directory operations. All are called without VFS locks held, with dir
 * referenced; a missing operation makes the VFS refuse the request with
 * Linux's error (create: EACCES, mkdir/unlink/rmdir: EPERM).
 */
struct inode_operations {
	/* A child not on i_children (e.g. /proc/<pid>): a new inode holding one reference, or ERR_PTR(-ENOENT). */
	struct inode *(*lookup)(struct inode *dir, const char *name);
	/* A new regular file, linked into dir, with one reference for the caller. */
	struct inode *(*create)(struct inode *dir, const char *name, umode_t mode);
	int (*mkdir)(struct inode *dir, const char *name, umode_t mode);
	int (*unlink)(struct inode *dir, struct inode *inode);
	int (*rmdir)(struct inode *dir, struct inode *inode);
	/* Set a regular file's size (O_TRUNC). Linux: setattr with ATTR_SIZE. */
	int (*truncate)(struct inode *inode, loff_t size);
};

/*
 * Operations on an open file. Buffers are kernel memory here (Linux marks
 * them __user); read and write advance *pos themselves.
 */
struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* Emit the entries from ctx->pos on, advancing ctx->pos, until the actor says stop. */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	int (*release)(struct inode *inode, struct file *file);
};

struct file {
	struct inode *f_inode;		/* a counted reference */
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* as given to open */
	unsigned int f_mode;		/* FMODE_READ | FMODE_WRITE */
	loff_t f_pos;
	void *private_data;		/* the filesystem's (seq_file, sysfs buffer) */
};

static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

/*
 * A directory reader: actor gets each entry (name is not NUL-terminated
 * beyond namelen) and returns false to stop; pos is the entry's position,
 * to resume from. Entries 0 and 1 are "." and "..". [Linux: same]
 */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t pos, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/* ---- The kernel's file API (kernel/fs/open.c, kernel/fs/read_write.c) ---- */

/*
 * Open path (absolute, or relative to "/": there is no working directory)
 * with O_* flags; mode is the permission bits of a file O_CREAT makes.
 * Return: the file, or ERR_PTR(-ENOENT, -ENOTDIR, -EISDIR, -EACCES, ...).
 * Context: may allocate; not from interrupts.
 */
struct file *filp_open(const char *path, int flags, umode_t mode);
int filp_close(struct file *file);
/* Read or write at *pos (NULL: the file position), which advances. Return: bytes or -errno. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* Feed ctx->actor the directory's entries from ctx->pos on. */
int iterate_dir(struct file *file, struct dir_context *ctx);

int vfs_stat(const char *path, struct kstat *stat);
int vfs_mkdir(const char *path, umode_t mode);
int vfs_rmdir(const char *path);
int vfs_unlink(const char *path);

/*
 * Call fn for each entry of the directory at path except "." and "..",
 * with its stat; fn returns non-zero to stop (that value is returned).
 * Entries that vanish meanwhile are skipped.
 */
typedef int (*vfs_readdir_fn)(void *arg, const char *name, const struct kstat *stat);
int vfs_readdir(const char *path, vfs_readdir_fn fn, void *arg);

/*
 * Read a whole regular file into a kmalloc'd buffer (the caller kfrees
 * *buf). Linux: kernel_read_file_from_path() with offset 0 and a vmalloc
 * buffer. Return: the size, -EFBIG past max_size, or another -errno.
 */
ssize_t kernel_read_file_from_path(const char *path, void **buf, size_t max_size);

/*
 * Make path a ramfs file whose contents are data[0..len), creating missing
 * parent directories (0755). The data is not copied: it must stay valid
 * and unchanged while the file exists (GRUB modules, programs in the
 * kernel image); the first write or truncate takes a private copy.
 */
int ramfs_add_static_file(const char *path, const void *data, size_t len, umode_t mode);

#endif
