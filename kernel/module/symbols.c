// SPDX-License-Identifier: MIT
/*
 * Exported symbols: the kernel's two tables (__ksymtab, __ksymtab_gpl,
 * sorted by name at link time) and each module's, searched by binary
 * search (Linux: find_symbol(), find_exported_symbol_in_section() in
 * kernel/module/main.c).
 *
 * A lookup costs O(log n) per table: two kernel tables, two per module.
 */
#define pr_fmt(fmt) "module: " fmt

#include <linux/kernel.h>
#include <linux/bsearch.h>
#include <linux/bug.h>
#include <linux/module.h>
#include <linux/sort.h>
#include <scion/init.h>
#include "internal.h"

unsigned long module_export_compares;

static int cmp_name(const void *name, const void *entry)
{
	const struct kernel_symbol *sym = entry;

	module_export_compares++;
	return strcmp(name, sym->name);
}

static const struct kernel_symbol *search(const char *name, const struct kernel_symbol *start,
					  const struct kernel_symbol *stop)
{
	return bsearch(name, start, stop - start, sizeof(*start), cmp_name);
}

/*
 * The export called name: in the kernel, or in a module that is not
 * UNFORMED (a module still being relocated exports nothing yet). *owner
 * is its module (NULL: the kernel), *gpl_only whether it is
 * EXPORT_SYMBOL_GPL. Context: module_mutex held.
 */
const struct kernel_symbol *module_find_export(const char *name, struct module **owner,
					       bool *gpl_only)
{
	const struct kernel_symbol *sym;
	struct module *mod;

	*owner = NULL;
	*gpl_only = false;
	sym = search(name, __start___ksymtab, __stop___ksymtab);
	if (sym)
		return sym;
	*gpl_only = true;
	sym = search(name, __start___ksymtab_gpl, __stop___ksymtab_gpl);
	if (sym)
		return sym;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		*owner = mod;
		*gpl_only = false;
		sym = search(name, mod->syms, mod->syms + mod->num_syms);
		if (sym)
			return sym;
		*gpl_only = true;
		sym = search(name, mod->gpl_syms, mod->gpl_syms + mod->num_gpl_syms);
		if (sym)
			return sym;
	}
	*owner = NULL;
	return NULL;
}

static int cmp_symbols(const void *a, const void *b)
{
	return strcmp(((const struct kernel_symbol *)a)->name, ((const struct kernel_symbol *)b)->name);
}

static const char *first_duplicate(const struct kernel_symbol *syms, unsigned int n)
{
	unsigned int i;

	for (i = 1; i < n; i++)
		if (!strcmp(syms[i - 1].name, syms[i].name))
			return syms[i].name;
	return NULL;
}

/*
 * Sort the module's tables (modules/module.lds already sorts them; a
 * module linked some other way still works) while they are writable.
 * -ENOEXEC with *dup set if a name appears twice.
 */
int module_sort_exports(struct module *mod, const char **dup)
{
	sort((void *)mod->syms, mod->num_syms, sizeof(*mod->syms), cmp_symbols, NULL);
	sort((void *)mod->gpl_syms, mod->num_gpl_syms, sizeof(*mod->gpl_syms), cmp_symbols, NULL);
	*dup = first_duplicate(mod->syms, mod->num_syms) ?:
	       first_duplicate(mod->gpl_syms, mod->num_gpl_syms);
	return *dup ? -ENOEXEC : 0;
}

/* Linux: license_is_gpl_compatible() in include/linux/license.h. */
bool module_license_is_gpl_compatible(const char *license)
{
	static const char *const gpl[] = {
		"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL",
		"Dual MIT/GPL", "Dual MPL/GPL",
	};
	unsigned int i;

	for (i = 0; license && i < ARRAY_SIZE(gpl); i++)
		if (!strcmp(license, gpl[i]))
			return true;
	return false;
}

/*
 * The kernel's tables must be sorted for the binary search: the linker
 * script's SORT() does it; this checks that it did, once, at boot.
 */
static int ksymtab_check(void)
{
	const char *dup;
	long n = __stop___ksymtab - __start___ksymtab;
	long n_gpl = __stop___ksymtab_gpl - __start___ksymtab_gpl;
	long i;

	for (i = 1; i < n; i++)
		if (WARN(strcmp(__start___ksymtab[i - 1].name, __start___ksymtab[i].name) >= 0,
			 "__ksymtab not sorted at '%s'\n", __start___ksymtab[i].name))
			return -EINVAL;
	for (i = 1; i < n_gpl; i++)
		if (WARN(strcmp(__start___ksymtab_gpl[i - 1].name, __start___ksymtab_gpl[i].name) >= 0,
			 "__ksymtab_gpl not sorted at '%s'\n", __start___ksymtab_gpl[i].name))
			return -EINVAL;
	dup = NULL;
	for (i = 0; i < n_gpl && !dup; i++)
		if (search(__start___ksymtab_gpl[i].name, __start___ksymtab, __stop___ksymtab))
			dup = __start___ksymtab_gpl[i].name;
	if (WARN(dup, "'%s' is exported twice\n", dup))
		return -EINVAL;
	pr_info("kernel exports %ld symbols (%ld GPL-only)\n", n + n_gpl, n_gpl);
	return 0;
}
core_initcall(ksymtab_check);
