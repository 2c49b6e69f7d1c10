// SPDX-License-Identifier: MIT
/*
 * `klp-bench`: what livepatch costs, with a patch of the consistency
 * checker's target (modules/test_klp_consistency.c, consistency_target.c).
 *
 *   klp-bench calls <patch.ko> [calls]
 *	a call of klp_consistency_a() unpatched, patched while the patch's
 *	transition runs (held open by a task inside the old outer()) and
 *	patched once it is over, against a call of the replacement itself;
 *	arch_cycles() units and ns per call, best of BENCH_ROUNDS runs.
 *   klp-bench transition <patch.ko> [runs]
 *	how long patching and unpatching transitions take with whatever
 *	tasks there are (`spawn-load 1000 100` first for a loaded system):
 *	from klp_start_transition() to klp_complete_transition() (every
 *	task switched), seen by ftrace hooks on both, in ticks and
 *	microseconds; how many attempts (the first, then one per retry);
 *	and how many tasks were stuck when it started: preempted inside the
 *	kernel, their stacks cannot be checked, so they switch only when
 *	they next run, which on a run queue of 1,000 runnable processes
 *	with 50 ms slices can be a whole round (50 s) later.
 * tests/qemu/bench_livepatch.py (make bench-livepatch) runs both.
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/kallsyms.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <scion/klp_consistency.h>
#include <scion/shell.h>
#include <scion/time.h>
#include <arch.h>
#include "consistency.h"
#include "core.h"
#include "transition.h"

#define BENCH_ROUNDS 11
#define MAX_IMAGE_SIZE (1UL << 20)
#define TRANSITION_TIMEOUT_TICKS (120 * HZ)

struct bench_time {
	u64 cycles, ns;
};

/* ---- the patch module ---- */

struct bench_patch {
	const char *path;
	void *image;
	ssize_t len;
	char name[MODULE_NAME_LEN];
};

static int patch_read(struct bench_patch *p, const char *path)
{
	p->path = path;
	p->len = kernel_read_file_from_path(path, &p->image, MAX_IMAGE_SIZE);
	return p->len < 0 ? p->len : 0;
}

static int patch_load(struct bench_patch *p)
{
	return klp_consistency_load(p->image, p->len, p->path, p->name, sizeof(p->name));
}

/*
 * Wait, asleep (a task that yields waits behind every busy process),
 * until no transition runs; -ETIMEDOUT after TRANSITION_TIMEOUT_TICKS.
 */
static int wait_transition(void)
{
	unsigned long start = jiffies;

	while (READ_ONCE(klp_transition_patch)) {
		if (jiffies - start > TRANSITION_TIMEOUT_TICKS)
			return -ETIMEDOUT;
		schedule_timeout_uninterruptible(1);
	}
	return 0;
}

/* The replacement of old_name in the newest patch, or NULL. */
static void *replacement_of(const char *old_name)
{
	struct klp_patch *patch;
	struct klp_object *obj;
	struct klp_func *func;
	void *new_func = NULL;

	mutex_lock(&klp_mutex);
	patch = list_last_entry(&klp_patches, struct klp_patch, list);
	klp_for_each_object(patch, obj)
		klp_for_each_func(obj, func)
			if (!strcmp(func->old_name, old_name))
				new_func = func->new_func;
	mutex_unlock(&klp_mutex);
	return new_func;
}

/* ---- klp-bench calls ---- */

/*
 * One timed run of n calls through fn. Every variant goes through the
 * same indirect call, so they differ only in what the call reaches.
 */
static notrace noinline struct bench_time run_calls(int (*fn)(void), unsigned long n)
{
	u64 ns = arch_clock_ns(), cycles = arch_cycles();
	unsigned long i;
	int sum = 0;

	for (i = 0; i < n; i++)
		sum += fn();
	__asm__ __volatile__("" : : "r"(sum));
	cycles = arch_cycles() - cycles;
	return (struct bench_time){ cycles, arch_clock_ns() - ns };
}

/*
 * Best of BENCH_ROUNDS runs each (interrupts only ever add time) of a
 * patched call and of the replacement called directly, taking turns, so
 * that a slow drift of the host (TCG) hits both alike.
 */
static void best_pair(int (*patched)(void), int (*direct)(void), unsigned long n,
		      struct bench_time best[2])
{
	struct bench_time t;
	int i;

	best[0].cycles = best[1].cycles = ~0ULL;
	for (i = 0; i < BENCH_ROUNDS; i++) {
		t = run_calls(patched, n);
		if (t.cycles < best[0].cycles)
			best[0] = t;
		t = run_calls(direct, n);
		if (t.cycles < best[1].cycles)
			best[1] = t;
	}
}

/* One line: cycles and ns per call, and the ratio to base, in fixed point. */
static void print_call_row(const char *what, struct bench_time t, struct bench_time base,
			   unsigned long n)
{
	unsigned long cycles100 = t.cycles * 100 / n, ps = t.ns * 1000 / n;
	unsigned long ratio1000 = base.cycles ? t.cycles * 1000 / base.cycles : 0;

	shell_printf("  %-40s %8lu.%02lu %8lu.%03lu %6lu.%03lux\n", what, cycles100 / 100,
		     cycles100 % 100, ps / 1000, ps % 1000, ratio1000 / 1000, ratio1000 % 1000);
}

/*
 * The patched calls reach the replacement through fentry, the ftrace
 * trampoline and klp_ftrace_handler(); during the transition the handler
 * also reads the task's patch_state. Ratios are to the replacement
 * called directly in the same phase.
 */
static int bench_calls(struct bench_patch *p, unsigned long n)
{
	struct bench_time unpatched[2], during[2], after[2];
	int (*replacement)(void);
	int err;

	/* The original, before any patch, taking turns with itself for the same method. */
	best_pair(klp_consistency_a, klp_consistency_a, n, unpatched);

	/* A task inside the old outer(): the transition stays open. */
	err = klp_consistency_hold();
	if (err)
		return err;
	err = patch_load(p);
	if (err) {
		klp_consistency_release();
		return err;
	}
	replacement = replacement_of("klp_consistency_a");
	/* This task switched when the patch was enabled: it runs the new version. */
	if (!WARN_ON_ONCE(!replacement))
		best_pair(klp_consistency_a, replacement, n, during);
	klp_consistency_release();
	err = replacement ? wait_transition() : -ENOENT;
	if (!err) {
		best_pair(klp_consistency_a, replacement, n, after);
		err = klp_consistency_disable(p->name);
	}
	if (!err)
		err = wait_transition();
	if (!err)
		err = klp_consistency_unload(p->name);
	if (err)
		return err;

	shell_printf("klp-bench: klp_consistency_a(), %lu calls, best of %d runs\n", n, BENCH_ROUNDS);
	shell_printf("  %-40s %11s %12s %10s\n", "", "cycles/call", "ns/call", "ratio");
	print_call_row("unpatched (fentry NOP)", unpatched[0], after[1], n);
	print_call_row("during the transition: patched call", during[0], during[1], n);
	print_call_row("                       replacement", during[1], during[1], n);
	print_call_row("after the transition:  patched call", after[0], after[1], n);
	print_call_row("                       replacement", after[1], after[1], n);
	return 0;
}

/* ---- klp-bench transition ---- */

/* What the hooks saw of one transition. */
static struct {
	u64 start_ns, end_ns;
	unsigned long start_jiffies, end_jiffies;
	unsigned int attempts;
} seen;

static notrace void start_hook(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
			       struct ftrace_regs *fregs)
{
	seen.start_ns = arch_clock_ns();
	seen.start_jiffies = jiffies;
	seen.attempts = 0;
}

static notrace void attempt_hook(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
				 struct ftrace_regs *fregs)
{
	seen.attempts++;
}

static notrace void end_hook(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op,
			     struct ftrace_regs *fregs)
{
	seen.end_ns = arch_clock_ns();
	seen.end_jiffies = jiffies;
}

static struct {
	const char *name;
	struct ftrace_ops ops;
} hooks[] = {
	{ "klp_start_transition", { .func = start_hook } },
	{ "klp_try_complete_transition", { .func = attempt_hook } },
	{ "klp_complete_transition", { .func = end_hook } },
};

static void hooks_off(int n)
{
	while (n--) {
		unregister_ftrace_function(&hooks[n].ops);
		ftrace_free_filter(&hooks[n].ops);
	}
}

static int hooks_on(void)
{
	unsigned long addr;
	int i, err = 0;

	for (i = 0; i < ARRAY_SIZE(hooks) && !err; i++) {
		addr = kallsyms_lookup_name(hooks[i].name);
		err = addr ? ftrace_set_filter_ip(&hooks[i].ops, addr, 0, 1) : -ENOENT;
		if (!err)
			err = register_ftrace_function(&hooks[i].ops);
		if (err) {
			shell_eprintf("klp-bench: cannot hook %s: %s\n", hooks[i].name, errno_text(err));
			ftrace_free_filter(&hooks[i].ops);
		}
	}
	if (err)
		hooks_off(i - 1);
	return err;
}

static bool user_task(struct task_struct *task)
{
	return !(task->flags & PF_KTHREAD) && !task->exit_state;
}

/*
 * Tasks whose stack cannot be walked reliably right now: preempted in the
 * kernel, they can switch only once they run again, which with 1,000
 * runnable processes can take a whole round of the run queue (50 s).
 */
static unsigned int unreliable_tasks(void)
{
	static unsigned long entries[64];
	struct task_struct *task;
	unsigned int n = 0;

	local_irq_disable();
	for_each_process(task)
		if (task != current && !task->exit_state &&
		    stack_trace_save_tsk_reliable(task, entries, ARRAY_SIZE(entries)) < 0)
			n++;
	local_irq_enable();
	return n;
}

static void print_transition(const char *what, unsigned int stuck)
{
	unsigned long us = (seen.end_ns - seen.start_ns) / NSEC_PER_USEC;

	shell_printf("  %-12s %8lu %12lu %9u %9u\n", what, seen.end_jiffies - seen.start_jiffies,
		     us, seen.attempts, stuck);
}

static int one_transition_run(struct bench_patch *p)
{
	unsigned int stuck = unreliable_tasks();
	int err;

	err = patch_load(p);
	if (!err)
		err = wait_transition();
	if (err)
		return err;
	print_transition("patching", stuck);
	stuck = unreliable_tasks();
	err = klp_consistency_disable(p->name);
	if (!err)
		err = wait_transition();
	if (err)
		return err;
	print_transition("unpatching", stuck);
	return klp_consistency_unload(p->name);
}

static int bench_transition(struct bench_patch *p, unsigned int runs)
{
	unsigned int running = 0, sleeping = 0, i;
	struct task_struct *task;
	int err;

	local_irq_disable();
	for_each_process(task) {
		if (!user_task(task))
			continue;
		if (READ_ONCE(task->__state) == TASK_RUNNING)
			running++;
		else
			sleeping++;
	}
	local_irq_enable();
	err = hooks_on();
	if (err)
		return err;
	shell_printf("klp-bench: transitions with %u runnable and %u sleeping user processes\n",
		     running, sleeping);
	shell_printf("  %-12s %8s %12s %9s %9s\n", "", "ticks", "us", "attempts", "stuck");
	for (i = 0; i < runs && !err; i++)
		err = one_transition_run(p);
	hooks_off(ARRAY_SIZE(hooks));
	return err;
}

static int cmd_klp_bench(int argc, char **argv)
{
	struct bench_patch p = { 0 };
	unsigned long n = 100000;
	int err;

	if (argc < 3 || argc > 4 || (strcmp(argv[1], "calls") && strcmp(argv[1], "transition")) ||
	    (argc == 4 && (kstrtoul(argv[3], 0, &n) || !n)))
		return shell_usage(shell_find(argv[0]));
	err = patch_read(&p, argv[2]);
	if (err) {
		shell_eprintf("klp-bench: %s: %s\n", argv[2], errno_text(err));
		return 1;
	}
	if (!strcmp(argv[1], "calls"))
		err = bench_calls(&p, n);
	else
		err = bench_transition(&p, argc == 4 ? n : 3);
	kfree(p.image);
	if (err) {
		shell_eprintf("klp-bench: %s\n", errno_text(err));
		return 1;
	}
	return 0;
}
SHELL_COMMAND("klp-bench", cmd_klp_bench, "klp-bench calls|transition <patch.ko> [calls|runs]",
	      "cost of a patched call; time of a transition (ticks, us)");
