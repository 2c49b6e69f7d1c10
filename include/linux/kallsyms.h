/* SPDX-License-Identifier: MIT */
/*
 * Kernel symbol lookups (kernel/kallsyms.c; Linux: include/linux/kallsyms.h).
 * The table is generated at link time for every function and data symbol
 * of the kernel image (static ones included, duplicates kept), with sizes.
 * Modules add theirs through kallsyms_register_module_lookup().
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN 512
#define MODULE_NAME_LEN 56
/* "name+0xoff/0xsize [module]" */
#define KSYM_SYMBOL_LEN (sizeof("%s+%#lx/%#lx [%s]") + KSYM_NAME_LEN + 2 * 19 + MODULE_NAME_LEN)

/*
 * Address of symbol name; 0 if unknown. Where several symbols share the
 * name (statics), the first in address order. The kernel first, then the
 * modules; "mod:name" looks only in module mod. [Linux: kallsyms_lookup_name]
 */
unsigned long kallsyms_lookup_name(const char *name);

/*
 * The symbol containing addr: its name (in namebuf, KSYM_NAME_LEN), size
 * and offset of addr in it, and *modname (NULL for the kernel); symbolsize,
 * offset and modname may be NULL. NULL if addr is in no symbol (padding
 * between functions included: symbols have their ELF sizes here, where
 * Linux extends each to the next). Where symbols share an address, the
 * one with an ELF size and the fewest leading underscores. O(log n).
 * [Linux: kallsyms_lookup]
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize, unsigned long *offset,
			    char **modname, char *namebuf);

/* Size and offset only; true if addr is in a symbol. [Linux: kallsyms_lookup_size_offset] */
bool kallsyms_lookup_size_offset(unsigned long addr, unsigned long *symbolsize, unsigned long *offset);

/*
 * Find the sympos-th (1-based, address order) symbol called name in
 * object objname (NULL or "vmlinux": the kernel). sympos 0 means "the only
 * one": fails with -EINVAL if there are several. Returns 0 and *addr, or
 * -ENOENT (no such symbol) / -EINVAL (ambiguous or bad position), with
 * *count set to how many symbols have that name. (Livepatch's
 * klp_find_object_symbol is built on this.)
 */
int kallsyms_find_symbol(const char *objname, const char *name, unsigned long sympos,
			 unsigned long *addr, unsigned long *count);

/*
 * "name+0xoff/0xsize [mod]" into buffer (KSYM_SYMBOL_LEN); returns its
 * length. An address in no symbol gives "0x<addr>". [Linux: sprint_symbol]
 */
int sprint_symbol(char *buffer, unsigned long address);
/* "name [mod]" only. [Linux: sprint_symbol_no_offset] */
int sprint_symbol_no_offset(char *buffer, unsigned long address);

/*
 * Install the %pS / %ps printer (vsprintf_symbol_hook): the first thing
 * start_kernel() does; earlier oopses print raw addresses. The table
 * itself needs no setup.
 */
void kallsyms_init(void);

/* Is addr in kernel text [_text, _etext) (or module text, once modules register)? */
bool kernel_text_address(unsigned long addr);

/*
 * Call fn for every kernel symbol in address order until it returns
 * non-zero (which is returned). [Linux: kallsyms_on_each_symbol]
 */
int kallsyms_on_each_symbol(int (*fn)(void *data, const char *name, unsigned long addr,
				      unsigned long size, char type), void *data);

/*
 * The module loader's side (issue: loadable modules), each called only
 * for what the kernel's own table does not answer:
 *   lookup         an address outside every kernel symbol, as kallsyms_lookup()
 *                  (all pointers non-NULL; *modname = the module's name)
 *   find_symbol    as kallsyms_find_symbol() in module objname; objname
 *                  NULL means every module, for kallsyms_lookup_name()
 *                  (it passes sympos 1: the first found)
 *   text_address   addr is in a module's text
 *   on_each_symbol every module symbol, modules in a stable order, for
 *                  /proc/kallsyms (which shows them after the kernel's)
 * Registered once, by the module loader's init; NULL unregisters.
 * Context: lookup may be called from any context (oopses, %pS in printk).
 */
struct kallsyms_module_ops {
	const char *(*lookup)(unsigned long addr, unsigned long *size, unsigned long *offset,
			      char **modname, char *namebuf);
	int (*find_symbol)(const char *objname, const char *name, unsigned long sympos,
			   unsigned long *addr, unsigned long *count);
	bool (*text_address)(unsigned long addr);
	int (*on_each_symbol)(int (*fn)(void *data, const char *name, unsigned long addr,
					unsigned long size, char type, const char *modname), void *data);
};
void kallsyms_register_module_ops(const struct kallsyms_module_ops *ops);

#endif
