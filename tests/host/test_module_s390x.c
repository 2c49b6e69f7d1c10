// SPDX-License-Identifier: MIT
/*
 * Host tests of s390x module relocations (arch/s390x/module.c) through the
 * loader's pure half: every value type, the GOT and PLT built with the
 * module, a target out of brasl's range reached through the PLT, fields
 * inside instructions (12- and 20-bit displacements), and refusals that
 * change nothing. The ELF is in the host's byte order; the fields the
 * relocations write are big-endian, as the s390x CPU reads them. Values:
 * s390x ELF ABI supplement, "Relocation Types".
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "module_api.h"
#include "tap.h"

/* The object: .text (64 bytes), symbols "local" (.text+8), "ext" and "far" (undefined). */
enum { SEC_TEXT = 1, SEC_SYMTAB, SEC_STRTAB, SEC_SHSTRTAB, SEC_RELA, NR_SECS };
enum { SYM_LOCAL = 1, SYM_EXT, SYM_FAR, NR_SYMS };
#define TEXT_SIZE 64
#define MAX_RELA 16

static const char strtab[] = "\0local\0ext\0far";
static const char shstrtab[] = "\0.text\0.symtab\0.strtab\0.shstrtab\0.rela.text";

struct object {
	Elf64_Ehdr ehdr;
	unsigned char text[TEXT_SIZE];
	Elf64_Sym syms[NR_SYMS];
	char strtab[sizeof(strtab)];
	char shstrtab[sizeof(shstrtab)];
	char pad[8];
	Elf64_Rela rela[MAX_RELA];
	Elf64_Shdr shdr[NR_SECS];
};

static struct object obj;

#define OFF(field) offsetof(struct object, field)
#define RELA(off, sym, type, addend) { (off), ELF64_R_INFO(sym, type), (addend) }

static void section(int i, int name, int type, int flags, size_t off, size_t size, int link,
		    int info, int align, int entsize)
{
	obj.shdr[i] = (Elf64_Shdr){ .sh_name = name, .sh_type = type, .sh_flags = flags,
				    .sh_offset = off, .sh_size = size, .sh_link = link,
				    .sh_info = info, .sh_addralign = align, .sh_entsize = entsize };
}

/* A valid object with n relocations of .text, each (offset, symbol, type, addend). */
static void build(int n, const Elf64_Rela *rela)
{
	memset(&obj, 0, sizeof(obj));
	memcpy(obj.ehdr.e_ident, ELFMAG, SELFMAG);
	obj.ehdr.e_ident[EI_CLASS] = ELFCLASS64;
	obj.ehdr.e_ident[EI_DATA] = ELFDATA2LSB;	/* the host's: see the top */
	obj.ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	obj.ehdr.e_type = ET_REL;
	obj.ehdr.e_machine = EM_S390;
	obj.ehdr.e_version = EV_CURRENT;
	obj.ehdr.e_ehsize = sizeof(Elf64_Ehdr);
	obj.ehdr.e_shoff = OFF(shdr);
	obj.ehdr.e_shentsize = sizeof(Elf64_Shdr);
	obj.ehdr.e_shnum = NR_SECS;
	obj.ehdr.e_shstrndx = SEC_SHSTRTAB;
	memcpy(obj.strtab, strtab, sizeof(strtab));
	memcpy(obj.shstrtab, shstrtab, sizeof(shstrtab));
	obj.syms[SYM_LOCAL] = (Elf64_Sym){ .st_name = 1, .st_info = ELF64_ST_INFO(STB_LOCAL, STT_FUNC),
					   .st_shndx = SEC_TEXT, .st_value = 8, .st_size = 8 };
	obj.syms[SYM_EXT] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE) };
	obj.syms[SYM_FAR] = (Elf64_Sym){ .st_name = 11, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE) };
	if (n)
		memcpy(obj.rela, rela, n * sizeof(*rela));
	section(SEC_TEXT, 1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, OFF(text), TEXT_SIZE, 0, 0, 16, 0);
	section(SEC_SYMTAB, 7, SHT_SYMTAB, 0, OFF(syms), sizeof(obj.syms), SEC_STRTAB, SYM_EXT, 8,
		sizeof(Elf64_Sym));
	section(SEC_STRTAB, 15, SHT_STRTAB, 0, OFF(strtab), sizeof(strtab), 0, 0, 1, 0);
	section(SEC_SHSTRTAB, 23, SHT_STRTAB, 0, OFF(shstrtab), sizeof(shstrtab), 0, 0, 1, 0);
	section(SEC_RELA, 33, SHT_RELA, SHF_INFO_LINK, OFF(rela), n * sizeof(Elf64_Rela), SEC_SYMTAB,
		SEC_TEXT, 8, sizeof(Elf64_Rela));
}

static unsigned char *text(void)
{
	return scion_module_section(".text");
}

/*
 * Symbols resolve relative to where .text was placed (the loader calls
 * resolve() after copying the sections): "ext" 1 MiB past it, "far"
 * far_gib GiB past it, beyond the +-4 GiB of a 32-bit halfword offset
 * (brasl, larl) when far_gib > 4. Neither is dereferenced.
 */
static uint64_t far_gib = 8;

static unsigned long resolve(const char *name)
{
	uint64_t t = (uint64_t)(uintptr_t)text();

	if (!t)
		return 0;
	if (!strcmp(name, "ext"))
		return t + 0x100000;
	if (!strcmp(name, "far"))
		return t + (far_gib << 30);
	return 0;
}

static int load(void)
{
	return scion_module_load(&obj, sizeof(obj), resolve);
}

static uint64_t addr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static uint64_t ext(void)
{
	return addr(text()) + 0x100000;
}

static uint64_t far(void)
{
	return addr(text()) + (far_gib << 30);
}

/* The size bytes at p, big-endian. */
static uint64_t be(const unsigned char *p, int size)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < size; i++)
		v = (v << 8) | p[i];
	return v;
}

static int64_t sext(uint64_t v, int bits)
{
	return (int64_t)(v << (64 - bits)) >> (64 - bits);
}

static bool log_has(const char *s)
{
	if (strstr(scion_module_log, s))
		return true;
	tap_diag("log \"%s\" lacks \"%s\"", scion_module_log, s);
	return false;
}

static bool all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* The GOT/PLT area as arch/s390x/module.c draws it. */
struct area {
	uint32_t nr_got, nr_plt;
	uint32_t sym[8];
	unsigned char *got, *plt;
};

static bool get_area(struct area *a)
{
	size_t size, got_off, plt_off;
	unsigned char *p = scion_module_arch_area(&size);

	memset(a, 0, sizeof(*a));
	if (!p)
		return false;
	memcpy(&a->nr_got, p, 4);
	memcpy(&a->nr_plt, p + 4, 4);
	if (a->nr_got + a->nr_plt > 8)
		return false;
	memcpy(a->sym, p + 8, 4 * (a->nr_got + a->nr_plt));
	got_off = (8 + 4 * (a->nr_got + a->nr_plt) + 15) & ~15ul;
	plt_off = (got_off + 8 * a->nr_got + 15) & ~15ul;
	a->got = p + got_off;
	a->plt = p + plt_off;
	if (plt_off + 16 * a->nr_plt != size || ((uintptr_t)p & 15)) {
		tap_diag("area of %zu bytes at %p for %u GOT and %u PLT entries", size, p,
			 a->nr_got, a->nr_plt);
		return false;
	}
	return true;
}

/* lgrl %r1,.+8; br %r1; then the target, big-endian. */
static bool plt_entry_is(const unsigned char *e, uint64_t target)
{
	static const unsigned char code[8] = { 0xc4, 0x18, 0, 0, 0, 4, 0x07, 0xf1 };

	return !memcmp(e, code, 8) && be(e + 8, 8) == target;
}

static void r64_and_pc_types(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_64, 5), RELA(8, SYM_LOCAL, R_390_PC32, 0),
			   RELA(12, SYM_LOCAL, R_390_PC16, 4), RELA(16, SYM_EXT, R_390_PC64, 0) };
	size_t size;

	build(4, r);
	EXPECT(load() == 0);
	EXPECT(be(text(), 8) == ext() + 5);
	EXPECT(sext(be(text() + 8, 4), 32) == 8 - 8);
	EXPECT(sext(be(text() + 12, 2), 16) == 8 + 4 - 12);
	EXPECT(be(text() + 16, 8) == ext() - addr(text() + 16));
	EXPECT(scion_module_arch_area(&size) == NULL && size == 0);	/* no GOT/PLT types */
}

/* The direct 8-, 16- and 32-bit types hold unsigned values. */
static void direct_fields_are_unsigned(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_32, 0), RELA(4, SYM_EXT, R_390_16, 0),
			   RELA(6, SYM_EXT, R_390_8, 0x7f), RELA(8, SYM_EXT, R_390_12, 0) };

	build(4, r);
	obj.syms[SYM_EXT] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE),
					 .st_shndx = SHN_ABS, .st_value = 0x80 };
	obj.text[8] = 0xf0;
	EXPECT(load() == 0);
	EXPECT(be(text(), 4) == 0x80 && be(text() + 4, 2) == 0x80 && text()[6] == 0xff);
	EXPECT(be(text() + 8, 2) == 0xf080);
	r[2] = (Elf64_Rela)RELA(6, SYM_EXT, R_390_8, 0x80);
	build(4, r);
	obj.syms[SYM_EXT] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE),
					 .st_shndx = SHN_ABS, .st_value = 0x80 };
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("test: relocation type 1 for 'ext' does not fit its field (value 100)"));
	EXPECT(all_zero(text(), TEXT_SIZE));
}

static void pc32dbl_counts_halfwords(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_LOCAL, R_390_PC32DBL, 2), RELA(34, SYM_EXT, R_390_PC16DBL, 0) };

	far_gib = 8;
	build(2, r);
	EXPECT(load() == -scion_enoexec);		/* ext is 1 MiB away: too far for 16 bits */
	EXPECT(log_has("relocation type 17 for 'ext' does not fit its field"));
	EXPECT(all_zero(text(), TEXT_SIZE));		/* the PC32DBL before it was not written */
	r[1] = (Elf64_Rela)RELA(34, SYM_LOCAL, R_390_PC16DBL, 0);
	build(2, r);
	EXPECT(load() == 0);
	EXPECT(sext(be(text() + 2, 4), 32) == (8 + 2 - 2) / 2);
	EXPECT(sext(be(text() + 34, 2), 16) == (8 - 34) / 2);
}

static void pc32dbl_odd_refused(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_LOCAL, R_390_PC32DBL, 1) };

	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("test: relocation type 19 for 'local' does not fit its field"));
}

/* larl/brasl reach +-4 GiB: without a PLT, farther is refused and nothing is written. */
static void pc32dbl_out_of_range_refused(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_64, 0), RELA(10, SYM_FAR, R_390_PC32DBL, 2) };

	far_gib = 8;
	build(2, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("test: relocation type 19 for 'far' does not fit its field (value 1fffffff8)"));
	EXPECT(all_zero(text(), TEXT_SIZE));
	far_gib = 3;					/* in range: the same object loads */
	build(2, r);
	EXPECT(load() == 0);
	EXPECT(sext(be(text() + 10, 4), 32) == (int64_t)((far() + 2 - addr(text() + 10)) / 2));
	far_gib = 8;
}

/* A call in range goes straight to its target; its PLT entry stays empty. */
static void plt32dbl_in_range_is_direct(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_EXT, R_390_PLT32DBL, 2) };
	struct area a;

	build(1, r);
	EXPECT(load() == 0);
	EXPECT(sext(be(text() + 2, 4), 32) == (int64_t)(ext() - addr(text())) / 2);
	EXPECT(get_area(&a) && a.nr_got == 0 && a.nr_plt == 1 && a.sym[0] == SYM_EXT);
	EXPECT(all_zero(a.plt, 16));
}

/* Out of range: brasl reaches the PLT entry, which loads the target and branches. */
static void plt_types_far_go_through_plt(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_FAR, R_390_PLT32DBL, 2), RELA(8, SYM_FAR, R_390_PLT32, 0),
			   RELA(16, SYM_FAR, R_390_PLT64, 0), RELA(24, SYM_EXT, R_390_PLT16DBL, 0),
			   RELA(26, SYM_LOCAL, R_390_PLT16DBL, 0) };
	struct area a;
	uint64_t plt_far, plt_ext;

	far_gib = 8;
	build(5, r);
	EXPECT(load() == 0);
	EXPECT(get_area(&a) && a.nr_got == 0 && a.nr_plt == 3);
	EXPECT(a.sym[0] == SYM_LOCAL && a.sym[1] == SYM_EXT && a.sym[2] == SYM_FAR);
	plt_ext = addr(a.plt + 16);
	plt_far = addr(a.plt + 32);
	EXPECT(plt_entry_is(a.plt + 32, far()));
	EXPECT(sext(be(text() + 2, 4), 32) == (int64_t)(plt_far + 2 - addr(text() + 2)) / 2);
	EXPECT(sext(be(text() + 8, 4), 32) == (int64_t)(plt_far - addr(text() + 8)));
	EXPECT(be(text() + 16, 8) == far() - addr(text() + 16));	/* 64 bits always reach */
	/* 1 MiB is beyond a 16-bit halfword offset: the PLT entry, which is near */
	EXPECT(plt_entry_is(a.plt + 16, ext()));
	EXPECT(sext(be(text() + 24, 2), 16) == (int64_t)(plt_ext - addr(text() + 24)) / 2);
	EXPECT(sext(be(text() + 26, 2), 16) == (8 - 26) / 2);
	EXPECT(all_zero(a.plt, 16));					/* local: in range */
}

/* -fPIC's data references: lgrl %rX,sym@GOTENT, one GOT entry per symbol. */
static void gotent_uses_one_entry_per_symbol(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_FAR, R_390_GOTENT, 2), RELA(8, SYM_FAR, R_390_GOTENT, 2),
			   RELA(14, SYM_EXT, R_390_GOTPLTENT, 2) };
	struct area a;

	build(3, r);
	EXPECT(load() == 0);
	EXPECT(get_area(&a) && a.nr_got == 2 && a.nr_plt == 0);
	EXPECT(a.sym[0] == SYM_EXT && a.sym[1] == SYM_FAR);
	EXPECT(be(a.got, 8) == ext() && be(a.got + 8, 8) == far());
	EXPECT(sext(be(text() + 2, 4), 32) == (int64_t)(addr(a.got + 8) + 2 - addr(text() + 2)) / 2);
	EXPECT(sext(be(text() + 8, 4), 32) == (int64_t)(addr(a.got + 8) + 2 - addr(text() + 8)) / 2);
	EXPECT(sext(be(text() + 14, 4), 32) == (int64_t)(addr(a.got) + 2 - addr(text() + 14)) / 2);
}

/*
 * -fpic for z900: larl %r12,_GLOBAL_OFFSET_TABLE_ (GOTPCDBL), then
 * lg %r1,sym@GOT(%r12) (GOT12 in the displacement, the base register's
 * nibble kept) and the 20-bit long-displacement form.
 */
static void got_offsets_and_displacements(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_EXT, R_390_GOTPCDBL, 2), RELA(10, SYM_FAR, R_390_GOT12, 0),
			   RELA(12, SYM_EXT, R_390_GOT20, 8), RELA(16, SYM_FAR, R_390_GOT64, 0),
			   RELA(24, SYM_LOCAL, R_390_GOTOFF64, 0), RELA(32, SYM_FAR, R_390_PLTOFF32, 0),
			   RELA(36, SYM_EXT, R_390_GOTPC, 0) };
	struct area a;
	uint64_t got;

	build(7, r);
	obj.text[10] = 0xc0;		/* base register 12 in the halfword of the 12-bit field */
	obj.text[12] = 0xc0;		/* RXY: B2 (12) ... then the second opcode byte */
	obj.text[15] = 0x04;
	EXPECT(load() == 0);
	EXPECT(get_area(&a) && a.nr_got == 2 && a.nr_plt == 1);
	got = addr(a.got);
	EXPECT(sext(be(text() + 2, 4), 32) == (int64_t)(got + 2 - addr(text() + 2)) / 2);
	EXPECT(be(text() + 10, 2) == (0xc000 | 8));		/* far's entry: the second */
	EXPECT(be(text() + 12, 4) == 0xc0080004);		/* ext's (0) + 8: DL 8, DH 0 */
	EXPECT(be(text() + 16, 8) == 8);
	EXPECT(be(text() + 24, 8) == addr(text()) + 8 - got);
	EXPECT(sext(be(text() + 32, 4), 32) == (int64_t)(addr(a.plt) - got));
	EXPECT(plt_entry_is(a.plt, far()));			/* PLTOFF: the entry is made */
	EXPECT(sext(be(text() + 36, 4), 32) == (int64_t)(got - addr(text() + 36)));
	EXPECT(be(a.got, 8) == ext() && be(a.got + 8, 8) == far());
}

/* The other GOT-relative types: GOTn and GOTPLTn are G + A, GOTOFFn S + A - GOT, PLTOFFn L + A - GOT. */
static void remaining_got_types(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_FAR, R_390_GOT16, 0), RELA(2, SYM_EXT, R_390_GOT32, 0),
			   RELA(6, SYM_FAR, R_390_GOTPLT12, 0), RELA(8, SYM_EXT, R_390_GOTPLT16, 4),
			   RELA(10, SYM_FAR, R_390_GOTPLT20, 0x1000), RELA(14, SYM_EXT, R_390_GOTPLT32, 0),
			   RELA(18, SYM_FAR, R_390_GOTPLT64, 0), RELA(26, SYM_LOCAL, R_390_GOTOFF16, 0),
			   RELA(28, SYM_LOCAL, R_390_GOTOFF32, 0), RELA(32, SYM_FAR, R_390_PLTOFF16, 0),
			   RELA(34, SYM_FAR, R_390_PLTOFF64, 0) };
	struct area a;
	int64_t gotoff;

	build(11, r);
	obj.text[6] = 0xa0;				/* the base register's nibble stays */
	obj.text[13] = 0x58;				/* and the RXY opcode's second byte */
	EXPECT(load() == 0);
	EXPECT(get_area(&a) && a.nr_got == 2 && a.nr_plt == 1);
	gotoff = (int64_t)(addr(text()) + 8 - addr(a.got));
	EXPECT(be(text(), 2) == 8 && be(text() + 2, 4) == 0);
	EXPECT(be(text() + 6, 2) == 0xa008 && be(text() + 8, 2) == 4);
	EXPECT(be(text() + 10, 4) == 0x00080158);	/* 0x1008: DL 0x008, DH 0x01 */
	EXPECT(be(text() + 14, 4) == 0 && be(text() + 18, 8) == 8);
	EXPECT(sext(be(text() + 26, 2), 16) == gotoff && sext(be(text() + 28, 4), 32) == gotoff);
	EXPECT(be(text() + 32, 2) == addr(a.plt) - addr(a.got));
	EXPECT(be(text() + 34, 8) == addr(a.plt) - addr(a.got));
	EXPECT(plt_entry_is(a.plt, far()) && be(a.got + 8, 8) == far() && be(a.got, 8) == ext());
}

/* R_390_20's split: DL is the low 12 bits, DH the high 8 (signed). */
static void disp20_splits_and_is_signed(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_20, 0), RELA(4, SYM_EXT, R_390_GOT12, 4096) };

	build(1, r);
	obj.syms[SYM_EXT] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE),
					 .st_shndx = SHN_ABS, .st_value = (uint64_t)-0x12345 };
	obj.text[0] = 0x50;
	EXPECT(load() == 0);
	EXPECT(be(text(), 4) == (0x50000000u | (0xcbbu << 16) | (0xedu << 8)));
	build(2, r);
	obj.syms[SYM_EXT] = (Elf64_Sym){ .st_name = 7, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE),
					 .st_shndx = SHN_ABS, .st_value = (uint64_t)-0x12345 };
	EXPECT(load() == -scion_enoexec);			/* G + A = 4096: not 12 bits */
	EXPECT(log_has("test: relocation type 6 for 'ext' does not fit its field (value 1000)"));
	EXPECT(all_zero(text(), TEXT_SIZE));
}

static void unknown_types_refused(void)
{
	static const unsigned int types[] = { R_390_COPY, R_390_GLOB_DAT, R_390_JMP_SLOT,
					      R_390_RELATIVE, R_390_TLS_LOAD, R_390_IRELATIVE, 200 };
	char want[64];
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_64, 0), RELA(8, SYM_EXT, types[i], 0) };

		build(2, r);
		EXPECT(load() == -scion_enoexec);
		snprintf(want, sizeof(want), "test: Unknown rela relocation: %u", types[i]);
		EXPECT(log_has(want));
		EXPECT(all_zero(text(), TEXT_SIZE));
	}
}

static void field_past_section_end_refused(void)
{
	Elf64_Rela r[] = { RELA(TEXT_SIZE - 2, SYM_EXT, R_390_GOTENT, 2) };

	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("field at 0x3e outside its section"));
}

/* A relocation applied twice, or to a field with contents, is refused; nothing is written. */
static void nonzero_field_refused(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_FAR, R_390_PLT32DBL, 2), RELA(10, SYM_EXT, R_390_GOT12, 0) };
	struct area a;

	build(2, r);
	obj.text[11] = 0x01;		/* a displacement where the relocation's bits go */
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("existing value is nonzero for type 6"));
	EXPECT(all_zero(text(), 10) && get_area(&a) && all_zero(a.plt, 16) && all_zero(a.got, 8));
}

/*
 * Livepatch clears a target module's relocations when it goes and applies
 * them again later; the GOT and PLT entries are found again by symbol.
 */
static void cleared_then_applied_again(void)
{
	Elf64_Rela r[] = { RELA(2, SYM_FAR, R_390_PLT32DBL, 2), RELA(8, SYM_FAR, R_390_GOTENT, 2),
			   RELA(12, SYM_EXT, R_390_GOT20, 0) };
	unsigned char applied[TEXT_SIZE];
	struct area a;

	build(3, r);
	obj.text[12] = 0xd0;
	obj.text[15] = 0x04;
	EXPECT(load() == 0);
	memcpy(applied, text(), TEXT_SIZE);
	scion_module_clear_relocations(".rela.text");
	EXPECT(all_zero(text(), 12) && be(text() + 12, 4) == 0xd0000004);
	EXPECT(scion_module_apply_relocations(".rela.text") == 0);
	EXPECT(memcmp(applied, text(), TEXT_SIZE) == 0);
	EXPECT(get_area(&a) && plt_entry_is(a.plt, far()) && be(a.got + 8, 8) == far());
	EXPECT(scion_module_apply_relocations(".rela.text") == -scion_enoexec);
	EXPECT(log_has("existing value is nonzero"));
	EXPECT(memcmp(applied, text(), TEXT_SIZE) == 0);
}

/* Clearing refuses a field that holds something else, and then clears nothing. */
static void clear_refuses_a_stranger(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_390_64, 0), RELA(8, SYM_EXT, R_390_64, 0) };
	unsigned char before[TEXT_SIZE];

	build(2, r);
	EXPECT(load() == 0);
	text()[15] ^= 1;			/* not what was applied */
	memcpy(before, text(), TEXT_SIZE);
	scion_module_clear_relocations(".rela.text");
	EXPECT(log_has("existing value does not match expected value for type 22"));
	EXPECT(memcmp(before, text(), TEXT_SIZE) == 0);
}

static const struct tap_case cases[] = {
	TAP_CASE(r64_and_pc_types),
	TAP_CASE(direct_fields_are_unsigned),
	TAP_CASE(pc32dbl_counts_halfwords),
	TAP_CASE(pc32dbl_odd_refused),
	TAP_CASE(pc32dbl_out_of_range_refused),
	TAP_CASE(plt32dbl_in_range_is_direct),
	TAP_CASE(plt_types_far_go_through_plt),
	TAP_CASE(gotent_uses_one_entry_per_symbol),
	TAP_CASE(got_offsets_and_displacements),
	TAP_CASE(remaining_got_types),
	TAP_CASE(disp20_splits_and_is_signed),
	TAP_CASE(unknown_types_refused),
	TAP_CASE(field_past_section_end_refused),
	TAP_CASE(nonzero_field_refused),
	TAP_CASE(cleared_then_applied_again),
	TAP_CASE(clear_refuses_a_stranger),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	scion_module_unload();
	return tap_done();
}
