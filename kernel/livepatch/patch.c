// SPDX-License-Identifier: MIT
/*
 * Redirecting calls: one ftrace_ops per patched function, whose handler
 * sends every call to the right version (Linux: kernel/livepatch/patch.c).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/ftrace.h>
#include <linux/livepatch.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include "core.h"
#include "patch.h"
#include "transition.h"

static LIST_HEAD(klp_ops_list);

struct klp_ops *klp_find_ops(void *old_func)
{
	struct klp_ops *ops;
	struct klp_func *func;

	list_for_each_entry(ops, &klp_ops_list, node) {
		func = list_first_entry(&ops->func_stack, struct klp_func, stack_node);
		if (func->old_func == old_func)
			return ops;
	}
	return NULL;
}

/*
 * Runs at the entry of every patched function, from the ftrace trampoline,
 * with preemption off. Picks the version the calling task must run and
 * makes the trampoline resume there.
 */
static notrace void klp_ftrace_handler(unsigned long ip, unsigned long parent_ip,
				       struct ftrace_ops *fops, struct ftrace_regs *fregs)
{
	struct klp_ops *ops = container_of(fops, struct klp_ops, fops);
	struct klp_func *func;
	int patch_state;
	int bit;

	bit = ftrace_test_recursion_trylock(ip, parent_ip);
	if (WARN_ON_ONCE(bit < 0))
		return;

	func = list_first_entry_or_null(&ops->func_stack, struct klp_func, stack_node);
	/* Nothing on the stack: the ops is being torn down; run the original. */
	if (WARN_ON_ONCE(!func))
		goto unlock;

	/*
	 * Pairs with the smp_wmb() in __klp_enable_patch() / klp_patch_func:
	 * a func that is on the stack is seen with its transition flag as
	 * set before it was added, so a task never runs a new function that
	 * is still unknown to the consistency model.
	 */
	smp_rmb();

	if (unlikely(func->transition)) {
		/*
		 * Pairs with the smp_wmb() in klp_init_transition(): when the
		 * transition flag is seen, so is every task's initial
		 * patch_state (never KLP_TRANSITION_IDLE here).
		 */
		smp_rmb();
		patch_state = current->patch_state;
		WARN_ON_ONCE(patch_state == KLP_TRANSITION_IDLE);

		if (patch_state == KLP_TRANSITION_UNPATCHED) {
			/*
			 * This task has not switched yet: it runs what was in
			 * force before func, i.e. the next one on the stack,
			 * or the original function when there is none.
			 */
			func = list_entry(func->stack_node.next, struct klp_func, stack_node);
			if (&func->stack_node == &ops->func_stack)
				goto unlock;
		}
	}

	/* A nop (atomic replace) means "the original": resume unchanged. */
	if (func->nop)
		goto unlock;

	ftrace_regs_set_instruction_pointer(fregs, (unsigned long)func->new_func);
unlock:
	ftrace_test_recursion_unlock(bit);
}

static void klp_unpatch_func(struct klp_func *func)
{
	struct klp_ops *ops;

	if (WARN_ON(!func->patched) || WARN_ON(!func->old_func))
		return;
	ops = klp_find_ops(func->old_func);
	if (WARN_ON(!ops))
		return;

	if (list_is_singular(&ops->func_stack)) {
		unsigned long ftrace_loc = ftrace_location((unsigned long)func->old_func);

		WARN_ON(unregister_ftrace_function(&ops->fops));
		WARN_ON(ftrace_set_filter_ip(&ops->fops, ftrace_loc, 1, 0));
		list_del(&func->stack_node);
		list_del(&ops->node);
		kfree(ops);
	} else {
		list_del(&func->stack_node);
	}
	func->patched = false;
}

void klp_unpatch_func_public(struct klp_func *func)
{
	klp_unpatch_func(func);
}

static int klp_patch_func(struct klp_func *func)
{
	struct klp_ops *ops;
	int ret;

	if (WARN_ON(!func->old_func) || WARN_ON(func->patched))
		return -EINVAL;

	ops = klp_find_ops(func->old_func);
	if (!ops) {
		unsigned long ftrace_loc = ftrace_location((unsigned long)func->old_func);

		if (!ftrace_loc) {
			pr_err("failed to find location for function '%s'\n", func->old_name);
			return -EINVAL;
		}
		ops = kzalloc(sizeof(*ops), GFP_KERNEL);
		if (!ops)
			return -ENOMEM;
		ops->fops.func = klp_ftrace_handler;
		ops->fops.flags = FTRACE_OPS_FL_DYNAMIC | FTRACE_OPS_FL_SAVE_REGS |
				  FTRACE_OPS_FL_IPMODIFY;
		INIT_LIST_HEAD(&ops->func_stack);
		list_add_rcu(&func->stack_node, &ops->func_stack);

		ret = ftrace_set_filter_ip(&ops->fops, ftrace_loc, 0, 0);
		if (ret) {
			pr_err("failed to set ftrace filter for function '%s' (%d)\n",
			       func->old_name, ret);
			goto err;
		}
		ret = register_ftrace_function(&ops->fops);
		if (ret) {
			pr_err("failed to register ftrace handler for function '%s' (%d)\n",
			       func->old_name, ret);
			ftrace_set_filter_ip(&ops->fops, ftrace_loc, 1, 0);
			goto err;
		}
		list_add(&ops->node, &klp_ops_list);
	} else {
		/* Another patch replaces this function already: stack on top. */
		list_add_rcu(&func->stack_node, &ops->func_stack);
	}
	func->patched = true;
	return 0;
err:
	list_del_rcu(&func->stack_node);
	kfree(ops);
	return ret;
}

void klp_unpatch_object(struct klp_object *obj)
{
	struct klp_func *func;

	klp_for_each_func(obj, func)
		if (func->patched)
			klp_unpatch_func(func);
	obj->patched = false;
}

int klp_patch_object(struct klp_object *obj)
{
	struct klp_func *func;
	int ret;

	if (WARN_ON(obj->patched))
		return -EINVAL;
	klp_for_each_func(obj, func) {
		ret = klp_patch_func(func);
		if (ret) {
			klp_unpatch_object(obj);
			return ret;
		}
	}
	obj->patched = true;
	return 0;
}

void klp_unpatch_objects(struct klp_patch *patch)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj)
		if (obj->patched)
			klp_unpatch_object(obj);
}
