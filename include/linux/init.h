/* SPDX-License-Identifier: MIT */
/*
 * module_init / module_exit and the __init family, for code that may be a
 * loadable module (Linux: include/linux/init.h, include/linux/module.h).
 * The kernel's own boot options and initcall levels are in <scion/init.h>.
 *
 * Built with -DMODULE (make modules, make M=): module_init(fn) makes fn
 * the module's init_module, which the loader calls once the module is
 * COMING; module_exit(fn) makes it cleanup_module, called by rmmod.
 * Built into the kernel: module_init is a device_initcall and module_exit
 * is never called, as in Linux.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <scion/init.h>

typedef void (*exitcall_t)(void);

#ifdef MODULE
/*
 * Linux frees .init.text and .init.data once init returns; here they stay
 * with the module (kernel/module/layout.c says why), so the sections only
 * name what runs once.
 */
#define __init __section(".init.text") __cold
#define __initdata __section(".init.data")
#define __exit __section(".exit.text") __cold
#define __exitdata __section(".exit.data")

/* The type check is Linux's __inittest / __exittest. */
#define module_init(initfn)                                                    \
	static inline initcall_t __maybe_unused __inittest(void)              \
	{ return initfn; }                                                     \
	int init_module(void) __attribute__((__copy__(initfn), __alias__(#initfn)))

#define module_exit(exitfn)                                                    \
	static inline exitcall_t __maybe_unused __exittest(void)              \
	{ return exitfn; }                                                     \
	void cleanup_module(void) __attribute__((__copy__(exitfn), __alias__(#exitfn)))

#else	/* built in */
#define __init
#define __initdata
#define __exit
#define __exitdata
#define module_init(initfn) device_initcall(initfn)
#define module_exit(exitfn)                                                    \
	static inline exitcall_t __maybe_unused __UNIQUE_ID(exittest)(void)   \
	{ return exitfn; }
#endif

#endif
