// SPDX-License-Identifier: MIT
/* Host tests of lib/string.c: against the host libc where C defines the result, else Linux's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "scion_api.h"
#include "tap.h"

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void string_memcpy_memset(void)
{
	unsigned char a[64], b[64];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n < 40; n++) {
			memset(a, 0xaa, sizeof(a));
			for (size_t i = 0; i < sizeof(b); i++)
				b[i] = (unsigned char)(i * 7 + 1);
			EXPECT(scion_memcpy(a + off, b, n) == a + off);
			EXPECT(!memcmp(a + off, b, n));
			EXPECT(off + n >= sizeof(a) || a[off + n] == 0xaa);
			EXPECT(!off || a[off - 1] == 0xaa);
			EXPECT(scion_memset(a + off, 0x1ff, n) == a + off);
			for (size_t i = 0; i < n; i++)
				EXPECT(a[off + i] == 0xff);
			EXPECT(off + n >= sizeof(a) || a[off + n] == 0xaa);
		}
	}
}

static void string_memmove_overlap(void)
{
	char ref[48], got[48];

	for (int src = 0; src < 16; src++) {
		for (int dst = 0; dst < 16; dst++) {
			for (size_t n = 0; n <= 32; n++) {
				for (int i = 0; i < 48; i++)
					ref[i] = got[i] = (char)('A' + i);
				memmove(ref + dst, ref + src, n);
				EXPECT(scion_memmove(got + dst, got + src, n) == got + dst);
				EXPECT(!memcmp(ref, got, sizeof(ref)));
			}
		}
	}
}

static void string_memcmp_memchr(void)
{
	const char *a = "abc\x80z", *b = "abc\x01z";

	EXPECT(scion_memcmp(a, b, 3) == 0);
	EXPECT(scion_memcmp(a, b, 4) > 0);	/* bytes compare unsigned */
	EXPECT(scion_memcmp(b, a, 5) < 0);
	EXPECT(scion_memcmp(a, b, 0) == 0);
	EXPECT(scion_memchr(a, 'c', 5) == a + 2);
	EXPECT(scion_memchr(a, 0x80, 5) == a + 3);
	EXPECT(scion_memchr(a, 0x180, 5) == a + 3);
	EXPECT(scion_memchr(a, 'z', 4) == NULL);
	EXPECT(scion_memchr(a, '\0', 6) == a + 5);
}

static void string_strlen_strnlen(void)
{
	EXPECT(scion_strlen("") == 0);
	EXPECT(scion_strlen("hello") == 5);
	EXPECT(scion_strnlen("hello", 3) == 3);
	EXPECT(scion_strnlen("hello", 5) == 5);
	EXPECT(scion_strnlen("hello", 100) == 5);
	EXPECT(scion_strnlen("hello", 0) == 0);
	/* strnlen must not read past max: the buffer has no NUL. */
	char raw[4] = { 'a', 'b', 'c', 'd' };
	EXPECT(scion_strnlen(raw, sizeof(raw)) == 4);
}

static void string_compare(void)
{
	static const char *const words[] = {
		"", "a", "A", "ab", "abc", "abd", "b", "\x80", "\x7f", "Hello", "hello", "HELLO!",
	};
	size_t n = sizeof(words) / sizeof(words[0]);

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			const char *a = words[i], *b = words[j];

			EXPECT(sign(scion_strcmp(a, b)) == sign(strcmp(a, b)));
			for (size_t k = 0; k < 5; k++) {
				EXPECT(sign(scion_strncmp(a, b, k)) == sign(strncmp(a, b, k)));
				EXPECT(sign(scion_strncasecmp(a, b, k)) == sign(strncasecmp(a, b, k)));
			}
			EXPECT(sign(scion_strcasecmp(a, b)) == sign(strcasecmp(a, b)));
		}
	}
}

static void string_search(void)
{
	const char *s = "key=value=x";

	EXPECT(scion_strchr(s, '=') == s + 3);
	EXPECT(scion_strchr(s, '\0') == s + 11);
	EXPECT(scion_strchr(s, '#') == NULL);
	EXPECT(scion_strchrnul(s, '#') == s + 11);
	EXPECT(scion_strchrnul(s, 'v') == s + 4);
	EXPECT(scion_strrchr(s, '=') == s + 9);
	EXPECT(scion_strrchr(s, '\0') == s + 11);
	EXPECT(scion_strrchr(s, '#') == NULL);
	EXPECT(scion_strnchr(s, 3, '=') == NULL);
	EXPECT(scion_strnchr(s, 4, '=') == s + 3);
	EXPECT(scion_strstr(s, "val") == s + 4);
	EXPECT(scion_strstr(s, "") == s);
	EXPECT(scion_strstr(s, "=x") == s + 9);
	EXPECT(scion_strstr(s, "=xy") == NULL);
	EXPECT(scion_strstr("", "a") == NULL);
	EXPECT(scion_strnstr(s, "value", 8) == NULL);
	EXPECT(scion_strnstr(s, "value", 9) == s + 4);
	EXPECT(scion_strpbrk(s, "=e") == s + 1);
	EXPECT(scion_strpbrk(s, "#!") == NULL);
	EXPECT(scion_strspn("  \tabc", " \t") == 3);
	EXPECT(scion_strspn("abc", "") == 0);
	EXPECT(scion_strcspn("abc,def", ",;") == 3);
	EXPECT(scion_strcspn("abcdef", ",;") == 6);
}

static void string_copy_concat(void)
{
	char buf[16];

	EXPECT(scion_strcpy(buf, "abc") == buf && !strcmp(buf, "abc"));
	EXPECT(scion_strcat(buf, "def") == buf && !strcmp(buf, "abcdef"));
	EXPECT(scion_strncat(buf, "ghijk", 2) == buf && !strcmp(buf, "abcdefgh"));
	memset(buf, 'x', sizeof(buf));
	EXPECT(scion_strncpy(buf, "ab", 6) == buf);
	EXPECT(!memcmp(buf, "ab\0\0\0\0xx", 8));
	memset(buf, 'x', sizeof(buf));
	scion_strncpy(buf, "abcdef", 3);
	EXPECT(!memcmp(buf, "abcx", 4));	/* no terminator when src is too long */
}

static void string_strscpy(void)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	EXPECT(scion_strscpy(buf, "abc", sizeof(buf)) == 3 && !strcmp(buf, "abc"));
	EXPECT(scion_strscpy(buf, "1234567", sizeof(buf)) == 7 && !strcmp(buf, "1234567"));
	EXPECT(scion_strscpy(buf, "12345678", sizeof(buf)) == -E2BIG && !strcmp(buf, "1234567"));
	EXPECT(scion_strscpy(buf, "123456789abc", 4) == -E2BIG && !strcmp(buf, "123"));
	EXPECT(scion_strscpy(buf, "", sizeof(buf)) == 0 && buf[0] == '\0');
	EXPECT(scion_strscpy(buf, "a", 1) == -E2BIG && buf[0] == '\0');
	buf[0] = 'q';
	EXPECT(scion_strscpy(buf, "a", 0) == -E2BIG && buf[0] == 'q');
	/* The source may lack a NUL after size bytes: strscpy reads no further. */
	char src[4] = { 'w', 'x', 'y', 'z' };
	EXPECT(scion_strscpy(buf, src, 4) == -E2BIG && !strcmp(buf, "wxy"));
}

static void string_strlcpy(void)
{
	char buf[8];

	EXPECT(scion_strlcpy(buf, "abc", sizeof(buf)) == 3 && !strcmp(buf, "abc"));
	EXPECT(scion_strlcpy(buf, "0123456789", sizeof(buf)) == 10 && !strcmp(buf, "0123456"));
	buf[0] = 'q';
	EXPECT(scion_strlcpy(buf, "abc", 0) == 3 && buf[0] == 'q');
	EXPECT(scion_strlcpy(buf, "abc", 1) == 3 && buf[0] == '\0');
}

static void string_strsep(void)
{
	char line[] = "a,b,,c";
	char *p = line, *tok;

	tok = scion_strsep(&p, ",");
	EXPECT(tok && !strcmp(tok, "a"));
	tok = scion_strsep(&p, ",");
	EXPECT(tok && !strcmp(tok, "b"));
	tok = scion_strsep(&p, ",");
	EXPECT(tok && !strcmp(tok, ""));
	tok = scion_strsep(&p, ",");
	EXPECT(tok && !strcmp(tok, "c") && p == NULL);
	EXPECT(scion_strsep(&p, ",") == NULL);
}

static void string_strim_skip_spaces(void)
{
	char a[] = "  \t hello world \n ";
	char b[] = "   ";
	char c[] = "";
	char d[] = "x";

	EXPECT(!strcmp(scion_skip_spaces(" \t\nx y"), "x y"));
	EXPECT(!strcmp(scion_skip_spaces(""), ""));
	char *r = scion_strim(a);
	EXPECT(r == a + 4 && !strcmp(r, "hello world"));
	r = scion_strim(b);
	EXPECT(!strcmp(r, "") && b[0] == '\0');
	EXPECT(scion_strim(c) == c && !strcmp(c, ""));
	EXPECT(scion_strim(d) == d && !strcmp(d, "x"));
}

static void string_strreplace(void)
{
	char s[] = "a.b.c";

	EXPECT(scion_strreplace(s, '.', '_') == s + 5);
	EXPECT(!strcmp(s, "a_b_c"));
}

static void string_str_has_prefix(void)
{
	EXPECT(scion_str_has_prefix("livepatch_foo", "livepatch_") == 10);
	EXPECT(scion_str_has_prefix("live", "livepatch_") == 0);
	EXPECT(scion_str_has_prefix("anything", "") == 0);	/* Linux: strlen("") */
	EXPECT(scion_str_has_prefix("x", "y") == 0);
}

static void string_sysfs_streq(void)
{
	EXPECT(scion_sysfs_streq("on", "on"));
	EXPECT(scion_sysfs_streq("on\n", "on"));
	EXPECT(scion_sysfs_streq("on", "on\n"));
	EXPECT(scion_sysfs_streq("on\n", "on\n"));
	EXPECT(scion_sysfs_streq("", "\n"));
	EXPECT(!scion_sysfs_streq("on\n\n", "on"));
	EXPECT(!scion_sysfs_streq("on", "on\n\n"));
	EXPECT(!scion_sysfs_streq("on", "off"));
	EXPECT(!scion_sysfs_streq("o", "on"));
	EXPECT(!scion_sysfs_streq("on ", "on"));
	EXPECT(!scion_sysfs_streq("on\nx", "on"));
}

/* Random buffers against the host libc. */
static void string_random_vs_libc(void)
{
	char a[64], b[64];

	srand(1234);
	for (int iter = 0; iter < 20000; iter++) {
		size_t la = rand() % 20, lb = rand() % 20;

		for (size_t i = 0; i < la; i++)
			a[i] = (char)("abc\x90 "[rand() % 5]);
		for (size_t i = 0; i < lb; i++)
			b[i] = (char)("abc\x90 "[rand() % 5]);
		a[la] = b[lb] = '\0';
		EXPECT(sign(scion_strcmp(a, b)) == sign(strcmp(a, b)));
		EXPECT(sign(scion_memcmp(a, b, la < lb ? la : lb)) ==
		       sign(memcmp(a, b, la < lb ? la : lb)));
		EXPECT(scion_strstr(a, b) == strstr(a, b));
		EXPECT(scion_strspn(a, b) == strspn(a, b));
		EXPECT(scion_strcspn(a, b) == strcspn(a, b));
		EXPECT(scion_strpbrk(a, b) == strpbrk(a, b));
		EXPECT(scion_strrchr(a, b[0]) == strrchr(a, b[0]));
		EXPECT(scion_strchr(a, b[0]) == strchr(a, b[0]));
		if (!tap_case_ok) {
			tap_diag("a=\"%s\" b=\"%s\"", a, b);
			return;
		}
	}
}

static const struct tap_case cases[] = {
	TAP_CASE(string_memcpy_memset),
	TAP_CASE(string_memmove_overlap),
	TAP_CASE(string_memcmp_memchr),
	TAP_CASE(string_strlen_strnlen),
	TAP_CASE(string_compare),
	TAP_CASE(string_search),
	TAP_CASE(string_copy_concat),
	TAP_CASE(string_strscpy),
	TAP_CASE(string_strlcpy),
	TAP_CASE(string_strsep),
	TAP_CASE(string_strim_skip_spaces),
	TAP_CASE(string_strreplace),
	TAP_CASE(string_str_has_prefix),
	TAP_CASE(string_sysfs_streq),
	TAP_CASE(string_random_vs_libc),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	return tap_done();
}
