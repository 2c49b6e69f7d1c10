// SPDX-License-Identifier: MIT
/*
 * ftrace's records and code changes: one struct dyn_ftrace per fentry
 * site, read from __mcount_loc and checked at boot, and the updates that
 * turn sites into calls of the trampoline and back as ops come and go
 * (Linux: kernel/trace/ftrace.c, its dyn_ftrace half). Like all of
 * kernel/trace/ but the tests, built without fentry (Makefile).
 */
#define pr_fmt(fmt) "ftrace: " fmt

#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <scion/init.h>
#include "internal.h"

/*
 * Records sorted by ip, in groups: the kernel's now, and one per module
 * later (ftrace_module_init() adds a module's __mcount_loc with
 * ftrace_add_sites(); ftrace_release_mod() unlinks its group once no ops
 * holds one of its sites). [Linux: struct ftrace_page]
 */
struct ftrace_page {
	struct ftrace_page *next;
	struct dyn_ftrace *records;
	unsigned int index;		/* records in use */
};

static struct ftrace_page *ftrace_pages_start;
static unsigned long nr_records;

DEFINE_MUTEX(ftrace_lock);
bool ftrace_disabled;

#define for_each_ftrace_rec(pg, rec)					\
	for (pg = ftrace_pages_start; pg; pg = pg->next)		\
		for (rec = pg->records; rec < pg->records + pg->index; rec++)

/* ---- Finding records ---- */

struct dyn_ftrace *ftrace_lookup_rec(unsigned long ip)
{
	struct ftrace_page *pg;

	for (pg = ftrace_pages_start; pg; pg = pg->next) {
		unsigned int lo = 0, hi = pg->index;

		while (lo < hi) {
			unsigned int mid = lo + (hi - lo) / 2;

			if (pg->records[mid].ip == ip)
				return &pg->records[mid];
			if (pg->records[mid].ip < ip)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	return NULL;
}

struct dyn_ftrace *ftrace_rec_at(unsigned long pos)
{
	struct ftrace_page *pg;

	for (pg = ftrace_pages_start; pg; pg = pg->next) {
		if (pos < pg->index)
			return &pg->records[pos];
		pos -= pg->index;
	}
	return NULL;
}

unsigned long ftrace_nr_records(void)
{
	return nr_records;
}

unsigned long ftrace_location(unsigned long ip)
{
	struct dyn_ftrace *rec = ftrace_lookup_rec(ip);

	return rec && !READ_ONCE(ftrace_disabled) ? rec->ip : 0;
}

void ftrace_bug(int err, struct dyn_ftrace *rec)
{
	ftrace_disabled = true;
	pr_err("failed to modify [<%016lx>] %ps (error %d); ftrace is now off\n",
	       rec->ip, (void *)rec->ip, err);
	WARN_ON_ONCE(1);
}

/* ---- The enabled sites, for the dispatcher ---- */

/*
 * An open-addressed hash table from the ip of each site that calls the
 * trampoline to the site's only ops, or NULL for several (then the list
 * function runs). Every update builds a new table and publishes it with
 * one pointer store (WRITE_ONCE, read by READ_ONCE in
 * ftrace_site_lookup()); the old one is freed at once, because a reader
 * runs with preemption off and the writer only runs again once it has
 * finished (one CPU). Linux: each dynamic ops gets its own copy of the
 * trampoline that calls it directly (x86 arch_ftrace_update_trampoline),
 * freed after an RCU-tasks grace period; here one static trampoline and
 * this table make the same per-site choice with nothing to wait for.
 */
struct ftrace_site_table {
	unsigned int mask;		/* slots - 1; slots is a power of 2 */
	struct ftrace_site sites[];
};

static struct ftrace_site_table *ftrace_sites;

/* Fibonacci hashing: the multiply spreads nearby ips over the table. */
static inline unsigned int site_slot(unsigned long ip, unsigned int mask)
{
	return (unsigned int)((ip * 0x9e3779b97f4a7c15UL) >> 40) & mask;
}

const struct ftrace_site *ftrace_site_lookup(unsigned long ip)
{
	const struct ftrace_site_table *t = READ_ONCE(ftrace_sites);
	unsigned int i;

	if (!t)
		return NULL;
	for (i = site_slot(ip, t->mask);; i = (i + 1) & t->mask) {
		if (t->sites[i].ip == ip)
			return &t->sites[i];
		if (!t->sites[i].ip)
			return NULL;	/* at least half the slots are free */
	}
}

/* A table for n sites, at most half full; NULL with *err for none or no memory. */
static struct ftrace_site_table *site_table_alloc(unsigned long n, int *err)
{
	struct ftrace_site_table *t;
	unsigned long slots = 8;

	*err = 0;
	if (!n)
		return NULL;
	while (slots < 2 * n)
		slots *= 2;
	t = kzalloc(sizeof(*t) + slots * sizeof(t->sites[0]), GFP_KERNEL);
	if (!t) {
		*err = -ENOMEM;
		return NULL;
	}
	t->mask = slots - 1;
	return t;
}

static void site_table_insert(struct ftrace_site_table *t, unsigned long ip, struct ftrace_ops *ops)
{
	unsigned int i = site_slot(ip, t->mask);

	while (t->sites[i].ip)
		i = (i + 1) & t->mask;
	t->sites[i] = (struct ftrace_site){ ip, ops };
}

/* ---- Updates ---- */

int ftrace_update_prepare(struct ftrace_update *u, struct ftrace_ops *ops,
			  const struct ftrace_hash *old, const struct ftrace_hash *new)
{
	bool ipmodify = ops->flags & FTRACE_OPS_FL_IPMODIFY;
	unsigned long enabled = 0;
	struct ftrace_page *pg;
	struct dyn_ftrace *rec;
	int err;

	if (ftrace_disabled)
		return -ENODEV;
	for_each_ftrace_rec(pg, rec) {
		bool before = ftrace_hash_has(old, rec->ip);
		bool after = ftrace_hash_has(new, rec->ip);

		/* Linux: __ftrace_hash_update_ipmodify() */
		if (ipmodify && after && !before && (rec->flags & FTRACE_FL_IPMODIFY))
			return -EBUSY;
		if (rec->refs - before + after)
			enabled++;
	}
	*u = (struct ftrace_update){ ops, old, new, site_table_alloc(enabled, &err) };
	return err;
}

/* The one registered ops that holds ip, seen as it will be after u. */
static struct ftrace_ops *only_holder(const struct ftrace_update *u, unsigned long ip)
{
	struct ftrace_ops *op;

	if (ftrace_hash_has(u->new, ip))
		return u->ops;
	for (op = ftrace_ops_list; op; op = op->next)
		if (op != u->ops && ftrace_ops_test(op, ip))
			return op;
	WARN_ON_ONCE(1);	/* refs said one ops holds it */
	return NULL;
}

/* Bring every site in line with its count: a call when some ops holds it, else the NOP. */
static void replace_code(void)
{
	unsigned long tramp = (unsigned long)ftrace_regs_caller;
	struct ftrace_page *pg;
	struct dyn_ftrace *rec;
	int err;

	for_each_ftrace_rec(pg, rec) {
		bool want = rec->refs, have = rec->flags & FTRACE_FL_ENABLED;

		if (want == have)
			continue;
		err = want ? arch_ftrace_make_call(rec, tramp) : arch_ftrace_make_nop(rec, tramp);
		if (err) {
			ftrace_bug(err, rec);
			return;
		}
		rec->flags ^= FTRACE_FL_ENABLED;
	}
}

void ftrace_update_commit(struct ftrace_update *u)
{
	bool ipmodify = u->ops->flags & FTRACE_OPS_FL_IPMODIFY;
	struct ftrace_site_table *old_table = ftrace_sites;
	struct ftrace_page *pg;
	struct dyn_ftrace *rec;

	for_each_ftrace_rec(pg, rec) {
		bool before = ftrace_hash_has(u->old, rec->ip);
		bool after = ftrace_hash_has(u->new, rec->ip);

		rec->refs += (int)after - (int)before;
		if (ipmodify && after)
			rec->flags |= FTRACE_FL_IPMODIFY;
		else if (ipmodify && before)
			rec->flags &= ~FTRACE_FL_IPMODIFY;
		if (rec->refs)
			site_table_insert(u->table, rec->ip,
					  rec->refs == 1 ? only_holder(u, rec->ip) : NULL);
	}
	/*
	 * Publish before patching: a site that starts calling finds its
	 * entry, and a site still calling after its ops went finds none and
	 * the dispatcher calls nothing. Pairs with READ_ONCE in
	 * ftrace_site_lookup(); the table was filled before this store.
	 */
	barrier();
	WRITE_ONCE(ftrace_sites, u->table);
	replace_code();
	kfree(old_table);
}

/* ---- Boot ---- */

static int cmp_rec(const void *a, const void *b)
{
	const struct dyn_ftrace *x = a, *y = b;

	return x->ip < y->ip ? -1 : x->ip > y->ip;
}

/*
 * Record the sites listed in [start, end) (a __mcount_loc section),
 * checking that each still holds the compiler's NOP; a site that does not
 * switches ftrace off, since patching it would corrupt code.
 * [Linux: ftrace_process_locs()]
 */
static int ftrace_add_sites(const unsigned long *start, const unsigned long *end)
{
	unsigned long i, n = end - start;
	struct ftrace_page *pg, **tail;
	int err;

	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return -ENOMEM;
	pg->records = kcalloc(n ? n : 1, sizeof(*pg->records), GFP_KERNEL);
	if (!pg->records) {
		kfree(pg);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		struct dyn_ftrace *rec = &pg->records[i];

		rec->ip = start[i];
		err = arch_ftrace_init_nop(rec);
		if (err) {
			ftrace_bug(err, rec);
			return err;		/* the records stay: ftrace is off */
		}
	}
	sort(pg->records, n, sizeof(*pg->records), cmp_rec, NULL);
	pg->index = n;
	mutex_lock(&ftrace_lock);
	for (tail = &ftrace_pages_start; *tail; tail = &(*tail)->next)
		;
	*tail = pg;
	nr_records += n;
	mutex_unlock(&ftrace_lock);
	return 0;
}

static int ftrace_init(void)
{
	extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];
	int err = ftrace_add_sites(__start_mcount_loc, __stop_mcount_loc);

	if (!err)
		pr_info("%lu fentry sites recorded, all hold the nop\n", nr_records);
	return err;
}
core_initcall(ftrace_init);
