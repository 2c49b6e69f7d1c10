// SPDX-License-Identifier: MIT
/*
 * The consistency checker's target: klp_consistency_outer() calls a(),
 * pauses, then calls b() with a()'s token, and b() reports a mismatch if
 * the two were of different versions (include/scion/klp_consistency.h);
 * the unpatched caller counts the calls of each version and the mismatches.
 * Kernel threads and user processes call it in a loop while a patch of
 * all three comes and goes (consistency_cycle.c). Scion's own test
 * target; Linux's selftests have no such checker.
 *
 * /proc/klp_consistency
 *   read    calls <n> old <n> new <n> mismatches <n> threads <n> running <0|1>
 *   write   start <threads> [<sleep_every>]   hammer with kernel threads; with
 *                                   sleep_every, one pause in that many sleeps
 *                                   a tick instead of yielding
 *           stop                    the threads end; callers below see "stopped"
 *           reset                   the counters go to 0
 * /proc/klp_consistency_call
 *   read    one call: "old", "new" or "mismatch"; "stopped" when not running
 *           (so user processes hammer it with open/read/close: klp-consistency-hammer)
 *
 * Build switch `make KLP_SKIP_STACK_CHECK=1`, or boot option
 * klp_unsafe_skip_stack_check: test only, taints the kernel (TAINT_TEST).
 * Transitions switch tasks without checking their stacks, which breaks
 * the consistency model on purpose: the checker must then count
 * mismatches. (The test suite uses the boot option, so that one build
 * serves both runs.)
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <scion/init.h>
#include <scion/klp_consistency.h>
#include <scion/panic.h>
#include "transition.h"

/* No inlining, and no use of what the compiler knows about the callee: every call must be real. */
#define KLP_CONSISTENCY_TARGET noinline __attribute__((__noipa__))
#define MAX_THREADS 64

static DEFINE_MUTEX(control_mutex);
static struct task_struct *threads[MAX_THREADS];
static unsigned int nr_threads;
static bool running;
static unsigned int sleep_every;

/* Updated with interrupts off: one CPU, so that makes them atomic. */
static unsigned long calls_old, calls_new, mismatches, pauses;

static struct task_struct *hold_task;
static bool hold_released;
static DECLARE_COMPLETION(hold_entered);

KLP_CONSISTENCY_TARGET int klp_consistency_a(void)
{
	return KLP_CONSISTENCY_OLD;
}
EXPORT_SYMBOL_GPL(klp_consistency_a);

KLP_CONSISTENCY_TARGET int klp_consistency_b(int token)
{
	return token == KLP_CONSISTENCY_OLD ? KLP_CONSISTENCY_OLD : 0;
}
EXPORT_SYMBOL_GPL(klp_consistency_b);

/*
 * The token lives in this frame, i.e. in the calling task: while the task
 * pauses, its stack holds outer()'s return address, which is what the
 * transition's stack check must see.
 */
KLP_CONSISTENCY_TARGET int klp_consistency_outer(void)
{
	int token = klp_consistency_a();

	klp_consistency_pause();
	return klp_consistency_b(token);
}

/* The holder stays here, asleep, until klp_consistency_release(). */
static void hold(void)
{
	complete(&hold_entered);
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(hold_released))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

KLP_CONSISTENCY_TARGET void klp_consistency_pause(void)
{
	unsigned int every = READ_ONCE(sleep_every);
	unsigned long flags, n;

	if (current == READ_ONCE(hold_task)) {
		hold();
		return;
	}
	local_irq_save(flags);
	n = ++pauses;
	local_irq_restore(flags);
	if (every && n % every == 0)
		schedule_timeout_uninterruptible(1);
	else
		yield();
}
EXPORT_SYMBOL_GPL(klp_consistency_pause);

/* One call from an unpatched caller, counted by the version b() reported. */
static int consistency_call(void)
{
	int version = klp_consistency_outer();
	unsigned long flags;

	local_irq_save(flags);
	if (version == KLP_CONSISTENCY_OLD)
		calls_old++;
	else if (version == KLP_CONSISTENCY_NEW)
		calls_new++;
	else
		mismatches++;
	local_irq_restore(flags);
	return version;
}

static int consistency_thread(void *unused)
{
	while (!kthread_should_stop()) {
		consistency_call();
		/* Between two calls: where a kernel thread switches (klp_sched_try_switch). */
		cond_resched();
	}
	return 0;
}

/* ---- the benchmark's hold ---- */

static int hold_thread(void *unused)
{
	klp_consistency_outer();
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

int klp_consistency_hold(void)
{
	struct task_struct *t;

	if (hold_task)
		return -EBUSY;
	hold_released = false;
	reinit_completion(&hold_entered);
	t = kthread_create(hold_thread, NULL, "klp_consistency_hold");
	if (IS_ERR(t))
		return PTR_ERR(t);
	WRITE_ONCE(hold_task, t);
	wake_up_process(t);
	wait_for_completion(&hold_entered);
	return 0;
}

void klp_consistency_release(void)
{
	struct task_struct *t = hold_task;

	if (!t)
		return;
	WRITE_ONCE(hold_released, true);
	wake_up_process(t);
	kthread_stop(t);
	WRITE_ONCE(hold_task, NULL);
}

/* ---- /proc/klp_consistency ---- */

static void stop_threads(void)
{
	WRITE_ONCE(running, false);
	while (nr_threads)
		kthread_stop(threads[--nr_threads]);
}

static int start_threads(unsigned int n, unsigned int every)
{
	struct task_struct *t;

	if (!n || n > MAX_THREADS)
		return -EINVAL;
	stop_threads();
	WRITE_ONCE(sleep_every, every);
	WRITE_ONCE(running, true);
	while (nr_threads < n) {
		t = kthread_run(consistency_thread, NULL, "klp_consistency/%u", nr_threads);
		if (IS_ERR(t)) {
			stop_threads();
			return PTR_ERR(t);
		}
		threads[nr_threads++] = t;
	}
	return 0;
}

static ssize_t control_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	unsigned int n, every = 0;
	unsigned long flags;
	char cmd[48];
	int err = 0;

	if (count >= sizeof(cmd))
		return -EINVAL;
	memcpy(cmd, buf, count);
	cmd[count] = 0;
	strim(cmd);
	mutex_lock(&control_mutex);
	if (sscanf(cmd, "start %u %u", &n, &every) >= 1) {
		err = start_threads(n, every);
	} else if (!strcmp(cmd, "stop")) {
		stop_threads();
	} else if (!strcmp(cmd, "reset")) {
		local_irq_save(flags);
		calls_old = calls_new = mismatches = 0;
		local_irq_restore(flags);
	} else {
		err = -EINVAL;
	}
	mutex_unlock(&control_mutex);
	return err ? err : (ssize_t)count;
}

static int control_show(struct seq_file *m, void *v)
{
	unsigned long old, new, bad, flags;

	local_irq_save(flags);
	old = calls_old;
	new = calls_new;
	bad = mismatches;
	local_irq_restore(flags);
	seq_printf(m, "calls %lu old %lu new %lu mismatches %lu threads %u running %d\n",
		   old + new + bad, old, new, bad, READ_ONCE(nr_threads), READ_ONCE(running));
	return 0;
}

static int control_open(struct inode *inode, struct file *file)
{
	return single_open(file, control_show, NULL);
}

static const struct proc_ops control_ops = {
	.proc_open = control_open,
	.proc_read = seq_read,
	.proc_write = control_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int call_show(struct seq_file *m, void *v)
{
	static const char *const names[] = {
		[0] = "mismatch", [KLP_CONSISTENCY_OLD] = "old", [KLP_CONSISTENCY_NEW] = "new",
	};

	if (!READ_ONCE(running))
		seq_puts(m, "stopped\n");
	else
		seq_printf(m, "%s\n", names[consistency_call()]);
	return 0;
}

static int klp_consistency_init(void)
{
	if (!proc_create("klp_consistency", 0644, NULL, &control_ops) ||
	    !proc_create_single("klp_consistency_call", 0444, NULL, call_show))
		return -ENOMEM;
	return 0;
}
late_initcall(klp_consistency_init);

/* ---- the test switch ---- */

static void unsafe_skip_stack_check_warn(void)
{
	add_taint(TAINT_TEST);
	pr_warn("klp_unsafe_skip_stack_check: transitions will not check stacks (test only)\n");
}

static int unsafe_skip_stack_check_param(const char *value)
{
	if (!klp_unsafe_skip_stack_check) {
		klp_unsafe_skip_stack_check = true;
		unsafe_skip_stack_check_warn();
	}
	return 0;
}
early_param("klp_unsafe_skip_stack_check", unsafe_skip_stack_check_param);

#ifdef CONFIG_KLP_SKIP_STACK_CHECK
/* Built in (make KLP_SKIP_STACK_CHECK=1): said and tainted at every boot. */
static int unsafe_skip_stack_check_built_in(void)
{
	unsafe_skip_stack_check_warn();
	return 0;
}
core_initcall(unsafe_skip_stack_check_built_in);
#endif
