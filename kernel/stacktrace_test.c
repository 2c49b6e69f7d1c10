// SPDX-License-Identifier: MIT
/*
 * ktest suite for the reliable unwinder: tasks asleep in a known call
 * chain, preempted by an interrupt, current, a user process in a system
 * call, and stacks with corrupted frame links.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/wait.h>
#include <scion/ktest.h>
#include <scion/process.h>
#include <arch.h>

#define ST_ENTRIES 64

/* Not inlined, not cloned (.constprop, .isra): each keeps its own frame and name. */
#define st_noinline noinline __attribute__((__noipa__))

static DECLARE_WAIT_QUEUE_HEAD(st_wq);
static unsigned long st_entries[ST_ENTRIES];
static volatile bool st_in_middle;
static volatile unsigned long st_spins;
static volatile bool st_stop;

/* The known chain a sleeping kthread is stopped in: st_thread -> st_outer -> st_middle. */
static st_noinline int st_middle(void)
{
	st_in_middle = true;
	wait_event(st_wq, kthread_should_stop());
	return 1;
}

static st_noinline int st_outer(void)
{
	return st_middle() + 1;
}

static int st_thread(void *unused)
{
	return st_outer() + 1;
}

/*
 * Spins in kernel code without sleeping or calling anything: only an
 * interrupt switches it out, and always with its ip in st_spin.
 */
static st_noinline void st_spin(void)
{
	while (!st_stop)
		st_spins++;
}

static int st_spin_thread(void *unused)
{
	st_spin();
	return 0;
}

/* Index of the first entry that is a return address inside fn (a function or asm symbol), or -1. */
static int find_entry(const unsigned long *entries, int nr, unsigned long fn)
{
	unsigned long size, offset;
	int i;

	if (!fn || !kallsyms_lookup_size_offset(fn, &size, &offset) || offset)
		return -1;
	for (i = 0; i < nr; i++)
		if (entries[i] > fn && entries[i] < fn + size)
			return i;
	return -1;
}

static bool in_entry_text(unsigned long addr)
{
	return addr >= (unsigned long)__entry_text_start && addr < (unsigned long)__entry_text_end;
}

/* Start st_thread and wait until it sleeps in st_middle; NULL on failure. */
static struct task_struct *start_sleeper(struct ktest *t)
{
	struct task_struct *k;
	int i;

	st_in_middle = false;
	k = kthread_run(st_thread, NULL, "st-sleeper");
	if (IS_ERR(k)) {
		ktest_fail(t, __FILE__, __LINE__, "kthread_run: %ld", PTR_ERR(k));
		return NULL;
	}
	for (i = 0; i < 100 && !(st_in_middle && task_state_char(k) == 'D'); i++)
		msleep(1);
	if (task_state_char(k) != 'D') {
		ktest_fail(t, __FILE__, __LINE__, "st-sleeper never went to sleep");
		kthread_stop(k);
		return NULL;
	}
	return k;
}

static void test_reliable_sleeping_kthread(struct ktest *t)
{
	struct task_struct *k = start_sleeper(t);
	int nr, middle;

	if (!k)
		return;
	nr = stack_trace_save_tsk_reliable(k, st_entries, ST_ENTRIES);
	KTEST_EXPECT_TRUE(t, nr > 0);
	middle = find_entry(st_entries, nr, (unsigned long)st_middle);
	KTEST_EXPECT_TRUE(t, middle > 0);	/* after the scheduler's frames */
	KTEST_EXPECT_EQ(t, find_entry(st_entries, nr, (unsigned long)st_outer), middle + 1);
	KTEST_EXPECT_EQ(t, find_entry(st_entries, nr, (unsigned long)st_thread), middle + 2);
	/* It ends at the kthread's first frame, in ret_from_fork. */
	KTEST_EXPECT_EQ(t, find_entry(st_entries, nr, kallsyms_lookup_name("ret_from_fork")), nr - 1);
	/* A buffer one entry short is -E2BIG, never a truncated "reliable" trace. */
	if (nr > 1)
		KTEST_EXPECT_EQ(t, stack_trace_save_tsk_reliable(k, st_entries, nr - 1), -E2BIG);
	kthread_stop(k);
}

static void test_unreliable_preempted_kthread(struct ktest *t)
{
	struct task_struct *k;
	unsigned long flags;
	int i, nr, ret, spin;

	st_spins = 0;
	st_stop = false;
	k = kthread_run(st_spin_thread, NULL, "st-spinner");
	KTEST_ASSERT_TRUE(t, !IS_ERR(k));
	for (i = 0; i < 100 && !(st_spins && k->nivcsw); i++)
		msleep(10);
	local_irq_save(flags);
	KTEST_EXPECT_TRUE(t, k != current);
	KTEST_EXPECT_TRUE(t, k->nivcsw > 0);	/* preempted by the tick ... */
	KTEST_EXPECT_EQ(t, k->nvcsw, 0);	/* ... and never switched out otherwise */
	ret = stack_trace_save_tsk_reliable(k, st_entries, ST_ENTRIES);
	/*
	 * The best-effort walk crosses the interrupt frame: a return into
	 * the entry code, then the interrupted ip in st_spin.
	 */
	nr = stack_trace_save_tsk(k, st_entries, ST_ENTRIES, 0);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(t, ret, -EINVAL);
	spin = find_entry(st_entries, nr, (unsigned long)st_spin);
	KTEST_EXPECT_TRUE(t, spin > 0 && in_entry_text(st_entries[spin - 1]));
	st_stop = true;
	kthread_stop(k);
}

static void test_reliable_current(struct ktest *t)
{
	int nr = stack_trace_save_tsk_reliable(current, st_entries, ST_ENTRIES);

	KTEST_EXPECT_TRUE(t, nr > 0);
	KTEST_EXPECT_TRUE(t, find_entry(st_entries, nr, (unsigned long)test_reliable_current) >= 0);
	KTEST_EXPECT_EQ(t, find_entry(st_entries, nr, kallsyms_lookup_name("ret_from_fork")), nr - 1);
	/* stack_trace_save() skips itself: the first entry is in its caller. */
	nr = stack_trace_save(st_entries, ST_ENTRIES, 0);
	KTEST_EXPECT_EQ(t, find_entry(st_entries, nr, (unsigned long)test_reliable_current), 0);
}

static void test_reliable_user_process_in_syscall(struct ktest *t)
{
	static const char *const argv[] = { "sleeper", NULL };
	pid_t pid = spawn_user_process("/bin/sleeper", argv, 0);
	struct task_struct *p = NULL;
	int i, nr, status;

	KTEST_ASSERT_TRUE(t, pid > 0);
	for (i = 0; i < 200; i++) {
		p = find_task_by_pid(pid);
		if (p && task_state_char(p) == 'S' && p->sleep_deadline)
			break;
		msleep(10);
	}
	KTEST_EXPECT_TRUE(t, p && task_state_char(p) == 'S');
	if (p) {
		nr = stack_trace_save_tsk_reliable(p, st_entries, ST_ENTRIES);
		KTEST_EXPECT_TRUE(t, nr > 0);
		/* It ends at the user-mode pt_regs: the last return is into the syscall entry. */
		KTEST_EXPECT_TRUE(t, nr > 0 && in_entry_text(st_entries[nr - 1]));
	}
	kill_pid(pid, SIGKILL);
	kernel_wait4(pid, &status, 0, false);
}

/*
 * Both arches keep a frame's link to its caller's frame at offset 0 (the
 * saved rbp on x86_64, the back chain on s390x), so a generic test can
 * follow a sleeping task's chain from arch_task_fp() and corrupt one
 * link: a frame pointing backwards, at itself, off the stack, misaligned,
 * or ending the chain early. Interrupts stay off while the link is
 * wrong, so the task cannot run on it.
 */
static void test_corrupted_stack(struct ktest *t)
{
	struct task_struct *k = start_sleeper(t);
	unsigned long flags, *link, saved, bad[5];
	int i, ret[5], nr[5], good;

	if (!k)
		return;
	local_irq_save(flags);
	link = (unsigned long *)*(unsigned long *)arch_task_fp(k);
	saved = *link;
	bad[0] = arch_task_fp(k);
	bad[1] = (unsigned long)link;
	bad[2] = k->stack_hi + 4096;
	bad[3] = saved + 4;
	bad[4] = 0;
	if ((unsigned long)link > arch_task_fp(k) && saved > (unsigned long)link &&
	    saved < k->stack_hi) {
		for (i = 0; i < 5; i++) {
			*link = bad[i];
			ret[i] = stack_trace_save_tsk_reliable(k, st_entries, ST_ENTRIES);
			nr[i] = stack_trace_save_tsk(k, st_entries, ST_ENTRIES, 0);
		}
		*link = saved;
	} else {
		ret[0] = 1;		/* the chain itself is not as expected */
	}
	good = stack_trace_save_tsk_reliable(k, st_entries, ST_ENTRIES);
	local_irq_restore(flags);
	KTEST_ASSERT_TRUE(t, ret[0] != 1);
	for (i = 0; i < 5; i++) {
		if (ret[i] != -EINVAL || nr[i] >= ST_ENTRIES)
			ktest_fail(t, __FILE__, __LINE__, "link %#lx: reliable %d, best effort %d entries",
				   bad[i], ret[i], nr[i]);
	}
	KTEST_EXPECT_TRUE(t, good > 0);		/* and restored, it is fine again */
	kthread_stop(k);
}

static const struct ktest_case stacktrace_reliable_cases[] = {
	KTEST_CASE(test_reliable_sleeping_kthread),
	KTEST_CASE(test_unreliable_preempted_kthread),
	KTEST_CASE(test_reliable_current),
	KTEST_CASE(test_reliable_user_process_in_syscall),
	KTEST_CASE(test_corrupted_stack),
	{}
};
KTEST_SUITE(stacktrace_reliable, stacktrace_reliable_cases);
