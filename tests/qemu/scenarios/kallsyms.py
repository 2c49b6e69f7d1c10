# SPDX-License-Identifier: MIT
# kallsyms seen from outside: /proc/kallsyms in Linux's format holds exactly
# the symbols of System.map, and a WARN's report names its functions.

import os
import re

from machine import ConsoleError
from scenario import check_output, scenario

# "ffffffff80109000 T _text", and "...\t[mod]" for a module's symbol.
PROC_LINE = re.compile(r"^[0-9a-f]{16} [TtDdRrBbWVGgSs] [^\s\[\]]+(\t\[[\w-]+\])?$")
# The letters tools/kallsyms.py keeps from nm.
MAP_LINE = re.compile(r"^[0-9a-f]{16} [TtDdRrBbWVGgSs] \S+$")
SYMBOL = r"[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+"


@scenario()
def proc_kallsyms_is_system_map(m):
    with open(os.path.join(m.build, "System.map")) as f:
        want = sorted(line for line in f.read().splitlines() if MAP_LINE.match(line))
    m.boot()
    m.wait_prompt()
    lines = m.cmd("cat /proc/kallsyms", 60).splitlines()
    bad = [line for line in lines if not PROC_LINE.match(line)]
    if bad:
        raise ConsoleError("/proc/kallsyms: %d lines not in Linux's format, e.g. %r"
                           % (len(bad), bad[0]))
    addrs = [int(line.split()[0], 16) for line in lines]
    if addrs != sorted(addrs):
        raise ConsoleError("/proc/kallsyms: not in address order")
    got = sorted(lines)
    if got != want:
        missing = sorted(set(want) - set(got))[:3]
        extra = sorted(set(got) - set(want))[:3]
        raise ConsoleError("/proc/kallsyms has %d lines, System.map %d; missing %s, extra %s"
                           % (len(got), len(want), missing, extra))
    if not any(line.endswith(" T start_kernel") for line in lines):
        raise ConsoleError("/proc/kallsyms: no 'T start_kernel'")
    m.poweroff()


@scenario()
def warn_names_functions(m):
    m.allow = {"warning"}
    m.boot()
    m.wait_prompt()
    out = m.cmd("crash warn")
    check_output("crash warn", out, must=[
        # The function with the WARN, not its caller.
        r"WARNING: CPU: 0 PID: 1 at kernel/builtin\.c:\d+ cmd_crash\+0x[0-9a-f]+/0x[0-9a-f]+$",
        r" \[<[0-9a-f]{16}>\] cmd_crash\+0x[0-9a-f]+/0x[0-9a-f]+$",
        r" \[<[0-9a-f]{16}>\] shell_main\+0x[0-9a-f]+/0x[0-9a-f]+$"])
    frames = re.findall(r"\[<[0-9a-f]{16}>\] (.*)$", out, re.M)
    if not frames or any(not re.match(SYMBOL + "$", frame) for frame in frames):
        raise ConsoleError("crash warn: frames without a symbol: %r" % frames)
    m.poweroff()
