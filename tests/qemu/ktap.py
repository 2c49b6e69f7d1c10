# SPDX-License-Identifier: MIT
# KTAP parser: turns `ktest` output (or a boot log with ktest=all) into
# per-suite results, as Linux's tools/testing/kunit/kunit_parser.py does.
"""Parse and check KTAP (Documentation/dev-tools/ktap.rst).

    report = ktap.check(text)
    if not report.ok:
        print("\\n".join(report.problems))

Accepted input: the output of `ktest`, or a console log in which KTAP lines
carry dmesg timestamps ("[    0.001234] ok 1 case") and are mixed with other
kernel messages (those are ignored). Nesting is by indentation (4 spaces per
level in KUnit). The name of a nested test comes from its `# Subtest: name`
line (KUnit puts it inside the nested block; TAP 14 puts it one level out;
both are accepted) and from the parent's result line.
"""

import re

TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ?")
VERSION = re.compile(r"^K?TAP version (\d+)\s*$")
PLAN = re.compile(r"^1\.\.(\d+)\s*(?:#.*)?$")
RESULT = re.compile(r"^(not )?ok (\d+)\b(?: -)? ?(.*)$")
SUBTEST = re.compile(r"^# Subtest: (.*?)\s*$")


class Test:
    """One test point; a suite is a Test with subtests (its cases)."""

    def __init__(self):
        self.name = ""
        self.number = None
        self.ok = None          # None: no result line seen
        self.directive = ""     # "SKIP" / "TODO" / "" (upper case)
        self.reason = ""        # text after '#' on the result line
        self.version = None
        self.plan = None
        self.subtests = []
        self.problems = []      # structural errors found while parsing

    @property
    def skipped(self):
        return self.directive == "SKIP"

    def has_structure(self):
        return self.version is not None or self.plan is not None or bool(self.subtests)


def _lines(text):
    """(indent, content) of each non-blank line, timestamps removed."""
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = TIMESTAMP.sub("", raw.rstrip("\r"), count=1).rstrip()
        if not line.strip():
            continue
        content = line.lstrip(" ")
        yield len(line) - len(content), content


def _set_result(test, match):
    test.ok = match.group(1) is None
    test.number = int(match.group(2))
    description, _, directive = match.group(3).partition("#")
    directive = directive.strip()
    word = directive.split(" ", 1)[0].upper() if directive else ""
    if word in ("SKIP", "TODO"):
        test.directive = word
        directive = directive[len(word):].strip()
    test.reason = directive
    if not test.name:
        test.name = description.strip()
    elif description.strip() and description.strip() != test.name:
        test.problems.append("result line names %r but its subtest is %r"
                             % (description.strip(), test.name))


def _parse_block(lines, i, indent):
    """Parse lines[i:] that belong to the block at @indent.
    Return (Test for the block, index of the first line after it)."""
    block = Test()
    pending = None          # nested block waiting for its result line
    pending_name = ""       # TAP 14 style "# Subtest:" one level out
    while i < len(lines):
        ind, content = lines[i]
        if ind < indent:
            break
        if ind > indent:
            child, i = _parse_block(lines, i, ind)
            if child.has_structure():
                if pending is not None:
                    block.problems.append("subtest %r has no result line" % pending.name)
                pending = child
                if not pending.name:
                    pending.name = pending_name
            continue
        i += 1
        match = RESULT.match(content)
        if match:
            test = pending if pending is not None else Test()
            if not test.name and pending_name:
                test.name = pending_name
            _set_result(test, match)
            block.subtests.append(test)
            pending, pending_name = None, ""
            continue
        match = VERSION.match(content)
        if match:
            if block.version is not None or block.subtests:
                # A second document at this level: end this one here.
                i -= 1
                break
            block.version = int(match.group(1))
            continue
        match = PLAN.match(content)
        if match and block.plan is None:
            block.plan = int(match.group(1))
            continue
        match = SUBTEST.match(content)
        if match:
            if block.plan is None and not block.subtests and not block.name:
                block.name = match.group(1)
            else:
                pending_name = match.group(1)
    if pending is not None:
        block.problems.append("subtest %r has no result line" % pending.name)
    return block, i


def parse(text):
    """Return the list of KTAP documents (root Tests) found in @text."""
    lines = list(_lines(text))
    docs = []
    i = 0
    while i < len(lines):
        ind, content = lines[i]
        if not VERSION.match(content):
            i += 1
            continue
        doc, i = _parse_block(lines, i, ind)
        docs.append(doc)
    return docs


class Report:
    """The verdict on a KTAP run: .ok, .problems (why not ok), .suites."""

    def __init__(self):
        self.problems = []
        self.suites = []        # the top-level Tests
        self.cases = 0
        self.failed = 0
        self.skipped = 0

    @property
    def ok(self):
        return not self.problems

    def summary(self):
        return "%d suites, %d cases: %d failed, %d skipped" % (
            len(self.suites), self.cases, self.failed, self.skipped)


def _check_plan(test, where, report):
    report.problems += ["%s: %s" % (where, p) for p in test.problems]
    if test.plan is None:
        report.problems.append("%s: no plan line (1..N)" % where)
    elif test.plan != len(test.subtests):
        report.problems.append("%s: plan 1..%d but %d results"
                               % (where, test.plan, len(test.subtests)))
    for index, sub in enumerate(test.subtests, 1):
        if sub.number != index:
            report.problems.append("%s: result %r is numbered %s, expected %d"
                                   % (where, sub.name, sub.number, index))


def _check_test(test, path, report):
    """Account for @test (a suite or a case) and its subtests."""
    if test.subtests or test.plan is not None:
        _check_plan(test, path, report)
    else:
        report.cases += 1
        if test.skipped:
            report.skipped += 1
    bad_children = False
    for sub in test.subtests:
        bad_children |= _check_test(sub, "%s.%s" % (path, sub.name), report)
    if test.skipped:
        return False
    if not test.ok:
        if not test.subtests:
            report.failed += 1
        reason = " # " + test.reason if test.reason else ""
        report.problems.append("not ok: %s%s" % (path, reason))
        return True
    if bad_children:
        report.problems.append("%s reported ok but has failing subtests" % path)
    return bad_children


def check(text):
    """Parse @text and judge it. Fails on any `not ok`, on a plan that does
    not match the results, and when there is no suite at all."""
    report = Report()
    docs = parse(text)
    if not docs:
        report.problems.append("no KTAP output (no 'KTAP version' line)")
        return report
    for doc in docs:
        _check_plan(doc, "KTAP document", report)
        report.suites += doc.subtests
        for suite in doc.subtests:
            _check_test(suite, suite.name or "suite %s" % suite.number, report)
    if not report.suites:
        report.problems.append("no test suites in the KTAP output")
    return report
