/* SPDX-License-Identifier: MIT */
/* Error numbers, with Linux's values so that messages and user space agree. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <linux/types.h>
#include <uapi/asm-generic/errno.h>

/* Kernel-internal: never seen by user space. */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ENOTSUPP 524

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }

/*
 * errno_text(-EINVAL) or errno_text(EINVAL) -> "Invalid argument": glibc's
 * strerror() text, for shell messages. Unknown values give "Unknown error N",
 * formatted in one static buffer that the next unknown value overwrites.
 */
const char *errno_text(int err);

#endif
