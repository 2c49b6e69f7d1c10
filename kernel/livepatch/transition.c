// SPDX-License-Identifier: MIT
/*
 * Livepatch transitions: the per-task consistency model (Linux:
 * kernel/livepatch/transition.c). This file starts with the two hooks the
 * rest of the kernel calls; the transition machinery joins them here.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/sched.h>

/* KLP_TRANSITION_IDLE when no transition runs, else its target state. */
int klp_target_state = KLP_TRANSITION_IDLE;

/*
 * Called on the way out to user mode, in the idle loop, and for tasks that
 * pass the stack check. The test_and_clear of TIF_PATCH_PENDING is a full
 * barrier: it pairs with the write barrier placed between the write of
 * klp_target_state and the setting of the flags when a transition starts
 * or reverses, so a task that sees its flag also sees the target.
 */
notrace void klp_update_patch_state(struct task_struct *task)
{
	preempt_disable_notrace();
	if (test_and_clear_tsk_thread_flag(task, TIF_PATCH_PENDING))
		task->patch_state = READ_ONCE(klp_target_state);
	preempt_enable_notrace();
}

/* The child runs the same code as its parent until it switches on its own. */
void klp_copy_process(struct task_struct *child)
{
	child->patch_state = current->patch_state;
	if (test_tsk_thread_flag(current, TIF_PATCH_PENDING))
		set_tsk_thread_flag(child, TIF_PATCH_PENDING);
	else
		clear_tsk_thread_flag(child, TIF_PATCH_PENDING);
}
