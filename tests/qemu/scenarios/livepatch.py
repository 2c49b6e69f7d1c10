# SPDX-License-Identifier: MIT
# Livepatch scenarios ported from Linux's selftests
# (tools/testing/selftests/livepatch): the same steps, and the same kernel
# log transcript (lines with "livepatch:" or "test_klp", timestamps
# stripped, "tainting kernel" lines dropped), plus Scion's own checks.
#
# Linux's functions.sh writes each command into the log ("% insmod ...");
# here the commands are left out of the expected transcript instead.

import os
import re

import qemu_cmd
from machine import ConsoleError

LOG_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] .*\n?", re.M)
from scenario import check_output, scenario

LP_SYSFS = "/sys/kernel/livepatch"
SB = ["sb", "--ymodem", "-k"]


def module_path(arch, name):
    path = os.path.join(qemu_cmd.build_dir(arch), "modules", name + ".ko")
    if not os.path.exists(path):
        raise ConsoleError("%s.ko is not built (make ARCH=%s)" % (name, arch))
    return path


def std_enable(mod):
    return ["livepatch: enabling patch '%s'" % mod,
            "livepatch: '%s': initializing patching transition" % mod,
            "livepatch: '%s': starting patching transition" % mod,
            "livepatch: '%s': completing patching transition" % mod,
            "livepatch: '%s': patching complete" % mod]


def std_disable(mod):
    return ["livepatch: '%s': initializing unpatching transition" % mod,
            "livepatch: '%s': starting unpatching transition" % mod,
            "livepatch: '%s': completing unpatching transition" % mod,
            "livepatch: '%s': unpatching complete" % mod]


def rx_send(m, files):
    """Send files to the booted guest with rx: {file name: its path there}."""
    m.sendline("rx")
    m.expect(r"rx: waiting for a YMODEM batch", what="rx's start line")
    result = m.run_on_console(SB + list(files), timeout=120)
    check_output("rx", m.wait_prompt(timeout=60), must=[r"^rx: %d files?, " % len(files)])
    if result.returncode:
        raise ConsoleError("sb failed: %s" % result.stderr)
    return {os.path.basename(f): "/tmp/" + os.path.basename(f) for f in files}


class Selftest:
    """functions.sh, for one booted machine with the modules named in it:
    in /lib/modules (multiboot modules on x86_64; on s390x one initrd, a
    cpio archive when there are several), or with rx=True sent over the
    console with rx into /tmp, as a user of `make run` would."""

    def __init__(self, m, modules, rx=False):
        self.m = m
        files = [module_path(m.arch, name) for name in modules]
        # pr_debug of livepatch into the log, as functions.sh turns on;
        # notices stay in the log and off the console (loglevel=5).
        m.boot(modules=[] if rx else files, cmdline="dyndbg=livepatch loglevel=5")
        m.wait_prompt()
        paths = rx_send(m, files) if rx else qemu_cmd.guest_paths(m.arch, files)
        self.paths = {name: paths[os.path.basename(f)] for name, f in zip(modules, files)}

    def start_test(self):
        self.m.cmd("dmesg -C")

    def poll(self, command, pattern, what, tries=200):
        """Run command until its output matches; the guest's sleep paces it."""
        for _ in range(tries):
            out = self.m.cmd(command)
            if re.search(pattern, out, re.M):
                return out
            self.m.cmd("sleep 0.05")
        raise ConsoleError("%s: %r never matched %r (last: %r)" % (what, command, pattern, out))

    def load_lp_nowait(self, mod, params=""):
        out = self.m.cmd(("insmod %s %s" % (self.paths[mod], params)).strip())
        if "ERROR" in out:
            raise ConsoleError("insmod %s failed: %s" % (mod, out))

    def load_lp(self, mod, params=""):
        self.load_lp_nowait(mod, params)
        self.wait_transition(mod.replace("-", "_"))  # the module's name

    def wait_transition(self, mod):
        self.poll("cat %s/%s/transition" % (LP_SYSFS, mod), r"^0$", "transition of " + mod)

    def load_failing_mod(self, mod, params=""):
        out = self.m.cmd(("insmod %s %s" % (self.paths[mod], params)).strip())
        if "insmod: ERROR: could not insert module" not in out:
            raise ConsoleError("insmod %s was expected to fail: %r" % (mod, out))
        return out

    def disable_lp(self, mod):
        out = LOG_LINE.sub("", self.m.cmd("echo 0 > %s/%s/enabled" % (LP_SYSFS, mod)))
        if out.strip():
            raise ConsoleError("disabling %s: %r" % (mod, out))
        self.poll("ls %s" % LP_SYSFS, r"\A(?![\s\S]*^%s$)" % re.escape(mod), "removal of " + mod)

    def unload_mod(self, mod):
        self.poll("cat /sys/module/%s/refcnt" % mod, r"^0$", "refcnt of " + mod)
        out = LOG_LINE.sub("", self.m.cmd("rmmod %s" % mod))
        if out.strip():
            raise ConsoleError("rmmod %s: %r" % (mod, out))

    def transcript(self):
        lines = []
        for line in self.m.cmd("dmesg").splitlines():
            text = re.sub(r"^\[\s*\d+\.\d+\] ", "", line)
            if not ("livepatch:" in text or "test_klp" in text):
                continue
            if re.search(r"(tainting|taints) kernel", text) or "klp_try_switch_task:" in text:
                continue
            lines.append(text)
        return lines

    def check_result(self, expected):
        got = self.transcript()
        if got != expected:
            raise ConsoleError("transcript differs from Linux's:\nexpected:\n  %s\ngot:\n  %s"
                               % ("\n  ".join(expected), "\n  ".join(got)))


@scenario()
def livepatch_basic_function_patching(m):
    """test-livepatch.sh "basic function patching"."""
    t = Selftest(m, ["test_klp_livepatch"])
    t.start_test()
    before = m.cmd("cat /proc/cmdline")
    t.load_lp("test_klp_livepatch")
    check_output("cat /proc/cmdline", m.cmd("cat /proc/cmdline"),
                 must=[r"^test_klp_livepatch: this has been live patched$"])
    t.disable_lp("test_klp_livepatch")
    t.unload_mod("test_klp_livepatch")
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("/proc/cmdline was not restored")
    t.check_result(std_enable("test_klp_livepatch") + std_disable("test_klp_livepatch"))
    m.poweroff()


@scenario()
def livepatch_multiple_livepatches(m):
    """test-livepatch.sh "multiple livepatches": two patches on different functions."""
    t = Selftest(m, ["test_klp_livepatch", "test_klp_atomic_replace"])
    t.start_test()

    def live():
        return [line for line in (m.cmd("cat /proc/cmdline") + m.cmd("cat /proc/meminfo")).splitlines()
                if "live patched" in line]

    t.load_lp("test_klp_livepatch")
    assert_lines(live(), ["test_klp_livepatch: this has been live patched"])
    t.load_lp("test_klp_atomic_replace", "replace=0")
    assert_lines(live(), ["test_klp_livepatch: this has been live patched",
                          "test_klp_atomic_replace: this has been live patched"])
    t.disable_lp("test_klp_atomic_replace")
    t.unload_mod("test_klp_atomic_replace")
    assert_lines(live(), ["test_klp_livepatch: this has been live patched"])
    t.disable_lp("test_klp_livepatch")
    t.unload_mod("test_klp_livepatch")
    assert_lines(live(), [])
    t.check_result(std_enable("test_klp_livepatch") + std_enable("test_klp_atomic_replace") +
                   std_disable("test_klp_atomic_replace") + std_disable("test_klp_livepatch"))
    m.poweroff()


def assert_lines(got, expected):
    if got != expected:
        raise ConsoleError("expected %r, got %r" % (expected, got))


@scenario(timeout=300)
def livepatch_syscall_hammered(m):
    """test-syscall.sh: patch getpid while 64 processes call it in a loop;
    each switches on its way back to user mode and calls the new one."""
    t = Selftest(m, ["test_klp_syscall"])
    t.start_test()
    pids = []
    for _ in range(64):
        out = m.cmd("getpid-loop &")
        pids.append(int(re.search(r"^\[(\d+)\]$", out, re.M).group(1)))
    t.load_lp("test_klp_syscall", "klp_pids=" + ",".join(map(str, pids)))
    t.poll("cat /sys/kernel/test_klp_syscall/npids", r"^0$", "npids")
    m.cmd("kill -KILL " + " ".join(map(str, pids)), timeout=60)
    m.cmd("wait", timeout=120)
    t.disable_lp("test_klp_syscall")
    t.unload_mod("test_klp_syscall")
    t.check_result(std_enable("test_klp_syscall") + std_disable("test_klp_syscall"))
    m.poweroff()


@scenario()
def livepatch_sysfs(m):
    """test-sysfs.sh "sysfs test": modes and values of a patch's files."""
    t = Selftest(m, ["test_klp_livepatch"])
    t.start_test()
    t.load_lp("test_klp_livepatch")
    d = "%s/test_klp_livepatch" % LP_SYSFS
    check_output("ls -l", m.cmd("ls -l %s" % LP_SYSFS),
                 must=[r"^drwxr-xr-x .* test_klp_livepatch$"])
    check_output("ls -l", m.cmd("ls -l %s" % d), must=[
        r"^-rw-r--r-- .* enabled$", r"^--w------- .* force$", r"^-r--r--r-- .* replace$",
        r"^-r--r--r-- .* stack_order$", r"^-r--r--r-- .* transition$", r"^drwxr-xr-x .* vmlinux$"])
    check_output("ls -l vmlinux", m.cmd("ls -l %s/vmlinux" % d), must=[
        r"^-r--r--r-- .* patched$", r"^drwxr-xr-x .* cmdline_proc_show,1$"])
    for name, value in (("enabled", "1"), ("replace", "0"), ("stack_order", "1"),
                        ("transition", "0"), ("vmlinux/patched", "1")):
        check_output(name, m.cmd("cat %s/%s" % (d, name)), must=[r"\A%s\n\Z" % value])
    # Impossible writes: one-line errors, nothing changes.
    check_output("enabled=1 again", m.cmd("echo 1 > %s/enabled" % d),
                 must=[r"^echo: write error: Invalid argument$"])
    check_output("enabled=x", m.cmd("echo x > %s/enabled" % d),
                 must=[r"^echo: write error: Invalid argument$"])
    check_output("force outside a transition", m.cmd("echo 1 > %s/force" % d),
                 must=[r"^echo: write error: Invalid argument$"])
    check_output("force=0", m.cmd("echo 0 > %s/force" % d), must=[r"\A\Z"])
    check_output("transition is read-only", m.cmd("echo 1 > %s/transition" % d),
                 must=[r"Permission denied$"])
    check_output("force is write-only", m.cmd("cat %s/force" % d), must=[r"Permission denied$"])
    check_output("still patched", m.cmd("cat /proc/cmdline"), must=[r"this has been live patched"])
    check_output("rmmod while enabled", m.cmd("rmmod test_klp_livepatch"),
                 must=[r"^rmmod: ERROR: Module test_klp_livepatch is in use$"])
    t.disable_lp("test_klp_livepatch")
    t.unload_mod("test_klp_livepatch")
    t.check_result(std_enable("test_klp_livepatch") + std_disable("test_klp_livepatch"))
    m.poweroff()


@scenario()
def livepatch_taint_and_proc_state(m):
    """TAINT_LIVEPATCH ('K') once a patch module loads; patch_state is -1 outside transitions."""
    t = Selftest(m, ["test_klp_livepatch"])
    check_output("tainted", m.cmd("cat /proc/sys/kernel/tainted"), must=[r"\A0\n\Z"])
    t.load_lp("test_klp_livepatch")
    check_output("tainted", m.cmd("cat /proc/sys/kernel/tainted"), must=[r"\A32768\n\Z"])
    check_output("lsmod", m.cmd("lsmod"), must=[r"^test_klp_livepatch\s+\d+\s+1"])
    check_output("patch_state", m.cmd("cat /proc/1/patch_state"), must=[r"\A-1\n\Z"])
    t.disable_lp("test_klp_livepatch")
    t.unload_mod("test_klp_livepatch")
    m.poweroff()


# ---- Stalled transitions: a kernel thread asleep in the patched function ----

BLOCKER = "test_klp_blocker_patch"


def start_stalled(m, interruptible=False):
    """Boot, start the klp_blocker thread, load the patch: the transition stalls."""
    t = Selftest(m, [BLOCKER])
    m.cmd("echo %s > /proc/klp_blocker" % ("start-interruptible" if interruptible else "start"))
    pid = int(t.poll("cat /proc/klp_blocker", r"^pid [1-9]\d* .* entries [1-9]", "blocker").split()[1])
    t.start_test()
    t.load_lp_nowait(BLOCKER)
    d = "%s/%s" % (LP_SYSFS, BLOCKER)
    check_output("transition", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    # The blocker has not switched; tasks that could have, did (init: pid 1).
    t.poll("cat /proc/1/patch_state", r"^1$", "init's patch_state")
    check_output("blocker patch_state", m.cmd("cat /proc/%d/patch_state" % pid), must=[r"\A0\n\Z"])
    check_output("still stalled", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    return t, pid, d


STALL_START = ["livepatch: enabling patch '%s'" % BLOCKER,
               "livepatch: '%s': initializing patching transition" % BLOCKER,
               "livepatch: '%s': starting patching transition" % BLOCKER]


@scenario()
def livepatch_stall_reversed(m):
    """Writing 0 to enabled during a stalled patching transition reverses it;
    the blocker is still unpatched, so the reverse completes at once."""
    t, pid, d = start_stalled(m)
    m.cmd("echo 0 > %s/enabled" % d)
    t.poll("ls %s" % LP_SYSFS, r"\A(?![\s\S]*^%s$)" % BLOCKER, "removal")
    check_output("patch_state", m.cmd("cat /proc/%d/patch_state" % pid), must=[r"\A-1\n\Z"])
    t.unload_mod(BLOCKER)
    m.cmd("echo stop > /proc/klp_blocker")
    t.check_result(STALL_START + [
        "livepatch: '%s': reversing transition from patching to unpatching" % BLOCKER,
        "livepatch: '%s': starting unpatching transition" % BLOCKER,
        "livepatch: '%s': completing unpatching transition" % BLOCKER,
        "livepatch: '%s': unpatching complete" % BLOCKER])
    m.poweroff()


@scenario()
def livepatch_stall_unblocked(m):
    """The blocker leaves the old function: the next retry completes the transition."""
    t, pid, d = start_stalled(m)
    m.cmd("echo release > /proc/klp_blocker")
    t.wait_transition(BLOCKER)
    check_output("enabled", m.cmd("cat %s/enabled" % d), must=[r"\A1\n\Z"])
    t.disable_lp(BLOCKER)
    t.unload_mod(BLOCKER)
    m.cmd("echo stop > /proc/klp_blocker")
    t.check_result(STALL_START + [
        "livepatch: '%s': completing patching transition" % BLOCKER,
        "livepatch: '%s': patching complete" % BLOCKER] + std_disable(BLOCKER))
    m.poweroff()


@scenario(timeout=180)
def livepatch_stall_fake_signal(m):
    """An interruptible blocker: after the retries, the fake signal wakes it
    out of the old function and it switches at its next cond_resched()."""
    t, pid, d = start_stalled(m, interruptible=True)
    t.poll("cat %s/transition" % d, r"^0$", "transition", tries=600)
    m.cmd("echo release > /proc/klp_blocker")  # else it stalls the unpatching in turn
    t.disable_lp(BLOCKER)
    t.unload_mod(BLOCKER)
    m.cmd("echo stop > /proc/klp_blocker")
    t.check_result(STALL_START + [
        "livepatch: signaling remaining tasks",
        "livepatch: '%s': completing patching transition" % BLOCKER,
        "livepatch: '%s': patching complete" % BLOCKER] + std_disable(BLOCKER))
    m.poweroff()


@scenario()
def livepatch_stall_forced(m):
    """force switches the blocker anyway, in both directions. Forcing the
    unpatching marks the patch forced: its module can never be removed."""
    t, pid, d = start_stalled(m)
    m.cmd("echo 1 > %s/force" % d)
    t.wait_transition(BLOCKER)
    check_output("patch_state", m.cmd("cat /proc/%d/patch_state" % pid), must=[r"\A-1\n\Z"])
    # Kick the blocker into the new function, then stall the unpatching on it.
    m.cmd("echo kick > /proc/klp_blocker")
    t.poll("cat /sys/module/%s/parameters/new_entries" % BLOCKER, r"^[1-9]", "new function")
    m.cmd("echo 0 > %s/enabled" % d)
    check_output("transition", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    m.cmd("echo 1 > %s/force" % d)
    t.poll("ls %s" % LP_SYSFS, r"\A(?![\s\S]*^%s$)" % BLOCKER, "removal")
    check_output("rmmod", m.cmd("rmmod %s" % BLOCKER),
                 must=[r"^rmmod: ERROR: Module %s is in use$" % BLOCKER])
    m.cmd("echo release > /proc/klp_blocker")
    m.cmd("echo stop > /proc/klp_blocker")
    t.check_result(STALL_START + [
        "livepatch: forcing remaining tasks to the patched state",
        "livepatch: '%s': completing patching transition" % BLOCKER,
        "livepatch: '%s': patching complete" % BLOCKER,
        "livepatch: '%s': initializing unpatching transition" % BLOCKER,
        "livepatch: '%s': starting unpatching transition" % BLOCKER,
        "livepatch: forcing remaining tasks to the patched state",
        "livepatch: '%s': completing unpatching transition" % BLOCKER,
        "livepatch: '%s': unpatching complete" % BLOCKER])
    m.poweroff()


# ---- Stacking and errors ----

@scenario()
def livepatch_stacking(m):
    """Two patches on one function: the newer wins; disabling it brings the
    older back; disabling that one restores the original."""
    t = Selftest(m, ["test_klp_livepatch", "livepatch-sample"])
    before = m.cmd("cat /proc/cmdline")
    t.load_lp("test_klp_livepatch")
    t.load_lp("livepatch-sample")
    check_output("top", m.cmd("cat /proc/cmdline"), must=[r"\Athis has been live patched\n\Z"])
    check_output("stack_order", m.cmd("cat %s/livepatch_sample/stack_order" % LP_SYSFS),
                 must=[r"\A2\n\Z"])
    t.disable_lp("livepatch_sample")
    check_output("previous", m.cmd("cat /proc/cmdline"),
                 must=[r"\Atest_klp_livepatch: this has been live patched\n\Z"])
    check_output("stack_order", m.cmd("cat %s/test_klp_livepatch/stack_order" % LP_SYSFS),
                 must=[r"\A1\n\Z"])
    t.unload_mod("livepatch_sample")
    t.disable_lp("test_klp_livepatch")
    t.unload_mod("test_klp_livepatch")
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("/proc/cmdline was not restored")
    m.poweroff()


def refused(m, t, mod, params, errors):
    t.start_test()
    check_output("insmod", t.load_failing_mod(mod, params),
                 must=[r"Invalid parameters$"])
    got = t.transcript()
    for line in errors:
        if line not in got:
            raise ConsoleError("missing %r in the log: %r" % (line, got))
    check_output("nothing left", m.cmd("ls %s" % LP_SYSFS), must=[r"\A\Z"])
    check_output("not loaded", m.cmd("lsmod"), must_not=[r"^%s " % mod])


@scenario()
def livepatch_bad_symbols(m):
    """A missing symbol, an ambiguous one and a bad sympos each fail with
    Linux's message; a module not marked livepatch is refused; nothing
    stays patched."""
    t = Selftest(m, ["test_klp_bad_patch", "test_klp_not_livepatch"])
    before = m.cmd("cat /proc/cmdline")
    refused(m, t, "test_klp_bad_patch", "bad=missing",
            ["livepatch: symbol 'klp_no_such_function' not found in symbol table"])
    refused(m, t, "test_klp_bad_patch", "bad=ambiguous",
            ["livepatch: unresolvable ambiguity for symbol 'kallsyms_test_dup' in object 'vmlinux'"])
    refused(m, t, "test_klp_bad_patch", "bad=sympos",
            ["livepatch: symbol position 3 for symbol 'kallsyms_test_dup' in object 'vmlinux' not found"])
    refused(m, t, "test_klp_not_livepatch", "",
            ["livepatch: module test_klp_not_livepatch is not marked as a livepatch module"])
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("/proc/cmdline changed")
    m.poweroff()


# ---- (Un)patch callbacks (test-callbacks.sh), for the kernel object ----

DEMO = "test_klp_callbacks_demo"


@scenario()
def livepatch_callbacks_vmlinux(m):
    """Callbacks of the vmlinux object around a patch's life; the module
    objects' callbacks do not run (their modules are not loaded)."""
    t = Selftest(m, [DEMO])
    t.start_test()
    t.load_lp(DEMO)
    t.disable_lp(DEMO)
    t.unload_mod(DEMO)
    t.check_result([
        "livepatch: enabling patch '%s'" % DEMO,
        "livepatch: '%s': initializing patching transition" % DEMO,
        "%s: pre_patch_callback: vmlinux" % DEMO,
        "livepatch: '%s': starting patching transition" % DEMO,
        "livepatch: '%s': completing patching transition" % DEMO,
        "%s: post_patch_callback: vmlinux" % DEMO,
        "livepatch: '%s': patching complete" % DEMO,
        "livepatch: '%s': initializing unpatching transition" % DEMO,
        "%s: pre_unpatch_callback: vmlinux" % DEMO,
        "livepatch: '%s': starting unpatching transition" % DEMO,
        "livepatch: '%s': completing unpatching transition" % DEMO,
        "%s: post_unpatch_callback: vmlinux" % DEMO,
        "livepatch: '%s': unpatching complete" % DEMO])
    m.poweroff()


@scenario()
def livepatch_callbacks_pre_patch_fails(m):
    """test-callbacks.sh "pre-patch callback -ENODEV": the patch is refused
    (insmod: No such device), the transition is canceled."""
    t = Selftest(m, [DEMO])
    t.start_test()
    check_output("insmod", t.load_failing_mod(DEMO, "pre_patch_ret=-19"),
                 must=[r"No such device$"])
    check_output("nothing left", m.cmd("ls %s" % LP_SYSFS), must=[r"\A\Z"])
    t.check_result([
        "livepatch: enabling patch '%s'" % DEMO,
        "livepatch: '%s': initializing patching transition" % DEMO,
        "%s: pre_patch_callback: vmlinux" % DEMO,
        "livepatch: pre-patch callback failed for object 'vmlinux'",
        "livepatch: failed to enable patch '%s'" % DEMO,
        "livepatch: '%s': canceling patching transition, going to unpatch" % DEMO,
        "livepatch: '%s': completing unpatching transition" % DEMO,
        "livepatch: '%s': unpatching complete" % DEMO])
    m.poweroff()


# ---- Atomic replace (test-livepatch.sh "atomic replace livepatch", with LP1 only) ----

@scenario()
def livepatch_atomic_replace(m):
    """A replace patch takes over: the older patch's function runs the
    original again (a nop), the older patch leaves sysfs and its module can
    be removed without disabling, and its callbacks never run."""
    t = Selftest(m, ["test_klp_livepatch", "test_klp_atomic_replace"])
    before = m.cmd("cat /proc/cmdline")
    t.start_test()
    t.load_lp("test_klp_livepatch")
    check_output("cmdline", m.cmd("cat /proc/cmdline"), must=[r"this has been live patched"])
    t.load_lp("test_klp_atomic_replace", "replace=1")
    t.poll("ls %s" % LP_SYSFS, r"\Atest_klp_atomic_replace\n\Z", "one patch left")
    check_output("replace", m.cmd("cat %s/test_klp_atomic_replace/replace" % LP_SYSFS),
                 must=[r"\A1\n\Z"])
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("cmdline_proc_show should run the original again (nop)")
    check_output("meminfo", m.cmd("cat /proc/meminfo"),
                 must=[r"\Atest_klp_atomic_replace: this has been live patched\n\Z"])
    t.unload_mod("test_klp_livepatch")
    t.disable_lp("test_klp_atomic_replace")
    t.unload_mod("test_klp_atomic_replace")
    check_output("meminfo", m.cmd("cat /proc/meminfo"), must=[r"^MemTotal:"])
    t.check_result(std_enable("test_klp_livepatch") + std_enable("test_klp_atomic_replace") +
                   std_disable("test_klp_atomic_replace"))
    m.poweroff()


@scenario()
def livepatch_one_transition_at_a_time(m):
    """While a transition is stalled, enabling another patch fails with
    -EBUSY (insmod: Device or resource busy) and leaves nothing behind."""
    t = Selftest(m, [BLOCKER, "test_klp_livepatch"])
    m.cmd("echo start > /proc/klp_blocker")
    t.poll("cat /proc/klp_blocker", r"^pid [1-9]\d* .* entries [1-9]", "blocker")
    t.load_lp_nowait(BLOCKER)
    check_output("transition", m.cmd("cat %s/%s/transition" % (LP_SYSFS, BLOCKER)),
                 must=[r"\A1\n\Z"])
    check_output("insmod", t.load_failing_mod("test_klp_livepatch"),
                 must=[r"Device or resource busy$"])
    check_output("sysfs", m.cmd("ls %s" % LP_SYSFS), must=[r"\A%s\n\Z" % BLOCKER])
    check_output("cmdline", m.cmd("cat /proc/cmdline"), must_not=[r"live patched"])
    m.cmd("echo release > /proc/klp_blocker")
    t.wait_transition(BLOCKER)
    t.load_lp("test_klp_livepatch")
    check_output("cmdline", m.cmd("cat /proc/cmdline"), must=[r"live patched"])
    t.disable_lp("test_klp_livepatch")
    t.disable_lp(BLOCKER)
    t.unload_mod("test_klp_livepatch")
    t.unload_mod(BLOCKER)
    m.cmd("echo stop > /proc/klp_blocker")
    m.poweroff()
