// SPDX-License-Identifier: MIT
/* Host tests of lib/sort.c and lib/bsearch.c on random arrays. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* A 5-byte element: exercises the byte-wise swap. */
struct odd {
	unsigned char key[4];
	unsigned char tag;
};

static int cmp_odd(const void *a, const void *b)
{
	return memcmp(((const struct odd *)a)->key, ((const struct odd *)b)->key, 4);
}

static int swaps;

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	*(int *)a = *(int *)b;
	*(int *)b = t;
	swaps++;
}

static bool is_sorted(const int *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (v[i - 1] > v[i])
			return false;
	return true;
}

static void sort_random_ints(void)
{
	int v[600], ref[600];

	srand(42);
	for (size_t n = 0; n < 600; n += 1 + n / 8) {
		for (int round = 0; round < 20; round++) {
			int range = round % 2 ? 10 : 1 << 30;	/* many duplicates, or few */

			for (size_t i = 0; i < n; i++)
				v[i] = ref[i] = rand() % range - range / 2;
			scion_sort(v, n, sizeof(int), cmp_int, NULL);
			qsort(ref, n, sizeof(int), cmp_int);
			if (!is_sorted(v, n) || memcmp(v, ref, n * sizeof(int))) {
				tap_case_ok = false;
				tap_diag("n=%zu round %d: not sorted", n, round);
				return;
			}
		}
	}
}

static void sort_presorted_and_reversed(void)
{
	int v[257];

	for (int i = 0; i < 257; i++)
		v[i] = i;
	scion_sort(v, 257, sizeof(int), cmp_int, NULL);
	EXPECT(is_sorted(v, 257));
	for (int i = 0; i < 257; i++)
		v[i] = 257 - i;
	scion_sort(v, 257, sizeof(int), cmp_int, NULL);
	EXPECT(is_sorted(v, 257) && v[0] == 1 && v[256] == 257);
}

static void sort_custom_swap(void)
{
	int v[100];

	for (int i = 0; i < 100; i++)
		v[i] = (i * 37) % 100;
	swaps = 0;
	scion_sort(v, 100, sizeof(int), cmp_int, swap_int);
	EXPECT(is_sorted(v, 100) && swaps > 0);
}

static void sort_odd_size_elements(void)
{
	struct odd v[300];
	unsigned int tags[256] = { 0 };

	srand(7);
	for (int i = 0; i < 300; i++) {
		for (int k = 0; k < 4; k++)
			v[i].key[k] = rand() % 4;
		v[i].tag = (unsigned char)i;
		tags[v[i].tag]++;
	}
	scion_sort(v, 300, sizeof(struct odd), cmp_odd, NULL);
	for (int i = 1; i < 300; i++)
		EXPECT(cmp_odd(&v[i - 1], &v[i]) <= 0);
	/* A permutation: every element is still there exactly once. */
	for (int i = 0; i < 300; i++)
		tags[v[i].tag]--;
	for (int i = 0; i < 256; i++)
		EXPECT(tags[i] == 0);
}

static int cmp_key_u64(const void *key, const void *elt)
{
	uint64_t k = *(const uint64_t *)key, e = *(const uint64_t *)elt;

	return (k > e) - (k < e);
}

static void bsearch_random(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 31, 100, 255, 256, 257, 512 };
	uint64_t v[512];

	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t n = sizes[s];
		uint64_t low = 0, high = 1ULL << 40;

		for (size_t i = 0; i < n; i++)
			v[i] = 2 * i + 10;	/* even, sorted */
		for (size_t i = 0; i < n; i++) {
			uint64_t key = v[i], odd = v[i] + 1;

			EXPECT(scion_bsearch(&key, v, n, sizeof(v[0]), cmp_key_u64) == &v[i]);
			EXPECT(scion_bsearch(&odd, v, n, sizeof(v[0]), cmp_key_u64) == NULL);
		}
		EXPECT(scion_bsearch(&low, v, n, sizeof(v[0]), cmp_key_u64) == NULL);
		EXPECT(scion_bsearch(&high, v, n, sizeof(v[0]), cmp_key_u64) == NULL);
		if (!tap_case_ok) {
			tap_diag("n=%zu", n);
			return;
		}
	}
}

static void bsearch_sorted_by_sort(void)
{
	int v[1000];

	srand(11);
	for (int i = 0; i < 1000; i++)
		v[i] = rand();
	scion_sort(v, 1000, sizeof(int), cmp_int, NULL);
	for (int i = 0; i < 1000; i++) {
		int *hit = scion_bsearch(&v[i], v, 1000, sizeof(int), cmp_int);

		EXPECT(hit && *hit == v[i]);
	}
}

static const struct tap_case cases[] = {
	TAP_CASE(sort_random_ints),
	TAP_CASE(sort_presorted_and_reversed),
	TAP_CASE(sort_custom_swap),
	TAP_CASE(sort_odd_size_elements),
	TAP_CASE(bsearch_random),
	TAP_CASE(bsearch_sorted_by_sort),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
