# SPDX-License-Identifier: MIT
# The shell's built-in commands: help, echo, unknown commands, bad
# arguments, version, dmesg, uptime.

import re
import time

from machine import LOG_LINE, ConsoleError
from scenario import Script, Step, check_output, scenario

COMMANDS = ("help", "echo", "dmesg", "uptime", "version", "poweroff", "reboot", "ktest")
ALIVE = Step("echo still alive", must=[r"^still alive$"])

shell_help = Script("shell_help", [
    Step("help", must=[r"\b%s\b" % name for name in COMMANDS]),
])

shell_echo = Script("shell_echo", [
    Step("echo hello", must=[r"\Ahello\n\Z"]),
    Step("echo one two three", must=[r"\Aone two three\n\Z"]),
    Step("echo -n no newline", must=[r"\Ano newline\Z"]),
    Step("echo", must=[r"\A\n\Z"]),
])

shell_unknown_command = Script("shell_unknown_command", [
    Step("foo", must=[r"\Afoo: command not found\n\Z"]),
    Step("foo bar baz", must=[r"\Afoo: command not found\n\Z"]),
    ALIVE,
])

shell_version = Script("shell_version", [
    Step("version", must=[r"^Scion version \S"]),
])


def one_line_error(m, command):
    """@command must answer with exactly one line, and the shell must live on."""
    output = m.cmd(command)
    lines = [line for line in output.splitlines() if line.strip()]
    if len(lines) != 1:
        raise ConsoleError("%r: expected a one-line error, got %d lines:\n%s"
                           % (command, len(lines), output))
    ALIVE.run(m)
    return lines[0]


@scenario()
def shell_bad_arguments(m):
    m.boot()
    m.wait_prompt()
    line = one_line_error(m, "dmesg -x")
    if LOG_LINE.search(line):
        raise ConsoleError("'dmesg -x' printed the log instead of an error: %r" % line)
    one_line_error(m, "ktest no_such_suite")
    m.poweroff()


def timestamps(output):
    return [float(t) for t in re.findall(r"^\[\s*(\d+\.\d{6})\] ", output, re.M)]


@scenario()
def dmesg_clear(m):
    m.boot()
    m.wait_prompt()
    first = m.cmd("dmesg")
    check_output("dmesg", first, must=[r"Scion version ", LOG_LINE])
    cleared = m.cmd("dmesg -c")
    check_output("dmesg -c", cleared, must=[r"Scion version ", LOG_LINE])
    again = m.cmd("dmesg")
    check_output("dmesg after dmesg -c", again, must_not=[r"Scion version "])
    stamps = timestamps(cleared)
    if stamps and any(t < max(stamps) for t in timestamps(again)):
        raise ConsoleError("dmesg after dmesg -c shows old lines:\n%s" % again)
    ALIVE.run(m)
    m.poweroff()


def uptime(m):
    """(seconds, ticks) from `uptime`; ticks is None if it does not say."""
    output = m.cmd("uptime")
    seconds = re.search(r"\d+(?:\.\d+)?", output)
    if not seconds:
        raise ConsoleError("uptime: no number in %r" % output)
    ticks = re.search(r"(\d+) ticks?\b", output)
    return float(seconds.group(0)), int(ticks.group(1)) if ticks else None


@scenario()
def uptime_advances(m):
    """uptime parses and never goes back; and the timer tick runs: the tick
    count (or, if uptime shows none, the time) grows within a generous bound
    while the shell keeps working."""
    m.boot()
    m.wait_prompt()
    first = uptime(m)
    deadline = time.monotonic() + m.timeout
    latest = first
    while True:
        value = uptime(m)
        for what, old, new in (("time", latest[0], value[0]), ("ticks", latest[1], value[1])):
            if new is not None and old is not None and new < old:
                raise ConsoleError("uptime %s went back: %s then %s" % (what, old, new))
        latest = value
        counter = 1 if first[1] is not None else 0
        if latest[counter] > first[counter]:
            break
        if time.monotonic() > deadline:
            raise ConsoleError("uptime stuck at %s for %.0f s: is the timer tick running?"
                               % (first, m.timeout))
        time.sleep(0.02)
    m.poweroff()
