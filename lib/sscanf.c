// SPDX-License-Identifier: MIT
/*
 * Formatted input from a string: the conversions livepatch needs for its
 * ".klp.sym.%55[^.].%511[^,],%lu" symbol names, and the usual integers
 * (Linux: vsscanf() in lib/vsprintf.c).
 */
#include <linux/sprintf.h>
#include <linux/string.h>
#include "internal.h"

enum length_modifier { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

/* A set of bytes, for %[...]. */
struct char_set {
	u32 bits[256 / 32];
};

static void set_add(struct char_set *set, unsigned char c)
{
	set->bits[c / 32] |= 1U << (c % 32);
}

static bool set_has(const struct char_set *set, unsigned char c)
{
	return set->bits[c / 32] & (1U << (c % 32));
}

/* Every byte but NUL, and with no_space but the whitespace (%c, %s). */
static void set_fill(struct char_set *set, bool no_space)
{
	unsigned int c;

	memset(set, 0, sizeof(*set));
	for (c = 1; c < 256; c++)
		if (!no_space || !isspace(c))
			set_add(set, c);
}

/*
 * Parse the set of %[ at fmt (just past the '['): "^" negates, a leading
 * ']' is a member, "a-z" is a range unless '-' is first or last.
 * Return: the format just past the closing ']', or NULL if there is none.
 */
static const char *parse_set(const char *fmt, struct char_set *set)
{
	const char *start;
	bool negate = *fmt == '^';
	unsigned int i;

	memset(set, 0, sizeof(*set));
	if (negate)
		fmt++;
	start = fmt;
	for (; *fmt && (*fmt != ']' || fmt == start); fmt++) {
		unsigned char lo = *fmt, hi = fmt[1] == '-' ? fmt[2] : 0;

		if (hi && hi != ']' && hi >= lo) {
			for (i = lo; i <= hi; i++)
				set_add(set, i);
			fmt += 2;
		} else {
			set_add(set, lo);
		}
	}
	if (!*fmt)
		return NULL;
	if (negate)
		for (i = 0; i < 256 / 32; i++)
			set->bits[i] = ~set->bits[i];
	set->bits[0] &= ~1U;	/* never match the terminating NUL */
	return fmt + 1;
}

/*
 * Read an integer of at most width characters (sign and "0x" included) in
 * base, where base 0 detects 0x / 0 as C does. Overflow wraps.
 * Return: false, with *sp unchanged, if there is no digit.
 */
static bool scan_number(const char **sp, int width, unsigned int base, unsigned long long *res)
{
	const char *s = *sp;
	unsigned long long value = 0;
	unsigned int digit;
	bool negative = false, any = false;

	if (width && (*s == '-' || *s == '+')) {
		negative = *s++ == '-';
		width--;
	}
	if ((base == 0 || base == 16) && width >= 3 && s[0] == '0' &&
	    tolower((unsigned char)s[1]) == 'x' && isxdigit((unsigned char)s[2])) {
		s += 2;
		width -= 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (; width && (digit = digit_value((unsigned char)*s)) < base; s++, width--) {
		value = value * base + digit;
		any = true;
	}
	if (!any)
		return false;
	*res = negative ? -value : value;
	*sp = s;
	return true;
}

/* Store value through the next pointer argument, of the type len names. */
static void store_integer(va_list *args, enum length_modifier len, unsigned long long value)
{
	void *p = va_arg(*args, void *);

	switch (len) {
	case LEN_HH:
		*(unsigned char *)p = value;
		break;
	case LEN_H:
		*(unsigned short *)p = value;
		break;
	case LEN_L:
		*(unsigned long *)p = value;
		break;
	case LEN_LL:
		*(unsigned long long *)p = value;
		break;
	case LEN_Z:
		*(size_t *)p = value;
		break;
	case LEN_T:
		*(ptrdiff_t *)p = value;
		break;
	case LEN_J:
		*(uintmax_t *)p = value;
		break;
	default:
		*(unsigned int *)p = value;
		break;
	}
}

static const char *parse_length(const char *fmt, enum length_modifier *len)
{
	switch (*fmt) {
	case 'h':
		*len = fmt[1] == 'h' ? LEN_HH : LEN_H;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	case 'l':
		*len = fmt[1] == 'l' ? LEN_LL : LEN_L;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	case 'L':
	case 'q':
		*len = LEN_LL;
		return fmt + 1;
	case 'z':
	case 'Z':
		*len = LEN_Z;
		return fmt + 1;
	case 't':
		*len = LEN_T;
		return fmt + 1;
	case 'j':
		*len = LEN_J;
		return fmt + 1;
	}
	*len = LEN_NONE;
	return fmt;
}

/*
 * Copy to the next char * argument (unless suppressed) at most width
 * characters of s that are in set; with terminate, add a NUL.
 * Return: how many characters matched.
 */
static int scan_chars(const char **sp, int width, const struct char_set *set,
		      bool terminate, char *dst)
{
	const char *s = *sp;
	int n = 0;

	while (n < width && set_has(set, (unsigned char)*s)) {
		if (dst)
			*dst++ = *s;
		s++;
		n++;
	}
	if (dst && terminate && n)
		*dst = '\0';
	*sp = s;
	return n;
}

static unsigned int conversion_base(char conv)
{
	switch (conv) {
	case 'd':
	case 'u':
		return 10;
	case 'o':
		return 8;
	case 'x':
	case 'X':
		return 16;
	default:
		return 0;	/* %i: detect */
	}
}

/* One conversion's '*', field width (-1: none) and length modifier. */
struct scan_spec {
	bool suppress;
	int width;
	enum length_modifier len;
};

/* Parse what lies between the '%' and the conversion character. */
static const char *parse_spec(const char *fmt, struct scan_spec *spec)
{
	spec->suppress = *fmt == '*';
	fmt += spec->suppress;
	spec->width = isdigit((unsigned char)*fmt) ? 0 : -1;
	for (; isdigit((unsigned char)*fmt); fmt++)
		if (spec->width < 100000000)
			spec->width = spec->width * 10 + (*fmt - '0');
	return parse_length(fmt, &spec->len);
}

/*
 * Perform the conversion at fmt on the input at *sp, str being the start
 * of the input (for %n). *assigned counts the stored conversions.
 * Return: the format after the conversion, or NULL to stop scanning.
 */
static const char *scan_conversion(const char *fmt, const char **sp, const char *str,
				   const struct scan_spec *spec, va_list *args, int *assigned)
{
	int width = spec->width < 0 ? 0x7fffffff : spec->width;
	bool terminate = true;
	unsigned long long value;
	struct char_set set;
	char *dst;

	switch (*fmt) {
	case 'n':
		if (!spec->suppress)
			store_integer(args, spec->len, *sp - str);
		return fmt + 1;
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		*sp = skip_spaces(*sp);
		if (!scan_number(sp, width, conversion_base(*fmt), &value))
			return NULL;
		if (!spec->suppress) {
			store_integer(args, spec->len, value);
			(*assigned)++;
		}
		return fmt + 1;
	case 'c':
		set_fill(&set, false);
		terminate = false;
		width = spec->width < 0 ? 1 : width;
		fmt++;
		break;
	case 's':
		*sp = skip_spaces(*sp);
		set_fill(&set, true);
		fmt++;
		break;
	case '[':
		fmt = parse_set(fmt + 1, &set);
		if (!fmt)
			return NULL;
		break;
	default:
		return NULL;
	}
	/* %c %s %[: copy the characters that are in the set; at least one. */
	dst = spec->suppress ? NULL : va_arg(*args, char *);
	if (!scan_chars(sp, width, &set, terminate, dst))
		return NULL;
	*assigned += !spec->suppress;
	return fmt;
}

int vsscanf(const char *str, const char *fmt, va_list args)
{
	const char *s = str;
	struct scan_spec spec;
	int assigned = 0;
	va_list ap;

	va_copy(ap, args);
	while (fmt && *fmt) {
		if (isspace((unsigned char)*fmt)) {
			/* Whitespace in the format matches any amount, none included. */
			fmt = skip_spaces(fmt);
			s = skip_spaces(s);
		} else if (*fmt != '%' || fmt[1] == '%') {
			fmt += *fmt == '%';
			if (*s != *fmt)
				break;
			s++;
			fmt++;
		} else {
			fmt = parse_spec(fmt + 1, &spec);
			if (!spec.width)
				break;
			fmt = scan_conversion(fmt, &s, str, &spec, &ap, &assigned);
		}
	}
	va_end(ap);
	return assigned;
}

int sscanf(const char *str, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsscanf(str, fmt, args);
	va_end(args);
	return n;
}
