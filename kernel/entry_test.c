// SPDX-License-Identifier: MIT
/* ktest suite for the exit-to-user work loop: each thread-info flag gets its work done, then is clear. */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <scion/ktest.h>
#include <arch.h>

extern int klp_target_state;

/*
 * Set flags, then run the loop on a scratch register frame. Interrupts go
 * off first, as on the real way out: a tick between setting
 * TIF_NEED_RESCHED and the loop would preempt this task and clear it.
 * The loop enables them while it works and returns with them off.
 */
static void run_exit_loop(unsigned long flags)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	local_irq_disable();
	current->ti_flags |= flags;
	exit_to_user_mode(&regs);
	local_irq_enable();
}

static void test_exit_need_resched(struct ktest *t)
{
	unsigned long before = exit_work_count[TIF_NEED_RESCHED];

	run_exit_loop(_TIF_NEED_RESCHED);
	KTEST_EXPECT_FALSE(t, test_thread_flag(TIF_NEED_RESCHED));
	/* At least once: a tick while the loop runs may ask again. */
	KTEST_EXPECT_TRUE(t, exit_work_count[TIF_NEED_RESCHED] >= before + 1);
}

static void test_exit_patch_pending(struct ktest *t)
{
	int saved_target = klp_target_state, saved_state = current->patch_state;

	klp_target_state = KLP_TRANSITION_PATCHED;
	current->patch_state = KLP_TRANSITION_UNPATCHED;
	run_exit_loop(_TIF_PATCH_PENDING);
	KTEST_EXPECT_FALSE(t, klp_patch_pending(current));
	KTEST_EXPECT_EQ(t, current->patch_state, KLP_TRANSITION_PATCHED);
	klp_target_state = saved_target;
	current->patch_state = saved_state;
}

static void test_exit_fake_signal(struct ktest *t)
{
	unsigned long before = exit_work_count[TIF_SIGPENDING];

	run_exit_loop(_TIF_NOTIFY_SIGNAL);
	KTEST_EXPECT_FALSE(t, test_thread_flag(TIF_NOTIFY_SIGNAL));
	KTEST_EXPECT_EQ(t, exit_work_count[TIF_SIGPENDING], before + 1);
}

static void test_exit_notify_resume(struct ktest *t)
{
	run_exit_loop(_TIF_NOTIFY_RESUME);
	KTEST_EXPECT_FALSE(t, test_thread_flag(TIF_NOTIFY_RESUME));
}

/* All at once: one pass of the loop handles every flag. */
static void test_exit_all_flags(struct ktest *t)
{
	int saved_target = klp_target_state, saved_state = current->patch_state;

	klp_target_state = KLP_TRANSITION_UNPATCHED;
	run_exit_loop(_TIF_NEED_RESCHED | _TIF_PATCH_PENDING | _TIF_NOTIFY_SIGNAL |
		      _TIF_NOTIFY_RESUME);
	KTEST_EXPECT_EQ(t, current->ti_flags & (_TIF_NEED_RESCHED | _TIF_PATCH_PENDING |
					      _TIF_NOTIFY_SIGNAL | _TIF_NOTIFY_RESUME), 0);
	KTEST_EXPECT_EQ(t, current->patch_state, KLP_TRANSITION_UNPATCHED);
	klp_target_state = saved_target;
	current->patch_state = saved_state;
}

static const struct ktest_case entry_cases[] = {
	KTEST_CASE(test_exit_need_resched),
	KTEST_CASE(test_exit_patch_pending),
	KTEST_CASE(test_exit_fake_signal),
	KTEST_CASE(test_exit_notify_resume),
	KTEST_CASE(test_exit_all_flags),
	{}
};
KTEST_SUITE(entry_exit_to_user, entry_cases);
