/* SPDX-License-Identifier: MIT */
/* Fixed-width integer types and the basic kernel scalar types (Linux: include/linux/types.h). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

/*
 * long, as on every LP64 host: host unit builds of lib/ (SCION_HOST, see
 * tests/host/host.mk) include no libc header, and their ssize_t matches the
 * host's.
 */
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned long phys_addr_t;
typedef int pid_t;
typedef unsigned int gfp_t;
typedef unsigned short umode_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif
