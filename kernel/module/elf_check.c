// SPDX-License-Identifier: MIT
/*
 * Validation of a module file before anything is allocated or written:
 * the ELF header, every section header, string, symbol and relocation
 * entry (Linux: elf_validity_cache_copy() in kernel/module/main.c).
 * Pure: it also builds on the host (tests/fuzz/).
 */
#define pr_fmt(fmt) "module: " fmt

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include "internal.h"

#define bad(info, fmt, ...) \
	({ pr_err("'%s': invalid module format: " fmt "\n", (info)->name, ##__VA_ARGS__); -ENOEXEC; })

/* [off, off + size) lies inside a buffer of len bytes (no overflow). */
static bool in_file(u64 off, u64 size, size_t len)
{
	return off <= len && size <= len - off;
}

static bool is_power_of_2_or_0(u64 x)
{
	return (x & (x - 1)) == 0;
}

static int check_header(struct load_info *info)
{
	const Elf64_Ehdr *hdr = info->hdr;

	if (info->len < sizeof(*hdr))
		return bad(info, "%zu bytes, shorter than an ELF header", info->len);
	if (memcmp(hdr->e_ident, ELFMAG, SELFMAG))
		return bad(info, "no ELF magic");
	if (hdr->e_ident[EI_CLASS] != ELFCLASS64 || hdr->e_ident[EI_DATA] != info->data ||
	    hdr->e_ident[EI_VERSION] != 1 || hdr->e_version != 1)
		return bad(info, "ELF class, byte order or version is not this kernel's");
	if (hdr->e_type != ET_REL)
		return bad(info, "ELF type %u, not a relocatable object (ET_REL)", hdr->e_type);
	if (hdr->e_machine != info->machine)
		return bad(info, "built for machine %u, this kernel is machine %u",
			   hdr->e_machine, info->machine);
	if (hdr->e_shentsize != sizeof(Elf64_Shdr))
		return bad(info, "section header size %u", hdr->e_shentsize);
	if (hdr->e_shnum < 2 || hdr->e_shnum > MODULE_MAX_SECTIONS)
		return bad(info, "%u sections", hdr->e_shnum);
	if (hdr->e_shoff % 8 || hdr->e_shoff < sizeof(*hdr) ||
	    !in_file(hdr->e_shoff, (u64)hdr->e_shnum * sizeof(Elf64_Shdr), info->len))
		return bad(info, "section header table at %#llx is misplaced or past the end",
			   (unsigned long long)hdr->e_shoff);
	if (!hdr->e_shstrndx || hdr->e_shstrndx >= hdr->e_shnum)
		return bad(info, "section name table index %u out of range", hdr->e_shstrndx);
	info->sechdrs = (Elf64_Shdr *)((char *)info->hdr + hdr->e_shoff);
	return 0;
}

/* A string table: in the file, and its last byte a NUL, so every index inside it names a terminated string. */
static int check_strtab(struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];

	if (s->sh_type != SHT_STRTAB || !s->sh_size ||
	    ((const char *)info->hdr)[s->sh_offset + s->sh_size - 1])
		return bad(info, "section %u is not a NUL-terminated string table", i);
	return 0;
}

static int check_one_section(struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];
	unsigned int shnum = info->hdr->e_shnum;

	if (s->sh_type != SHT_NOBITS && !in_file(s->sh_offset, s->sh_size, info->len))
		return bad(info, "section %u: offset %#llx size %#llx past the end of the file (%#zx bytes)",
			   i, (unsigned long long)s->sh_offset, (unsigned long long)s->sh_size, info->len);
	if (s->sh_name >= info->sechdrs[info->hdr->e_shstrndx].sh_size)
		return bad(info, "section %u: name index %u out of range", i, s->sh_name);
	if (!is_power_of_2_or_0(s->sh_addralign) || s->sh_addralign > PAGE_SIZE)
		return bad(info, "section %u: alignment %#llx", i, (unsigned long long)s->sh_addralign);
	if ((s->sh_flags & SHF_ALLOC) && s->sh_size > MODULE_MAX_SIZE)
		return bad(info, "section %u: %llu bytes, more than a module may have", i,
			   (unsigned long long)s->sh_size);
	if ((s->sh_flags & SHF_WRITE) && (s->sh_flags & SHF_EXECINSTR) && (s->sh_flags & SHF_ALLOC))
		return bad(info, "section %u ('%s') is writable and executable", i,
			   info->secstrings + s->sh_name);
	switch (s->sh_type) {
	case SHT_SYMTAB:
		if (info->index.sym)
			return bad(info, "two symbol tables (sections %u and %u)", info->index.sym, i);
		if (s->sh_entsize != sizeof(Elf64_Sym) || s->sh_size % sizeof(Elf64_Sym) ||
		    s->sh_offset % 8 || !s->sh_link || s->sh_link >= shnum)
			return bad(info, "symbol table (section %u) entry size, alignment or link", i);
		info->index.sym = i;
		info->index.str = s->sh_link;
		break;
	case SHT_RELA:
		if (s->sh_entsize != sizeof(Elf64_Rela) || s->sh_size % sizeof(Elf64_Rela) ||
		    s->sh_offset % 8)
			return bad(info, "relocation section %u: entry size or alignment", i);
		if (!s->sh_info || s->sh_info >= shnum || s->sh_info == i)
			return bad(info, "relocation section %u: target section %u out of range", i, s->sh_info);
		break;
	case SHT_REL:
		if (s->sh_info < shnum && (info->sechdrs[s->sh_info].sh_flags & SHF_ALLOC))
			return bad(info, "section %u: REL relocations (only RELA are used here)", i);
		break;
	}
	return 0;
}

/* Sections must not share bytes of the file with each other or with the ELF headers. */
struct file_range {
	u64 start, end;
	unsigned int sec;		/* 0: the ELF header, shnum: the section header table */
};

static int cmp_range(const void *a, const void *b)
{
	const struct file_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static int check_overlaps(struct load_info *info)
{
	unsigned int shnum = info->hdr->e_shnum, n = 0, i;
	struct file_range *r;
	int err = 0;

	r = kmalloc_array(shnum + 1, sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r[n++] = (struct file_range){ 0, sizeof(Elf64_Ehdr), 0 };
	r[n++] = (struct file_range){ info->hdr->e_shoff,
				      info->hdr->e_shoff + shnum * sizeof(Elf64_Shdr), shnum };
	for (i = 1; i < shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type != SHT_NOBITS && s->sh_type != SHT_NULL && s->sh_size)
			r[n++] = (struct file_range){ s->sh_offset, s->sh_offset + s->sh_size, i };
	}
	sort(r, n, sizeof(*r), cmp_range, NULL);
	for (i = 1; i < n && !err; i++)
		if (r[i].start < r[i - 1].end)
			err = bad(info, "sections %u and %u overlap in the file", r[i - 1].sec, r[i].sec);
	kfree(r);
	return err;
}

static int check_symbols(struct load_info *info)
{
	const Elf64_Shdr *symsec = &info->sechdrs[info->index.sym];
	const Elf64_Sym *syms = (const void *)((char *)info->hdr + symsec->sh_offset);
	unsigned int shnum = info->hdr->e_shnum, i;

	info->num_syms = symsec->sh_size / sizeof(Elf64_Sym);
	if (!info->num_syms)
		return bad(info, "empty symbol table");
	if (symsec->sh_info > info->num_syms)
		return bad(info, "symbol table: first global %u past the end", symsec->sh_info);
	for (i = 1; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &syms[i];
		unsigned int shndx = sym->st_shndx;

		if (sym->st_name >= info->strtab_size)
			return bad(info, "symbol %u: name index %u out of range", i, sym->st_name);
		if (shndx == SHN_UNDEF || shndx == SHN_ABS || shndx == SHN_COMMON ||
		    shndx == SHN_LIVEPATCH)
			continue;
		if (shndx >= shnum)
			return bad(info, "symbol %u ('%s'): section index %u out of range (%u sections)",
				   i, info->strtab + sym->st_name, shndx, shnum);
		if (info->sechdrs[shndx].sh_type == SHT_NULL ||
		    sym->st_value > info->sechdrs[shndx].sh_size)
			return bad(info, "symbol %u ('%s'): value %#llx outside section %u", i,
				   info->strtab + sym->st_name, (unsigned long long)sym->st_value, shndx);
	}
	return 0;
}

/*
 * Every relocation of an allocated section names a symbol that exists and
 * a place inside its target; the arch checks the width of each type.
 */
static int check_relocations(struct load_info *info)
{
	unsigned int i, j;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i], *target;
		const Elf64_Rela *rela;

		/* Only a RELA section's sh_info and sh_offset are known to be in range. */
		if (s->sh_type != SHT_RELA)
			continue;
		target = &info->sechdrs[s->sh_info];
		rela = (const void *)((char *)info->hdr + s->sh_offset);
		if (!(target->sh_flags & SHF_ALLOC))
			continue;
		if (s->sh_link != info->index.sym)
			return bad(info, "relocation section %u: symbol table link %u", i, s->sh_link);
		if (target->sh_type == SHT_NOBITS || target->sh_type == SHT_RELA)
			return bad(info, "relocation section %u: target section %u has no contents", i,
				   s->sh_info);
		for (j = 0; j < s->sh_size / sizeof(*rela); j++) {
			if (ELF64_R_SYM(rela[j].r_info) >= info->num_syms)
				return bad(info, "relocation section %u entry %u: symbol %llu out of range",
					   i, j, (unsigned long long)ELF64_R_SYM(rela[j].r_info));
			if (rela[j].r_offset >= target->sh_size)
				return bad(info, "relocation section %u entry %u: offset %#llx outside section %u",
					   i, j, (unsigned long long)rela[j].r_offset, s->sh_info);
		}
	}
	return 0;
}

int module_elf_check(struct load_info *info)
{
	unsigned int i;
	int err;

	err = check_header(info);
	if (err)
		return err;
	if (info->sechdrs[0].sh_type != SHT_NULL)
		return bad(info, "section 0 is not SHT_NULL");
	/* The name table first: the other checks print names from it. */
	i = info->hdr->e_shstrndx;
	if (!in_file(info->sechdrs[i].sh_offset, info->sechdrs[i].sh_size, info->len))
		return bad(info, "section name table past the end of the file");
	err = check_strtab(info, i);
	if (err)
		return err;
	info->secstrings = (const char *)info->hdr + info->sechdrs[i].sh_offset;
	for (i = 1; i < info->hdr->e_shnum; i++) {
		err = check_one_section(info, i);
		if (err)
			return err;
	}
	if (!info->index.sym)
		return bad(info, "no symbol table (stripped?)");
	err = check_strtab(info, info->index.str);
	if (err)
		return err;
	info->strtab = (const char *)info->hdr + info->sechdrs[info->index.str].sh_offset;
	info->strtab_size = info->sechdrs[info->index.str].sh_size;
	err = check_overlaps(info);
	if (!err)
		err = check_symbols(info);
	if (!err)
		err = check_relocations(info);
	if (err)
		return err;
	info->index.modinfo = module_find_sec(info, ".modinfo");
	if (info->index.modinfo && info->sechdrs[info->index.modinfo].sh_type == SHT_NOBITS)
		return bad(info, ".modinfo has no contents");
	return 0;
}

unsigned int module_find_sec(const struct load_info *info, const char *name)
{
	unsigned int i;

	for (i = 1; i < info->hdr->e_shnum; i++)
		if (!strcmp(info->secstrings + info->sechdrs[i].sh_name, name))
			return i;
	return 0;
}
