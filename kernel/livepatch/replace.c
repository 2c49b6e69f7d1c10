// SPDX-License-Identifier: MIT
/*
 * Atomic replace [Linux 5.1]: a patch with .replace set takes over every
 * function the patches in force change, through nop functions that run
 * the original, and the patches it replaces step aside once its
 * transition completes (Linux: kernel/livepatch/core.c, the nop and
 * replaced-patch helpers).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/livepatch.h>
#include <linux/slab.h>
#include "core.h"
#include "patch.h"

static struct klp_object *klp_find_object(struct klp_patch *patch, struct klp_object *old_obj)
{
	struct klp_object *obj;

	klp_for_each_object(patch, obj) {
		if (klp_is_module(old_obj) != klp_is_module(obj))
			continue;
		if (!klp_is_module(old_obj) || !strcmp(old_obj->name, obj->name))
			return obj;
	}
	return NULL;
}

/* The same function: same name, same position (0 and 1 both mean the first). */
static struct klp_func *klp_find_func(struct klp_object *obj, struct klp_func *old_func)
{
	struct klp_func *func;

	klp_for_each_func(obj, func) {
		if (strcmp(old_func->old_name, func->old_name))
			continue;
		if (old_func->old_sympos == func->old_sympos ||
		    (old_func->old_sympos <= 1 && func->old_sympos <= 1))
			return func;
	}
	return NULL;
}

static struct klp_object *klp_alloc_object_dynamic(struct klp_patch *patch, const char *name)
{
	struct klp_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	if (name) {
		obj->name = kstrdup(name, GFP_KERNEL);
		if (!obj->name) {
			kfree(obj);
			return NULL;
		}
	}
	klp_init_object_early(patch, obj);
	obj->dynamic = true;
	return obj;
}

static struct klp_func *klp_alloc_func_nop(struct klp_object *obj, struct klp_func *old_func)
{
	struct klp_func *func = kzalloc(sizeof(*func), GFP_KERNEL);

	if (!func)
		return NULL;
	func->old_name = kstrdup(old_func->old_name, GFP_KERNEL);
	if (!func->old_name) {
		kfree(func);
		return NULL;
	}
	klp_init_func_early(obj, func);
	/* new_func becomes old_func once the object is loaded: "run the original". */
	func->old_sympos = old_func->old_sympos;
	func->nop = true;
	return func;
}

/*
 * A replace patch takes over every function any patch in force changes:
 * those it does not replace itself get a nop, which runs the original.
 */
int klp_add_nops(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_object *old_obj, *obj;
	struct klp_func *old_func;

	klp_for_each_patch(old_patch) {
		klp_for_each_object(old_patch, old_obj) {
			obj = klp_find_object(patch, old_obj);
			if (!obj)
				obj = klp_alloc_object_dynamic(patch, old_obj->name);
			if (!obj)
				return -ENOMEM;
			klp_for_each_func(old_obj, old_func) {
				if (klp_find_func(obj, old_func))
					continue;
				if (!klp_alloc_func_nop(obj, old_func))
					return -ENOMEM;
			}
		}
	}
	return 0;
}

/* Called when a replace patch's transition completed: the old ones step aside. */
void klp_unpatch_replaced_patches(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch;

	klp_for_each_patch(old_patch) {
		if (old_patch == new_patch)
			return;
		old_patch->enabled = false;
		klp_unpatch_objects(old_patch);
	}
}

/* The nops did their job (every task runs the original there): remove them. */
void klp_discard_nops(struct klp_patch *new_patch)
{
	struct klp_object *obj, *tmp_obj;
	struct klp_func *func, *tmp_func;

	list_for_each_entry_safe(obj, tmp_obj, &new_patch->obj_list, node) {
		list_for_each_entry_safe(func, tmp_func, &obj->func_list, node) {
			if (!func->nop)
				continue;
			if (func->patched)
				klp_unpatch_func_public(func);
			list_del(&func->node);
			kobject_put(&func->kobj);
		}
		if (obj->dynamic) {
			obj->patched = false;
			list_del(&obj->node);
			kobject_put(&obj->kobj);
		}
	}
}

/* After the replace completed: free the patches it replaced, as if disabled. */
void klp_free_replaced_patches_async(struct klp_patch *new_patch)
{
	struct klp_patch *old_patch, *tmp;

	list_for_each_entry_safe(old_patch, tmp, &klp_patches, list) {
		if (old_patch == new_patch)
			return;
		klp_free_patch_async(old_patch);
	}
}
