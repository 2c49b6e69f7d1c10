// SPDX-License-Identifier: MIT
/*
 * The function tracer: one ops whose callback records every call of the
 * functions in set_ftrace_filter (all of them when it is empty) in the
 * trace buffer (Linux: kernel/trace/trace_functions.c, which uses the
 * global ops that set_ftrace_filter edits; here trace_ops plays that part).
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include "internal.h"

/* Context: any; preemption off and ftrace's recursion bit held (the dispatcher). */
static void function_trace_call(unsigned long ip, unsigned long parent_ip,
				struct ftrace_ops *op, struct ftrace_regs *fregs)
{
	trace_buffer_add(ip, parent_ip);
}

/* Its filter is set_ftrace_filter, whether or not the tracer runs. */
struct ftrace_ops trace_ops = {
	.func = function_trace_call,
	.flags = FTRACE_OPS_FL_RECURSION,
};

bool function_tracer_enabled(void)
{
	return READ_ONCE(trace_ops.flags) & FTRACE_OPS_FL_ENABLED;
}

/* `echo function > current_tracer`: an empty buffer, then the ops. */
int function_tracer_start(void)
{
	int err = trace_buffer_reset();

	return err ? err : register_ftrace_function(&trace_ops);
}

void function_tracer_stop(void)
{
	unregister_ftrace_function(&trace_ops);
}
