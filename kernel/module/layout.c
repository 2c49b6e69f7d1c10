// SPDX-License-Identifier: MIT
/*
 * Placing a module's sections in memory, giving its symbols their final
 * values and applying its relocations (Linux: layout_sections(),
 * move_module(), simplify_symbols(), apply_relocations() in
 * kernel/module/main.c). Pure: the memory comes from the caller, symbols
 * from a callback; it also builds on the host (tests/fuzz/).
 *
 * The block is [text | read-only data | data and bss], each part page
 * aligned so that it can get its own protection (RX, R, RW). Linux also
 * has an init block freed after module_init; here .init.* sections join
 * the core, because keeping them costs a few pages and removes a class of
 * dangling references (kallsyms, ftrace call sites, livepatch objects)
 * into freed text.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <arch.h>
#include "internal.h"

enum { PART_TEXT, PART_RO, PART_DATA, NR_PARTS };

/* Which part an allocated section belongs to, or -1 for sections that stay in the file. */
static int section_part(const struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];

	/* .modinfo is read from the file (Linux clears its SHF_ALLOC). */
	if (!(s->sh_flags & SHF_ALLOC) || i == info->index.modinfo)
		return -1;
	if (s->sh_flags & SHF_EXECINSTR)
		return PART_TEXT;
	if (s->sh_flags & SHF_WRITE)
		return PART_DATA;
	return PART_RO;
}

int module_layout_sections(struct load_info *info)
{
	unsigned long size[NR_PARTS] = { 0 }, total;
	unsigned int shnum = info->hdr->e_shnum, i;
	long arch_size;
	int part;

	arch_size = arch_module_frob_arch_sections(info->hdr, info->sechdrs, info->name, NULL);
	if (arch_size < 0)
		return arch_size;
	if (arch_size > MODULE_MAX_SIZE)
		goto too_big;
	info->sec_offset = kcalloc(shnum, sizeof(*info->sec_offset), GFP_KERNEL);
	if (!info->sec_offset)
		return -ENOMEM;
	/*
	 * Sections of a part in file order, each at its alignment, and at
	 * least 8: the loader reads some as arrays of pointers (__mcount_loc
	 * is 1-aligned as gcc emits it).
	 */
	for (part = 0; part < NR_PARTS; part++) {
		for (i = 1; i < shnum; i++) {
			const Elf64_Shdr *s = &info->sechdrs[i];

			if (section_part(info, i) != part)
				continue;
			size[part] = ALIGN(size[part], max_t(unsigned long, s->sh_addralign, 8));
			info->sec_offset[i] = size[part];
			size[part] += s->sh_size;
			if (size[part] > MODULE_MAX_SIZE)
				goto too_big;
		}
		if (part == PART_TEXT && arch_size) {
			/* The arch's part (GOT, PLT) after the module's own text. */
			size[part] = ALIGN(size[part], 16UL);
			info->layout.arch_offset = size[part];
			info->layout.arch_size = arch_size;
			size[part] += arch_size;
			if (size[part] > MODULE_MAX_SIZE)
				goto too_big;
		}
		if (part == PART_DATA) {
			size[part] = ALIGN(size[part], 8UL);
			info->mod_offset = size[part];
			size[part] += sizeof(struct module);
		}
		size[part] = ALIGN(size[part], PAGE_SIZE);
	}
	total = size[PART_TEXT] + size[PART_RO] + size[PART_DATA];
	if (total > MODULE_MAX_SIZE)
		goto too_big;
	/* Offsets within a part become offsets within the block. */
	for (i = 1; i < shnum; i++) {
		part = section_part(info, i);
		if (part >= PART_RO)
			info->sec_offset[i] += size[PART_TEXT];
		if (part == PART_DATA)
			info->sec_offset[i] += size[PART_RO];
	}
	info->mod_offset += size[PART_TEXT] + size[PART_RO];
	info->layout.text_size = size[PART_TEXT];
	info->layout.ro_size = size[PART_TEXT] + size[PART_RO];
	info->layout.size = total;
	return 0;

too_big:
	pr_err("%s: sections need more than %lu MiB\n", info->name, MODULE_MAX_SIZE >> 20);
	return -EFBIG;
}

/*
 * Copy the allocated sections into base (zeroed, layout.size bytes) and
 * point every section's sh_addr at its contents: the block for allocated
 * ones, the file for the rest (as Linux does for the temporary image).
 * Then the arch fills in its part, which module_layout_sections() measured:
 * 0, or a negative errno (-ENOMEM).
 */
int module_copy_sections(struct load_info *info, void *base)
{
	unsigned int i;
	long err;

	info->layout.base = base;
	for (i = 1; i < info->hdr->e_shnum; i++) {
		Elf64_Shdr *s = &info->sechdrs[i];

		if (section_part(info, i) < 0) {
			s->sh_addr = s->sh_type == SHT_NOBITS ? 0 :
				     (unsigned long)info->hdr + s->sh_offset;
			continue;
		}
		s->sh_addr = (unsigned long)base + info->sec_offset[i];
		if (s->sh_type != SHT_NOBITS)
			memcpy((void *)s->sh_addr, (char *)info->hdr + s->sh_offset, s->sh_size);
	}
	if (!info->layout.arch_size)
		return 0;
	err = arch_module_frob_arch_sections(info->hdr, info->sechdrs, info->name,
					     (char *)base + info->layout.arch_offset);
	return err < 0 ? err : 0;
}

static Elf64_Sym *file_symtab(const struct load_info *info)
{
	return (Elf64_Sym *)((char *)info->hdr + info->sechdrs[info->index.sym].sh_offset);
}

bool module_sym_is_interesting(const struct load_info *info, const Elf64_Sym *sym)
{
	unsigned int type = ELF64_ST_TYPE(sym->st_info);

	if (!sym->st_name || !info->strtab[sym->st_name])
		return false;
	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= SHN_LORESERVE)
		return false;
	if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE)
		return false;
	return section_part(info, sym->st_shndx) >= 0;
}

int module_simplify_symbols(struct load_info *info, struct module *mod,
			    module_resolve_fn resolve, void *ctx)
{
	Elf64_Sym *syms = file_symtab(info);
	unsigned int i;
	int ret = 0, err;

	for (i = 1; i < info->num_syms; i++) {
		Elf64_Sym *sym = &syms[i];
		const char *name = info->strtab + sym->st_name;

		switch (sym->st_shndx) {
		case SHN_COMMON:
			pr_err("%s: symbol '%s' is common: please compile with -fno-common\n",
			       info->name, name);
			return -ENOEXEC;
		case SHN_ABS:
			break;
		case SHN_LIVEPATCH:
			/* The livepatch core resolves these when it applies .klp.rela sections. */
			if (!mod->klp) {
				pr_err("%s: livepatch symbol '%s' in a module that is not a livepatch\n",
				       info->name, name);
				return -ENOEXEC;
			}
			break;
		case SHN_UNDEF:
			if (!strcmp(name, "__this_module")) {
				sym->st_value = (unsigned long)mod;
				break;
			}
			err = resolve(ctx, name, (unsigned long *)&sym->st_value);
			if (!err)
				break;
			/* An undefined weak symbol is 0, as in a linked program. */
			if (err == -ENOENT && ELF64_ST_BIND(sym->st_info) == STB_WEAK) {
				sym->st_value = 0;
				break;
			}
			pr_warn("%s: Unknown symbol %s (err %d)\n", info->name, name, err);
			ret = ret ?: err;
			break;
		default:
			sym->st_value += info->sechdrs[sym->st_shndx].sh_addr;
			break;
		}
	}
	return ret;
}

int module_apply_relocations(struct load_info *info, struct module *mod)
{
	unsigned int i;
	int err;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type != SHT_RELA || !(info->sechdrs[s->sh_info].sh_flags & SHF_ALLOC))
			continue;
		/*
		 * .klp.rela sections are the livepatch core's: the loader
		 * hands it the vmlinux ones next (Linux 5.8+ does it in this
		 * loop; here the loop stays pure, see internal.h).
		 */
		if (s->sh_flags & SHF_RELA_LIVEPATCH)
			continue;
		err = arch_apply_relocate_add(info->sechdrs, info->strtab, info->index.sym, i, mod);
		if (err)
			return err;
	}
	return 0;
}

void module_free_load_info(struct load_info *info)
{
	kfree(info->sec_offset);
	info->sec_offset = NULL;
}
