// SPDX-License-Identifier: MIT
/*
 * Strict string to integer conversions for shell arguments and module
 * parameters, and the lax simple_strto*() (Linux: lib/kstrtox.c).
 */
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include "internal.h"

/*
 * Base 0 means: "0x" followed by a hex digit is hex, a leading "0" octal,
 * else decimal. Base 16 skips an optional "0x" (even with no digit after:
 * the caller then finds no digits). Return: where the digits start.
 */
static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] != '0')
			*base = 10;
		else if (tolower((unsigned char)s[1]) == 'x' && isxdigit((unsigned char)s[2]))
			*base = 16;
		else
			*base = 8;
	}
	if (*base == 16 && s[0] == '0' && tolower((unsigned char)s[1]) == 'x')
		s += 2;
	return s;
}

/*
 * Accumulate base-base digits at s into *res, wrapping on overflow.
 * Return: the number of digits used; *overflow says whether it wrapped.
 */
static unsigned int parse_digits(const char *s, unsigned int base,
				 unsigned long long *res, bool *overflow)
{
	unsigned long long value = 0;
	unsigned int n = 0, digit;

	*overflow = false;
	for (; (digit = digit_value((unsigned char)s[n])) < base; n++) {
		if (value > (~0ULL - digit) / base)
			*overflow = true;
		value = value * base + digit;
	}
	*res = value;
	return n;
}

static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long value;
	unsigned int n;
	bool overflow;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = fixup_radix(s, &base);
	n = parse_digits(s, base, &value, &overflow);
	if (overflow)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = value;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long value;
	int err;

	if (s[0] == '-') {
		err = parse_ull(s + 1, base, &value);
		if (err)
			return err;
		if (value > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = (long long)-value;
		return 0;
	}
	err = kstrtoull(s, base, &value);
	if (err)
		return err;
	if (value > __LONG_LONG_MAX__)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long value;
	int err = kstrtoull(s, base, &value);

	if (err)
		return err;
	if (value != (unsigned long)value)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long value;
	int err = kstrtoll(s, base, &value);

	if (err)
		return err;
	if (value != (long)value)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long value;
	int err = kstrtoull(s, base, &value);

	if (err)
		return err;
	if (value > ~0U)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long value;
	int err = kstrtoll(s, base, &value);

	if (err)
		return err;
	if (value < -__INT_MAX__ - 1 || value > __INT_MAX__)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtou8(const char *s, unsigned int base, u8 *res)
{
	unsigned long long value;
	int err = kstrtoull(s, base, &value);

	if (err)
		return err;
	if (value > 0xff)
		return -ERANGE;
	*res = value;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (tolower((unsigned char)s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower((unsigned char)s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long value = 0;
	bool overflow;

	if (base == 1 || base > 16)
		base = 10;
	cp = fixup_radix(cp, &base);
	cp += parse_digits(cp, base, &value, &overflow);
	if (endp)
		*endp = (char *)cp;
	return value;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return (long)-simple_strtoull(cp + 1, endp, base);
	return simple_strtoull(cp, endp, base);
}
