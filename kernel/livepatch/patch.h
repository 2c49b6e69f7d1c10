/* SPDX-License-Identifier: MIT */
/* Private to kernel/livepatch: the per-function redirection (Linux: kernel/livepatch/patch.h). */
#ifndef _LIVEPATCH_PATCH_H
#define _LIVEPATCH_PATCH_H

#include <linux/livepatch.h>
#include <linux/list.h>
#include <linux/ftrace.h>

/*
 * One per original function, however many patches replace it: the single
 * ftrace_ops (IPMODIFY allows only one per function) and the stack of
 * replacements, the most recently enabled first.
 */
struct klp_ops {
	struct list_head node;		/* in klp_ops_list */
	struct list_head func_stack;	/* klp_func.stack_node; first = active */
	struct ftrace_ops fops;
};

struct klp_ops *klp_find_ops(void *old_func);

int klp_patch_object(struct klp_object *obj);
void klp_unpatch_object(struct klp_object *obj);
void klp_unpatch_objects(struct klp_patch *patch);
/* Take one func off its stack (atomic replace discards nops this way). */
void klp_unpatch_func_public(struct klp_func *func);

#endif
