# SPDX-License-Identifier: MIT
# Scenarios: how tests/qemu/scenarios/*.py declare their tests, either as a
# plain function of a Machine or as a list of commands and expected lines.
"""Declaring QEMU scenarios.

A plain function gets a Machine that is not booted yet:

    @scenario(arches=("x86_64",), reason="s390x has no GRUB")
    def grub_iso(m):
        m.boot(iso=True)
        m.wait_prompt()
        m.poweroff()

The declarative form boots (with @cmdline), waits for the prompt, runs each
command, checks the regexes (re.MULTILINE, searched in the command output
without echo and prompt), and powers off:

    echo = Script("echo", [
        Step("echo hello world", must=[r"^hello world$"]),
        Step("foo", must=[r"^foo: command not found$"], must_not=[r"^foo$"]),
    ])

A module exposes its scenarios as module-level Scenario objects (what both
forms return). The scenario name names the log: build/<arch>/tests/<name>.log.
"""

import importlib.util
import os
import re

from machine import ConsoleError

ALL_ARCHES = ("x86_64", "s390x")


class Scenario:
    """A named test run on each arch of @arches (the others are skipped
    for @reason). @func(machine) raises ConsoleError (or AssertionError) to
    fail. @timeout bounds the whole scenario (QEMU is killed after it)."""

    def __init__(self, name, func, arches=ALL_ARCHES, reason="", timeout=120.0):
        unknown = set(arches) - set(ALL_ARCHES)
        if unknown:
            raise ValueError("scenario %s: unknown arches %s" % (name, sorted(unknown)))
        if set(arches) != set(ALL_ARCHES) and not reason:
            raise ValueError("scenario %s: say why it does not run on every arch" % name)
        self.name = name
        self.func = func
        self.arches = tuple(arches)
        self.reason = reason
        self.timeout = timeout

    def __call__(self, machine):
        return self.func(machine)


def scenario_helpers(name):
    """The scenario file tests/qemu/scenarios/<name>.py, loaded once more
    for its helpers (run.py registers its scenarios from the file itself)."""
    spec = importlib.util.spec_from_file_location(
        "scenarios.%s_helpers" % name, os.path.join(os.path.dirname(__file__), "scenarios", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scenario(arches=ALL_ARCHES, reason="", timeout=120.0, name=None):
    """Decorator: make a function of a Machine a Scenario."""
    def wrap(func):
        return Scenario(name or func.__name__, func, arches, reason, timeout)
    return wrap


class Step:
    """One shell command and what its output must and must not match."""

    def __init__(self, command, must=(), must_not=(), timeout=None):
        self.command = command
        self.must = [_regex(p) for p in must]
        self.must_not = [_regex(p) for p in must_not]
        self.timeout = timeout

    def run(self, machine):
        output = machine.cmd(self.command, self.timeout)
        check_output(self.command, output, self.must, self.must_not)
        return output


def _regex(pattern):
    return pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.M)


def check_output(command, output, must=(), must_not=()):
    """Raise ConsoleError unless @output matches every regex of @must and
    none of @must_not (compiled, or str searched with re.MULTILINE)."""
    for regex in map(_regex, must):
        if not regex.search(output):
            raise ConsoleError("%r: output does not match %r; output was:\n%s"
                               % (command, regex.pattern, output))
    for regex in map(_regex, must_not):
        match = regex.search(output)
        if match:
            raise ConsoleError("%r: output must not match %r but has %r"
                               % (command, regex.pattern, match.group(0)))


def Script(name, steps, cmdline="", arches=ALL_ARCHES, reason="", timeout=120.0):
    """A Scenario made of Steps: boot, prompt, each step, poweroff."""
    def run(machine):
        machine.boot(cmdline=cmdline)
        machine.wait_prompt()
        for step in steps:
            step.run(machine)
        machine.poweroff()
    return Scenario(name, run, arches, reason, timeout)
