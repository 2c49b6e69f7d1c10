/* SPDX-License-Identifier: MIT */
/*
 * Fixed-size hash tables of hlist buckets keyed by an unsigned long
 * (Linux: include/linux/hashtable.h, the same names).
 *
 *	static DEFINE_HASHTABLE(table, 12);		4096 buckets
 *	hash_add(table, &item->node, key);
 *	hash_for_each_possible(table, item, node, key)
 *		if (item->key == key) ...		other keys share the bucket
 */
#ifndef _LINUX_HASHTABLE_H
#define _LINUX_HASHTABLE_H

#include <linux/hash.h>
#include <linux/kernel.h>
#include <linux/list.h>

#define DEFINE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]

#define HASH_SIZE(name) (ARRAY_SIZE(name))
/* log2 of the bucket count; the tables are powers of two. */
#define HASH_BITS(name) (__builtin_ctzl(HASH_SIZE(name)))

#define hash_min(key, bits) hash_long(key, bits)

/* Zeroed tables (static ones) are already empty; this is for the others. */
static inline void __hash_init(struct hlist_head *table, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		INIT_HLIST_HEAD(&table[i]);
}
#define hash_init(table) __hash_init(table, HASH_SIZE(table))

#define hash_add(table, node, key) \
	hlist_add_head(node, &(table)[hash_min(key, HASH_BITS(table))])
#define hash_del(node) hlist_del_init(node)

/* Every entry of the bucket that key falls in (entries of other keys too). */
#define hash_for_each_possible(table, obj, member, key) \
	hlist_for_each_entry(obj, &(table)[hash_min(key, HASH_BITS(table))], member)

/* Every entry of the table, safe against removing obj; bkt is the bucket index. */
#define hash_for_each_safe(table, bkt, tmp, obj, member)                   \
	for ((bkt) = 0; (bkt) < HASH_SIZE(table); (bkt)++)                 \
		hlist_for_each_entry_safe(obj, tmp, &(table)[bkt], member)

#endif
