# SPDX-License-Identifier: MIT
# Stack traces as a user sees them: /proc/<pid>/stack in Linux's format,
# from the task's innermost frame to its first (ret_from_fork, or the
# system call entry of a process), and the Call Trace of a WARN, from the
# WARN's function out to the task's start.

import re

from machine import ConsoleError
from scenario import Script, Step, check_output, scenario

SYMBOL = r"[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+"
PROC_LINES = r"\A(\[<0>\] %s\n)+\Z" % SYMBOL
FIRST_FRAME = r"^\[<0>\] ret_from_fork\+0x[0-9a-f]+/0x[0-9a-f]+\n\Z"

proc_pid_stack = Script("proc_pid_stack", [
    # init reading its own stack, in the shell.
    Step("cat /proc/1/stack", must=[PROC_LINES, r"^\[<0>\] proc_pid_stack\+",
                                    r"^\[<0>\] shell_main\+", FIRST_FRAME]),
    # The first kworker, asleep waiting for work.
    Step("cat /proc/2/stack", must=[PROC_LINES, r"^\[<0>\] schedule\+",
                                    r"^\[<0>\] worker_thread\+", FIRST_FRAME]),
])


@scenario()
def warn_call_trace(m):
    m.allow = {"warning"}
    m.boot()
    m.wait_prompt()
    out = m.cmd("crash warn")
    # printk lines: "[    6.805404]  [<ffffffff801135a0>] __warn_printk+0xc0/0x10d"
    frame = r"^\[ *[0-9.]+\]  \[<[0-9a-f]{16}>\] %s\+0x[0-9a-f]+/0x[0-9a-f]+\n"
    check_output("crash warn", out, must=[
        r"Call Trace:\n" + frame % "__warn_printk" + frame % "cmd_crash",
        frame % "shell_main",
        frame % "ret_from_fork" + r".*---\[ end trace"])
    m.poweroff()


@scenario()
def proc_pid_stack_process(m):
    """A process asleep in nanosleep: the trace ends at its system call entry."""
    m.boot()
    m.wait_prompt()
    found = re.search(r"^\[(\d+)\]$", m.cmd("sleeper &"), re.M)
    if not found:
        raise ConsoleError("sleeper did not start in the background")
    pid = int(found.group(1))
    for _ in range(50):
        if re.search(r"^ +%d +\d+ S " % pid, m.cmd("ps"), re.M):
            break
        m.cmd("sleep 0.1")
    else:
        raise ConsoleError("sleeper %d never went to sleep" % pid)
    check_output("cat /proc/%d/stack" % pid, m.cmd("cat /proc/%d/stack" % pid), must=[
        PROC_LINES, r"^\[<0>\] schedule\+", r"^\[<0>\] __\w+_sys_nanosleep\+",
        r"^\[<0>\] (entry_SYSCALL_64|svc_int_handler)\+0x[0-9a-f]+/0x[0-9a-f]+\n\Z"])
    m.cmd("kill %d" % pid)
    m.poweroff()
