// SPDX-License-Identifier: MIT
/*
 * ktest suite klp_state: system states (kernel/livepatch/state.c) on
 * patches made up here: klp_get_state(), the compatibility rule of
 * klp_enable_patch() in every branch, klp_get_prev_state() during a
 * transition. The made-up patches sit on klp_patches under klp_mutex and
 * are gone before it is released; with real patches installed the suite
 * skips.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/mutex.h>
#include <scion/ktest.h>
#include "core.h"
#include "state.h"
#include "transition.h"

static struct klp_state states_a[] = { { .id = 1, .version = 2 }, {} };
static struct klp_state states_b[] = { { .id = 2, .version = 1 }, { .id = 3, .version = 5 }, {} };

static struct klp_patch fake_a = { .states = states_a };
static struct klp_patch fake_b = { .states = states_b };

/* Take klp_mutex and put patches on klp_patches, oldest first; false (skipped) if in use. */
static bool install(struct ktest *t, struct klp_patch **patches, int nr)
{
	int i;

	mutex_lock(&klp_mutex);
	if (!list_empty(&klp_patches) || klp_transition_patch) {
		mutex_unlock(&klp_mutex);
		ktest_skip(t, "live patches are installed");
		return false;
	}
	for (i = 0; i < nr; i++)
		list_add_tail(&patches[i]->list, &klp_patches);
	return true;
}

static void uninstall(void)
{
	struct klp_patch *patch, *tmp;

	list_for_each_entry_safe(patch, tmp, &klp_patches, list)
		list_del_init(&patch->list);
	klp_transition_patch = NULL;
	mutex_unlock(&klp_mutex);
}

/* A patch with these states, replace or not, tested against what is installed. */
static bool compatible(const struct klp_state *states, int nr, bool replace)
{
	struct klp_state s[4] = {};
	struct klp_patch patch = { .states = s, .replace = replace };

	if (nr)
		memcpy(s, states, nr * sizeof(*s));
	return klp_is_patch_compatible(&patch);
}

static void test_state_get(struct ktest *t)
{
	struct klp_patch none = { .states = NULL };

	KTEST_EXPECT_TRUE(t, klp_get_state(&fake_b, 2) == &states_b[0]);
	KTEST_EXPECT_TRUE(t, klp_get_state(&fake_b, 3) == &states_b[1]);
	KTEST_EXPECT_TRUE(t, klp_get_state(&fake_b, 1) == NULL);
	KTEST_EXPECT_TRUE(t, klp_get_state(&none, 1) == NULL);
}

static void test_state_compatible_one(struct ktest *t)
{
	struct klp_patch *installed[] = { &fake_a };	/* state 1, version 2 */
	const struct klp_state v1 = { .id = 1, .version = 1 }, v2 = { .id = 1, .version = 2 },
			       v3 = { .id = 1, .version = 3 }, other = { .id = 9, .version = 1 };

	if (!install(t, installed, 1))
		return;
	KTEST_EXPECT_TRUE(t, compatible(&v2, 1, false));	/* same version */
	KTEST_EXPECT_TRUE(t, compatible(&v3, 1, true));		/* newer */
	KTEST_EXPECT_FALSE(t, compatible(&v1, 1, false));	/* older */
	KTEST_EXPECT_FALSE(t, compatible(&v1, 1, true));
	/* Without state 1: fine on top, not as its replacement. */
	KTEST_EXPECT_TRUE(t, compatible(NULL, 0, false));
	KTEST_EXPECT_FALSE(t, compatible(NULL, 0, true));
	KTEST_EXPECT_TRUE(t, compatible(&other, 1, false));
	KTEST_EXPECT_FALSE(t, compatible(&other, 1, true));
	uninstall();
}

static void test_state_compatible_all(struct ktest *t)
{
	struct klp_patch *installed[] = { &fake_a, &fake_b };
	const struct klp_state all[] = { { .id = 1, .version = 2 }, { .id = 2, .version = 1 },
					 { .id = 3, .version = 5 } };
	const struct klp_state old3[] = { { .id = 1, .version = 9 }, { .id = 2, .version = 9 },
					  { .id = 3, .version = 4 } };

	if (!install(t, installed, 2))
		return;
	KTEST_EXPECT_TRUE(t, compatible(all, 3, true));
	KTEST_EXPECT_FALSE(t, compatible(all, 2, true));	/* state 3 would lose its owner */
	KTEST_EXPECT_TRUE(t, compatible(all, 2, false));
	KTEST_EXPECT_FALSE(t, compatible(old3, 3, false));	/* any older version refuses */
	uninstall();
}

/* The most recent entry before the patch in transition; nothing from it or after it. */
static void test_state_prev(struct ktest *t)
{
	struct klp_state s1[] = { { .id = 1, .version = 1 }, {} };
	struct klp_state s2[] = { { .id = 1, .version = 2 }, {} };
	struct klp_state s3[] = { { .id = 1, .version = 3 }, {} };
	struct klp_patch p1 = { .states = s1 }, p2 = { .states = s2 }, p3 = { .states = s3 };
	struct klp_patch *installed[] = { &p1, &fake_b, &p2, &p3 };

	if (!install(t, installed, 4))
		return;
	klp_transition_patch = &p3;
	KTEST_EXPECT_TRUE(t, klp_get_prev_state(1) == &s2[0]);
	KTEST_EXPECT_TRUE(t, klp_get_prev_state(3) == &states_b[1]);
	KTEST_EXPECT_TRUE(t, klp_get_prev_state(4) == NULL);
	klp_transition_patch = &p2;
	KTEST_EXPECT_TRUE(t, klp_get_prev_state(1) == &s1[0]);
	klp_transition_patch = &p1;
	KTEST_EXPECT_TRUE(t, klp_get_prev_state(1) == NULL);
	uninstall();
}

static const struct ktest_case klp_state_cases[] = {
	KTEST_CASE(test_state_get),
	KTEST_CASE(test_state_compatible_one),
	KTEST_CASE(test_state_compatible_all),
	KTEST_CASE(test_state_prev),
	{}
};
KTEST_SUITE(klp_state, klp_state_cases);
