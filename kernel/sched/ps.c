// SPDX-License-Identifier: MIT
/* The `ps` shell command: one line per task. */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <scion/shell.h>

struct ps_row {
	pid_t pid, ppid;
	char state;
	unsigned long ti_flags;
	unsigned int flags;
	int patch_state;
	unsigned long cpu_ms;
	char comm[TASK_COMM_LEN];
};

static void fill(struct ps_row *r, const struct task_struct *p)
{
	r->pid = p->pid;
	r->ppid = p->parent ? p->parent->pid : 0;
	r->state = task_state_char(p);
	r->ti_flags = p->ti_flags;
	r->flags = p->flags;
	r->patch_state = p->patch_state;
	r->cpu_ms = p->sum_exec_ns / 1000000;
	memcpy(r->comm, p->comm, TASK_COMM_LEN);
}

static void print_row(const struct ps_row *r)
{
	bool kthread = r->flags & PF_KTHREAD;

	/* Kernel threads in brackets, as Linux's ps shows them. */
	shell_printf("%5d %5d %c  %08lx %3d %7lu  %s%s%s\n", r->pid, r->ppid, r->state, r->ti_flags,
		     r->patch_state, r->cpu_ms, kthread ? "[" : "", r->comm, kthread ? "]" : "");
}

static int cmd_ps(int argc, char **argv)
{
	static struct ps_row rows[512];
	struct task_struct *p;
	unsigned long flags;
	int n = 1, i;

	if (argc != 1)
		return shell_usage(shell_find("ps"));
	/* Snapshot with interrupts off, print afterwards: tasks may exit meanwhile. */
	local_irq_save(flags);
	fill(&rows[0], &init_task);
	for_each_process(p) {
		if (n == (int)ARRAY_SIZE(rows))
			break;
		fill(&rows[n++], p);
	}
	local_irq_restore(flags);
	shell_printf("  PID  PPID S  TIFLAGS  KLP  CPU(ms)  COMMAND\n");
	for (i = 0; i < n; i++)
		print_row(&rows[i]);
	return 0;
}
SHELL_COMMAND("ps", cmd_ps, "ps", "list tasks: pid, parent, state, thread flags, patch state, CPU time, name");
