// SPDX-License-Identifier: MIT
/*
 * Reading, writing and seeking open files, and reading a whole file for
 * the module loader (Linux: fs/read_write.c, fs/libfs.c, fs/kernel_read_file.c).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <arch.h>
#include "internal.h"

/* Linux: MAX_RW_COUNT, so that a byte count always fits a positive int. */
#define MAX_RW_COUNT (INT_MAX & ~(PAGE_SIZE - 1))

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file_inode(file)->i_mode))
		return -EISDIR;
	if (!file->f_op->read)
		return -EINVAL;
	if (!count)
		return 0;
	return file->f_op->read(file, buf, min_t(size_t, count, MAX_RW_COUNT),
				pos ? pos : &file->f_pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	return file->f_op->write(file, buf, min_t(size_t, count, MAX_RW_COUNT),
				 pos ? pos : &file->f_pos);
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = READ_ONCE(file_inode(file)->i_size);
		break;
	default:
		return -EINVAL;
	}
	if (offset > LLONG_MAX - base || base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (file->f_op->llseek)
		return file->f_op->llseek(file, offset, whence);
	return generic_file_llseek(file, offset, whence);
}

ssize_t simple_read_from_buffer(void *to, size_t count, loff_t *pos, const void *from, size_t available)
{
	loff_t p = *pos;

	if (p < 0)
		return -EINVAL;
	if (p >= available || !count)
		return 0;
	count = min_t(size_t, count, available - p);
	memcpy(to, (const char *)from + p, count);
	*pos = p + count;
	return count;
}

ssize_t kernel_read_file_from_path(const char *path, void **buf, size_t max_size)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	size_t size = 0, cap;
	ssize_t n;
	char *data = NULL, *bigger;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = -EISDIR;
	if (S_ISDIR(file_inode(file)->i_mode))
		goto out_close;
	/* i_size is exact for ramfs; procfs and sysfs only know at EOF. */
	cap = max_t(size_t, READ_ONCE(file_inode(file)->i_size), PAGE_SIZE) + 1;
	for (;;) {
		n = -EFBIG;
		if (size > max_size)
			goto out_free;
		if (size == cap) {
			n = -ENOMEM;
			bigger = krealloc(data, cap * 2, GFP_KERNEL);
			if (!bigger)
				goto out_free;
			data = bigger;
			cap *= 2;
		} else if (!data) {
			n = -ENOMEM;
			data = kmalloc(cap, GFP_KERNEL);
			if (!data)
				goto out_free;
		}
		n = kernel_read(file, data + size, cap - size, NULL);
		if (n < 0)
			goto out_free;
		if (n == 0)
			break;
		size += n;
	}
	filp_close(file);
	*buf = data;
	return size;
out_free:
	kfree(data);
out_close:
	filp_close(file);
	return n;
}
