/* SPDX-License-Identifier: MIT */
/* Declarations shared by the files of kernel/trace/ only (Linux: kernel/trace/ftrace_internal.h, trace.h). */
#ifndef _KERNEL_TRACE_INTERNAL_H
#define _KERNEL_TRACE_INTERNAL_H

#include <linux/ftrace.h>
#include <linux/mutex.h>
#include <linux/fs.h>

/*
 * A set of fentry sites. Linux's struct ftrace_hash is a hash table; here
 * a sorted array searched by bisection: filters are small and are only
 * searched by updates and by the list function.
 */
struct ftrace_hash {
	unsigned int count;
	unsigned long ips[];
};

/*
 * The sites an ops holds: its filter, or every site (&ftrace_all_sites)
 * for an empty filter. NULL in an update means "no site".
 */
extern const struct ftrace_hash ftrace_all_sites;
const struct ftrace_hash *ftrace_ops_sites(const struct ftrace_ops *ops);
bool ftrace_hash_has(const struct ftrace_hash *hash, unsigned long ip);
/* Is ip in op's sites? (The list function's test.) [Linux: ftrace_ops_test()] */
bool ftrace_ops_test(const struct ftrace_ops *op, unsigned long ip);

/*
 * ftrace_lock serializes every change: records, the ops list, filters of
 * registered ops, the site table. Readers in the dispatcher take no lock:
 * they run with preemption off on this one CPU, so a writer that runs
 * never overlaps one, except an interrupt's, which ends first.
 */
extern struct mutex ftrace_lock;
/* Set by ftrace_bug(): nothing registers any more. [Linux: ftrace_disabled] */
extern bool ftrace_disabled;
/* Registered ops, newest first. [Linux: ftrace_ops_list] */
extern struct ftrace_ops *ftrace_ops_list;
/* Recursions the dispatcher and trylock refused (kernel/trace/ftrace_ops.c). */
extern unsigned long ftrace_recursion_misses;

/* ---- ftrace.c: records and code changes ---- */

/*
 * An ops moving from the sites old to the sites new (register: NULL to
 * its sites; unregister: back to NULL; a filter change). prepare checks
 * and allocates, and fails with nothing changed: -EBUSY when ops has
 * IPMODIFY and another IPMODIFY ops holds a site it would take,
 * -ENOMEM, -ENODEV once ftrace is off. commit cannot fail: it updates
 * the records, publishes the site table and patches the sites.
 * [Linux: ftrace_hash_ipmodify_update() + __ftrace_hash_rec_update() +
 * ftrace_replace_code()]
 */
struct ftrace_site_table;
struct ftrace_update {
	struct ftrace_ops *ops;
	const struct ftrace_hash *old, *new;
	struct ftrace_site_table *table;
};
int ftrace_update_prepare(struct ftrace_update *u, struct ftrace_ops *ops,
			  const struct ftrace_hash *old, const struct ftrace_hash *new);
void ftrace_update_commit(struct ftrace_update *u);

/* A site that calls the trampoline, and its only ops (NULL: several). */
struct ftrace_site {
	unsigned long ip;
	struct ftrace_ops *ops;
};
/* The enabled site at ip, or NULL. Context: dispatcher (preemption off). */
const struct ftrace_site *ftrace_site_lookup(unsigned long ip);

/*
 * The record of site ip, or NULL; the pos-th record in address order
 * (0-based), or NULL past the end. Context: ftrace_lock, or preemption off
 * with the record used before it is on again (a module's records go when
 * it is unloaded).
 */
struct dyn_ftrace *ftrace_lookup_rec(unsigned long ip);
struct dyn_ftrace *ftrace_rec_at(unsigned long pos);
unsigned long ftrace_nr_records(void);
/* A site could not be changed: warn and switch ftrace off. [Linux: ftrace_bug()] */
void ftrace_bug(int err, struct dyn_ftrace *rec);

/* ---- trace.c: the tracer's ring buffer and tracefs files ---- */

/* One function-tracer event. [Linux: struct ftrace_entry + trace_entry] */
struct trace_entry {
	u64 ts;				/* arch_clock_ns() */
	unsigned long ip, parent_ip;
	int pid;
	char comm[16];			/* TASK_COMM_LEN */
	u8 irqs_off, need_resched, preempt_depth;
};

/* Append an event; the oldest goes when the buffer is full. Context: any. */
void trace_buffer_add(unsigned long ip, unsigned long parent_ip);
/* Empty the buffer (and allocate it on first use). 0 or -ENOMEM. Context: trace_types_lock. */
int trace_buffer_reset(void);

/* ---- ftrace_filter.c: available_filter_functions, set_ftrace_filter ---- */

int ftrace_init_tracefs(void);

/* ---- trace_functions.c: the function tracer ---- */

/* The ops of `function` in current_tracer; set_ftrace_filter edits its filter. */
extern struct ftrace_ops trace_ops;
bool function_tracer_enabled(void);
int function_tracer_start(void);
void function_tracer_stop(void);

#endif
