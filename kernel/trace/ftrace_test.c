// SPDX-License-Identifier: MIT
/*
 * ktest suites for ftrace: records, hit counts, several ops on a site,
 * IPMODIFY redirection and conflicts, recursion, the trampoline's frame.
 * Built with fentry (Makefile), so the targets below are traceable.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/ftrace.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/stacktrace.h>
#include <scion/ktest.h>
#include "internal.h"

/* No inlining, cloning or other IPA: every call enters the function at its site. */
#define FTRACE_TARGET noinline __attribute__((__noipa__))

static unsigned long target_caller;	/* return address the last target call saw */

FTRACE_TARGET int ftrace_test_target(int x)
{
	target_caller = (unsigned long)__builtin_return_address(0);
	return x + 1;
}

FTRACE_TARGET int ftrace_test_other(int x)
{
	return x + 2;
}

FTRACE_TARGET int ftrace_test_replacement(int x)
{
	return x + 1000;
}

/* Eight arguments: two travel on the stack on both arches. */
FTRACE_TARGET long ftrace_test_args(long a, long b, long c, long d, long e, long f, long g, long h)
{
	return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h;
}

FTRACE_TARGET long ftrace_test_args_replacement(long a, long b, long c, long d, long e, long f,
						long g, long h)
{
	return -(a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h);
}

static notrace FTRACE_TARGET int untraced(int x)
{
	return x;
}

/* An ops that counts its calls and remembers the last one. */
struct test_ops {
	struct ftrace_ops ops;
	unsigned long hits;
	unsigned long ip, parent_ip, regs_ip;
	unsigned long redirect;		/* IPMODIFY: resume here */
	bool recurse;			/* call the target again from the callback */
};

static notrace void test_callback(unsigned long ip, unsigned long parent_ip,
				  struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	struct test_ops *t = container_of(op, struct test_ops, ops);

	t->hits++;
	t->ip = ip;
	t->parent_ip = parent_ip;
	t->regs_ip = ftrace_regs_get_instruction_pointer(fregs);
	if (t->redirect)
		ftrace_regs_set_instruction_pointer(fregs, t->redirect);
	if (t->recurse)
		ftrace_test_target(0);
}

static void test_ops_stop(struct test_ops *t)
{
	if (t->ops.flags & FTRACE_OPS_FL_ENABLED)
		unregister_ftrace_function(&t->ops);
	ftrace_free_filter(&t->ops);
}

/*
 * The ops are static, and every case stops them on the way out, even
 * after a failed check (CHECK_OR_OUT): a registered ops must never be
 * left in a dead stack frame.
 */
static struct test_ops ops_a, ops_b, ops_c;

#define CHECK_OR_OUT(t, cond)                                                 \
	do {                                                                  \
		if (!(cond)) {                                                \
			ktest_fail(t, __FILE__, __LINE__, "assert %s", #cond); \
			goto out;                                             \
		}                                                             \
	} while (0)

static void test_ops_init(struct test_ops *t, unsigned long flags)
{
	test_ops_stop(t);
	*t = (struct test_ops){ .ops = { .func = test_callback, .flags = flags } };
}

static void stop_all(void)
{
	test_ops_stop(&ops_a);
	test_ops_stop(&ops_b);
	test_ops_stop(&ops_c);
}

/* Register t on the one function fn. */
static int test_ops_start(struct test_ops *t, void *fn)
{
	int err = ftrace_set_filter_ip(&t->ops, (unsigned long)fn, 0, 1);

	return err ? err : register_ftrace_function(&t->ops);
}

/* One call site for every traced call of the loop: one parent_ip. */
static noinline int call_target(int n)
{
	int i, sum = 0;

	for (i = 0; i < n; i++)
		sum += ftrace_test_target(i);
	return sum;
}

static void test_ftrace_records(struct ktest *t)
{
	extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];
	unsigned long i, n = ftrace_nr_records(), site = (unsigned long)ftrace_test_target;
	struct dyn_ftrace *rec;

	KTEST_EXPECT_EQ(t, n, __stop_mcount_loc - __start_mcount_loc);
	KTEST_ASSERT_TRUE(t, n > 100);
	for (i = 1; i < n; i++)
		if (ftrace_rec_at(i - 1)->ip >= ftrace_rec_at(i)->ip)
			break;
	KTEST_EXPECT_EQ(t, i, n);		/* strictly sorted */
	KTEST_EXPECT_TRUE(t, ftrace_rec_at(n) == NULL);
	KTEST_EXPECT_EQ(t, ftrace_location(site), site);
	KTEST_EXPECT_EQ(t, ftrace_location(site + 1), 0);
	KTEST_EXPECT_EQ(t, ftrace_location((unsigned long)untraced), 0);
	KTEST_EXPECT_EQ(t, ftrace_location((unsigned long)ftrace_regs_dispatch), 0);
	rec = ftrace_lookup_rec(site);
	KTEST_ASSERT_TRUE(t, rec != NULL);
	KTEST_EXPECT_EQ(t, rec->refs, 0);
	KTEST_EXPECT_EQ(t, rec->flags, 0);
}

/* Exact counts while registered, none after; the site follows. */
static void test_ftrace_hit_counts(struct ktest *t)
{
	unsigned long site = (unsigned long)ftrace_test_target;

	test_ops_init(&ops_a, 0);
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	KTEST_EXPECT_TRUE(t, ftrace_lookup_rec(site)->flags & FTRACE_FL_ENABLED);
	KTEST_EXPECT_TRUE(t, ftrace_site_lookup(site) && ftrace_site_lookup(site)->ops == &ops_a.ops);
	KTEST_EXPECT_EQ(t, call_target(1000), 1000 * 1001 / 2);
	ftrace_test_other(1);
	KTEST_EXPECT_EQ(t, ops_a.hits, 1000);
	KTEST_EXPECT_EQ(t, ops_a.ip, site);
	KTEST_EXPECT_EQ(t, ops_a.parent_ip, target_caller);
	KTEST_EXPECT_EQ(t, ops_a.regs_ip, site + MCOUNT_INSN_SIZE);
	KTEST_EXPECT_EQ(t, unregister_ftrace_function(&ops_a.ops), 0);
	KTEST_EXPECT_FALSE(t, ops_a.ops.flags & FTRACE_OPS_FL_ENABLED);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->flags & FTRACE_FL_ENABLED, 0);
	KTEST_EXPECT_TRUE(t, ftrace_site_lookup(site) == NULL);
	call_target(1000);
	KTEST_EXPECT_EQ(t, ops_a.hits, 1000);
	/* Registered again: counting resumes. */
	KTEST_EXPECT_EQ(t, register_ftrace_function(&ops_a.ops), 0);
	call_target(10);
	KTEST_EXPECT_EQ(t, ops_a.hits, 1010);
	test_ops_stop(&ops_a);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->refs, 0);
out:
	stop_all();
}

/* Two ops on a site: the list function calls both; one left: direct again. */
static void test_ftrace_two_ops(struct ktest *t)
{
	unsigned long site = (unsigned long)ftrace_test_target;

	test_ops_init(&ops_a, 0);
	test_ops_init(&ops_b, FTRACE_OPS_FL_SAVE_REGS);
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	CHECK_OR_OUT(t, test_ops_start(&ops_b, ftrace_test_target) == 0);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->refs, 2);
	KTEST_EXPECT_TRUE(t, ftrace_site_lookup(site) && ftrace_site_lookup(site)->ops == NULL);
	call_target(500);
	KTEST_EXPECT_EQ(t, ops_a.hits, 500);
	KTEST_EXPECT_EQ(t, ops_b.hits, 500);
	KTEST_EXPECT_EQ(t, unregister_ftrace_function(&ops_a.ops), 0);
	KTEST_EXPECT_TRUE(t, ftrace_site_lookup(site) && ftrace_site_lookup(site)->ops == &ops_b.ops);
	call_target(100);
	KTEST_EXPECT_EQ(t, ops_a.hits, 500);
	KTEST_EXPECT_EQ(t, ops_b.hits, 600);
	/* A filter change on a registered ops moves it at once. */
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_b.ops, (unsigned long)ftrace_test_other, 0, 1), 0);
	call_target(100);
	ftrace_test_other(0);
	KTEST_EXPECT_EQ(t, ops_b.hits, 601);
	KTEST_EXPECT_EQ(t, ops_b.ip, (unsigned long)ftrace_test_other);
	test_ops_stop(&ops_a);
	test_ops_stop(&ops_b);
	KTEST_EXPECT_TRUE(t, ftrace_site_lookup(site) == NULL);
out:
	stop_all();
}

/* A callback that changes the resume ip runs the replacement, with every argument. */
static void test_ftrace_ipmodify_redirect(struct ktest *t)
{
	test_ops_init(&ops_a, FTRACE_OPS_FL_SAVE_REGS | FTRACE_OPS_FL_IPMODIFY);
	ops_a.redirect = (unsigned long)ftrace_test_replacement;
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	KTEST_EXPECT_EQ(t, ftrace_test_target(5), 1005);
	KTEST_EXPECT_EQ(t, ops_a.hits, 1);
	test_ops_stop(&ops_a);
	KTEST_EXPECT_EQ(t, ftrace_test_target(5), 6);

	test_ops_init(&ops_b, FTRACE_OPS_FL_IPMODIFY);
	ops_b.redirect = (unsigned long)ftrace_test_args_replacement;
	KTEST_EXPECT_EQ(t, ftrace_test_args(1, 2, 3, 4, 5, 6, 7, 8), 204);
	CHECK_OR_OUT(t, test_ops_start(&ops_b, ftrace_test_args) == 0);
	KTEST_EXPECT_EQ(t, ftrace_test_args(1, 2, 3, 4, 5, 6, 7, 8), -204);
	KTEST_EXPECT_EQ(t, ftrace_test_args(8, 7, 6, 5, 4, 3, 2, 1), -120);
	test_ops_stop(&ops_b);
	KTEST_EXPECT_EQ(t, ftrace_test_args(1, 2, 3, 4, 5, 6, 7, 8), 204);
out:
	stop_all();
}

/* A second IPMODIFY ops on a function is refused, and leaves nothing behind. */
static void test_ftrace_ipmodify_conflict(struct ktest *t)
{
	unsigned long site = (unsigned long)ftrace_test_target;

	test_ops_init(&ops_a, FTRACE_OPS_FL_IPMODIFY);
	ops_a.redirect = (unsigned long)ftrace_test_replacement;
	test_ops_init(&ops_b, FTRACE_OPS_FL_IPMODIFY);
	test_ops_init(&ops_c, 0);
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	KTEST_EXPECT_EQ(t, test_ops_start(&ops_b, ftrace_test_target), -EBUSY);
	KTEST_EXPECT_FALSE(t, ops_b.ops.flags & FTRACE_OPS_FL_ENABLED);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->refs, 1);
	KTEST_EXPECT_EQ(t, ftrace_test_target(1), 1001);
	KTEST_EXPECT_EQ(t, ops_b.hits, 0);
	/* An ops without IPMODIFY may share the site. */
	KTEST_EXPECT_EQ(t, test_ops_start(&ops_c, ftrace_test_target), 0);
	KTEST_EXPECT_EQ(t, ftrace_test_target(1), 1001);
	KTEST_EXPECT_EQ(t, ops_c.hits, 1);
	/* b elsewhere is fine, but cannot widen its filter onto a's function. */
	CHECK_OR_OUT(t, test_ops_start(&ops_b, ftrace_test_other) == 0);
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_b.ops, site, 0, 0), -EBUSY);
	ftrace_test_target(1);
	ftrace_test_other(1);
	KTEST_EXPECT_EQ(t, ops_b.hits, 1);
	KTEST_EXPECT_EQ(t, ops_b.ip, (unsigned long)ftrace_test_other);
	/* Once a is gone, b may take it. */
	test_ops_stop(&ops_a);
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_b.ops, site, 0, 0), 0);
	ftrace_test_target(1);
	KTEST_EXPECT_EQ(t, ops_b.hits, 2);
	test_ops_stop(&ops_b);
	test_ops_stop(&ops_c);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->refs, 0);
	KTEST_EXPECT_EQ(t, ftrace_lookup_rec(site)->flags, 0);
out:
	stop_all();
}

static void test_ftrace_bad_requests(struct ktest *t)
{
	test_ops_init(&ops_a, FTRACE_OPS_FL_IPMODIFY);
	KTEST_EXPECT_EQ(t, register_ftrace_function(&ops_a.ops), -EINVAL);	/* every function */
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_a.ops, (unsigned long)untraced, 0, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_a.ops, (unsigned long)ftrace_test_target, 1, 0), -ENOENT);
	KTEST_EXPECT_TRUE(t, ops_a.ops.filter_hash == NULL);
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	KTEST_EXPECT_EQ(t, register_ftrace_function(&ops_a.ops), -EBUSY);
	/* The last function of a registered IPMODIFY ops cannot go. */
	KTEST_EXPECT_EQ(t, ftrace_set_filter_ip(&ops_a.ops, (unsigned long)ftrace_test_target, 1, 0), -EINVAL);
	test_ops_stop(&ops_a);
	ops_a.ops.func = NULL;
	ops_a.ops.flags = 0;
	KTEST_EXPECT_EQ(t, register_ftrace_function(&ops_a.ops), -EINVAL);
out:
	stop_all();
}

/* The callback calls the traced function: the inner call must not reach it. */
static void test_ftrace_recursion(struct ktest *t)
{
	unsigned long misses = ftrace_recursion_misses;
	int bit;

	test_ops_init(&ops_a, 0);
	ops_a.recurse = true;
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	call_target(10);
	KTEST_EXPECT_EQ(t, ops_a.hits, 10);
	KTEST_EXPECT_EQ(t, ftrace_recursion_misses, misses + 10);
	test_ops_stop(&ops_a);
	/* The callbacks' own lock: taken once per context. */
	bit = ftrace_test_recursion_trylock(0, 0);
	KTEST_EXPECT_TRUE(t, bit >= 0);
	KTEST_EXPECT_EQ(t, ftrace_test_recursion_trylock(0, 0), -1);
	ftrace_test_recursion_unlock(bit);
	bit = ftrace_test_recursion_trylock(0, 0);
	KTEST_EXPECT_TRUE(t, bit >= 0);
	ftrace_test_recursion_unlock(bit);
out:
	stop_all();
}

/* ---- Stack traces taken in a callback ---- */

#define MAX_TRACE 64

struct trace_buf {
	unsigned long addr[MAX_TRACE];
	int n;
};

static struct trace_buf callback_trace, callback_reliable;

static notrace void trace_callback(unsigned long ip, unsigned long parent_ip,
				   struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	callback_trace.n = stack_trace_save(callback_trace.addr, MAX_TRACE, 0);
	callback_reliable.n = stack_trace_save_tsk_reliable(current, callback_reliable.addr, MAX_TRACE);
	test_callback(ip, parent_ip, op, fregs);
}

/*
 * In buf: an entry in the trampoline, with the callback's own frames
 * before it, then the traced function just after its site, then the
 * traced function's caller: "" if so, else what is wrong.
 */
static const char *check_trampoline_frames(const struct trace_buf *buf)
{
	unsigned long tramp = (unsigned long)ftrace_regs_caller;
	unsigned long tramp_end = (unsigned long)ftrace_regs_caller_end;
	int i;

	for (i = 0; i < buf->n; i++)
		if (buf->addr[i] >= tramp && buf->addr[i] < tramp_end)
			break;
	if (i + 2 >= buf->n)
		return "no trampoline entry followed by two more";
	if (i < 1)
		return "no frame of the dispatcher below the trampoline";
	if (buf->addr[i + 1] != (unsigned long)ftrace_test_target + MCOUNT_INSN_SIZE)
		return "the traced function does not follow the trampoline";
	if (buf->addr[i + 2] != target_caller)
		return "the traced function's caller does not follow it";
	return "";
}

/*
 * callback <- dispatcher <- ftrace_regs_caller <- target + MCOUNT_INSN_SIZE
 * <- the target's caller, with nothing between the last three, in the
 * backtrace and in the reliable trace livepatch trusts: the trampoline's
 * frames are plain frames, no entry frame.
 */
static void test_ftrace_trampoline_frame(struct ktest *t)
{
	test_ops_init(&ops_a, 0);
	ops_a.ops.func = trace_callback;
	CHECK_OR_OUT(t, test_ops_start(&ops_a, ftrace_test_target) == 0);
	ftrace_test_target(1);
	test_ops_stop(&ops_a);
	KTEST_EXPECT_EQ(t, ops_a.hits, 1);
	KTEST_EXPECT_STREQ(t, check_trampoline_frames(&callback_trace), "");
	KTEST_EXPECT_TRUE(t, callback_reliable.n > 0);
	KTEST_EXPECT_STREQ(t, check_trampoline_frames(&callback_reliable), "");
out:
	stop_all();
}

static const struct ktest_case ftrace_ops_cases[] = {
	KTEST_CASE(test_ftrace_records),
	KTEST_CASE(test_ftrace_hit_counts),
	KTEST_CASE(test_ftrace_two_ops),
	KTEST_CASE(test_ftrace_ipmodify_redirect),
	KTEST_CASE(test_ftrace_ipmodify_conflict),
	KTEST_CASE(test_ftrace_bad_requests),
	KTEST_CASE(test_ftrace_recursion),
	KTEST_CASE(test_ftrace_trampoline_frame),
	{}
};
KTEST_SUITE(ftrace_ops, ftrace_ops_cases);

/* ---- The function tracer through its files ---- */

static char tracer_text[8192];

/* Write text to a file of /sys/kernel/tracing in one write(); flags O_TRUNC or O_APPEND. */
static ssize_t tracing_write(const char *name, const char *text, int flags)
{
	char path[64];
	struct file *file;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/kernel/tracing/%s", name);
	file = filp_open(path, O_WRONLY | flags, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_write(file, text, strlen(text), NULL);
	filp_close(file);
	return n;
}

/* The whole file into tracer_text; its length or -errno. */
static ssize_t tracing_read(const char *name)
{
	char path[64];
	struct file *file;
	size_t len = 0;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/kernel/tracing/%s", name);
	file = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(file))
		return PTR_ERR(file);
	while ((n = kernel_read(file, tracer_text + len, sizeof(tracer_text) - 1 - len, NULL)) > 0)
		len += n;
	filp_close(file);
	tracer_text[len] = 0;
	return n < 0 ? n : (ssize_t)len;
}

static int count_lines(const char *text, const char *needle)
{
	int n = 0;

	for (; (text = strstr(text, needle)); text += strlen(needle))
		n++;
	return n;
}

/*
 * Only what set_ftrace_filter names is traced, each call once, with its
 * caller; nop stops it; `echo > trace` empties the buffer. The names are
 * printed as %ps prints them, so this holds with or without kallsyms.
 */
static void test_function_tracer(struct ktest *t)
{
	unsigned long caller;
	char line[160];

	if (function_tracer_enabled() || (trace_ops.filter_hash && trace_ops.filter_hash->count)) {
		ktest_skip(t, "the function tracer is in use");
		return;
	}
	CHECK_OR_OUT(t, ftrace_set_filter_ip(&trace_ops, (unsigned long)ftrace_test_target, 0, 1) == 0);
	KTEST_EXPECT_EQ(t, tracing_write("current_tracer", "function\n", O_TRUNC), 9);
	KTEST_EXPECT_TRUE(t, function_tracer_enabled());
	KTEST_EXPECT_EQ(t, call_target(3), 6);
	caller = target_caller;
	ftrace_test_other(0);
	KTEST_EXPECT_EQ(t, tracing_write("current_tracer", "nop", O_TRUNC), 3);
	KTEST_EXPECT_FALSE(t, function_tracer_enabled());
	call_target(3);
	CHECK_OR_OUT(t, tracing_read("trace") > 0);
	KTEST_EXPECT_TRUE(t, strstr(tracer_text, "# entries-in-buffer/entries-written: 3/3 ") != NULL);
	snprintf(line, sizeof(line), "%16s-%-7d [000] ", current->comm, current->pid);
	KTEST_EXPECT_EQ(t, count_lines(tracer_text, line), 3);
	snprintf(line, sizeof(line), ": %ps <-%ps\n", ftrace_test_target, (void *)caller);
	KTEST_EXPECT_EQ(t, count_lines(tracer_text, line), 3);
	KTEST_EXPECT_EQ(t, tracing_write("trace", "", O_TRUNC), 0);
	CHECK_OR_OUT(t, tracing_read("trace") > 0);
	KTEST_EXPECT_TRUE(t, strstr(tracer_text, "entries-written: 0/0 ") != NULL);
	KTEST_EXPECT_EQ(t, tracing_write("current_tracer", "blk", O_TRUNC), -EINVAL);
	KTEST_EXPECT_EQ(t, tracing_write("set_ftrace_filter", "no_such_function_xyz", O_TRUNC), -EINVAL);
	/* `echo > set_ftrace_filter`: every function again. */
	KTEST_EXPECT_EQ(t, tracing_write("set_ftrace_filter", "\n", O_TRUNC), 1);
	KTEST_EXPECT_TRUE(t, trace_ops.filter_hash == NULL || trace_ops.filter_hash->count == 0);
	CHECK_OR_OUT(t, tracing_read("set_ftrace_filter") > 0);
	KTEST_EXPECT_STREQ(t, tracer_text, "#### all functions enabled ####\n");
out:
	tracing_write("current_tracer", "nop", O_TRUNC);
	ftrace_set_filter_ips(&trace_ops, NULL, 0, 0, 1);
}

/* Every traceable function is listed once, by name, in address order. */
static void test_available_filter_functions(struct ktest *t)
{
	char *text, name[128];
	struct file *file;
	ssize_t n, len = 0;
	size_t size = 256 * 1024;

	text = kmalloc(size, GFP_KERNEL);
	KTEST_ASSERT_TRUE(t, text != NULL);
	file = filp_open("/sys/kernel/tracing/available_filter_functions", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(file));
	while ((n = kernel_read(file, text + len, size - 1 - len, NULL)) > 0)
		len += n;
	filp_close(file);
	text[len] = 0;
	KTEST_EXPECT_EQ(t, count_lines(text, "\n"), ftrace_nr_records());
	snprintf(name, sizeof(name), "\n%ps\n", ftrace_test_target);
	KTEST_EXPECT_TRUE(t, strstr(text, name) != NULL);
	snprintf(name, sizeof(name), "\n%ps\n", untraced);
	KTEST_EXPECT_TRUE(t, strstr(text, name) == NULL);
	kfree(text);
}

static const struct ktest_case ftrace_tracer_cases[] = {
	KTEST_CASE(test_function_tracer),
	KTEST_CASE(test_available_filter_functions),
	{}
};
KTEST_SUITE(ftrace_tracer, ftrace_tracer_cases);
