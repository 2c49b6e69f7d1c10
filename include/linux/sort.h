/* SPDX-License-Identifier: MIT */
/* In-place array sort, implemented in lib/sort.c (Linux: include/linux/sort.h). */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);

/*
 * Sort num elements of size bytes at base, smallest first by cmp, with
 * heapsort: O(n log n) comparisons, no recursion, no allocation; not stable.
 * swap may be NULL for the built-in byte/word swap.
 */
void sort(void *base, size_t num, size_t size, cmp_func_t cmp, swap_func_t swap);

#endif
