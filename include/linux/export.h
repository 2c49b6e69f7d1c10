/* SPDX-License-Identifier: MIT */
/*
 * Exported symbols: what a loadable module may link against
 * (kernel/module/symbols.c; Linux: include/linux/export.h).
 *
 * EXPORT_SYMBOL(sym) puts a struct kernel_symbol in section
 * "__ksymtab.<sym>" (EXPORT_SYMBOL_GPL: "__ksymtab_gpl.<sym>"). The kernel's
 * linker script (include/scion/sections.lds.h) and the module one
 * (modules/module.lds) gather them with SORT(), so each table comes out
 * sorted by name and a lookup is a binary search. Linux: "___ksymtab+sym"
 * sections sorted the same way by scripts/module.lds.S and vmlinux.lds.h.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

/*
 * One exported symbol. Linux (since 4.19, PREL32 relocations) stores
 * 32-bit offsets; here absolute pointers, the pre-4.19 layout, because
 * they read plainly and cost nothing at this size.
 */
struct kernel_symbol {
	unsigned long value;
	const char *name;
};

#define ___EXPORT_SYMBOL(sym, sec)                                             \
	extern __typeof__(sym) sym;                                            \
	static const char __kstrtab_##sym[] = #sym;                            \
	static const struct kernel_symbol __ksymtab_##sym __used              \
		__section(sec "." #sym) __aligned(8) = {                       \
		(unsigned long)&sym, __kstrtab_##sym                           \
	}

/* Any module may use sym. */
#define EXPORT_SYMBOL(sym) ___EXPORT_SYMBOL(sym, "__ksymtab")
/* Only modules whose MODULE_LICENSE is GPL-compatible may use sym. */
#define EXPORT_SYMBOL_GPL(sym) ___EXPORT_SYMBOL(sym, "__ksymtab_gpl")

#endif
