# SPDX-License-Identifier: MIT
# `make debug`: tools/debug.sh --batch starts QEMU halted with its gdbstub,
# gdb stops at start_kernel with a hardware breakpoint, and the backtrace
# names it; it continues to a breakpoint in the shell's task and unwinds
# to ret_from_fork; QEMU must be gone when the script returns. Both arches
# (s390x through gdb-multiarch).

import os
import re
import signal
import subprocess

import qemu_cmd
from machine import ConsoleError
from scenario import scenario

DEBUG_SH = os.path.join(qemu_cmd.SRC, "tools", "debug.sh")
# The first stop with a hardware breakpoint (at reset there are no page
# tables); then a software breakpoint in pid 1, whose backtrace gdb must
# unwind through kernel_init to ret_from_fork (rbp chain, s390x back chain
# and DWARF .debug_frame alike).
GDB_COMMANDS = ("hbreak start_kernel", "continue", "bt",
                "break shell_main", "continue", "bt")


def run_debug_sh(m, port):
    """Run tools/debug.sh --batch; return (exit status, its output)."""
    out_dir = os.path.relpath(m.build, qemu_cmd.SRC)
    debug_dir = os.path.join(out_dir, "tests", "debug")
    env = dict(os.environ, ARCH=m.arch, O=out_dir, ACCEL=m.accel, GDBPORT=str(port),
               DEBUG_DIR=debug_dir)
    argv = ["sh", DEBUG_SH, "--batch"] + list(GDB_COMMANDS)
    m.note("running: %s (GDBPORT=%d)" % (" ".join(argv), port))
    proc = subprocess.Popen(argv, cwd=qemu_cmd.SRC, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=m.timeout * 3)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)     # the script and gdb
        kill_qemu(os.path.join(qemu_cmd.SRC, debug_dir, "qemu.pid"))
        out, _ = proc.communicate()
        m.note(out.decode("latin-1"))
        raise ConsoleError("debug.sh --batch did not finish within %.0f s" % (m.timeout * 3))
    text = out.decode("latin-1")
    m.note("debug.sh output:\n" + text)
    return proc.returncode, text


def kill_qemu(pid_file):
    """QEMU runs in its own session (so that Ctrl-C reaches only gdb)."""
    try:
        with open(pid_file) as f:
            os.kill(int(f.read()), signal.SIGKILL)
    except (OSError, ValueError):
        pass


def qemu_listening(port):
    return qemu_cmd.wait_port(port, timeout=0.2)


@scenario()
def debug_gdb(m):
    if not os.path.exists(qemu_cmd.kernel_path(m.arch)):
        raise ConsoleError("%s does not exist" % qemu_cmd.kernel_path(m.arch))
    port = qemu_cmd.free_port()
    status, out = run_debug_sh(m, port)
    if status != 0:
        raise ConsoleError("debug.sh --batch exited with status %d:\n%s" % (status, out))
    if not re.search(r"^#0\s.*\bstart_kernel\b", out, re.M):
        raise ConsoleError("the backtrace does not start in start_kernel:\n%s" % out)
    if not re.search(r"^#0\s+shell_main \(\).*\n#1\s.* in kernel_init \(.*\n"
                     r"#2\s.* in ret_from_fork \(\)", out, re.M):
        raise ConsoleError("no backtrace shell_main <- kernel_init <- ret_from_fork:\n%s" % out)
    if qemu_listening(port):
        raise ConsoleError("QEMU still listens on port %d after gdb exited" % port)
