// SPDX-License-Identifier: MIT
/*
 * Host tests of lib/sscanf.c: the livepatch symbol-name patterns, and the
 * integer and string conversions against the host's sscanf.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

/* Some formats below are deliberately odd or leave arguments unused. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* Linux's klp_resolve_symbols() / klp_write_section_relocs() patterns. */
#define KLP_SYM_FMT ".klp.sym.%55[^.].%511[^,],%lu"
#define KLP_RELA_FMT ".klp.rela.%55[^.]"

static void sscanf_klp_sym(void)
{
	char objname[56], name[512];
	unsigned long sympos = 99;

	EXPECT(scion_sscanf(".klp.sym.vmlinux.printk,0", KLP_SYM_FMT, objname, name, &sympos) == 3);
	EXPECT(!strcmp(objname, "vmlinux") && !strcmp(name, "printk") && sympos == 0);
	EXPECT(scion_sscanf(".klp.sym.livepatch_sample.local_fn,2", KLP_SYM_FMT, objname, name,
			    &sympos) == 3);
	EXPECT(!strcmp(objname, "livepatch_sample") && !strcmp(name, "local_fn") && sympos == 2);
	/* A symbol name may itself contain dots (e.g. "foo.cold"). */
	EXPECT(scion_sscanf(".klp.sym.vmlinux.foo.cold.1,1", KLP_SYM_FMT, objname, name, &sympos) == 3);
	EXPECT(!strcmp(name, "foo.cold.1") && sympos == 1);
	/* Missing sympos: two conversions, the caller reports the bad name. */
	sympos = 99;
	EXPECT(scion_sscanf(".klp.sym.vmlinux.printk", KLP_SYM_FMT, objname, name, &sympos) == 2);
	EXPECT(sympos == 99);
	EXPECT(scion_sscanf(".klp.sym..x,1", KLP_SYM_FMT, objname, name, &sympos) == 0);
	EXPECT(scion_sscanf("klp.sym.a.b,1", KLP_SYM_FMT, objname, name, &sympos) == 0);
}

static void sscanf_klp_field_widths(void)
{
	char objname[56], name[512], longobj[80], longname[600];
	unsigned long sympos = 0;
	char input[800];

	memset(longobj, 'o', 70);
	longobj[70] = '\0';
	/* Objname longer than 55: the first 55 are stored and the match then stops at the '.'. */
	snprintf(input, sizeof(input), ".klp.sym.%s.f,0", longobj);
	memset(objname, 'X', sizeof(objname));
	EXPECT(scion_sscanf(input, KLP_SYM_FMT, objname, name, &sympos) == 1);
	EXPECT(strlen(objname) == 55);
	memset(longname, 'n', 520);
	longname[520] = '\0';
	snprintf(input, sizeof(input), ".klp.sym.vmlinux.%s,0", longname);
	memset(name, 'X', sizeof(name));
	EXPECT(scion_sscanf(input, KLP_SYM_FMT, objname, name, &sympos) == 2);
	EXPECT(strlen(name) == 511);
}

static void sscanf_klp_rela(void)
{
	char objname[56];

	EXPECT(scion_sscanf(".klp.rela.vmlinux..text.printk", KLP_RELA_FMT, objname) == 1);
	EXPECT(!strcmp(objname, "vmlinux"));
	EXPECT(scion_sscanf(".klp.rela.livepatch_sample.text", KLP_RELA_FMT, objname) == 1);
	EXPECT(!strcmp(objname, "livepatch_sample"));
	EXPECT(scion_sscanf(".rela.text", KLP_RELA_FMT, objname) == 0);
}

/* Same count and same stored values as the host's sscanf. */
#define CMP_INTS(input, fmt)                                                   \
	do {                                                                   \
		long long h[3] = { -7, -7, -7 }, s[3] = { -7, -7, -7 };        \
		int hn = sscanf(input, fmt, &h[0], &h[1], &h[2]);              \
		int sn = scion_sscanf(input, fmt, &s[0], &s[1], &s[2]);        \
		if (hn != sn || memcmp(h, s, sizeof(h))) {                     \
			tap_case_ok = false;                                   \
			tap_diag("sscanf(\"%s\", \"%s\"): host %d %lld %lld %lld, ours %d %lld %lld %lld", \
				 input, fmt, hn, h[0], h[1], h[2], sn, s[0], s[1], s[2]); \
		}                                                              \
	} while (0)

static void sscanf_integers(void)
{
	CMP_INTS("1 2 3", "%lld %lld %lld");
	CMP_INTS("  -12   +34 0", "%lld%lld%lld");
	CMP_INTS("ff 0x1F 0X0", "%llx %llx %llx");
	CMP_INTS("0x12 012 12", "%lli %lli %lli");
	CMP_INTS("-0x12 -012 -12", "%lli %lli %lli");
	CMP_INTS("777 8", "%llo %llo %llo");
	CMP_INTS("12345", "%2lld%2lld%lld");
	CMP_INTS("0x1234", "%3llx%llx");
	CMP_INTS("-123", "%2lld%lld");
	CMP_INTS("a=5,b=6", "a=%lld,b=%lld");
	CMP_INTS("a=5;b=6", "a=%lld,b=%lld");
	CMP_INTS("x", "%lld");
	CMP_INTS("18446744073709551615", "%llu");
	CMP_INTS("-1", "%llu");
	CMP_INTS("5 %", "%lld %%");
	CMP_INTS("7-8", "%lld-%lld");
	CMP_INTS("7 - 8", "%lld - %lld");
	CMP_INTS("1 2 3", "%lld %*lld %lld");
}

static void sscanf_sizes(void)
{
	signed char hh;
	short h;
	int i;
	unsigned int u;
	long l;
	size_t z;
	intmax_t j;
	int n = 0;

	EXPECT(scion_sscanf("-5 -300 -70000 4000000000 -9 77 -1234567890123", "%hhd %hd %d %u %ld %zu %jd",
			    &hh, &h, &i, &u, &l, &z, &j) == 7);
	EXPECT(hh == -5 && h == -300 && i == -70000 && u == 4000000000U && l == -9 && z == 77 &&
	       j == -1234567890123LL);
	EXPECT(scion_sscanf("abc 42", "%*s %d%n", &i, &n) == 1 && i == 42 && n == 6);
}

static void sscanf_strings(void)
{
	char a[16], b[16], c[4];

	EXPECT(scion_sscanf("  hello world", "%s %s", a, b) == 2);
	EXPECT(!strcmp(a, "hello") && !strcmp(b, "world"));
	EXPECT(scion_sscanf("abcdefgh", "%3s%s", a, b) == 2 && !strcmp(a, "abc") && !strcmp(b, "defgh"));
	memset(c, 'x', sizeof(c));
	EXPECT(scion_sscanf(" xyz", "%c%2c", &c[0], &c[1]) == 2);
	EXPECT(c[0] == ' ' && c[1] == 'x' && c[2] == 'y' && c[3] == 'x');
	EXPECT(scion_sscanf("key=value", "%15[a-z]=%15s", a, b) == 2);
	EXPECT(!strcmp(a, "key") && !strcmp(b, "value"));
	EXPECT(scion_sscanf("]x-y", "%15[]x-]", a) == 1 && !strcmp(a, "]x-"));
	EXPECT(scion_sscanf("abc", "%15[^a]", a) == 0);
	/* C returns EOF for empty input; Linux, and we, return 0. */
	EXPECT(scion_sscanf("", "%s", a) == 0);
	EXPECT(scion_sscanf("   ", "%s", a) == 0);
	EXPECT(scion_sscanf("abc", "%15[abc", a) == 0);	/* no closing ']' */
}

static const struct tap_case cases[] = {
	TAP_CASE(sscanf_klp_sym),
	TAP_CASE(sscanf_klp_field_widths),
	TAP_CASE(sscanf_klp_rela),
	TAP_CASE(sscanf_integers),
	TAP_CASE(sscanf_sizes),
	TAP_CASE(sscanf_strings),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
