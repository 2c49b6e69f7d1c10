// SPDX-License-Identifier: MIT
/*
 * ktest suite for signals on a real user process: a fake signal or an
 * ignored signal wakes a process asleep in nanosleep, which goes through
 * the exit-to-user path and back to sleep (its system call restarted);
 * a fatal signal ends it with the right wait status.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <scion/ktest.h>
#include <scion/process.h>

/* Start /bin/sleeper and wait until it sleeps in nanosleep; 0 on failure. */
static pid_t start_sleeper(struct ktest *t)
{
	static const char *const argv[] = { "sleeper", "1000", NULL };
	pid_t pid = spawn_user_process("/bin/sleeper", argv, 0);
	struct task_struct *p;
	int i;

	if (pid < 0) {
		ktest_fail(t, __FILE__, __LINE__, "spawn: %d", pid);
		return 0;
	}
	for (i = 0; i < 200; i++) {
		p = find_task_by_pid(pid);
		if (p && task_state_char(p) == 'S' && p->sleep_deadline)
			return pid;
		msleep(10);
	}
	ktest_fail(t, __FILE__, __LINE__, "sleeper %d never went to sleep", pid);
	return 0;
}

static int kill_and_reap(pid_t pid, int sig)
{
	int status = 0;

	kill_pid(pid, sig);
	kernel_wait4(pid, &status, 0, false);
	return status;
}

/* Wake it with fn, then check it went back to sleep rather than dying or returning. */
static void check_restarted(struct ktest *t, pid_t pid, void (*fn)(struct task_struct *))
{
	unsigned long before_work = exit_work_count[TIF_SIGPENDING], switches;
	struct task_struct *p = find_task_by_pid(pid);
	int i;

	KTEST_ASSERT_TRUE(t, p != NULL);
	switches = p->nvcsw;
	fn(p);
	for (i = 0; i < 100 && p->nvcsw == switches; i++)
		msleep(10);
	KTEST_EXPECT_TRUE(t, p->nvcsw > switches);		/* it woke and slept again */
	KTEST_EXPECT_TRUE(t, exit_work_count[TIF_SIGPENDING] > before_work);
	KTEST_EXPECT_EQ(t, task_state_char(p), 'S');
	KTEST_EXPECT_TRUE(t, p->sleep_deadline != 0);		/* same nanosleep, same deadline */
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(p, TIF_NOTIFY_SIGNAL));
}

static void fake_signal(struct task_struct *p)
{
	set_notify_signal(p);
}

static void sigcont(struct task_struct *p)
{
	send_sig(SIGCONT, p);
}

static void test_fake_signal_restarts_syscall(struct ktest *t)
{
	pid_t pid = start_sleeper(t);

	if (!pid)
		return;
	check_restarted(t, pid, fake_signal);
	KTEST_EXPECT_EQ(t, WTERMSIG(kill_and_reap(pid, SIGKILL)), SIGKILL);
}

static void test_ignored_signal_restarts_syscall(struct ktest *t)
{
	pid_t pid = start_sleeper(t);

	if (!pid)
		return;
	check_restarted(t, pid, sigcont);
	KTEST_EXPECT_EQ(t, WTERMSIG(kill_and_reap(pid, SIGKILL)), SIGKILL);
}

static void test_fatal_signal_status(struct ktest *t)
{
	pid_t pid = start_sleeper(t);

	if (!pid)
		return;
	KTEST_EXPECT_EQ(t, WTERMSIG(kill_and_reap(pid, SIGTERM)), SIGTERM);
	KTEST_EXPECT_TRUE(t, find_task_by_pid(pid) == NULL);
}

static void test_kthreads_take_no_signals(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, send_sig(SIGKILL, current), -EPERM);
	KTEST_EXPECT_EQ(t, kill_pid(999999, SIGTERM), -ESRCH);
	KTEST_EXPECT_EQ(t, signal_from_name("SIGKILL"), SIGKILL);
	KTEST_EXPECT_EQ(t, signal_from_name("TERM"), SIGTERM);
	KTEST_EXPECT_EQ(t, signal_from_name("NOPE"), -EINVAL);
}

static const struct ktest_case signal_cases[] = {
	KTEST_CASE(test_fake_signal_restarts_syscall),
	KTEST_CASE(test_ignored_signal_restarts_syscall),
	KTEST_CASE(test_fatal_signal_status),
	KTEST_CASE(test_kthreads_take_no_signals),
	{}
};
KTEST_SUITE(signal_delivery, signal_cases);
