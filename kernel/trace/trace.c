// SPDX-License-Identifier: MIT
/*
 * The trace buffer and the tracer files of /sys/kernel/tracing: trace,
 * current_tracer, available_tracers (Linux: kernel/trace/trace.c and
 * kernel/trace/ring_buffer.c, reduced to one CPU and one event type).
 */
#define pr_fmt(fmt) "tracing: " fmt

#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/tracefs.h>
#include <scion/init.h>
#include "internal.h"

/* ---- The buffer: the last trace_buf_entries events, oldest overwritten ---- */

#define TRACE_BUF_DEFAULT_KB 256

/* Serializes tracer changes and resizes of the buffer. [Linux: trace_types_lock] */
static DEFINE_MUTEX(trace_types_lock);

static struct trace_entry *trace_buf;
static unsigned long trace_buf_entries = TRACE_BUF_DEFAULT_KB * 1024 / sizeof(struct trace_entry);
static unsigned long trace_written;	/* events ever added since the last reset */

/*
 * Runs inside callbacks, so it calls nothing traceable (not even
 * memcpy()): what it called would recurse into ftrace and be refused.
 * Interrupts are off while the slot is filled, so an interrupt's events
 * never interleave with ours.
 */
void trace_buffer_add(unsigned long ip, unsigned long parent_ip)
{
	unsigned long flags = arch_local_irq_save();
	struct trace_entry *e;
	int i;

	if (trace_buf) {
		e = &trace_buf[trace_written++ % trace_buf_entries];
		e->ts = arch_clock_ns();
		e->ip = ip;
		e->parent_ip = parent_ip;
		e->pid = current->pid;
		for (i = 0; i < (int)sizeof(e->comm); i++)
			e->comm[i] = current->comm[i];
		e->comm[sizeof(e->comm) - 1] = 0;
		e->irqs_off = arch_irqs_disabled_flags(flags);
		e->need_resched = test_thread_flag(TIF_NEED_RESCHED);
		e->preempt_depth = preempt_count() - 1;	/* less the dispatcher's own */
	}
	arch_local_irq_restore(flags);
}

/*
 * Empty the buffer, giving it entries slots (0: keep the size). A new
 * array replaces the old with interrupts off, while no callback can be
 * writing (they write with interrupts off, on this one CPU).
 */
static int trace_buffer_resize(unsigned long entries)
{
	struct trace_entry *buf = NULL;
	unsigned long flags;

	if (!READ_ONCE(trace_buf) || (entries && entries != trace_buf_entries)) {
		entries = entries ? entries : trace_buf_entries;
		buf = kcalloc(entries, sizeof(*buf), GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	flags = arch_local_irq_save();
	if (buf) {
		struct trace_entry *old = trace_buf;

		trace_buf = buf;
		trace_buf_entries = entries;
		buf = old;
	}
	trace_written = 0;
	arch_local_irq_restore(flags);
	kfree(buf);		/* the old array, if any */
	return 0;
}

int trace_buffer_reset(void)
{
	return trace_buffer_resize(0);
}

/* ---- trace: a copy of the buffer taken at open, so reading shows one instant ---- */

struct trace_snapshot {
	unsigned long written, count;	/* count = entries held, oldest first */
	struct trace_entry entries[];
};

static struct trace_snapshot *trace_snapshot_take(void)
{
	struct trace_snapshot *s;
	unsigned long flags, i, first;

	unsigned long size;

	/* Sized for the buffer now; trace_types_lock keeps a resize out meanwhile. */
	mutex_lock(&trace_types_lock);
	size = trace_buf_entries;
	s = kmalloc(sizeof(*s) + size * sizeof(s->entries[0]), GFP_KERNEL);
	if (!s)
		goto out_unlock;
	flags = arch_local_irq_save();
	s->written = trace_written;
	s->count = trace_buf ? min(trace_written, size) : 0;
	first = trace_written - s->count;
	for (i = 0; i < s->count; i++)
		s->entries[i] = trace_buf[(first + i) % size];
	arch_local_irq_restore(flags);
out_unlock:
	mutex_unlock(&trace_types_lock);
	return s;
}

static void *trace_seq_start(struct seq_file *m, loff_t *pos)
{
	struct trace_snapshot *s = m->private;

	if (!*pos)
		return SEQ_START_TOKEN;
	return *pos <= (loff_t)s->count ? &s->entries[*pos - 1] : NULL;
}

static void *trace_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return trace_seq_start(m, pos);
}

static void trace_seq_stop(struct seq_file *m, void *v)
{
}

/* Linux's header and line format for the function tracer, with the flags we know. */
/*
 * The name of the function at ip alone, without " [module]", as Linux's
 * seq_print_sym() prints it; "0x..." outside every symbol.
 */
static const char *sym_name(unsigned long ip, char *buf)
{
	if (!kallsyms_lookup(ip, NULL, NULL, NULL, buf))
		snprintf(buf, KSYM_NAME_LEN, "0x%lx", ip);
	return buf;
}

static int trace_seq_show(struct seq_file *m, void *v)
{
	struct trace_snapshot *s = m->private;
	char name[KSYM_NAME_LEN], parent[KSYM_NAME_LEN];
	struct trace_entry *e = v;
	unsigned long us;

	if (v == SEQ_START_TOKEN) {
		seq_printf(m, "# tracer: %s\n#\n", function_tracer_enabled() ? "function" : "nop");
		seq_printf(m, "# entries-in-buffer/entries-written: %lu/%lu   #P:1\n#\n",
			   s->count, s->written);
		seq_puts(m, "#                                _---=> irqs-off\n"
			    "#                               / _--=> need-resched\n"
			    "#                              | / _-=> preempt-depth\n"
			    "#           TASK-PID     CPU#  |||  TIMESTAMP  FUNCTION\n"
			    "#              | |         |   |||     |         |\n");
		return 0;
	}
	us = e->ts / 1000;
	seq_printf(m, "%16s-%-7d [000] %c%c%c %5lu.%06lu: %s <-%s\n", e->comm, e->pid,
		   e->irqs_off ? 'd' : '.', e->need_resched ? 'N' : '.',
		   e->preempt_depth ? "0123456789abcdef"[min(e->preempt_depth, 15)] : '.',
		   us / 1000000, us % 1000000, sym_name(e->ip, name), sym_name(e->parent_ip, parent));
	return 0;
}

static const struct seq_operations trace_seq_ops = {
	.start = trace_seq_start,
	.next = trace_seq_next,
	.stop = trace_seq_stop,
	.show = trace_seq_show,
};

/* Reading shows the buffer; opening for writing with O_TRUNC (`echo > trace`) empties it. */
static int trace_open(struct inode *inode, struct file *file)
{
	struct trace_snapshot *s;
	int err;

	if ((file->f_mode & FMODE_WRITE) && (file->f_flags & O_TRUNC)) {
		mutex_lock(&trace_types_lock);
		err = trace_buffer_reset();
		mutex_unlock(&trace_types_lock);
		if (err)
			return err;
	}
	if (!(file->f_mode & FMODE_READ))
		return 0;
	s = trace_snapshot_take();
	if (!s)
		return -ENOMEM;
	err = seq_open(file, &trace_seq_ops);
	if (err) {
		kfree(s);
		return err;
	}
	((struct seq_file *)file->private_data)->private = s;
	return 0;
}

static ssize_t trace_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return count;		/* the truncation at open did the work */
}

static int trace_release(struct inode *inode, struct file *file)
{
	struct seq_file *m = file->private_data;

	if (!m)
		return 0;
	kfree(m->private);
	return seq_release(inode, file);
}

static const struct file_operations trace_fops = {
	.open = trace_open,
	.read = seq_read,
	.write = trace_write,
	.llseek = seq_lseek,
	.release = trace_release,
};

/* ---- current_tracer, available_tracers ---- */

static int current_tracer_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", function_tracer_enabled() ? "function" : "nop");
	return 0;
}

static int current_tracer_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_open(file, current_tracer_show, NULL) : 0;
}

/* "function" or "nop", surrounding blanks ignored; anything else is -EINVAL, as in Linux. */
static ssize_t current_tracer_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	size_t len, total = count;
	char name[16];
	int err = 0;

	while (count && isspace(*buf)) {
		buf++;
		count--;
	}
	for (len = count; len && isspace(buf[len - 1]); len--)
		;
	if (len >= sizeof(name))
		return -EINVAL;
	memcpy(name, buf, len);
	name[len] = 0;
	mutex_lock(&trace_types_lock);
	if (!strcmp(name, "function") && !function_tracer_enabled())
		err = function_tracer_start();
	else if (!strcmp(name, "nop") && function_tracer_enabled())
		function_tracer_stop();
	else if (strcmp(name, "function") && strcmp(name, "nop"))
		err = -EINVAL;
	mutex_unlock(&trace_types_lock);
	return err ? err : (ssize_t)total;
}

/* For files that are single_open() for reading only. */
static int single_release_if_read(struct inode *inode, struct file *file)
{
	return file->private_data ? single_release(inode, file) : 0;
}

static const struct file_operations current_tracer_fops = {
	.open = current_tracer_open,
	.read = seq_read,
	.write = current_tracer_write,
	.llseek = seq_lseek,
	.release = single_release_if_read,
};

static int available_tracers_show(struct seq_file *m, void *v)
{
	seq_puts(m, "function nop\n");
	return 0;
}

static int available_tracers_open(struct inode *inode, struct file *file)
{
	return single_open(file, available_tracers_show, NULL);
}

static const struct file_operations available_tracers_fops = {
	.open = available_tracers_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* ---- buffer_size_kb: the buffer's size; writing one empties it ---- */

static int buffer_size_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%lu\n", trace_buf_entries * sizeof(struct trace_entry) / 1024);
	return 0;
}

static int buffer_size_open(struct inode *inode, struct file *file)
{
	return (file->f_mode & FMODE_READ) ? single_open(file, buffer_size_show, NULL) : 0;
}

/* KiB, at least one entry's worth; -EINVAL for anything but a number. [Linux: same file] */
static ssize_t buffer_size_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	unsigned long kb;
	char text[24];
	int err;

	if (count >= sizeof(text))
		return -EINVAL;
	memcpy(text, buf, count);
	text[count] = 0;
	err = kstrtoul(strim(text), 10, &kb);
	if (err || !kb || kb > 64 * 1024)
		return -EINVAL;
	mutex_lock(&trace_types_lock);
	err = trace_buffer_resize(max(kb * 1024 / sizeof(struct trace_entry), 1UL));
	mutex_unlock(&trace_types_lock);
	return err ? err : (ssize_t)count;
}

static const struct file_operations buffer_size_kb_fops = {
	.open = buffer_size_open,
	.read = seq_read,
	.write = buffer_size_write,
	.llseek = seq_lseek,
	.release = single_release_if_read,
};

/* [Linux: tracer_init_tracefs() and ftrace_init_tracefs()] */
static int tracer_init_tracefs(void)
{
	if (!tracefs_create_file("trace", 0644, NULL, NULL, &trace_fops) ||
	    !tracefs_create_file("current_tracer", 0644, NULL, NULL, &current_tracer_fops) ||
	    !tracefs_create_file("available_tracers", 0444, NULL, NULL, &available_tracers_fops) ||
	    !tracefs_create_file("buffer_size_kb", 0644, NULL, NULL, &buffer_size_kb_fops))
		return -ENOMEM;
	return ftrace_init_tracefs();
}
fs_initcall(tracer_init_tracefs);
