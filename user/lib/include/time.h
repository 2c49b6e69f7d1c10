/* SPDX-License-Identifier: MIT */
/* struct timespec (Linux's 64-bit layout) and nanosleep(). */
#ifndef _USER_TIME_H
#define _USER_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;	/* 0 .. 999999999 */
};

int nanosleep(const struct timespec *req, struct timespec *rem);
int sched_yield(void);

#endif
