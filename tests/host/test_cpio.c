// SPDX-License-Identifier: MIT
/*
 * Host tests of lib/cpio.c: archives written here field by field in the
 * "newc" format (cpio(5), "New ASCII Format"), as `cpio -H newc` and
 * tests/qemu/qemu_cmd.py write them, read back entry by entry, and
 * damaged ones refused with their reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

static unsigned char arc[4096];
static size_t arc_len;

static void pad(void)
{
	while (arc_len % 4)
		arc[arc_len++] = 0;
}

/* One entry: header, name, padding, data, padding. namesize 0: strlen + 1. */
static void add(const char *name, unsigned int mode, const char *data, size_t size,
		unsigned long namesize)
{
	char hdr[111];

	if (!namesize)
		namesize = strlen(name) + 1;
	snprintf(hdr, sizeof(hdr), "070701%08x%08x%08x%08x%08x%08x%08lx%08x%08x%08x%08x%08lx%08x",
		 1, mode, 0, 0, 1, 0, (unsigned long)size, 0, 0, 0, 0, namesize, 0);
	memcpy(arc + arc_len, hdr, 110);
	arc_len += 110;
	memcpy(arc + arc_len, name, strlen(name) + 1);
	arc_len += strlen(name) + 1;
	pad();
	memcpy(arc + arc_len, data, size);
	arc_len += size;
	pad();
}

static void build(void)
{
	arc_len = 0;
	memset(arc, 0, sizeof(arc));
	add("lib", 0040755, "", 0, 0);
	add("lib/a.ko", 0100644, "hello", 5, 0);
	add("b.ko", 0100644, "", 0, 0);
	add("c.ko", 0100600, "0123456789abcdef", 16, 0);
	add("TRAILER!!!", 0, "", 0, 0);
}

/* Walk the archive; the number of entries before the trailer, or -1 (why has the reason). */
static int walk(size_t len, struct cpio_entry *out, int max, char *why)
{
	size_t pos = 0;
	int n = 0, r;
	struct cpio_entry e;

	while ((r = scion_cpio_next_entry(arc, len, &pos, &e, why, 128)) == 1)
		if (n < max)
			out[n++] = e;
	return r < 0 ? -1 : n;
}

static void reads_every_entry(void)
{
	struct cpio_entry e[8];
	char why[128] = "";

	build();
	EXPECT(scion_cpio_is_newc(arc, arc_len));
	EXPECT(walk(arc_len, e, 8, why) == 4);
	EXPECT(!strcmp(e[0].name, "lib") && (e[0].mode & CPIO_MODE_TYPE) == CPIO_MODE_DIR);
	EXPECT(!strcmp(e[1].name, "lib/a.ko") && e[1].size == 5 && !memcmp(e[1].data, "hello", 5));
	EXPECT((e[1].mode & CPIO_MODE_TYPE) == CPIO_MODE_REGULAR);
	EXPECT(!strcmp(e[2].name, "b.ko") && e[2].size == 0);
	EXPECT(e[3].size == 16 && !memcmp(e[3].data, "0123456789abcdef", 16) && e[3].mode == 0100600);
	EXPECT(((const unsigned char *)e[3].data - arc) % 4 == 0);
}

static void not_newc(void)
{
	build();
	EXPECT(!scion_cpio_is_newc(arc, 5));
	arc[5] = '2';				/* 070702: newc with checksums, not read here */
	EXPECT(!scion_cpio_is_newc(arc, arc_len));
}

static void refused(const char *what, const char *reason)
{
	struct cpio_entry e[8];
	char why[128] = "";

	EXPECT(walk(arc_len, e, 8, why) == -1);
	if (!strstr(why, reason))
		tap_diag("%s: \"%s\" lacks \"%s\"", what, why, reason);
	EXPECT(strstr(why, reason) != NULL);
}

static void damaged_archives_refused(void)
{
	size_t full;

	build();
	full = arc_len;
	arc_len = full - 120;			/* cut inside the trailer's entry */
	refused("cut", "no trailer");
	arc_len = full;
	arc[116 + 6 + 8 * 6 + 3] = 'x';		/* entry 2 (after 110 + "lib" + NUL): filesize */
	refused("digit", "field 6 is not hex");
	build();
	memcpy(arc + 116, "070707", 6);		/* entry 2 is an odc header */
	refused("magic", "no newc header at offset 116");
	arc_len = 0;
	add("big.ko", 0100644, "abc", 3, 0);
	memcpy(arc + 6 + 8 * 6, "00010000", 8);	/* 64 KiB of file in a short archive */
	add("TRAILER!!!", 0, "", 0, 0);
	refused("size", "'big.ko': 65536 bytes past the end");
	arc_len = 0;
	add("name.ko", 0100644, "", 0, 4);	/* namesize 4: "nam" is not NUL-terminated there */
	add("TRAILER!!!", 0, "", 0, 0);
	refused("name", "name not terminated by its size");
	arc_len = 0;
	add("x", 0100644, "", 0, 0x7fffffff);	/* a name past the end */
	refused("namesize", "name past the end");
}

static const struct tap_case cases[] = {
	TAP_CASE(reads_every_entry),
	TAP_CASE(not_newc),
	TAP_CASE(damaged_archives_refused),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
