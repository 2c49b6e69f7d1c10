// SPDX-License-Identifier: MIT
/* ktest suites for the scheduler: kthreads, preemption, wait queues, completions, workqueue, fork hook. */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <scion/ktest.h>
#include <scion/sched.h>

static volatile unsigned long spin_count;
static volatile bool spin_stop;

static int sleeper_fn(void *arg)
{
	unsigned long *n = arg;

	while (!kthread_should_stop()) {
		(*n)++;
		msleep(1);
	}
	return 42;
}

static void test_kthread_stop(struct ktest *t)
{
	unsigned long n = 0;
	struct task_struct *k = kthread_run(sleeper_fn, &n, "ktest-sleeper");

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_TRUE(t, k->pid > 1);
	KTEST_EXPECT_STREQ(t, k->comm, "ktest-sleeper");
	msleep(50);
	KTEST_EXPECT_TRUE(t, n > 0);
	KTEST_EXPECT_EQ(t, kthread_stop(k), 42);
	KTEST_EXPECT_TRUE(t, find_task_by_pid(k->pid) == NULL);
}

static int spinner_fn(void *arg)
{
	while (!READ_ONCE(spin_stop))
		spin_count++;
	return 0;
}

/*
 * Neither side ever sleeps or yields: both make progress only if the
 * tick preempts each in turn.
 */
static void test_preemption(struct ktest *t)
{
	struct task_struct *k;
	unsigned long start = jiffies, seen = 0;

	spin_count = 0;
	spin_stop = false;
	k = kthread_run(spinner_fn, NULL, "ktest-spinner");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	while (jiffies - start < 100 && !seen)
		seen = spin_count;
	KTEST_EXPECT_TRUE(t, seen > 0);
	KTEST_EXPECT_TRUE(t, k->nivcsw > 0);
	spin_stop = true;
	kthread_stop(k);
}

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static volatile int wq_flag;
static DECLARE_COMPLETION(wq_done);

static int waiter_fn(void *arg)
{
	wait_event(test_wq, wq_flag == 1);
	complete(&wq_done);
	return 0;
}

static void test_waitqueue(struct ktest *t)
{
	struct task_struct *k = kthread_run(waiter_fn, NULL, "ktest-waiter");

	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	msleep(20);
	KTEST_EXPECT_EQ(t, task_state_char(k), 'D');
	KTEST_EXPECT_FALSE(t, completion_done(&wq_done));
	wq_flag = 2;			/* wrong value: the waiter must go back to sleep */
	wake_up(&test_wq);
	msleep(20);
	KTEST_EXPECT_FALSE(t, completion_done(&wq_done));
	wq_flag = 1;
	wake_up(&test_wq);
	KTEST_EXPECT_NE(t, wait_for_completion_timeout(&wq_done, HZ), 0);
	wq_flag = 0;
}

static void test_msleep_and_timeout(struct ktest *t)
{
	unsigned long start = jiffies;
	DECLARE_COMPLETION(never);

	msleep(30);
	KTEST_EXPECT_TRUE(t, jiffies - start >= 3);
	start = jiffies;
	KTEST_EXPECT_EQ(t, wait_for_completion_timeout(&never, 5), 0);
	KTEST_EXPECT_TRUE(t, jiffies - start >= 5);
}

static const struct ktest_case sched_cases[] = {
	KTEST_CASE(test_kthread_stop),
	KTEST_CASE(test_preemption),
	KTEST_CASE(test_waitqueue),
	KTEST_CASE(test_msleep_and_timeout),
	{}
};
KTEST_SUITE(sched_core, sched_cases);

struct order_work {
	struct work_struct work;
	int id;
};

static int order_log[8], order_len;

static void order_fn(struct work_struct *work)
{
	struct order_work *w = container_of(work, struct order_work, work);

	order_log[order_len++] = w->id;
}

static void test_work_order(struct ktest *t)
{
	struct order_work w[5];
	int i;

	order_len = 0;
	/* No switch to a worker while queueing: every item is still pending below. */
	preempt_disable();
	for (i = 0; i < 5; i++) {
		INIT_WORK(&w[i].work, order_fn);
		w[i].id = i;
		KTEST_EXPECT_TRUE(t, schedule_work(&w[i].work));
	}
	KTEST_EXPECT_FALSE(t, schedule_work(&w[4].work));	/* already pending */
	preempt_enable();
	for (i = 0; i < 5; i++)
		flush_work(&w[i].work);
	KTEST_EXPECT_EQ(t, order_len, 5);
	for (i = 0; i < 5; i++)
		KTEST_EXPECT_EQ(t, order_log[i], i);
}

static unsigned long delayed_ran_at;

static void delayed_fn(struct work_struct *work)
{
	delayed_ran_at = jiffies;
}

static void test_delayed_work(struct ktest *t)
{
	DECLARE_DELAYED_WORK(dw, delayed_fn);
	unsigned long start = jiffies;

	delayed_ran_at = 0;
	KTEST_EXPECT_TRUE(t, schedule_delayed_work(&dw, 10));
	KTEST_EXPECT_TRUE(t, delayed_work_pending(&dw));
	msleep(200);
	KTEST_EXPECT_TRUE(t, delayed_ran_at >= start + 10);
	/* Cancelled before it fires: never runs. */
	delayed_ran_at = 0;
	schedule_delayed_work(&dw, 10);
	KTEST_EXPECT_TRUE(t, cancel_delayed_work_sync(&dw));
	msleep(150);
	KTEST_EXPECT_EQ(t, delayed_ran_at, 0);
}

static struct delayed_work rearming_dw;
static DECLARE_COMPLETION(rearming_entered);
static int rearming_runs;

/* A periodic work item, as livepatch-shadow-mod's: it arms its own timer again. */
static void rearming_fn(struct work_struct *work)
{
	if (++rearming_runs == 1) {
		complete(&rearming_entered);
		msleep(50);	/* the cancel below starts meanwhile */
	}
	schedule_delayed_work(&rearming_dw, 1);
}

/*
 * cancel_delayed_work_sync() of a periodic work while it runs: when it
 * returns, the work must not be armed again (its module may be gone next).
 */
static void test_cancel_rearming_work(struct ktest *t)
{
	int runs;

	rearming_runs = 0;
	INIT_DELAYED_WORK(&rearming_dw, rearming_fn);
	schedule_delayed_work(&rearming_dw, 0);
	wait_for_completion(&rearming_entered);
	cancel_delayed_work_sync(&rearming_dw);
	runs = rearming_runs;
	KTEST_EXPECT_EQ(t, runs, 1);
	KTEST_EXPECT_FALSE(t, delayed_work_pending(&rearming_dw));
	msleep(100);
	KTEST_EXPECT_EQ(t, rearming_runs, runs);
	reinit_completion(&rearming_entered);
}

static DECLARE_COMPLETION(block_release);
static volatile bool blocker_started, other_ran;

static void blocker_fn(struct work_struct *work)
{
	blocker_started = true;
	wait_for_completion(&block_release);
}

static void other_fn(struct work_struct *work)
{
	other_ran = true;
}

/* A work item that sleeps must not hold up the next one. */
static void test_work_blocked(struct ktest *t)
{
	DECLARE_WORK(blocker, blocker_fn);
	DECLARE_WORK(other, other_fn);

	blocker_started = other_ran = false;
	schedule_work(&blocker);
	msleep(20);
	KTEST_EXPECT_TRUE(t, blocker_started);
	schedule_work(&other);
	msleep(50);
	KTEST_EXPECT_TRUE(t, other_ran);
	complete(&block_release);
	flush_work(&blocker);
	reinit_completion(&block_release);
}

static const struct ktest_case wq_cases[] = {
	KTEST_CASE(test_work_order),
	KTEST_CASE(test_delayed_work),
	KTEST_CASE(test_cancel_rearming_work),
	KTEST_CASE(test_work_blocked),
	{}
};
KTEST_SUITE(sched_workqueue, wq_cases);

static int inherit_fn(void *arg)
{
	return 0;
}

/* The fork hook: a child starts in its parent's livepatch state. */
static void test_fork_inherits_patch_state(struct ktest *t)
{
	struct task_struct *k;
	int saved = current->patch_state;

	current->patch_state = KLP_TRANSITION_UNPATCHED;
	set_thread_flag(TIF_PATCH_PENDING);
	k = kthread_create(inherit_fn, NULL, "ktest-child");
	current->patch_state = saved;
	clear_thread_flag(TIF_PATCH_PENDING);
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	KTEST_EXPECT_EQ(t, k->patch_state, KLP_TRANSITION_UNPATCHED);
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(k, TIF_PATCH_PENDING));
	KTEST_EXPECT_TRUE(t, k->parent == &init_task);
	clear_tsk_thread_flag(k, TIF_PATCH_PENDING);
	kthread_stop(k);
}

static const struct ktest_case fork_cases[] = {
	KTEST_CASE(test_fork_inherits_patch_state),
	{}
};
KTEST_SUITE(sched_fork, fork_cases);

static DEFINE_MUTEX(test_mutex);
static volatile int mutex_holders, mutex_max_holders, mutex_rounds;

static int mutex_fn(void *arg)
{
	int i;

	for (i = 0; i < 20; i++) {
		mutex_lock(&test_mutex);
		if (++mutex_holders > mutex_max_holders)
			mutex_max_holders = mutex_holders;
		msleep(1);			/* sleep holding it: others must wait */
		mutex_holders--;
		mutex_rounds++;
		mutex_unlock(&test_mutex);
	}
	/* Wait for kthread_stop(): a thread that exits first may be freed under it. */
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_mutex_excludes(struct ktest *t)
{
	struct task_struct *k[3];
	int i;

	mutex_holders = mutex_max_holders = mutex_rounds = 0;
	for (i = 0; i < 3; i++)
		k[i] = kthread_run(mutex_fn, NULL, "ktest-mutex%d", i);
	for (i = 0; i < 3; i++)
		kthread_stop(k[i]);
	KTEST_EXPECT_EQ(t, mutex_rounds, 60);
	KTEST_EXPECT_EQ(t, mutex_max_holders, 1);
	KTEST_EXPECT_TRUE(t, mutex_trylock(&test_mutex));
	KTEST_EXPECT_FALSE(t, mutex_trylock(&test_mutex));
	mutex_unlock(&test_mutex);
	KTEST_EXPECT_FALSE(t, mutex_is_locked(&test_mutex));
}

static const struct ktest_case mutex_cases[] = {
	KTEST_CASE(test_mutex_excludes),
	{}
};
KTEST_SUITE(sched_mutex, mutex_cases);
