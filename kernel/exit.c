// SPDX-License-Identifier: MIT
/* Task exit, zombies and wait4 (Linux: kernel/exit.c). */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <scion/process.h>
#include <arch.h>
#include "sched/sched.h"

#define WNOHANG 1

/* Parents sleep here in wait4; every exit wakes them all to look. */
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wait);

void kthread_exit_notify(struct task_struct *p, long code);

/* Hand the children of p to init (pid 1), as Linux reparents orphans. */
static void reparent_children(struct task_struct *p)
{
	struct task_struct *init = find_task_by_pid(1), *child, *next;

	if (!init || init == p)
		return;
	list_for_each_entry_safe(child, next, &p->children, sibling) {
		list_del(&child->sibling);
		child->parent = init;
		list_add_tail(&child->sibling, &init->children);
	}
}

void do_exit(long code)
{
	struct task_struct *p = current;
	struct mm_struct *mm = p->mm;
	unsigned long flags;

	if (WARN_ON(p == idle_task))
		arch_halt();
	p->flags |= PF_EXITING;
	p->exit_code = code;
	if (p->kthread)
		kthread_exit_notify(p, code);
	if (mm) {
		files_release(p);
		p->mm = NULL;
		arch_mm_activate(NULL);
		mm_free(mm);
	}
	local_irq_save(flags);
	reparent_children(p);
	if (!(p->flags & PF_KTHREAD)) {
		p->exit_state = EXIT_ZOMBIE;
		/* SIGCHLD to a process parent (ignored by default; wakes an interruptible sleep). */
		if (p->parent && !(p->parent->flags & PF_KTHREAD))
			send_sig(SIGCHLD, p->parent);
	}
	local_irq_restore(flags);

	local_irq_disable();
	WRITE_ONCE(p->__state, TASK_DEAD);
	schedule();
	panic("dead task %s/%d ran again", p->comm, p->pid);
}

/* p is a zombie now (off its stack for good): let the parent reap it. Interrupts off. */
void exit_zombie_done(struct task_struct *p)
{
	wake_up_all(&child_exit_wait);
}

/* A zombie child of current matching pid (-1: any), or NULL; *any says whether pid matches a child at all. */
static struct task_struct *find_zombie(pid_t pid, bool *any)
{
	struct task_struct *child;

	*any = false;
	list_for_each_entry(child, &current->children, sibling) {
		if (pid > 0 && child->pid != pid)
			continue;
		*any = true;
		if (READ_ONCE(child->__state) == EXIT_ZOMBIE)
			return child;
	}
	return NULL;
}

long kernel_wait4(pid_t pid, int *status, int options, bool interruptible)
{
	struct task_struct *zombie = NULL;
	unsigned long flags;
	bool any;
	pid_t ret;
	int err;

	if (pid == 0 || pid < -1)
		return -EINVAL;
	for (;;) {
		local_irq_save(flags);
		zombie = find_zombie(pid, &any);
		local_irq_restore(flags);
		if (zombie || !any || (options & WNOHANG))
			break;
		if (interruptible) {
			err = wait_event_interruptible(child_exit_wait,
						       (zombie = find_zombie(pid, &any)) || !any);
			if (err)
				return err;
		} else {
			wait_event(child_exit_wait, (zombie = find_zombie(pid, &any)) || !any);
		}
	}
	if (!zombie)
		return any ? 0 : -ECHILD;
	ret = zombie->pid;
	if (status)
		*status = zombie->exit_code;
	release_task(zombie);
	return ret;
}
