/* SPDX-License-Identifier: MIT */
/* Process exit and number parsing. */
#ifndef _USER_STDLIB_H
#define _USER_STDLIB_H

#include <sys/types.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/* End the process (exit_group) with status & 0xff. */
__attribute__((noreturn)) void exit(int status);

int atoi(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);

#endif
