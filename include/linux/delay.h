/* SPDX-License-Identifier: MIT */
/* Sleeping and busy delays (Linux: include/linux/delay.h). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif
