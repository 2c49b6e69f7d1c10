/* SPDX-License-Identifier: MIT */
/* panic(), oops reports, WARN and taint (kernel/panic.c; Linux: kernel/panic.c, include/linux/panic.h). */
#ifndef _SCION_PANIC_H
#define _SCION_PANIC_H

#include <linux/types.h>
#include <linux/compiler.h>

struct pt_regs;

__noreturn __printf(1, 2) void panic(const char *fmt, ...);

/*
 * An oops: print "Oops: <title>: <err> [#n]", the task and taint line,
 * the registers and a backtrace, then panic("Fatal exception").
 */
__noreturn void die(const char *title, struct pt_regs *regs, unsigned long err);

/* Taint flags, Linux's bit numbers and letters (Documentation/admin-guide/tainted-kernels.rst). */
#define TAINT_PROPRIETARY_MODULE 0
#define TAINT_FORCED_MODULE 1
#define TAINT_WARN 9
#define TAINT_CRAP 10
#define TAINT_OOT_MODULE 12
#define TAINT_UNSIGNED_MODULE 13
#define TAINT_LIVEPATCH 15
#define TAINT_TEST 18
#define TAINT_FLAGS_COUNT 19

void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);
unsigned long get_taint(void);
/* "Not tainted" or "Tainted: G        W  K" in Linux's layout. */
const char *print_tainted(void);

/* Print the task and taint line, "Call Trace:" and the caller's backtrace. */
void dump_stack(void);

#endif
