// SPDX-License-Identifier: MIT
/* Binary search in a sorted array (Linux: lib/bsearch.c). */
#include <linux/bsearch.h>

void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      int (*cmp)(const void *key, const void *elt))
{
	const char *lo = base;

	/* Invariant: a match, if any, lies in [lo, lo + num * size). */
	while (num) {
		const char *mid = lo + (num / 2) * size;
		int r = cmp(key, mid);

		if (!r)
			return (void *)mid;
		if (r > 0) {
			lo = mid + size;
			num -= num / 2 + 1;
		} else {
			num /= 2;
		}
	}
	return NULL;
}
