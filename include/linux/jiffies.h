/* SPDX-License-Identifier: MIT */
/* Comparing jiffies across their wrap-around (Linux: include/linux/jiffies.h). */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <scion/time.h>

/*
 * Is a later than b? Correct across the counter's wrap as long as the two
 * are less than half its range apart: the difference is read as signed.
 */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)

#endif
