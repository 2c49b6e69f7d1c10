/* SPDX-License-Identifier: MIT */
/* printk, log levels and the pr_* family (Linux: include/linux/printk.h). */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>

/* A message may start with KERN_SOH + level digit, exactly as in Linux. */
#define KERN_SOH "\001"
#define KERN_SOH_ASCII '\001'
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"

#define LOGLEVEL_EMERG 0
#define LOGLEVEL_ERR 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_NOTICE 5
#define LOGLEVEL_INFO 6
#define LOGLEVEL_DEBUG 7
#define LOGLEVEL_DEFAULT 4

/* Messages with a level below console_loglevel reach the console. */
extern int console_loglevel;
/* console_loglevel at boot (without loglevel= or quiet). */
#define CONSOLE_LOGLEVEL_DEFAULT 7
/* console_loglevel that lets every message through, debug ones too. */
#define CONSOLE_LOGLEVEL_MOTORMOUTH 15

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/*
 * pr_debug: compiled in everywhere; printed only when debug output is on for
 * the file's module name (the `dyndbg` shell switch / boot option, a small
 * version of Linux's dynamic debug keyed by KBUILD_MODNAME).
 */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kernel"
#endif
bool printk_debug_enabled(const char *modname);
#define pr_debug(fmt, ...)                                                   \
	do {                                                                 \
		if (printk_debug_enabled(KBUILD_MODNAME))                    \
			printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__);       \
	} while (0)

#define printk_once(fmt, ...)                                \
	({                                                   \
		static bool __print_once;                    \
		bool __ret = !__print_once;                  \
		if (!__print_once) {                         \
			__print_once = true;                 \
			printk(fmt, ##__VA_ARGS__);          \
		}                                            \
		__ret;                                       \
	})
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

#endif
