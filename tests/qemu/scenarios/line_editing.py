# SPDX-License-Identifier: MIT
# Line editing at the shell prompt: backspace/DEL, Ctrl-U, Ctrl-C, history.

from machine import ConsoleError
from scenario import scenario


def expect_output(m, typed, want):
    """Type @typed (with control characters) and Enter; the command output
    must be exactly the lines @want."""
    output = m.cmd(typed)
    if output.splitlines() != want:
        raise ConsoleError("typed %r: expected output %r, got %r" % (typed, want, output))


@scenario()
def line_editing(m):
    m.boot()
    m.wait_prompt()
    expect_output(m, "echo abc\x7fd", ["abd"])                 # DEL
    expect_output(m, "echo abc\x08\x08xy", ["axy"])            # backspace
    expect_output(m, "echo \x7f\x7f\x7f\x7f\x7f\x7fecho ok", ["ok"])  # past the start
    expect_output(m, "echo junk\x15echo fresh", ["fresh"])      # Ctrl-U

    # Ctrl-C drops the line and gives a new prompt; nothing runs.
    m.write("echo aborted\x03")
    text = m.wait_prompt()
    if "aborted" in text.splitlines()[1:]:
        raise ConsoleError("Ctrl-C did not abort the line: %r" % text)
    expect_output(m, "echo after", ["after"])

    # Arrow up recalls the previous command; Enter runs it again.
    expect_output(m, "echo history1", ["history1"])
    expect_output(m, "\x1b[A", ["history1"])
    expect_output(m, "echo history2", ["history2"])
    expect_output(m, "\x1b[A\x1b[A", ["history1"])
    m.poweroff()
