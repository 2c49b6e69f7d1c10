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
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <scion/init.h>
#include "internal.h"

/*
 * Records sorted by ip, in groups: the kernel's, and one per module with
 * fentry sites (ftrace_module_init() adds it, ftrace_release_mod() drops
 * it). The list is kept in address order too (module memory never
 * overlaps the kernel or another module), so the records read in order
 * are sorted: available_filter_functions lists the kernel's functions,
 * then each module's. [Linux: struct ftrace_page, appended in load order]
 *
 * Readers walk the list with ftrace_lock held, or with preemption off and
 * no pointer kept past it: a group is unlinked under ftrace_lock and then
 * freed by a task that runs, which on one CPU means no reader is inside.
 */
struct ftrace_page {
	struct ftrace_page *next;
	struct dyn_ftrace *records;
	unsigned int index;		/* records in use */
	struct module *mod;		/* NULL: the kernel's */
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
	struct dyn_ftrace *rec;
	unsigned long site;

	preempt_disable();
	rec = ftrace_lookup_rec(ip);
	site = rec && !READ_ONCE(ftrace_disabled) ? rec->ip : 0;
	preempt_enable();
	return site;
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

/* The one registered ops that holds ip, seen as it will be after u (NULL: as it is). */
static struct ftrace_ops *only_holder(const struct ftrace_update *u, unsigned long ip)
{
	struct ftrace_ops *op;

	if (u && ftrace_hash_has(u->new, ip))
		return u->ops;
	for (op = ftrace_ops_list; op; op = op->next)
		if ((!u || op != u->ops) && ftrace_ops_test(op, ip))
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

/*
 * Rebuild the site table from the records' counts and patch every site to
 * match, after records came or went (a module) rather than an ops.
 * -ENOMEM with nothing changed. Context: ftrace_lock.
 */
static int ftrace_sync_sites(void)
{
	struct ftrace_site_table *table, *old_table = ftrace_sites;
	unsigned long enabled = 0;
	struct ftrace_page *pg;
	struct dyn_ftrace *rec;
	int err;

	for_each_ftrace_rec(pg, rec)
		if (rec->refs)
			enabled++;
	table = site_table_alloc(enabled, &err);
	if (err)
		return err;
	for_each_ftrace_rec(pg, rec)
		if (rec->refs)
			site_table_insert(table, rec->ip,
					  rec->refs == 1 ? only_holder(NULL, rec->ip) : NULL);
	/* As in ftrace_update_commit(): the table is whole before it is published. */
	barrier();
	WRITE_ONCE(ftrace_sites, table);
	replace_code();
	kfree(old_table);
	return 0;
}

/* ---- Groups of records ---- */

static int cmp_rec(const void *a, const void *b)
{
	const struct dyn_ftrace *x = a, *y = b;

	return x->ip < y->ip ? -1 : x->ip > y->ip;
}

static void free_group(struct ftrace_page *pg)
{
	kfree(pg->records);
	kfree(pg);
}

/*
 * Records for the n sites listed at start (a __mcount_loc section),
 * sorted, each checked to hold the compiler's NOP (patching anything else
 * would corrupt code). Not linked yet. NULL with *err: -ENOMEM, or
 * -EINVAL for a site without the NOP (*bad names it).
 * [Linux: ftrace_process_locs()]
 */
static struct ftrace_page *alloc_group(const unsigned long *start, unsigned long n,
				       unsigned long *bad, int *err)
{
	struct ftrace_page *pg;
	unsigned long i;

	*err = -ENOMEM;
	pg = kzalloc(sizeof(*pg), GFP_KERNEL);
	if (!pg)
		return NULL;
	pg->records = kcalloc(n ? n : 1, sizeof(*pg->records), GFP_KERNEL);
	if (!pg->records) {
		kfree(pg);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		pg->records[i].ip = start[i];
		*err = arch_ftrace_init_nop(&pg->records[i]);
		if (*err) {
			*bad = start[i];
			free_group(pg);
			return NULL;
		}
	}
	sort(pg->records, n, sizeof(*pg->records), cmp_rec, NULL);
	pg->index = n;
	*err = 0;
	return pg;
}

static unsigned long group_start(const struct ftrace_page *pg)
{
	return pg->index ? pg->records[0].ip : 0;
}

/* Into the list at its place in address order. Context: ftrace_lock. */
static void link_group(struct ftrace_page *pg)
{
	struct ftrace_page **p = &ftrace_pages_start;

	while (*p && group_start(*p) < group_start(pg))
		p = &(*p)->next;
	pg->next = *p;
	/* pg is whole before it is reachable: pairs with the readers' plain loads. */
	barrier();
	WRITE_ONCE(*p, pg);
	nr_records += pg->index;
}

static void unlink_group(struct ftrace_page *pg)
{
	struct ftrace_page **p = &ftrace_pages_start;

	while (*p != pg)
		p = &(*p)->next;
	WRITE_ONCE(*p, pg->next);
	nr_records -= pg->index;
}

/* ---- Modules ---- */

int ftrace_module_init(struct module *mod)
{
	unsigned long text = (unsigned long)mod->core_layout.base, bad = 0, i;
	unsigned long text_end = text + mod->core_layout.text_size;
	struct ftrace_page *pg;
	struct ftrace_ops *op;
	struct dyn_ftrace *rec;
	int err;

	if (!mod->num_ftrace_callsites)
		return 0;
	/* Relocated pointers: check them before reading what they point at. */
	for (i = 0; i < mod->num_ftrace_callsites; i++) {
		unsigned long ip = mod->ftrace_callsites[i];

		if (ip < text || ip > text_end - MCOUNT_INSN_SIZE) {
			pr_err("%s: fentry site %#lx lies outside the module's text\n", mod->name, ip);
			return -ENOEXEC;
		}
	}
	pg = alloc_group(mod->ftrace_callsites, mod->num_ftrace_callsites, &bad, &err);
	if (err == -EINVAL) {
		/* Linux: ftrace_bug() switches ftrace off; here only the module is at fault. */
		pr_err("%s: fentry site %ps does not hold the nop\n", mod->name, (void *)bad);
		return -ENOEXEC;
	}
	if (!pg)
		return err;
	pg->mod = mod;

	mutex_lock(&ftrace_lock);
	/*
	 * Ops that trace every function take the new sites at once [Linux:
	 * ftrace_module_enable()]. No filter names them: ips of modules gone
	 * were scrubbed from filters (ftrace_release_mod()).
	 */
	for (rec = pg->records; rec < pg->records + pg->index; rec++)
		for (op = ftrace_ops_list; op; op = op->next)
			if (ftrace_ops_test(op, rec->ip))
				rec->refs++;
	link_group(pg);
	err = ftrace_sync_sites();
	if (err)
		unlink_group(pg);
	mutex_unlock(&ftrace_lock);
	if (err)
		free_group(pg);
	return err;
}

/*
 * Replace the ips in [start, end) of hash by 0, which no site has: the
 * filter keeps its count, so an ops that filtered only on the module's
 * functions does not fall back to "every function" (Linux:
 * clear_mod_from_hash() sets entry->ip = 0 for the same reason). The
 * zeros go first, so the array stays sorted. Context: ftrace_lock, with
 * interrupts off so that no reader (the list function) sees it half done.
 */
static void scrub_hash(struct ftrace_hash *hash, unsigned long start, unsigned long end)
{
	unsigned int lo, hi, i;

	if (!hash)
		return;
	for (lo = 0; lo < hash->count && hash->ips[lo] < start; lo++)
		;
	for (hi = lo; hi < hash->count && hash->ips[hi] < end; hi++)
		;
	if (lo == hi)
		return;
	for (i = hi; i-- > hi - lo;)
		hash->ips[i] = hash->ips[i - (hi - lo)];
	for (i = 0; i < hi - lo; i++)
		hash->ips[i] = 0;
}

void ftrace_release_mod(struct module *mod)
{
	unsigned long start = (unsigned long)mod->core_layout.base;
	unsigned long end = start + mod->core_layout.size, flags;
	struct ftrace_page *pg;
	struct ftrace_ops *op;

	mutex_lock(&ftrace_lock);
	for (pg = ftrace_pages_start; pg && pg->mod != mod; pg = pg->next)
		;
	if (!pg) {
		mutex_unlock(&ftrace_lock);
		return;
	}
	/* Registered ops, and the tracer's filter (set_ftrace_filter) even when it is off. */
	local_irq_save(flags);
	for (op = ftrace_ops_list; op; op = op->next)
		scrub_hash(op->filter_hash, start, end);
	if (!(trace_ops.flags & FTRACE_OPS_FL_ENABLED))
		scrub_hash(trace_ops.filter_hash, start, end);
	local_irq_restore(flags);

	unlink_group(pg);
	/*
	 * The sites go with the module's memory; nothing is patched back. If
	 * there is no memory for a new table, the old one stays: its entries
	 * for these ips are only looked at by a site that calls the
	 * trampoline, and none does until the next update builds a table.
	 */
	if (ftrace_sync_sites())
		pr_warn("%s: no memory to rebuild the site table (harmless)\n", mod->name);
	mutex_unlock(&ftrace_lock);
	free_group(pg);
}

/* ---- Boot ---- */

static int ftrace_init(void)
{
	extern const unsigned long __start_mcount_loc[], __stop_mcount_loc[];
	unsigned long bad = 0;
	struct ftrace_page *pg;
	int err;

	pg = alloc_group(__start_mcount_loc, __stop_mcount_loc - __start_mcount_loc, &bad, &err);
	if (err == -EINVAL) {
		struct dyn_ftrace rec = { .ip = bad };

		ftrace_bug(err, &rec);
	}
	if (!pg)
		return err;
	mutex_lock(&ftrace_lock);
	link_group(pg);
	mutex_unlock(&ftrace_lock);
	pr_info("%lu fentry sites recorded, all hold the nop\n", nr_records);
	return 0;
}
core_initcall(ftrace_init);
