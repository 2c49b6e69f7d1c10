#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# `make run`: Scion in QEMU with picocom as the terminal on its serial
# console, so that files can be sent into the running kernel with YMODEM:
# type `rx`, then C-a C-s and a path (picocom runs sb). Exits with QEMU's
# status. Without a terminal on stdin, or without picocom and sb: the
# console on plain stdio, as before.
"""usage: run.py [--console auto|picocom|stdio] QEMU_CMD_OPTIONS...

QEMU_CMD_OPTIONS are tests/qemu/qemu_cmd.py's (--arch, --accel, -O, --iso,
--append, ...): it makes the QEMU command line, with the console on stdio.

The console runs through a pty this program owns (QEMU's own `-serial pty`
loses what the kernel prints before a terminal opens it, and closes under
picocom when QEMU exits, which makes picocom die with "FATAL: read zero
bytes from port"):

    QEMU stdio pipes  <->  run.py  <->  pty master | pty slave  <->  picocom  <->  you
"""

import argparse
import fcntl
import os
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import tty

QEMU_CMD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "qemu", "qemu_cmd.py")
SEND_CMD = "sb -vv --ymodem -k"     # YMODEM batch, 1 KiB blocks, progress on the terminal
HINT = """\
run.py: picocom is the terminal on Scion's console (%s):
  send a file:  type rx and Enter, then C-a C-s and the file's path (it lands in /tmp)
  quit:         poweroff (QEMU exits), or C-a C-x (stops QEMU)
"""


def copy(src, dst, ready=None):
    """Copy bytes from fd @src to fd @dst until either end closes; with
    @ready, hold them back (read, not yet written) until it is set."""
    held = b""
    while True:
        try:
            data = os.read(src, 65536)
        except OSError:
            data = b""
        if not data:
            return
        data, held = held + data, b""
        if ready is not None and not ready.is_set():
            held = data
            continue
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(dst, view):]
        except OSError:
            return


def wait_configured(slave, picocom, timeout=10.0):
    """Wait until picocom has set the pty up (115200 baud; ours is 38400),
    so that it flushes nothing the kernel prints."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and picocom.poll() is None:
        if termios.tcgetattr(slave)[5] == termios.B115200:
            return True
        time.sleep(0.02)
    return False


def wait_read(slave, timeout=2.0):
    """Wait until picocom has read what reached the pty (QEMU's last words)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if struct.unpack("i", fcntl.ioctl(slave, termios.FIONREAD, b"\0" * 4))[0] == 0:
            return
        time.sleep(0.02)


def set_foreground(pgrp):
    """Make @pgrp the terminal's foreground process group."""
    old = signal.signal(signal.SIGTTOU, signal.SIG_IGN)     # we may be in the background
    try:
        os.tcsetpgrp(sys.stdin.fileno(), pgrp)
    finally:
        signal.signal(signal.SIGTTOU, old)


def stop(proc, timeout=5):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_picocom(argv):
    master, slave = os.openpty()
    tty.setraw(slave)                   # no echo back into QEMU, no CR/LF games
    saved = termios.tcgetattr(sys.stdin)
    qemu = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    ready = threading.Event()
    out = threading.Thread(target=copy, args=(qemu.stdout.fileno(), master, ready), daemon=True)
    out.start()
    threading.Thread(target=copy, args=(master, qemu.stdin.fileno()), daemon=True).start()
    sys.stderr.write(HINT % os.ttyname(slave))
    sys.stderr.flush()
    # picocom's own process group in the foreground: its SIGTERM handler
    # kills its whole group (kill(0, SIGTERM)), which must not be us or make.
    picocom = subprocess.Popen(["picocom", "-q", "-b", "115200", "--send-cmd", SEND_CMD,
                                os.ttyname(slave)], process_group=0)
    try:
        set_foreground(picocom.pid)
        os.killpg(picocom.pid, signal.SIGCONT)  # if it touched the terminal too early
        if not wait_configured(slave, picocom):
            print("run.py: picocom did not start", file=sys.stderr)
            return 1
        ready.set()
        while qemu.poll() is None and picocom.poll() is None:
            time.sleep(0.1)
        if picocom.poll() is not None:  # C-a C-x: the user left
            stop(qemu)
        else:                           # poweroff: show QEMU's last lines, then leave
            out.join(timeout=2)
            wait_read(slave)
        return qemu.wait()
    finally:
        stop(picocom)
        stop(qemu)
        set_foreground(os.getpgrp())
        termios.tcsetattr(sys.stdin, termios.TCSADRAIN, saved)
        os.close(master)
        os.close(slave)


def main():
    ap = argparse.ArgumentParser(description="Boot Scion in QEMU with a terminal on its console.",
                                 epilog="Other options go to tests/qemu/qemu_cmd.py.")
    ap.add_argument("--console", choices=("auto", "picocom", "stdio"), default="auto",
                    help="auto: picocom if stdin is a terminal and picocom and sb are installed")
    args, qemu_options = ap.parse_known_args()
    made = subprocess.run([sys.executable, QEMU_CMD] + qemu_options, stdout=subprocess.PIPE)
    if made.returncode:
        return made.returncode
    argv = shlex.split(made.stdout.decode())

    console = args.console
    if console == "auto":
        usable = sys.stdin.isatty() and shutil.which("picocom") and shutil.which("sb")
        console = "picocom" if usable else "stdio"
    if console == "stdio":
        os.execvp(argv[0], argv)
    return run_picocom(argv)


if __name__ == "__main__":
    sys.exit(main())
