# SPDX-License-Identifier: MIT
# What the kernel prints when it goes wrong: a WARN (the kernel goes on,
# tainted W), an oops from a NULL pointer write, a panic, a stack overflow.
# These scenarios allow the bad patterns they provoke, and only those.

from machine import ConsoleError
from scenario import check_output, scenario

SYMBOL = r"[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+"


@scenario()
def warn_taints_and_continues(m):
    m.allow = {"warning"}
    m.boot()
    m.wait_prompt()
    out = m.cmd("crash warn")
    check_output("crash warn", out, must=[
        r"------------\[ cut here \]------------",
        r"WARNING: CPU: 0 PID: 1 at kernel/builtin\.c:\d+ ",
        r"Tainted: G        W ",
        r"Call Trace:",
        r"---\[ end trace [0-9a-f]+ \]---"])
    check_output("echo", m.cmd("echo still here"), must=[r"^still here$"])
    m.poweroff()


def expect_fatal(m, command, must):
    """Run a command that must oops/panic; the console must show @must in order."""
    m.allow = {"oops", "panic", "bug"}
    m.boot()
    m.wait_prompt()
    m.sendline(command)
    for pattern in must:
        m.expect(pattern)
    m.kill()


@scenario()
def oops_null_pointer(m):
    expect_fatal(m, "crash null", [
        r"BUG: kernel NULL pointer dereference",
        r"Oops: .*\[#1\]",
        r"Call Trace:",
        r"Kernel panic - not syncing: Fatal exception"])


@scenario()
def oops_stack_overflow(m):
    expect_fatal(m, "crash stack", [r"Oops: ", r"Call Trace:",
                                    r"Kernel panic - not syncing: Fatal exception"])


@scenario()
def panic_message(m):
    expect_fatal(m, "crash panic", [r"Kernel panic - not syncing: crash command",
                                    r"---\[ end Kernel panic - not syncing: crash command \]---"])
