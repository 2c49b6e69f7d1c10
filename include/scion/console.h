/* SPDX-License-Identifier: MIT */
/* Console input: a ring filled by the arch receive interrupt, read by the shell. */
#ifndef _SCION_CONSOLE_H
#define _SCION_CONSOLE_H

#include <linux/types.h>

/* Next input byte, waiting (idle) until one arrives. */
int console_getc(void);
/* Next input byte, waiting at most timeout jiffies; -1 if none came. */
int console_getc_timeout(long timeout);
/* Next input byte if one is buffered, else -1. */
int console_trygetc(void);
/* read(2) from the console: at least one byte, -ERESTARTSYS on a signal. */
ssize_t console_read(char *buf, size_t count);
/* Ctrl-C sends SIGINT to this process (0: none). */
void console_set_foreground(pid_t pid);
/* Write to the console, bypassing the log buffer (shell output). */
void console_write(const char *s, size_t len);
void console_puts(const char *s);

#endif
