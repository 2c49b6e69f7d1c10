/* SPDX-License-Identifier: MIT */
/*
 * The lib/ API under its host names (see host_rename.h), for test programs.
 * Test programs include only host libc headers and this one: our
 * include/linux/ would clash with the host's /usr/include/linux/. Only the
 * compiler's own headers are used here (ssize_t is spelled long). lib_glue.c
 * includes both this header and ours, so a prototype that drifts from
 * include/linux/ fails to compile there.
 */
#ifndef _SCION_API_H
#define _SCION_API_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCION_PRINTF(a, b) __attribute__((__format__(printf, a, b)))
#define SCION_SCANF(a, b) __attribute__((__format__(scanf, a, b)))

/* lib/string.c */
void *scion_memcpy(void *dst, const void *src, size_t n);
void *scion_memmove(void *dst, const void *src, size_t n);
void *scion_memset(void *s, int c, size_t n);
int scion_memcmp(const void *a, const void *b, size_t n);
void *scion_memchr(const void *s, int c, size_t n);
size_t scion_strlen(const char *s);
size_t scion_strnlen(const char *s, size_t max);
int scion_strcmp(const char *a, const char *b);
int scion_strncmp(const char *a, const char *b, size_t n);
int scion_strcasecmp(const char *a, const char *b);
int scion_strncasecmp(const char *a, const char *b, size_t n);
char *scion_strchr(const char *s, int c);
char *scion_strchrnul(const char *s, int c);
char *scion_strrchr(const char *s, int c);
char *scion_strnchr(const char *s, size_t n, int c);
char *scion_strstr(const char *haystack, const char *needle);
char *scion_strnstr(const char *haystack, const char *needle, size_t len);
char *scion_strpbrk(const char *s, const char *accept);
char *scion_strcpy(char *dst, const char *src);
char *scion_strncpy(char *dst, const char *src, size_t n);
char *scion_strcat(char *dst, const char *src);
char *scion_strncat(char *dst, const char *src, size_t n);
long scion_strscpy(char *dst, const char *src, size_t size);
size_t scion_strlcpy(char *dst, const char *src, size_t size);
char *scion_strsep(char **s, const char *delim);
size_t scion_strspn(const char *s, const char *accept);
size_t scion_strcspn(const char *s, const char *reject);
char *scion_skip_spaces(const char *s);
char *scion_strim(char *s);
char *scion_strreplace(char *s, char old, char new);
size_t scion_str_has_prefix(const char *s, const char *prefix);
bool scion_sysfs_streq(const char *a, const char *b);

/* lib/vsprintf.c, lib/sscanf.c */
SCION_PRINTF(3, 4) int scion_snprintf(char *buf, size_t size, const char *fmt, ...);
SCION_PRINTF(3, 0) int scion_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
SCION_PRINTF(3, 4) int scion_scnprintf(char *buf, size_t size, const char *fmt, ...);
SCION_PRINTF(3, 0) int scion_vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
SCION_PRINTF(2, 3) int scion_sprintf(char *buf, const char *fmt, ...);
SCION_PRINTF(2, 0) int scion_vsprintf(char *buf, const char *fmt, va_list args);
SCION_SCANF(2, 3) int scion_sscanf(const char *str, const char *fmt, ...);
SCION_SCANF(2, 0) int scion_vsscanf(const char *str, const char *fmt, va_list args);
typedef int (*sprint_symbol_fn)(char *buf, size_t size, unsigned long addr, char fmt);
extern sprint_symbol_fn scion_vsprintf_symbol_hook;

/* lib/kstrtox.c */
int scion_kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int scion_kstrtoll(const char *s, unsigned int base, long long *res);
int scion_kstrtoul(const char *s, unsigned int base, unsigned long *res);
int scion_kstrtol(const char *s, unsigned int base, long *res);
int scion_kstrtouint(const char *s, unsigned int base, unsigned int *res);
int scion_kstrtoint(const char *s, unsigned int base, int *res);
int scion_kstrtou8(const char *s, unsigned int base, uint8_t *res);
int scion_kstrtobool(const char *s, bool *res);
unsigned long scion_simple_strtoul(const char *cp, char **endp, unsigned int base);
long scion_simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long scion_simple_strtoull(const char *cp, char **endp, unsigned int base);

/* lib/errno.c */
const char *scion_errno_text(int err);

/* lib/sort.c, lib/bsearch.c */
void scion_sort(void *base, size_t num, size_t size, int (*cmp)(const void *a, const void *b),
		void (*swap)(void *a, void *b, int size));
void *scion_bsearch(const void *key, const void *base, size_t num, size_t size,
		    int (*cmp)(const void *key, const void *elt));

/* lib/crc16.c, lib/crc32.c */
uint16_t scion_crc16_xmodem(uint16_t crc, const void *buf, size_t len);
uint32_t scion_crc32_le(uint32_t crc, const void *p, size_t len);

/*
 * lib/ymodem.c. The tests allocate struct ymodem_rx, so they include its
 * header, which needs only compiler headers (its own prototypes there
 * name the kernel's symbols; call these).
 */
#include "../../include/scion/ymodem.h"
void scion_ymodem_rx_init(struct ymodem_rx *rx);
enum ymodem_event scion_ymodem_rx_byte(struct ymodem_rx *rx, unsigned char c);
unsigned int scion_ymodem_rx_timeout_ms(const struct ymodem_rx *rx);
enum ymodem_event scion_ymodem_rx_timeout(struct ymodem_rx *rx);
enum ymodem_event scion_ymodem_rx_cancel(struct ymodem_rx *rx, int error);

/* lib/cpio.c, with its header (compiler headers only), as lib/ymodem.c above. */
#include "../../include/scion/cpio.h"
bool scion_cpio_is_newc(const void *buf, size_t len);
int scion_cpio_next_entry(const void *buf, size_t len, size_t *pos, struct cpio_entry *entry,
			  char *why, size_t why_size);

/* tests/host/lib_glue.c: every errno of include/linux/errno.h, by name. */
struct scion_errno {
	const char *name;
	int value;
};
extern const struct scion_errno scion_errnos[];
extern const size_t scion_errnos_count;

/* include/linux/gfp.h's flags (tests/host/lib_glue.c). */
extern const unsigned int scion_gfp_kernel, scion_gfp_atomic, scion_gfp_zero;

#endif
