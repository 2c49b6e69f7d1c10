// SPDX-License-Identifier: MIT
/*
 * s390x module relocations: the types gcc emits for kernel modules, built
 * as Scion builds them (like the kernel: PC32DBL, PLT32DBL, 64) or with
 * -fPIC as Linux builds s390 modules (GOTENT, and the older GOT12,
 * GOTPCDBL ... of -fpic for z900), applied when a module loads and, for
 * livepatch relocations, also later and undone. A GOT and PLT entries
 * live next to the module's text, sized by a pass over its relocations
 * before layout. (Linux: arch/s390/kernel/module.c,
 * module_frob_arch_sections() and apply_rela().)
 *
 * Values (s390x ELF ABI supplement, "Relocation Types"): S symbol value,
 * A addend, P place, GOT the address of the module's GOT, G the offset of
 * the symbol's entry in it, L the address of its PLT entry. The DBL types
 * count halfwords: the value must be even and is stored >> 1.
 *
 * A PLT relocation branches straight to its target when the offset fits
 * (always, for targets in the +-4 GiB of brasl: all of storage here), and
 * through the PLT entry only when it does not. Linux: the same choice.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <arch.h>

#define R_390_NONE 0
#define R_390_8 1
#define R_390_12 2
#define R_390_16 3
#define R_390_32 4
#define R_390_PC32 5
#define R_390_GOT12 6
#define R_390_GOT32 7
#define R_390_PLT32 8
#define R_390_GOTOFF32 13
#define R_390_GOTPC 14
#define R_390_GOT16 15
#define R_390_PC16 16
#define R_390_PC16DBL 17
#define R_390_PLT16DBL 18
#define R_390_PC32DBL 19	/* larl, brasl: the common one */
#define R_390_PLT32DBL 20	/* brasl to a global function */
#define R_390_GOTPCDBL 21	/* larl %r12,_GLOBAL_OFFSET_TABLE_ */
#define R_390_64 22
#define R_390_PC64 23
#define R_390_GOT64 24
#define R_390_PLT64 25
#define R_390_GOTENT 26		/* lgrl to a GOT entry: -fPIC's data references */
#define R_390_GOTOFF16 27
#define R_390_GOTOFF64 28
#define R_390_GOTPLT12 29
#define R_390_GOTPLT16 30
#define R_390_GOTPLT32 31
#define R_390_GOTPLT64 32
#define R_390_GOTPLTENT 33
#define R_390_PLTOFF16 34
#define R_390_PLTOFF32 35
#define R_390_PLTOFF64 36
#define R_390_20 57
#define R_390_GOT20 58
#define R_390_GOTPLT20 59

/* What a field holds, in the notation above. */
enum calc {
	CALC_ABS,	/* S + A */
	CALC_PC,	/* S + A - P */
	CALC_PLT,	/* S + A - P if it fits, else L + A - P */
	CALC_GOT,	/* G + A */
	CALC_GOTENT,	/* GOT + G + A - P */
	CALC_GOTPC,	/* GOT + A - P */
	CALC_GOTOFF,	/* S + A - GOT */
	CALC_PLTOFF,	/* L + A - GOT */
};

/*
 * Where the bits go. BYTES: the whole field, bits / 8 bytes. DISP12: the
 * 12-bit displacement of a base-displacement operand, the low bits of a
 * halfword whose top 4 bits name the base register. DISP20: the 20-bit
 * displacement of an RXY/RSY operand, DL (12 bits) then DH (8 bits) in
 * the word that starts at the base register (PoP ch. 5, "Instruction
 * Formats"); the other bits stay.
 */
enum form { FORM_BYTES, FORM_DISP12, FORM_DISP20 };

struct reloc_type {
	unsigned char type;
	unsigned char bits;	/* of the value; 0 for NONE */
	unsigned char calc;
	unsigned char form;
	bool dbl;
	bool is_signed;
};

static const struct reloc_type reloc_types[] = {
	{ R_390_NONE, 0, CALC_ABS, FORM_BYTES, false, false },
	{ R_390_8, 8, CALC_ABS, FORM_BYTES, false, false },
	{ R_390_12, 12, CALC_ABS, FORM_DISP12, false, false },
	{ R_390_16, 16, CALC_ABS, FORM_BYTES, false, false },
	{ R_390_20, 20, CALC_ABS, FORM_DISP20, false, true },
	{ R_390_32, 32, CALC_ABS, FORM_BYTES, false, false },
	{ R_390_64, 64, CALC_ABS, FORM_BYTES, false, false },
	{ R_390_PC16, 16, CALC_PC, FORM_BYTES, false, true },
	{ R_390_PC32, 32, CALC_PC, FORM_BYTES, false, true },
	{ R_390_PC64, 64, CALC_PC, FORM_BYTES, false, true },
	{ R_390_PC16DBL, 16, CALC_PC, FORM_BYTES, true, true },
	{ R_390_PC32DBL, 32, CALC_PC, FORM_BYTES, true, true },
	{ R_390_PLT16DBL, 16, CALC_PLT, FORM_BYTES, true, true },
	{ R_390_PLT32DBL, 32, CALC_PLT, FORM_BYTES, true, true },
	{ R_390_PLT32, 32, CALC_PLT, FORM_BYTES, false, true },
	{ R_390_PLT64, 64, CALC_PLT, FORM_BYTES, false, true },
	{ R_390_GOT12, 12, CALC_GOT, FORM_DISP12, false, false },
	{ R_390_GOT16, 16, CALC_GOT, FORM_BYTES, false, false },
	{ R_390_GOT20, 20, CALC_GOT, FORM_DISP20, false, true },
	{ R_390_GOT32, 32, CALC_GOT, FORM_BYTES, false, false },
	{ R_390_GOT64, 64, CALC_GOT, FORM_BYTES, false, false },
	/* No lazy binding here: a "jump slot" is the symbol's GOT entry. */
	{ R_390_GOTPLT12, 12, CALC_GOT, FORM_DISP12, false, false },
	{ R_390_GOTPLT16, 16, CALC_GOT, FORM_BYTES, false, false },
	{ R_390_GOTPLT20, 20, CALC_GOT, FORM_DISP20, false, true },
	{ R_390_GOTPLT32, 32, CALC_GOT, FORM_BYTES, false, false },
	{ R_390_GOTPLT64, 64, CALC_GOT, FORM_BYTES, false, false },
	{ R_390_GOTENT, 32, CALC_GOTENT, FORM_BYTES, true, true },
	{ R_390_GOTPLTENT, 32, CALC_GOTENT, FORM_BYTES, true, true },
	{ R_390_GOTPC, 32, CALC_GOTPC, FORM_BYTES, false, true },
	{ R_390_GOTPCDBL, 32, CALC_GOTPC, FORM_BYTES, true, true },
	{ R_390_GOTOFF16, 16, CALC_GOTOFF, FORM_BYTES, false, true },
	{ R_390_GOTOFF32, 32, CALC_GOTOFF, FORM_BYTES, false, true },
	{ R_390_GOTOFF64, 64, CALC_GOTOFF, FORM_BYTES, false, true },
	{ R_390_PLTOFF16, 16, CALC_PLTOFF, FORM_BYTES, false, true },
	{ R_390_PLTOFF32, 32, CALC_PLTOFF, FORM_BYTES, false, true },
	{ R_390_PLTOFF64, 64, CALC_PLTOFF, FORM_BYTES, false, true },
};

static const struct reloc_type *find_type(unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reloc_types); i++)
		if (reloc_types[i].type == type)
			return &reloc_types[i];
	return NULL;
}

static bool needs_got_entry(const struct reloc_type *t)
{
	return t->calc == CALC_GOT || t->calc == CALC_GOTENT;
}

static bool needs_plt_entry(const struct reloc_type *t)
{
	return t->calc == CALC_PLT || t->calc == CALC_PLTOFF;
}

/* May the type need the area (a GOT entry, a PLT entry, or the GOT's address)? */
static bool needs_area(const struct reloc_type *t)
{
	return t->calc >= CALC_PLT;
}

/* ---- The GOT and PLT area ---- */

/*
 * The arch's part of the module's text (layout.arch_offset), filled in by
 * arch_module_frob_arch_sections() and read-only once the module is
 * formed; entries change later only through arch_text_poke():
 *
 *   +------------------------------+  16-byte aligned
 *   | u32 nr_got      u32 nr_plt   |
 *   | u32 sym[nr_got]              |  symbols with a GOT entry, ascending
 *   | u32 sym[nr_plt]              |  symbols with a PLT entry, ascending
 *   +------------------------------+  16-byte aligned: got_offset()
 *   | u64 got[nr_got]              |  GOT: S, big-endian as the CPU reads it
 *   +------------------------------+  16-byte aligned: plt_offset()
 *   | plt[nr_plt], 16 bytes each   |  lgrl %r1,.+8; br %r1; .quad S
 *   +------------------------------+
 *
 * An entry's index is its symbol's position in the sorted list: found
 * by binary search, the same when livepatch relocations are applied
 * again long after the load. Linux keeps per-symbol offsets in
 * mod->arch.syminfo instead; here the area describes itself.
 */
struct got_plt_area {
	u32 nr_got, nr_plt;
	u32 sym[];
};

#define PLT_ENTRY_SIZE 16
/* lgrl %r1,.+8 (RIL-b, opcode C4x8: 4 halfwords ahead); br %r1 (bcr 15,%r1) */
static const u8 plt_code[8] = { 0xc4, 0x18, 0x00, 0x00, 0x00, 0x04, 0x07, 0xf1 };

static unsigned long got_offset(unsigned long nr_got, unsigned long nr_plt)
{
	return ALIGN(sizeof(struct got_plt_area) + (nr_got + nr_plt) * sizeof(u32), 16UL);
}

static unsigned long plt_offset(unsigned long nr_got, unsigned long nr_plt)
{
	return ALIGN(got_offset(nr_got, nr_plt) + nr_got * 8, 16UL);
}

static const Elf64_Shdr *find_symtab(const Elf64_Ehdr *hdr, const Elf64_Shdr *sechdrs)
{
	unsigned int i;

	for (i = 1; i < hdr->e_shnum; i++)
		if (sechdrs[i].sh_type == SHT_SYMTAB)
			return &sechdrs[i];
	return NULL;
}

/*
 * Mark in need[] (one byte per symbol: 1 GOT entry, 2 PLT entry) what the
 * relocations of every RELA section of an allocated section ask for.
 * True if any of them needs the area. Unknown types are skipped: they are
 * refused, with their line, when the section is applied.
 */
static bool mark_needs(const Elf64_Ehdr *hdr, const Elf64_Shdr *sechdrs, unsigned long nr_syms,
		       u8 *need)
{
	bool any = false;
	unsigned int i;
	size_t j;

	for (i = 1; i < hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &sechdrs[i];
		const Elf64_Rela *rel;

		/* Only a RELA section's sh_info and sh_offset were checked (elf_check.c). */
		if (s->sh_type != SHT_RELA || !(sechdrs[s->sh_info].sh_flags & SHF_ALLOC))
			continue;
		rel = (const void *)((const char *)hdr + s->sh_offset);
		for (j = 0; j < s->sh_size / sizeof(*rel); j++) {
			const struct reloc_type *t = find_type(ELF64_R_TYPE(rel[j].r_info));
			unsigned long sym = ELF64_R_SYM(rel[j].r_info);

			if (!t || !needs_area(t) || sym >= nr_syms)
				continue;
			any = true;
			if (needs_got_entry(t))
				need[sym] |= 1;
			if (needs_plt_entry(t))
				need[sym] |= 2;
		}
	}
	return any;
}

long arch_module_frob_arch_sections(const Elf64_Ehdr *hdr, const Elf64_Shdr *sechdrs,
				    const char *name, void *area)
{
	const Elf64_Shdr *symtab = find_symtab(hdr, sechdrs);
	unsigned long nr_syms = symtab ? symtab->sh_size / sizeof(Elf64_Sym) : 0;
	unsigned long nr_got = 0, nr_plt = 0, k;
	struct got_plt_area *a = area;
	long size = 0;
	u8 *need;

	if (!nr_syms)
		return 0;
	need = kcalloc(nr_syms, 1, GFP_KERNEL);
	if (!need) {
		pr_err("%s: no memory to size the GOT and PLT\n", name);
		return -ENOMEM;
	}
	if (!mark_needs(hdr, sechdrs, nr_syms, need))
		goto out;
	for (k = 0; k < nr_syms; k++) {
		nr_got += need[k] & 1;
		nr_plt += need[k] >> 1;
	}
	size = plt_offset(nr_got, nr_plt) + nr_plt * PLT_ENTRY_SIZE;
	if (!a)
		goto out;
	a->nr_got = nr_got;
	a->nr_plt = nr_plt;
	nr_got = nr_plt = 0;
	for (k = 0; k < nr_syms; k++) {
		if (need[k] & 1)
			a->sym[nr_got++] = k;
		if (need[k] & 2)
			a->sym[a->nr_got + nr_plt++] = k;
	}
	size = 0;
out:
	kfree(need);
	return size;
}

/* Index of sym in the ascending list[0..n), or -1. */
static long find_entry(const u32 *list, u32 n, unsigned long sym)
{
	u32 lo = 0, hi = n;

	while (lo < hi) {
		u32 mid = lo + (hi - lo) / 2;

		if (list[mid] == sym)
			return mid;
		if (list[mid] < sym)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static struct got_plt_area *module_area(const struct module *me)
{
	const struct module_layout *l = &me->core_layout;

	return l->arch_size ? (void *)((char *)l->base + l->arch_offset) : NULL;
}

/* ---- Applying ---- */

/* One relocation worked out: the field's new contents and the entries it needs. */
struct reloc_plan {
	u64 value;		/* the field's value, before it is placed in its bits */
	u8 *got_entry;		/* write S here first (NULL: none) */
	u8 *plt_entry;		/* write a PLT entry for S here first (NULL: none) */
};

static bool fits(u64 val, unsigned int bits, bool is_signed)
{
	if (bits == 64)
		return true;
	if (is_signed)
		return (s64)val >= -(1LL << (bits - 1)) && (s64)val < (1LL << (bits - 1));
	return val < (1ULL << bits);
}

/* The value as the field stores it, or false if it does not fit (or is odd for a DBL type). */
static bool encode(const struct reloc_type *t, u64 val, u64 *out)
{
	if (t->dbl) {
		if (val & 1)
			return false;
		val = (u64)((s64)val >> 1);
	}
	if (!fits(val, t->bits, t->is_signed))
		return false;
	*out = val;
	return true;
}

static unsigned int field_size(const struct reloc_type *t)
{
	switch (t->form) {
	case FORM_DISP12:
		return 2;
	case FORM_DISP20:
		return 4;
	default:
		return t->bits / 8;
	}
}

/* The bits of the field's big-endian word that the relocation owns. */
static u64 field_mask(const struct reloc_type *t)
{
	switch (t->form) {
	case FORM_DISP12:
		return 0x0fff;
	case FORM_DISP20:
		return 0x0fffff00;
	default:
		return t->bits == 64 ? ~0ULL : (1ULL << t->bits) - 1;
	}
}

/* An encoded value in its place in the field's word. */
static u64 field_bits(const struct reloc_type *t, u64 val)
{
	if (t->form == FORM_DISP20)
		return ((val & 0xfff) << 16) | (((val >> 12) & 0xff) << 8);
	return val & field_mask(t);
}

static u64 read_be(const void *loc, unsigned int size)
{
	const u8 *p = loc;
	u64 val = 0;
	unsigned int i;

	for (i = 0; i < size; i++)
		val = (val << 8) | p[i];
	return val;
}

/* The low size bytes of val in the machine's (big-endian) order. */
static void put_be(u64 val, unsigned int size, u8 *bytes)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		bytes[i] = (u8)(val >> (8 * (size - 1 - i)));
}

/*
 * memcpy while the module is being formed (its memory is still writable),
 * arch_text_poke() once it is COMING or LIVE: livepatch relocations for a
 * module that loads after the patch, into text and a GOT that are
 * read-only by then. [Linux: s390_kernel_write() for a formed module]
 */
static void write_bytes(struct module *me, void *loc, const u8 *bytes, unsigned int size)
{
	if (me->state == MODULE_STATE_UNFORMED)
		memcpy(loc, bytes, size);
	else
		arch_text_poke(loc, bytes, size);
}

static void write_field(struct module *me, const struct reloc_type *t, void *loc, u64 word)
{
	u8 bytes[8];

	put_be(word, field_size(t), bytes);
	write_bytes(me, loc, bytes, field_size(t));
}

struct reloc_ctx {
	struct module *me;
	const Elf64_Sym *syms;
	const char *strtab;
	struct got_plt_area *area;
};

/* L, the address of sym's PLT entry, or 0 if it has none. */
static u8 *plt_entry(const struct reloc_ctx *c, unsigned long sym)
{
	struct got_plt_area *a = c->area;
	long i = a ? find_entry(a->sym + a->nr_got, a->nr_plt, sym) : -1;

	return i < 0 ? NULL : (u8 *)a + plt_offset(a->nr_got, a->nr_plt) + i * PLT_ENTRY_SIZE;
}

/* The address of sym's GOT entry, or NULL if it has none. */
static u8 *got_entry(const struct reloc_ctx *c, unsigned long sym)
{
	struct got_plt_area *a = c->area;
	long i = a ? find_entry(a->sym, a->nr_got, sym) : -1;

	return i < 0 ? NULL : (u8 *)a + got_offset(a->nr_got, a->nr_plt) + i * 8;
}

/*
 * Work out rel: its field's value and the GOT or PLT entry it needs. 0, or
 * -ENOEXEC with one line logged: no entry for it in the area (a section
 * the pass before layout did not see), or a value that does not fit.
 */
static int plan_reloc(const struct reloc_ctx *c, const struct reloc_type *t, const Elf64_Rela *rel,
		      u64 place, struct reloc_plan *plan)
{
	unsigned long sym_index = ELF64_R_SYM(rel->r_info);
	const Elf64_Sym *sym = &c->syms[sym_index];
	u64 s = sym->st_value, a = rel->r_addend, got = 0, val = 0;

	*plan = (struct reloc_plan){ 0 };
	if (t->calc == CALC_PLT && encode(t, s + a - place, &plan->value))
		return 0;			/* in range: straight to the target */
	if (needs_area(t)) {
		if (!c->area)
			goto no_entry;
		got = (u64)(unsigned long)c->area + got_offset(c->area->nr_got, c->area->nr_plt);
	}
	if (needs_got_entry(t)) {
		plan->got_entry = got_entry(c, sym_index);
		if (!plan->got_entry)
			goto no_entry;
	}
	switch (t->calc) {
	case CALC_ABS:
		val = s + a;
		break;
	case CALC_PC:
		val = s + a - place;
		break;
	case CALC_PLT:
	case CALC_PLTOFF:
		plan->plt_entry = plt_entry(c, sym_index);
		if (!plan->plt_entry)
			goto no_entry;
		val = (u64)(unsigned long)plan->plt_entry + a - (t->calc == CALC_PLT ? place : got);
		break;
	case CALC_GOT:
		val = (u64)(unsigned long)plan->got_entry - got + a;
		break;
	case CALC_GOTENT:
		val = (u64)(unsigned long)plan->got_entry + a - place;
		break;
	case CALC_GOTPC:
		val = got + a - place;
		break;
	case CALC_GOTOFF:
		val = s + a - got;
		break;
	}
	if (encode(t, val, &plan->value))
		return 0;
	pr_err("%s: relocation type %u for '%s' does not fit its field (value %llx)\n",
	       c->me->name, t->type, c->strtab + sym->st_name, (unsigned long long)val);
	return -ENOEXEC;
no_entry:
	pr_err("%s: relocation type %u for '%s' has no GOT or PLT entry\n",
	       c->me->name, t->type, c->strtab + sym->st_name);
	return -ENOEXEC;
}

/* The entries first, so that the field never points at an empty one. */
static void write_entries(const struct reloc_ctx *c, const struct reloc_plan *plan, u64 s)
{
	u8 bytes[PLT_ENTRY_SIZE];

	if (plan->got_entry) {
		put_be(s, 8, bytes);
		write_bytes(c->me, plan->got_entry, bytes, 8);
	}
	if (plan->plt_entry) {
		memcpy(bytes, plt_code, sizeof(plt_code));
		put_be(s, 8, bytes + sizeof(plt_code));
		write_bytes(c->me, plan->plt_entry, bytes, PLT_ENTRY_SIZE);
	}
}

/*
 * Check (write false) or carry out (write true) one entry. Apply refuses
 * a field whose bits are not zero (RELA fields start out zero: non-zero
 * means it ran twice); undo zeroes the bits that hold what apply wrote,
 * leaves zero bits alone (an apply that stopped half-way) and refuses
 * anything else. GOT and PLT entries stay: the next apply rewrites them.
 */
static int do_reloc(const struct reloc_ctx *c, const Elf64_Shdr *target, const Elf64_Rela *rel,
		    bool apply, bool write)
{
	const struct reloc_type *t = find_type(ELF64_R_TYPE(rel->r_info));
	void *loc = (void *)(target->sh_addr + rel->r_offset);
	struct reloc_plan plan;
	u64 word, mine, mask;
	int err;

	if (!t->bits)
		return 0;
	err = plan_reloc(c, t, rel, (u64)(unsigned long)loc, &plan);
	if (err)
		return err;
	mask = field_mask(t);
	word = read_be(loc, field_size(t));
	mine = field_bits(t, plan.value);
	if (apply && (word & mask)) {
		pr_err("%s: invalid relocation target, existing value is nonzero for type %u, loc %p\n",
		       c->me->name, t->type, loc);
		return -ENOEXEC;
	}
	if (!apply && (word & mask) && (word & mask) != mine) {
		pr_err("%s: invalid relocation target, existing value does not match expected value for type %u, loc %p\n",
		       c->me->name, t->type, loc);
		return -ENOEXEC;
	}
	if (!write)
		return 0;
	if (apply) {
		write_entries(c, &plan, c->syms[ELF64_R_SYM(rel->r_info)].st_value);
		write_field(c->me, t, loc, word | mine);
	} else if (word & mask) {
		write_field(c->me, t, loc, word & ~mask);
	}
	return 0;
}

/* Every entry's type is known and its field lies inside the target. */
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
		if (rel[i].r_offset > target->sh_size ||
		    field_size(t) > target->sh_size - rel[i].r_offset) {
			pr_err("%s: relocation %u of section %u: field at %#llx outside its section\n",
			       me->name, i, relsec, (unsigned long long)rel[i].r_offset);
			return -ENOEXEC;
		}
	}
	return 0;
}

/*
 * Apply (or, !apply, undo) every entry of relsec: every entry is checked
 * before the first is written, so a refused section changes nothing.
 * [Linux: __apply_relocate_add() with apply true / false]
 */
static int write_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
			      unsigned int relsec, struct module *me, bool apply)
{
	const Elf64_Shdr *relsh = &sechdrs[relsec];
	const Elf64_Rela *rel = (const void *)relsh->sh_addr;
	struct reloc_ctx c = { me, (const void *)sechdrs[symindex].sh_addr, strtab, module_area(me) };
	unsigned int i, pass;
	int err;

	err = check_relocs(sechdrs, relsec, me);
	for (pass = 0; !err && pass < 2; pass++)
		for (i = 0; !err && i < relsh->sh_size / sizeof(*rel); i++)
			err = do_reloc(&c, &sechdrs[relsh->sh_info], &rel[i], apply, pass);
	return err;
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
