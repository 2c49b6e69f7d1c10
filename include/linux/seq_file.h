/* SPDX-License-Identifier: MIT */
/*
 * seq_file: text files produced by show callbacks that print with
 * seq_printf(), so that no callback handles offsets or buffer sizes
 * (kernel/fs/seq_file.c; Linux: include/linux/seq_file.h).
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/fs.h>

struct seq_operations;

struct seq_file {
	char *buf;
	size_t size;			/* of buf */
	size_t count;			/* bytes of text in buf */
	bool generated;			/* buf holds the whole text */
	loff_t index;			/* the iterator's position, for start/next */
	const struct seq_operations *op;
	void *private;			/* single_open()'s data, or the opener's */
	struct file *file;
};

/*
 * An iterator over records: start(m, pos) returns the record at *pos (or
 * NULL at the end), next() steps and advances *pos, show() prints one
 * record, stop() undoes what start took. [Linux: same contract]
 */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

/* The value start() returns for "the header line" (Linux: same name). */
#define SEQ_START_TOKEN ((void *)1)
/* show() may return this to drop what it printed for the record. */
#define SEQ_SKIP 1

/*
 * Output helpers for show(). Text past the buffer is dropped and the
 * buffer marked overflowed; seq_read() then runs the iteration again with
 * a buffer twice the size.
 */
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
__printf(2, 0) void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
bool seq_has_overflowed(struct seq_file *m);

/*
 * file_operations for seq_file users. Linux regenerates the text on every
 * read() call; here the whole text is produced by the first read and
 * served from memory until close or a seek to 0, because the files are
 * small and this keeps the reader's view consistent.
 */
int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char *buf, size_t count, loff_t *pos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);

/* A file that is one show(m, v) call, with m->private = data (v means nothing). */
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
int single_release(struct inode *inode, struct file *file);

#endif
