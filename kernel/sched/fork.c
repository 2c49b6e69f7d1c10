// SPDX-License-Identifier: MIT
/* Creating and destroying tasks (Linux: kernel/fork.c, kernel/exit.c). */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mm.h>
#include <scion/process.h>
#include <scion/sched.h>
#include <arch.h>
#include "sched.h"

/* The kernel stack: THREAD_SIZE bytes, the lowest page a guard where the arch can. */
static int alloc_stack(struct task_struct *p)
{
	unsigned long base = __get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	if (!base)
		return -ENOMEM;
	p->stack = (void *)base;
	p->stack_lo = base + PAGE_SIZE;
	p->stack_hi = base + THREAD_SIZE;
	arch_set_page_guard((void *)base, true);
	return 0;
}

static void free_stack(struct task_struct *p)
{
	if (!p->stack)
		return;
	arch_set_page_guard(p->stack, false);
	free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	p->stack = NULL;
}

/*
 * A new task, child of current, not yet runnable. Everything inherited
 * from the parent goes through here. [Linux: copy_process()]
 */
struct task_struct *sched_copy_process(const char *name, unsigned int flags)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long irq;

	if (!p)
		return NULL;
	if (alloc_stack(p)) {
		kfree(p);
		return NULL;
	}
	strscpy(p->comm, name, sizeof(p->comm));
	p->flags = flags;
	p->usage = 1;			/* dropped when it has run for the last time */
	p->__state = TASK_UNINTERRUPTIBLE;	/* until the first wake_up_process() */
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->run_list);
	p->parent = current;
	klp_copy_process(p);

	local_irq_save(irq);
	p->pid = sched_alloc_pid();
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &task_list);
	local_irq_restore(irq);
	return p;
}

struct task_struct *create_kernel_task(int (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = sched_copy_process(name, PF_KTHREAD);

	if (p)
		arch_thread_init(p, fn, arg);
	return p;
}

/* First code of every new task, on its own stack, interrupts still off. */
void schedule_tail(struct task_struct *prev)
{
	__preempt_count = 0;
	finish_task_switch(prev);
	local_irq_enable();
}

/*
 * The task has switched away for the last time (finish_task_switch,
 * interrupts off): its stack can go. A process stays listed as a zombie
 * until its parent reaps it (release_task()); a kernel thread goes now.
 */
void sched_task_dead(struct task_struct *p)
{
	free_stack(p);
	if (p->exit_state == EXIT_ZOMBIE) {
		WRITE_ONCE(p->__state, EXIT_ZOMBIE);
		exit_zombie_done(p);
		return;
	}
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	put_task_struct(p);
}

void release_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	local_irq_restore(flags);
	put_task_struct(p);
}

void sched_free_task(struct task_struct *p)
{
	WARN_ON(p->stack);
	kfree(p->kthread);
	kfree(p);
}

/* Undo sched_copy_process() for a task that never ran (a failed fork). */
void do_exit_unstarted(struct task_struct *p)
{
	struct mm_struct *mm = p->mm;

	p->mm = NULL;
	mm_free(mm);
	files_release(p);
	WRITE_ONCE(p->__state, TASK_DEAD);
	sched_task_dead(p);
}

/* Make parent the parent of p (kernel threads belong to pid 0, not to whoever started them). */
void sched_set_parent(struct task_struct *p, struct task_struct *parent)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del(&p->sibling);
	p->parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	local_irq_restore(flags);
}
