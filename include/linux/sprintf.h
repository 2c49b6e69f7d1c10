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
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);

/*
 * Return: the number of conversions assigned. Supports %d %i %u %o %x %X %c
 * %s %[set] %[^set] %n and %%, with field widths, '*' (no assignment) and
 * the hh h l ll z t j length modifiers. Numbers wrap silently on overflow,
 * as in Linux; use kstrto*() where overflow must be caught.
 */
__attribute__((__format__(scanf, 2, 3))) int sscanf(const char *str, const char *fmt, ...);
__attribute__((__format__(scanf, 2, 0))) int vsscanf(const char *str, const char *fmt, va_list args);

/*
 * Pointers: %p and %px print the raw address as 16 (2 * sizeof(void *))
 * zero-padded lower-case hex digits, without "0x" (Linux %px; here %p is
 * not hashed). Linux: any alphanumerics after %p select an extension and
 * are consumed; here too.
 *
 * %pS / %ps / %pB resolve addresses through this hook, installed by kallsyms
 * (kernel/kallsyms.c) at the start of start_kernel(). fmt is the letter
 * after %p: 'S' writes "name+0xoff/0xsize [mod]", 's' "name [mod]", and
 * 'B' is 'S' for a return address: it names the symbol of addr - 1 (with
 * the offset of addr), so that the return address of a noreturn call
 * that ends a function names that function (Linux: same). The hook
 * returns the length written to buf, or 0 when the address is unknown
 * (the caller then prints the raw address as "0x%lx").
 */
typedef int (*sprint_symbol_fn)(char *buf, size_t size, unsigned long addr, char fmt);
extern sprint_symbol_fn vsprintf_symbol_hook;

#endif
