# SPDX-License-Identifier: MIT
# What the kernel prints when it goes wrong: a WARN (the kernel goes on,
# tainted W), an oops from a NULL pointer write, a panic, a stack overflow,
# a store into kernel text or read-only data, a call into kernel data.
# These scenarios allow the bad patterns they provoke, and only those.

import os
import re

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


# How each arch names a kernel stack overflow in the oops: s390x's entry
# code moves to the panic stack (Linux s390's wording), x86_64 takes a
# double fault on its own stack.
STACK_OVERFLOW = r"Oops: (kernel stack overflow|double fault): "


@scenario()
def oops_stack_overflow(m):
    """Unbounded recursion runs into the guard page below the stack (on
    s390x a frame's back-chain store, one call before the prologue check
    would trap)."""
    expect_fatal(m, "crash stack", [STACK_OVERFLOW, r"Call Trace:",
                                    r"Kernel panic - not syncing: Fatal exception"])


@scenario()
def oops_stack_guard_page(m):
    """A store into the unmapped page below the task's kernel stack, from a
    function that moved its stack pointer there after its prologue (an
    alloca): s390x's prologue check cannot see it, the guard page must
    stop it, and the oops must say it was a stack overflow. The store
    going through prints "was not stopped", which fails at once."""
    m.allow = {"oops", "panic", "bug"}
    m.boot()
    m.wait_prompt()
    m.sendline("crash guard")
    guard = int(m.expect(r"crash: storing into the stack guard page at ([0-9a-f]{16})\r?$")
                .group(1), 16)
    # s390x names the page before the oops (as Linux x86 does), x86_64 in CR2 after it.
    fault = r"stack guard page was hit at ([0-9a-f]{16})" if m.arch == "s390x" else \
        r"CR2: ([0-9a-f]{16})"
    must = [fault, STACK_OVERFLOW] if m.arch == "s390x" else [STACK_OVERFLOW, fault]
    for pattern in must:
        found = m.expect(pattern + r"|crash: [^\n]* was not stopped[^\n]*", what=pattern)
        if found.group(0).startswith("crash:"):
            raise ConsoleError(found.group(0).strip())
        if pattern == fault and int(found.group(1), 16) >> 12 != guard >> 12:
            raise ConsoleError("the fault is at %s, not in the guard page %#x"
                               % (found.group(1), guard))
    for pattern in [r"Call Trace:", r"Kernel panic - not syncing: Fatal exception"]:
        m.expect(pattern)
    m.kill()


@scenario()
def panic_message(m):
    expect_fatal(m, "crash panic", [r"Kernel panic - not syncing: crash command",
                                    r"---\[ end Kernel panic - not syncing: crash command \]---"])


def instruction_at(m, symbol, offset):
    """The instruction (mnemonic and operands) at symbol+offset in the
    kernel's disassembly, or None if no instruction starts there."""
    with open(os.path.join(m.build, "kernel.dis")) as dis:
        address = None
        for line in dis:
            if address is None:
                head = re.match(r"([0-9a-f]+) <%s>:$" % re.escape(symbol), line)
                if head:
                    address = int(head.group(1), 16) + offset
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                if not line.strip():
                    return None             # the end of the function
                continue                    # a continuation of the bytes
            if int(fields[0].strip().rstrip(":"), 16) == address:
                return " ".join(f.strip() for f in fields[2:])
    return None


def is_store(arch, insn):
    """insn (objdump syntax) writes memory: an s390x store or move (st*,
    mv*), an x86_64 instruction whose destination (AT&T: the last operand)
    is a memory operand."""
    if arch == "s390x":
        return re.match(r"(st|mv)[a-z]*\s", insn) is not None
    return "(" in insn.split(",")[-1]


def store_at(m, symbol, offset):
    """The oops must name the store itself (s390x: protection suppresses,
    so the old PSW is past it; the kernel takes off the ILC)."""
    insn = instruction_at(m, symbol, offset)
    if insn is None or not is_store(m.arch, insn):
        raise ConsoleError("%s+%#x is %s, not the faulting store"
                           % (symbol, offset, insn or "no instruction boundary"))


def first_instruction(m, symbol, offset):
    """A fetch from a no-execute page must be reported at the jump's target."""
    if offset != 0:
        raise ConsoleError("the fetch fault is reported at %s+%#x, not %s+0x0"
                           % (symbol, offset, symbol))


def expect_protection_fault(m, what, must, pc, check_pc):
    """`crash what` names an address ("... at <addr>") and must then oops
    for a fault in that address's page, with the program counter (RIP, the
    PSW) at pc+offset, where check_pc(m, pc, offset) agrees it is the
    faulting instruction; it prints "was not stopped" if the access went
    through, which fails at once."""
    m.allow = {"oops", "panic", "bug"}
    m.sendline("crash " + what)
    target = int(m.expect(r"crash: [^\n]* at ([0-9a-f]{16})\r?$").group(1), 16)
    found = m.expect(r"BUG: unable to handle page fault for address: ([0-9a-f]{16})"
                     r"|crash: [^\n]* was not stopped[^\n]*", what="the page fault line")
    if found.group(1) is None:
        raise ConsoleError(found.group(0).strip())
    faulted = int(found.group(1), 16)
    if faulted >> 12 != target >> 12:
        raise ConsoleError("the fault is at %#x, not in the page of %#x" % (faulted, target))
    for pattern in must + [r"Oops: "]:
        m.expect(pattern)
    offset = m.expect(r"(?:RIP|PSW) *: .*\b%s\+0x([0-9a-f]+)/0x[0-9a-f]+" % pc).group(1)
    check_pc(m, pc, int(offset, 16))
    for pattern in [r"Call Trace:", r"Kernel panic - not syncing: Fatal exception"]:
        m.expect(pattern)
    m.kill()


@scenario()
def kernel_text_is_read_only(m):
    """The kernel's text is read-only after boot (x86_64's page tables,
    s390x's DAT page protection): ftrace still patches a kernel function's
    fentry site, a plain store into a kernel function oopses."""
    m.boot()
    m.wait_prompt()
    tracing = "/sys/kernel/tracing"
    m.cmd("echo cmd_crash > %s/set_ftrace_filter" % tracing)
    m.cmd("echo function > %s/current_tracer" % tracing)
    m.cmd("crash nothing")
    check_output("trace", m.cmd("cat %s/trace" % tracing), must=[r" cmd_crash <-\S+$"])
    m.cmd("echo nop > %s/current_tracer" % tracing)
    expect_protection_fault(m, "text", [r"write"], "crash_store", store_at)


@scenario()
def kernel_rodata_is_read_only(m):
    """A const object of the kernel cannot be written after boot."""
    m.boot()
    m.wait_prompt()
    expect_protection_fault(m, "rodata", [r"write"], "crash_store", store_at)


@scenario()
def kernel_data_is_not_executable(m):
    """A copy of kernel code in a .bss buffer does not run: x86_64's NX
    bit, s390x's instruction-execution protection."""
    m.boot()
    m.wait_prompt()
    expect_protection_fault(m, "exec", [r"instruction fetch"], "crash_code",
                            first_instruction)
