/* SPDX-License-Identifier: MIT */
/*
 * The module loader's private declarations (Linux: kernel/module/internal.h).
 *
 * Loading runs in two halves. The pure half (elf_check.c, layout.c,
 * modinfo.c, and arch_apply_relocate_add()) only reads the file and writes
 * the memory it was given: it also builds on the host, for the fuzz target
 * (tests/fuzz/). The kernel half (main.c and the rest) allocates, resolves
 * symbols, publishes the module and runs it.
 */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H

#include <linux/types.h>
#include <linux/elf.h>
#include <linux/module.h>

/* Upper bounds that keep a malformed file from asking for absurd memory. */
#define MODULE_MAX_SIZE (64UL << 20)		/* all sections of one module */
#define MODULE_MAX_SECTIONS 4096

/*
 * One module file on its way in. The file buffer (hdr, len) belongs to
 * the caller and is written to: section headers get their final sh_addr
 * and symbols their final st_value, as in Linux.
 */
struct load_info {
	const char *name;		/* for log lines: the module name once known, else the file */
	Elf64_Ehdr *hdr;
	size_t len;
	u16 machine;			/* e_machine and EI_DATA the arch accepts */
	u8 data;

	Elf64_Shdr *sechdrs;
	const char *secstrings;
	const char *strtab;
	unsigned int strtab_size;
	unsigned int num_syms;
	struct {
		unsigned int sym, str, modinfo;		/* 0: none */
	} index;

	/* layout.c: each section's offset in the block (allocated ones). */
	unsigned long *sec_offset;
	struct module_layout layout;	/* base NULL until placed */
	unsigned long mod_offset;	/* where struct module goes, in the data part */
};

/* elf_check.c: every header, index, size, offset and string checked. 0 or -ENOEXEC. */
int module_elf_check(struct load_info *info);
/* The section called name, 0 if none. */
unsigned int module_find_sec(const struct load_info *info, const char *name);

/* layout.c */
int module_layout_sections(struct load_info *info);
int module_copy_sections(struct load_info *info, void *base);
/*
 * Give every symbol its final value; undefined ones through resolve(),
 * which returns 0 and *value, or -ENOENT. 0, -ENOENT (some symbol is
 * unknown: each is logged), or -ENOEXEC.
 */
typedef int (*module_resolve_fn)(void *ctx, const char *name, unsigned long *value);
int module_simplify_symbols(struct load_info *info, struct module *mod,
			    module_resolve_fn resolve, void *ctx);
int module_apply_relocations(struct load_info *info, struct module *mod);
void module_free_load_info(struct load_info *info);

/* Is sym (of the file's symtab) a symbol kallsyms should show? */
bool module_sym_is_interesting(const struct load_info *info, const Elf64_Sym *sym);

/* ---- kernel side ---- */

/* What the last load cost (main.c), for `modbench`. */
struct module_load_stats {
	u64 load_ns;			/* file checked to init about to run */
	u64 resolve_ns, relocate_ns;
	unsigned long undefined;	/* undefined symbols resolved */
	unsigned long compares;		/* name comparisons that took */
	unsigned long relocations;	/* entries applied */
	unsigned int size;		/* bytes of the module area */
};
extern struct module_load_stats module_last_load;

extern struct list_head modules;

/* symbols.c */
const struct kernel_symbol *module_find_export(const char *name, struct module **owner,
					       bool *gpl_only);
int module_sort_exports(struct module *mod, const char **dup);
/* Comparisons made by module_find_export(), for the benchmark. */
extern unsigned long module_export_compares;
bool module_license_is_gpl_compatible(const char *license);
extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

/* kallsyms.c */
int module_add_kallsyms(struct module *mod, const struct load_info *info);
void module_free_kallsyms(struct module *mod);

/*
 * livepatch.c: apply the vmlinux .klp.rela sections of mod (they may not
 * wait: nothing else would resolve them), while it is formed, after its
 * ordinary relocations; keep the ELF headers of a livepatch module.
 */
int module_apply_klp_relocations(struct load_info *info, struct module *mod);
int module_copy_elf(struct module *mod, const struct load_info *info);
void module_free_elf(struct module *mod);

/* params.c */
int module_parse_args(struct module *mod, const char *args);
void module_destroy_params(struct module *mod);
/* Serialises every parameter's set/get with unload (sysfs and insmod). */
extern struct mutex module_param_mutex;

/* sysfs.c */
int module_sysfs_setup(struct module *mod);
void module_sysfs_teardown(struct module *mod);

/* main.c */
const char *module_state_name(enum module_state state);
/* "(OE)" style flags into buf (at least 8 bytes); "" when untainted. */
char *module_flags(struct module *mod, char *buf, bool show_state);
int module_for_each(int (*fn)(struct module *mod, void *data), void *data);

#endif
