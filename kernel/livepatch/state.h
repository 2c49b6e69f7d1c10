/* SPDX-License-Identifier: MIT */
/* Private to kernel/livepatch: system states (Linux: kernel/livepatch/state.h). */
#ifndef _LIVEPATCH_STATE_H
#define _LIVEPATCH_STATE_H

#include <linux/livepatch.h>

#define klp_for_each_state(patch, state) \
	for (state = (patch)->states; state && state->id; state++)

/*
 * May patch be installed next to the patches in klp_patches? Not if one
 * of them has a state that patch has in an older version, nor, when patch
 * replaces them all, one that patch does not have. Caller holds klp_mutex.
 */
bool klp_is_patch_compatible(struct klp_patch *patch);

#endif
