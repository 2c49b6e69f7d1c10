// SPDX-License-Identifier: MIT
/*
 * x86_64 module relocations: the types gcc emits for -mcmodel=kernel code,
 * applied when a module loads and, for livepatch relocations, also later
 * and undone (Linux: arch/x86/kernel/module.c, __write_relocate_add()).
 * Pure but for arch_text_poke(): it also builds on the host for the fuzz
 * target (tests/fuzz/), which supplies a memcpy in its place.
 *
 * Field values (System V x86-64 psABI, section 4.4.1): S symbol value,
 * A addend, P place (the field's address).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <arch.h>

#define R_X86_64_NONE 0
#define R_X86_64_64 1		/* S + A, 64 bits */
#define R_X86_64_PC32 2		/* S + A - P, signed 32 */
#define R_X86_64_PLT32 4	/* L + A - P: no PLT here, so as PC32 */
#define R_X86_64_32 10		/* S + A, zero-extended 32 */
#define R_X86_64_32S 11		/* S + A, sign-extended 32 (-mcmodel=kernel) */
#define R_X86_64_16 12
#define R_X86_64_PC16 13
#define R_X86_64_8 14
#define R_X86_64_PC8 15
#define R_X86_64_PC64 24	/* S + A - P, 64 bits */

struct reloc_type {
	unsigned int type;
	unsigned char size;	/* bytes written; 0 for NONE */
	bool pcrel;
	bool is_signed;		/* range check: signed or unsigned field */
};

static const struct reloc_type reloc_types[] = {
	{ R_X86_64_NONE, 0, false, false },
	{ R_X86_64_64, 8, false, false },
	{ R_X86_64_PC64, 8, true, true },
	{ R_X86_64_PC32, 4, true, true },
	{ R_X86_64_PLT32, 4, true, true },
	{ R_X86_64_32, 4, false, false },
	{ R_X86_64_32S, 4, false, true },
	{ R_X86_64_16, 2, false, false },
	{ R_X86_64_PC16, 2, true, true },
	{ R_X86_64_8, 1, false, false },
	{ R_X86_64_PC8, 1, true, true },
};

static const struct reloc_type *find_type(unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reloc_types); i++)
		if (reloc_types[i].type == type)
			return &reloc_types[i];
	return NULL;
}

/* Does val fit a field of size bytes? */
static bool fits(u64 val, unsigned int size, bool is_signed)
{
	unsigned int bits = size * 8;

	if (bits == 64)
		return true;
	if (is_signed)
		return (s64)val >= -(1LL << (bits - 1)) && (s64)val < (1LL << (bits - 1));
	return val < (1ULL << bits);
}

/* First pass: every entry's type is known and its field lies inside the target. */
static int check_relocs(const Elf64_Shdr *sechdrs, unsigned int relsec, struct module *me)
{
	const Elf64_Shdr *relsh = &sechdrs[relsec], *target = &sechdrs[relsh->sh_info];
	const Elf64_Rela *rel = (const void *)relsh->sh_addr;
	unsigned int i;

	for (i = 0; i < relsh->sh_size / sizeof(*rel); i++) {
		const struct reloc_type *t = find_type(ELF64_R_TYPE(rel[i].r_info));

		if (!t) {
			pr_err("%s: Unknown rela relocation: %llu\n", me->name,
			       (unsigned long long)ELF64_R_TYPE(rel[i].r_info));
			return -ENOEXEC;
		}
		if (rel[i].r_offset > target->sh_size || t->size > target->sh_size - rel[i].r_offset) {
			pr_err("%s: relocation %u of section %u: field at %#llx outside its section\n",
			       me->name, i, relsec, (unsigned long long)rel[i].r_offset);
			return -ENOEXEC;
		}
	}
	return 0;
}

/*
 * How a field is written: memcpy while the module is being formed (its
 * memory is still writable), arch_text_poke() once it is COMING or LIVE
 * and its text and read-only data are protected: livepatch relocations
 * for a module that loads after the patch. [Linux: the same choice in
 * apply_relocate_add(), text_poke() under text_mutex]
 */
static void write_field(struct module *me, void *loc, const void *val, size_t size)
{
	if (me->state == MODULE_STATE_UNFORMED)
		memcpy(loc, val, size);
	else
		arch_text_poke(loc, val, size);
}

/*
 * Apply (or, !apply, undo) every entry of relsec. RELA fields start out
 * zero, so a non-zero field means this ran twice (Linux: same check).
 * Undoing writes zero back where the field holds the value apply wrote,
 * leaves a zero field alone (an apply that stopped half-way) and refuses
 * anything else. [Linux: __write_relocate_add()]
 */
static int write_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			      unsigned int relsec, struct module *me, bool apply)
{
	const Elf64_Shdr *relsh = &sechdrs[relsec];
	const Elf64_Rela *rel = (const void *)relsh->sh_addr;
	const Elf64_Sym *syms = (const void *)sechdrs[symindex].sh_addr;
	unsigned long base = sechdrs[relsh->sh_info].sh_addr;
	unsigned int i;
	int err;

	err = check_relocs(sechdrs, relsec, me);
	if (err)
		return err;
	for (i = 0; i < relsh->sh_size / sizeof(*rel); i++) {
		const struct reloc_type *t = find_type(ELF64_R_TYPE(rel[i].r_info));
		const Elf64_Sym *sym = &syms[ELF64_R_SYM(rel[i].r_info)];
		void *loc = (void *)(base + rel[i].r_offset);
		u64 val = sym->st_value + rel[i].r_addend, old = 0;
		static const u64 zero;

		if (!t->size)
			continue;
		if (t->pcrel)
			val -= (u64)(unsigned long)loc;
		if (!fits(val, t->size, t->is_signed)) {
			pr_err("%s: overflow in relocation type %u val %llx for '%s' (built without -mcmodel=kernel?)\n",
			       me->name, t->type, (unsigned long long)val, strtab + sym->st_name);
			return -ENOEXEC;
		}
		memcpy(&old, loc, t->size);	/* little-endian: the low bytes */
		if (apply && old) {
			pr_err("%s: invalid relocation target, existing value is nonzero for type %u, loc %p, val %llx\n",
			       me->name, t->type, loc, (unsigned long long)val);
			return -ENOEXEC;
		}
		if (!apply && old && memcmp(loc, &val, t->size)) {
			pr_err("%s: invalid relocation target, existing value does not match expected value for type %u, loc %p, val %llx\n",
			       me->name, t->type, loc, (unsigned long long)val);
			return -ENOEXEC;
		}
		if (apply)
			write_field(me, loc, &val, t->size);
		else if (old)
			write_field(me, loc, &zero, t->size);
	}
	return 0;
}

int arch_apply_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			    unsigned int relsec, struct module *me)
{
	return write_relocate_add(sechdrs, strtab, symindex, relsec, me, true);
}

void arch_clear_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			     unsigned int relsec, struct module *me)
{
	write_relocate_add(sechdrs, strtab, symindex, relsec, me, false);
}

/*
 * Nothing: -mcmodel=kernel code reaches the kernel and the other modules
 * directly (the module area is within 2 GiB of both), so x86_64 needs no
 * GOT or PLT. [Linux: the generic module_frob_arch_sections(), which does
 * nothing either]
 */
long arch_module_frob_arch_sections(const Elf64_Ehdr *hdr, const Elf64_Shdr *sechdrs,
				    const char *name, void *area)
{
	return 0;
}
