/* SPDX-License-Identifier: MIT */
/* open() flags: Linux's generic values, used by x86_64 and s390x alike. */
#ifndef _USER_FCNTL_H
#define _USER_FCNTL_H

#include <sys/types.h>

#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_DIRECTORY 00200000

/* mode is used only with O_CREAT. */
int open(const char *path, int flags, ...);

#endif
