// SPDX-License-Identifier: MIT
/*
 * Module symbols in kallsyms: each module keeps its ELF symbol table, and
 * the addresses of its code and data symbols sorted for binary search,
 * so %pS prints "func+0x10/0x40 [mod]" and livepatch finds module symbols
 * by name (Linux: kernel/module/kallsyms.c).
 *
 * Lookups by address may come from any context (an oops, printk's %pS):
 * they walk the module list with preemption disabled, and the list only
 * changes with interrupts off (main.c), so on this single CPU a walker
 * never sees a half-linked entry or a freed module.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include "internal.h"

static const Elf64_Sym *addr_sym(const struct mod_kallsyms *ks, unsigned int i)
{
	return &ks->symtab[ks->addr_index[i]];
}

/* Sort context: sort() has no argument for it, and loads are serialised by module_mutex. */
static const Elf64_Sym *sort_symtab;

/*
 * By address; symbols sharing one in reverse symbol-table order, so that
 * find_in_module(), which walks back from the last, meets the first one
 * in the table first: a function's own name before an alias defined after
 * it (demo_exit, not cleanup_module), as Linux's find_kallsyms_symbol()
 * picks. sort() is not stable: without the second key the winner would
 * depend on the table's size.
 */
static int cmp_addr(const void *a, const void *b)
{
	unsigned int i = *(const unsigned int *)a, j = *(const unsigned int *)b;
	u64 x = sort_symtab[i].st_value, y = sort_symtab[j].st_value;

	if (x != y)
		return x < y ? -1 : 1;
	return i > j ? -1 : i < j;
}

int module_add_kallsyms(struct module *mod, const struct load_info *info)
{
	const Elf64_Shdr *symsec = &info->sechdrs[info->index.sym];
	struct mod_kallsyms *ks;
	unsigned int i, n = 0;

	ks = kzalloc(sizeof(*ks), GFP_KERNEL);
	if (!ks)
		return -ENOMEM;
	mod->kallsyms = ks;
	ks->num_symtab = info->num_syms;
	ks->symtab = kmemdup((void *)symsec->sh_addr, symsec->sh_size, GFP_KERNEL);
	ks->strtab = kmemdup(info->strtab, info->strtab_size, GFP_KERNEL);
	ks->strtab_size = info->strtab_size;
	ks->addr_index = kcalloc(info->num_syms, sizeof(*ks->addr_index), GFP_KERNEL);
	if (!ks->symtab || !ks->strtab || !ks->addr_index)
		return -ENOMEM;		/* the caller frees what is there */
	for (i = 1; i < info->num_syms; i++)
		if (module_sym_is_interesting(info, &ks->symtab[i]))
			ks->addr_index[n++] = i;
	ks->num_addr_index = n;
	sort_symtab = ks->symtab;
	sort(ks->addr_index, n, sizeof(*ks->addr_index), cmp_addr, NULL);
	return 0;
}

void module_free_kallsyms(struct module *mod)
{
	struct mod_kallsyms *ks = mod->kallsyms;

	if (!ks)
		return;
	kfree(ks->symtab);
	kfree(ks->strtab);
	kfree(ks->addr_index);
	kfree(ks);
	mod->kallsyms = NULL;
}

/* The symbol of mod containing addr, or NULL: the last one starting at or below addr whose size covers it. */
static const Elf64_Sym *find_in_module(struct module *mod, unsigned long addr)
{
	const struct mod_kallsyms *ks = mod->kallsyms;
	unsigned int lo = 0, hi = ks->num_addr_index;
	int i;

	while (lo < hi) {			/* first entry with value > addr */
		unsigned int mid = lo + (hi - lo) / 2;

		if (addr_sym(ks, mid)->st_value <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Symbols sharing an address: prefer one that has a size covering addr. */
	for (i = (int)lo - 1; i >= 0; i--) {
		const Elf64_Sym *sym = addr_sym(ks, i);

		if (addr - sym->st_value < sym->st_size)
			return sym;
		if (sym->st_value != addr_sym(ks, lo - 1)->st_value)
			break;
	}
	return NULL;
}

static const char *module_address_lookup(unsigned long addr, unsigned long *size,
					 unsigned long *offset, char **modname, char *namebuf)
{
	const char *ret = NULL;
	struct module *mod;

	preempt_disable();
	mod = __module_address(addr);
	if (mod && mod->kallsyms) {
		const Elf64_Sym *sym = find_in_module(mod, addr);

		if (sym) {
			strscpy(namebuf, mod->kallsyms->strtab + sym->st_name, KSYM_NAME_LEN);
			*size = sym->st_size;
			*offset = addr - sym->st_value;
			*modname = mod->name;
			ret = namebuf;
		}
	}
	preempt_enable();
	return ret;
}

static bool module_text_address(unsigned long addr)
{
	bool ret;

	preempt_disable();
	ret = __module_text_address(addr) != NULL;
	preempt_enable();
	return ret;
}

/* Count the symbols called name in mod (address order); the sympos-th one's address in *addr. */
static void count_in_module(struct module *mod, const char *name, unsigned long sympos,
			    unsigned long *addr, unsigned long *count)
{
	const struct mod_kallsyms *ks = mod->kallsyms;
	unsigned int i;

	for (i = 0; ks && i < ks->num_addr_index; i++) {
		const Elf64_Sym *sym = addr_sym(ks, i);

		if (strcmp(ks->strtab + sym->st_name, name))
			continue;
		if (++*count == sympos || (!sympos && *count == 1))
			*addr = sym->st_value;
	}
}

static int module_find_symbol(const char *objname, const char *name, unsigned long sympos,
			      unsigned long *addr, unsigned long *count)
{
	struct module *mod;

	*addr = 0;
	*count = 0;
	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (objname && strcmp(objname, mod->name))
			continue;
		count_in_module(mod, name, sympos, addr, count);
		if (!objname && *addr)
			break;
	}
	mutex_unlock(&module_mutex);
	if (!*count)
		return -ENOENT;
	if ((!sympos && *count > 1) || (sympos && sympos > *count))
		return -EINVAL;
	return 0;
}

/* nm's letter: t/T text, r/R read-only data, d/D data and bss; lowercase for locals. */
static char symbol_type(struct module *mod, const Elf64_Sym *sym)
{
	unsigned long off = sym->st_value - (unsigned long)mod->core_layout.base;
	char c = 'd';

	if (off < mod->core_layout.text_size)
		c = 't';
	else if (off < mod->core_layout.ro_size)
		c = 'r';
	if (ELF64_ST_BIND(sym->st_info) != STB_LOCAL)
		c -= 'a' - 'A';
	return c;
}

static int module_on_each_symbol(int (*fn)(void *data, const char *name, unsigned long addr,
					   unsigned long size, char type, const char *modname),
				 void *data)
{
	struct module *mod;
	unsigned int i;
	int ret = 0;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		const struct mod_kallsyms *ks = mod->kallsyms;

		if (mod->state == MODULE_STATE_UNFORMED || !ks)
			continue;
		for (i = 0; i < ks->num_addr_index && !ret; i++) {
			const Elf64_Sym *sym = addr_sym(ks, i);

			ret = fn(data, ks->strtab + sym->st_name, sym->st_value, sym->st_size,
				 symbol_type(mod, sym), mod->name);
		}
		if (ret)
			break;
	}
	mutex_unlock(&module_mutex);
	return ret;
}

int module_kallsyms_on_each_symbol(const char *modname,
				   int (*fn)(void *data, const char *name, unsigned long addr),
				   void *data)
{
	struct module *mod;
	unsigned int i;
	int ret = 0;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		const struct mod_kallsyms *ks = mod->kallsyms;

		if (mod->state == MODULE_STATE_UNFORMED || !ks)
			continue;
		if (modname && strcmp(modname, mod->name))
			continue;
		for (i = 0; i < ks->num_addr_index && !ret; i++) {
			const Elf64_Sym *sym = addr_sym(ks, i);

			ret = fn(data, ks->strtab + sym->st_name, sym->st_value);
		}
		if (ret || modname)
			break;
	}
	mutex_unlock(&module_mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(module_kallsyms_on_each_symbol);

static const struct kallsyms_module_ops module_kallsyms_ops = {
	.lookup = module_address_lookup,
	.find_symbol = module_find_symbol,
	.text_address = module_text_address,
	.on_each_symbol = module_on_each_symbol,
};

static int module_kallsyms_init(void)
{
	kallsyms_register_module_ops(&module_kallsyms_ops);
	return 0;
}
core_initcall(module_kallsyms_init);
