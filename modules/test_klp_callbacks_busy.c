// SPDX-License-Identifier: MIT
/*
 * A busy target for the callback selftests (Linux:
 * test_klp_callbacks_busy). Its init queues busymod_work_func(), which
 * test_klp_callbacks_demo replaces. With block_transition=Y the work item
 * stays inside that function (sleeping 20 ms at a time) until the module
 * is removed or the parameter is cleared, so a kworker keeps the old
 * function on its stack and the patch's transition cannot complete.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static bool block_transition;
module_param(block_transition, bool, 0644);
MODULE_PARM_DESC(block_transition, "block_transition (default=false)");

static void busymod_work_func(struct work_struct *work);
static DECLARE_WORK(busymod_work, busymod_work_func);
static DECLARE_COMPLETION(busymod_entered);

static noinline void busymod_work_func(struct work_struct *work)
{
	pr_info("%s enter\n", __func__);
	complete(&busymod_entered);
	/* Sleep in here, not in a helper: this frame is what blocks the switch. */
	while (READ_ONCE(block_transition))
		msleep(20);
	pr_info("%s exit\n", __func__);
}

static int test_klp_callbacks_busy_init(void)
{
	pr_info("%s\n", __func__);
	schedule_work(&busymod_work);
	/* "enter" is logged before init returns ... */
	wait_for_completion(&busymod_entered);
	/* ... and, if the work does not block, "exit" too: a fixed order. */
	if (!block_transition)
		flush_work(&busymod_work);
	return 0;
}

static void test_klp_callbacks_busy_exit(void)
{
	WRITE_ONCE(block_transition, false);
	flush_work(&busymod_work);
	pr_info("%s\n", __func__);
}

module_init(test_klp_callbacks_busy_init);
module_exit(test_klp_callbacks_busy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Livepatch test: target module whose work item can stall a transition");
