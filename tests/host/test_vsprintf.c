// SPDX-License-Identifier: MIT
/*
 * Host tests of lib/vsprintf.c: every C99 conversion against the host's
 * snprintf, truncation at every buffer size, and the Linux-only parts
 * (%p, %pS and its hook, %pGg, NULL strings, stopping at an unknown conversion).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

/* Odd flag mixes are the point here; the host printf is the reference. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* Same return value and same bytes (NULs included) as the host's snprintf. */
static void same_as_host(int line, const char *what, const char *host, int host_len,
			 const char *ours, int our_len)
{
	int n = host_len < 255 ? host_len + 1 : 256;

	if (host_len == our_len && !memcmp(host, ours, n))
		return;
	tap_case_ok = false;
	tap_diag("line %d: %s: host %d \"%s\", ours %d \"%s\"", line, what, host_len, host,
		 our_len, ours);
}

#define CMP(...)                                                               \
	do {                                                                   \
		char h_[256], s_[256];                                         \
		int hn_ = snprintf(h_, sizeof(h_), __VA_ARGS__);               \
		int sn_ = scion_snprintf(s_, sizeof(s_), __VA_ARGS__);         \
		same_as_host(__LINE__, #__VA_ARGS__, h_, hn_, s_, sn_);        \
	} while (0)

/* As CMP, for a format from a table: the diagnostic shows the format itself. */
#define CMP_TABLE(fmt, value)                                                  \
	do {                                                                   \
		char h_[256], s_[256];                                         \
		int hn_ = snprintf(h_, sizeof(h_), fmt, value);                \
		int sn_ = scion_snprintf(s_, sizeof(s_), fmt, value);          \
		same_as_host(__LINE__, fmt, h_, hn_, s_, sn_);                 \
	} while (0)

#define EXPECT_STR(expected, ...)                                              \
	do {                                                                   \
		char b_[256];                                                  \
		int n_ = scion_snprintf(b_, sizeof(b_), __VA_ARGS__);          \
		if (n_ != (int)strlen(expected) || strcmp(b_, expected)) {     \
			tap_case_ok = false;                                   \
			tap_diag("line %d: %s: want \"%s\", got %d \"%s\"",    \
				 __LINE__, #__VA_ARGS__, expected, n_, b_);    \
		}                                                              \
	} while (0)

static void vsprintf_decimal(void)
{
	static const int values[] = { 0, 1, -1, 7, 42, -42, 1000, 99999, INT_MAX, INT_MIN };
	static const char *const formats[] = {
		"%d", "%i", "%5d", "%-5d", "%05d", "%+d", "% d", "%+05d", "%-+5d", "% 05d",
		"%.3d", "%.0d", "%8.3d", "%-8.3d", "%08.3d", "%+.0d", "% .0d", "%-08d",
		"%+ d", "%012d", "%-012d|", "%.12d", "%1d", "%0d", "[%3i]", "%+-8.4i|",
	};

	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++)
			CMP_TABLE(formats[f], values[v]);
}

static void vsprintf_unsigned(void)
{
	static const unsigned int values[] = { 0, 1, 8, 15, 16, 255, 0x8000, 0xdeadbeef, UINT_MAX };
	static const char *const formats[] = {
		"%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%08x", "%#08x", "%#8x", "%-#8x|",
		"%.0x", "%#.0x", "%#.0o", "%.5o", "%#.5o", "%#o", "%+u", "% u", "%+x", "%10.6X",
		"%-10.6o|", "%#010o", "%#.3x", "%05u", "%.1u",
	};

	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
		for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++)
			CMP_TABLE(formats[f], values[v]);
}

static void vsprintf_length_modifiers(void)
{
	CMP("%ld %ld %ld", LONG_MIN, LONG_MAX, 0L);
	CMP("%lu %lx %lo", ULONG_MAX, ULONG_MAX, ULONG_MAX);
	CMP("%lld %lld", LLONG_MIN, LLONG_MAX);
	CMP("%llu %llx %#llX %llo", ULLONG_MAX, 0x123456789abcdefULL, ULLONG_MAX, 01234567ULL);
	CMP("%+lld|% lld|%025lld", 5LL, 5LL, LLONG_MIN);
	CMP("%hd %hd %hd", 40000, -40000, 32767);
	CMP("%hu %hx %ho", 70000, 0x12345, -1);
	CMP("%hhd %hhd %hhd", 200, -129, 127);
	CMP("%hhu %hhx %hhX %hho", 300, -1, 0xabc, 511);
	CMP("%zu %zx %zd %zd", SIZE_MAX, (size_t)0xfeed, (ssize_t)-1, (ssize_t)LONG_MIN);
	CMP("%td %tx %td", (ptrdiff_t)-5, (ptrdiff_t)255, (ptrdiff_t)PTRDIFF_MIN);
	CMP("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, (uintmax_t)0xabcdef);
	CMP("%lu|%llu|%zu|%hu|%hhu", 1UL, 2ULL, (size_t)3, 4, 5);
}

static void vsprintf_char_string(void)
{
	CMP("%c%c%c", 'a', 'b', 'c');
	CMP("[%5c] [%-5c] [%1c]", 'x', 'y', 'z');
	CMP("a%cb", 0);	/* a NUL in the middle still counts */
	CMP("%c", 0x141);
	CMP("%s", "");
	CMP("%s|%10s|%-10s|", "abc", "abc", "abc");
	CMP("%.2s|%10.2s|%-10.2s|%.0s|%.10s|", "abcdef", "abcdef", "abcdef", "abcdef", "abcdef");
	CMP("%3s|%-3s|", "abcdef", "abcdef");
	CMP("100%% %%%s%%", "x");
	CMP("no conversions at all");
	CMP("%s=%d (%#x) %c%s", "key", -3, 255, '!', "end");
	CMP("%40d|%-40s|", 12345, "left");
}

static void vsprintf_star(void)
{
	CMP("[%*d] [%*d] [%-*d]", 5, 42, -5, 42, 5, 42);
	CMP("[%.*d] [%.*d] [%.*d]", 3, 7, -1, 7, 0, 0);
	CMP("[%*.*s] [%*.*s] [%.*s]", 8, 2, "abcdef", -8, 2, "abcdef", -1, "abc");
	CMP("[%0*d] [%0*.*d]", 6, -12, 8, 3, 5);
	CMP("[%*c] [%*s]", 3, 'q', 0, "");
	CMP("[%-*.*x]", 10, 4, 0xab);
}

/* Hosts disagree with Linux here; these are Linux's answers. */
static void vsprintf_linux_specifics(void)
{
	char buf[64];

	EXPECT_STR("(null)", "%s", (char *)NULL);
	EXPECT_STR("(nu", "%.3s", (char *)NULL);
	EXPECT_STR("  (null)", "%8s", (char *)NULL);
	/* An unknown conversion stops the output: its arguments cannot be trusted. */
	EXPECT_STR("a", "a%yb%d", 1);
	EXPECT_STR("end", "end%");
	EXPECT_STR("-5 7", "%Ld %qu", -5LL, 7ULL);
	EXPECT_STR("7", "%Zu", (size_t)7);
	EXPECT(scion_snprintf(NULL, 0, "%d", 12345) == 5);
	memset(buf, 'x', sizeof(buf));
	EXPECT(scion_snprintf(buf, 1, "%d", 12345) == 5 && buf[0] == '\0' && buf[1] == 'x');
}

static void vsprintf_pointer(void)
{
	void *p = (void *)0xffff888012345678UL;

	EXPECT_STR("ffff888012345678", "%p", p);
	EXPECT_STR("ffff888012345678", "%px", p);
	EXPECT_STR("0000000000001234", "%p", (void *)0x1234);
	EXPECT_STR("0000000000000000", "%p", NULL);
	EXPECT_STR("[    1234]", "[%8p]", (void *)0x1234);
	EXPECT_STR("[1234    ]", "[%-8p]", (void *)0x1234);
	EXPECT_STR("00001234", "%08p", (void *)0x1234);
	EXPECT_STR("at 0000000000000010 now", "at %p now", (void *)16);
	/* Alphanumerics after %p belong to it (Linux), punctuation does not. */
	EXPECT_STR("0000000000000001,", "%pxyz,", (void *)1);
	EXPECT_STR("0000000000000002.x", "%p.x", (void *)2);
}

/* %pGg names the gfp_t it points to (test_klp_shadow_vars prints its flags so). */
static void vsprintf_gfp_flags(void)
{
	unsigned int kernel = scion_gfp_kernel, zeroed = scion_gfp_kernel | scion_gfp_zero,
		     odd = scion_gfp_atomic | 0x40, none = 0;

	EXPECT_STR("gfp_flags=GFP_KERNEL)", "gfp_flags=%pGg)", &kernel);
	EXPECT_STR("GFP_KERNEL|__GFP_ZERO", "%pGg", &zeroed);
	EXPECT_STR("GFP_ATOMIC|0x40", "%pGg", &odd);
	EXPECT_STR("0x0", "%pGg", &none);
	EXPECT_STR("[  GFP_KERNEL]", "[%12pGg]", &kernel);
	/* %pG without g stays a plain pointer. */
	EXPECT_STR("0000000000000010", "%pG", (void *)16);
}

static unsigned long hook_addr;
static int hook_with_offset;
static char hook_fmt;

static int fake_symbol(char *buf, size_t size, unsigned long addr, char fmt)
{
	bool with_offset = fmt != 's';

	hook_addr = addr;
	hook_with_offset = with_offset;
	hook_fmt = fmt;
	if (addr == 0xffffffff81000010UL)
		return snprintf(buf, size, with_offset ? "start_kernel+0x10/0x200" : "start_kernel");
	if (addr == 0xdead)
		return snprintf(buf, size, "%s+0x1/0x2 [%s]", "klp_func", "livepatch_sample");
	if (addr == 0xbad)	/* a hook that overflows its buffer must not hurt */
		return (int)size + 100;
	return 0;
}

static void vsprintf_symbol(void)
{
	char buf[4];
	char big[700];
	void *start = (void *)0xffffffff81000010UL;

	scion_vsprintf_symbol_hook = NULL;
	EXPECT_STR("0xffffffff81000010", "%pS", start);
	EXPECT_STR("0x0", "%ps", NULL);

	scion_vsprintf_symbol_hook = fake_symbol;
	EXPECT_STR("start_kernel+0x10/0x200", "%pS", start);
	EXPECT(hook_addr == 0xffffffff81000010UL && hook_with_offset);
	EXPECT_STR("start_kernel", "%ps", start);
	EXPECT(!hook_with_offset);
	EXPECT_STR("start_kernel+0x10/0x200", "%pB", start);
	EXPECT(hook_fmt == 'B');
	EXPECT_STR("klp_func+0x1/0x2 [livepatch_sample]", "%pS", (void *)0xdead);
	EXPECT_STR("0x1234", "%pS", (void *)0x1234);	/* hook says unknown */
	EXPECT_STR("[  start_kernel]", "[%14ps]", start);
	EXPECT_STR("[start_kernel  ]", "[%-14ps]", start);
	EXPECT_STR(" [<0xabc>] x", " [<%pS>] %s", (void *)0xabc, "x");
	EXPECT(scion_snprintf(buf, sizeof(buf), "%ps", start) == 12 && !strcmp(buf, "sta"));
	EXPECT(scion_snprintf(big, sizeof(big), "%pS", (void *)0xbad) > 0);
	scion_vsprintf_symbol_hook = NULL;
}

/* Check one format at every buffer size from 0 to past its length, in exact-size heap buffers. */
static void check_truncation(int line, const char *fmt, ...)
{
	char full[256];
	va_list args, copy;
	int len;

	va_start(args, fmt);
	va_copy(copy, args);
	len = vsnprintf(full, sizeof(full), fmt, copy);
	va_end(copy);
	for (int size = 0; size <= len + 2; size++) {
		char *buf = malloc(size ? size : 1);
		char host[256];
		int n, hn;

		va_copy(copy, args);
		n = scion_vsnprintf(size ? buf : NULL, size, fmt, copy);
		va_end(copy);
		va_copy(copy, args);
		hn = vsnprintf(host, size, fmt, copy);
		va_end(copy);
		if (n != len || hn != len ||
		    (size && memcmp(buf, host, size < len + 1 ? size : len + 1))) {
			tap_case_ok = false;
			tap_diag("line %d: \"%s\" at size %d: returned %d, want %d", line, fmt,
				 size, n, len);
		}
		if (size) {
			va_copy(copy, args);
			n = scion_vscnprintf(buf, size, fmt, copy);
			va_end(copy);
			if (n != (len < size ? len : size - 1) || (int)strlen(buf) != n) {
				tap_case_ok = false;
				tap_diag("line %d: vscnprintf \"%s\" at size %d returned %d", line,
					 fmt, size, n);
			}
		}
		free(buf);
	}
	va_end(args);
}

static void vsprintf_truncation(void)
{
	check_truncation(__LINE__, "hello, world");
	check_truncation(__LINE__, "%d", INT_MIN);
	check_truncation(__LINE__, "%lld|%llu", LLONG_MIN, ULLONG_MAX);
	check_truncation(__LINE__, "[%-12s|%12s]", "left", "right");
	check_truncation(__LINE__, "%#018llx %+.8d", 0xdeadbeefULL, -7);
	check_truncation(__LINE__, "%.3s%c%%", "truncated", 'z');
	check_truncation(__LINE__, "%s", "");
}

static int call_vsprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = scion_vsprintf(buf, fmt, args);
	va_end(args);
	return n;
}

static void vsprintf_sprintf_scnprintf(void)
{
	char buf[64], small[8];

	EXPECT(scion_sprintf(buf, "%s-%d", "abc", 12) == 6 && !strcmp(buf, "abc-12"));
	EXPECT(call_vsprintf(buf, "%05d", 42) == 5 && !strcmp(buf, "00042"));
	EXPECT(scion_scnprintf(small, sizeof(small), "%s", "0123456789") == 7);
	EXPECT(!strcmp(small, "0123456"));
	EXPECT(scion_scnprintf(small, sizeof(small), "%s", "0123") == 4);
	EXPECT(scion_scnprintf(small, 0, "%s", "0123") == 0);
	EXPECT(scion_scnprintf(small, 1, "%s", "0123") == 0 && small[0] == '\0');
	/* The usual append loop never runs past the end. */
	size_t len = 0;
	for (int i = 0; i < 10; i++)
		len += scion_scnprintf(small + len, sizeof(small) - len, "%d,", i);
	EXPECT(len == 7 && !strcmp(small, "0,1,2,3"));
}

static const struct tap_case cases[] = {
	TAP_CASE(vsprintf_decimal),
	TAP_CASE(vsprintf_unsigned),
	TAP_CASE(vsprintf_length_modifiers),
	TAP_CASE(vsprintf_char_string),
	TAP_CASE(vsprintf_star),
	TAP_CASE(vsprintf_linux_specifics),
	TAP_CASE(vsprintf_pointer),
	TAP_CASE(vsprintf_gfp_flags),
	TAP_CASE(vsprintf_symbol),
	TAP_CASE(vsprintf_truncation),
	TAP_CASE(vsprintf_sprintf_scnprintf),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
