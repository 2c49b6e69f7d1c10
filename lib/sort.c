// SPDX-License-Identifier: MIT
/*
 * Heapsort of an array of fixed-size elements: no recursion, no memory,
 * O(n log n) in the worst case (Linux: lib/sort.c).
 */
#include <linux/sort.h>

/* Byte-wise unless both elements and the size allow whole longs. */
static void generic_swap(void *a, void *b, int size)
{
	if (!(((unsigned long)a | (unsigned long)b | size) % sizeof(long))) {
		long *p = a, *q = b;

		for (; size > 0; size -= sizeof(long), p++, q++) {
			long t = *p;

			*p = *q;
			*q = t;
		}
		return;
	}
	for (unsigned char *p = a, *q = b; size > 0; size--, p++, q++) {
		unsigned char t = *p;

		*p = *q;
		*q = t;
	}
}

/* Let the element at index i sink until the max-heap of n elements is whole again. */
static void sift_down(char *base, size_t i, size_t n, size_t size,
		      cmp_func_t cmp, swap_func_t swap)
{
	for (;;) {
		size_t child = 2 * i + 1;

		if (child >= n)
			return;
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
		i = child;
	}
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp, swap_func_t swap)
{
	char *array = base;
	size_t i;

	if (!swap)
		swap = generic_swap;
	if (num < 2)
		return;
	/* Build a max-heap, then move its top to the end one at a time. */
	for (i = num / 2; i-- > 0;)
		sift_down(array, i, num, size, cmp, swap);
	for (i = num - 1; i > 0; i--) {
		swap(array, array + i * size, size);
		sift_down(array, 0, i, size, cmp, swap);
	}
}
