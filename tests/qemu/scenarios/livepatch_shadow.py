# SPDX-License-Identifier: MIT
# Shadow variables (Linux 4.13, ctor/dtor 4.18): the port of Linux's
# test-shadow-vars.sh, compared with Linux's transcript as livepatch.py
# does (whose Selftest helper these use), and Linux's shadow variable
# samples (livepatch-shadow-mod, -fix1, -fix2) run end to end.

import re

from machine import ConsoleError
from scenario import scenario, scenario_helpers

_lp = scenario_helpers("livepatch")
Selftest, std_enable, std_disable = _lp.Selftest, _lp.std_enable, _lp.std_disable
# Booted, with the modules in the guest's /lib/modules.
selftest = scenario_helpers("livepatch_modules").selftest

SHADOW_VARS = "test_klp_shadow_vars"


# test-shadow-vars.sh's expected log (less the "% insmod" / "% rmmod"
# lines), each line prefixed with "test_klp_shadow_vars: ".
SHADOW_VARS_LOG = """\
klp_shadow_get(obj=PTR1, id=0x1234) = PTR0
  got expected NULL result
shadow_ctor: PTR3 -> PTR2
klp_shadow_get_or_alloc(obj=PTR1, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR2 = PTR3
shadow_ctor: PTR6 -> PTR5
klp_shadow_alloc(obj=PTR1, id=0x1235, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR5 = PTR6
shadow_ctor: PTR8 -> PTR7
klp_shadow_alloc(obj=PTR9, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR7 = PTR8
shadow_ctor: PTR11 -> PTR10
klp_shadow_alloc(obj=PTR9, id=0x1235, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR10 = PTR11
shadow_ctor: PTR13 -> PTR12
klp_shadow_get_or_alloc(obj=PTR14, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR12 = PTR13
shadow_ctor: PTR16 -> PTR15
klp_shadow_alloc(obj=PTR14, id=0x1235, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR15 = PTR16
klp_shadow_get(obj=PTR1, id=0x1234) = PTR3
  got expected PTR3 -> PTR2 result
klp_shadow_get(obj=PTR1, id=0x1235) = PTR6
  got expected PTR6 -> PTR5 result
klp_shadow_get(obj=PTR9, id=0x1234) = PTR8
  got expected PTR8 -> PTR7 result
klp_shadow_get(obj=PTR9, id=0x1235) = PTR11
  got expected PTR11 -> PTR10 result
klp_shadow_get(obj=PTR14, id=0x1234) = PTR13
  got expected PTR13 -> PTR12 result
klp_shadow_get(obj=PTR14, id=0x1235) = PTR16
  got expected PTR16 -> PTR15 result
klp_shadow_get_or_alloc(obj=PTR1, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR2 = PTR3
  got expected PTR3 -> PTR2 result
klp_shadow_get_or_alloc(obj=PTR9, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR7 = PTR8
  got expected PTR8 -> PTR7 result
klp_shadow_get_or_alloc(obj=PTR14, id=0x1234, size=8, gfp_flags=GFP_KERNEL), ctor=PTR4, ctor_data=PTR12 = PTR13
  got expected PTR13 -> PTR12 result
shadow_dtor(obj=PTR1, shadow_data=PTR3)
klp_shadow_free(obj=PTR1, id=0x1234, dtor=PTR17)
klp_shadow_get(obj=PTR1, id=0x1234) = PTR0
  got expected NULL result
shadow_dtor(obj=PTR9, shadow_data=PTR8)
klp_shadow_free(obj=PTR9, id=0x1234, dtor=PTR17)
klp_shadow_get(obj=PTR9, id=0x1234) = PTR0
  got expected NULL result
shadow_dtor(obj=PTR14, shadow_data=PTR13)
klp_shadow_free(obj=PTR14, id=0x1234, dtor=PTR17)
klp_shadow_get(obj=PTR14, id=0x1234) = PTR0
  got expected NULL result
klp_shadow_get(obj=PTR1, id=0x1235) = PTR6
  got expected PTR6 -> PTR5 result
klp_shadow_get(obj=PTR9, id=0x1235) = PTR11
  got expected PTR11 -> PTR10 result
klp_shadow_get(obj=PTR14, id=0x1235) = PTR16
  got expected PTR16 -> PTR15 result
klp_shadow_free_all(id=0x1235, dtor=PTR0)
klp_shadow_get(obj=PTR1, id=0x1235) = PTR0
  got expected NULL result
klp_shadow_get(obj=PTR9, id=0x1235) = PTR0
  got expected NULL result
klp_shadow_get(obj=PTR14, id=0x1235) = PTR0
  got expected NULL result
"""


@scenario()
def livepatch_shadow_vars(m):
    """test-shadow-vars.sh "basic shadow variable API"."""
    t = Selftest(m, [SHADOW_VARS])
    t.start_test()
    out = m.cmd("insmod %s" % t.paths[SHADOW_VARS])
    if "ERROR" in out:
        raise ConsoleError("insmod %s failed: %s" % (SHADOW_VARS, out))
    t.unload_mod(SHADOW_VARS)
    t.check_result([SHADOW_VARS + ": " + line for line in SHADOW_VARS_LOG.splitlines()])
    m.poweroff()


# ---- samples/livepatch/livepatch-shadow-{mod,fix1,fix2} ----

MOD, FIX1, FIX2 = "livepatch-shadow-mod", "livepatch-shadow-fix1", "livepatch-shadow-fix2"
SAMPLE_LINE = re.compile(
    r"^\[\s*\d+\.\d+\] livepatch_shadow_(?:mod|fix[12]): (?P<func>\w+): dummy @ (?P<d>[0-9a-f]+)"
    r"(?P<rest>.*)$", re.M)


class DummyLog:
    """The samples' log lines, read since the last call, checked as they come.

    SV_LEAK's life is followed per dummy address: a fixed dummy_alloc()
    attaches it, the leak dtor (at dummy_free() or fix1's exit) detaches it,
    exactly once; a dummy that is freed as "leaked!" has none. An address
    may be reused for a later dummy, so the check follows the log's order.
    """

    def __init__(self, m):
        self.m = m
        self.with_leak = set()      # dummies that have <dummy, SV_LEAK>
        self.seen = []              # (func, dummy, rest) of every line so far
        self.text = ""              # the whole log since the start

    def read(self):
        """Take the new log lines (dmesg -c: the samples log every second)."""
        new = []
        text = self.m.cmd("dmesg -c")
        self.text += text
        for line in SAMPLE_LINE.finditer(text):
            func, d, rest = line.group("func", "d", "rest")
            if func == "livepatch_fix1_dummy_alloc":
                self.expect(d not in self.with_leak, "%s: dummy %s already has SV_LEAK" % (func, d))
                self.with_leak.add(d)
            elif func.endswith("_dummy_leak_dtor"):
                self.expect(d in self.with_leak, "%s: dummy %s has no SV_LEAK" % (func, d))
                self.with_leak.discard(d)
            elif rest == " leaked!":
                self.expect(d not in self.with_leak, "%s: dummy %s has SV_LEAK" % (func, d))
            new.append((func, d, rest))
        self.seen += new
        return new

    def transcript(self):
        """The livepatch lines, as Selftest.check_result() compares them."""
        lines = [re.sub(r"^\[\s*\d+\.\d+\] ", "", line) for line in self.text.splitlines()]
        return [line for line in lines if "livepatch:" in line and
                not re.search(r"(tainting|taints) kernel|klp_try_switch_task:", line)]

    def expect(self, ok, what):
        if not ok:
            raise ConsoleError("%s; the samples' log so far:\n  %s" % (
                what, "\n  ".join("%s %s%s" % entry for entry in self.seen)))

    def wait_for(self, func, rest_pattern, what, seconds=40):
        """Read until func logs a line whose rest matches; that line's (dummy, match)."""
        for _ in range(int(seconds / 0.5)):
            for f, d, rest in self.read():
                found = re.match(rest_pattern, rest)
                if f == func and found:
                    return d, found
            self.m.cmd("sleep 0.5")
        raise ConsoleError("no %s line in %d s" % (what, seconds))


@scenario(timeout=300)
def livepatch_shadow_fix_samples(m):
    """Linux's shadow variable demo: the buggy module leaks an int per
    dummy; fix1 keeps it in a shadow variable and frees it with the dummy
    ("prevented leak"), while dummies from before the patch still leak;
    fix2 on top counts dummy_check() calls in a second shadow variable
    ("check counter"); then fix2, fix1 and the module go. Every SV_LEAK
    variable is freed exactly once: by a patched dummy_free() or, for
    dummies freed after fix1 was disabled, by fix1's module exit."""
    t = selftest(m, [MOD, FIX1, FIX2])
    log = DummyLog(m)
    t.start_test()
    t.load_lp_nowait(MOD)
    log.wait_for("dummy_alloc", r", expires @ [0-9a-f]+$", "dummy_alloc", seconds=10)

    t.load_lp(FIX1)
    # Dummies older than fix1 expire first, and leak; then fix1's own.
    log.wait_for("livepatch_fix1_dummy_free", r" leaked!$", "leaked dummy")
    d, _ = log.wait_for("livepatch_fix1_dummy_leak_dtor", r", prevented leak @ [0-9a-f]+$",
                        "prevented leak")

    t.load_lp(FIX2)
    _, count = log.wait_for("livepatch_fix2_dummy_free", r", check counter = (\d+)$",
                            "check counter")
    if int(count.group(1)) < 1:
        raise ConsoleError("check counter %s: dummy_check() was patched" % count.group(1))
    log.wait_for("livepatch_fix2_dummy_leak_dtor", r", prevented leak @ [0-9a-f]+$",
                 "prevented leak in fix2")

    t.disable_lp("livepatch_shadow_fix2")
    log.wait_for("livepatch_fix1_dummy_leak_dtor", r", prevented leak @ [0-9a-f]+$",
                 "prevented leak in fix1 again")
    t.disable_lp("livepatch_shadow_fix1")
    log.wait_for("dummy_free", r", expired = [0-9a-f]+$", "unpatched dummy_free")
    t.unload_mod("livepatch_shadow_fix2")
    t.unload_mod("livepatch_shadow_fix1")      # frees the SV_LEAK variables left
    t.unload_mod("livepatch_shadow_mod")
    log.read()
    log.expect(not log.with_leak, "SV_LEAK left on %s" % sorted(log.with_leak))
    expected = (std_enable("livepatch_shadow_fix1") + std_enable("livepatch_shadow_fix2") +
                std_disable("livepatch_shadow_fix2") + std_disable("livepatch_shadow_fix1"))
    if log.transcript() != expected:
        raise ConsoleError("transcript differs:\nexpected:\n  %s\ngot:\n  %s"
                           % ("\n  ".join(expected), "\n  ".join(log.transcript())))
    m.poweroff()
