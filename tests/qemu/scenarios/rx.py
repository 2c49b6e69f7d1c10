# SPDX-License-Identifier: MIT
# rx: files sent into the running kernel with YMODEM by the real sb (lrzsz),
# intact, with corrupted blocks resent, and with nothing left behind when
# the sender cancels or dies; and `make run`'s picocom sending one.

import fcntl
import os
import pty
import random
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import zlib

import qemu_cmd
from machine import ConsoleError, normalize
from scenario import check_output, scenario

SB = ["sb", "--ymodem", "-k"]           # YMODEM batch, 1 KiB blocks
HEADER = 5 + 128                        # block 0: SOH, number, ~number, 128 bytes, CRC
BLOCK = 5 + 1024                        # a data block: STX, number, ~number, 1 KiB, CRC


def data_offset(block, at):
    """Where byte @at of 1 KiB data block @block (1, 2, ...) is in sb's output."""
    return HEADER + (block - 1) * BLOCK + 3 + at


def make_file(directory, name, size, seed, data=None):
    path = os.path.join(directory, name)
    data = random.Random(seed).randbytes(size) if data is None else data
    with open(path, "wb") as f:
        f.write(data)
    return path, data


def receive(m, paths, command="rx", tamper=None):
    """Type @command, run sb on the console with @paths, wait for the prompt.
    Return (sb's CompletedProcess, the output of rx)."""
    m.sendline(command)
    m.expect(r"rx: waiting for a YMODEM batch", what="rx's start line")
    result = m.run_on_console(SB + paths, timeout=120, tamper=tamper)
    return result, m.wait_prompt(timeout=60)


def check_crc(m, path, data):
    """crc32 in the kernel matches the host's zlib.crc32 and size."""
    out = m.cmd("crc32 " + path)
    check_output("crc32 " + path, out, must=[r"^%08x %d %s$" % (zlib.crc32(data), len(data),
                                                                 re.escape(path))])


def check_absent(m, path):
    out = m.cmd("ls " + path)
    check_output("ls " + path, out, must=[r"No such file or directory"])


@scenario(timeout=180)
def rx_receives_a_100k_file(m):
    """A 100 KiB random file arrives intact: size and CRC-32 as on the host;
    sb reports success; rx says what it received."""
    m.boot()
    m.wait_prompt()
    with tempfile.TemporaryDirectory() as tmp:
        path, data = make_file(tmp, "random.ko", 100 * 1024, 1)
        result, out = receive(m, [path])
    if result.returncode != 0:
        raise ConsoleError("sb failed (status %d): %s" % (result.returncode, result.stderr))
    check_output("rx", out, must=[r"^rx: received /tmp/random\.ko \(102400 bytes\)$",
                                  r"^rx: 1 file, 102400 bytes in [\d.]+ s \(\d+ KiB/s\), 100 blocks, 0 resent$"])
    check_crc(m, "/tmp/random.ko", data)
    m.poweroff()


@scenario(timeout=180)
def rx_batch_and_name(m):
    """A batch of four files (one empty, one of 128-byte blocks only, one of
    every byte value and runs of the bytes a console might touch: NUL, CR,
    LF, Ctrl-C, CAN) lands in /tmp under the sender's names; `rx NAME` and
    `rx /PATH` rename the one file; a name for a batch of two is refused
    and writes nothing."""
    m.boot()
    m.wait_prompt()
    touchy = bytes(range(256)) * 4 + b"\0" * 2048 + b"\r" * 1500 + b"\r\n" * 700 + \
        b"\n" * 900 + b"\x03" * 1100 + b"\x18" * 1300
    with tempfile.TemporaryDirectory() as tmp:
        files = [make_file(tmp, "a.bin", 3000, 2), make_file(tmp, "empty", 0, 3),
                 make_file(tmp, "b.ko", 5000, 4), make_file(tmp, "bytes", 0, 0, touchy)]
        result, out = receive(m, [p for p, _ in files])
        check_output("rx", out, must=[r"^rx: received /tmp/a\.bin \(3000 bytes\)$",
                                      r"^rx: received /tmp/empty \(0 bytes\)$",
                                      r"^rx: received /tmp/b\.ko \(5000 bytes\)$",
                                      r"^rx: received /tmp/bytes \(%d bytes\)$" % len(touchy),
                                      r"^rx: 4 files, %d bytes" % (8000 + len(touchy))])
        for (path, data) in files:
            check_crc(m, "/tmp/" + os.path.basename(path), data)

        result, out = receive(m, [files[2][0]], command="rx renamed.ko")
        check_output("rx renamed.ko", out, must=[r"^rx: received /tmp/renamed\.ko \(5000 bytes\)$"])
        check_crc(m, "/tmp/renamed.ko", files[2][1])
        result, out = receive(m, [files[0][0]], command="rx /lib/modules/x.ko")
        check_output("rx /lib/modules/x.ko", out, must=[r"^rx: received /lib/modules/x\.ko \(3000 bytes\)$"])
        check_crc(m, "/lib/modules/x.ko", files[0][1])

        result, out = receive(m, [files[0][0], files[2][0]], command="rx one")
        check_output("rx one", out, must=[r"^rx: 'b\.ko' is the second file, but a name was given for one; nothing written"])
        if result.returncode == 0:
            raise ConsoleError("sb did not notice the cancel: %s" % result.stderr)
        check_absent(m, "/tmp/one")
    out = m.cmd("rx /nope/x")
    check_output("rx /nope/x", out, must=[r"^rx: /nope/x: No such file or directory$"])
    out = m.cmd("rx ..")
    check_output("rx ..", out, must=[r"^rx: \.\.: Invalid argument$"])
    m.poweroff()


@scenario(timeout=180)
def rx_corrupted_blocks_are_resent(m):
    """Bytes flipped on the way (in a block's data, its number and its CRC)
    make rx NAK those blocks; sb sends them again and the file arrives intact."""
    m.boot()
    m.wait_prompt()
    spots = {data_offset(3, 100), data_offset(40, 0) - 2, data_offset(70, 1024)}
    hit = set()

    def corrupt(proc, chunk, offset):
        chunk = bytearray(chunk)
        for spot in spots - hit:
            if offset <= spot < offset + len(chunk):
                chunk[spot - offset] ^= 0x5a
                hit.add(spot)
        return bytes(chunk)

    with tempfile.TemporaryDirectory() as tmp:
        path, data = make_file(tmp, "noisy.ko", 100 * 1024, 5)
        result, out = receive(m, [path], tamper=corrupt)
    if hit != spots:
        raise ConsoleError("the test corrupted %d of %d bytes" % (len(hit), len(spots)))
    if result.returncode != 0:
        raise ConsoleError("sb failed (status %d): %s" % (result.returncode, result.stderr))
    check_output("rx", out, must=[r"^rx: received /tmp/noisy\.ko \(102400 bytes\)$",
                                  r", 100 blocks, 3 resent$"])
    check_crc(m, "/tmp/noisy.ko", data)
    m.poweroff()


@scenario(timeout=120)
def rx_sender_started_late(m):
    """'C's queued before the sender starts (as while the user types a path
    at picocom's prompt) each make sb send the header again; rx answers
    only the first, so sb's ACKs stay in step with its blocks (answering
    every copy made sb report success for a transfer rx had to cancel)."""
    m.boot()
    m.wait_prompt()
    with tempfile.TemporaryDirectory() as tmp:
        path, data = make_file(tmp, "late.ko", 20 * 1024, 9)
        m.sendline("rx")
        m.expect(r"rx: waiting for a YMODEM batch")
        result = m.run_on_console(["sh", "-c", 'sleep 3.5; exec "$0" "$@"'] + SB + [path],
                                  timeout=120)
        out = m.wait_prompt(timeout=60)
    if result.returncode != 0:
        raise ConsoleError("sb failed (status %d): %s" % (result.returncode, result.stderr))
    check_output("rx", out, must=[r"C{3,}\x06", r"^rx: received /tmp/late\.ko \(20480 bytes\)$"])
    check_crc(m, "/tmp/late.ko", data)
    m.poweroff()


def killed_midway(sig):
    """A tamper function: once half of the file went out, send sb @sig."""
    def tamper(proc, chunk, offset):
        if offset > 50 * 1024 and proc.poll() is None:
            proc.send_signal(sig)
        return chunk
    return tamper


@scenario(timeout=180)
def rx_cancelled_transfer_leaves_no_file(m):
    """sb stopped with SIGTERM midway sends CAN CAN: rx stops at once and
    writes nothing; an older file of that name is untouched; the shell
    works normally afterwards (sb's last bytes did not reach it)."""
    m.boot()
    m.wait_prompt()
    m.cmd("echo old > /tmp/gone.ko")
    with tempfile.TemporaryDirectory() as tmp:
        path, _ = make_file(tmp, "gone.ko", 100 * 1024, 6)
        start = time.monotonic()
        result, out = receive(m, [path], tamper=killed_midway(signal.SIGTERM))
    if result.returncode != 128 + signal.SIGTERM:
        raise ConsoleError("sb was not cancelled (status %d)" % result.returncode)
    check_output("rx", out, must=[r"^rx: cancelled by the sender; nothing written \(\d+ bytes were received\)$"],
                 must_not=[r"rx: received"])
    if time.monotonic() - start > 10 * m.scale:
        raise ConsoleError("rx took %.0f s to notice the cancel" % (time.monotonic() - start))
    check_output("cat", m.cmd("cat /tmp/gone.ko"), must=[r"^old$"])
    check_output("echo", m.cmd("echo still here"), must=[r"^still here$"])
    m.poweroff()


@scenario(timeout=180)
def rx_truncated_transfer_times_out(m):
    """sb killed (SIGKILL) midway says nothing more: rx times out, writes
    nothing, and the prompt comes back."""
    m.boot()
    m.wait_prompt()
    with tempfile.TemporaryDirectory() as tmp:
        path, _ = make_file(tmp, "cut.ko", 100 * 1024, 7)
        result, out = receive(m, [path], tamper=killed_midway(signal.SIGKILL))
    if result.returncode != -signal.SIGKILL:
        raise ConsoleError("sb was not killed (status %d)" % result.returncode)
    check_output("rx", out, must=[r"^rx: the sender went quiet; nothing written \(\d+ bytes were received\)$"])
    check_absent(m, "/tmp/cut.ko")
    check_output("echo", m.cmd("echo still here"), must=[r"^still here$"])
    m.poweroff()


@scenario(timeout=120)
def rx_ctrl_c_before_the_sender_starts(m):
    """Nobody sends: Ctrl-C gives the prompt back; so does rx's own timeout
    with a quiet line (not waited for here: a minute)."""
    m.boot()
    m.wait_prompt()
    m.sendline("rx")
    m.expect(r"rx: waiting for a YMODEM batch")
    m.write("ls\r")                     # typed by mistake: ignored
    m.write("\x03")
    out = m.wait_prompt()
    check_output("rx", out, must=[r"rx: cancelled; nothing written \(0 bytes were received\)"])
    m.poweroff()


class Terminal:
    """A program on a pty, as a user's terminal would run it."""

    def __init__(self, m, argv, cwd):
        self.m = m
        self.buf = b""
        self.screen = b""               # everything shown, for the log
        self.pid, self.fd = pty.fork()
        if self.pid == 0:               # the child: exec, nothing else
            os.chdir(cwd)
            os.environ["TERM"] = "xterm"
            os.execv(argv[0], argv)
        # 80x24: picocom's file prompt (linenoise) asks the size.
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def type(self, data):
        self.m.note("typed on the terminal %r" % data)
        os.write(self.fd, data)

    def expect(self, pattern, timeout=60):
        deadline = time.monotonic() + timeout * self.m.scale
        while True:
            match = re.search(pattern, self.buf)
            if match:
                text, self.buf = self.buf[:match.end()], self.buf[match.end():]
                return text
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                raise ConsoleError("terminal: no %r; the screen ends with %r"
                                   % (pattern, self.buf[-300:]))

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], min(timeout, 0.5))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:                 # EIO: the program is gone
            data = b""
        self.screen += data
        self.buf += data
        return bool(data)

    def wait(self, timeout=30):
        deadline = time.monotonic() + timeout * self.m.scale
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._read(0)
                self.close()
                return os.waitstatus_to_exitcode(status)
            self._read(0.1)
        self.kill()
        raise ConsoleError("terminal: the program did not exit")

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.close()

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        self.m.note("the terminal showed:\n" + normalize(self.screen.decode("latin-1")))


@scenario(timeout=180)
def make_run_sends_a_file_with_picocom(m):
    """`make run`'s terminal (tools/run.py on a pty, picocom on the console):
    the boot banner shows, `rx` then C-a C-s and a path send a file that
    arrives intact, `poweroff` ends it with QEMU's status 0."""
    for tool in ("picocom", "sb"):
        if not any(os.access(os.path.join(d, tool), os.X_OK)
                   for d in os.environ.get("PATH", "").split(os.pathsep)):
            raise ConsoleError("%s is not installed (make deps)" % tool)
    with tempfile.TemporaryDirectory() as tmp:
        path, data = make_file(tmp, "sent.ko", 40 * 1024, 8)
        term = Terminal(m, [sys.executable, "tools/run.py", "--arch", m.arch, "-O", m.build,
                            "--console", "picocom"], qemu_cmd.SRC)
        try:
            term.expect(rb"Scion version ")
            term.expect(rb"scion# ")
            term.type(b"rx\r")
            term.expect(rb"rx: waiting for a YMODEM batch")
            term.type(b"\x01\x13")      # C-a C-s: picocom's "send file"
            term.expect(rb"\*\*\* file: ")
            term.type(path.encode() + b"\r")
            term.expect(rb"\*\*\* exit status: 0 \*\*\*")
            term.expect(rb"rx: received /tmp/sent\.ko \(40960 bytes\)")
            term.expect(rb"scion# ")
            term.type(b"crc32 /tmp/sent.ko\r")
            term.expect(("%08x 40960 /tmp/sent.ko" % zlib.crc32(data)).encode())
            term.expect(rb"scion# ")
            term.type(b"poweroff\r")
            status = term.wait()
        except BaseException:
            term.kill()
            raise
    if status != 0:
        raise ConsoleError("make run's terminal exited with status %d, QEMU's was 0" % status)
    if b"FATAL" in term.screen:
        raise ConsoleError("picocom: %r" % term.screen[-200:])
