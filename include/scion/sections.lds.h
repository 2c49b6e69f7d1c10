/* SPDX-License-Identifier: MIT */
/*
 * Linker-script pieces shared by every arch's kernel.lds.S: the tables that
 * generic code builds with section attributes (shell commands, ktest suites,
 * boot parameters, initcalls, exported symbols) and the fentry call-site
 * list. SORT() orders each table by section name: for the export tables
 * ("__ksymtab.<symbol>", <linux/export.h>) that is by symbol name, which
 * the module loader's binary search relies on.
 */
#ifndef _SCION_SECTIONS_LDS_H
#define _SCION_SECTIONS_LDS_H

#define SCION_TABLE(name)					\
	. = ALIGN(8);						\
	__start_##name = .;					\
	KEEP(*(SORT(name.*))) KEEP(*(name))			\
	__stop_##name = .;

#define SCION_TABLES						\
	SCION_TABLE(shell_cmds)					\
	SCION_TABLE(ktest_suites)				\
	SCION_TABLE(boot_params)				\
	SCION_TABLE(initcalls)					\
	SCION_TABLE(__ksymtab)					\
	SCION_TABLE(__ksymtab_gpl)

/* Addresses of every function's fentry NOP (gcc -mrecord-mcount). */
#define MCOUNT_LOC						\
	. = ALIGN(8);						\
	__mcount_loc : AT(ADDR(__mcount_loc) - KVMA) {		\
		__start_mcount_loc = .;				\
		KEEP(*(__mcount_loc))				\
		__stop_mcount_loc = .;				\
	}

#endif
