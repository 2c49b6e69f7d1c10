/* SPDX-License-Identifier: MIT */
/* String to number conversions with Linux's strict semantics (lib/kstrtox.c). */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>

/*
 * All return 0 or -EINVAL (not a number, trailing garbage other than one
 * '\n') or -ERANGE (overflow). base 0 accepts 0x / 0 prefixes.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
/* y/Y/1/on -> true, n/N/0/off -> false, else -EINVAL (Linux kstrtobool). */
int kstrtobool(const char *s, bool *res);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);

#endif
