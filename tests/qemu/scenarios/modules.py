# SPDX-License-Identifier: MIT
# Loadable modules: the demo module from /lib/modules with its parameters,
# dependencies holding modules in place, every broken module of the corpus
# refused with the kernel left healthy, failures that unwind, an external
# `make M=` module, GRUB-delivered modules, and the load benchmark.
#
# The modules reach /lib/modules as multiboot modules (QEMU -initrd a,b,...)
# on x86_64. s390x boots with a single initrd: one module is
# /lib/modules/initrd, several arrive in a cpio archive that the kernel
# unpacks under their own names (qemu_cmd.py, lib/cpio.c).

import json
import os
import re
import shutil
import subprocess
import tempfile

import qemu_cmd
from machine import ConsoleError
from scenario import check_output, scenario



def build(arch):
    return qemu_cmd.build_dir(arch)


def module_path(arch, name):
    """A built module: modules/ first, then tests/modules/."""
    for sub in ("modules", os.path.join("tests", "modules")):
        path = os.path.join(build(arch), sub, name + ".ko")
        if os.path.exists(path):
            return path
    raise ConsoleError("%s.ko is not built (make ARCH=%s)" % (name, arch))


def boot(m, names=(), extra=()):
    """Boot with modules names (built ones) and extra (paths); return
    {file name: its path in the guest}."""
    files = [module_path(m.arch, n) for n in names] + list(extra)
    m.boot(modules=files)
    m.wait_prompt()
    return qemu_cmd.guest_paths(m.arch, files)


def mem_free(m):
    found = re.search(r"^MemFree:\s+(\d+) kB$", m.cmd("cat /proc/meminfo"), re.M)
    if not found:
        raise ConsoleError("no MemFree in /proc/meminfo")
    return int(found.group(1))


def lsmod(m):
    """{name: (size, used, [holders])} from lsmod."""
    rows = {}
    for line in m.cmd("lsmod").splitlines()[1:]:
        f = line.split()
        rows[f[0]] = (int(f[1]), int(f[2]), f[3].split(",") if len(f) > 3 else [])
    return rows


def insmod_fails(m, path, error, log=None, args=""):
    out = m.cmd(("insmod %s %s" % (path, args)).strip())
    must = [r"^insmod: ERROR: could not insert module %s: %s$" % (re.escape(path), re.escape(error))]
    if log:
        must.append(log)
    check_output("insmod " + path, out, must=must, must_not=[r"Oops", r"BUG:"])
    return out


@scenario()
def module_demo_load_unload(m):
    """The demo module from /lib/modules: parameters from the insmod line,
    /proc/demo, /sys/module/demo with each parameter's mode, writes that
    the mode allows, lsmod and /proc/modules, then rmmod removes it all."""
    path = boot(m, ["demo"])["demo.ko"]
    check_output("insmod", m.cmd("insmod %s count=2 greeting='good day' values=1,2,3" % path),
                 must=[r"demo: loaded: count=2 greeting=good day$",
                       r"demo: /proc/demo is shown by demo_show\+0x0/0x[0-9a-f]+ \[demo\]$"],
                 must_not=[r"ERROR"])
    check_output("cat", m.cmd("cat /proc/demo"),
                 must=[r"^good day from demo \(1/2\)$", r"^good day from demo \(2/2\)$",
                       r"^values: 3, sum 6$"])
    check_output("lsmod", m.cmd("lsmod"),
                 must=[r"^Module                  Size  Used by$", r"^demo\s+\d+  0$"])
    check_output("/proc/modules", m.cmd("cat /proc/modules"),
                 must=[r"^demo \d+ 0 - Live 0x[0-9a-f]{16}$"])
    check_output("ls", m.cmd("ls -l /sys/module/demo/parameters"),
                 must=[r"^-rw-r--r-- .* count$", r"^-r--r--r-- .* greeting$",
                       r"^-rw------- .* shout$", r"^-rw-r--r-- .* values$"])
    check_output("sysfs", m.cmd("cat /sys/module/demo/refcnt /sys/module/demo/initstate"),
                 must=[r"^0\nlive$"])
    m.cmd("echo 3 > /sys/module/demo/parameters/count")
    m.cmd("echo y > /sys/module/demo/parameters/shout")
    check_output("count", m.cmd("cat /sys/module/demo/parameters/count"), must=[r"^3$"])
    check_output("cat", m.cmd("cat /proc/demo"),
                 must=[r"^GOOD DAY from demo \(3/3\)$"])
    check_output("read-only", m.cmd("echo bye > /sys/module/demo/parameters/greeting"),
                 must=[r"Permission denied"])
    check_output("bad value", m.cmd("echo many > /sys/module/demo/parameters/count"),
                 must=[r"write error: Invalid argument"])
    check_output("greeting", m.cmd("cat /sys/module/demo/parameters/greeting"),
                 must=[r"^good day$"])
    check_output("modinfo", m.cmd("modinfo " + path),
                 must=[r"^license:        GPL$", r"^name:           demo$",
                       r"^parm:           count:how many times /proc/demo greets \(0-100\) \(int\)$"])
    check_output("rmmod", m.cmd("rmmod demo"), must=[r"demo: unloaded$"])
    check_output("after", m.cmd("cat /proc/demo"),
                 must=[r"^cat: /proc/demo: No such file or directory$"])
    check_output("after", m.cmd("lsmod"), must_not=[r"^demo"])
    check_output("after", m.cmd("ls /sys/module"), must_not=[r"^demo$"])
    check_output("again", m.cmd("rmmod demo"),
                 must=[r"^rmmod: ERROR: Module demo is not currently loaded$"])
    m.poweroff()


@scenario()
def module_dependency_refcounts(m):
    """A module using another's export pins it: lsmod names the user,
    rmmod refuses with kmod's words until the user is gone."""
    boot(m, ["dep_provider", "dep_user"])
    m.cmd("insmod /lib/modules/dep_provider.ko")
    check_output("insmod", m.cmd("insmod /lib/modules/dep_user.ko"),
                 must=[r"dep_user: dep_provider_value\(\) = 42$"])
    rows = lsmod(m)
    if rows.get("dep_provider", (0, 0, []))[1:] != (1, ["dep_user"]):
        raise ConsoleError("lsmod: dep_provider should be used by dep_user once: %r" % rows)
    check_output("refcnt", m.cmd("cat /sys/module/dep_provider/refcnt"), must=[r"^1$"])
    check_output("/proc/modules", m.cmd("cat /proc/modules"),
                 must=[r"^dep_provider \d+ 1 dep_user, Live 0x"])
    check_output("rmmod", m.cmd("rmmod dep_provider"),
                 must=[r"^rmmod: ERROR: Module dep_provider is in use by: dep_user$"])
    check_output("modinfo", m.cmd("modinfo /lib/modules/dep_user.ko"),
                 must=[r"^depends:        dep_provider$"])
    m.cmd("rmmod dep_user")
    check_output("refcnt", m.cmd("cat /sys/module/dep_provider/refcnt"), must=[r"^0$"])
    check_output("rmmod", m.cmd("rmmod dep_provider"), must_not=[r"ERROR"])
    if lsmod(m):
        raise ConsoleError("modules left after rmmod: %r" % lsmod(m))
    m.poweroff()


def corpus(arch):
    broken = os.path.join(build(arch), "tests", "modules", "broken")
    with open(os.path.join(broken, "manifest.json")) as f:
        return broken, json.load(f)


def load_corpus(m, entries):
    for entry in entries:
        path = "/lib/modules/" + entry["file"]
        if entry["file"] == "dup_name.ko":
            m.cmd("insmod /lib/modules/demo.ko")
        insmod_fails(m, path, entry["error"], entry["log"])
        if entry["file"] == "dup_name.ko":
            m.cmd("rmmod demo")
    for name, error, log in (
            ("unknown_symbol", "Unknown symbol in module",
             r"unknown_symbol: Unknown symbol scion_no_such_function \(err -2\)"),
            ("dup_export", "Invalid module format",
             r"dup_export: exports duplicate symbol strlen \(owned by kernel\)"),
            ("init_fails", "No such device", r"init_fails: failing init with -ENODEV")):
        insmod_fails(m, "/lib/modules/%s.ko" % name, error, log)


@scenario(timeout=240)
def module_broken_corpus_rejected(m):
    """Every module of the broken corpus is refused with the right insmod
    error and a one-line reason in the log; afterwards nothing is left
    loaded, the demo module still works, and a second pass over the
    corpus leaks no memory."""
    broken, entries = corpus(m.arch)
    files = [os.path.join(broken, e["file"]) for e in entries]
    boot(m, ["demo", "unknown_symbol", "dup_export", "init_fails"], files)
    load_corpus(m, entries)
    first = mem_free(m)
    load_corpus(m, entries)
    second = mem_free(m)
    if second != first:
        raise ConsoleError("MemFree %d kB after one pass, %d kB after two: a leak" % (first, second))
    if lsmod(m):
        raise ConsoleError("modules left loaded: %r" % lsmod(m))
    check_output("sysfs", m.cmd("ls /sys/module"), must_not=[r"\S"])
    check_output("insmod", m.cmd("insmod /lib/modules/demo.ko count=2"),
                 must=[r"demo: loaded: count=2"])
    check_output("cat", m.cmd("cat /proc/demo"), must=[r"^hello from demo \(2/2\)$"])
    m.cmd("rmmod demo")
    m.poweroff()


@scenario()
def module_failures_unwind(m):
    """A failing init, an unknown symbol, a GPL-only symbol from a
    proprietary module, a bad parameter: each load fails with kmod's
    message and leaves no trace (no sysfs directory, no lsmod line)."""
    boot(m, ["demo", "init_fails", "dep_provider", "proprietary"])
    for _ in range(2):      # the second time proves the first left nothing behind
        insmod_fails(m, "/lib/modules/init_fails.ko", "No such device")
        check_output("ls", m.cmd("ls /sys/module"), must_not=[r"init_fails"])
        check_output("cat", m.cmd("cat /proc/init_fails"), must=[r"No such file or directory"])
    m.cmd("insmod /lib/modules/dep_provider.ko")
    insmod_fails(m, "/lib/modules/proprietary.ko", "Unknown symbol in module",
                 r"proprietary: module license 'Proprietary' taints kernel\.")
    check_output("refcnt", m.cmd("cat /sys/module/dep_provider/refcnt"), must=[r"^0$"])
    m.cmd("rmmod dep_provider")
    insmod_fails(m, "/lib/modules/demo.ko", "Invalid parameters",
                 r"demo: 'abc' invalid for parameter 'count'", args="count=abc")
    insmod_fails(m, "/lib/modules/demo.ko", "Invalid parameters",
                 r"values: can only take 4 arguments", args="values=1,2,3,4,5")
    check_output("unknown", m.cmd("insmod /lib/modules/demo.ko bogus=1"),
                 must=[r"demo: unknown parameter 'bogus' ignored"], must_not=[r"ERROR"])
    m.cmd("rmmod demo")
    check_output("missing", m.cmd("insmod /lib/modules/nope.ko"),
                 must=[r"^insmod: ERROR: could not load module /lib/modules/nope.ko: "
                       r"No such file or directory$"])
    if lsmod(m):
        raise ConsoleError("modules left loaded: %r" % lsmod(m))
    m.poweroff()


@scenario()
def module_without_exit_stays(m):
    """A module with init and no exit cannot be unloaded (Linux: -EBUSY
    unless forced); a livepatch-marked one taints K and shows (K)."""
    boot(m, ["no_exit", "klp_marked"])
    m.cmd("insmod /lib/modules/no_exit.ko")
    check_output("rmmod", m.cmd("rmmod no_exit"),
                 must=[r"^rmmod: ERROR: could not remove module no_exit: Device or resource busy$"])
    check_output("lsmod", m.cmd("lsmod"), must=[r"^no_exit\s+\d+  0$"])
    check_output("insmod", m.cmd("insmod /lib/modules/klp_marked.ko"),
                 must=[r"klp_marked: tainting kernel with TAINT_LIVEPATCH"])
    check_output("/proc/modules", m.cmd("cat /proc/modules"),
                 must=[r"^klp_marked \d+ 0 - Live 0x[0-9a-f]{16} \(K\)$"])
    check_output("taint", m.cmd("cat /sys/module/klp_marked/taint"), must=[r"^K$"])
    check_output("rmmod", m.cmd("rmmod klp_marked"), must_not=[r"ERROR"])
    m.poweroff()


@scenario()
def module_symbols_in_kallsyms(m):
    """Module functions join kallsyms while loaded ([demo] in /proc/kallsyms)
    and leave with the module."""
    path = boot(m, ["demo"])["demo.ko"]
    m.cmd("insmod " + path)
    # x86_64: the module area at 0xffffffffa0000000; s390x: pages of RAM.
    addr = "ffffffffa[0-9a-f]{7}" if m.arch == "x86_64" else "0{8}[0-9a-f]{8}"
    check_output("kallsyms", m.cmd("cat /proc/kallsyms"),
                 must=[r"^%s t demo_show\t\[demo\]$" % addr,
                       r"^%s t demo_init\t\[demo\]$" % addr])
    m.cmd("rmmod demo")
    check_output("kallsyms", m.cmd("cat /proc/kallsyms"), must_not=[r"\[demo\]"])
    m.poweroff()


@scenario(timeout=240)
def module_external_make_m(m):
    """`make M=<dir>` builds a module outside the tree against its headers;
    it loads, taints the kernel O (out-of-tree) and unloads."""
    src = os.path.join(qemu_cmd.SRC, "tests", "modules", "external")
    with tempfile.TemporaryDirectory(prefix="scion-ext-") as tmp:
        ext = os.path.join(tmp, "ext")
        shutil.copytree(src, ext)
        proc = subprocess.run(["make", "-C", qemu_cmd.SRC, "ARCH=" + m.arch, "M=" + ext],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        m.note("make M=%s:\n%s" % (ext, proc.stdout.rstrip()))
        ko = os.path.join(ext, "hello_ext.ko")
        if proc.returncode or not os.path.exists(ko):
            raise ConsoleError("make M=%s failed (status %d)" % (ext, proc.returncode))
        path = boot(m, extra=[ko])["hello_ext.ko"]
    check_output("insmod", m.cmd("insmod %s who=Scion" % path),
                 must=[r"hello_ext: loading out-of-tree module taints kernel\.",
                       r"hello_ext: hello, Scion$"])
    check_output("/proc/modules", m.cmd("cat /proc/modules"),
                 must=[r"^hello_ext \d+ 0 - Live 0x[0-9a-f]{16} \(O\)$"])
    check_output("rmmod", m.cmd("rmmod hello_ext"), must=[r"hello_ext: goodbye, Scion$"])
    m.poweroff()


@scenario(arches=("x86_64",), reason="s390x has no GRUB")
def module_from_grub_iso(m):
    """GRUB loads the built modules as module2 entries; they appear in
    /lib/modules and load from there."""
    m.boot(iso=True)
    m.wait_prompt()
    check_output("ls", m.cmd("ls /lib/modules"), must=[r"^demo\.ko$"])
    check_output("insmod", m.cmd("insmod /lib/modules/demo.ko"), must=[r"demo: loaded"])
    m.cmd("rmmod demo")
    m.poweroff()


@scenario(timeout=240)
def module_load_benchmark(m):
    """Loading a module of 100 functions and 1,000 relocations: the time of
    each phase (figures, never a failure) and the comparisons per symbol
    lookup, which must stay within the binary searches' bound."""
    path = boot(m, ["modbench"])["modbench.ko"]
    out = m.cmd("modbench %s 9" % path, timeout=120)
    check_output("modbench", out, must=[r"relocations", r"median load \d+ us"])
    found = re.search(r"(\d+) name comparisons, [\d.]+ per symbol; kernel exports (\d+), log2 (\d+)",
                      out)
    undefined = re.search(r"(\d+) undefined symbols, (\d+) relocations", out)
    if not found or not undefined:
        raise ConsoleError("modbench printed no counts: %r" % out)
    compares, log2 = int(found.group(1)), int(found.group(3))
    symbols, relocs = int(undefined.group(1)), int(undefined.group(2))
    if relocs < 1000 or symbols < 40:
        raise ConsoleError("modbench module too small: %d relocations, %d symbols" % (relocs, symbols))
    # Two binary searches (EXPORT_SYMBOL, then _GPL) per symbol at most.
    if compares > symbols * 2 * (log2 + 1):
        raise ConsoleError("%d comparisons for %d symbols: not O(log n)" % (compares, symbols))
    m.note("benchmark: " + " | ".join(out.strip().splitlines()))
    m.poweroff()


def wx_probe_boot(m):
    """Boot with wx_probe, load it; return (its path, {"text": addr, ...})."""
    path = boot(m, ["wx_probe"])["wx_probe.ko"]
    check_output("insmod", m.cmd("insmod " + path), must_not=[r"ERROR"])
    found = re.search(r"^text ([0-9a-f]+) rodata ([0-9a-f]+) data ([0-9a-f]+) calls 0$",
                      m.cmd("cat /proc/wx_probe"), re.M)
    if not found:
        raise ConsoleError("/proc/wx_probe shows no addresses")
    where = dict(zip(("text", "rodata", "data"), (int(a, 16) for a in found.groups())))
    # What must keep working: a store into its data, a call of its text.
    check_output("data", m.cmd("echo data > /proc/wx_probe"), must_not=[r"\S"])
    m.cmd("echo call > /proc/wx_probe")
    check_output("call", m.cmd("cat /proc/wx_probe"), must=[r" calls 1$"])
    return path, where


def wx_fault(m, what, addr, must, pc="wx_probe_write"):
    """echo what > /proc/wx_probe must end in an oops for a fault at addr's
    page, with the program counter (RIP, the PSW) in function pc."""
    m.allow = {"oops", "panic", "bug"}
    m.sendline("echo %s > /proc/wx_probe" % what)
    found = m.expect(r"BUG: unable to handle page fault for address: ([0-9a-f]{16})",
                     what="the page fault line")
    faulted = int(found.group(1), 16)
    if faulted >> 12 != addr >> 12:
        raise ConsoleError("the fault is at %#x, not in the page of %#x" % (faulted, addr))
    for pattern in must + [r"Oops: ", r"(RIP|PSW) *: .*\b%s\+0x[0-9a-f]+/0x[0-9a-f]+ \[wx_probe\]" % pc,
                           r"Kernel panic - not syncing: Fatal exception"]:
        m.expect(pattern)
    m.kill()


@scenario()
def module_text_is_read_only(m):
    """A module's text is read-only once it is loaded (W^X): ftrace still
    patches it (through arch_text_poke()), the module's own store into it
    faults."""
    _, where = wx_probe_boot(m)
    tracing = "/sys/kernel/tracing"
    m.cmd("echo wx_probe_target > %s/set_ftrace_filter" % tracing)
    m.cmd("echo function > %s/current_tracer" % tracing)
    m.cmd("echo call > /proc/wx_probe")
    check_output("trace", m.cmd("cat %s/trace" % tracing),
                 must=[r" wx_probe_target <-wx_probe_write$"])
    m.cmd("echo nop > %s/current_tracer" % tracing)
    wx_fault(m, "text", where["text"], [r"write"])


@scenario()
def module_rodata_is_read_only(m):
    """A module's read-only data cannot be written once it is loaded."""
    _, where = wx_probe_boot(m)
    wx_fault(m, "rodata", where["rodata"], [r"write"])


@scenario()
def module_data_is_not_executable(m):
    """A copy of module code in the module's data does not run: x86_64's
    NX bit, s390x's instruction-execution protection."""
    _, where = wx_probe_boot(m)
    wx_fault(m, "exec", where["data"], [r"instruction fetch"], pc="wx_probe_data")


def two_module_cpio(m):
    return qemu_cmd.cpio_archive(build(m.arch), [module_path(m.arch, "demo"),
                                                 module_path(m.arch, "no_exit")])


@scenario()
def module_cpio_initrd_unpacked(m):
    """A boot module that is a newc cpio archive is unpacked into
    /lib/modules, each file under its own name (s390x's several modules
    travel so; on x86_64 a multiboot module may be one too)."""
    m.boot(modules=[two_module_cpio(m)])
    m.wait_prompt()
    check_output("ls", m.cmd("ls /lib/modules"), must=[r"\Ademo\.ko\nno_exit\.ko\n\Z"])
    check_output("dmesg", m.cmd("dmesg"),
                 must=[r"/lib/modules/demo\.ko: \d+ bytes from the cpio archive$"])
    check_output("insmod", m.cmd("insmod /lib/modules/demo.ko"), must=[r"demo: loaded"])
    m.poweroff()


@scenario()
def module_cpio_initrd_damaged_left_whole(m):
    """A damaged cpio archive is not unpacked at all: it stays one file,
    and one line gives the reason."""
    with open(two_module_cpio(m), "rb") as f:
        data = f.read()
    with tempfile.TemporaryDirectory(prefix="scion-cpio-") as tmp:
        cut = os.path.join(tmp, "cut.cpio")
        with open(cut, "wb") as f:
            f.write(data[:len(data) - 200])     # the trailer and the end of no_exit.ko
        m.boot(modules=[cut])
        m.wait_prompt()
    # One file: s390x names its initrd "initrd", x86_64 a module after its file.
    name = "initrd" if m.arch == "s390x" else "cut.cpio"
    check_output("dmesg", m.cmd("dmesg"),
                 must=[r"%s: not unpacked, a damaged cpio archive: "
                       r"'no_exit\.ko': \d+ bytes past the end$" % name])
    check_output("ls", m.cmd("ls /lib/modules"), must=[r"\A%s\n\Z" % re.escape(name)])
    m.poweroff()
