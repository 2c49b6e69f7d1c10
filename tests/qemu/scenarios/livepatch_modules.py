# SPDX-License-Identifier: MIT
# Livepatch and modules: patches for a module that loads before, after, or
# never; the module going away under a patch; livepatch relocations made
# by tools/klp-convert, for the kernel's statics and for a module's. In
# the style of livepatch.py (Linux's selftests: the same kernel log
# transcript), whose Selftest helper these use.
#
# x86_64 gets the modules as multiboot modules, s390x in a cpio initrd;
# livepatch_sample_over_rx sends one over the console with rx instead, as a
# user of `make run` does.

import json
import os
import re

import qemu_cmd
from machine import ConsoleError
from scenario import check_output, scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
Selftest, std_enable, std_disable, LP_SYSFS = _lp.Selftest, _lp.std_enable, _lp.std_disable, _lp.LP_SYSFS

CMDLINE = "dyndbg=livepatch loglevel=5"     # as Selftest boots
# Booted, with each module named in the guest.
selftest = Selftest


def boot_with(m, files):
    """Boot with module files anywhere in the build: {file name: path in the guest}."""
    m.boot(modules=files, cmdline=CMDLINE)
    m.wait_prompt()
    return qemu_cmd.guest_paths(m.arch, files)


@scenario()
def livepatch_sample_over_rx(m):
    """What a user of `make run` does: send livepatch-sample.ko over the
    console with rx (YMODEM), load it, see /proc/cmdline patched, disable
    it, remove it."""
    t = Selftest(m, ["livepatch-sample"], rx=True)
    before = m.cmd("cat /proc/cmdline")
    t.start_test()
    t.load_lp("livepatch-sample")
    check_output("cat /proc/cmdline", m.cmd("cat /proc/cmdline"),
                 must=[r"\Athis has been live patched\n\Z"])
    t.disable_lp("livepatch_sample")
    t.unload_mod("livepatch_sample")
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("/proc/cmdline was not restored")
    t.check_result(std_enable("livepatch_sample") + std_disable("livepatch_sample"))
    m.poweroff()


TARGET, PATCH = "test_klp_mod_target", "test_klp_mod_patch"
PROC = "cat /proc/%s" % TARGET
PATCHED = "%s/%s/%s/patched" % (LP_SYSFS, PATCH, TARGET)


def original(reads):
    return r"\A%s: this is the original, read %d\n\Z" % (TARGET, reads)


def patched(reads):
    return r"\A%s: this has been live patched, read %d \(%d\)\n\Z" % (PATCH, reads, reads)


def applying(patch, mod):
    return "livepatch: applying patch '%s' to loading module '%s'" % (patch, mod)


def reverting(patch, mod):
    return "livepatch: reverting patch '%s' on unloading module '%s'" % (patch, mod)


def module_address(m, mod):
    found = re.search(r"^%s \d+ \d+ \S+ Live (0x[0-9a-f]+)" % mod, m.cmd("cat /proc/modules"), re.M)
    if not found:
        raise ConsoleError("%s is not in /proc/modules" % mod)
    return int(found.group(1), 16)


def load_mod(t, mod):
    out = t.m.cmd("insmod %s" % t.paths[mod])
    if "ERROR" in out:
        raise ConsoleError("insmod %s failed: %s" % (mod, out))


@scenario()
def livepatch_module_patched_at_enable(m):
    """The target is loaded first: the patch patches it when enabled, and
    its new function reaches the target's statics (klp relocations)."""
    t = selftest(m, [TARGET, PATCH])
    t.start_test()
    load_mod(t, TARGET)
    check_output(PROC, m.cmd(PROC), must=[original(1)])
    t.load_lp(PATCH)
    check_output(PROC, m.cmd(PROC), must=[patched(2)])
    check_output("patched", m.cmd("cat " + PATCHED), must=[r"\A1\n\Z"])
    t.disable_lp(PATCH)
    t.unload_mod(PATCH)
    check_output(PROC, m.cmd(PROC), must=[original(3)])
    t.unload_mod(TARGET)
    t.check_result(["%s: test_klp_mod_target_init" % TARGET] + std_enable(PATCH) +
                   std_disable(PATCH) + ["%s: test_klp_mod_target_exit" % TARGET])
    m.poweroff()


@scenario()
def livepatch_module_loaded_after_patch(m):
    """Deferred module patching: the target loads after the patch and is
    patched as it comes; unloaded, it is reverted (patched = 0) and the
    relocations into it cleared; loaded again, patched again, with the
    relocations applied to the new copy (its count starts over)."""
    t = selftest(m, [TARGET, PATCH, "demo"])
    t.start_test()
    t.load_lp(PATCH)
    check_output("patched", m.cmd("cat " + PATCHED), must=[r"\A0\n\Z"])
    load_mod(t, TARGET)
    check_output("patched", m.cmd("cat " + PATCHED), must=[r"\A1\n\Z"])
    check_output(PROC, m.cmd(PROC), must=[patched(1)])
    check_output(PROC, m.cmd(PROC), must=[patched(2)])
    first = module_address(m, TARGET)
    t.unload_mod(TARGET)
    check_output("patched", m.cmd("cat " + PATCHED), must=[r"\A0\n\Z"])
    check_output("enabled", m.cmd("cat %s/%s/enabled" % (LP_SYSFS, PATCH)), must=[r"\A1\n\Z"])
    # demo takes the old place: the relocations must follow the target.
    load_mod(t, "demo")
    load_mod(t, TARGET)
    if module_address(m, TARGET) == first:
        raise ConsoleError("%s came back at %#x: the test needs another address" % (TARGET, first))
    check_output("patched", m.cmd("cat " + PATCHED), must=[r"\A1\n\Z"])
    check_output(PROC, m.cmd(PROC), must=[patched(1)])
    t.disable_lp(PATCH)
    t.unload_mod(PATCH)
    check_output(PROC, m.cmd(PROC), must=[original(2)])
    t.unload_mod(TARGET)
    t.check_result(std_enable(PATCH) + [
        applying(PATCH, TARGET),
        "%s: test_klp_mod_target_init" % TARGET,
        "%s: test_klp_mod_target_exit" % TARGET,
        reverting(PATCH, TARGET),
        applying(PATCH, TARGET),
        "%s: test_klp_mod_target_init" % TARGET] + std_disable(PATCH) + [
        "%s: test_klp_mod_target_exit" % TARGET])
    m.poweroff()


@scenario()
def livepatch_module_missing_symbol(m):
    """A patch for a function the target lacks loads, since the target is
    not there to check; then the target cannot load: livepatch refuses
    it, and nothing of it remains (not even its ftrace sites). Once the
    patch is gone it loads."""
    missing = "test_klp_mod_missing"
    t = selftest(m, [TARGET, missing])
    t.start_test()
    t.load_lp(missing)
    out = t.load_failing_mod(TARGET)
    check_output("insmod", out, must=[r"^insmod: ERROR: could not insert module %s: "
                                      r"Invalid parameters$" % t.paths[TARGET]])
    check_output("lsmod", m.cmd("lsmod"), must_not=[r"^%s " % TARGET])
    check_output("proc", m.cmd(PROC), must=[r"No such file or directory$"])
    check_output("ftrace", m.cmd("cat /sys/kernel/tracing/available_filter_functions", timeout=60),
                 must_not=[r"\[%s\]" % TARGET])
    t.disable_lp(missing)
    t.unload_mod(missing)
    load_mod(t, TARGET)
    check_output(PROC, m.cmd(PROC), must=[original(1)])
    t.unload_mod(TARGET)
    t.check_result(std_enable(missing) + [
        "livepatch: symbol 'test_klp_mod_target_no_such_function' not found in symbol table",
        "livepatch: failed to initialize patch '%s' for module '%s' (-22)" % (missing, TARGET),
        "livepatch: patch '%s' failed for module '%s', refusing to load module '%s'"
        % (missing, TARGET, TARGET)] + std_disable(missing) + [
        "%s: test_klp_mod_target_init" % TARGET,
        "%s: test_klp_mod_target_exit" % TARGET])
    m.poweroff()


@scenario()
def livepatch_vmlinux_module_refused(m):
    """A module named vmlinux would stand for the kernel in klp_object
    names: livepatch refuses it before its init can run."""
    path = os.path.join(qemu_cmd.build_dir(m.arch), "tests", "modules", "vmlinux.ko")
    if not os.path.exists(path):
        raise ConsoleError("vmlinux.ko is not built (make ARCH=%s)" % m.arch)
    m.boot(modules=[path])
    m.wait_prompt()
    guest = qemu_cmd.guest_paths(m.arch, [path])["vmlinux.ko"]
    check_output("insmod", m.cmd("insmod " + guest), must=[
        r"livepatch: vmlinux\.ko: invalid module name$",
        r"^insmod: ERROR: could not insert module %s: Invalid parameters$" % guest],
        must_not=[r"init ran"])
    check_output("lsmod", m.cmd("lsmod"), must_not=[r"^vmlinux "])
    m.poweroff()


STATIC_CALL = "test_klp_static_call"
STATIC_LINE = ("kallsyms_test_target(13) = 40, kallsyms_test_dup,2 = 2, kallsyms_test_data = 1, "
               "kallsyms_test_rodata = 'kallsyms test read-only data'")


@scenario()
def livepatch_static_call(m):
    """A patch module calling static kernel functions (one of them by
    position among two of the name), and reading an unexported global
    and static data: klp-convert's relocations are applied as it loads,
    so its init already calls them, and so does its replacement of
    cmdline_proc_show()."""
    t = Selftest(m, [STATIC_CALL])
    t.start_test()
    t.load_lp(STATIC_CALL)
    check_output("/proc/cmdline", m.cmd("cat /proc/cmdline"),
                 must=[r"\A%s: %s\n\Z" % (STATIC_CALL, STATIC_LINE.replace("(", r"\(")
                                             .replace(")", r"\)"))])
    t.disable_lp(STATIC_CALL)
    t.unload_mod(STATIC_CALL)
    check_output("/proc/cmdline", m.cmd("cat /proc/cmdline"), must_not=[STATIC_CALL])
    t.check_result(["%s: %s" % (STATIC_CALL, STATIC_LINE)] + std_enable(STATIC_CALL) +
                   std_disable(STATIC_CALL))
    m.poweroff()


def log_lines(m):
    return [re.sub(r"^\[\s*\d+\.\d+\] ", "", line) for line in m.cmd("dmesg").splitlines()]


@scenario(timeout=300)
def livepatch_relocations_refused(m):
    """Patch modules with broken livepatch relocations (made from good ones
    by tests/modules/make_klp_broken.py): each is refused with Linux's
    message, or, for a module's relocations, makes that module fail to
    load; nothing is left behind, and the good patch still works."""
    broken = os.path.join(qemu_cmd.build_dir(m.arch), "tests", "modules", "klp-broken")
    with open(os.path.join(broken, "manifest.json")) as f:
        entries = json.load(f)
    files = [os.path.join(broken, e["file"]) for e in entries]
    paths = boot_with(m, files + [_lp.module_path(m.arch, n) for n in (TARGET, STATIC_CALL)])
    target = paths[TARGET + ".ko"]
    for e in entries:
        m.cmd("dmesg -C")
        path = paths[e["file"]]
        failing = path if e["load"] == "self" else target
        if e["load"] == "target":
            check_output("insmod " + path, m.cmd("insmod " + path), must_not=[r"ERROR"])
        out = m.cmd("insmod " + failing)
        check_output("insmod " + failing, out, must=[
            r"^insmod: ERROR: could not insert module %s: %s$" % (re.escape(failing), e["error"])])
        lines = log_lines(m)
        for line in e["log"]:
            if line not in lines:
                raise ConsoleError("%s: no log line %r in:\n%s" % (e["file"], line, "\n".join(lines)))
        if e["load"] == "target":
            m.cmd("echo 0 > %s/%s/enabled" % (LP_SYSFS, e["module"]))
            for _ in range(100):        # the patch is freed by a worker
                if "ERROR" not in m.cmd("rmmod " + e["module"]):
                    break
                m.cmd("sleep 0.05")
        check_output("lsmod", m.cmd("lsmod"), must_not=[r"^%s " % e["module"], r"^%s " % TARGET])
    m.cmd("dmesg -C")
    check_output("insmod", m.cmd("insmod " + paths[STATIC_CALL + ".ko"]), must_not=[r"ERROR"])
    check_output("/proc/cmdline", m.cmd("cat /proc/cmdline"), must=[r"^%s: " % STATIC_CALL])
    m.poweroff()
