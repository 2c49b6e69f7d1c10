/* SPDX-License-Identifier: MIT */
/* Multiplicative hashing of integers and pointers (Linux: include/linux/hash.h). */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>

/*
 * 2^64 / phi, rounded to odd: multiplying by it spreads the bits of a key
 * (aligned pointers differ only in their middle bits) into the top bits,
 * which are the ones kept. Knuth, TAOCP vol. 3, 6.4; Linux uses the same
 * constant.
 */
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

/* The top @bits bits of val * GOLDEN_RATIO_64: a bucket in [0, 2^bits). */
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

#define hash_long(val, bits) hash_64((u64)(val), bits)

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

#endif
