# SPDX-License-Identifier: MIT
# Atomic replace [Linux 5.1]: Linux's test-livepatch.sh "atomic replace
# livepatch" in full (three patches in force, one replace patch takes over
# from all of them), and a replace transition reversed in flight, after
# which the patches it was replacing are still in force. (livepatch.py's livepatch_atomic_replace is the
# script's older, one-patch form.)

import re

from machine import ConsoleError
from scenario import check_output, scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
_cb = scenario_helpers("livepatch_callbacks")
LP_SYSFS, std_enable, std_disable = _lp.LP_SYSFS, _lp.std_enable, _lp.std_disable
selftest, DEMO, VMLINUX = _cb.selftest, _cb.DEMO, _cb.VMLINUX

LP, REPLACE, SYSCALL, BLOCKER = ("test_klp_livepatch", "test_klp_atomic_replace",
                                 "test_klp_syscall", "test_klp_blocker_patch")
LIVE_LP = "%s: this has been live patched" % LP
LIVE_REPLACE = "%s: this has been live patched" % REPLACE


def live(m):
    """What functions.sh greps: the 'live patched' lines of cmdline and meminfo."""
    return [line for line in (m.cmd("cat /proc/cmdline") + m.cmd("cat /proc/meminfo")).splitlines()
            if "live patched" in line]


def expect_live(m, expected):
    got = live(m)
    if got != expected:
        raise ConsoleError("live patched lines: expected %r, got %r" % (expected, got))


def patches(m):
    return sorted(m.cmd("ls %s" % LP_SYSFS).split())


@scenario()
def livepatch_atomic_replace_three(m):
    """test-livepatch.sh "atomic replace livepatch": test_klp_livepatch,
    test_klp_syscall and test_klp_callbacks_demo in force, then
    test_klp_atomic_replace replace=1: it is the only patch left, cmdline
    runs its original again (a nop), the replaced patches'
    unpatch callbacks never run, and their modules are removed without
    being disabled."""
    t = selftest(m, [LP, SYSCALL, DEMO, REPLACE])
    before = m.cmd("cat /proc/cmdline")
    t.start_test()
    t.load_lp(LP)
    expect_live(m, [LIVE_LP])
    t.load_lp(SYSCALL)
    t.load_lp(DEMO)
    if patches(m) != sorted([LP, SYSCALL, DEMO]):
        raise ConsoleError("expected three patches, got %r" % patches(m))
    t.load_lp(REPLACE, "replace=1")
    t.poll("ls %s" % LP_SYSFS, r"\A%s\n\Z" % REPLACE, "only %s left" % REPLACE)
    expect_live(m, [LIVE_REPLACE])
    if m.cmd("cat /proc/cmdline") != before:
        raise ConsoleError("cmdline_proc_show should run the original again")
    check_output("stack_order", m.cmd("cat %s/%s/stack_order" % (LP_SYSFS, REPLACE)),
                 must=[r"\A1\n\Z"])
    t.unload_mod(DEMO)
    t.unload_mod(SYSCALL)
    t.unload_mod(LP)
    expect_live(m, [LIVE_REPLACE])
    t.disable_lp(REPLACE)
    t.unload_mod(REPLACE)
    expect_live(m, [])
    t.check_result(std_enable(LP) + std_enable(SYSCALL) + _cb.enable(VMLINUX) +
                   std_enable(REPLACE) + std_disable(REPLACE))
    m.poweroff()


def blocker_pid(t):
    out = t.poll("cat /proc/klp_blocker", r"^pid [1-9]\d* ", "blocker")
    return int(out.split()[1])


@scenario()
def livepatch_atomic_replace_reversed(m):
    """A replace transition reversed in flight: the klp_blocker thread
    sleeps in test_klp_blocker_patch's new klp_blocker_sleep(), which the
    replace patch turns into a nop, so its transition stalls. Writing 0 to
    its enabled reverses it; the thread never switched, so the reversal
    completes at once, and both older patches are still in force: sysfs,
    enabled, stack_order, cmdline, and the blocker's new function, which
    it enters again when kicked."""
    t = selftest(m, [LP, BLOCKER, REPLACE])
    t.start_test()
    t.load_lp(LP)
    t.load_lp(BLOCKER)
    new_entries = "/sys/module/%s/parameters/new_entries" % BLOCKER
    m.cmd("echo start > /proc/klp_blocker")
    pid = blocker_pid(t)
    t.poll("cat " + new_entries, r"\A1\n\Z", "the blocker in the new function")

    t.load_lp_nowait(REPLACE, "replace=1")
    d = "%s/%s" % (LP_SYSFS, REPLACE)
    check_output("transition", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    t.poll("cat /proc/1/patch_state", r"^1$", "init's patch_state")
    check_output("blocker patch_state", m.cmd("cat /proc/%d/patch_state" % pid),
                 must=[r"\A0\n\Z"])
    check_output("still stalled", m.cmd("cat %s/transition" % d), must=[r"\A1\n\Z"])
    if patches(m) != sorted([LP, BLOCKER, REPLACE]):
        raise ConsoleError("during the transition: %r" % patches(m))

    check_output("reverse", m.cmd("echo 0 > %s/enabled" % d), must=[r"\A\Z"])
    t.poll("ls %s" % LP_SYSFS, r"\A(?![\s\S]*^%s$)" % REPLACE, "removal of " + REPLACE)
    if patches(m) != sorted([LP, BLOCKER]):
        raise ConsoleError("after the reversal: %r" % patches(m))
    for mod, order in ((LP, 1), (BLOCKER, 2)):
        for name, value in (("enabled", 1), ("transition", 0), ("stack_order", order),
                            ("vmlinux/patched", 1)):
            path = "%s/%s/%s" % (LP_SYSFS, mod, name)
            check_output(path, m.cmd("cat " + path), must=[r"\A%d\n\Z" % value])
    check_output("patch_state", m.cmd("cat /proc/%d/patch_state" % pid), must=[r"\A-1\n\Z"])
    expect_live(m, [LIVE_LP])
    m.cmd("echo kick > /proc/klp_blocker")
    t.poll("cat " + new_entries, r"\A2\n\Z", "the blocker back in the new function")
    entries = re.search(r"entries (\d+)", m.cmd("cat /proc/klp_blocker")).group(1)
    if entries != "0":
        raise ConsoleError("the original klp_blocker_sleep ran %s times" % entries)

    t.unload_mod(REPLACE)
    m.cmd("echo release > /proc/klp_blocker")
    t.disable_lp(BLOCKER)
    t.unload_mod(BLOCKER)
    t.disable_lp(LP)
    t.unload_mod(LP)
    m.cmd("echo stop > /proc/klp_blocker")
    expect_live(m, [])
    t.check_result(std_enable(LP) + std_enable(BLOCKER) + [
        "livepatch: enabling patch '%s'" % REPLACE,
        "livepatch: '%s': initializing patching transition" % REPLACE,
        "livepatch: '%s': starting patching transition" % REPLACE,
        "livepatch: '%s': reversing transition from patching to unpatching" % REPLACE,
        "livepatch: '%s': starting unpatching transition" % REPLACE,
        "livepatch: '%s': completing unpatching transition" % REPLACE,
        "livepatch: '%s': unpatching complete" % REPLACE] +
        std_disable(BLOCKER) + std_disable(LP))
    m.poweroff()
