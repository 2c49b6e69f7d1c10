// SPDX-License-Identifier: MIT
/* Number parsing: strtol/strtoul (base 0 = 0x/0 prefixes, or 2..36), atoi. */
#include <errno.h>
#include <stdlib.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * The common part: skip blanks, take a sign, the base prefix and the
 * digits. *neg gets the sign; on overflow the result is ~0UL and errno is
 * ERANGE. *end (if end) points past the last digit, or at s if none.
 */
static unsigned long parse(const char *s, char **end, int base, int *neg)
{
	const char *p = s, *digits;
	unsigned long val = 0;
	int overflow = 0;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	*neg = (*p == '-');
	if (*p == '-' || *p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = (*p == '0') ? 8 : 10;
	}
	for (digits = p; digit_value(*p) < base; p++) {
		unsigned long d = digit_value(*p);

		if (val > (~0UL - d) / base)
			overflow = 1;
		val = val * base + d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	if (overflow) {
		errno = ERANGE;
		return ~0UL;
	}
	return val;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg;
	unsigned long val = parse(s, end, base, &neg);

	return neg ? -val : val;
}

long strtol(const char *s, char **end, int base)
{
	int neg;
	unsigned long val = parse(s, end, base, &neg);
	unsigned long limit = neg ? (unsigned long)__LONG_MAX__ + 1 : __LONG_MAX__;

	if (val > limit) {
		errno = ERANGE;
		return neg ? -__LONG_MAX__ - 1 : __LONG_MAX__;
	}
	return neg ? (long)-val : (long)val;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
