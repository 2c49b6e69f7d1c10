/* SPDX-License-Identifier: MIT */
/*
 * Minimal TAP output for host test programs: one "ok N - name" or
 * "not ok N - name" per case, "# ..." diagnostics, the plan "1..N" last.
 * tests/host/run.py runs the programs and counts the lines.
 */
#ifndef _SCION_TAP_H
#define _SCION_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int tap_count, tap_failed;

/* Print a diagnostic line (a newline is added). */
static inline __attribute__((format(printf, 1, 2))) void tap_diag(const char *fmt, ...)
{
	va_list args;

	fputs("# ", stdout);
	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
	fputc('\n', stdout);
}

/* Report one test case; returns pass so callers can add diagnostics. */
static inline __attribute__((format(printf, 2, 3))) bool tap_ok(bool pass, const char *fmt, ...)
{
	va_list args;

	printf("%sok %d - ", pass ? "" : "not ", ++tap_count);
	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
	fputc('\n', stdout);
	fflush(stdout);
	if (!pass)
		tap_failed++;
	return pass;
}

/*
 * Table-driven cases: each function checks with EXPECT(), which logs the
 * failing expression and line; the case is "ok" if every EXPECT held.
 */
static bool tap_case_ok;

#define EXPECT(cond)                                                          \
	do {                                                                  \
		if (!(cond)) {                                                \
			tap_case_ok = false;                                  \
			tap_diag("%s:%d: expected %s", __FILE__, __LINE__, #cond); \
		}                                                             \
	} while (0)

struct tap_case {
	const char *name;
	void (*fn)(void);
};

#define TAP_CASE(fn) { #fn, fn }

static inline void tap_run_cases(const struct tap_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		tap_case_ok = true;
		cases[i].fn();
		tap_ok(tap_case_ok, "%s", cases[i].name);
	}
}

/* Print the plan; the exit status of main. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
