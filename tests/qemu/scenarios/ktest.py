# SPDX-License-Identifier: MIT
# In-kernel tests: `ktest` from the shell and `ktest=all` at boot must
# print valid KTAP in which every suite passes.

import ktap
from machine import ConsoleError
from scenario import scenario

KTEST_TIMEOUT = 120.0


def check_ktap(what, text):
    report = ktap.check(text)
    if not report.ok:
        raise ConsoleError("%s: %s\n%s" % (what, report.summary(), "\n".join(report.problems)))
    return report


@scenario(timeout=300.0)
def ktest_shell(m):
    m.boot()
    m.wait_prompt()
    report = check_ktap("ktest", m.cmd("ktest", KTEST_TIMEOUT))
    # Every suite that `ktest -l` lists has run, and no other.
    listed = m.cmd("ktest -l").split()
    ran = [suite.name for suite in report.suites]
    if sorted(listed) != sorted(ran):
        raise ConsoleError("ktest -l lists %s but ktest ran %s" % (listed, ran))
    # One suite by name: exactly that suite runs.
    name = report.suites[0].name
    one = check_ktap("ktest %s" % name, m.cmd("ktest %s" % name, KTEST_TIMEOUT))
    if [suite.name for suite in one.suites] != [name]:
        raise ConsoleError("ktest %s ran %s" % (name, [suite.name for suite in one.suites]))
    m.poweroff()


@scenario(timeout=300.0)
def ktest_boot(m):
    m.boot(cmdline="ktest=all")
    check_ktap("ktest=all at boot", m.wait_prompt(KTEST_TIMEOUT))
    m.poweroff()
