// SPDX-License-Identifier: MIT
/*
 * s390x module relocations: the types gcc emits for non-PIC kernel code,
 * applied when a module loads and, for livepatch relocations, also later
 * and undone (Linux: arch/s390/kernel/module.c, apply_rela()). GOT and PLT relocations (from -fPIC, which Linux uses for s390
 * modules) are refused: modules here are built like the kernel, without
 * PIC, so calls reach their targets directly with brasl.
 *
 * Field values (s390x ELF ABI supplement, "Relocation Types"): S symbol
 * value, A addend, P place. The DBL types count halfwords: (S + A - P) >> 1.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <arch.h>

#define R_390_NONE 0
#define R_390_8 1
#define R_390_16 3
#define R_390_32 4
#define R_390_PC32 5
#define R_390_PLT32 8
#define R_390_PC16 16
#define R_390_PC16DBL 17
#define R_390_PLT16DBL 18
#define R_390_PC32DBL 19	/* larl, brasl: the common one */
#define R_390_PLT32DBL 20
#define R_390_64 22
#define R_390_PC64 23
#define R_390_PLT64 25

struct reloc_type {
	unsigned int type;
	unsigned char size;	/* bytes written; 0 for NONE */
	bool pcrel;
	bool dbl;		/* value in halfwords: must be even, stored >> 1 */
	bool is_signed;
};

static const struct reloc_type reloc_types[] = {
	{ R_390_NONE, 0, false, false, false },
	{ R_390_8, 1, false, false, false },
	{ R_390_16, 2, false, false, false },
	{ R_390_32, 4, false, false, false },
	{ R_390_64, 8, false, false, false },
	{ R_390_PC32, 4, true, false, true },
	{ R_390_PLT32, 4, true, false, true },
	{ R_390_PC64, 8, true, false, true },
	{ R_390_PLT64, 8, true, false, true },
	{ R_390_PC16, 2, true, false, true },
	{ R_390_PC16DBL, 2, true, true, true },
	{ R_390_PLT16DBL, 2, true, true, true },
	{ R_390_PC32DBL, 4, true, true, true },
	{ R_390_PLT32DBL, 4, true, true, true },
};

static const struct reloc_type *find_type(unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reloc_types); i++)
		if (reloc_types[i].type == type)
			return &reloc_types[i];
	return NULL;
}

static bool fits(u64 val, unsigned int size, bool is_signed)
{
	unsigned int bits = size * 8;

	if (bits == 64)
		return true;
	if (is_signed)
		return (s64)val >= -(1LL << (bits - 1)) && (s64)val < (1LL << (bits - 1));
	return val < (1ULL << bits);
}

/* The low size bytes of val in the machine's (big-endian) order. */
static void field_bytes(u64 val, unsigned int size, u8 *bytes)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		bytes[i] = (u8)(val >> (8 * (size - 1 - i)));
}

static bool field_is_zero(const void *loc, unsigned int size)
{
	const u8 *p = loc;
	unsigned int i;

	for (i = 0; i < size; i++)
		if (p[i])
			return false;
	return true;
}

/*
 * memcpy while the module is being formed (its memory is still writable),
 * arch_text_poke() once it is COMING or LIVE: livepatch relocations for a
 * module that loads after the patch. [Linux: s390_kernel_write() for a
 * formed module, in apply_relocate_add()]
 */
static void write_field(struct module *me, void *loc, const u8 *bytes, unsigned int size)
{
	if (me->state == MODULE_STATE_UNFORMED)
		memcpy(loc, bytes, size);
	else
		arch_text_poke(loc, bytes, size);
}

static int check_relocs(const Elf64_Shdr *sechdrs, unsigned int relsec, struct module *me)
{
	const Elf64_Shdr *relsh = &sechdrs[relsec], *target = &sechdrs[relsh->sh_info];
	const Elf64_Rela *rel = (const void *)relsh->sh_addr;
	unsigned int i;

	for (i = 0; i < relsh->sh_size / sizeof(*rel); i++) {
		const struct reloc_type *t = find_type(ELF64_R_TYPE(rel[i].r_info));

		if (!t) {
			pr_err("%s: unsupported relocation type %llu (GOT/PLT and TLS types arrive with the s390x parity issue)\n",
			       me->name, (unsigned long long)ELF64_R_TYPE(rel[i].r_info));
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
 * Apply (or, !apply, undo) every entry of relsec. RELA fields start out
 * zero, so a non-zero field means this ran twice. Undoing writes zero back
 * where the field holds the value apply wrote, leaves a zero field alone
 * (an apply that stopped half-way) and refuses anything else.
 * [Linux: __apply_relocate_add() with apply true / false]
 */
static int write_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			      unsigned int relsec, struct module *me, bool apply)
{
	const Elf64_Shdr *relsh = &sechdrs[relsec];
	const Elf64_Rela *rel = (const void *)relsh->sh_addr;
	const Elf64_Sym *syms = (const void *)sechdrs[symindex].sh_addr;
	unsigned long base = sechdrs[relsh->sh_info].sh_addr;
	static const u8 zero[8];
	unsigned int i;
	int err;

	err = check_relocs(sechdrs, relsec, me);
	if (err)
		return err;
	for (i = 0; i < relsh->sh_size / sizeof(*rel); i++) {
		const struct reloc_type *t = find_type(ELF64_R_TYPE(rel[i].r_info));
		const Elf64_Sym *sym = &syms[ELF64_R_SYM(rel[i].r_info)];
		void *loc = (void *)(base + rel[i].r_offset);
		u64 val = sym->st_value + rel[i].r_addend;
		u8 bytes[8];
		bool zero_now;

		if (!t->size)
			continue;
		if (t->pcrel)
			val -= (u64)(unsigned long)loc;
		if (t->dbl) {
			if (val & 1)
				goto overflow;
			val = (u64)((s64)val >> 1);
		}
		if (!fits(val, t->size, t->is_signed))
			goto overflow;
		field_bytes(val, t->size, bytes);
		zero_now = field_is_zero(loc, t->size);
		if (apply && !zero_now) {
			pr_err("%s: invalid relocation target, existing value is nonzero for type %u, loc %p\n",
			       me->name, t->type, loc);
			return -ENOEXEC;
		}
		if (!apply && !zero_now && memcmp(loc, bytes, t->size)) {
			pr_err("%s: invalid relocation target, existing value does not match expected value for type %u, loc %p\n",
			       me->name, t->type, loc);
			return -ENOEXEC;
		}
		if (apply)
			write_field(me, loc, bytes, t->size);
		else if (!zero_now)
			write_field(me, loc, zero, t->size);
		continue;
overflow:
		pr_err("%s: relocation type %u for '%s' does not fit its field (value %llx)\n",
		       me->name, t->type, strtab + sym->st_name, (unsigned long long)val);
		return -ENOEXEC;
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
