// SPDX-License-Identifier: MIT
/*
 * The function tracer's filter files in /sys/kernel/tracing:
 * available_filter_functions (every traceable function) and
 * set_ftrace_filter (those trace_ops traces), by name or glob
 * (Linux: kernel/trace/ftrace.c, ftrace_regex_*; lib/glob.c).
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracefs.h>
#include "internal.h"

/*
 * Does str match pat, where '*' matches any run of characters and '?' any
 * one? On a mismatch after a '*', retry with the '*' taking one more
 * character: linear in practice for the patterns people write.
 */
static bool glob_match(const char *pat, const char *str)
{
	const char *star = NULL, *resume = NULL;

	while (*str) {
		if (*pat == '*') {
			star = ++pat;
			resume = str;
		} else if (*pat == '?' || *pat == *str) {
			pat++;
			str++;
		} else if (star) {
			pat = star;
			str = ++resume;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

/* The function name of a site, as available_filter_functions prints it, without " [module]". */
static void site_name(unsigned long ip, char *buf, size_t size)
{
	char *space;

	snprintf(buf, size, "%ps", (void *)ip);
	space = strchr(buf, ' ');
	if (space)
		*space = 0;
}

/* ---- available_filter_functions ---- */

/* ftrace_lock from start to stop: a module's records go when it is unloaded. */
static void *functions_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&ftrace_lock);
	return ftrace_rec_at(*pos);
}

static void *functions_next(struct seq_file *m, void *v, loff_t *pos)
{
	return ftrace_rec_at(++*pos);
}

static void functions_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&ftrace_lock);
}

/* "name", or "name [module]" for a module's function, as in Linux. */
static int functions_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%ps\n", (void *)((struct dyn_ftrace *)v)->ip);
	return 0;
}

static const struct seq_operations functions_seq_ops = {
	.start = functions_start,
	.next = functions_next,
	.stop = functions_stop,
	.show = functions_show,
};

static int functions_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &functions_seq_ops);
}

static const struct file_operations available_filter_functions_fops = {
	.open = functions_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
};

/* ---- set_ftrace_filter ---- */

static int filter_show(struct seq_file *m, void *v)
{
	const struct ftrace_hash *hash;
	unsigned int i;

	mutex_lock(&ftrace_lock);
	hash = trace_ops.filter_hash;
	if (!hash || !hash->count)
		seq_puts(m, "#### all functions enabled ####\n");
	for (i = 0; hash && i < hash->count; i++)
		if (hash->ips[i])	/* 0: a function of a module that is gone */
			seq_printf(m, "%ps\n", (void *)hash->ips[i]);
	mutex_unlock(&ftrace_lock);
	return 0;
}

/*
 * A writer's state: opened with O_TRUNC (`>`), the first write replaces
 * the filter, or close empties it if nothing was written; with O_APPEND
 * (`>>`) writes add to it. [Linux: ftrace_regex_open(), which applies
 * the edited copy at close instead]
 */
struct filter_writer {
	bool reset;
};

static int filter_open(struct inode *inode, struct file *file)
{
	struct filter_writer *w;

	if ((file->f_mode & FMODE_READ) && (file->f_mode & FMODE_WRITE))
		return -EINVAL;
	if (file->f_mode & FMODE_READ)
		return single_open(file, filter_show, NULL);
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->reset = file->f_flags & O_TRUNC;
	file->private_data = w;
	return 0;
}

/*
 * One word: a glob to add, or "!glob" to remove. Return: 0, or -EINVAL
 * when it matches no traceable function (Linux: same), or what
 * ftrace_set_filter_ips() says.
 */
static int filter_apply(struct filter_writer *w, const char *word)
{
	unsigned long i, n = 0, nr = ftrace_nr_records(), *ips;
	bool remove = word[0] == '!';
	char name[KSYM_NAME_LEN];
	int err = 0;

	ips = kmalloc_array(nr ? nr : 1, sizeof(*ips), GFP_KERNEL);
	if (!ips)
		return -ENOMEM;
	/*
	 * Linux also takes ":mod:<module>" here; a module's functions match
	 * by name alone. A module unloaded before the filter is set makes its
	 * ips unknown: -EINVAL from ftrace_set_filter_ips(), as for a typo.
	 */
	mutex_lock(&ftrace_lock);
	for (i = 0; i < nr && ftrace_rec_at(i); i++) {
		unsigned long ip = ftrace_rec_at(i)->ip;

		site_name(ip, name, sizeof(name));
		if (glob_match(word + remove, name))
			ips[n++] = ip;
	}
	mutex_unlock(&ftrace_lock);
	if (!n)
		err = -EINVAL;
	else if (!remove)
		err = ftrace_set_filter_ips(&trace_ops, ips, n, 0, w->reset);
	else if (w->reset)
		err = ftrace_set_filter_ips(&trace_ops, NULL, 0, 0, 1);
	else
		for (i = 0; i < n; i++)		/* -ENOENT: not in the filter, nothing to do */
			ftrace_set_filter_ip(&trace_ops, ips[i], 1, 0);
	if (!err)
		w->reset = false;
	kfree(ips);
	return err;
}

static ssize_t filter_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct filter_writer *w = file->private_data;
	char *text, *word, *cursor;
	int err = 0;

	text = kmalloc(count + 1, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	memcpy(text, buf, count);
	text[count] = 0;
	for (cursor = text; !err && *cursor;) {
		while (isspace(*cursor))
			cursor++;
		for (word = cursor; *cursor && !isspace(*cursor); cursor++)
			;
		if (*cursor)
			*cursor++ = 0;
		if (*word)
			err = filter_apply(w, word);
	}
	kfree(text);
	return err ? err : (ssize_t)count;
}

static int filter_release(struct inode *inode, struct file *file)
{
	struct filter_writer *w = file->private_data;

	if (file->f_mode & FMODE_READ)
		return single_release(inode, file);
	if (w->reset)
		ftrace_set_filter_ips(&trace_ops, NULL, 0, 0, 1);
	kfree(w);
	return 0;
}

static const struct file_operations set_ftrace_filter_fops = {
	.open = filter_open,
	.read = seq_read,
	.write = filter_write,
	.llseek = seq_lseek,
	.release = filter_release,
};

int ftrace_init_tracefs(void)
{
	if (!tracefs_create_file("available_filter_functions", 0444, NULL, NULL,
				 &available_filter_functions_fops) ||
	    !tracefs_create_file("set_ftrace_filter", 0644, NULL, NULL, &set_ftrace_filter_fops))
		return -ENOMEM;
	return 0;
}
