// SPDX-License-Identifier: MIT
/*
 * The "newc" cpio archive, read in place (include/scion/cpio.h). Each
 * entry is a 110-byte ASCII header, the name with its NUL, padding to a
 * multiple of 4 bytes from the start of the header, then the file's
 * bytes padded to a multiple of 4; the entry named TRAILER!!! ends the
 * archive. Header fields: the magic "070701", then ino, mode, uid, gid,
 * nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor,
 * namesize, check, each 8 hex digits (cpio(5), "New ASCII Format").
 */
#include <linux/string.h>
#include <linux/sprintf.h>
#include <scion/cpio.h>

enum { FIELD_MODE = 1, FIELD_FILESIZE = 6, FIELD_NAMESIZE = 11, NR_FIELDS = 13 };

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool hex8(const char *s, unsigned long *val)
{
	int i;

	*val = 0;
	for (i = 0; i < 8; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return false;
		*val = *val << 4 | d;
	}
	return true;
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

bool cpio_is_newc(const void *buf, size_t len)
{
	return len >= 6 && !memcmp(buf, CPIO_NEWC_MAGIC, 6);
}

int cpio_next_entry(const void *buf, size_t len, size_t *pos, struct cpio_entry *entry,
		    char *why, size_t why_size)
{
	const char *p = (const char *)buf + *pos;
	unsigned long field[NR_FIELDS];
	size_t name_end, data_end;
	int i;

	if (*pos > len || len - *pos < CPIO_HEADER_SIZE) {
		snprintf(why, why_size, "no trailer: the archive ends at %zu", len);
		return -1;
	}
	if (memcmp(p, CPIO_NEWC_MAGIC, 6)) {
		snprintf(why, why_size, "no newc header at offset %zu", *pos);
		return -1;
	}
	for (i = 0; i < NR_FIELDS; i++) {
		if (!hex8(p + 6 + 8 * i, &field[i])) {
			snprintf(why, why_size, "header at offset %zu: field %d is not hex", *pos, i);
			return -1;
		}
	}
	/* The name starts after the header; its size counts the NUL. */
	if (!field[FIELD_NAMESIZE] || field[FIELD_NAMESIZE] > len - *pos - CPIO_HEADER_SIZE) {
		snprintf(why, why_size, "header at offset %zu: name past the end", *pos);
		return -1;
	}
	name_end = *pos + CPIO_HEADER_SIZE + field[FIELD_NAMESIZE];
	if (p[CPIO_HEADER_SIZE + field[FIELD_NAMESIZE] - 1] ||
	    strlen(p + CPIO_HEADER_SIZE) != field[FIELD_NAMESIZE] - 1) {
		snprintf(why, why_size, "header at offset %zu: name not terminated by its size", *pos);
		return -1;
	}
	if (pad4(name_end) > len || field[FIELD_FILESIZE] > len - pad4(name_end)) {
		snprintf(why, why_size, "'%s': %lu bytes past the end", p + CPIO_HEADER_SIZE,
			 field[FIELD_FILESIZE]);
		return -1;
	}
	data_end = pad4(name_end) + field[FIELD_FILESIZE];
	entry->name = p + CPIO_HEADER_SIZE;
	entry->data = (const char *)buf + pad4(name_end);
	entry->size = field[FIELD_FILESIZE];
	entry->mode = field[FIELD_MODE];
	*pos = pad4(data_end) < len ? pad4(data_end) : len;
	return strcmp(entry->name, "TRAILER!!!") ? 1 : 0;
}
