/* SPDX-License-Identifier: MIT */
/*
 * Reading a "newc" cpio archive (the format of Linux's initramfs, cpio -H
 * newc; Linux: lib/earlycpio.c, init/initramfs.c) in place: lib/cpio.c
 * walks the entries of a buffer and checks every header, name and length
 * against it, without copying or allocating. The kernel unpacks an
 * initrd that is such an archive into /lib/modules (kernel/fs/ramfs.c);
 * tests/host/test_cpio.c feeds it crafted archives.
 *
 * This header needs only compiler headers, so host tests can include it.
 */
#ifndef _SCION_CPIO_H
#define _SCION_CPIO_H

#include <stdbool.h>
#include <stddef.h>

#define CPIO_NEWC_MAGIC "070701"
#define CPIO_HEADER_SIZE 110		/* the magic and 13 fields of 8 hex digits */
#define CPIO_MODE_TYPE 0170000
#define CPIO_MODE_REGULAR 0100000
#define CPIO_MODE_DIR 0040000

struct cpio_entry {
	const char *name;		/* NUL-terminated, inside the archive */
	const void *data;		/* the file's contents, inside the archive */
	size_t size;
	unsigned int mode;
};

/* Does buf start like a newc archive (len permitting)? */
bool cpio_is_newc(const void *buf, size_t len);
/*
 * The entry at *pos of the archive buf[0..len), and *pos moved past it.
 * Return: 1 for an entry, 0 at the trailer ("TRAILER!!!"), or -1 with a
 * one-line reason in why[0..why_size) (a bad magic or digit, a name or
 * file past the end, an unterminated name, no trailer).
 */
int cpio_next_entry(const void *buf, size_t len, size_t *pos, struct cpio_entry *entry,
		    char *why, size_t why_size);

#endif
