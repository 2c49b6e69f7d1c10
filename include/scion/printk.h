/* SPDX-License-Identifier: MIT */
/* Reading the kernel log (kernel/printk.c), for dmesg and /proc/kmsg-like users. */
#ifndef _SCION_PRINTK_H
#define _SCION_PRINTK_H

#include <linux/types.h>

size_t log_read(u64 *seq, char *buf, size_t size, int max_level);
/* First record `dmesg` shows (after the last `dmesg -c`). */
u64 log_seq_first_unread(void);
u64 log_seq_next(void);
void log_clear(void);

/* pr_debug switches, by KBUILD_MODNAME (kernel/dyndbg.c). */
int dyndbg_set(const char *modname, bool on);

#endif
