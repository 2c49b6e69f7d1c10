// SPDX-License-Identifier: MIT
/*
 * ftrace_ops: registering callbacks and their filters, and calling them
 * from the trampoline with recursion protection (Linux: kernel/trace/
 * ftrace.c, its ftrace_ops half, and include/linux/trace_recursion.h).
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include "internal.h"

struct ftrace_ops *ftrace_ops_list;
const struct ftrace_hash ftrace_all_sites;

/* ---- Filters ---- */

/* Called from the dispatcher: plain code, nothing traceable (no bsearch()). */
bool ftrace_hash_has(const struct ftrace_hash *hash, unsigned long ip)
{
	unsigned int lo = 0, hi;

	if (!hash)
		return false;
	if (hash == &ftrace_all_sites)
		return true;
	hi = hash->count;
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (hash->ips[mid] == ip)
			return true;
		if (hash->ips[mid] < ip)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

const struct ftrace_hash *ftrace_ops_sites(const struct ftrace_ops *ops)
{
	const struct ftrace_hash *filter = READ_ONCE(ops->filter_hash);

	return filter && filter->count ? filter : &ftrace_all_sites;
}

bool ftrace_ops_test(const struct ftrace_ops *op, unsigned long ip)
{
	return ftrace_hash_has(ftrace_ops_sites(op), ip);
}

/*
 * A copy of hash (NULL: empty) with the sites of ips added or removed.
 * ERR_PTR(-EINVAL) for an ip that is not traceable, -ENOENT to remove
 * one that is not there, -ENOMEM. [Linux: ftrace_match_addr() on a copy]
 */
static struct ftrace_hash *hash_edit(const struct ftrace_hash *hash, unsigned long *ips,
				     unsigned int cnt, bool remove)
{
	unsigned int have = hash ? hash->count : 0, i, j, n;
	struct ftrace_hash *new;

	new = kmalloc(sizeof(*new) + (have + (remove ? 0 : cnt)) * sizeof(long), GFP_KERNEL);
	if (!new)
		return ERR_PTR(-ENOMEM);
	n = 0;
	for (i = 0; i < have; i++)
		new->ips[n++] = hash->ips[i];
	new->count = n;
	for (i = 0; i < cnt; i++) {
		unsigned long ip = ftrace_location(ips[i]);
		bool there = ip && ftrace_hash_has(new, ip);

		if (!ip || (remove && !there)) {
			kfree(new);
			return ERR_PTR(ip ? -ENOENT : -EINVAL);
		}
		if (remove) {
			for (j = 0; new->ips[j] != ip; j++)
				;
			memmove(&new->ips[j], &new->ips[j + 1], (--new->count - j) * sizeof(long));
			continue;
		}
		if (there)
			continue;
		/* Insertion keeps it sorted: cnt is small (one ip for livepatch). */
		for (j = new->count; j > 0 && new->ips[j - 1] > ip; j--)
			new->ips[j] = new->ips[j - 1];
		new->ips[j] = ip;
		new->count++;
	}
	return new;
}

int ftrace_set_filter_ips(struct ftrace_ops *ops, unsigned long *ips, unsigned int cnt,
			  int remove, int reset)
{
	struct ftrace_hash *new, *old;
	struct ftrace_update u;
	int err = 0;

	mutex_lock(&ftrace_lock);
	new = hash_edit(reset ? NULL : ops->filter_hash, ips, cnt, remove);
	if (IS_ERR(new)) {
		err = PTR_ERR(new);
		goto out_unlock;
	}
	if (ops->flags & FTRACE_OPS_FL_ENABLED) {
		err = -EINVAL;		/* an empty filter would mean every function */
		if ((ops->flags & FTRACE_OPS_FL_IPMODIFY) && !new->count)
			goto out_free;
		err = ftrace_update_prepare(&u, ops, ftrace_ops_sites(ops),
					    new->count ? new : &ftrace_all_sites);
		if (err)
			goto out_free;
	}
	/*
	 * The list function reads the filter with READ_ONCE (ftrace_ops_sites());
	 * swapped before the new sites are published, so a site being added
	 * finds it, and one being removed no longer calls ops.
	 */
	old = ops->filter_hash;
	barrier();
	WRITE_ONCE(ops->filter_hash, new);
	if (ops->flags & FTRACE_OPS_FL_ENABLED)
		ftrace_update_commit(&u);
	kfree(old);
	goto out_unlock;
out_free:
	kfree(new);
out_unlock:
	mutex_unlock(&ftrace_lock);
	return err;
}

int ftrace_set_filter_ip(struct ftrace_ops *ops, unsigned long ip, int remove, int reset)
{
	return ftrace_set_filter_ips(ops, &ip, 1, remove, reset);
}

void ftrace_free_filter(struct ftrace_ops *ops)
{
	mutex_lock(&ftrace_lock);
	if (!WARN_ON_ONCE(ops->flags & FTRACE_OPS_FL_ENABLED)) {
		kfree(ops->filter_hash);
		ops->filter_hash = NULL;
	}
	mutex_unlock(&ftrace_lock);
}

/* ---- Registration ---- */

int register_ftrace_function(struct ftrace_ops *ops)
{
	struct ftrace_update u;
	int err;

	mutex_lock(&ftrace_lock);
	err = -EBUSY;
	if (ops->flags & FTRACE_OPS_FL_ENABLED)
		goto out_unlock;
	err = -EINVAL;
	if (!ops->func)
		goto out_unlock;
	/* Linux: "IPMODIFY ... we do not allow ftrace_ops to set all functions" */
	if ((ops->flags & FTRACE_OPS_FL_IPMODIFY) && ftrace_ops_sites(ops) == &ftrace_all_sites)
		goto out_unlock;
	err = ftrace_update_prepare(&u, ops, NULL, ftrace_ops_sites(ops));
	if (err)
		goto out_unlock;
	ops->flags |= FTRACE_OPS_FL_ENABLED;
	ops->next = ftrace_ops_list;
	/* ops->next first: pairs with READ_ONCE in ftrace_ops_list_func(). */
	barrier();
	WRITE_ONCE(ftrace_ops_list, ops);
	ftrace_update_commit(&u);
out_unlock:
	mutex_unlock(&ftrace_lock);
	return err;
}

/*
 * Why nothing is waited for after the sites are gone: a task can only be
 * between a site and the dispatcher's preempt_disable() (it then finds
 * no entry for ops in the new table), or inside the dispatcher with
 * preemption off (impossible while we run: one CPU), or in an interrupt
 * that interrupted us (it ends before we go on). Linux waits for RCU and
 * RCU-tasks here for FTRACE_OPS_FL_DYNAMIC ops; an SMP port must too.
 */
int unregister_ftrace_function(struct ftrace_ops *ops)
{
	struct ftrace_ops **p;
	struct ftrace_update u;
	int err;

	mutex_lock(&ftrace_lock);
	err = -EBUSY;
	if (WARN_ON_ONCE(!(ops->flags & FTRACE_OPS_FL_ENABLED)))
		goto out_unlock;
	err = ftrace_update_prepare(&u, ops, ftrace_ops_sites(ops), NULL);
	if (err)
		goto out_unlock;
	ftrace_update_commit(&u);
	for (p = &ftrace_ops_list; *p != ops; p = &(*p)->next)
		;
	WRITE_ONCE(*p, ops->next);	/* a reader on ops still finds ops->next */
	ops->flags &= ~FTRACE_OPS_FL_ENABLED;
out_unlock:
	mutex_unlock(&ftrace_lock);
	return err;
}

/* ---- Recursion protection ---- */

/*
 * One bit per user and context: bit start for task context, start + 1
 * with interrupts off. Linux keeps the bits per task and takes the
 * context from preempt_count (NMI, IRQ, softirq, normal); here there is
 * no hardirq count, but interrupt handlers run with interrupts off and
 * do not nest, so "interrupts off" stands for the interrupt context, and
 * the holder keeps preemption off, so one word serves every task. A
 * callback that disables interrupts and recurses gets one extra level,
 * as Linux's transition bit allows.
 */
enum {
	TRACE_FTRACE_START = 0,		/* ftrace_test_recursion_trylock() */
	TRACE_LIST_START = 2,		/* the dispatcher */
};

static unsigned long trace_recursion;
unsigned long ftrace_recursion_misses;

static inline int trace_test_and_set_recursion(int start)
{
	int bit = start + !!irqs_disabled();
	unsigned long val;

	preempt_disable();
	val = READ_ONCE(trace_recursion);
	if (unlikely(val & (1UL << bit))) {
		ftrace_recursion_misses++;
		preempt_enable_no_resched();
		return -1;
	}
	/* An interrupt in between sets and clears only its own bit. */
	WRITE_ONCE(trace_recursion, val | (1UL << bit));
	return bit;
}

/*
 * Linux: preempt_enable_notrace(), which reschedules if needed. Here
 * preempt_enable() is traceable (kernel/sched/core.c), so calling it
 * would re-enter ftrace; a reschedule asked for meanwhile waits for the
 * next tick or preemption point.
 */
static inline void trace_clear_recursion(int bit)
{
	WRITE_ONCE(trace_recursion, READ_ONCE(trace_recursion) & ~(1UL << bit));
	preempt_enable_no_resched();
}

int ftrace_test_recursion_trylock(unsigned long ip, unsigned long parent_ip)
{
	return trace_test_and_set_recursion(TRACE_FTRACE_START);
}

void ftrace_test_recursion_unlock(int bit)
{
	trace_clear_recursion(bit);
}

/* ---- Calling the callbacks ---- */

/* Every ops whose filter has ip, for a site held by several. [Linux: same name] */
static void ftrace_ops_list_func(unsigned long ip, unsigned long parent_ip,
				 struct ftrace_regs *fregs)
{
	struct ftrace_ops *op;

	for (op = READ_ONCE(ftrace_ops_list); op; op = READ_ONCE(op->next))
		if (ftrace_ops_test(op, ip))
			op->func(ip, parent_ip, op, fregs);
}

/*
 * A site held by one ops calls its callback directly; one held by
 * several goes through the list function. [Linux: the trampoline's call
 * of ftrace_ops_list_func or of the ops's func (ftrace_call patched by
 * update_ftrace_function()), with ftrace_ops_assist_func's recursion
 * check around it]
 */
void ftrace_regs_dispatch(unsigned long ip, unsigned long parent_ip, struct pt_regs *regs)
{
	struct ftrace_regs *fregs = container_of(regs, struct ftrace_regs, regs);
	const struct ftrace_site *site;
	int bit;

	bit = trace_test_and_set_recursion(TRACE_LIST_START);
	if (bit < 0)
		return;
	site = ftrace_site_lookup(ip);
	if (site && site->ops)
		site->ops->func(ip, parent_ip, site->ops, fregs);
	else if (site)
		ftrace_ops_list_func(ip, parent_ip, fregs);
	trace_clear_recursion(bit);
}
