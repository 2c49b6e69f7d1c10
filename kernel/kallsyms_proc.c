// SPDX-License-Identifier: MIT
/*
 * /proc/kallsyms, one line per symbol as Linux prints it (Linux:
 * kernel/kallsyms.c, s_show()):
 *   "ffffffff80109000 T _text"            the kernel's, in address order
 *   "ffffffffc0001000 t foo\t[mod]"       then the modules'
 */
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <scion/init.h>
#include "kallsyms_internal.h"

/*
 * Linux: a seq_file whose iterator regenerates text from the position of
 * each read(); here the same idea without seq_file, whose buffer holds the
 * whole text (kernel/fs/seq_file.c) and would have to hold thousands of
 * lines: each open file keeps one line and the number of the next symbol.
 */
struct kallsyms_iter {
	loff_t pos;			/* file offset of line[off] */
	unsigned long index;		/* the next line's symbol: kernel ones, then modules' */
	size_t len, off;		/* the current line, and how much of it was read */
	char line[KSYM_NAME_LEN + MODULE_NAME_LEN + 32];
};

/* Where one read() puts its bytes: to (NULL: skip them, after a seek), left of room. */
struct kallsyms_reader {
	struct kallsyms_iter *iter;
	char *to;
	size_t left;
};

/* Pass on what fits of the current line; true once all of it went. */
static bool kallsyms_drain(struct kallsyms_reader *r)
{
	struct kallsyms_iter *iter = r->iter;
	size_t n = min(iter->len - iter->off, r->left);

	if (r->to) {
		memcpy(r->to, iter->line + iter->off, n);
		r->to += n;
	}
	iter->off += n;
	iter->pos += n;
	r->left -= n;
	return iter->off == iter->len;
}

/* Make the next line; false when the reader has no room left (stop the walk). */
static bool kallsyms_put(struct kallsyms_reader *r, unsigned long addr, char type,
			 const char *name, const char *modname)
{
	struct kallsyms_iter *iter = r->iter;

	if (modname)
		iter->len = scnprintf(iter->line, sizeof(iter->line), "%016lx %c %s\t[%s]\n",
				      addr, type, name, modname);
	else
		iter->len = scnprintf(iter->line, sizeof(iter->line), "%016lx %c %s\n",
				      addr, type, name);
	iter->off = 0;
	iter->index++;
	return kallsyms_drain(r) && r->left;
}

struct kallsyms_module_walk {
	struct kallsyms_reader *reader;
	unsigned long skip;		/* module symbols already shown */
};

static int kallsyms_module_line(void *data, const char *name, unsigned long addr,
				unsigned long size, char type, const char *modname)
{
	struct kallsyms_module_walk *walk = data;

	if (walk->skip) {
		walk->skip--;
		return 0;
	}
	return !kallsyms_put(walk->reader, addr, type, name, modname);
}

/* Fill the reader from where the file stands. */
static void kallsyms_fill(struct kallsyms_reader *r)
{
	const struct kallsyms_module_ops *ops = READ_ONCE(kallsyms_mod_ops);
	struct kallsyms_iter *iter = r->iter;
	struct kallsyms_module_walk walk;
	unsigned long i;

	if (!kallsyms_drain(r) || !r->left)
		return;
	while ((i = iter->index) < kallsyms_num_syms)
		if (!kallsyms_put(r, kallsyms_addresses[i], kallsyms_types[i],
				  kallsyms_sym_name(i), NULL))
			return;
	if (ops && ops->on_each_symbol) {
		walk = (struct kallsyms_module_walk){ r, iter->index - kallsyms_num_syms };
		ops->on_each_symbol(kallsyms_module_line, &walk);
	}
}

static ssize_t kallsyms_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct kallsyms_iter *iter = file->private_data;
	struct kallsyms_reader r = { iter, NULL, 0 };

	if (*pos < 0)
		return -EINVAL;
	if (*pos != iter->pos) {
		/* A seek: start again, and skip to *pos. */
		memset(iter, 0, offsetof(struct kallsyms_iter, line));
		r.left = *pos;
		kallsyms_fill(&r);
		if (iter->pos != *pos)
			return 0;	/* past the end */
	}
	r.to = buf;
	r.left = count;
	kallsyms_fill(&r);
	*pos = iter->pos;
	return count - r.left;
}

static int kallsyms_open(struct inode *inode, struct file *file)
{
	file->private_data = kzalloc(sizeof(struct kallsyms_iter), GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static int kallsyms_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct proc_ops kallsyms_proc_ops = {
	.proc_open = kallsyms_open,
	.proc_read = kallsyms_read,
	.proc_release = kallsyms_release,
};

static int kallsyms_proc_init(void)
{
	return proc_create("kallsyms", 0444, NULL, &kallsyms_proc_ops) ? 0 : -ENOMEM;
}
device_initcall(kallsyms_proc_init);
