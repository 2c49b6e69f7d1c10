/* SPDX-License-Identifier: MIT */
/* The timer tick and kernel time (kernel/time.c; Linux: include/linux/jiffies.h). */
#ifndef _SCION_TIME_H
#define _SCION_TIME_H

#include <linux/types.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_MSEC 1000000ULL
#define NSEC_PER_USEC 1000ULL

extern volatile unsigned long jiffies;

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return (ms * HZ + 999) / 1000;
}

/* Monotonic nanoseconds since boot. */
u64 ktime_get_ns(void);

#endif
