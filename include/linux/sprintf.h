/* SPDX-License-Identifier: MIT */
/* Formatted output into buffers, implemented in lib/vsprintf.c (Linux: include/linux/sprintf.h). */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>

__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
int sscanf(const char *str, const char *fmt, ...);

/*
 * %pS / %ps / %pB resolve addresses through this hook, installed by kallsyms
 * once it exists. It writes "name+0xoff/0xsize [mod]" (or "name" when
 * with_offset is false) into buf and returns the length, or 0 when the
 * address is unknown (the caller then prints the raw address).
 */
typedef int (*sprint_symbol_fn)(char *buf, size_t size, unsigned long addr, bool with_offset);
extern sprint_symbol_fn vsprintf_symbol_hook;

#endif
