/* SPDX-License-Identifier: MIT */
/*
 * Formatted output. There is no FILE: every call formats into a small
 * buffer and writes it to a file descriptor, so one printf of a line is
 * one write() (lines of concurrent processes do not interleave).
 * Conversions: %d %i %u %x %X %o %c %s %p %%, length l ll z, flags - 0,
 * width (or *), precision for %s.
 */
#ifndef _USER_STDIO_H
#define _USER_STDIO_H

#include <stdarg.h>
#include <sys/types.h>

#define EOF (-1)

#define __printf(a, b) __attribute__((format(printf, a, b)))

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vdprintf(int fd, const char *fmt, va_list ap);
int dprintf(int fd, const char *fmt, ...) __printf(2, 3);
int printf(const char *fmt, ...) __printf(1, 2);
/* s and a newline to stdout. */
int puts(const char *s);
/* "<progname>: <msg>: <strerror(errno)>" on stderr (no "<msg>: " if msg is NULL or ""). */
void perror(const char *msg);

#endif
