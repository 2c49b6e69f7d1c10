/* SPDX-License-Identifier: MIT */
/* Directory entries as getdents64() returns them (Linux's layout). */
#ifndef _USER_DIRENT_H
#define _USER_DIRENT_H

#include <sys/types.h>

#define DT_UNKNOWN 0
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10

/* Records are packed back to back; d_reclen is the offset of the next one. */
struct linux_dirent64 {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];		/* NUL-terminated */
};

ssize_t getdents64(int fd, struct linux_dirent64 *dirp, size_t count);

#endif
