// SPDX-License-Identifier: MIT
/*
 * A livepatch module's .klp.rela sections: the vmlinux ones applied while
 * it is formed, and what the loader keeps of its ELF file for the
 * livepatch core to apply the others later (Linux: the
 * klp_apply_section_relocs() call in apply_relocations(), and
 * kernel/module/livepatch.c, copy_module_elf()). The file buffer is freed
 * once loading ends; the header, section headers and section names are
 * copied, and the headers of .symtab and its string table are pointed at
 * the module's own copies (mod->kallsyms), which keep every symbol at its
 * original index.
 */
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "internal.h"

int module_apply_klp_relocations(struct load_info *info, struct module *mod)
{
	unsigned int i;
	int err;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		if (!(info->sechdrs[i].sh_flags & SHF_RELA_LIVEPATCH))
			continue;
		err = klp_apply_section_relocs(mod, info->sechdrs, info->secstrings, info->strtab,
					       info->index.sym, i, NULL);
		if (err)
			return err;
	}
	return 0;
}

int module_copy_elf(struct module *mod, const struct load_info *info)
{
	unsigned int shnum = info->hdr->e_shnum, i;
	const Elf64_Shdr *shstr = &info->sechdrs[info->hdr->e_shstrndx];
	struct klp_modinfo *ki;

	ki = kzalloc(sizeof(*ki), GFP_KERNEL);
	if (!ki)
		return -ENOMEM;
	mod->klp_info = ki;
	ki->hdr = *info->hdr;
	ki->sechdrs = kmemdup(info->sechdrs, shnum * sizeof(Elf64_Shdr), GFP_KERNEL);
	ki->secstrings = kmemdup(info->secstrings, shstr->sh_size, GFP_KERNEL);
	if (!ki->sechdrs || !ki->secstrings)
		return -ENOMEM;		/* the caller frees what is there */
	ki->symndx = info->index.sym;
	/* Sections left in the file buffer would dangle: only placed ones keep an address. */
	for (i = 1; i < shnum; i++)
		if (!within_module(ki->sechdrs[i].sh_addr, mod))
			ki->sechdrs[i].sh_addr = 0;
	ki->sechdrs[info->index.sym].sh_addr = (unsigned long)mod->kallsyms->symtab;
	ki->sechdrs[info->index.str].sh_addr = (unsigned long)mod->kallsyms->strtab;
	return 0;
}

void module_free_elf(struct module *mod)
{
	struct klp_modinfo *ki = mod->klp_info;

	if (!ki)
		return;
	kfree(ki->sechdrs);
	kfree(ki->secstrings);
	kfree(ki);
	mod->klp_info = NULL;
}
