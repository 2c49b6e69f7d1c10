// SPDX-License-Identifier: MIT
/*
 * `ftrace-bench`: what a call of an empty function costs without a fentry
 * site, with the NOP, with one ops and with two ops on it (the list
 * function), and each as a ratio to the first. Built with fentry
 * (Makefile). Linux's figures for comparison: the NOP is not measurable,
 * one ops adds about 13 ns on arm64.
 */
#include <linux/kernel.h>
#include <linux/ftrace.h>
#include <linux/kstrtox.h>
#include <scion/shell.h>
#include <arch.h>

#define BENCH_TARGET noinline __attribute__((__noipa__))
#define BENCH_ROUNDS 11

/*
 * The same empty body; only the first has a fentry site. gcc gives every
 * function with a site a frame, and an empty leaf without one none at
 * all (x86_64: a bare ret); asking for the frame address gives both the
 * same frame, so that they differ by the NOP alone.
 */
#define EMPTY_BODY() __asm__ __volatile__("" : : "r"(__builtin_frame_address(0)))

BENCH_TARGET void ftrace_bench_empty(void)
{
	EMPTY_BODY();
}

static notrace BENCH_TARGET void ftrace_bench_empty_notrace(void)
{
	EMPTY_BODY();
}

static notrace void bench_callback(unsigned long ip, unsigned long parent_ip,
				   struct ftrace_ops *op, struct ftrace_regs *fregs)
{
}

static struct ftrace_ops bench_ops[2] = {
	{ .func = bench_callback },
	{ .func = bench_callback },
};

struct bench_time {
	u64 cycles, ns;
};

/* One timed run of n calls; the loops differ only in the function they call. */
static notrace noinline struct bench_time run(bool traced, unsigned long n)
{
	u64 ns = arch_clock_ns(), cycles = arch_cycles();
	unsigned long i;

	if (traced)
		for (i = 0; i < n; i++)
			ftrace_bench_empty();
	else
		for (i = 0; i < n; i++)
			ftrace_bench_empty_notrace();
	cycles = arch_cycles() - cycles;
	return (struct bench_time){ cycles, arch_clock_ns() - ns };
}

static void keep_best(struct bench_time *best, struct bench_time t)
{
	if (t.cycles < best->cycles)
		*best = t;
}

/* One line: cycles and ns per call, and the ratio to base, in fixed point. */
static void print_row(const char *what, struct bench_time t, struct bench_time base, unsigned long n)
{
	unsigned long cycles100 = t.cycles * 100 / n, ps = t.ns * 1000 / n;
	unsigned long ratio1000 = base.cycles ? t.cycles * 1000 / base.cycles : 0;

	shell_printf("  %-12s %8lu.%02lu %8lu.%03lu %6lu.%03lux\n", what,
		     cycles100 / 100, cycles100 % 100, ps / 1000, ps % 1000,
		     ratio1000 / 1000, ratio1000 % 1000);
}

static int register_bench_ops(int i)
{
	int err = ftrace_set_filter_ip(&bench_ops[i], (unsigned long)ftrace_bench_empty, 0, 1);

	if (!err)
		err = register_ftrace_function(&bench_ops[i]);
	if (err)
		shell_eprintf("ftrace-bench: cannot register ops %d: %s\n", i + 1, errno_text(err));
	return err;
}

/*
 * Each variant keeps its best run: interrupts only ever add time. The
 * two without ops take turns, so a slow drift of the host (TCG) hits
 * both alike; the ops variants run after them, so no code changes
 * between the runs being compared (under TCG, a change drops the
 * translations of its page).
 */
static int cmd_ftrace_bench(int argc, char **argv)
{
	struct bench_time best[4] = { { ~0UL, 0 }, { ~0UL, 0 }, { ~0UL, 0 }, { ~0UL, 0 } };
	unsigned long n = 200000;
	int i, err;

	if (argc > 2 || (argc == 2 && (kstrtoul(argv[1], 0, &n) || !n)))
		return shell_usage(shell_find(argv[0]));
	for (i = 0; i < BENCH_ROUNDS; i++) {
		keep_best(&best[0], run(false, n));
		keep_best(&best[1], run(true, n));
	}
	err = register_bench_ops(0);
	for (i = 0; !err && i < BENCH_ROUNDS; i++)
		keep_best(&best[2], run(true, n));
	if (!err) {
		err = register_bench_ops(1);
		for (i = 0; !err && i < BENCH_ROUNDS; i++)
			keep_best(&best[3], run(true, n));
		if (!err)
			unregister_ftrace_function(&bench_ops[1]);
		unregister_ftrace_function(&bench_ops[0]);
	}
	ftrace_free_filter(&bench_ops[0]);
	ftrace_free_filter(&bench_ops[1]);
	if (err)
		return 1;
	shell_printf("ftrace-bench: an empty function, %lu calls, best of %d runs\n", n, BENCH_ROUNDS);
	shell_printf("  %-12s %11s %12s %10s\n", "", "cycles/call", "ns/call", "ratio");
	print_row("no fentry", best[0], best[0], n);
	print_row("fentry nop", best[1], best[0], n);
	print_row("one ops", best[2], best[0], n);
	print_row("two ops", best[3], best[0], n);
	return 0;
}
SHELL_COMMAND("ftrace-bench", cmd_ftrace_bench, "ftrace-bench [calls]",
	      "cost of a call: no fentry, fentry NOP, one ops, two ops (arch_cycles units)");
