/* SPDX-License-Identifier: MIT */
/* Helpers shared by the number parsers of lib/ (kstrtox.c, sscanf.c). */
#ifndef _LIB_INTERNAL_H
#define _LIB_INTERNAL_H

#include <linux/ctype.h>

/* The value of digit c in bases up to 16, or 16 when c is not such a digit. */
static inline unsigned int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

#endif
