// SPDX-License-Identifier: MIT
/*
 * Livepatch relocations: .klp.rela.<objname>.<section> sections with
 * .klp.sym symbols, resolved and written when their object is patched,
 * cleared when a target module goes (Linux: the relocation part of
 * kernel/livepatch/core.c; Documentation/livepatch/module-elf-format.rst).
 */
#define pr_fmt(fmt) "livepatch: " fmt

#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <arch.h>
#include "core.h"

/*
 * A patch module reaches what its target does not export (static
 * functions, unexported globals, a module's statics) through relocation
 * sections named .klp.rela.<objname>.<section> (SHF_RELA_LIVEPATCH) whose
 * symbols are SHN_LIVEPATCH and named .klp.sym.<objname>.<symbol>,<sympos>
 * (Documentation/livepatch/module-elf-format.rst; tools/klp-convert
 * writes them). The vmlinux ones are applied while the patch module is
 * formed (klp_apply_section_relocs() from the loader, Linux 5.8+); a
 * module's when that module is patched, and cleared when it goes, so that
 * they apply again when it comes back (Linux 6.1).
 */

/*
 * Give each symbol of relasec its address in sec_objname. Formats are
 * parsed as Linux does: object names of up to 55 characters
 * (MODULE_NAME_LEN 56), symbol names of up to 511 (KSYM_NAME_LEN 512).
 */
static int klp_resolve_symbols(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symndx,
			       Elf64_Shdr *relasec, const char *sec_objname)
{
	static_assert(MODULE_NAME_LEN >= 56 && KSYM_NAME_LEN == 512);
	bool sec_vmlinux = !strcmp(sec_objname, "vmlinux");
	const Elf64_Rela *relas = (const void *)relasec->sh_addr;
	char sym_objname[MODULE_NAME_LEN], sym_name[KSYM_NAME_LEN];
	unsigned long sympos, addr, i;
	bool sym_vmlinux;
	int cnt, ret;

	for (i = 0; i < relasec->sh_size / sizeof(*relas); i++) {
		Elf64_Sym *sym = (Elf64_Sym *)sechdrs[symndx].sh_addr + ELF64_R_SYM(relas[i].r_info);

		if (sym->st_shndx != SHN_LIVEPATCH) {
			pr_err("symbol %s is not marked as a livepatch symbol\n", strtab + sym->st_name);
			return -EINVAL;
		}
		cnt = sscanf(strtab + sym->st_name, ".klp.sym.%55[^.].%511[^,],%lu", sym_objname,
			     sym_name, &sympos);
		if (cnt != 3) {
			pr_err("symbol %s has an incorrectly formatted name\n", strtab + sym->st_name);
			return -EINVAL;
		}
		sym_vmlinux = !strcmp(sym_objname, "vmlinux");
		/*
		 * A module's section may not reach into vmlinux (Linux 5.8:
		 * such symbols are exported, or belong in a vmlinux section).
		 */
		if (!sec_vmlinux && sym_vmlinux) {
			pr_err("invalid access to vmlinux symbol '%s' from module-specific livepatch relocation section\n",
			       sym_name);
			return -EINVAL;
		}
		/*
		 * Nor a vmlinux section into a module, which may not be
		 * loaded. Linux does not check; here the vmlinux sections are
		 * resolved under module_mutex, which a module lookup takes.
		 */
		if (sec_vmlinux && !sym_vmlinux) {
			pr_err("invalid access to module symbol '%s' from vmlinux livepatch relocation section\n",
			       sym_name);
			return -EINVAL;
		}
		ret = klp_find_object_symbol(sym_vmlinux ? NULL : sym_objname, sym_name, sympos, &addr);
		if (ret)
			return ret;
		sym->st_value = addr;
	}
	return 0;
}

/*
 * Apply (or clear) section secndx of patch module pmod if it is a
 * livepatch relocation section for objname (NULL: vmlinux).
 * [Linux: klp_write_section_relocs()]
 */
static int klp_write_section_relocs(struct module *pmod, Elf64_Shdr *sechdrs, const char *shstrtab,
				    const char *strtab, unsigned int symndx, unsigned int secndx,
				    const char *objname, bool apply)
{
	Elf64_Shdr *sec = &sechdrs[secndx];
	char sec_objname[MODULE_NAME_LEN];
	int ret;

	if (sscanf(shstrtab + sec->sh_name, ".klp.rela.%55[^.]", sec_objname) != 1) {
		pr_err("section %s has an incorrectly formatted name\n", shstrtab + sec->sh_name);
		return -EINVAL;
	}
	if (strcmp(objname ? objname : "vmlinux", sec_objname))
		return 0;
	/*
	 * The section and its target must stay with the module (the loader
	 * checked the entries of those only). Linux trusts the file here.
	 */
	if (sec->sh_type != SHT_RELA || !(sec->sh_flags & SHF_ALLOC) ||
	    !(sechdrs[sec->sh_info].sh_flags & SHF_ALLOC)) {
		pr_err("section %s is not an allocated relocation section for an allocated section\n",
		       shstrtab + sec->sh_name);
		return -EINVAL;
	}
	if (!apply) {
		arch_clear_relocate_add(sechdrs, strtab, symndx, secndx, pmod);
		return 0;
	}
	ret = klp_resolve_symbols(sechdrs, strtab, symndx, sec, sec_objname);
	if (ret)
		return ret;
	return arch_apply_relocate_add(sechdrs, strtab, symndx, secndx, pmod);
}

int klp_apply_section_relocs(struct module *pmod, Elf64_Shdr *sechdrs, const char *shstrtab,
			     const char *strtab, unsigned int symndx, unsigned int secndx,
			     const char *objname)
{
	return klp_write_section_relocs(pmod, sechdrs, shstrtab, strtab, symndx, secndx, objname,
					true);
}

/* Every livepatch relocation section of patch for module object obj, applied or cleared. */
static int klp_write_object_relocs(struct klp_patch *patch, struct klp_object *obj, bool apply)
{
	struct klp_modinfo *info = patch->mod->klp_info;
	unsigned int i;
	int ret;

	if (WARN_ON_ONCE(!info))
		return -EINVAL;
	for (i = 1; i < info->hdr.e_shnum; i++) {
		if (!(info->sechdrs[i].sh_flags & SHF_RELA_LIVEPATCH))
			continue;
		ret = klp_write_section_relocs(patch->mod, info->sechdrs, info->secstrings,
					       patch->mod->kallsyms->strtab, info->symndx, i,
					       obj->name, apply);
		if (ret)
			return ret;
	}
	return 0;
}

int klp_apply_object_relocs(struct klp_patch *patch, struct klp_object *obj)
{
	return klp_write_object_relocs(patch, obj, true);
}

/*
 * The object's module goes: zero what was written for it, so that the
 * fields are ready for its next load (and a stale address is never used).
 */
void klp_clear_object_relocs(struct klp_patch *patch, struct klp_object *obj)
{
	klp_write_object_relocs(patch, obj, false);
}
