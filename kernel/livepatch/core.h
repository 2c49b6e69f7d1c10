/* SPDX-License-Identifier: MIT */
/* Private to kernel/livepatch: the core's shared state (Linux: kernel/livepatch/core.h). */
#ifndef _LIVEPATCH_CORE_H
#define _LIVEPATCH_CORE_H

#include <linux/livepatch.h>
#include <linux/mutex.h>

/*
 * Protects klp_patches, every klp_* structure and the transition state.
 * Not taken by the ftrace handler, klp_update_patch_state() or the idle
 * loop, which rely on the barriers documented where they read.
 */
extern struct mutex klp_mutex;
extern struct list_head klp_patches;

#define klp_for_each_patch(patch) list_for_each_entry(patch, &klp_patches, list)

void klp_free_patch_async(struct klp_patch *patch);
int __klp_disable_patch(struct klp_patch *patch);
void klp_init_func_early(struct klp_object *obj, struct klp_func *func);
void klp_init_object_early(struct klp_patch *patch, struct klp_object *obj);
/* Address of name (sympos-th of that name) in objname; Linux's messages on failure. */
int klp_find_object_symbol(const char *objname, const char *name, unsigned long sympos,
			   unsigned long *addr);
/* reloc.c: .klp.rela sections of the patch module for obj. */
int klp_apply_object_relocs(struct klp_patch *patch, struct klp_object *obj);
void klp_clear_object_relocs(struct klp_patch *patch, struct klp_object *obj);
/* replace.c: atomic replace. */
int klp_add_nops(struct klp_patch *patch);
void klp_unpatch_replaced_patches(struct klp_patch *new_patch);
void klp_discard_nops(struct klp_patch *new_patch);
void klp_free_replaced_patches_async(struct klp_patch *new_patch);

/* A module object (not vmlinux)? */
static inline bool klp_is_module(struct klp_object *obj)
{
	return obj->name;
}

static inline bool klp_is_object_loaded(struct klp_object *obj)
{
	return !obj->name || obj->mod;
}

/*
 * (Un)patch callbacks [Linux 4.15]: pre_patch may refuse; post_unpatch
 * runs only for objects whose pre_patch ran (and succeeded).
 */
static inline int klp_pre_patch_callback(struct klp_object *obj)
{
	int ret = 0;

	if (obj->callbacks.pre_patch)
		ret = (*obj->callbacks.pre_patch)(obj);
	obj->callbacks.post_unpatch_enabled = !ret;
	return ret;
}

static inline void klp_post_patch_callback(struct klp_object *obj)
{
	if (obj->callbacks.post_patch)
		(*obj->callbacks.post_patch)(obj);
}

static inline void klp_pre_unpatch_callback(struct klp_object *obj)
{
	if (obj->callbacks.pre_unpatch)
		(*obj->callbacks.pre_unpatch)(obj);
}

static inline void klp_post_unpatch_callback(struct klp_object *obj)
{
	if (obj->callbacks.post_unpatch_enabled && obj->callbacks.post_unpatch)
		(*obj->callbacks.post_unpatch)(obj);
	obj->callbacks.post_unpatch_enabled = false;
}

#endif
