// SPDX-License-Identifier: MIT
/*
 * seq_file: the text of a file produced record by record with seq_printf(),
 * into a buffer that doubles until it fits (Linux: fs/seq_file.c).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <arch.h>
#include "internal.h"

#define SEQ_MAX_SIZE (4UL << 20)	/* no procfs text is near this; refuse rather than loop */

void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	int len;

	if (m->count < m->size) {
		len = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);
		if (m->count + len < m->size) {
			m->count += len;
			return;
		}
	}
	m->count = m->size;		/* overflowed: seq_read() retries with more room */
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
	} else {
		m->count = m->size;
	}
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

/* One pass of start/show/next/stop over every record into m->buf. */
static int seq_fill(struct seq_file *m)
{
	loff_t pos = 0;
	size_t before;
	int err = 0;
	void *p;

	m->count = 0;
	m->index = 0;
	p = m->op->start(m, &pos);
	while (p && !IS_ERR(p)) {
		before = m->count;
		err = m->op->show(m, p);
		if (err < 0)
			break;
		if (err == SEQ_SKIP)
			m->count = before;
		err = 0;
		if (seq_has_overflowed(m))
			break;
		p = m->op->next(m, p, &pos);
		m->index = pos;
	}
	m->op->stop(m, p);
	if (IS_ERR(p))
		err = PTR_ERR(p);
	return err;
}

/* Produce the whole text, doubling the buffer until it fits. */
static int seq_generate(struct seq_file *m)
{
	size_t size = m->size ? m->size : PAGE_SIZE;
	int err;

	for (;;) {
		if (!m->buf) {
			m->buf = kmalloc(size, GFP_KERNEL);
			if (!m->buf)
				return -ENOMEM;
			m->size = size;
		}
		err = seq_fill(m);
		if (err)
			return err;
		if (!seq_has_overflowed(m)) {
			m->generated = true;
			return 0;
		}
		kfree(m->buf);
		m->buf = NULL;
		m->size = 0;
		size *= 2;
		if (size > SEQ_MAX_SIZE)
			return -ENOMEM;
	}
}

ssize_t seq_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct seq_file *m = file->private_data;
	int err;

	if (!m->generated) {
		err = seq_generate(m);
		if (err)
			return err;
	}
	return simple_read_from_buffer(buf, count, pos, m->buf, m->count);
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	struct seq_file *m = file->private_data;

	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	if (offset == 0)
		m->generated = false;	/* read it afresh */
	file->f_pos = offset;
	return offset;
}

int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

int seq_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	file->private_data = NULL;
	return 0;
}

static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos ? NULL : SEQ_START_TOKEN;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

/* Linux: show(m, SEQ_START_TOKEN) for the one record; v is meaningless to single_open users. */
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int err;

	if (!op)
		return -ENOMEM;
	*op = (struct seq_operations){ single_start, single_stop, single_next, show };
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

int single_release(struct inode *inode, struct file *file)
{
	const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;

	seq_release(inode, file);
	kfree(op);
	return 0;
}
