/* SPDX-License-Identifier: MIT */
/*
 * Loadable modules: struct module, its states and references, the
 * MODULE_* tags, and the loader's API (kernel/module/; Linux:
 * include/linux/module.h). A module source includes <linux/module.h>,
 * <linux/kernel.h> and <linux/init.h> and is built with `make modules`
 * (the files in modules/) or `make M=<dir>`.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kallsyms.h>	/* MODULE_NAME_LEN */
#include <linux/moduleparam.h>
#include <linux/mutex.h>

struct notifier_block;
struct module_kobject;

/*
 * A module's life: UNFORMED while the loader lays it out and relocates
 * it, COMING while notifiers, livepatch and its init run, LIVE, then
 * GOING from rmmod (or a failed init) until it is freed. The values are
 * Linux's, so printed states agree.
 */
enum module_state {
	MODULE_STATE_LIVE,
	MODULE_STATE_COMING,
	MODULE_STATE_GOING,
	MODULE_STATE_UNFORMED,
};

/*
 * Where the module's sections live: one block of the module area,
 * [base, base + text_size) text (RX), then up to ro_size read-only data
 * (R), then data and bss up to size (RW, no execute). Every boundary is
 * page aligned. The text part ends with arch_size bytes at arch_offset
 * that belong to the arch (s390x: GOT and PLT; none on x86_64).
 * [Linux <= 6.3: struct module_layout core_layout; the arch's part is
 * what module_frob_arch_sections() adds to it]
 */
struct module_layout {
	void *base;
	unsigned int size;
	unsigned int text_size;
	unsigned int ro_size;
	unsigned int arch_offset;
	unsigned int arch_size;
};

/*
 * The module's ELF symbol table, kept whole and in its original order
 * (livepatch relocations name symbols by index), its strings, and the
 * indices of the symbols that name code or data sorted by address, for
 * address lookups in O(log n). [Linux: struct mod_kallsyms]
 */
struct mod_kallsyms {
	Elf64_Sym *symtab;
	unsigned int num_symtab;
	char *strtab;
	unsigned int strtab_size;
	unsigned int *addr_index;
	unsigned int num_addr_index;
};

/*
 * What a livepatch module keeps of its ELF file for the livepatch core to
 * apply .klp.rela sections later, when their target object loads: the
 * header, the section headers (sh_addr is where each allocated section
 * was placed), their names, and the index of .symtab, whose entries are
 * mod->kallsyms->symtab. [Linux: struct klp_modinfo, copy_module_elf()]
 */
struct klp_modinfo {
	Elf64_Ehdr hdr;
	Elf64_Shdr *sechdrs;
	char *secstrings;
	unsigned int symndx;
};

/* One dependency: source uses symbols of target. [Linux: struct module_use] */
struct module_use {
	struct list_head source_list;	/* in target->source_list */
	struct list_head target_list;	/* in source->target_list */
	struct module *source, *target;
};

/*
 * A loaded module. The loader places it in the module's own data, as
 * Linux places __this_module, so that THIS_MODULE is an address the
 * module's code model reaches; the module's references to __this_module
 * resolve to it.
 */
struct module {
	enum module_state state;
	struct list_head list;			/* on the module list (module_mutex) */
	char name[MODULE_NAME_LEN];

	/* Exported symbols, each table sorted by name (binary search). */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_symbol *gpl_syms;
	unsigned int num_gpl_syms;

	const struct kernel_param *kp;
	unsigned int num_kp;
	char *args;				/* the insmod line's parameters */

	int (*init)(void);
	void (*exit)(void);

	struct module_layout core_layout;
	struct mod_kallsyms *kallsyms;
	unsigned long taints;			/* TAINT_* bits this module set */
	bool gpl_compatible;

	/* .modinfo, copied: "tag=value" strings separated by NULs. */
	char *modinfo;
	unsigned int modinfo_size;

	/* Function-entry call sites (__mcount_loc) for ftrace. */
	unsigned long *ftrace_callsites;
	unsigned int num_ftrace_callsites;

	/* Livepatch: modinfo livepatch=Y, and what the core needs. */
	bool klp;
	bool klp_alive;
	struct klp_modinfo *klp_info;

	/* Dependencies: who uses us (holders) and whom we use. */
	struct list_head source_list;
	struct list_head target_list;
	int refcnt;				/* try_module_get() references */

	struct module_kobject *mkobj;		/* /sys/module/<name> */
};

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

/* .modinfo tags (modinfo prints them). */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
/*
 * "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
 * "Dual MIT/GPL", "Dual MPL/GPL" may use EXPORT_SYMBOL_GPL symbols; any
 * other license taints the kernel (P) and may not.
 */
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)

/* ---- References ---- */

/*
 * Take a reference unless the module is going away: true if taken. NULL
 * (the kernel) always succeeds. rmmod refuses while references are held.
 * Context: any. [Linux: same]
 */
bool try_module_get(struct module *mod);
/* Take a reference the caller knows it may take (it holds one already). */
void __module_get(struct module *mod);
void module_put(struct module *mod);
/* References held now. */
int module_refcount(struct module *mod);

static inline bool module_is_live(struct module *mod)
{
	return mod->state != MODULE_STATE_GOING;
}

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

static inline bool is_livepatch_module(struct module *mod)
{
	return mod->klp;
}

/* Is addr inside mod's memory? */
static inline bool within_module(unsigned long addr, const struct module *mod)
{
	unsigned long base = (unsigned long)mod->core_layout.base;

	return addr - base < mod->core_layout.size;
}

/*
 * Lookups. Context: the caller holds module_mutex, or has preemption
 * disabled and uses the result before enabling it again. [Linux: same]
 */
extern struct mutex module_mutex;
struct module *find_module(const char *name);
/* The module whose memory (or text) contains addr, or NULL. */
struct module *__module_address(unsigned long addr);
struct module *__module_text_address(unsigned long addr);
bool is_module_address(unsigned long addr);
bool is_module_text_address(unsigned long addr);

/*
 * Call fn for each symbol of module modname (NULL: every module) that
 * names code or data, until fn returns non-zero. Takes module_mutex.
 * [Linux: module_kallsyms_on_each_symbol]
 */
int module_kallsyms_on_each_symbol(const char *modname,
				   int (*fn)(void *data, const char *name, unsigned long addr),
				   void *data);

/* ---- State-change notifications ---- */

/*
 * nb->notifier_call(nb, MODULE_STATE_COMING / LIVE / GOING, mod) at each
 * change: COMING before init runs (a non-zero errno in the return value
 * fails the load), LIVE after it succeeded, GOING before the module's
 * exit runs or after its init failed. Context: process; may sleep.
 */
int register_module_notifier(struct notifier_block *nb);
int unregister_module_notifier(struct notifier_block *nb);

/* ---- The loader (what insmod and rmmod call) ---- */

/*
 * Load the module image[0..len) with the parameter line args ("a=1 b=x",
 * may be NULL). source names the file in log messages. On success the
 * module is LIVE. On failure nothing of it remains, the kernel log says
 * why in one line, and the return value is what Linux's init_module
 * returns for that cause: -ENOEXEC (malformed), -ENOENT (unknown
 * symbol), -EEXIST (a module of that name is loaded), -EINVAL (bad
 * parameter), -ENOMEM, or the error module_init returned.
 * Context: process; may sleep. [Linux: load_module()]
 */
int module_load_image(const void *image, size_t len, const char *args, const char *source);
/* The same from a file (kernel_read_file_from_path()). [Linux: finit_module] */
int module_load_file(const char *path, const char *args);
/*
 * Unload module name: -ENOENT (not loaded), -EWOULDBLOCK (others use it,
 * or references are held), -EBUSY (not LIVE, or no exit function).
 * [Linux: delete_module]
 */
int module_delete(const char *name);

/*
 * The value of .modinfo tag in modinfo[0..size): the first one, or the
 * one after prev (NULL: from the start). NULL if none. [Linux: get_modinfo, get_next_modinfo]
 */
const char *module_get_modinfo(const char *modinfo, size_t size, const char *tag, const char *prev);

#endif
