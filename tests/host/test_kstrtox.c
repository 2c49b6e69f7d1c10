// SPDX-License-Identifier: MIT
/* Host tests of lib/kstrtox.c: Linux's kstrto*() answers, edge by edge. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

struct ull_case {
	const char *s;
	unsigned int base;
	int rc;
	unsigned long long value;
};

static const struct ull_case ull_cases[] = {
	{ "0", 10, 0, 0 },
	{ "42", 10, 0, 42 },
	{ "+42", 10, 0, 42 },
	{ "42\n", 10, 0, 42 },
	{ "42\n\n", 10, -EINVAL, 0 },
	{ "42 ", 10, -EINVAL, 0 },
	{ " 42", 10, -EINVAL, 0 },
	{ "", 10, -EINVAL, 0 },
	{ "\n", 10, -EINVAL, 0 },
	{ "+", 10, -EINVAL, 0 },
	{ "++1", 10, -EINVAL, 0 },
	{ "-1", 10, -EINVAL, 0 },
	{ "4x2", 10, -EINVAL, 0 },
	{ "18446744073709551615", 10, 0, ULLONG_MAX },
	{ "18446744073709551616", 10, -ERANGE, 0 },
	{ "99999999999999999999999", 10, -ERANGE, 0 },
	{ "99999999999999999999999x", 10, -ERANGE, 0 },	/* Linux: overflow wins */
	{ "0x1f", 0, 0, 0x1f },
	{ "0X1F", 0, 0, 0x1f },
	{ "017", 0, 0, 017 },
	{ "0", 0, 0, 0 },
	{ "08", 0, -EINVAL, 0 },
	{ "0x", 0, -EINVAL, 0 },
	{ "0xg", 0, -EINVAL, 0 },
	{ "ff", 16, 0, 0xff },
	{ "0xff", 16, 0, 0xff },
	{ "0XfF\n", 16, 0, 0xff },
	{ "0x", 16, -EINVAL, 0 },
	{ "0x0x1", 16, -EINVAL, 0 },
	{ "ffffffffffffffff", 16, 0, ULLONG_MAX },
	{ "10000000000000000", 16, -ERANGE, 0 },
	{ "777", 8, 0, 0777 },
	{ "8", 8, -EINVAL, 0 },
	{ "0x10", 10, -EINVAL, 0 },
	{ "1010", 2, 0, 10 },
	{ "12", 2, -EINVAL, 0 },
	{ "1", 1, -EINVAL, 0 },
	{ "1", 17, -EINVAL, 0 },
};

static void kstrtox_ull(void)
{
	for (size_t i = 0; i < sizeof(ull_cases) / sizeof(ull_cases[0]); i++) {
		const struct ull_case *c = &ull_cases[i];
		unsigned long long v = 12345;
		int rc = scion_kstrtoull(c->s, c->base, &v);

		if (rc != c->rc || (rc == 0 && v != c->value) || (rc && v != 12345)) {
			tap_case_ok = false;
			tap_diag("kstrtoull(\"%s\", %u): rc %d value %llu", c->s, c->base, rc, v);
		}
	}
}

static void kstrtox_ll(void)
{
	long long v = 0;

	EXPECT(scion_kstrtoll("-9223372036854775808", 10, &v) == 0 && v == LLONG_MIN);
	EXPECT(scion_kstrtoll("-9223372036854775809", 10, &v) == -ERANGE);
	EXPECT(scion_kstrtoll("9223372036854775807", 10, &v) == 0 && v == LLONG_MAX);
	EXPECT(scion_kstrtoll("9223372036854775808", 10, &v) == -ERANGE);
	EXPECT(scion_kstrtoll("+9223372036854775807", 10, &v) == 0 && v == LLONG_MAX);
	EXPECT(scion_kstrtoll("-0", 10, &v) == 0 && v == 0);
	EXPECT(scion_kstrtoll("-0x10", 0, &v) == 0 && v == -16);
	EXPECT(scion_kstrtoll("-0x10", 16, &v) == 0 && v == -16);
	EXPECT(scion_kstrtoll("--1", 10, &v) == -EINVAL);
	EXPECT(scion_kstrtoll("-+1", 10, &v) == -EINVAL);
	EXPECT(scion_kstrtoll("-", 10, &v) == -EINVAL);
	EXPECT(scion_kstrtoll("-12\n", 10, &v) == 0 && v == -12);
}

static void kstrtox_long_int(void)
{
	unsigned long ul;
	long l;
	unsigned int ui;
	int si;
	uint8_t u8;

	EXPECT(scion_kstrtoul("18446744073709551615", 10, &ul) == 0 && ul == ULONG_MAX);
	EXPECT(scion_kstrtol("-9223372036854775808", 10, &l) == 0 && l == LONG_MIN);
	EXPECT(scion_kstrtol("9223372036854775808", 10, &l) == -ERANGE);
	EXPECT(scion_kstrtouint("4294967295", 10, &ui) == 0 && ui == UINT_MAX);
	EXPECT(scion_kstrtouint("4294967296", 10, &ui) == -ERANGE);
	EXPECT(scion_kstrtouint("-1", 10, &ui) == -EINVAL);
	EXPECT(scion_kstrtoint("2147483647", 10, &si) == 0 && si == INT_MAX);
	EXPECT(scion_kstrtoint("2147483648", 10, &si) == -ERANGE);
	EXPECT(scion_kstrtoint("-2147483648", 10, &si) == 0 && si == INT_MIN);
	EXPECT(scion_kstrtoint("-2147483649", 10, &si) == -ERANGE);
	EXPECT(scion_kstrtoint("0x7fffffff", 0, &si) == 0 && si == INT_MAX);
	EXPECT(scion_kstrtoint("abc", 10, &si) == -EINVAL);
	EXPECT(scion_kstrtou8("255", 10, &u8) == 0 && u8 == 255);
	EXPECT(scion_kstrtou8("256", 10, &u8) == -ERANGE);
	EXPECT(scion_kstrtou8("0xff\n", 16, &u8) == 0 && u8 == 255);
	EXPECT(scion_kstrtou8("-1", 10, &u8) == -EINVAL);
}

static void kstrtox_bool(void)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "ON", "oN", "yes", "t", "true\n", "1x" };
	static const char *const no[] = { "n", "N", "0", "off", "OFF", "oF", "no", "f", "false", "0\n" };
	static const char *const bad[] = { "", "o", "ox", "2", "x", " y", "\n", "-1" };
	bool v;

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		v = false;
		EXPECT(scion_kstrtobool(yes[i], &v) == 0 && v);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		v = true;
		EXPECT(scion_kstrtobool(no[i], &v) == 0 && !v);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = true;
		EXPECT(scion_kstrtobool(bad[i], &v) == -EINVAL && v);
	}
	EXPECT(scion_kstrtobool(NULL, &v) == -EINVAL);
}

static void kstrtox_simple_strtoul(void)
{
	char *end;
	const char *s;

	s = "123abc";
	EXPECT(scion_simple_strtoul(s, &end, 10) == 123 && end == s + 3);
	s = "0x1fz";
	EXPECT(scion_simple_strtoul(s, &end, 0) == 0x1f && end == s + 4);
	EXPECT(scion_simple_strtoul(s, &end, 16) == 0x1f && end == s + 4);
	s = "0777";
	EXPECT(scion_simple_strtoul(s, &end, 0) == 0777 && end == s + 4);
	s = "xyz";
	EXPECT(scion_simple_strtoul(s, &end, 10) == 0 && end == s);
	s = "-42,";
	EXPECT(scion_simple_strtol(s, &end, 10) == -42 && end == s + 3);
	EXPECT(scion_simple_strtol("-9223372036854775808", NULL, 10) == LONG_MIN);
	EXPECT(scion_simple_strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX);
	EXPECT(scion_simple_strtoul("ffffffff81000000", NULL, 16) == 0xffffffff81000000UL);
}

/* Valid random numbers in random bases agree with the host's strtoull. */
static void kstrtox_random_vs_strtoull(void)
{
	static const unsigned int bases[] = { 0, 2, 8, 10, 16 };
	char buf[80];

	srand(77);
	for (int i = 0; i < 20000; i++) {
		unsigned long long x = ((unsigned long long)rand() << 42) ^ ((unsigned long long)rand() << 21) ^ rand();
		unsigned int base = bases[rand() % 5];
		unsigned long long got = 0;
		int rc;

		x >>= rand() % 64;
		switch (base) {
		case 0:
		case 16:
			snprintf(buf, sizeof(buf), rand() % 2 ? "%#llx" : "%llu", x);
			if (base == 16 && buf[1] != 'x')
				snprintf(buf, sizeof(buf), "%llx", x);
			break;
		case 8:
			snprintf(buf, sizeof(buf), "%llo", x);
			break;
		case 2:
			buf[64] = '\0';
			for (int b = 63; b >= 0; b--)
				buf[63 - b] = (x >> b) & 1 ? '1' : '0';
			break;
		default:
			snprintf(buf, sizeof(buf), "%llu", x);
		}
		rc = scion_kstrtoull(buf, base, &got);
		if (rc || got != strtoull(buf, NULL, base)) {
			tap_case_ok = false;
			tap_diag("kstrtoull(\"%s\", %u): rc %d value %llu", buf, base, rc, got);
			return;
		}
	}
}

static const struct tap_case cases[] = {
	TAP_CASE(kstrtox_ull),
	TAP_CASE(kstrtox_ll),
	TAP_CASE(kstrtox_long_int),
	TAP_CASE(kstrtox_bool),
	TAP_CASE(kstrtox_simple_strtoul),
	TAP_CASE(kstrtox_random_vs_strtoull),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
