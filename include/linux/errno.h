/* SPDX-License-Identifier: MIT */
/* Error numbers, with Linux's values so that messages and user space agree. */
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H

#include <linux/types.h>

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39
#define ENODATA 61
#define ETIME 62
#define EOVERFLOW 75
#define EBADMSG 74
#define EADDRINUSE 98
#define ETIMEDOUT 110
#define EALREADY 114
#define ECANCELED 125
#define EKEYREJECTED 129

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
