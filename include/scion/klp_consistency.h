/* SPDX-License-Identifier: MIT */
/*
 * The livepatch consistency checker's target (kernel/livepatch/
 * consistency_target.c), for the patch module that replaces it
 * (modules/test_klp_consistency.c) and the benchmark.
 *
 * klp_consistency_outer() calls klp_consistency_a(), which hands out a
 * version token, pauses (yields or sleeps), then calls
 * klp_consistency_b(token), which checks that the token is its own
 * version. A patch replaces all three with version 2. A task that ran the
 * old a() and then the new b() (or the reverse) within one call of outer()
 * has seen a mix of versions: the per-task consistency model forbids it.
 */
#ifndef _SCION_KLP_CONSISTENCY_H
#define _SCION_KLP_CONSISTENCY_H

#include <linux/types.h>

#define KLP_CONSISTENCY_OLD 1	/* the kernel's functions */
#define KLP_CONSISTENCY_NEW 2	/* the patch's */

/* The token this version of a() hands out. */
int klp_consistency_a(void);
/* The version of b() that ran if token is that version, else 0 (a mismatch). */
int klp_consistency_b(int token);
/* a(), pause, b(token): what b() returned. */
int klp_consistency_outer(void);
/*
 * Between a() and b(): yield the CPU, or sleep for a tick once in a
 * while; while the benchmark holds the target, sleep until it lets go.
 * Not patched: both versions of outer() call it.
 */
void klp_consistency_pause(void);

/*
 * The benchmark's hold: klp_consistency_hold() starts a kernel thread
 * that stays inside the old klp_consistency_outer() (a transition that
 * patches it cannot complete) until klp_consistency_release(). 0 or -errno.
 */
int klp_consistency_hold(void);
void klp_consistency_release(void);

#endif
