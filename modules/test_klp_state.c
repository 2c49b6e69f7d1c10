// SPDX-License-Identifier: MIT
/*
 * Selftest patch with a system state (Linux: test_klp_state, run by
 * test-state.sh): its callbacks change console_loglevel, the "system
 * state" CONSOLE_LOGLEVEL_STATE, keeping the old value in the state's
 * data: set up in pre_patch and post_patch, undone in pre_unpatch and
 * post_unpatch. Version 1 knows nothing of other patches.
 *
 * test_klp_state2 and test_klp_state3 are this file at version 2, which
 * takes the change over from the patch it replaces (klp_get_prev_state())
 * instead of making it again, and leaves it to the older patch when it is
 * the one that goes away.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

#define CONSOLE_LOGLEVEL_STATE 1
#ifndef CONSOLE_LOGLEVEL_STATE_VERSION
#define CONSOLE_LOGLEVEL_STATE_VERSION 1
#endif
/* Version 2 and later hand the state over between patches. */
#define MIGRATES (CONSOLE_LOGLEVEL_STATE_VERSION >= 2)

static const char *const module_state[] = {
	[MODULE_STATE_LIVE] = "[MODULE_STATE_LIVE] Normal state",
	[MODULE_STATE_COMING] = "[MODULE_STATE_COMING] Full formed, running module_init",
	[MODULE_STATE_GOING] = "[MODULE_STATE_GOING] Going away",
	[MODULE_STATE_UNFORMED] = "[MODULE_STATE_UNFORMED] Still setting it up",
};

static void callback_info(const char *callback, struct klp_object *obj)
{
	if (obj->mod)
		pr_info("%s: %s -> %s\n", callback, obj->mod->name, module_state[obj->mod->state]);
	else
		pr_info("%s: vmlinux\n", callback);
}

static struct klp_patch patch;

/* The state as the patch before this one left it (during a transition), or NULL. */
static struct klp_state *prev_state(void)
{
	return MIGRATES ? klp_get_prev_state(CONSOLE_LOGLEVEL_STATE) : NULL;
}

/* pre_patch: room for the saved console_loglevel, unless an older patch has it. */
static int allocate_loglevel_state(void)
{
	struct klp_state *state;

	if (prev_state()) {
		pr_info("%s: space to store console_loglevel already allocated\n", __func__);
		return 0;
	}
	state = klp_get_state(&patch, CONSOLE_LOGLEVEL_STATE);
	if (!state)
		return -EINVAL;
	state->data = kzalloc(sizeof(console_loglevel), GFP_KERNEL);
	if (!state->data)
		return -ENOMEM;
	pr_info("%s: allocating space to store console_loglevel\n", __func__);
	return 0;
}

/* post_patch: save console_loglevel and raise it, or adopt the older patch's change. */
static void fix_console_loglevel(void)
{
	struct klp_state *state, *prev;

	state = klp_get_state(&patch, CONSOLE_LOGLEVEL_STATE);
	if (!state)
		return;
	prev = prev_state();
	if (prev) {
		pr_info("%s: taking over the console_loglevel change\n", __func__);
		state->data = prev->data;
		return;
	}
	pr_info("%s: fixing console_loglevel\n", __func__);
	*(int *)state->data = console_loglevel;
	console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

/* pre_unpatch: put console_loglevel back, unless an older patch keeps the change. */
static void restore_console_loglevel(void)
{
	struct klp_state *state;

	if (prev_state()) {
		pr_info("%s: passing the console_loglevel change back to the old livepatch\n",
			__func__);
		return;
	}
	state = klp_get_state(&patch, CONSOLE_LOGLEVEL_STATE);
	if (!state)
		return;
	pr_info("%s: restoring console_loglevel\n", __func__);
	console_loglevel = *(int *)state->data;
}

/* post_unpatch: free the saved value, unless an older patch still owns it. */
static void free_loglevel_state(void)
{
	struct klp_state *state;

	if (prev_state()) {
		pr_info("%s: keeping space to store console_loglevel\n", __func__);
		return;
	}
	state = klp_get_state(&patch, CONSOLE_LOGLEVEL_STATE);
	if (!state)
		return;
	pr_info("%s: freeing space for the stored console_loglevel\n", __func__);
	kfree(state->data);
}

static int pre_patch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
	return allocate_loglevel_state();
}

static void post_patch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
	fix_console_loglevel();
}

static void pre_unpatch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
	restore_console_loglevel();
}

static void post_unpatch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
	free_loglevel_state();
}

static struct klp_func no_funcs[] = {
	{}
};

static struct klp_object objs[] = {
	{
		.name = NULL,	/* vmlinux */
		.funcs = no_funcs,
		.callbacks = {
			.pre_patch = pre_patch_callback,
			.post_patch = post_patch_callback,
			.pre_unpatch = pre_unpatch_callback,
			.post_unpatch = post_unpatch_callback,
		},
	},
	{}
};

static struct klp_state states[] = {
	{ .id = CONSOLE_LOGLEVEL_STATE, .version = CONSOLE_LOGLEVEL_STATE_VERSION },
	{}
};

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
	.states = states,
	.replace = true,
};

static int test_klp_state_init(void)
{
	return klp_enable_patch(&patch);
}

static void test_klp_state_exit(void)
{
}

module_init(test_klp_state_init);
module_exit(test_klp_state_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: system state modification");
