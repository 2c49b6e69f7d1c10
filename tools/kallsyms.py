#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Make the kernel's symbol table (kernel/kallsyms.c reads it) from a map.

    nm -n -S kernel.elf > kernel.syms
    kallsyms.py --elf kernel.elf kernel.syms > kallsyms.S
    kallsyms.py /dev/null > kallsyms.S            # the empty table of pass 0

Linux: scripts/kallsyms.c. The input is `nm -n -S` output ("addr [size]
type name" per line; from stdin without a file name); --elf names the ELF
it came from, whose section headers bound the sizes guessed below. The
output is assembly for any GNU as (x86_64, s390x), all in .rodata, with
Linux's names where the idea is the same:

    kallsyms_num_syms       .quad  N
    kallsyms_addresses      .quad  x N   sorted by address (aliases: best first)
    kallsyms_sizes          .long  x N   bytes; see "sizes" below
    kallsyms_seqs_of_names  .long  x N   indices sorted by name, ties in address
                                         order: equal names are adjacent, and the
                                         k-th of them is sympos k (Linux: same)
    kallsyms_offsets        .long  x N   where each name starts in kallsyms_names
    kallsyms_types          .byte  x N   nm's letter: T t D d R r B b W w ...
    kallsyms_names          .asciz x N   the names, in address order

Linux: names are compressed with a token table and addresses are 32-bit
offsets from a base; here: plain strings and 64-bit addresses, because the
table is small and x86_64 has symbols both at 1 MiB and at -2 GiB.

The layout depends only on N and on the set of names, never on an address:
the link (tools/link-kernel.sh) relies on that, so that a table made from
one link's map leaves every symbol where it was when linked in again.

Sizes: nm's size where the symbol has one (C functions and objects). Linux
has none and takes every symbol to end where the next begins; here that is
done only for symbols without a size (assembly labels, linker-script
symbols), and only up to the next symbol in the same section, or the
section's end, so that the last label of .text does not swallow .rodata.
A symbol outside every allocated section (e.g. _etext) has size 0.
"""
import argparse
import struct
import sys

# Letters kept (nm(1)): text, data, read-only, bss, defined weak, small data.
# Dropped: a/A absolute, U undefined, w/v undefined weak, N/n debug, ?
# unknown; Linux does too.
KEEP_TYPES = set("TtDdRrBbWVGgSs")
WEAK_TYPES = set("WV")
MAX_SIZE = 1 << 32

SHF_ALLOC = 0x2
SHT_NOBITS = 8


def alloc_sections(path):
    """[(start, end, name)] of the SHF_ALLOC sections of the ELF64 at path."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        sys.exit("kallsyms: %s: not an ELF64 file" % path)
    end = "<" if data[5] == 1 else ">"
    shoff, = struct.unpack_from(end + "Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from(end + "HHH", data, 0x3a)

    def header(i):
        # Elf64_Shdr: name, type, flags, addr, offset, size (ELF-64 spec, fig. 3).
        return struct.unpack_from(end + "IIQQQQ", data, shoff + i * shentsize)

    strtab = header(shstrndx)[4]
    sections = []
    for i in range(1, shnum):
        name_off, _type, flags, addr, _offset, size = header(i)
        if flags & SHF_ALLOC and size:
            name = data[strtab + name_off:data.index(b"\0", strtab + name_off)]
            sections.append((addr, addr + size, name.decode()))
    return sorted(sections)


def read_map(lines):
    """[(addr, size or None, type, name)] of the symbols worth keeping."""
    symbols = []
    for line in lines:
        fields = line.split()
        if len(fields) == 4:
            addr, size, typ, name = fields
            size = int(size, 16)
        elif len(fields) == 3:
            addr, typ, name = fields
            size = None
        else:
            continue
        if typ not in KEEP_TYPES or name.startswith((".L", "$")):
            continue
        symbols.append((int(addr, 16), size, typ, name))
    return symbols


def section_of(sections, addr):
    for start, end, name in sections:
        if start <= addr < end:
            return start, end
    return None


def guess_sizes(symbols, sections):
    """Give each symbol without a size the room up to the next one in its section."""
    starts = sorted({addr for addr, _size, _typ, _name in symbols})
    following = dict(zip(starts, starts[1:]))
    result = []
    for addr, size, typ, name in symbols:
        had_size = size is not None
        if not had_size:
            section = section_of(sections, addr)
            if section is None:
                size = 0
            else:
                nxt = following.get(addr)
                end = section[1] if nxt is None else min(nxt, section[1])
                size = end - addr
        if size >= MAX_SIZE:
            sys.exit("kallsyms: %s: size %#x does not fit the table" % (name, size))
        result.append((addr, size, typ, name, had_size))
    return result


def alias_rank(sym):
    """Sort key: by address; at one address the name %pS should show first.

    Linux (scripts/kallsyms.c compare_symbols): weak ones last, then the
    more leading underscores the later. Here also: symbols with a size of
    their own (functions, objects) before labels and linker symbols.
    """
    addr, _size, typ, name, had_size = sym
    underscores = len(name) - len(name.lstrip("_"))
    return (addr, not had_size, typ in WEAK_TYPES, underscores, name)


def emit_array(out, label, directive, values):
    # 8: s390x code reaches symbols with larl, which needs even addresses.
    out.append("\t.balign 8")
    out.append("\t.globl %s" % label)
    out.append("\t.type %s, @object" % label)
    out.append("%s:" % label)
    for i in range(0, len(values), 8):
        out.append("\t%s %s" % (directive, ", ".join(str(v) for v in values[i:i + 8])))
    out.append("\t.size %s, . - %s" % (label, label))


def generate(symbols, source):
    symbols = sorted(symbols, key=alias_rank)
    by_name = sorted(range(len(symbols)), key=lambda i: (symbols[i][3].encode(), i))
    offsets, offset = [], 0
    for sym in symbols:
        offsets.append(offset)
        offset += len(sym[3].encode()) + 1

    out = ["/* Generated by tools/kallsyms.py from %s: do not edit. */" % source,
           "\t.section .rodata, \"a\""]
    emit_array(out, "kallsyms_num_syms", ".quad", [len(symbols)])
    emit_array(out, "kallsyms_addresses", ".quad", ["%#x" % s[0] for s in symbols])
    emit_array(out, "kallsyms_sizes", ".long", ["%#x" % s[1] for s in symbols])
    emit_array(out, "kallsyms_seqs_of_names", ".long", by_name)
    emit_array(out, "kallsyms_offsets", ".long", offsets)
    emit_array(out, "kallsyms_types", ".byte", [ord(s[2]) for s in symbols])
    out.append("\t.balign 8")
    out.append("\t.globl kallsyms_names")
    out.append("\t.type kallsyms_names, @object")
    out.append("kallsyms_names:")
    out.extend('\t.asciz "%s"' % s[3] for s in symbols)
    out.append("\t.size kallsyms_names, . - kallsyms_names")
    out.append("\t.section .note.GNU-stack, \"\", @progbits")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--elf", help="the ELF the map on stdin describes")
    parser.add_argument("map", nargs="?", help="nm -n -S output (default: stdin)")
    args = parser.parse_args()
    if args.map:
        with open(args.map) as f:
            symbols = read_map(f)
    else:
        symbols = read_map(sys.stdin)
    if symbols and not args.elf:
        sys.exit("kallsyms: a map needs --elf for its section bounds")
    sections = alloc_sections(args.elf) if args.elf else []
    for _addr, _size, _typ, name in symbols:
        if '"' in name or "\\" in name:
            sys.exit("kallsyms: cannot quote symbol name %r" % name)
    sys.stdout.write(generate(guess_sizes(symbols, sections), args.map or "stdin"))


if __name__ == "__main__":
    main()
