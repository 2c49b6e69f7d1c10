# SPDX-License-Identifier: MIT
# Machine: one QEMU running Scion, driven over its serial console on plain
# pipes (binary-clean), with the full console log and a bad-pattern watch.
"""Boot Scion in QEMU and drive its shell.

    m = Machine("x86_64", log_path="build/x86_64/tests/demo.log")
    m.boot(cmdline="ktest=all")
    m.wait_prompt()
    out = m.cmd("echo hi")          # "hi\n": no echo, no prompt, "\n" endings
    m.poweroff()                    # QEMU must exit with status 0

Every wait fails fast with a ConsoleError when the console shows a bad
pattern (panic, oops, WARNING:, BUG:, a second boot banner) or QEMU exits
when it should not; it fails with a ConsoleTimeout after its timeout.
"""

import os
import re
import subprocess
import threading
import time

import qemu_cmd

PROMPT = b"scion# "
PROMPT_RE = re.compile(rb"(?:^|\n)" + re.escape(PROMPT) + rb"|" + re.escape(PROMPT) + rb"\Z")
BANNER = re.compile(rb"Scion version ")
# Kernel log lines look like Linux dmesg: "[    0.001234] message".
LOG_LINE = re.compile(r"^\[\s*\d+\.\d{6}\] ", re.M)

# (name, pattern): any of these anywhere on the console fails the test.
BAD_PATTERNS = (
    ("panic", re.compile(rb"Kernel panic - not syncing")),
    ("oops", re.compile(rb"\bOops\b")),
    ("warning", re.compile(rb"WARNING:")),
    ("bug", re.compile(rb"BUG:")),
)

# Commands whose output may legitimately repeat the boot banner.
BANNER_COMMANDS = ("version", "dmesg")

DEFAULT_TIMEOUT = 20.0


class ConsoleError(Exception):
    """The machine misbehaved: the test fails with this message."""


class ConsoleTimeout(ConsoleError):
    pass


class BadConsole(ConsoleError):
    """A bad pattern on the console; Machine.failure has the whole line
    once the machine is closed."""


def timeout_scale(accel):
    """Multiplier for every timeout: KVM on nested hosts is far slower than
    TCG (see /work/shared/notes), and loaded CI machines set
    SCION_TIMEOUT_SCALE."""
    scale = float(os.environ.get("SCION_TIMEOUT_SCALE", "1"))
    return scale * (10.0 if accel == "kvm" else 1.0)


def normalize(text):
    """Console text with "\\r\\n" (and stray "\\r") turned into "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "")


class Machine:
    """One QEMU process running Scion. Not reusable: boot it once."""

    def __init__(self, arch="x86_64", accel="tcg", log_path=None, build=None,
                 timeout=DEFAULT_TIMEOUT, allow=()):
        self.arch = arch
        self.accel = accel
        self.build = qemu_cmd.build_dir(arch, build)
        self.log_path = log_path
        self.scale = timeout_scale(accel)
        self.timeout = timeout * self.scale
        self.allow = set(allow)         # names from BAD_PATTERNS to ignore
        self.argv = None
        self.proc = None
        self.start_time = None
        self.exit_status = None
        self._buf = bytearray()         # everything QEMU wrote to the console
        self._pos = 0                   # what expect() has consumed
        self._scan = 0                  # start of the first unscanned line
        self._banners = 0
        self._banner_ok = False         # inside output of a BANNER_COMMANDS
        self._failure = None            # first bad pattern / kill reason
        self._bad_line = None           # where the bad pattern's line starts
        self._eof = False
        self._stderr = bytearray()
        self._cond = threading.Condition()
        self._log = None
        self._log_bol = True            # the log ends with a newline
        self._log_lock = threading.Lock()
        self._threads = []
        self._tap = None                # run_on_console(): the program's stdin

    # ---- starting and stopping ------------------------------------------

    def boot(self, arch=None, cmdline="", iso=False, extra_qemu_args=(), gdb_port=None,
             modules=()):
        """Start QEMU. Does not wait: call wait_prompt() (or expect()) next.
        @modules: files the kernel finds in /lib/modules (qemu_cmd.qemu_cmd)."""
        if self.proc:
            raise RuntimeError("Machine.boot() called twice")
        self.arch = arch or self.arch
        self.argv = qemu_cmd.qemu_cmd(self.arch, self.accel, self.build, cmdline, iso,
                                      gdb_port=gdb_port, extra=extra_qemu_args,
                                      modules=modules)
        image = self.argv[self.argv.index("-cdrom" if iso else "-kernel") + 1]
        if not os.path.exists(image):
            raise ConsoleError("%s does not exist (make ARCH=%s)" % (image, self.arch))
        self.note("qemu: " + " ".join(self.argv))
        self.start_time = time.monotonic()
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, bufsize=0)
        for target, pipe in ((self._read_console, self.proc.stdout),
                             (self._read_stderr, self.proc.stderr)):
            thread = threading.Thread(target=target, args=(pipe,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def kill(self, reason=None):
        """Kill QEMU. With @reason, every pending and later wait fails with it."""
        with self._cond:
            if reason and not self._failure:
                self._failure = reason
            self._cond.notify_all()
        if self.proc and self.proc.poll() is None:
            self.proc.kill()

    def close(self):
        """Kill QEMU if it still runs, collect its output, close the log."""
        if not self.proc:
            self._close_log()
            return
        if self._bad_line is not None:
            self._drain()
        self.kill()
        self.exit_status = self.proc.wait()
        for thread in self._threads:
            thread.join(timeout=5)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                pipe.close()
            except OSError:
                pass
        if self._stderr:
            self.note("qemu stderr:\n" + self._stderr.decode("latin-1").rstrip("\n"))
        self.note("qemu exit status %s" % self.exit_status)
        self._close_log()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def wait_exit(self, timeout=None):
        """Wait for QEMU to exit on its own. Return its exit status."""
        timeout = self._timeout(timeout)
        with self._cond:
            if not self._cond.wait_for(lambda: self._eof or self._failure, timeout):
                self.kill()
                raise ConsoleTimeout("QEMU did not exit within %.0f s" % timeout)
        self.check()
        try:
            self.exit_status = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise ConsoleTimeout("QEMU closed its console but did not exit within %.0f s"
                                 % timeout) from None
        for thread in self._threads:
            thread.join(timeout=5)
        self.check()
        return self.exit_status

    def poweroff(self, timeout=None):
        """Run `poweroff` and check that QEMU exits with status 0."""
        self.sendline("poweroff")
        status = self.wait_exit(timeout)
        if status != 0:
            raise ConsoleError("poweroff: QEMU exit status %d, expected 0" % status)

    # ---- the console ----------------------------------------------------

    def write(self, data):
        """Send raw bytes (or latin-1 text) to the console."""
        if isinstance(data, str):
            data = data.encode("latin-1")
        self._log_typed(data)
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            self.check()
            raise ConsoleError("QEMU exited while input was being sent") from None

    def sendline(self, line):
        self.write(line + "\r")

    def run_on_console(self, argv, timeout=None, tamper=None):
        """Run a host program on the console, as a terminal's "send file"
        key runs sb: what the guest prints goes to the program's stdin too,
        what the program writes goes to the guest. The guest's output still
        lands in the console buffer and log; the program's output is noted
        in the log by its size, its stderr in full.

        @tamper(proc, data, offset) -> bytes sees each chunk the program
        writes (@offset: where it starts in the program's output) and
        returns what reaches the guest: a test can corrupt a byte or kill
        the program there. Return a subprocess.CompletedProcess (stderr
        set); ConsoleTimeout if it runs longer than @timeout.
        """
        timeout = self._timeout(timeout)
        self.note("run on the console: " + " ".join(argv))
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, bufsize=0)
        sent = [0]
        errors = bytearray()

        def to_guest():
            while True:
                data = os.read(proc.stdout.fileno(), 65536)
                if not data:
                    return
                offset, sent[0] = sent[0], sent[0] + len(data)
                data = tamper(proc, data, offset) if tamper else data
                try:
                    self.proc.stdin.write(data)
                    self.proc.stdin.flush()
                except (BrokenPipeError, ValueError):
                    return

        threads = [threading.Thread(target=to_guest, daemon=True),
                   threading.Thread(target=lambda: errors.extend(proc.stderr.read()), daemon=True)]
        for thread in threads:
            thread.start()
        self._tap = proc.stdin
        deadline = time.monotonic() + timeout
        try:
            while proc.poll() is None:
                if self._eof or self._failure:
                    proc.kill()
                    self.check()
                    raise ConsoleError("QEMU exited (%s) while %s ran"
                                       % (self._exit_reason(), argv[0]))
                if time.monotonic() > deadline:
                    proc.kill()
                    raise ConsoleTimeout("%s still ran after %.0f s" % (argv[0], timeout))
                time.sleep(0.02)
        finally:
            proc.wait()
            self._tap = None
            for thread in threads:
                thread.join(timeout=5)
            proc.stdin.close()
            self.note("%s: exit status %d, wrote %d bytes to the console%s"
                      % (argv[0], proc.returncode, sent[0],
                         "; stderr:\n" + normalize(errors.decode("latin-1")).rstrip("\n")
                         if errors else ""))
        return subprocess.CompletedProcess(argv, proc.returncode, None, bytes(errors))

    def check(self):
        """Raise now if a bad pattern was seen or the machine was killed."""
        if self._failure:
            raise (BadConsole if self._bad_line is not None else ConsoleError)(self.failure)

    @property
    def failure(self):
        """Why the machine failed (None if it did not): the kill reason, or
        the bad pattern with its console line as far as it was printed."""
        if self._bad_line is None:
            return self._failure
        end = self._buf.find(b"\n", self._bad_line)
        line = self._buf[self._bad_line:end if end >= 0 else len(self._buf)]
        return "%s: %s" % (self._failure, line.decode("latin-1").strip())

    def expect(self, pattern, timeout=None, what=None):
        """Wait until @pattern (str or bytes regex) appears in the console
        output not yet consumed. Consume up to the end of the match, return it.
        @what names the awaited thing in error messages.
        """
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.M)
        what = what or repr(regex.pattern)
        want_bytes = isinstance(regex.pattern, bytes)
        timeout = self._timeout(timeout)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                self.check()
                data = bytes(self._buf[self._pos:])
                match = regex.search(data if want_bytes else data.decode("latin-1"))
                if match:
                    self._pos += match.end()
                    return match
                if self._eof:
                    raise ConsoleError("QEMU exited (%s) while waiting for %s"
                                       % (self._exit_reason(), what))
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ConsoleTimeout("timeout after %.0f s waiting for %s"
                                         % (timeout, what))
                self._cond.wait(left)

    def read_bytes(self, count, timeout=None):
        """Consume exactly @count raw bytes of console output."""
        timeout = self._timeout(timeout)
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._buf) - self._pos >= count
                                       or self._eof or self._failure, timeout):
                raise ConsoleTimeout("timeout after %.0f s waiting for %d bytes"
                                     % (timeout, count))
            self.check()
            if len(self._buf) - self._pos < count:
                raise ConsoleError("QEMU exited while %d bytes were expected" % count)
            data = bytes(self._buf[self._pos:self._pos + count])
            self._pos += count
            return data

    def wait_prompt(self, timeout=None):
        """Wait for the shell prompt. Return the normalized text before it.

        The prompt counts at the start of a line, or anywhere as the last
        thing printed so far (after `echo -n x`): the shell prints nothing
        after its prompt until it gets input.
        """
        start = self._pos
        self.expect(PROMPT_RE, timeout, "the prompt %r" % PROMPT.decode())
        text = self._buf[start:self._pos - len(PROMPT)].decode("latin-1")
        return normalize(text)

    def cmd(self, line, timeout=None, allow_banner=None):
        """Type @line and Enter, wait for the next prompt, return the output:
        without the echoed command line and the prompt, "\\n" line endings.

        A printable @line must be echoed back exactly. A @line with control
        characters (line-editing tests) has its echo line dropped unchecked.
        """
        words = line.split()
        if allow_banner is None:
            allow_banner = bool(words) and words[0] in BANNER_COMMANDS
        with self._cond:
            self._banner_ok = allow_banner
        try:
            self.sendline(line)
            text = self.wait_prompt(timeout)
        finally:
            with self._cond:
                self._banner_ok = False
        echo, _, output = text.partition("\n")
        if line.isprintable() and echo != line:
            raise ConsoleError("command %r was echoed as %r" % (line, echo))
        return output

    @property
    def output(self):
        """The whole console output so far, normalized."""
        with self._cond:
            return normalize(self._buf.decode("latin-1"))

    def note(self, text):
        """Write a line of host-side commentary into the console log."""
        self._log_write(("[host] %s\n" % text).encode("latin-1", "replace"), own_line=True)

    # ---- internals ------------------------------------------------------

    def _timeout(self, timeout):
        return self.timeout if timeout is None else timeout * self.scale

    def _exit_reason(self):
        """How QEMU ended, after its console closed: status and stderr."""
        try:
            status = "status %d" % self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            status = "still running"
        lines = self._stderr.decode("latin-1").strip().splitlines()
        return status + (": " + lines[-1] if lines else "")

    def _log_write(self, data, own_line=False):
        with self._log_lock:
            if self._log is None and self.log_path:
                os.makedirs(os.path.dirname(self.log_path) or ".", exist_ok=True)
                self._log = open(self.log_path, "wb")
                self._log_bol = True
            if self._log and data:
                if own_line and not self._log_bol:
                    data = b"\n" + data
                self._log.write(data)
                self._log.flush()
                self._log_bol = data.endswith(b"\n")

    def _drain(self, quiet=0.5, limit=3.0):
        """After a bad pattern, let the kernel finish its report (an oops
        and its backtrace) for the log: wait until the console has been
        quiet for @quiet s, at most @limit s. Affects only the log."""
        deadline = time.monotonic() + limit
        with self._cond:
            while not self._eof and time.monotonic() < deadline:
                size = len(self._buf)
                self._cond.wait(quiet)
                if len(self._buf) == size:
                    return

    def _close_log(self):
        with self._log_lock:
            if self._log:
                self._log.close()
            self._log = None
            self.log_path = None        # later notes go nowhere

    def _log_typed(self, data):
        shown = data if len(data) <= 80 else data[:80]
        more = "" if len(data) <= 80 else " ... (%d bytes)" % len(data)
        self.note("typed %r%s" % (shown, more))

    def _read_console(self, pipe):
        fd = pipe.fileno()
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            tap = self._tap
            if tap and data:
                try:
                    tap.write(data)
                except (BrokenPipeError, ValueError):
                    pass
            self._log_write(data)
            with self._cond:
                if data:
                    self._buf += data
                    self._watch()
                else:
                    self._eof = True
                self._cond.notify_all()
            if not data:
                return

    def _read_stderr(self, pipe):
        while True:
            data = os.read(pipe.fileno(), 65536)
            if not data:
                return
            with self._cond:
                self._stderr += data

    def _watch(self):
        """Scan new console lines for bad patterns. Called under _cond.

        Whole lines are scanned once; the unfinished last line is scanned
        too (a panic need not end in a newline) but not the boot banner.
        """
        end = self._buf.rfind(b"\n") + 1
        while self._scan < end:
            eol = self._buf.index(b"\n", self._scan) + 1
            self._check_line(self._scan, eol, banner=True)
            self._scan = eol
        # Bounded: binary transfers can make very long unfinished lines.
        self._check_line(max(self._scan, len(self._buf) - 4096), len(self._buf), banner=False)

    def _check_line(self, start, end, banner):
        if self._failure:
            return
        line = bytes(self._buf[start:end])
        for name, pattern in BAD_PATTERNS:
            if name not in self.allow and pattern.search(line):
                self._failure = "bad pattern %s on the console" % name
                self._bad_line = start
                return
        if banner and BANNER.search(line) and not self._banner_ok:
            self._banners += 1
            if self._banners > 1 and "reboot" not in self.allow:
                self._failure = "second boot banner: the machine rebooted"
                self._bad_line = start
