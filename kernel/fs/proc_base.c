// SPDX-License-Identifier: MIT
/*
 * /proc itself and its per-task directories /proc/<pid>/{status,stack,
 * patch_state} (and /proc/self), made on demand from the task list
 * instead of being kept in the tree (Linux: fs/proc/root.c, fs/proc/base.c,
 * fs/proc/array.c).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <linux/seq_file.h>
#include <linux/stacktrace.h>
#include <arch.h>
#include "internal.h"

#define MAX_STACK_TRACE_DEPTH 64	/* Linux: same, for /proc/<pid>/stack */
#define MAX_LISTED_TASKS 1024

struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, void *v);
};

/* What the show functions print, copied with interrupts off: the task can neither run nor exit meanwhile. */
struct task_info {
	pid_t pid, ppid;
	char state;
	bool kthread;
	int patch_state;
	unsigned long nvcsw, nivcsw;
	char comm[TASK_COMM_LEN];
};

static pid_t seq_pid(struct seq_file *m)
{
	return (pid_t)(long)m->private;
}

/* pid 0 (the idle task) has no directory, as in Linux. */
static bool get_task_info(pid_t pid, struct task_info *ti)
{
	struct task_struct *p;
	unsigned long flags;

	local_irq_save(flags);
	p = pid > 0 ? find_task_by_pid(pid) : NULL;
	if (p && ti) {
		ti->pid = p->pid;
		ti->ppid = p->parent ? p->parent->pid : 0;
		ti->state = task_state_char(p);
		ti->kthread = p->flags & PF_KTHREAD;
		ti->patch_state = p->patch_state;
		ti->nvcsw = p->nvcsw;
		ti->nivcsw = p->nivcsw;
		memcpy(ti->comm, p->comm, TASK_COMM_LEN);
		ti->comm[TASK_COMM_LEN - 1] = 0;
	}
	local_irq_restore(flags);
	return p != NULL;
}

static const char *state_name(char state)
{
	switch (state) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 'Z': return "Z (zombie)";
	case 'I': return "I (idle)";
	default: return "X (dead)";
	}
}

static int proc_pid_status(struct seq_file *m, void *v)
{
	struct task_info ti;

	if (!get_task_info(seq_pid(m), &ti))
		return -ESRCH;
	seq_printf(m, "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\nKthread:\t%d\n",
		   ti.comm, state_name(ti.state), ti.pid, ti.pid, ti.ppid, ti.kthread);
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   ti.nvcsw, ti.nivcsw);
	return 0;
}

static int proc_pid_patch_state(struct seq_file *m, void *v)
{
	struct task_info ti;

	if (!get_task_info(seq_pid(m), &ti))
		return -ESRCH;
	seq_printf(m, "%d\n", ti.patch_state);
	return 0;
}

/*
 * The best-effort trace, as Linux prints it: addresses hidden as 0, the
 * symbol after them. [Linux: proc_pid_stack()]
 */
static int proc_pid_stack(struct seq_file *m, void *v)
{
	unsigned long *entries = kmalloc(MAX_STACK_TRACE_DEPTH * sizeof(*entries), GFP_KERNEL);
	unsigned int i, nr = 0;
	struct task_struct *p;
	unsigned long flags;

	if (!entries)
		return -ENOMEM;
	local_irq_save(flags);
	p = find_task_by_pid(seq_pid(m));
	if (p)
		nr = stack_trace_save_tsk(p, entries, MAX_STACK_TRACE_DEPTH, 0);
	local_irq_restore(flags);
	for (i = 0; i < nr; i++)
		seq_printf(m, "[<0>] %pB\n", (void *)entries[i]);
	kfree(entries);
	return p ? 0 : -ESRCH;
}

static const struct pid_entry pid_entries[] = {
	{ "status", S_IFREG | 0444, proc_pid_status },
	{ "stack", S_IFREG | 0400, proc_pid_stack },
	{ "patch_state", S_IFREG | 0400, proc_pid_patch_state },
};

/* ---- /proc/<pid>/<entry> ---- */

static pid_t inode_pid(const struct inode *dir)
{
	return (pid_t)(long)dir->i_private;
}

static int proc_pid_open(struct inode *inode, struct file *file)
{
	const struct pid_entry *e = inode->i_private;

	return single_open(file, e->show, (void *)(long)inode_pid(inode->i_parent));
}

static const struct file_operations proc_pid_file_operations = {
	.open = proc_pid_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct inode *proc_pid_lookup(struct inode *dir, const char *name)
{
	const struct pid_entry *e;
	struct inode *inode;

	for (e = pid_entries; e < pid_entries + ARRAY_SIZE(pid_entries); e++)
		if (!strcmp(e->name, name))
			break;
	if (e == pid_entries + ARRAY_SIZE(pid_entries) || !get_task_info(inode_pid(dir), NULL))
		return ERR_PTR(-ENOENT);
	inode = new_inode(&proc_sb, dir, name, e->mode);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_private = (void *)e;
	inode->i_fop = &proc_pid_file_operations;
	return inode;
}

static int proc_pid_iterate(struct file *file, struct dir_context *ctx)
{
	const struct pid_entry *e;

	if (!dir_emit_dots(file, ctx))
		return 0;
	for (; ctx->pos - 2 < (loff_t)ARRAY_SIZE(pid_entries); ctx->pos++) {
		e = &pid_entries[ctx->pos - 2];
		if (!dir_emit(ctx, e->name, strlen(e->name), 0, DT_REG))
			break;
	}
	return 0;
}

static const struct inode_operations proc_pid_inode_operations = { .lookup = proc_pid_lookup };
static const struct file_operations proc_pid_dir_operations = { .iterate_shared = proc_pid_iterate };

/* ---- /proc: static entries, "self", then one directory per task ---- */

/* A decimal pid as /proc spells it: digits, no sign, no leading zero. */
static bool parse_pid(const char *name, pid_t *pid)
{
	long long v = 0;
	const char *s;

	if (!name[0] || (name[0] == '0' && name[1]))
		return false;
	for (s = name; *s; s++) {
		if (*s < '0' || *s > '9' || v > INT_MAX / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	*pid = v;
	return v <= INT_MAX;
}

static struct inode *proc_root_lookup(struct inode *dir, const char *name)
{
	struct inode *inode;
	pid_t pid;

	if (!strcmp(name, "self"))
		pid = current->pid;
	else if (!parse_pid(name, &pid))
		return ERR_PTR(-ENOENT);
	if (!get_task_info(pid, NULL))
		return ERR_PTR(-ENOENT);
	inode = new_inode(&proc_sb, dir, name, S_IFDIR | 0555);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_private = (void *)(long)pid;
	inode->i_op = &proc_pid_inode_operations;
	inode->i_fop = &proc_pid_dir_operations;
	return inode;
}

static int cmp_pid(const void *a, const void *b)
{
	return *(const pid_t *)a - *(const pid_t *)b;
}

/* After "." "..": static entries at 2.., then "self", then pids in ascending order. */
static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	loff_t base = 2 + inode_nr_children(file_inode(file));
	struct task_struct *p;
	unsigned long flags;
	pid_t *pids;
	int n = 0, i;
	char name[16];

	if (!dir_emit_dots(file, ctx) || !dir_emit_children(file, ctx))
		return 0;
	if (ctx->pos < base)
		ctx->pos = base;	/* static entries removed meanwhile */
	if (ctx->pos == base) {
		if (!dir_emit(ctx, "self", 4, 0, DT_DIR))
			return 0;
		ctx->pos++;
	}
	pids = kmalloc_array(MAX_LISTED_TASKS, sizeof(*pids), GFP_KERNEL);
	if (!pids)
		return -ENOMEM;
	local_irq_save(flags);
	for_each_process(p)
		if (p->pid > 0 && n < MAX_LISTED_TASKS)
			pids[n++] = p->pid;
	local_irq_restore(flags);
	sort(pids, n, sizeof(*pids), cmp_pid, NULL);
	for (i = ctx->pos - base - 1; i < n; i++, ctx->pos++) {
		int len = snprintf(name, sizeof(name), "%d", pids[i]);

		if (!dir_emit(ctx, name, len, 0, DT_DIR))
			break;
	}
	kfree(pids);
	return 0;
}

const struct inode_operations proc_root_inode_operations = { .lookup = proc_root_lookup };
const struct file_operations proc_root_operations = { .iterate_shared = proc_root_iterate };
