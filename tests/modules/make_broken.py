#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write the broken-module corpus: malformed variants of a good module.

    make_broken.py GOOD.ko OUTDIR

Each variant changes one thing in GOOD.ko (either byte order: the ELF
header says which) and is written as OUTDIR/<name>.ko. OUTDIR/manifest.json
lists, for each, what `insmod` must answer and a regex the kernel log line
must match; tests/qemu/scenarios/modules.py loads them all, and the fuzz
target (tests/fuzz/) starts from them.
"""

import json
import os
import struct
import sys

SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_RELA, SHT_NOBITS = 1, 2, 3, 4, 8
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4
SHN_ABS, SHN_COMMON, SHN_LIVEPATCH = 0xfff1, 0xfff2, 0xff20
EM_X86_64, EM_S390 = 62, 22

FORMAT = "Invalid module format"


class Elf:
    """Just enough of an ELF64 relocatable file to find and patch fields."""

    def __init__(self, data):
        self.data = bytearray(data)
        self.e = "<" if data[5] == 1 else ">"
        self.machine = self.get("H", 0x12)
        self.shoff = self.get("Q", 0x28)
        self.shnum = self.get("H", 0x3c)
        shstrndx = self.get("H", 0x3e)
        self.shstr_off = self.sh(shstrndx, "offset")
        self.sections = {self.sec_name(i): i for i in range(self.shnum)}
        self.symtab = self.sections[".symtab"]
        self.strtab = self.sh(self.symtab, "link")

    def get(self, fmt, off):
        return struct.unpack_from(self.e + fmt, self.data, off)[0]

    def put(self, fmt, off, value):
        struct.pack_into(self.e + fmt, self.data, off, value)

    SH_FIELDS = {"name": ("I", 0), "type": ("I", 4), "flags": ("Q", 8), "offset": ("Q", 24),
                 "size": ("Q", 32), "link": ("I", 40), "info": ("I", 44), "addralign": ("Q", 48)}

    def sh(self, i, field, value=None):
        fmt, off = self.SH_FIELDS[field]
        off += self.shoff + i * 64
        if value is None:
            return self.get(fmt, off)
        self.put(fmt, off, value)
        return value

    def cstr(self, off):
        end = self.data.index(0, off)
        return self.data[off:end].decode()

    def sec_name(self, i):
        return self.cstr(self.shstr_off + self.sh(i, "name"))

    def sym_off(self, name):
        base, n = self.sh(self.symtab, "offset"), self.sh(self.symtab, "size") // 24
        for k in range(1, n):
            off = base + k * 24
            if self.cstr(self.sh(self.strtab, "offset") + self.get("I", off)) == name:
                return off, k
        raise KeyError(name)

    def relas(self, section):
        i = self.sections[section]
        base = self.sh(i, "offset")
        return [base + k * 24 for k in range(self.sh(i, "size") // 24)]

    def rela_type(self, off):
        return self.get("Q", off + 8) & 0xffffffff

    def rela_sym(self, off):
        return self.get("Q", off + 8) >> 32

    def set_rela(self, off, sym=None, type_=None, offset=None):
        if offset is not None:
            self.put("Q", off, offset)
        info = self.get("Q", off + 8)
        sym = (info >> 32) if sym is None else sym
        type_ = (info & 0xffffffff) if type_ is None else type_
        self.put("Q", off + 8, (sym << 32) | type_)

    def replace(self, old, new):
        at = self.data.index(old)
        self.data[at:at + len(old)] = new


def variants(good):
    """(name, mutate(elf) -> bytes or None, insmod error, log regex)."""
    x86 = Elf(good).machine == EM_X86_64
    # PC32/PLT32; PC32DBL (s390x's PLT32DBL would reach a far target through the PLT)
    pc32 = (2, 4) if x86 else (19,)

    def field(fn):
        def run(elf):
            fn(elf)
            return bytes(elf.data)
        return run

    def sym_pc32(elf):
        """A PC-relative relocation in .rela.text and its symbol's entry offset."""
        for r in elf.relas(".rela.text"):
            if elf.rela_type(r) in pc32:
                k = elf.rela_sym(r)
                return r, elf.sh(elf.symtab, "offset") + k * 24
        raise KeyError("no PC-relative relocation")

    def overflow(elf):
        _, s = sym_pc32(elf)
        elf.put("H", s + 6, SHN_ABS)
        elf.put("Q", s + 8, 1 << 40)

    def mcount_first(elf):
        """The first __mcount_loc entry's relocation (.text + 0: demo_show's site)."""
        return elf.relas(".rela__mcount_loc")[0]

    def mcount_not_nop(elf):
        at = elf.sh(elf.sections[".text"], "offset") + elf.get("q", mcount_first(elf) + 16)
        elf.data[at] ^= 0xff

    def field_at_end(elf):
        r, _ = sym_pc32(elf)
        elf.set_rela(r, offset=elf.sh(elf.sections[".text"], "size") - 1)

    v = [
        ("empty", lambda elf: b"", FORMAT, r"shorter than an ELF header"),
        ("truncated_header", lambda elf: bytes(elf.data[:40]), FORMAT, r"shorter than an ELF header"),
        ("truncated", lambda elf: bytes(elf.data[:len(elf.data) // 2]), FORMAT,
         r"section header table at 0x[0-9a-f]+ is misplaced or past the end"),
        ("bad_magic", field(lambda elf: elf.data.__setitem__(slice(1, 4), b"ELG")), FORMAT,
         r"no ELF magic"),
        ("wrong_machine", field(lambda elf: elf.put("H", 0x12, EM_S390 if x86 else EM_X86_64)),
         FORMAT, r"built for machine \d+, this kernel is machine \d+"),
        ("not_relocatable", field(lambda elf: elf.put("H", 0x10, 2)), FORMAT,
         r"ELF type 2, not a relocatable object"),
        ("bad_shstrndx", field(lambda elf: elf.put("H", 0x3e, elf.shnum + 5)), FORMAT,
         r"section name table index \d+ out of range"),
        ("section_past_end", field(lambda elf: elf.sh(elf.sections[".text"], "offset",
                                                      len(elf.data) + 100)), FORMAT,
         r"section \d+: offset 0x[0-9a-f]+ size 0x[0-9a-f]+ past the end of the file"),
        ("section_overlap", field(lambda elf: elf.sh(elf.sections[".data"], "offset",
                                                     elf.sh(elf.sections[".text"], "offset"))),
         FORMAT, r"sections \d+ and \d+ overlap in the file"),
        ("huge_bss", field(lambda elf: elf.sh(elf.sections[".bss"], "size", 1 << 40)), FORMAT,
         r"section \d+: \d+ bytes, more than a module may have"),
        ("bad_alignment", field(lambda elf: elf.sh(elf.sections[".text"], "addralign", 3)),
         FORMAT, r"section \d+: alignment 0x3"),
        ("writable_text", field(lambda elf: elf.sh(elf.sections[".data"], "flags",
                                                   SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR)),
         FORMAT, r"section \d+ \('\.data'\) is writable and executable"),
        ("strtab_unterminated", field(lambda elf: elf.data.__setitem__(
            elf.sh(elf.strtab, "offset") + elf.sh(elf.strtab, "size") - 1, ord("x"))),
         FORMAT, r"section \d+ is not a NUL-terminated string table"),
        ("no_symtab", field(lambda elf: elf.sh(elf.symtab, "type", SHT_PROGBITS)), FORMAT,
         r"no symbol table"),
        ("symbol_bad_section", field(lambda elf: elf.put("H", elf.sym_off("demo_show")[0] + 6,
                                                         elf.shnum + 10)), FORMAT,
         r"symbol \d+ \('demo_show'\): section index \d+ out of range"),
        ("symbol_bad_name", field(lambda elf: elf.put("I", elf.sym_off("demo_show")[0],
                                                      0x7fffffff)), FORMAT,
         r"symbol \d+: name index \d+ out of range"),
        ("symbol_common", field(lambda elf: elf.put("H", elf.sym_off("demo_show")[0] + 6,
                                                    SHN_COMMON)), FORMAT,
         r"demo: symbol 'demo_show' is common: please compile with -fno-common"),
        ("symbol_livepatch", field(lambda elf: elf.put("H", elf.sym_off("demo_show")[0] + 6,
                                                       SHN_LIVEPATCH)), FORMAT,
         r"demo: livepatch symbol 'demo_show' in a module that is not a livepatch"),
        ("reloc_bad_symbol", field(lambda elf: elf.set_rela(elf.relas(".rela.text")[0],
                                                            sym=0xffffff)), FORMAT,
         r"relocation section \d+ entry 0: symbol 16777215 out of range"),
        ("reloc_bad_offset", field(lambda elf: elf.set_rela(
            elf.relas(".rela.text")[0], offset=elf.sh(elf.sections[".text"], "size") + 0x1000)),
         FORMAT, r"relocation section \d+ entry 0: offset 0x[0-9a-f]+ outside section \d+"),
        ("reloc_field_at_end", field(field_at_end), FORMAT,
         r"demo: relocation \d+ of section \d+: field at 0x[0-9a-f]+ outside its section"),
        # 9: R_X86_64_GOTPCREL; R_390_COPY (a dynamic linker's type)
        ("reloc_bad_type", field(lambda elf: elf.set_rela(elf.relas(".rela.text")[0], type_=9)),
         FORMAT, r"demo: Unknown rela relocation: 9"),
        ("reloc_target_nobits", field(lambda elf: elf.sh(elf.sections[".rela.text"], "info",
                                                         elf.sections[".bss"])), FORMAT,
         r"relocation section \d+: target section \d+ has no contents"),
        # s390x's PC32DBL (larl) names a section symbol, which has no name.
        ("reloc_overflow", field(overflow), FORMAT,
         r"demo: (overflow in relocation type \d+ val|relocation type \d+ for '\w*' does not fit)"),
        ("mcount_outside_text", field(lambda elf: elf.put("q", mcount_first(elf) + 16, 1 << 20)),
         FORMAT, r"demo: fentry site 0x[0-9a-f]+ lies outside the module's text"),
        ("mcount_not_nop", field(mcount_not_nop), FORMAT,
         r"demo: fentry site demo_show \[demo\] does not hold the nop"),
        ("no_name", field(lambda elf: elf.replace(b"\0name=demo\0", b"\0nane=demo\0")), FORMAT,
         r"no module name in \.modinfo"),
        ("bad_name", field(lambda elf: elf.replace(b"\0name=demo\0", b"\0name=d/mo\0")), FORMAT,
         r"bad module name 'd/mo'"),
        ("bad_vermagic", field(lambda elf: elf.replace(b"vermagic=0.", b"vermagic=9.")), FORMAT,
         r"demo: version magic '9\.[^']*' should be '0\."),
        ("dup_name", lambda elf: bytes(elf.data), "File exists",
         r"demo: a module of that name is already loaded"),
    ]
    return v


def main():
    good_path, outdir = sys.argv[1], sys.argv[2]
    with open(good_path, "rb") as f:
        good = f.read()
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    for name, mutate, error, log in variants(good):
        data = mutate(Elf(good))
        with open(os.path.join(outdir, name + ".ko"), "wb") as f:
            f.write(data)
        manifest.append({"file": name + ".ko", "error": error, "log": log})
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
