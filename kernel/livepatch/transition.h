/* SPDX-License-Identifier: MIT */
/* Private to kernel/livepatch: transitions (Linux: kernel/livepatch/transition.h). */
#ifndef _LIVEPATCH_TRANSITION_H
#define _LIVEPATCH_TRANSITION_H

#include <linux/livepatch.h>

extern struct klp_patch *klp_transition_patch;
extern int klp_target_state;

/*
 * Test only: when true, klp_check_stack() passes every task whose stack
 * can be walked, whatever is on it, which breaks the consistency model on
 * purpose (the consistency checker must then count mismatches). Set by
 * the build switch `make KLP_SKIP_STACK_CHECK=1` or the boot option
 * klp_unsafe_skip_stack_check (consistency_target.c); either taints the
 * kernel (TAINT_TEST). Linux has no such switch.
 */
extern bool klp_unsafe_skip_stack_check;

void klp_init_transition(struct klp_patch *patch, int state);
void klp_cancel_transition(void);
void klp_start_transition(void);
void klp_try_complete_transition(void);
void klp_reverse_transition(void);
void klp_force_transition(void);

/*
 * Retry period of a transition that did not complete at once, and after
 * how many retries the remaining tasks get fake signals. Linux: 1 s and
 * 15 retries (15 s). Here: 100 ms and 100 retries (10 s): tasks that
 * switch on their own are caught sooner, while every task of a busy
 * system still gets to run (and switch on its way to user mode) before
 * anyone is signalled. The retry work is queued only while a transition
 * runs, so the cadence costs nothing otherwise.
 */
#define KLP_RETRY_TICKS (HZ / 10)
#define KLP_SIGNALS_RETRIES 100

#endif
