// SPDX-License-Identifier: MIT
/*
 * printf and friends for user programs: formatted by the kernel's own
 * vsnprintf (lib/vsprintf.c, linked into this libc), written with one
 * write() per call so lines from several processes do not interleave.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PRINTF_MAX 1024

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[PRINTF_MAX];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);

	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;	/* longer output is cut, not lost silently mid-line */
	if (n > 0 && write_all(fd, buf, n) < 0)
		return -1;
	return n;
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
