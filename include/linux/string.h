/* SPDX-License-Identifier: MIT */
/* Freestanding string and memory functions, implemented in lib/string.c (Linux: include/linux/string.h). */
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
/* ASCII case-insensitive compare. */
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
/* As strchr, but returns a pointer to the terminating NUL when c is absent. */
char *strchrnul(const char *s, int c);
char *strrchr(const char *s, int c);
/* strchr within the first n characters. */
char *strnchr(const char *s, size_t n, int c);
char *strstr(const char *haystack, const char *needle);
/* strstr within the first len characters of haystack. */
char *strnstr(const char *haystack, const char *needle, size_t len);
char *strpbrk(const char *s, const char *accept);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
/*
 * Copy with truncation; dst is always NUL-terminated when size > 0.
 * Return: the length copied, or -E2BIG if src did not fit (or size is 0).
 */
ssize_t strscpy(char *dst, const char *src, size_t size);
/* Return: strlen(src), so a result >= size means truncation. */
size_t strlcpy(char *dst, const char *src, size_t size);
char *strsep(char **s, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
/* Return: the first non-whitespace character of s. */
char *skip_spaces(const char *s);
/* Trim whitespace at both ends in place. Return: the first non-space char. */
char *strim(char *s);
/* Replace every old by new in s. Return: the terminating NUL of s. */
char *strreplace(char *s, char old, char new);
/* Return: strlen(prefix) if s starts with prefix, else 0 (Linux semantics). */
size_t str_has_prefix(const char *s, const char *prefix);
/* sysfs_streq: equal, ignoring one trailing newline on either side. */
bool sysfs_streq(const char *a, const char *b);

#endif
