#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Host tests of tools/klp-convert, in TAP (run by `make check`).

Small modules are compiled with the host gcc and the kernel's headers
(x86_64: the host compiler is the kernel's), converted against a made-up
symbol map, and read back with readelf: what must be converted, what must
be left alone, and every build-time error a patch author can meet.
s390x cases run when s390x-linux-gnu-gcc is installed.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TOOL = os.path.join(SRC, "tools", "klp-convert")

ARCHES = {
    "x86_64": ("", ["-m64", "-mcmodel=kernel", "-mno-red-zone", "-mgeneral-regs-only"]),
    "s390x": ("s390x-linux-gnu-", ["-march=z196", "-mpacked-stack"]),
}

HEADER = """
#include <linux/kernel.h>
#include <linux/livepatch.h>
#include <linux/module.h>
"""
LIVEPATCH = 'MODULE_INFO(livepatch, "Y");\n'

MAP = """\
ffffffff80100000 T printk
ffffffff80180000 r __ksymtab_printk
ffffffff80100100 t static_func
ffffffff80100200 t dup_func
ffffffff80100300 t dup_func
ffffffff80200000 D unexported_var
ffffffff80100400 t also_in_module
"""


class Case:
    def __init__(self, tmp, arch):
        self.tmp, self.arch = tmp, arch
        self.prefix, self.flags = ARCHES[arch]
        with open(os.path.join(tmp, "System.map"), "w") as f:
            f.write(MAP)

    def compile(self, name, body, livepatch=True, extra=()):
        src = os.path.join(self.tmp, name + ".c")
        with open(src, "w") as f:
            f.write(HEADER + body + (LIVEPATCH if livepatch else ""))
        obj = os.path.join(self.tmp, name + ".o")
        gcc = self.prefix + "gcc"
        subprocess.run([gcc, "-std=gnu11", "-O2", "-ffreestanding", "-nostdinc", "-isystem",
                        subprocess.run([gcc, "-print-file-name=include"], check=True,
                                       stdout=subprocess.PIPE, text=True).stdout.strip(),
                        "-I" + os.path.join(SRC, "include"),
                        "-I" + os.path.join(SRC, "arch", self.arch, "include"),
                        "-fno-pic", "-fno-common", "-DMODULE", '-DKBUILD_MODNAME="%s"' % name,
                        "-DSCION_ARCH=\"%s\"" % self.arch] + self.flags + list(extra) +
                       ["-c", src, "-o", obj], check=True)
        return obj

    def convert(self, obj, others=()):
        out = obj[:-2] + ".ko"
        proc = subprocess.run([sys.executable, TOOL, "--map", os.path.join(self.tmp, "System.map"),
                               "-o", out, obj] + list(others),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return proc.returncode, proc.stderr, out

    def readelf(self, path):
        return subprocess.run([self.prefix + "readelf", "-sSrW", path], check=True,
                              stdout=subprocess.PIPE, text=True).stdout


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def converted(case, body, others=()):
    obj = case.compile("patch", body)
    rc, err, out = case.convert(obj, others)
    expect(rc == 0, "klp-convert failed: %s" % err)
    return case.readelf(out)


# ---- the cases: each takes a Case and raises AssertionError to fail ----

def not_livepatch_unchanged(case):
    obj = case.compile("plain", "extern int static_func(void);\n"
                                "int f(void) { return static_func(); }\n", livepatch=False)
    rc, err, out = case.convert(obj)
    expect(rc == 0, err)
    with open(obj, "rb") as a, open(out, "rb") as b:
        expect(a.read() == b.read(), "a module without livepatch=Y was changed")


def static_function_converted(case):
    text = converted(case, "extern int static_func(void);\n"
                           "int f(void) { printk(\"x\"); return static_func(); }\n")
    expect(re.search(r"NOTYPE\s+GLOBAL DEFAULT\s+OS \[0xff20\] \.klp\.sym\.vmlinux\.static_func,0$",
                     text, re.M), "no SHN_LIVEPATCH .klp.sym.vmlinux.static_func,0:\n" + text)
    sec = re.search(r"\] \.klp\.rela\.vmlinux\.text\s+RELA\s+\S+ \S+ \S+ 18\s+AIo\s+(\d+)\s+(\d+)",
                    text)
    expect(sec, "no .klp.rela.vmlinux.text with flags AIo (ALLOC, INFO_LINK, RELA_LIVEPATCH)")
    symtab = re.search(r"\[\s*(\d+)\] \.symtab", text).group(1)
    dot_text = re.search(r"\[\s*(\d+)\] \.text\s", text).group(1)
    expect(sec.groups() == (symtab, dot_text), "link/info %s, want %s/%s" %
           (sec.groups(), symtab, dot_text))
    plain = text.split("Relocation section '.rela.text'")[1].split("Relocation section")[0]
    expect("static_func" not in plain, "static_func is still in .rela.text")
    expect("printk" in plain, "the exported printk left .rela.text")


def data_converted(case):
    text = converted(case, "extern int unexported_var;\n"
                           "int f(void) { return unexported_var; }\n")
    expect(".klp.sym.vmlinux.unexported_var,0" in text, "unexported_var not converted")


def ambiguous_refused(case):
    obj = case.compile("patch", "extern int dup_func(void);\n"
                                "int f(void) { return dup_func(); }\n")
    rc, err, _ = case.convert(obj)
    expect(rc == 1, "an ambiguous name was accepted")
    expect("'dup_func' is in vmlinux 2 times: say which with "
           "KLP_MODULE_RELOC(vmlinux) = { KLP_SYMPOS(dup_func, 1..2) }" in err, err)


def annotation_picks_position(case):
    text = converted(case, "extern int dup_func(void);\n"
                           "KLP_MODULE_RELOC(vmlinux) = { KLP_SYMPOS(dup_func, 2) };\n"
                           "int f(void) { return dup_func(); }\n")
    expect(".klp.sym.vmlinux.dup_func,2" in text, "no .klp.sym.vmlinux.dup_func,2")
    flags = re.search(r"\] \.klp\.module_relocs\.vmlinux\s+PROGBITS\s+\S+ \S+ \S+ \S+\s+(\S*)\s",
                      text)
    expect(flags and "A" not in flags.group(1), "the annotation section is still loaded")


def annotation_bad_position(case):
    obj = case.compile("patch", "extern int dup_func(void);\n"
                                "KLP_MODULE_RELOC(vmlinux) = { KLP_SYMPOS(dup_func, 3) };\n"
                                "int f(void) { return dup_func(); }\n")
    rc, err, _ = case.convert(obj)
    expect(rc == 1 and "'dup_func' is annotated as number 3 in 'vmlinux', which has 2" in err, err)


def unknown_refused(case):
    obj = case.compile("patch", "extern int nosuch(void);\nint f(void) { return nosuch(); }\n")
    rc, err, _ = case.convert(obj)
    expect(rc == 1 and "'nosuch' is not exported, and not in the symbol map or the given "
           "modules" in err, err)


def module_static_converted(case):
    other = case.compile("target_mod", "static noinline int mod_static(void) { return 1; }\n"
                                       "int (*p)(void) = mod_static;\n", livepatch=False)
    text = converted(case, "extern int mod_static(void);\n"
                           "int f(void) { return mod_static(); }\n", [other])
    expect(".klp.sym.target_mod.mod_static,0" in text and ".klp.rela.target_mod.text" in text,
           "module static not converted:\n" + text)


def two_objects_refused(case):
    other = case.compile("target_mod", "static noinline int also_in_module(void) { return 1; }\n"
                                       "int (*p)(void) = also_in_module;\n", livepatch=False)
    obj = case.compile("patch", "extern int also_in_module(void);\n"
                                "int f(void) { return also_in_module(); }\n")
    rc, err, _ = case.convert(obj, [other])
    expect(rc == 1 and "'also_in_module' is in target_mod and vmlinux: say which with "
           "KLP_MODULE_RELOC(<object>)" in err, err)


def module_export_left(case):
    other = case.compile("provider", "int provided(void) { return 1; }\n"
                                     "EXPORT_SYMBOL(provided);\n", livepatch=False)
    text = converted(case, "extern int provided(void);\n"
                           "int f(void) { return provided(); }\n", [other])
    expect(re.search(r"UND provided$", text, re.M), "another module's export was converted")


def got_reference(case):
    """x86_64 has no GOT for modules: -fPIC's GOTPCREL is refused. s390x
    builds one with each module (arch/s390x/module.c): its GOTENT moves to
    .klp.rela like any other type."""
    obj = case.compile("patch", "extern int unexported_var;\n"
                                "int f(void) { return unexported_var; }\n",
                       extra=["-fPIC"] + (["-mcmodel=small"] if case.arch == "x86_64" else []))
    rc, err, out = case.convert(obj)
    if case.arch == "x86_64":
        expect(rc == 1 and "built with -fPIC?" in err, err)
        return
    expect(rc == 0, "klp-convert failed: %s" % err)
    text = case.readelf(out)
    klp = text.split("Relocation section '.klp.rela.vmlinux.text'")
    expect(len(klp) == 2 and re.search(r"R_390_GOTENT\s+0+ \.klp\.sym\.vmlinux\.unexported_var,0",
                                       klp[1].split("Relocation section")[0]),
           "no GOTENT against .klp.sym.vmlinux.unexported_var,0:\n" + text)


CASES = [not_livepatch_unchanged, static_function_converted, data_converted, ambiguous_refused,
         annotation_picks_position, annotation_bad_position, unknown_refused,
         module_static_converted, two_objects_refused, module_export_left, got_reference]


def main():
    arches = [a for a in ARCHES if shutil.which(ARCHES[a][0] + "gcc")]
    n = 0
    failed = 0
    for arch in ARCHES:
        for case in CASES:
            n += 1
            name = "%s_%s" % (arch, case.__name__)
            if arch not in arches:
                print("ok %d - %s # SKIP no %sgcc" % (n, name, ARCHES[arch][0]))
                continue
            with tempfile.TemporaryDirectory() as tmp:
                try:
                    case(Case(tmp, arch))
                    print("ok %d - %s" % (n, name))
                except (AssertionError, subprocess.CalledProcessError) as err:
                    failed += 1
                    print("not ok %d - %s" % (n, name))
                    for line in str(err).splitlines():
                        print("# " + line)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
