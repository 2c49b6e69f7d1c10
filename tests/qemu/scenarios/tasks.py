# SPDX-License-Identifier: MIT
# Tasks and user mode: preemption of CPU-bound processes, many processes
# killed cleanly, faults and bad pointers confined to the process,
# fork/exec/wait, /proc/cmdline, ps.

import re

from machine import ConsoleError
from scenario import check_output, scenario

def ps_rows(m):
    """{pid: (state, cpu_ms, comm)} from `ps`."""
    rows = {}
    for line in m.cmd("ps").splitlines():
        f = line.split()
        if len(f) >= 7 and f[0].isdigit():
            rows[int(f[0])] = (f[2], int(f[5]), f[6])
    return rows


def wait_state(m, pid, state, tries=50):
    """Poll ps until pid is in state (the guest decides when; no host timing)."""
    for _ in range(tries):
        rows = ps_rows(m)
        if pid in rows and rows[pid][0] == state:
            return rows
        m.cmd("sleep 0.1")
    raise ConsoleError("pid %d never reached state %s" % (pid, state))


def background(m, command):
    out = m.cmd(command + " &")
    found = re.search(r"^\[(\d+)\]$", out, re.M)
    if not found:
        raise ConsoleError("%r did not start in the background: %r" % (command, out))
    return int(found.group(1))


@scenario()
def two_cpu_bound_processes_progress(m):
    """Two processes that never make a system call both get CPU time:
    only timer preemption can give it to them."""
    m.boot()
    m.wait_prompt()
    a = background(m, "spin")
    b = background(m, "spin")
    m.cmd("sleep 1")
    first = ps_rows(m)
    m.cmd("sleep 1")
    second = ps_rows(m)
    for pid in (a, b):
        if pid not in first or pid not in second:
            raise ConsoleError("spin %d is missing from ps" % pid)
        if first[pid][2] != "spin":
            raise ConsoleError("pid %d is %r, not spin" % (pid, first[pid][2]))
        if not (0 < first[pid][1] < second[pid][1]):
            raise ConsoleError("spin %d did not progress: %d ms then %d ms"
                               % (pid, first[pid][1], second[pid][1]))
    m.cmd("kill -9 %d %d" % (a, b))
    out = m.cmd("wait")
    check_output("wait", out, must=[r"^\[%d\] killed by SIGKILL$" % a,
                                    r"^\[%d\] killed by SIGKILL$" % b])
    m.poweroff()


@scenario(timeout=300)
def many_getpid_loops_killed(m):
    """64 getpid-loop processes (Linux's test_klp-call_getpid) run, then all
    die from SIGKILL and are reaped; nothing is left behind."""
    m.boot()
    m.wait_prompt()
    pids = [background(m, "getpid-loop") for _ in range(64)]
    rows = ps_rows(m)
    running = [p for p in pids if p in rows and rows[p][2] == "getpid-loop"]
    if len(running) != 64:
        raise ConsoleError("expected 64 getpid-loop processes in ps, saw %d" % len(running))
    m.cmd("kill -KILL " + " ".join(map(str, pids)), timeout=60)
    out = m.cmd("wait", timeout=120)
    killed = re.findall(r"^\[(\d+)\] killed by SIGKILL$", out, re.M)
    if sorted(map(int, killed)) != sorted(pids):
        raise ConsoleError("expected 64 'killed by SIGKILL' lines, got %d" % len(killed))
    rows = ps_rows(m)
    left = [p for p in pids if p in rows]
    if left:
        raise ConsoleError("processes still listed after wait: %s" % left)
    m.poweroff()


@scenario()
def user_fault_kills_only_the_process(m):
    m.boot()
    m.wait_prompt()
    spinner = background(m, "spin")
    out = m.cmd("segv")
    check_output("segv", out, must=[r"segv\[\d+\]: segfault at 0 ip [0-9a-f]+ sp [0-9a-f]+ error",
                                    r"^Segmentation fault \(SIGSEGV\)$"])
    rows = ps_rows(m)
    if spinner not in rows:
        raise ConsoleError("the other process died too")
    check_output("echo", m.cmd("echo-args still alive"), must=[r"^argv\[2\]=alive$"])
    m.cmd("kill %d" % spinner)
    check_output("wait", m.cmd("wait"), must=[r"^\[%d\] killed by SIGTERM$" % spinner])
    m.poweroff()


@scenario()
def bad_syscall_pointer_gets_efault(m):
    m.boot()
    m.wait_prompt()
    out = m.cmd("badptr")
    check_output("badptr", out, must=[r"^badptr: write -> -14 \(Bad address\)$",
                                      r"^badptr: read -> -14 \(Bad address\)$",
                                      r"^badptr: open -> -14 \(Bad address\)$"],
                 must_not=[r"Oops", r"BUG:"])
    m.poweroff()


@scenario()
def fork_exec_wait(m):
    m.boot()
    m.wait_prompt()
    check_output("init", m.cmd("init"), must=[
        r"^init: started \(pid (\d+)\)$",
        r"^init: child pid \d+, parent \d+$",
        r"^init: child \d+ exited with status 7$"])
    check_output("fork-test", m.cmd("fork-test 16"), must=[r"^fork-test: ok 16$"])
    check_output("echo-args", m.cmd('/bin/echo-args one "two words"'),
                 must=[r"^argc=3$", r"^argv\[2\]=two words$"])
    check_output("missing", m.cmd("/bin/nope"), must=[r"^sh: /bin/nope: No such file or directory$"])
    m.poweroff()


@scenario()
def sleeping_process_and_signals(m):
    """A process asleep in nanosleep shows as S; SIGSTOP/SIGCONT leave it
    asleep (its sleep restarts transparently); SIGTERM ends it."""
    m.boot()
    m.wait_prompt()
    pid = background(m, "sleeper 1000")
    wait_state(m, pid, "S")
    m.cmd("kill -STOP %d" % pid)
    wait_state(m, pid, "T")
    m.cmd("kill -CONT %d" % pid)
    wait_state(m, pid, "S")
    m.cmd("kill %d" % pid)
    check_output("wait", m.cmd("wait"), must=[r"^\[%d\] killed by SIGTERM$" % pid])
    m.poweroff()


@scenario()
def ctrl_c_interrupts_foreground(m):
    m.boot()
    m.wait_prompt()
    m.sendline("getpid-loop -v")
    m.expect(r"getpid-loop: pid \d+")
    m.write(b"\x03")
    m.wait_prompt()
    rows = ps_rows(m)
    if any(r[2] == "getpid-loop" for r in rows.values()):
        raise ConsoleError("getpid-loop survived Ctrl-C")
    m.poweroff()


@scenario()
def ps_shows_every_kind_of_task(m):
    m.boot()
    m.wait_prompt()
    pid = background(m, "sleeper 1000")
    wait_state(m, pid, "S")
    out = m.cmd("ps")
    check_output("ps", out, must=[r"^\s+0\s+0 I .*\[swapper/0\]$",
                                  r"^\s+1\s+0 [RSD] .*\[init\]$",
                                  r"\[kworker/0:\d+\]$",
                                  r"^\s+\d+\s+1 S .* sleeper$"])
    m.poweroff()


@scenario(arches=("x86_64",), reason="the GRUB command line: s390x has no GRUB")
def proc_cmdline_from_grub(m):
    m.boot(iso=True)
    m.wait_prompt()
    check_output("cat /proc/cmdline", m.cmd("cat /proc/cmdline"), must=[r"^console=ttyS0$"])
    m.poweroff()
