/* SPDX-License-Identifier: MIT */
/* String and memory functions of the user libc. */
#ifndef _USER_STRING_H
#define _USER_STRING_H

#include <sys/types.h>

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
/* Copy at most size-1 bytes and always terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
/* Linux's text for err (a positive errno), or "Unknown error N". */
const char *strerror(int err);

#endif
