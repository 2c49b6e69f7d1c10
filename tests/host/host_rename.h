/* SPDX-License-Identifier: MIT */
/*
 * Host builds of lib/: force-included (gcc -include) into every lib/ source and
 * tests/host/lib_glue.c, so that our memcpy, strlen, snprintf, sort, ...
 * become scion_memcpy, scion_strlen, ... and never clash with the host libc
 * the test programs and the sanitizers link against. Test programs call the
 * scion_ names, declared in tests/host/scion_api.h.
 *
 * Every non-static symbol of lib/ is listed here; a new one must be added.
 */
#ifndef _SCION_HOST_RENAME_H
#define _SCION_HOST_RENAME_H

/* lib/string.c */
#define memcpy scion_memcpy
#define memmove scion_memmove
#define memset scion_memset
#define memcmp scion_memcmp
#define memchr scion_memchr
#define strlen scion_strlen
#define strnlen scion_strnlen
#define strcmp scion_strcmp
#define strncmp scion_strncmp
#define strcasecmp scion_strcasecmp
#define strncasecmp scion_strncasecmp
#define strchr scion_strchr
#define strchrnul scion_strchrnul
#define strrchr scion_strrchr
#define strnchr scion_strnchr
#define strstr scion_strstr
#define strnstr scion_strnstr
#define strpbrk scion_strpbrk
#define strcpy scion_strcpy
#define strncpy scion_strncpy
#define strcat scion_strcat
#define strncat scion_strncat
#define strscpy scion_strscpy
#define strlcpy scion_strlcpy
#define strsep scion_strsep
#define strspn scion_strspn
#define strcspn scion_strcspn
#define skip_spaces scion_skip_spaces
#define strim scion_strim
#define strreplace scion_strreplace
#define str_has_prefix scion_str_has_prefix
#define sysfs_streq scion_sysfs_streq

/* lib/vsprintf.c */
#define snprintf scion_snprintf
#define vsnprintf scion_vsnprintf
#define scnprintf scion_scnprintf
#define vscnprintf scion_vscnprintf
#define sprintf scion_sprintf
#define vsprintf scion_vsprintf
#define sscanf scion_sscanf
#define vsscanf scion_vsscanf
#define vsprintf_symbol_hook scion_vsprintf_symbol_hook

/* lib/kstrtox.c */
#define kstrtoull scion_kstrtoull
#define kstrtoll scion_kstrtoll
#define kstrtoul scion_kstrtoul
#define kstrtol scion_kstrtol
#define kstrtouint scion_kstrtouint
#define kstrtoint scion_kstrtoint
#define kstrtou8 scion_kstrtou8
#define kstrtobool scion_kstrtobool
#define simple_strtoul scion_simple_strtoul
#define simple_strtol scion_simple_strtol
#define simple_strtoull scion_simple_strtoull

/* lib/errno.c */
#define errno_text scion_errno_text

/* lib/sort.c, lib/bsearch.c */
#define sort scion_sort
#define bsearch scion_bsearch

/* lib/crc16.c, lib/crc32.c */
#define crc16_xmodem scion_crc16_xmodem
#define crc32_le scion_crc32_le

/* lib/cpio.c */
#define cpio_is_newc scion_cpio_is_newc
#define cpio_next_entry scion_cpio_next_entry

/* lib/ymodem.c */
#define ymodem_rx_init scion_ymodem_rx_init
#define ymodem_rx_byte scion_ymodem_rx_byte
#define ymodem_rx_timeout_ms scion_ymodem_rx_timeout_ms
#define ymodem_rx_timeout scion_ymodem_rx_timeout
#define ymodem_rx_cancel scion_ymodem_rx_cancel

/* include/linux/ctype.h: static inline, renamed so no libc macro or
 * declaration of the same name can interfere. */
#define isdigit scion_isdigit
#define isupper scion_isupper
#define islower scion_islower
#define isalpha scion_isalpha
#define isalnum scion_isalnum
#define isxdigit scion_isxdigit
#define isspace scion_isspace
#define isprint scion_isprint
#define iscntrl scion_iscntrl
#define ispunct scion_ispunct
#define tolower scion_tolower
#define toupper scion_toupper

#endif
