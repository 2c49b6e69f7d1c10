// SPDX-License-Identifier: MIT
/*
 * System states: what a patch changes beyond its functions (a setting, a
 * data layout, shadow variables) named by an id and versioned, so that
 * patches loaded later know what they must keep (Linux:
 * kernel/livepatch/state.c, 5.5; Documentation/livepatch/system-state.rst).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/livepatch.h>
#include "core.h"
#include "state.h"
#include "transition.h"

/**
 * klp_get_state() - a patch's entry for a system state
 * @patch: the patch, typically the caller's own
 * @id:    the state
 *
 * Return: the entry of patch->states with this id, or NULL.
 */
struct klp_state *klp_get_state(struct klp_patch *patch, unsigned long id)
{
	struct klp_state *state;

	klp_for_each_state(patch, state)
		if (state->id == id)
			return state;
	return NULL;
}
EXPORT_SYMBOL_GPL(klp_get_state);

/**
 * klp_get_prev_state() - the state as the patches before this transition left it
 * @id: the state
 *
 * For the callbacks of the patch in transition: the entry for @id of the
 * most recently installed patch before it (klp_patches is in the order
 * the patches were enabled), so that the new patch can take the state
 * over (say, the old patch's @data) instead of setting it up again.
 *
 * Context: klp_mutex held, a transition in progress.
 * Return: that entry, or NULL if no earlier patch has the state (or, with
 * a WARN, outside a transition).
 */
struct klp_state *klp_get_prev_state(unsigned long id)
{
	struct klp_patch *patch;
	struct klp_state *state, *last_state = NULL;

	if (WARN_ON_ONCE(!klp_transition_patch))
		return NULL;

	klp_for_each_patch(patch) {
		if (patch == klp_transition_patch)
			break;
		state = klp_get_state(patch, id);
		if (state)
			last_state = state;
	}
	return last_state;
}
EXPORT_SYMBOL_GPL(klp_get_prev_state);

/*
 * May patch come after the patch that has old_state? Only with the same
 * or a newer version of it. A patch without it at all may be added on
 * top (the state stays as the older patch set it), but may not replace
 * that patch: the state would be left without its owner.
 */
static bool klp_is_state_compatible(struct klp_patch *patch, struct klp_state *old_state)
{
	struct klp_state *state = klp_get_state(patch, old_state->id);

	if (!state)
		return !patch->replace;
	return state->version >= old_state->version;
}

bool klp_is_patch_compatible(struct klp_patch *patch)
{
	struct klp_patch *old_patch;
	struct klp_state *old_state;

	klp_for_each_patch(old_patch)
		klp_for_each_state(old_patch, old_state)
			if (!klp_is_state_compatible(patch, old_state))
				return false;
	return true;
}
