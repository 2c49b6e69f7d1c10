/* SPDX-License-Identifier: MIT */
/* Binary search in a sorted array, implemented in lib/bsearch.c (Linux: include/linux/bsearch.h). */
#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H

#include <linux/types.h>

/*
 * Find key among num elements of size bytes at base, sorted ascending by
 * cmp(key, element) (negative: key sorts before element).
 * Return: a matching element (any one, if several match), or NULL.
 */
void *bsearch(const void *key, const void *base, size_t num, size_t size,
	      int (*cmp)(const void *key, const void *elt));

#endif
