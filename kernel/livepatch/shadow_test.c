// SPDX-License-Identifier: MIT
/*
 * ktest suite klp_shadow: shadow variables (kernel/livepatch/shadow.c),
 * including what Linux's selftest does not reach: ctor failure, the
 * duplicate warning, the ctor's atomic context (and lookups from it), a
 * table far fuller than its 4096 buckets.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <scion/ktest.h>
#include <scion/printk.h>

/* Ids of this suite only, so that nothing else's variables are touched. */
#define SV_A 0x6b747301UL
#define SV_B 0x6b747302UL
#define SV_MANY 0x6b747303UL

static char logbuf[4096];

/* Run with the console quiet: the expected error lines stay out of the KTAP output. */
static int quiet_begin(u64 *seq)
{
	int loglevel = console_loglevel;

	console_loglevel = LOGLEVEL_EMERG;
	*seq = log_seq_next();
	return loglevel;
}

/* Restore the console; logbuf gets the log since quiet_begin(). */
static void quiet_end(int loglevel, u64 seq)
{
	size_t n = log_read(&seq, logbuf, sizeof(logbuf) - 1, LOGLEVEL_DEBUG);

	logbuf[n] = 0;
	console_loglevel = loglevel;
}

struct ctor_record {
	int calls;
	void *obj, *shadow_data, *ctor_data;
	bool irqs_were_disabled;
	int ret;
};

static int record_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	struct ctor_record *r = ctor_data;

	r->calls++;
	r->obj = obj;
	r->shadow_data = shadow_data;
	r->ctor_data = ctor_data;
	r->irqs_were_disabled = irqs_disabled();
	*(int *)shadow_data = 42;
	return r->ret;
}

static int dtor_calls;
static void *dtor_obj, *dtor_data;

static void record_dtor(void *obj, void *shadow_data)
{
	dtor_calls++;
	dtor_obj = obj;
	dtor_data = shadow_data;
}

static void test_shadow_alloc_zeroed(struct ktest *t)
{
	int obj, other;
	unsigned char *data;
	int i, nonzero = 0;

	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == NULL);
	data = klp_shadow_alloc(&obj, SV_A, 100, GFP_KERNEL, NULL, NULL);
	KTEST_ASSERT_TRUE(t, data != NULL);
	for (i = 0; i < 100; i++)
		nonzero += data[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == data);
	/* The key is the pair: another id, another object, nothing. */
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_B) == NULL);
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&other, SV_A) == NULL);
	klp_shadow_free(&obj, SV_A, NULL);
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == NULL);
}

/* The ctor sees obj, the new data and ctor_data, with interrupts off (under the lock). */
static void test_shadow_ctor_atomic(struct ktest *t)
{
	struct ctor_record r = { 0 };
	int obj;
	int *data;

	data = klp_shadow_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL, record_ctor, &r);
	KTEST_ASSERT_TRUE(t, data != NULL);
	KTEST_EXPECT_EQ(t, r.calls, 1);
	KTEST_EXPECT_TRUE(t, r.obj == &obj);
	KTEST_EXPECT_TRUE(t, r.shadow_data == data);
	KTEST_EXPECT_TRUE(t, r.ctor_data == &r);
	KTEST_EXPECT_TRUE(t, r.irqs_were_disabled);
	KTEST_EXPECT_EQ(t, *data, 42);
	klp_shadow_free(&obj, SV_A, NULL);
}

/* The ctor runs under klp_shadow_lock and may still look up other variables. */
static int lookup_ctor(void *obj, void *shadow_data, void *ctor_data)
{
	*(void **)shadow_data = klp_shadow_get(obj, SV_B);
	return 0;
}

static void test_shadow_get_in_ctor(struct ktest *t)
{
	int obj;
	void *other, **data;

	other = klp_shadow_alloc(&obj, SV_B, 8, GFP_KERNEL, NULL, NULL);
	KTEST_ASSERT_TRUE(t, other != NULL);
	data = klp_shadow_alloc(&obj, SV_A, sizeof(void *), GFP_KERNEL, lookup_ctor, NULL);
	KTEST_ASSERT_TRUE(t, data != NULL);
	KTEST_EXPECT_TRUE(t, *data == other);
	klp_shadow_free(&obj, SV_A, NULL);
	klp_shadow_free(&obj, SV_B, NULL);
}

static void test_shadow_ctor_fails(struct ktest *t)
{
	struct ctor_record r = { .ret = -ENOSPC };
	char expected[96];
	int obj, loglevel;
	void *data;
	u64 seq;

	loglevel = quiet_begin(&seq);
	data = klp_shadow_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL, record_ctor, &r);
	quiet_end(loglevel, seq);
	KTEST_EXPECT_TRUE(t, data == NULL);
	KTEST_EXPECT_EQ(t, r.calls, 1);
	snprintf(expected, sizeof(expected),
		 "livepatch: Failed to construct shadow variable <%p, %lx> (-28)\n", &obj, SV_A);
	KTEST_EXPECT_TRUE(t, strstr(logbuf, expected) != NULL);
	/* Nothing was attached: a later allocation succeeds. */
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == NULL);
	r.ret = 0;
	KTEST_EXPECT_TRUE(t, klp_shadow_get_or_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL,
						     record_ctor, &r) != NULL);
	KTEST_EXPECT_EQ(t, r.calls, 2);
	klp_shadow_free(&obj, SV_A, NULL);
}

/* A second klp_shadow_alloc() of <obj, id> WARNs, returns NULL, leaves the first alone. */
static void test_shadow_duplicate(struct ktest *t)
{
	struct ctor_record r = { 0 };
	char expected[96];
	int obj, loglevel;
	int *data;
	u64 seq;

	data = klp_shadow_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL, NULL, NULL);
	KTEST_ASSERT_TRUE(t, data != NULL);
	*data = 7;
	loglevel = quiet_begin(&seq);
	KTEST_EXPECT_TRUE(t, klp_shadow_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL,
					      record_ctor, &r) == NULL);
	quiet_end(loglevel, seq);
	snprintf(expected, sizeof(expected), "] Duplicate shadow variable <%p, %lx>\n", &obj, SV_A);
	KTEST_EXPECT_TRUE(t, strstr(logbuf, expected) != NULL);
	KTEST_EXPECT_TRUE(t, strstr(logbuf, "WARNING: ") != NULL);
	KTEST_EXPECT_EQ(t, r.calls, 0);
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == data);
	KTEST_EXPECT_EQ(t, *data, 7);
	klp_shadow_free(&obj, SV_A, NULL);
}

/* get_or_alloc: creates once (ctor runs), then returns the same data without ctor or warning. */
static void test_shadow_get_or_alloc(struct ktest *t)
{
	struct ctor_record r = { 0 };
	int obj, loglevel;
	int *first, *second;
	u64 seq;

	first = klp_shadow_get_or_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL, record_ctor, &r);
	KTEST_ASSERT_TRUE(t, first != NULL);
	*first = 5;
	loglevel = quiet_begin(&seq);
	second = klp_shadow_get_or_alloc(&obj, SV_A, sizeof(int), GFP_KERNEL, record_ctor, &r);
	quiet_end(loglevel, seq);
	KTEST_EXPECT_TRUE(t, second == first);
	KTEST_EXPECT_EQ(t, *second, 5);
	KTEST_EXPECT_EQ(t, r.calls, 1);
	KTEST_EXPECT_TRUE(t, strstr(logbuf, "Duplicate") == NULL);
	klp_shadow_free(&obj, SV_A, NULL);
}

static void test_shadow_free_dtor(struct ktest *t)
{
	int obj;
	void *data;

	data = klp_shadow_alloc(&obj, SV_A, 8, GFP_KERNEL, NULL, NULL);
	KTEST_ASSERT_TRUE(t, data != NULL);
	dtor_calls = 0;
	klp_shadow_free(&obj, SV_B, record_dtor);	/* no such variable: nothing */
	KTEST_EXPECT_EQ(t, dtor_calls, 0);
	klp_shadow_free(&obj, SV_A, record_dtor);
	KTEST_EXPECT_EQ(t, dtor_calls, 1);
	KTEST_EXPECT_TRUE(t, dtor_obj == &obj);
	KTEST_EXPECT_TRUE(t, dtor_data == data);
	KTEST_EXPECT_TRUE(t, klp_shadow_get(&obj, SV_A) == NULL);
	klp_shadow_free(&obj, SV_A, record_dtor);	/* already gone */
	KTEST_EXPECT_EQ(t, dtor_calls, 1);
}

/* free_all(id) takes <*, id> and nothing else. */
static void test_shadow_free_all(struct ktest *t)
{
	int objs[3];
	int i;

	for (i = 0; i < 3; i++) {
		KTEST_ASSERT_TRUE(t, klp_shadow_alloc(&objs[i], SV_A, 8, GFP_KERNEL, NULL, NULL));
		KTEST_ASSERT_TRUE(t, klp_shadow_alloc(&objs[i], SV_B, 8, GFP_KERNEL, NULL, NULL));
	}
	dtor_calls = 0;
	klp_shadow_free_all(SV_A, record_dtor);
	KTEST_EXPECT_EQ(t, dtor_calls, 3);
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_TRUE(t, klp_shadow_get(&objs[i], SV_A) == NULL);
		KTEST_EXPECT_TRUE(t, klp_shadow_get(&objs[i], SV_B) != NULL);
	}
	klp_shadow_free_all(SV_B, NULL);
	for (i = 0; i < 3; i++)
		KTEST_EXPECT_TRUE(t, klp_shadow_get(&objs[i], SV_B) == NULL);
}

/* More variables than buckets: every one found with its own data, all freed. */
#define NR_MANY 10000
static void test_shadow_many(struct ktest *t)
{
	char *objs = kmalloc(NR_MANY, GFP_KERNEL);
	int i, *data, wrong = 0, left = 0;

	KTEST_ASSERT_TRUE(t, objs != NULL);
	for (i = 0; i < NR_MANY; i++) {
		data = klp_shadow_alloc(&objs[i], SV_MANY, sizeof(int), GFP_KERNEL, NULL, NULL);
		if (!data)
			break;
		*data = i;
	}
	KTEST_EXPECT_EQ(t, i, NR_MANY);
	for (i = 0; i < NR_MANY; i++) {
		data = klp_shadow_get(&objs[i], SV_MANY);
		wrong += !data || *data != i;
	}
	KTEST_EXPECT_EQ(t, wrong, 0);
	dtor_calls = 0;
	klp_shadow_free_all(SV_MANY, record_dtor);
	KTEST_EXPECT_EQ(t, dtor_calls, NR_MANY);
	for (i = 0; i < NR_MANY; i++)
		left += klp_shadow_get(&objs[i], SV_MANY) != NULL;
	KTEST_EXPECT_EQ(t, left, 0);
	kfree(objs);
}

static const struct ktest_case klp_shadow_cases[] = {
	KTEST_CASE(test_shadow_alloc_zeroed),
	KTEST_CASE(test_shadow_ctor_atomic),
	KTEST_CASE(test_shadow_get_in_ctor),
	KTEST_CASE(test_shadow_ctor_fails),
	KTEST_CASE(test_shadow_duplicate),
	KTEST_CASE(test_shadow_get_or_alloc),
	KTEST_CASE(test_shadow_free_dtor),
	KTEST_CASE(test_shadow_free_all),
	KTEST_CASE(test_shadow_many),
	{}
};
KTEST_SUITE(klp_shadow, klp_shadow_cases);
