// SPDX-License-Identifier: MIT
/*
 * A second callbacks patch (Linux: test_klp_callbacks_demo2): the kernel
 * object only, no functions, all four callbacks. With replace=1 it is an
 * atomic-replace patch: it takes over from test_klp_callbacks_demo,
 * whose unpatch callbacks then never run.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>

static int replace;
module_param(replace, int, 0644);
MODULE_PARM_DESC(replace, "replace (default=0)");

static const char *const module_state[] = {
	[MODULE_STATE_LIVE] = "[MODULE_STATE_LIVE] Normal state",
	[MODULE_STATE_COMING] = "[MODULE_STATE_COMING] Full formed, running module_init",
	[MODULE_STATE_GOING] = "[MODULE_STATE_GOING] Going away",
	[MODULE_STATE_UNFORMED] = "[MODULE_STATE_UNFORMED] Still setting it up",
};

/* The same lines as test_klp_callbacks_demo, under this module's name. */
static void callback_info(const char *callback, struct klp_object *obj)
{
	if (obj->mod)
		pr_info("%s: %s -> %s\n", callback, obj->mod->name, module_state[obj->mod->state]);
	else
		pr_info("%s: vmlinux\n", callback);
}

static int pre_patch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
	return 0;
}

static void post_patch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
}

static void pre_unpatch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
}

static void post_unpatch_callback(struct klp_object *obj)
{
	callback_info(__func__, obj);
}

static struct klp_func no_funcs[] = {
	{}
};

static struct klp_object objs[] = {
	{
		.name = NULL,
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

static struct klp_patch patch = {
	.mod = THIS_MODULE,
	.objs = objs,
};

static int test_klp_callbacks_demo2_init(void)
{
	patch.replace = replace;
	return klp_enable_patch(&patch);
}

static void test_klp_callbacks_demo2_exit(void)
{
}

module_init(test_klp_callbacks_demo2_init);
module_exit(test_klp_callbacks_demo2_exit);
MODULE_LICENSE("GPL");
MODULE_INFO(livepatch, "Y");
MODULE_DESCRIPTION("Livepatch test: (un)patch callbacks, second patch");
