/* SPDX-License-Identifier: MIT */
/* errno and Linux's errno values (the same on x86_64 and s390x). */
#ifndef _USER_ERRNO_H
#define _USER_ERRNO_H

extern int errno;

#include <uapi/asm-generic/errno.h>

/* Linux returns -errno in this range; anything else is a result. */
#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

#endif
