// SPDX-License-Identifier: MIT
/* Host tests of lib/errno.c: every errno of include/linux/errno.h reads as glibc's strerror(). */
#include <stdio.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

/* Either sign gives the same text, and it is the host's strerror() text. */
static void errno_text_matches_strerror(void)
{
	for (size_t i = 0; i < scion_errnos_count; i++) {
		const struct scion_errno *e = &scion_errnos[i];
		const char *want = strerror(e->value);
		const char *pos = scion_errno_text(e->value);

		if (strcmp(pos, want) || strcmp(scion_errno_text(-e->value), want)) {
			tap_case_ok = false;
			tap_diag("%s (%d): \"%s\", strerror says \"%s\"", e->name, e->value, pos, want);
		}
	}
	tap_diag("%zu errno values checked", scion_errnos_count);
}

static void errno_text_known(void)
{
	EXPECT(!strcmp(scion_errno_text(-22), "Invalid argument"));
	EXPECT(!strcmp(scion_errno_text(16), "Device or resource busy"));
	EXPECT(!strcmp(scion_errno_text(-8), "Exec format error"));
	EXPECT(!strcmp(scion_errno_text(0), "Success"));
}

static void errno_text_unknown(void)
{
	EXPECT(!strcmp(scion_errno_text(-600), "Unknown error 600"));
	EXPECT(!strcmp(scion_errno_text(15), "Unknown error 15"));	/* ENOTBLK: not ours */
	EXPECT(!strcmp(scion_errno_text(-524), "Unknown error 524"));	/* ENOTSUPP: kernel-only */
	EXPECT(!strcmp(scion_errno_text(-2147483647 - 1), "Unknown error 2147483648"));
	EXPECT(!strcmp(scion_errno_text(4095), strerror(4095)));
}

static const struct tap_case cases[] = {
	TAP_CASE(errno_text_matches_strerror),
	TAP_CASE(errno_text_known),
	TAP_CASE(errno_text_unknown),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
