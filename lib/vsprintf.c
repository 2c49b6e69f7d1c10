// SPDX-License-Identifier: MIT
/*
 * Formatted output into a buffer: the C99 conversions plus Linux's %p
 * extensions for raw pointers, symbols and gfp flags (Linux: lib/vsprintf.c).
 */
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/gfp.h>

/* Flags of one conversion, from the format and from the conversion itself. */
#define ZEROPAD	0x01	/* '0': pad with zeros */
#define SIGN	0x02	/* a signed conversion */
#define PLUS	0x04	/* '+': show a plus sign */
#define SPACE	0x08	/* ' ': a space where a plus sign would be */
#define LEFT	0x10	/* '-': left-justify */
#define SMALL	0x20	/* lower-case hex digits and "0x" */
#define SPECIAL	0x40	/* '#': 0x prefix or a leading 0 for octal */

/* Large enough for "name+0xoff/0xsize [module]" with Linux's 512-byte names. */
#define SYMBOL_BUF_SIZE 640

sprint_symbol_fn vsprintf_symbol_hook;

struct printf_spec {
	unsigned int flags;
	int width;		/* -1: none */
	int precision;		/* -1: none */
	unsigned int base;
};

/* The output: characters past size - 1 are counted but not stored. */
struct sink {
	char *buf;
	size_t size;
	size_t len;
};

enum length_modifier { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

static void put_char(struct sink *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_repeat(struct sink *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

/* Digits, then sign, "0x" or zeros in front, spaces on either side, as C says. */
static void put_number(struct sink *out, unsigned long long num, struct printf_spec spec)
{
	const char *set = spec.flags & SMALL ? "0123456789abcdef" : "0123456789ABCDEF";
	char digits[24];	/* 22 octal digits for 64 bits */
	const char *prefix = "";
	/* '0' is ignored with '-' or with a precision (C11 7.21.6.1p6). */
	bool zero_pad = (spec.flags & ZEROPAD) && !(spec.flags & LEFT) && spec.precision < 0;
	char sign = 0;
	int n = 0, zeros, pad;

	if (spec.flags & SIGN) {
		if ((long long)num < 0) {
			sign = '-';
			num = -num;	/* unsigned: LLONG_MIN is fine */
		} else if (spec.flags & PLUS) {
			sign = '+';
		} else if (spec.flags & SPACE) {
			sign = ' ';
		}
	}
	if ((spec.flags & SPECIAL) && spec.base == 16 && num)
		prefix = spec.flags & SMALL ? "0x" : "0X";
	if (num || spec.precision)
		do {
			digits[n++] = set[num % spec.base];
			num /= spec.base;
		} while (num);
	/* '#' with octal: raise the precision until the first digit is 0. */
	if ((spec.flags & SPECIAL) && spec.base == 8 && (!n || digits[n - 1] != '0') &&
	    spec.precision <= n)
		spec.precision = n + 1;

	zeros = spec.precision > n ? spec.precision - n : 0;
	pad = spec.width - (!!sign + (int)strlen(prefix) + zeros + n);
	if (zero_pad && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(spec.flags & LEFT))
		put_repeat(out, ' ', pad);
	if (sign)
		put_char(out, sign);
	while (*prefix)
		put_char(out, *prefix++);
	put_repeat(out, '0', zeros);
	while (n)
		put_char(out, digits[--n]);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* Linux: NULL prints "(null)" cut to the precision; here too (glibc prints "" if cut). */
static void put_string(struct sink *out, const char *s, struct printf_spec spec)
{
	size_t len;
	int pad;

	if (!s)
		s = "(null)";
	len = strnlen(s, spec.precision < 0 ? (size_t)-1 : (size_t)spec.precision);
	pad = spec.width > (long)len ? spec.width - (int)len : 0;
	if (!(spec.flags & LEFT))
		put_repeat(out, ' ', pad);
	while (len--)
		put_char(out, *s++);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* %pS %ps %pB: "name+0xoff/0xsize [mod]" from the hook, or "0x<hex>". */
static noinline void put_symbol(struct sink *out, unsigned long addr, char ext,
				struct printf_spec spec)
{
	char sym[SYMBOL_BUF_SIZE];
	int n = 0;

	if (vsprintf_symbol_hook)
		n = vsprintf_symbol_hook(sym, sizeof(sym), addr, ext);
	if (n > 0)
		sym[n < (int)sizeof(sym) ? n : (int)sizeof(sym) - 1] = '\0';
	else
		snprintf(sym, sizeof(sym), "0x%lx", addr);
	put_string(out, sym, spec);
}

/*
 * %pGg: the gfp_t at ptr by name, "GFP_KERNEL|__GFP_ZERO"; bits without a
 * name follow in hex, and no bits at all print "0x0" (Linux: the same
 * form, from its longer table).
 */
static void put_gfp_flags(struct sink *out, const gfp_t *ptr, struct printf_spec spec)
{
	static const struct {
		gfp_t mask;
		const char *name;
	} names[] = {
		{ GFP_KERNEL, "GFP_KERNEL" },
		{ GFP_ATOMIC, "GFP_ATOMIC" },
		{ __GFP_ZERO, "__GFP_ZERO" },
	};
	char buf[64];
	size_t len = 0, i;
	gfp_t flags = *ptr;

	buf[0] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if ((flags & names[i].mask) != names[i].mask)
			continue;
		len += snprintf(buf + len, sizeof(buf) - len, "%s%s", len ? "|" : "", names[i].name);
		flags &= ~names[i].mask;
	}
	if (flags || !len)
		snprintf(buf + len, sizeof(buf) - len, "%s0x%x", len ? "|" : "", flags);
	put_string(out, buf, spec);
}

/*
 * Linux: %p hashes the address unless it is %px; here both print it raw.
 * Every alphanumeric after the 'p' belongs to the conversion, as in Linux.
 */
static const char *put_pointer(struct sink *out, const char *fmt, void *ptr,
			       struct printf_spec spec)
{
	switch (*fmt) {
	case 'S':
	case 's':
	case 'B':
		put_symbol(out, (unsigned long)ptr, *fmt, spec);
		break;
	case 'G':		/* %pGg; %pG alone is a raw pointer */
		if (fmt[1] == 'g') {
			put_gfp_flags(out, ptr, spec);
			break;
		}
		/* fall through */
	default:
		spec.base = 16;
		spec.flags = (spec.flags & ~(SIGN | PLUS | SPACE)) | SMALL;
		if (spec.width < 0) {
			spec.width = 2 * sizeof(void *);
			spec.flags |= ZEROPAD;
		}
		put_number(out, (unsigned long)ptr, spec);
		break;
	}
	while (isalnum((unsigned char)*fmt))
		fmt++;
	return fmt;
}

static int parse_decimal(const char **fmt)
{
	int n = 0;

	for (; isdigit((unsigned char)**fmt); (*fmt)++)
		if (n < 100000000)
			n = n * 10 + (**fmt - '0');
	return n;
}

/* Flags, width, precision and length of the conversion at fmt (past the '%'). */
static const char *parse_spec(const char *fmt, struct printf_spec *spec,
			      enum length_modifier *len, va_list *args)
{
	for (;; fmt++) {
		unsigned int flag = *fmt == '-' ? LEFT : *fmt == '+' ? PLUS :
				    *fmt == ' ' ? SPACE : *fmt == '0' ? ZEROPAD :
				    *fmt == '#' ? SPECIAL : 0;
		if (!flag)
			break;
		spec->flags |= flag;
	}
	if (*fmt == '*') {
		fmt++;
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->flags |= LEFT;
			spec->width = spec->width < -100000000 ? 100000000 : -spec->width;
		}
	} else if (isdigit((unsigned char)*fmt)) {
		spec->width = parse_decimal(&fmt);
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			fmt++;
			spec->precision = va_arg(*args, int);
			if (spec->precision < 0)
				spec->precision = -1;	/* as if omitted */
		} else {
			spec->precision = parse_decimal(&fmt);
		}
	}
	*len = LEN_NONE;
	switch (*fmt) {
	case 'h':
		*len = fmt[1] == 'h' ? LEN_HH : LEN_H;
		break;
	case 'l':
		*len = fmt[1] == 'l' ? LEN_LL : LEN_L;
		break;
	case 'L':
	case 'q':
		*len = LEN_LL;
		break;
	case 'z':
	case 'Z':
		*len = LEN_Z;
		break;
	case 't':
		*len = LEN_T;
		break;
	case 'j':
		*len = LEN_J;
		break;
	}
	if (*len != LEN_NONE)
		fmt += (*len == LEN_HH || (*len == LEN_LL && *fmt == 'l')) ? 2 : 1;
	return fmt;
}

/* Fetch an integer argument of the given length, sign-extended if is_signed. */
static unsigned long long fetch_integer(va_list *args, enum length_modifier len, bool is_signed)
{
	switch (len) {
	case LEN_HH:
		return is_signed ? (unsigned long long)(signed char)va_arg(*args, int)
				 : (unsigned char)va_arg(*args, unsigned int);
	case LEN_H:
		return is_signed ? (unsigned long long)(short)va_arg(*args, int)
				 : (unsigned short)va_arg(*args, unsigned int);
	case LEN_L:
		return is_signed ? (unsigned long long)va_arg(*args, long)
				 : va_arg(*args, unsigned long);
	case LEN_LL:
		return va_arg(*args, unsigned long long);
	case LEN_Z:
		return is_signed ? (unsigned long long)va_arg(*args, ssize_t)
				 : va_arg(*args, size_t);
	case LEN_T:
		return (unsigned long long)va_arg(*args, ptrdiff_t);
	case LEN_J:
		return is_signed ? (unsigned long long)va_arg(*args, intmax_t)
				 : va_arg(*args, uintmax_t);
	default:
		return is_signed ? (unsigned long long)va_arg(*args, int)
				 : va_arg(*args, unsigned int);
	}
}

/*
 * One conversion at fmt (just past the '%'), consuming its arguments.
 * Return: where the format goes on, or NULL for an unknown conversion
 * (Linux stops there too: the arguments can no longer be trusted).
 */
static const char *format_one(struct sink *out, const char *fmt, va_list *args)
{
	struct printf_spec spec = { .width = -1, .precision = -1, .base = 10 };
	enum length_modifier len;

	fmt = parse_spec(fmt, &spec, &len, args);
	switch (*fmt) {
	case '%':
		put_char(out, '%');
		return fmt + 1;
	case 'c':
		if (!(spec.flags & LEFT))
			put_repeat(out, ' ', spec.width - 1);
		put_char(out, (char)va_arg(*args, int));
		if (spec.flags & LEFT)
			put_repeat(out, ' ', spec.width - 1);
		return fmt + 1;
	case 's':
		put_string(out, va_arg(*args, const char *), spec);
		return fmt + 1;
	case 'p':
		return put_pointer(out, fmt + 1, va_arg(*args, void *), spec);
	case 'd':
	case 'i':
		spec.flags |= SIGN;
		break;
	case 'u':
		break;
	case 'o':
		spec.base = 8;
		break;
	case 'x':
		spec.flags |= SMALL;
		/* fall through */
	case 'X':
		spec.base = 16;
		break;
	default:
		return NULL;
	}
	if (!(spec.flags & SIGN))
		spec.flags &= ~(PLUS | SPACE);
	put_number(out, fetch_integer(args, len, spec.flags & SIGN), spec);
	return fmt + 1;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct sink out = { .buf = buf, .size = size };
	va_list ap;

	va_copy(ap, args);
	while (fmt && *fmt) {
		if (*fmt != '%') {
			put_char(&out, *fmt++);
			continue;
		}
		fmt = format_one(&out, fmt + 1, &ap);
	}
	va_end(ap);
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if ((size_t)n < size)
		return n;
	return size ? size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Unbounded, as in Linux: the caller guarantees the room. */
int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, 0x7fffffff, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsprintf(buf, fmt, args);
	va_end(args);
	return n;
}
