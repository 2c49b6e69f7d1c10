// SPDX-License-Identifier: MIT
/*
 * Host tests of the module loader's pure half: x86_64 relocation maths
 * and range checks, symbol resolution, and validation, on small ELF
 * relocatable objects built here field by field (System V gABI; x86-64
 * psABI 4.4 for the relocation types).
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "module_api.h"
#include "tap.h"

/* The object: .text (32 bytes), .data, symbols "local" (.text+8) and "ext" (undefined). */
enum { SEC_TEXT = 1, SEC_DATA, SEC_SYMTAB, SEC_STRTAB, SEC_SHSTRTAB, SEC_RELA, NR_SECS };
enum { SYM_LOCAL = 1, SYM_EXT, NR_SYMS };
#define TEXT_SIZE 32
#define MAX_RELA 8

static const char strtab[] = "\0local\0ext";
static const char shstrtab[] = "\0.text\0.data\0.symtab\0.strtab\0.shstrtab\0.rela.text";

struct object {
	Elf64_Ehdr ehdr;
	unsigned char text[TEXT_SIZE];
	unsigned char data[16];
	Elf64_Sym syms[NR_SYMS];
	char strtab[sizeof(strtab)];
	char shstrtab[sizeof(shstrtab)];
	char pad[8];
	Elf64_Rela rela[MAX_RELA];
	Elf64_Shdr shdr[NR_SECS];
};

static struct object obj;

#define OFF(field) offsetof(struct object, field)

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
	obj.ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	obj.ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	obj.ehdr.e_type = ET_REL;
	obj.ehdr.e_machine = EM_X86_64;
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
	if (n)
		memcpy(obj.rela, rela, n * sizeof(*rela));
	section(SEC_TEXT, 1, SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, OFF(text), TEXT_SIZE, 0, 0, 16, 0);
	section(SEC_DATA, 7, SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, OFF(data), 16, 0, 0, 8, 0);
	section(SEC_SYMTAB, 13, SHT_SYMTAB, 0, OFF(syms), sizeof(obj.syms), SEC_STRTAB, SYM_EXT, 8,
		sizeof(Elf64_Sym));
	section(SEC_STRTAB, 21, SHT_STRTAB, 0, OFF(strtab), sizeof(strtab), 0, 0, 1, 0);
	section(SEC_SHSTRTAB, 29, SHT_STRTAB, 0, OFF(shstrtab), sizeof(shstrtab), 0, 0, 1, 0);
	section(SEC_RELA, 39, SHT_RELA, SHF_INFO_LINK, OFF(rela), n * sizeof(Elf64_Rela), SEC_SYMTAB,
		SEC_TEXT, 8, sizeof(Elf64_Rela));
}

#define RELA(off, sym, type, addend) { (off), ELF64_R_INFO(sym, type), (addend) }

static unsigned long ext_value;

static unsigned long resolve(const char *name)
{
	return strcmp(name, "ext") ? 0 : ext_value;
}

static int load(void)
{
	return scion_module_load(&obj, sizeof(obj), resolve);
}

static unsigned char *text(void)
{
	return scion_module_section(".text");
}

static bool log_has(const char *s)
{
	if (strstr(scion_module_log, s))
		return true;
	tap_diag("log \"%s\" lacks \"%s\"", scion_module_log, s);
	return false;
}

static void r64_is_symbol_plus_addend(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 5), RELA(8, SYM_LOCAL, R_X86_64_64, 0) };
	uint64_t v;

	ext_value = 0xffffffff81234560ul;
	build(2, r);
	EXPECT(load() == 0);
	memcpy(&v, text(), 8);
	EXPECT(v == 0xffffffff81234565ul);
	memcpy(&v, text() + 8, 8);
	EXPECT(v == (uint64_t)(uintptr_t)(text() + 8));	/* the symbol's final address */
}

static void pc32_is_symbol_minus_place(void)
{
	Elf64_Rela r[] = { RELA(16, SYM_LOCAL, R_X86_64_PC32, -4), RELA(20, SYM_LOCAL, R_X86_64_PLT32, 0) };
	int32_t v;

	build(2, r);
	EXPECT(load() == 0);
	memcpy(&v, text() + 16, 4);
	EXPECT(v == 8 - 4 - 16);
	memcpy(&v, text() + 20, 4);
	EXPECT(v == 8 - 20);
}

static void r32s_accepts_kernel_addresses(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_32S, 0x10) };
	uint32_t v;

	ext_value = 0xffffffff80001000ul;
	build(1, r);
	EXPECT(load() == 0);
	memcpy(&v, text(), 4);
	EXPECT(v == 0x80001010u);
}

static void r32s_overflow_refused(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_32S, 0) };

	ext_value = 0x00007fff00000000ul;
	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("test: overflow in relocation type 11 val 7fff00000000 for 'ext'"));
}

static void r32_range_is_unsigned(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_32, 0) };
	uint32_t v;

	ext_value = 0xfffffff0ul;
	build(1, r);
	EXPECT(load() == 0);
	memcpy(&v, text(), 4);
	EXPECT(v == 0xfffffff0u);
	ext_value = 0x100000000ul;
	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("overflow in relocation type 10"));
}

static void unknown_type_refused(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_GOTPCREL, 0) };

	ext_value = 0x1000;
	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("test: Unknown rela relocation: 9"));
}

/* The validator only knows the field starts inside; the arch knows its width. */
static void field_past_section_end_refused(void)
{
	Elf64_Rela r[] = { RELA(TEXT_SIZE - 4, SYM_EXT, R_X86_64_64, 0) };

	ext_value = 0x1000;
	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("field at 0x1c outside its section"));
}

static void offset_outside_section_refused(void)
{
	Elf64_Rela r[] = { RELA(TEXT_SIZE, SYM_EXT, R_X86_64_PC32, 0) };

	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("offset 0x20 outside section 1"));
}

static void symbol_index_out_of_range_refused(void)
{
	Elf64_Rela r[] = { RELA(0, NR_SYMS, R_X86_64_64, 0) };

	build(1, r);
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("symbol 3 out of range"));
}

static void unknown_symbol_is_enoent(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 0) };

	ext_value = 0;
	build(1, r);
	EXPECT(load() == -scion_enoent);
	EXPECT(log_has("test: Unknown symbol ext (err -2)"));
}

static void weak_undefined_is_zero(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 7) };
	uint64_t v;

	ext_value = 0;
	build(1, r);
	obj.syms[SYM_EXT].st_info = ELF64_ST_INFO(STB_WEAK, STT_NOTYPE);
	EXPECT(load() == 0);
	memcpy(&v, text(), 8);
	EXPECT(v == 7);
}

/* A relocation applied twice, or to a field with contents, is refused (Linux does the same). */
static void nonzero_field_refused(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 0) };

	ext_value = 0x1000;
	build(1, r);
	obj.text[3] = 0xcc;
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("existing value is nonzero"));
}

/* Livepatch clears a target module's relocations when it goes, and applies them again later. */
static void cleared_then_applied_again(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 0), RELA(16, SYM_LOCAL, R_X86_64_PC32, -4) };
	static const unsigned char zero[TEXT_SIZE];
	uint64_t v;

	ext_value = 0xffffffff81234560ul;
	build(2, r);
	EXPECT(load() == 0);
	scion_module_clear_relocations(".rela.text");
	EXPECT(memcmp(text(), zero, TEXT_SIZE) == 0);
	ext_value = 0xffffffff81230000ul;	/* the target came back elsewhere */
	EXPECT(scion_module_apply_relocations(".rela.text") == 0);
	memcpy(&v, text(), 8);
	EXPECT(v == 0xffffffff81234560ul);	/* st_value is final: resolved at load */
	EXPECT(scion_module_apply_relocations(".rela.text") == -scion_enoexec);
	EXPECT(log_has("existing value is nonzero"));
}

/* Clearing leaves a zero field (an apply that stopped half-way) and refuses a stranger. */
static void clear_checks_each_field(void)
{
	Elf64_Rela r[] = { RELA(0, SYM_EXT, R_X86_64_64, 0), RELA(8, SYM_EXT, R_X86_64_64, 0),
			   RELA(16, SYM_EXT, R_X86_64_64, 0) };
	uint64_t v;

	ext_value = 0x1000;
	build(3, r);
	EXPECT(load() == 0);
	memset(text(), 0, 8);			/* never applied */
	text()[16] ^= 1;			/* not what was applied */
	scion_module_clear_relocations(".rela.text");
	memcpy(&v, text() + 8, 8);
	EXPECT(v == 0);
	memcpy(&v, text() + 16, 8);
	EXPECT(v == 0x1001);
	EXPECT(log_has("existing value does not match expected value for type 1"));
}

static void overlapping_sections_refused(void)
{
	build(0, NULL);
	obj.shdr[SEC_DATA].sh_offset = OFF(text) + 8;
	EXPECT(load() == -scion_enoexec);
	EXPECT(log_has("sections 1 and 2 overlap in the file"));
}

static void section_table_past_end_refused(void)
{
	build(0, NULL);
	EXPECT(scion_module_load(&obj, sizeof(obj) - 1, resolve) == -scion_enoexec);
	EXPECT(log_has("section header table"));
}

/* Found by `make fuzz`: a RELA pointer was computed from a non-RELA section's sh_offset. */
static void regress_rela_pointer_from_non_rela_section(void)
{
	static unsigned char buf[1 << 16];
	FILE *f = fopen("tests/fuzz/regress_rela_pointer_from_non_rela_section.bin", "rb");
	size_t n;

	EXPECT(f != NULL);
	if (!f)
		return;
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	scion_module_load(buf, n, resolve);	/* any verdict; the sanitizers watch */
	EXPECT(n > 0);
}

static const struct tap_case cases[] = {
	TAP_CASE(r64_is_symbol_plus_addend),
	TAP_CASE(pc32_is_symbol_minus_place),
	TAP_CASE(r32s_accepts_kernel_addresses),
	TAP_CASE(r32s_overflow_refused),
	TAP_CASE(r32_range_is_unsigned),
	TAP_CASE(unknown_type_refused),
	TAP_CASE(field_past_section_end_refused),
	TAP_CASE(offset_outside_section_refused),
	TAP_CASE(symbol_index_out_of_range_refused),
	TAP_CASE(unknown_symbol_is_enoent),
	TAP_CASE(weak_undefined_is_zero),
	TAP_CASE(nonzero_field_refused),
	TAP_CASE(cleared_then_applied_again),
	TAP_CASE(clear_checks_each_field),
	TAP_CASE(overlapping_sections_refused),
	TAP_CASE(section_table_past_end_refused),
	TAP_CASE(regress_rela_pointer_from_non_rela_section),
};

int main(void)
{
	tap_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
	scion_module_unload();
	return tap_done();
}
