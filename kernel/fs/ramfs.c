// SPDX-License-Identifier: MIT
/*
 * ramfs: files and directories that live only in memory, the root of the
 * tree, and the boot-time contents: /bin, /tmp, /lib/modules filled from
 * the boot loader's modules (Linux: fs/ramfs/inode.c, fs/libfs.c).
 */
#define pr_fmt(fmt) "ramfs: " fmt

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <scion/cpio.h>
#include <scion/init.h>
#include <arch.h>
#include "internal.h"

#define RAMFS_MAX_SIZE (16UL << 20)	/* per file: kmalloc needs it contiguous */

/*
 * A file's bytes. cap == 0 with data != NULL: data is borrowed (static,
 * read-only) and is copied at the first change. Bytes between i_size and
 * cap are always zero, so a write past the end leaves a zero-filled gap.
 */
struct ramfs_file {
	char *data;
	size_t cap;
};

/* Guards every ramfs_file and the i_size of ramfs inodes. Copies run under it in page-sized pieces. */
static DEFINE_SPINLOCK(ramfs_lock);

struct inode *vfs_root;

/* i_private of the directories vfs_init() makes: rmdir refuses them, as it would a mount point. */
static char ramfs_standard_dir;

static void ramfs_evict(struct inode *inode)
{
	struct ramfs_file *rf = inode->i_private;

	if (!S_ISREG(inode->i_mode))
		return;
	if (rf && rf->cap)
		kfree(rf->data);
	kfree(rf);
}

static const struct super_operations ramfs_super_ops = { .evict_inode = ramfs_evict };
struct super_block ramfs_sb = { .s_type = "ramfs", .s_op = &ramfs_super_ops };

/* Make the buffer private and at least need bytes; allocates with the lock dropped. */
static int ramfs_reserve(struct inode *inode, size_t need)
{
	struct ramfs_file *rf = inode->i_private;
	unsigned long flags;
	size_t cap = 64;
	char *new, *old = NULL;

	if (need > RAMFS_MAX_SIZE)
		return -EFBIG;
	while (cap < need)
		cap *= 2;
	new = kzalloc(cap, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	spin_lock_irqsave(&ramfs_lock, flags);
	if (rf->cap >= need) {			/* grown meanwhile */
		old = new;
	} else {
		if (rf->data)
			memcpy(new, rf->data, min_t(size_t, inode->i_size, cap));
		if (rf->cap)
			old = rf->data;
		rf->data = new;
		rf->cap = cap;
	}
	spin_unlock_irqrestore(&ramfs_lock, flags);
	kfree(old);
	return 0;
}

static ssize_t ramfs_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct ramfs_file *rf = inode->i_private;
	unsigned long flags;
	size_t done = 0, n;

	while (done < count) {
		spin_lock_irqsave(&ramfs_lock, flags);
		if (*pos >= inode->i_size) {
			spin_unlock_irqrestore(&ramfs_lock, flags);
			break;
		}
		n = min_t(size_t, min_t(size_t, count - done, inode->i_size - *pos), PAGE_SIZE);
		memcpy(buf + done, rf->data + *pos, n);
		spin_unlock_irqrestore(&ramfs_lock, flags);
		*pos += n;
		done += n;
	}
	return done;
}

static ssize_t ramfs_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct ramfs_file *rf = inode->i_private;
	size_t done = 0, n;
	unsigned long flags;
	loff_t at;
	int err;

	while (done < count) {
		n = min_t(size_t, count - done, PAGE_SIZE);
		spin_lock_irqsave(&ramfs_lock, flags);
		at = (file->f_flags & O_APPEND) ? inode->i_size : *pos;
		if (at < 0 || at + n > RAMFS_MAX_SIZE) {
			spin_unlock_irqrestore(&ramfs_lock, flags);
			return done ? (ssize_t)done : -EFBIG;
		}
		if (rf->cap < at + n) {
			spin_unlock_irqrestore(&ramfs_lock, flags);
			err = ramfs_reserve(inode, max_t(size_t, at + (count - done), inode->i_size));
			if (err)
				return done ? (ssize_t)done : err;
			continue;
		}
		memcpy(rf->data + at, buf + done, n);
		if (at + n > inode->i_size)
			inode->i_size = at + n;
		spin_unlock_irqrestore(&ramfs_lock, flags);
		*pos = at + n;
		done += n;
	}
	return done;
}

static int ramfs_truncate(struct inode *inode, loff_t size)
{
	struct ramfs_file *rf = inode->i_private;
	unsigned long flags;
	char *old = NULL;
	int err;

	if (size < 0)
		return -EINVAL;
	for (;;) {
		spin_lock_irqsave(&ramfs_lock, flags);
		if (size == 0 || rf->cap >= size)
			break;
		spin_unlock_irqrestore(&ramfs_lock, flags);
		err = ramfs_reserve(inode, size);
		if (err)
			return err;
	}
	if (size == 0) {		/* give the memory back */
		if (rf->cap)
			old = rf->data;
		rf->data = NULL;
		rf->cap = 0;
	} else if (size < inode->i_size) {
		memset(rf->data + size, 0, inode->i_size - size);
	}
	inode->i_size = size;
	spin_unlock_irqrestore(&ramfs_lock, flags);
	kfree(old);
	return 0;
}

static const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
};

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations = {
	.truncate = ramfs_truncate,
};

/* A new linked inode in dir, referenced once for the caller. */
static struct inode *ramfs_new(struct inode *dir, const char *name, umode_t mode)
{
	struct inode *inode = new_inode(&ramfs_sb, dir, name, mode);
	int err;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (S_ISDIR(mode)) {
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
	} else {
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		inode->i_private = kzalloc(sizeof(struct ramfs_file), GFP_KERNEL);
		if (!inode->i_private) {
			iput(inode);
			return ERR_PTR(-ENOMEM);
		}
	}
	err = dir ? inode_link(inode) : 0;
	if (err) {
		iput(inode);
		return ERR_PTR(err);
	}
	return inode;
}

static struct inode *ramfs_create(struct inode *dir, const char *name, umode_t mode)
{
	return ramfs_new(dir, name, mode);
}

static int ramfs_mkdir(struct inode *dir, const char *name, umode_t mode)
{
	struct inode *inode = ramfs_new(dir, name, S_IFDIR | mode);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

/* The bytes stay with open files; the last close frees them. */
static int ramfs_unlink(struct inode *dir, struct inode *inode)
{
	inode_remove(inode);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct inode *inode)
{
	if (inode->i_private == &ramfs_standard_dir)
		return -EBUSY;
	return inode_remove_empty(inode);
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
};

/* mkdir -p of every directory above path's last component. */
static int make_parents(const char *path)
{
	char *copy = kstrdup(path, GFP_KERNEL), *p;
	int err = 0;

	if (!copy)
		return -ENOMEM;
	for (p = copy + 1; *p && !err; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		err = vfs_mkdir(copy, 0755);
		if (err == -EEXIST)
			err = 0;
		*p = '/';
	}
	kfree(copy);
	return err;
}

int ramfs_add_static_file(const char *path, const void *data, size_t len, umode_t mode)
{
	struct ramfs_file *rf;
	struct file *file;
	unsigned long flags;
	int err = make_parents(path);

	if (err)
		return err;
	file = filp_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (IS_ERR(file))
		return PTR_ERR(file);
	err = -EINVAL;
	if (file_inode(file)->i_sb == &ramfs_sb && S_ISREG(file_inode(file)->i_mode)) {
		rf = file_inode(file)->i_private;
		spin_lock_irqsave(&ramfs_lock, flags);
		if (!rf->cap) {		/* O_TRUNC left nothing, unless a writer raced us */
			rf->data = (char *)data;
			file_inode(file)->i_size = len;
			err = 0;
		}
		spin_unlock_irqrestore(&ramfs_lock, flags);
	}
	filp_close(file);
	return err;
}

/*
 * "/", its standard directories (which stay: rmdir says EBUSY), /proc and
 * /sys. A core initcall: sysfs and procfs may be used from
 * subsys_initcall() on.
 */
static int vfs_init(void)
{
	static const struct { const char *path; umode_t mode; } dirs[] = {
		{ "/bin", 0755 }, { "/lib", 0755 }, { "/lib/modules", 0755 }, { "/tmp", 01777 },
	};
	int i, err;

	vfs_root = ramfs_new(NULL, "", S_IFDIR | 0755);
	if (IS_ERR(vfs_root))
		panic("vfs: no memory for the root directory");
	for (i = 0; i < (int)ARRAY_SIZE(dirs); i++) {
		struct inode *dir;

		err = vfs_mkdir(dirs[i].path, dirs[i].mode);
		if (!err)
			err = path_lookup(dirs[i].path, &dir);
		if (err)
			return err;
		dir->i_private = &ramfs_standard_dir;
		iput(dir);
	}
	err = proc_root_init();
	if (!err)
		err = sysfs_init();
	return err;
}
core_initcall(vfs_init);

/* The name under /lib/modules: the last path component of the module's first word. */
static void module_file_name(const struct boot_module *m, int index, char *buf, size_t size)
{
	const char *start = m->name, *end, *slash;

	start = skip_spaces(start);
	end = start + strcspn(start, " \t");
	for (slash = start; (slash = strnchr(slash, end - slash, '/')); start = ++slash)
		;
	if (end == start || end - start > NAME_MAX || !strncmp(start, "..", end - start))
		snprintf(buf, size, "module%d", index);
	else
		snprintf(buf, size, "%.*s", (int)(end - start), start);
}

static void add_boot_file(const char *name, const void *data, size_t len, const char *from)
{
	char path[NAME_MAX + 16];
	int err;

	snprintf(path, sizeof(path), "/lib/modules/%s", name);
	err = ramfs_add_static_file(path, data, len, 0644);
	if (err)
		pr_warn("%s: %s\n", path, errno_text(err));
	else
		pr_info("%s: %zu bytes from the %s\n", path, len, from);
}

/*
 * A boot module that is a newc cpio archive (s390x's one initrd carrying
 * several modules: tests/qemu/qemu_cmd.py packs them) is unpacked: each
 * regular file becomes /lib/modules/<its last name component>, in place,
 * as Linux's initramfs unpacks into rootfs (init/initramfs.c; here
 * without directories). The archive is checked whole first: a damaged
 * one is left as one file, with its reason logged. True if unpacked.
 */
static bool unpack_cpio(const char *archive, const void *buf, size_t len)
{
	struct cpio_entry e;
	char why[96];
	size_t pos = 0;
	int r;

	if (!cpio_is_newc(buf, len))
		return false;
	while ((r = cpio_next_entry(buf, len, &pos, &e, why, sizeof(why))) == 1)
		;
	if (r < 0) {
		pr_warn("%s: not unpacked, a damaged cpio archive: %s\n", archive, why);
		return false;
	}
	pos = 0;
	while (cpio_next_entry(buf, len, &pos, &e, why, sizeof(why)) == 1) {
		const char *base = strrchr(e.name, '/') ? strrchr(e.name, '/') + 1 : e.name;

		if ((e.mode & CPIO_MODE_TYPE) != CPIO_MODE_REGULAR)
			continue;
		if (!*base || strlen(base) > NAME_MAX || !strcmp(base, "..") || !strcmp(base, "."))
			pr_warn("%s: '%s' is no file name, left out\n", archive, e.name);
		else
			add_boot_file(base, e.data, e.size, "cpio archive");
	}
	return true;
}

/*
 * /lib/modules/<name> for each multiboot module (GRUB's module2 lines) or
 * initrd, without copying; the files of one that is a cpio archive.
 */
static int modules_populate(void)
{
	char name[NAME_MAX + 1];
	int i;

	for (i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];

		module_file_name(m, i, name, sizeof(name));
		if (!unpack_cpio(name, __va(m->start), m->end - m->start))
			add_boot_file(name, __va(m->start), m->end - m->start, "boot loader");
	}
	return 0;
}
fs_initcall(modules_populate);
