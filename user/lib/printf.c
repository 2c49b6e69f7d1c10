// SPDX-License-Identifier: MIT
/*
 * A compact vsnprintf and the printf family on top of it. Output goes to
 * a sink: a caller's string (snprintf), or a small buffer that is written
 * to a file descriptor whenever it fills and at the end (dprintf).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sink {
	char *buf;
	size_t size;	/* string: room incl. the NUL; fd: buffer size */
	size_t len;	/* bytes now in buf */
	size_t total;	/* bytes produced so far (the return value) */
	int fd;		/* -1: a string */
};

static void sink_flush(struct sink *out)
{
	if (out->fd >= 0 && out->len)
		write_all(out->fd, out->buf, out->len);
	out->len = 0;
}

static void put(struct sink *out, char c)
{
	out->total++;
	if (out->fd < 0) {
		if (out->len + 1 < out->size)
			out->buf[out->len++] = c;
		return;
	}
	if (out->len == out->size)
		sink_flush(out);
	out->buf[out->len++] = c;
}

static void put_repeat(struct sink *out, char c, int n)
{
	while (n-- > 0)
		put(out, c);
}

struct spec {
	int left;	/* '-' */
	int zero;	/* '0' */
	int width;
	int precision;	/* -1: none */
	int size;	/* 0 int, 1 long, 2 long long (and z) */
};

/* body[0..len) right- or left-justified in spec->width, sign-aware zero pad. */
static void put_field(struct sink *out, const struct spec *spec,
		      const char *prefix, const char *body, int len)
{
	int plen = strlen(prefix);
	int pad = spec->width - plen - len;

	if (!spec->left && !spec->zero)
		put_repeat(out, ' ', pad);
	while (*prefix)
		put(out, *prefix++);
	if (!spec->left && spec->zero)
		put_repeat(out, '0', pad);
	while (len--)
		put(out, *body++);
	if (spec->left)
		put_repeat(out, ' ', pad);
}

static void put_number(struct sink *out, const struct spec *spec,
		       unsigned long long val, int neg, int base, int upper,
		       const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];	/* 22 octal digits for 2^64-1 */
	int i = sizeof(tmp);

	do {
		tmp[--i] = digits[val % base];
		val /= base;
	} while (val);
	put_field(out, spec, neg ? "-" : prefix, tmp + i, sizeof(tmp) - i);
}

/* Parse flags, width, precision and length at *fmt (after the '%'). */
static const char *parse_spec(const char *fmt, struct spec *spec, va_list *ap)
{
	*spec = (struct spec){ .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			spec->left = 1;
		else if (*fmt == '0')
			spec->zero = 1;
		else
			break;
	}
	if (*fmt == '*') {
		spec->width = va_arg(*ap, int);
		fmt++;
	}
	for (; *fmt >= '0' && *fmt <= '9'; fmt++)
		spec->width = spec->width * 10 + (*fmt - '0');
	if (*fmt == '.') {
		spec->precision = 0;
		if (*++fmt == '*') {
			spec->precision = va_arg(*ap, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			spec->precision = spec->precision * 10 + (*fmt - '0');
	}
	for (; *fmt == 'l' || *fmt == 'z'; fmt++)
		spec->size += (*fmt == 'z') ? 2 : 1;
	return fmt;
}

static unsigned long long get_unsigned(const struct spec *spec, va_list *ap)
{
	if (spec->size >= 2)
		return va_arg(*ap, unsigned long long);
	if (spec->size == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static long long get_signed(const struct spec *spec, va_list *ap)
{
	if (spec->size >= 2)
		return va_arg(*ap, long long);
	if (spec->size == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

/* One conversion character c with its spec. */
static void convert(struct sink *out, char c, struct spec *spec, va_list *ap)
{
	long long sval;
	const char *s;
	char ch;

	switch (c) {
	case 'd':
	case 'i':
		sval = get_signed(spec, ap);
		put_number(out, spec, sval < 0 ? -(unsigned long long)sval : (unsigned long long)sval,
			   sval < 0, 10, 0, "");
		break;
	case 'u':
		put_number(out, spec, get_unsigned(spec, ap), 0, 10, 0, "");
		break;
	case 'x':
	case 'X':
		put_number(out, spec, get_unsigned(spec, ap), 0, 16, c == 'X', "");
		break;
	case 'o':
		put_number(out, spec, get_unsigned(spec, ap), 0, 8, 0, "");
		break;
	case 'p':
		put_number(out, spec, (unsigned long)va_arg(*ap, void *), 0, 16, 0, "0x");
		break;
	case 'c':
		ch = (char)va_arg(*ap, int);
		spec->zero = 0;
		put_field(out, spec, "", &ch, 1);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		spec->zero = 0;
		put_field(out, spec, "", s,
			  spec->precision >= 0 ? (int)strnlen(s, spec->precision) : (int)strlen(s));
		break;
	case '%':
		put(out, '%');
		break;
	default:	/* unknown: print it as written */
		put(out, '%');
		if (c)
			put(out, c);
	}
}

static void format(struct sink *out, const char *fmt, va_list ap)
{
	va_list args;
	struct spec spec;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &args);
		convert(out, *fmt, &spec, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink out = { .buf = buf, .size = size, .fd = -1 };

	format(&out, fmt, ap);
	if (size)
		buf[out.len] = '\0';
	return out.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[256];
	struct sink out = { .buf = buf, .size = sizeof(buf), .fd = fd };

	format(&out, fmt, ap);
	sink_flush(&out);
	return out.total;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(STDOUT_FILENO, fmt, ap);
	va_end(ap);
	return n;
}

int puts(const char *s)
{
	return printf("%s\n", s);
}
