# SPDX-License-Identifier: MIT
# The livepatch consistency checker (kernel/livepatch/consistency_target.c):
# kernel threads and user processes call klp_consistency_outer() -> a(),
# pause, b(token) while `klp-consistency-cycle` loads, disables and unloads
# a patch of all three (modules/test_klp_consistency.c) again and again.
# With the stack check, no call may see a() and b() of different versions;
# with it skipped (boot option klp_unsafe_skip_stack_check), some must.

import os
import re

import qemu_cmd
from machine import ConsoleError
from scenario import check_output, scenario

PATCH = "test_klp_consistency"
THREADS = 32           # kernel threads hammering the target
PROCESSES = 32         # user processes hammering it through /proc/klp_consistency_call
SLEEP_EVERY = 64       # one pause in this many sleeps a tick instead of yielding
STATS = re.compile(r"^calls (\d+) old (\d+) new (\d+) mismatches (\d+) threads (\d+) running (\d)$",
                   re.M)


def module_path(arch, name):
    path = os.path.join(qemu_cmd.build_dir(arch), "modules", name + ".ko")
    if not os.path.exists(path):
        raise ConsoleError("%s.ko is not built (make ARCH=%s)" % (name, arch))
    return path


def boot(m, cmdline=""):
    m.boot(modules=[module_path(m.arch, PATCH)], cmdline=("loglevel=5 " + cmdline).strip())
    m.wait_prompt()
    return qemu_cmd.guest_paths(m.arch, [module_path(m.arch, PATCH)])[PATCH + ".ko"]


def stats(m):
    out = m.cmd("cat /proc/klp_consistency")
    match = STATS.search(out)
    if not match:
        raise ConsoleError("/proc/klp_consistency: %r" % out)
    calls, old, new, bad = (int(match.group(i)) for i in range(1, 5))
    return dict(calls=calls, old=old, new=new, mismatches=bad)


def hammer_and_cycle(m, path, cycles, grace_ms=0):
    """Start the hammers, run the cycles, stop; the counters and the cycle line."""
    m.cmd("echo start %d %d > /proc/klp_consistency" % (THREADS, SLEEP_EVERY))
    out = m.cmd("klp-consistency-hammer %d &" % PROCESSES)
    if not re.search(r"^\[\d+\]$", out, re.M):
        raise ConsoleError("klp-consistency-hammer did not start: %r" % out)
    cycle = m.cmd("klp-consistency-cycle %s %d %d" % (path, cycles, grace_ms), timeout=600)
    check_output("klp-consistency-cycle", cycle,
                 must=[r"^klp-consistency-cycle: %d cycles of '%s' in \d+ ms; %d transitions"
                       % (cycles, PATCH, 2 * cycles)])
    m.note(cycle.strip())
    # What the hammer processes said ("[N] done, status S") comes with one of these.
    ended = m.cmd("echo stop > /proc/klp_consistency") + m.cmd("wait", timeout=120)
    result = stats(m)
    m.note("counters: %r" % result)
    return result, ended


@scenario(timeout=300)
def livepatch_consistency_1000_cycles(m):
    """1,000 enable/disable cycles under hammering: no call mixes versions."""
    path = boot(m)
    result, ended = hammer_and_cycle(m, path, 1000)
    if result["mismatches"]:
        raise ConsoleError("%d calls mixed versions: %r" % (result["mismatches"], result))
    # Both versions ran while hammered: the patch did take effect.
    if not (result["old"] and result["new"]):
        raise ConsoleError("a version never ran: %r" % result)
    # The hammer processes' own count: none saw "mismatch".
    check_output("hammer processes", ended, must=[r"^\[\d+\] done, status 0$"])
    check_output("lsmod", m.cmd("lsmod"), must_not=[PATCH])
    m.poweroff()


@scenario(timeout=300)
def livepatch_consistency_unsafe_skip_stack_check(m):
    """The same, with the stack check skipped: the checker must see mixes."""
    path = boot(m, "klp_unsafe_skip_stack_check")
    check_output("tainted", m.cmd("cat /proc/sys/kernel/tainted"), must=[r"\A262144\n\Z"])
    # Tasks may be left inside the module's code: give them 50 ms to leave before rmmod.
    result, ended = hammer_and_cycle(m, path, 50, grace_ms=50)
    if not result["mismatches"]:
        raise ConsoleError("no mismatch with the stack check skipped: %r" % result)
    m.poweroff()
