/* SPDX-License-Identifier: MIT */
/*
 * In-kernel tests reporting KTAP (the format of Linux's KUnit). A suite is
 * a table of cases in a <file>_test.c beside the code it tests:
 *
 *   static void test_x(struct ktest *t) { KTEST_EXPECT_EQ(t, 1 + 1, 2); }
 *   static const struct ktest_case cases[] = { KTEST_CASE(test_x), {} };
 *   KTEST_SUITE(string_basic, cases);
 *
 * Run by `ktest [suite...]` in the shell or the `ktest=` boot option.
 */
#ifndef _SCION_KTEST_H
#define _SCION_KTEST_H

#include <linux/types.h>
#include <linux/compiler.h>

struct ktest {
	const char *name;
	int failures;
	bool skipped;
	char skip_reason[96];
};

struct ktest_case {
	const char *name;
	void (*fn)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	int (*init)(void);	/* optional, once per suite */
	void (*exit)(void);
};

#define KTEST_CASE(f) { #f, f }
#define KTEST_SUITE(sname, cases_)                                            \
	static const struct ktest_suite __ktest_suite_##sname __used              \
		__section("ktest_suites") __aligned(8) = { #sname, cases_, NULL, NULL }
#define KTEST_SUITE_INIT(sname, cases_, init_, exit_)                         \
	static const struct ktest_suite __ktest_suite_##sname __used              \
		__section("ktest_suites") __aligned(8) = { #sname, cases_, init_, exit_ }

__printf(4, 5) void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...);
void ktest_skip(struct ktest *t, const char *reason);

#define KTEST_EXPECT_TRUE(t, cond)                                            \
	do {                                                                  \
		if (!(cond))                                                  \
			ktest_fail(t, __FILE__, __LINE__, "expected %s", #cond); \
	} while (0)
#define KTEST_EXPECT_FALSE(t, cond) KTEST_EXPECT_TRUE(t, !(cond))
#define KTEST_EXPECT_EQ(t, a, b)                                              \
	do {                                                                  \
		long long __a = (long long)(a), __b = (long long)(b);         \
		if (__a != __b)                                               \
			ktest_fail(t, __FILE__, __LINE__, "%s == %s: %lld != %lld", \
				   #a, #b, __a, __b);                         \
	} while (0)
#define KTEST_EXPECT_NE(t, a, b)                                              \
	do {                                                                  \
		long long __a = (long long)(a), __b = (long long)(b);         \
		if (__a == __b)                                               \
			ktest_fail(t, __FILE__, __LINE__, "%s != %s: both %lld", #a, #b, __a); \
	} while (0)
#define KTEST_EXPECT_STREQ(t, a, b)                                           \
	do {                                                                  \
		const char *__a = (a), *__b = (b);                            \
		if (!__a || !__b || strcmp(__a, __b))                         \
			ktest_fail(t, __FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", \
				   #a, #b, __a ? __a : "(null)", __b ? __b : "(null)"); \
	} while (0)
#define KTEST_ASSERT_TRUE(t, cond)                                            \
	do {                                                                  \
		if (!(cond)) {                                                \
			ktest_fail(t, __FILE__, __LINE__, "assert %s", #cond); \
			return;                                               \
		}                                                             \
	} while (0)

/* Run the named suites ("all" or NULL = every suite); returns the number of failed suites. */
int ktest_run(int nr, const char *const *names);

#endif
