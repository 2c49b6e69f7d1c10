// SPDX-License-Identifier: MIT
/*
 * Livepatch transitions: the per-task consistency model (Linux:
 * kernel/livepatch/transition.c). Every task runs entirely the old code or
 * entirely the new: it switches when it is known not to be inside any
 * function being changed — on its way out to user mode, in the idle loop,
 * or when a reliable stack trace of it (asleep) shows none of them.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/workqueue.h>
#include <scion/sched.h>
#include "core.h"
#include "patch.h"
#include "transition.h"

#define MAX_STACK_ENTRIES 100

struct klp_patch *klp_transition_patch;
/* KLP_TRANSITION_IDLE when no transition runs, else its target state. */
int klp_target_state = KLP_TRANSITION_IDLE;
static unsigned int klp_signals_cnt;
static unsigned long klp_stack_entries[MAX_STACK_ENTRIES];

#ifdef CONFIG_KLP_SKIP_STACK_CHECK
bool klp_unsafe_skip_stack_check = true;
#else
bool klp_unsafe_skip_stack_check;
#endif

static void klp_transition_work_fn(struct work_struct *work)
{
	mutex_lock(&klp_mutex);
	if (klp_transition_patch)
		klp_try_complete_transition();
	mutex_unlock(&klp_mutex);
}
static DECLARE_DELAYED_WORK(klp_transition_work, klp_transition_work_fn);

static void klp_sync(struct work_struct *work)
{
}

/*
 * Wait until no task can still be in the ftrace handler with an old view
 * of func_stack or func->transition: the handler runs with preemption
 * off, so once a work item has run on the CPU, every such section ended.
 * [Linux: schedule_on_each_cpu(klp_sync)]
 */
static void klp_synchronize_transition(void)
{
	schedule_on_each_cpu(klp_sync);
}

static void klp_complete_transition(void)
{
	struct klp_object *obj;
	struct klp_func *func;
	struct task_struct *task;

	pr_debug("'%s': completing %s transition\n", klp_transition_patch->mod->name,
		 klp_target_state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching");

	if (klp_transition_patch->replace && klp_target_state == KLP_TRANSITION_PATCHED) {
		/* Everyone runs the replacement: the old patches and the nops can go. */
		klp_unpatch_replaced_patches(klp_transition_patch);
		klp_discard_nops(klp_transition_patch);
	}

	if (klp_target_state == KLP_TRANSITION_UNPATCHED) {
		/* Every task runs the previous versions: take ours off the stacks. */
		klp_unpatch_objects(klp_transition_patch);
		/* No task may still see the removed funcs in the handler. */
		klp_synchronize_transition();
	}

	klp_for_each_object(klp_transition_patch, obj)
		klp_for_each_func(obj, func)
			func->transition = false;

	/* The handler must never see patch_state IDLE with transition set. */
	if (klp_target_state == KLP_TRANSITION_PATCHED)
		klp_synchronize_transition();

	local_irq_disable();
	for_each_process(task) {
		WARN_ON_ONCE(test_tsk_thread_flag(task, TIF_PATCH_PENDING));
		task->patch_state = KLP_TRANSITION_IDLE;
	}
	WARN_ON_ONCE(test_tsk_thread_flag(&init_task, TIF_PATCH_PENDING));
	init_task.patch_state = KLP_TRANSITION_IDLE;
	local_irq_enable();

	klp_for_each_object(klp_transition_patch, obj) {
		if (!klp_is_object_loaded(obj))
			continue;
		if (klp_target_state == KLP_TRANSITION_PATCHED)
			klp_post_patch_callback(obj);
		else if (klp_target_state == KLP_TRANSITION_UNPATCHED)
			klp_post_unpatch_callback(obj);
	}

	pr_notice("'%s': %s complete\n", klp_transition_patch->mod->name,
		  klp_target_state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching");

	klp_target_state = KLP_TRANSITION_IDLE;
	klp_transition_patch = NULL;
}

/* Undo a transition that was initialized but never started (an enable failed). */
void klp_cancel_transition(void)
{
	if (WARN_ON_ONCE(klp_target_state != KLP_TRANSITION_PATCHED))
		return;
	pr_debug("'%s': canceling patching transition, going to unpatch\n",
		 klp_transition_patch->mod->name);
	klp_target_state = KLP_TRANSITION_UNPATCHED;
	klp_complete_transition();
}

notrace void klp_update_patch_state(struct task_struct *task)
{
	/*
	 * The test_and_clear is a full barrier: it pairs with the smp_wmb()
	 * between writing klp_target_state and setting the flags in
	 * klp_init_transition() / klp_reverse_transition(), so whoever sees
	 * the flag also sees the target.
	 */
	preempt_disable_notrace();
	if (test_and_clear_tsk_thread_flag(task, TIF_PATCH_PENDING))
		task->patch_state = READ_ONCE(klp_target_state);
	preempt_enable_notrace();
}

/* Is any return address in entries inside the code func's change affects? */
static int klp_check_stack_func(struct klp_func *func, unsigned long *entries, unsigned int nr)
{
	unsigned long func_addr, func_size, address;
	struct klp_ops *ops;
	unsigned int i;

	if (klp_target_state == KLP_TRANSITION_UNPATCHED) {
		/* Unpatching: the task must not be in the new function. */
		func_addr = (unsigned long)func->new_func;
		func_size = func->new_size;
	} else {
		/* Patching: not in what it runs now, the original or the previous patch's. */
		ops = klp_find_ops(func->old_func);
		if (list_is_singular(&ops->func_stack)) {
			func_addr = (unsigned long)func->old_func;
			func_size = func->old_size;
		} else {
			struct klp_func *prev = list_next_entry(func, stack_node);

			func_addr = (unsigned long)prev->new_func;
			func_size = prev->new_size;
		}
	}
	for (i = 0; i < nr; i++) {
		address = entries[i];
		if (address >= func_addr && address < func_addr + func_size)
			return -EAGAIN;
	}
	return 0;
}

/* 0 if task's stack contains no function of the transition patch. */
static int klp_check_stack(struct task_struct *task, const char **oldname)
{
	struct klp_object *obj;
	struct klp_func *func;
	int ret, nr;

	nr = stack_trace_save_tsk_reliable(task, klp_stack_entries, MAX_STACK_ENTRIES);
	if (nr < 0)
		return -EINVAL;
	if (klp_unsafe_skip_stack_check)
		return 0;
	klp_for_each_object(klp_transition_patch, obj) {
		if (!obj->patched)
			continue;
		klp_for_each_func(obj, func) {
			ret = klp_check_stack_func(func, klp_stack_entries, nr);
			if (ret) {
				*oldname = func->old_name;
				return -EADDRINUSE;
			}
		}
	}
	return 0;
}

/*
 * Try to switch task to the target state. True if it is there (now or
 * already). Context: klp_mutex held. [Linux: klp_try_switch_task]
 */
static bool klp_try_switch_task(struct task_struct *task)
{
	const char *old_name = NULL;
	unsigned long flags;
	int ret;

	if (task->patch_state == klp_target_state)
		return true;
	if (task->exit_state || READ_ONCE(task->__state) == TASK_DEAD)
		return true;		/* it will never run again */

	/* Nothing else runs while we look: the task cannot move under us. */
	local_irq_save(flags);
	ret = klp_check_stack(task, &old_name);
	if (!ret) {
		clear_tsk_thread_flag(task, TIF_PATCH_PENDING);
		task->patch_state = klp_target_state;
	}
	local_irq_restore(flags);

	switch (ret) {
	case 0:
		break;
	case -EINVAL:
		pr_debug("%s: %s:%d has an unreliable stack\n", __func__, task->comm, task->pid);
		break;
	case -EADDRINUSE:
		pr_debug("%s: %s:%d is sleeping on function %s\n", __func__, task->comm, task->pid,
			 old_name);
		break;
	default:
		pr_debug("%s: Unknown error code (%d) when trying to switch %s:%d\n", __func__, ret,
			 task->comm, task->pid);
		break;
	}
	return !ret;
}

void __klp_sched_try_switch(void)
{
	/*
	 * With preemption off no other task runs, so the transition cannot
	 * complete or start under us (that takes klp_mutex in another task).
	 */
	preempt_disable();
	if (klp_patch_pending(current) && klp_transition_patch)
		klp_try_switch_task(current);
	preempt_enable_no_resched();
}

/*
 * Send a fake signal to every task still pending: user tasks leave their
 * sleep and pass the exit-to-user path (their system call restarts);
 * interruptible kernel threads wake and may then pass the stack check.
 */
static void klp_send_signals(void)
{
	struct task_struct *task;

	if (klp_signals_cnt == KLP_SIGNALS_RETRIES)
		pr_notice("signaling remaining tasks\n");
	local_irq_disable();
	for_each_process(task) {
		if (!klp_patch_pending(task))
			continue;
		if (task->flags & PF_KTHREAD)
			wake_up_state(task, TASK_INTERRUPTIBLE);
		else
			set_notify_signal(task);
	}
	local_irq_enable();
}

void klp_try_complete_transition(void)
{
	struct klp_patch *patch;
	struct task_struct *task;
	bool complete = true;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);

	/*
	 * Try every task. A running task (current) switches itself on its
	 * way back to user mode; here only the caller (a kworker or the
	 * writer of `enabled`) is running, and it is not in a patched
	 * function at this point.
	 */
	for_each_process(task)
		if (!klp_try_switch_task(task))
			complete = false;
	/* The idle task switches itself in its loop; try it here too. */
	if (!klp_try_switch_task(&init_task))
		complete = false;

	if (!complete) {
		if (klp_signals_cnt && !(klp_signals_cnt % KLP_SIGNALS_RETRIES))
			klp_send_signals();
		klp_signals_cnt++;
		schedule_delayed_work(&klp_transition_work, KLP_RETRY_TICKS);
		return;
	}

	patch = klp_transition_patch;
	klp_complete_transition();

	/* A disabled patch is gone: free it outside of its own sysfs store. */
	if (!patch->enabled)
		klp_free_patch_async(patch);
	else if (patch->replace)
		klp_free_replaced_patches_async(patch);
}

void klp_start_transition(void)
{
	struct task_struct *task;

	WARN_ON_ONCE(klp_target_state == KLP_TRANSITION_IDLE);
	pr_notice("'%s': starting %s transition\n", klp_transition_patch->mod->name,
		  klp_target_state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching");

	/* Mark every task that must switch; they do it themselves or we find them. */
	local_irq_disable();
	for_each_process(task)
		if (task->patch_state != klp_target_state)
			set_tsk_thread_flag(task, TIF_PATCH_PENDING);
	if (init_task.patch_state != klp_target_state)
		set_tsk_thread_flag(&init_task, TIF_PATCH_PENDING);
	local_irq_enable();
	klp_signals_cnt = 0;
}

void klp_init_transition(struct klp_patch *patch, int state)
{
	struct task_struct *task;
	struct klp_object *obj;
	struct klp_func *func;
	int initial_state = !state;

	WARN_ON_ONCE(klp_target_state != KLP_TRANSITION_IDLE);
	klp_transition_patch = patch;
	/* Written before any TIF_PATCH_PENDING is set (klp_start_transition). */
	klp_target_state = state;
	pr_debug("'%s': initializing %s transition\n", patch->mod->name,
		 state == KLP_TRANSITION_PATCHED ? "patching" : "unpatching");

	/* Every task starts in the initial state: nobody has switched yet. */
	local_irq_disable();
	for_each_process(task) {
		WARN_ON_ONCE(task->patch_state != KLP_TRANSITION_IDLE);
		task->patch_state = initial_state;
	}
	WARN_ON_ONCE(init_task.patch_state != KLP_TRANSITION_IDLE);
	init_task.patch_state = initial_state;
	local_irq_enable();

	/*
	 * Pairs with the smp_rmb() in klp_ftrace_handler(): a handler that
	 * sees func->transition also sees the patch_state written above.
	 * It also orders klp_target_state before the flags that
	 * klp_start_transition() sets (klp_update_patch_state's barrier).
	 */
	smp_wmb();

	klp_for_each_object(patch, obj)
		klp_for_each_func(obj, func)
			func->transition = true;
}

void klp_reverse_transition(void)
{
	struct task_struct *task;

	pr_debug("'%s': reversing transition from %s\n", klp_transition_patch->mod->name,
		 klp_target_state == KLP_TRANSITION_PATCHED ? "patching to unpatching" :
							      "unpatching to patching");

	/* Nobody may switch towards the old target while we flip it. */
	local_irq_disable();
	for_each_process(task)
		clear_tsk_thread_flag(task, TIF_PATCH_PENDING);
	clear_tsk_thread_flag(&init_task, TIF_PATCH_PENDING);
	local_irq_enable();
	klp_synchronize_transition();

	klp_transition_patch->enabled = !klp_transition_patch->enabled;
	klp_target_state = !klp_target_state;
	/* The new target is visible before any flag set by klp_start_transition(). */
	smp_wmb();
	klp_start_transition();
}

void klp_copy_process(struct task_struct *child)
{
	child->patch_state = current->patch_state;
	if (test_tsk_thread_flag(current, TIF_PATCH_PENDING))
		set_tsk_thread_flag(child, TIF_PATCH_PENDING);
	else
		clear_tsk_thread_flag(child, TIF_PATCH_PENDING);
}

/*
 * Switch every remaining task, whatever its stack: consistency is no
 * longer guaranteed, so the modules involved can never be removed.
 */
void klp_force_transition(void)
{
	struct task_struct *task;

	pr_warn("forcing remaining tasks to the patched state\n");
	local_irq_disable();
	for_each_process(task)
		klp_update_patch_state(task);
	klp_update_patch_state(&init_task);
	local_irq_enable();
	if (klp_target_state == KLP_TRANSITION_UNPATCHED) {
		klp_transition_patch->forced = true;
	} else if (klp_transition_patch->replace) {
		struct klp_patch *patch;

		/* The replaced patches may still run somewhere: pin them too. */
		klp_for_each_patch(patch)
			if (patch != klp_transition_patch)
				patch->forced = true;
	}
}
