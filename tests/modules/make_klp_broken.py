#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Write the broken-livepatch corpus: variants of two good patch modules
whose livepatch relocations (.klp.rela / .klp.sym, from tools/klp-convert)
the kernel must refuse.

    make_klp_broken.py STATIC_CALL.ko MOD_PATCH.ko OUTDIR

STATIC_CALL.ko (test_klp_static_call) has .klp.rela.vmlinux.* sections:
its variants fail as they load. MOD_PATCH.ko (test_klp_mod_patch) has
.klp.rela.test_klp_mod_target.*: its variant loads, and makes its target
fail to load. Each variant changes one thing, in place, and is written as
OUTDIR/<name>.ko; OUTDIR/manifest.json lists for each the module name,
which insmod must fail ("self", or "target": test_klp_mod_target), its
error, and the kernel log lines it must print. tests/qemu/scenarios/
livepatch_modules.py loads them all.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_broken import Elf, SHF_ALLOC, SHN_ABS    # noqa: E402

EINVAL = "Invalid parameters"


def rename_symbol(elf, old, new):
    """Rewrite symbol old's name in place (new is no longer than old)."""
    assert len(new) <= len(old)
    off = elf.sh(elf.strtab, "offset") + elf.get("I", elf.sym_off(old)[0])
    elf.data[off:off + len(old) + 1] = new.encode() + b"\0" * (len(old) + 1 - len(new))


def rename_section(elf, old, new):
    assert len(new) == len(old)
    off = elf.shstr_off + elf.sh(elf.sections[old], "name")
    elf.data[off:off + len(old)] = new.encode()


TARGET_SYM = ".klp.sym.vmlinux.kallsyms_test_target,0"
DUP_SYM = ".klp.sym.vmlinux.kallsyms_test_dup,2"
MOD_SYM = ".klp.sym.test_klp_mod_target.test_klp_mod_target_count,0"


def variants():
    """(name, source "static"/"mod", mutate(elf), load, log lines)."""
    def sym_index(elf, name):
        return elf.sym_off(name)[0]

    return [
        ("klp_sym_bad_format", "static",
         lambda elf: rename_symbol(elf, TARGET_SYM, TARGET_SYM.replace(",", ".")), "self",
         ["livepatch: symbol %s has an incorrectly formatted name" % TARGET_SYM.replace(",", ".")]),
        ("klp_rela_bad_format", "static",
         lambda elf: rename_section(elf, ".klp.rela.vmlinux.text", ".klp.rela_vmlinux.text"), "self",
         ["livepatch: section .klp.rela_vmlinux.text has an incorrectly formatted name"]),
        ("klp_sym_not_livepatch", "static",
         lambda elf: elf.put("H", sym_index(elf, TARGET_SYM) + 6, SHN_ABS), "self",
         ["livepatch: symbol %s is not marked as a livepatch symbol" % TARGET_SYM]),
        ("klp_sym_unknown", "static",
         lambda elf: rename_symbol(elf, TARGET_SYM, TARGET_SYM.replace("target,", "targex,")), "self",
         ["livepatch: symbol 'kallsyms_test_targex' not found in symbol table"]),
        ("klp_sym_bad_position", "static",
         lambda elf: rename_symbol(elf, DUP_SYM, DUP_SYM.replace(",2", ",3")), "self",
         ["livepatch: symbol position 3 for symbol 'kallsyms_test_dup' in object 'vmlinux' not found"]),
        ("klp_sym_ambiguous", "static",
         lambda elf: rename_symbol(elf, DUP_SYM, DUP_SYM.replace(",2", ",0")), "self",
         ["livepatch: unresolvable ambiguity for symbol 'kallsyms_test_dup' in object 'vmlinux'"]),
        ("klp_vmlinux_rela_module_sym", "static",
         lambda elf: rename_symbol(elf, TARGET_SYM, ".klp.sym.demo.kallsyms_test_target,0"), "self",
         ["livepatch: invalid access to module symbol 'kallsyms_test_target' from vmlinux "
          "livepatch relocation section"]),
        ("klp_rela_not_allocated", "static",
         lambda elf: elf.sh(elf.sections[".klp.rela.vmlinux.text"], "flags",
                            elf.sh(elf.sections[".klp.rela.vmlinux.text"], "flags") & ~SHF_ALLOC),
         "self",
         ["livepatch: section .klp.rela.vmlinux.text is not an allocated relocation section "
          "for an allocated section"]),
        ("klp_module_rela_vmlinux_sym", "mod",
         lambda elf: rename_symbol(elf, MOD_SYM, ".klp.sym.vmlinux.test_klp_mod_target_count,0"),
         "target",
         ["livepatch: invalid access to vmlinux symbol 'test_klp_mod_target_count' from "
          "module-specific livepatch relocation section",
          "livepatch: failed to initialize patch 'test_klp_mod_patch' for module "
          "'test_klp_mod_target' (-22)",
          "livepatch: patch 'test_klp_mod_patch' failed for module 'test_klp_mod_target', "
          "refusing to load module 'test_klp_mod_target'"]),
    ]


def main():
    sources = {"static": ("test_klp_static_call", sys.argv[1]),
               "mod": ("test_klp_mod_patch", sys.argv[2])}
    outdir = sys.argv[3]
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    for name, source, mutate, load, log in variants():
        module, path = sources[source]
        with open(path, "rb") as f:
            elf = Elf(f.read())
        mutate(elf)
        with open(os.path.join(outdir, name + ".ko"), "wb") as f:
            f.write(bytes(elf.data))
        manifest.append({"file": name + ".ko", "module": module, "load": load,
                         "error": EINVAL, "log": log})
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
