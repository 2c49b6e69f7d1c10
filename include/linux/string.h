/* SPDX-License-Identifier: MIT */
/* Freestanding string and memory functions, implemented in lib/string.c. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
/* Copy with truncation; returns length copied or -E2BIG if truncated (Linux semantics). */
ssize_t strscpy(char *dst, const char *src, size_t size);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strsep(char **s, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *skip_spaces(const char *s);
char *strim(char *s);
bool str_has_prefix(const char *s, const char *prefix);
/* sysfs_streq: equal, ignoring one trailing newline on either side. */
bool sysfs_streq(const char *a, const char *b);

#endif
