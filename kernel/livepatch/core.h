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

static inline bool klp_is_object_loaded(struct klp_object *obj)
{
	return !obj->name || obj->mod;
}

#endif
