/* SPDX-License-Identifier: MIT */
/* Basic types of the user libc (LP64 on both arches). */
#ifndef _USER_SYS_TYPES_H
#define _USER_SYS_TYPES_H

#include <stddef.h>	/* size_t, NULL: the compiler's freestanding header */

typedef long ssize_t;
typedef int pid_t;
typedef long off_t;
typedef unsigned int mode_t;
typedef unsigned int useconds_t;

#endif
