// SPDX-License-Identifier: MIT
/*
 * File system calls and per-process file tables: read, write, open,
 * close, getdents64 (Linux: fs/read_write.c, fs/open.c, fs/readdir.c,
 * fs/file.c). Descriptors 0-2 of a new process are the console.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <scion/console.h>
#include <scion/process.h>

#define IO_CHUNK 4096

/* What a descriptor refers to; shared by fork, counted. */
struct open_file {
	int refs;
	bool console;
	struct file *file;	/* NULL for the console */
};

static struct open_file *open_file_get(struct open_file *f)
{
	unsigned long flags;

	local_irq_save(flags);
	f->refs++;
	local_irq_restore(flags);
	return f;
}

static void open_file_put(struct open_file *f)
{
	unsigned long flags;
	bool last;

	local_irq_save(flags);
	last = --f->refs == 0;
	local_irq_restore(flags);
	if (!last)
		return;
	if (f->file)
		filp_close(f->file);
	kfree(f);
}

int files_init_console(struct task_struct *p)
{
	struct open_file *con = kzalloc(sizeof(*con), GFP_KERNEL);
	int fd;

	if (!con)
		return -ENOMEM;
	con->console = true;
	con->refs = 0;
	for (fd = 0; fd < 3; fd++)
		p->fds[fd] = open_file_get(con);
	return 0;
}

int files_copy(struct task_struct *child, struct task_struct *parent)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		if (parent->fds[fd])
			child->fds[fd] = open_file_get(parent->fds[fd]);
	return 0;
}

void files_release(struct task_struct *p)
{
	int fd;

	for (fd = 0; fd < NR_OPEN; fd++)
		if (p->fds[fd]) {
			open_file_put(p->fds[fd]);
			p->fds[fd] = NULL;
		}
}

static struct open_file *fd_get(int fd)
{
	if (fd < 0 || fd >= NR_OPEN)
		return NULL;
	return current->fds[fd];
}

SYSCALL_DEFINE3(read, int, fd, char *, ubuf, size_t, count)
{
	struct open_file *f = fd_get(fd);
	char *buf;
	ssize_t n;

	if (!f)
		return -EBADF;
	if (!access_ok(ubuf, count, PROT_WRITE))
		return -EFAULT;
	count = min_t(size_t, count, IO_CHUNK);
	buf = kmalloc(count ? count : 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (f->console)
		n = console_read(buf, count);
	else
		n = kernel_read(f->file, buf, count, NULL);
	if (n > 0 && copy_to_user(ubuf, buf, n))
		n = -EFAULT;
	kfree(buf);
	return n;
}

SYSCALL_DEFINE3(write, int, fd, const char *, ubuf, size_t, count)
{
	struct open_file *f = fd_get(fd);
	size_t done = 0;
	char *buf;
	ssize_t n = 0;

	if (!f)
		return -EBADF;
	if (!access_ok(ubuf, count, PROT_READ))
		return -EFAULT;
	buf = kmalloc(IO_CHUNK, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (done < count) {
		size_t chunk = min_t(size_t, count - done, IO_CHUNK);

		if (copy_from_user(buf, ubuf + done, chunk)) {
			n = -EFAULT;
			break;
		}
		if (f->console) {
			console_write(buf, chunk);
			n = chunk;
		} else {
			n = kernel_write(f->file, buf, chunk, NULL);
		}
		if (n <= 0)
			break;
		done += n;
	}
	kfree(buf);
	return done ? (ssize_t)done : n;
}

SYSCALL_DEFINE3(open, const char *, upath, int, flags, umode_t, mode)
{
	struct open_file *of;
	struct file *file;
	char path[256];
	long len;
	int fd;

	len = strncpy_from_user(path, upath, sizeof(path));
	if (len < 0)
		return len;
	for (fd = 0; fd < NR_OPEN && current->fds[fd]; fd++)
		;
	if (fd == NR_OPEN)
		return -EMFILE;
	of = kzalloc(sizeof(*of), GFP_KERNEL);
	if (!of)
		return -ENOMEM;
	file = filp_open(path, flags, mode);
	if (IS_ERR(file)) {
		kfree(of);
		return PTR_ERR(file);
	}
	of->file = file;
	current->fds[fd] = open_file_get(of);
	return fd;
}

SYSCALL_DEFINE1(close, int, fd)
{
	struct open_file *f = fd_get(fd);

	if (!f)
		return -EBADF;
	current->fds[fd] = NULL;
	open_file_put(f);
	return 0;
}

/* struct linux_dirent64, as user space sees it. */
struct dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
} __packed;

struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
};

static bool fill_dirent(struct dir_context *ctx, const char *name, int namelen, loff_t pos,
			u64 ino, unsigned int d_type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN(offsetof(struct dirent64, d_name) + namelen + 1, 8);
	struct dirent64 *d;

	if (g->used + reclen > g->size)
		return false;
	d = (struct dirent64 *)(g->buf + g->used);
	d->d_ino = ino;
	d->d_off = pos + 1;
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namelen);
	memset(d->d_name + namelen, 0, reclen - offsetof(struct dirent64, d_name) - namelen);
	g->used += reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, int, fd, void *, udirp, unsigned int, count)
{
	struct open_file *f = fd_get(fd);
	struct getdents_ctx g = { .ctx.actor = fill_dirent };
	int err;

	if (!f || f->console)
		return -EBADF;
	if (!access_ok(udirp, count, PROT_WRITE))
		return -EFAULT;
	g.size = min_t(size_t, count, IO_CHUNK);
	g.buf = kmalloc(g.size ? g.size : 1, GFP_KERNEL);
	if (!g.buf)
		return -ENOMEM;
	g.ctx.pos = f->file->f_pos;
	err = iterate_dir(f->file, &g.ctx);
	f->file->f_pos = g.ctx.pos;
	if (!err && !g.used && g.size && g.ctx.pos >= 0)
		err = 0;
	if (!err && g.used && copy_to_user(udirp, g.buf, g.used))
		err = -EFAULT;
	kfree(g.buf);
	return err ? err : (long)g.used;
}
