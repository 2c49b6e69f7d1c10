/* SPDX-License-Identifier: MIT */
/*
 * Livepatch (kernel/livepatch/; Linux: include/linux/livepatch.h). For now
 * the per-task hooks the scheduler and entry code call; the patch API
 * arrives with the livepatch core.
 */
#ifndef _LINUX_LIVEPATCH_H
#define _LINUX_LIVEPATCH_H

#include <linux/sched.h>

static inline bool klp_patch_pending(struct task_struct *task)
{
	return test_tsk_thread_flag(task, TIF_PATCH_PENDING);
}

struct module;

/*
 * Called by the module loader, directly as in Linux (kernel/module/main.c):
 * coming when a module is COMING, before the notifier chain and its init
 * (a non-zero errno refuses the module); going when it is GOING, after
 * its exit or after a failed load. Patches that target the module are
 * applied and reverted here.
 */
int klp_module_coming(struct module *mod);
void klp_module_going(struct module *mod);

/* Switch task (current, or one not running) to the transition's target state. */
void klp_update_patch_state(struct task_struct *task);
/* fork: the child starts in its parent's patch state. */
void klp_copy_process(struct task_struct *child);

#endif
