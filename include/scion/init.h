/* SPDX-License-Identifier: MIT */
/* Boot options and init-time tables (Linux: include/linux/init.h). */
#ifndef _SCION_INIT_H
#define _SCION_INIT_H

#include <linux/compiler.h>

/*
 * A boot option: "name=value" (or bare "name", value "") on the kernel
 * command line calls fn(value) during start_kernel(), before interrupts
 * are enabled. fn returns 0, or a negative errno to have the option
 * reported as bad (the boot goes on). [Linux: early_param / __setup]
 */
struct boot_param {
	const char *name;
	int (*fn)(const char *value);
};

#define early_param(str, func)                                             \
	static const struct boot_param __UNIQUE_ID(bp) __used                 \
		__section("boot_params") __aligned(8) = { str, func }

/* Parse boot_info.cmdline and call each option's handler; unknown ones are ignored. */
void parse_boot_params(void);
/* The value of option name on the command line, copied to buf; false if absent. */
bool cmdline_get(const char *name, char *buf, size_t size);
/* The same, on any command-line string. */
bool cmdline_find(const char *cmdline, const char *name, char *buf, size_t size);

/*
 * Init functions run in level order once memory and interrupts are up,
 * before the shell starts (Linux: initcalls). Return 0 or -errno; a
 * failure is logged, and boot continues.
 */
typedef int (*initcall_t)(void);
struct initcall {
	initcall_t fn;
	const char *name;
};
#define __define_initcall(fn, level)                                       \
	static const struct initcall __UNIQUE_ID(ic) __used                   \
		__section("initcalls." #level) __aligned(8) = { fn, #fn }
#define core_initcall(fn) __define_initcall(fn, 1)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)

void do_initcalls(void);

#endif
