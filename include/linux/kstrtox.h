/* SPDX-License-Identifier: MIT */
/* String to number conversions with Linux's strict semantics (lib/kstrtox.c). */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>

/*
 * All return 0 or -EINVAL (not a number, trailing garbage other than one
 * '\n', base not 0 or 2..16) or -ERANGE (overflow); *res is written only
 * on success. No leading whitespace; unsigned ones accept a leading '+',
 * signed ones '+' or '-'. base 0 detects 0x (hex) and 0 (octal) prefixes;
 * base 16 accepts an optional 0x.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
/*
 * y/Y/t/T/1/on -> true, n/N/f/F/0/off -> false, else -EINVAL. Only the first
 * one or two characters are looked at, as in Linux ("yes", "off\n" work).
 */
int kstrtobool(const char *s, bool *res);
/*
 * Obsolete-style parsers (Linux semantics): no '+', no whitespace skipping,
 * overflow wraps; *endp (if endp) points past the last digit used.
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);

#endif
