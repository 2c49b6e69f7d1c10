#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# QEMU command lines for Scion: the one place that knows them, with one small
# config per arch. Used by run.py, bench_boot.py, tools/debug.sh and `make run`.
"""Build QEMU command lines for Scion.

As a program:
  qemu_cmd.py --arch x86_64 [--accel tcg|kvm] [-O build/x86_64] [--iso]
              [--append "ktest=all"] [--gdb PORT]
              [--console-socket PATH [--console-log PATH]]
              [--exec]             exec QEMU instead of printing the command
  qemu_cmd.py --arch s390x --gdb-binary       print the gdb to use
  qemu_cmd.py --wait-port PORT [--timeout S]  wait until 127.0.0.1:PORT listens
  qemu_cmd.py --port-free PORT                fail if 127.0.0.1:PORT is taken
"""

import argparse
import hashlib
import os
import shlex
import socket
import sys
import time

ARCHES = ("x86_64", "s390x")
ACCELS = ("tcg", "kvm")

# tests/qemu/qemu_cmd.py -> the top of the tree.
SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Per-arch configuration. "machine" comes first on the command line, "tail"
# last; "kvm" is added to `-accel kvm`; "iso" says whether a GRUB ISO exists.
ARCH_CONFIG = {
    "x86_64": {
        "qemu": "qemu-system-x86_64",
        "machine": ["-m", "256M"],
        "kvm": ["-cpu", "host"],
        # The guest can exit QEMU with outl(0xf4, v): status (v << 1) | 1.
        "tail": ["-device", "isa-debug-exit,iobase=0xf4,iosize=4"],
        "gdb": "gdb",
        "iso": True,
    },
    "s390x": {
        "qemu": "qemu-system-s390x",
        # -nodefaults: the SCLP ASCII console is then the only console.
        "machine": ["-M", "s390-ccw-virtio", "-m", "256M", "-nodefaults"],
        "kvm": [],
        "tail": [],
        "gdb": "gdb-multiarch",
        "iso": False,
    },
}


def build_dir(arch, out=None):
    """The build directory of @arch: @out if given, else build/<arch>."""
    return out or os.path.join(SRC, "build", arch)


def kernel_path(arch, out=None):
    return os.path.join(build_dir(arch, out), "kernel.elf")


def iso_path(arch, out=None):
    return os.path.join(build_dir(arch, out), "scion.iso")


def has_iso(arch):
    return ARCH_CONFIG[arch]["iso"]


def gdb_binary(arch):
    return ARCH_CONFIG[arch]["gdb"]


def console_args(console_socket=None, console_log=None):
    """The serial console: stdio (plain pipes, binary-clean: no monitor mux),
    or a unix socket server that does not wait for a client, with an
    optional log file that records all output even with no client."""
    if not console_socket:
        return ["-serial", "stdio"]
    spec = "socket,id=con0,path=%s,server=on,wait=off" % console_socket
    if console_log:
        spec += ",logfile=%s" % console_log
    return ["-chardev", spec, "-serial", "chardev:con0"]


def qemu_cmd(arch, accel="tcg", out=None, cmdline=None, iso=False,
             gdb_port=None, console_socket=None, console_log=None,
             extra=(), modules=()):
    """Return the QEMU argv that boots the kernel of @arch.

    @iso boots build/<arch>/scion.iso through GRUB (its grub.cfg holds the
    command line, so @cmdline must be empty). @gdb_port starts the CPU halted
    with the gdbstub on 127.0.0.1:@gdb_port. @modules are files the kernel
    finds in /lib/modules: multiboot modules on x86_64 (QEMU's -initrd takes
    a comma-separated list; each is named after its file); on s390x, which
    has one initrd, one file is "initrd", and several are packed into a cpio
    archive that the kernel unpacks under their own names.
    """
    if arch not in ARCH_CONFIG:
        raise ValueError("unknown arch %r" % arch)
    if accel not in ACCELS:
        raise ValueError("unknown accel %r" % accel)
    cfg = ARCH_CONFIG[arch]
    argv = [cfg["qemu"], "-accel", accel]
    if accel == "kvm":
        argv += cfg["kvm"]
    argv += cfg["machine"]
    if iso:
        if not cfg["iso"]:
            raise ValueError("%s has no GRUB ISO" % arch)
        if cmdline:
            raise ValueError("an ISO boot takes its command line from grub.cfg")
        if modules:
            raise ValueError("an ISO boot takes its modules from grub.cfg (EXTRA_MODULES)")
        argv += ["-cdrom", iso_path(arch, out)]
    else:
        argv += ["-kernel", kernel_path(arch, out)]
        if cmdline:
            argv += ["-append", cmdline]
        if modules:
            if any("," in m for m in modules):
                raise ValueError("a module path with a comma: %r" % (modules,))
            if arch == "s390x" and len(modules) > 1:
                modules = [cpio_archive(build_dir(arch, out), modules)]
            argv += ["-initrd", ",".join(modules)]
    argv += ["-display", "none", "-no-reboot"]
    argv += console_args(console_socket, console_log)
    if gdb_port is not None:
        argv += ["-S", "-gdb", "tcp:127.0.0.1:%d" % gdb_port]
    argv += cfg["tail"]
    argv += list(extra)
    return argv


def guest_paths(arch, files):
    """{file's base name: its path in the guest} for files booted as
    @modules (see qemu_argv): /lib/modules/<name>, except a lone s390x
    initrd, which is /lib/modules/initrd."""
    if arch == "s390x" and len(files) == 1:
        return {os.path.basename(files[0]): "/lib/modules/initrd"}
    return {os.path.basename(f): "/lib/modules/" + os.path.basename(f) for f in files}


def cpio_archive(out_dir, files):
    """A newc cpio archive of @files (each under its base name) in
    @out_dir/initrd/, named after its contents, so that runs in parallel
    share it; return its path. The format: cpio(5), "New ASCII Format";
    the kernel reads it with lib/cpio.c."""
    names = [os.path.basename(f) for f in files]
    if len(set(names)) != len(names):
        raise ValueError("two modules with one name: %r" % (files,))
    blob = bytearray()

    def entry(name, mode, data):
        encoded = name.encode() + b"\0"
        fields = (len(blob), mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(encoded), 0)
        blob.extend(b"070701" + b"".join(b"%08x" % f for f in fields) + encoded)
        blob.extend(b"\0" * (-len(blob) % 4))
        blob.extend(data)
        blob.extend(b"\0" * (-len(blob) % 4))

    for name, path in zip(names, files):
        with open(path, "rb") as f:
            entry(name, 0o100644, f.read())
    entry("TRAILER!!!", 0, b"")
    directory = os.path.join(out_dir, "initrd")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, hashlib.sha1(blob).hexdigest()[:16] + ".cpio")
    if not os.path.exists(path):
        tmp = "%s.%d.tmp" % (path, os.getpid())
        with open(tmp, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)
    return path


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port, timeout=10.0):
    """Wait until something listens on 127.0.0.1:@port. Return True if it does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def main():
    ap = argparse.ArgumentParser(description="Print (or exec) the QEMU command line for Scion.")
    ap.add_argument("--arch", choices=ARCHES, default=os.environ.get("ARCH", "x86_64"))
    ap.add_argument("--accel", choices=ACCELS, default=os.environ.get("ACCEL", "tcg"))
    ap.add_argument("-O", dest="out", help="build directory (default build/<arch>)")
    ap.add_argument("--iso", action="store_true", help="boot the GRUB ISO (x86_64)")
    ap.add_argument("--append", default="", help="kernel command line")
    ap.add_argument("--modules", default="", metavar="A.ko,B.ko",
                    help="files for /lib/modules (-kernel boots)")
    ap.add_argument("--gdb", type=int, metavar="PORT", help="start halted, gdbstub on PORT")
    ap.add_argument("--console-socket", metavar="PATH", help="serial on a unix socket")
    ap.add_argument("--console-log", metavar="PATH", help="log file for --console-socket")
    ap.add_argument("--exec", action="store_true", help="exec QEMU")
    ap.add_argument("--setsid", action="store_true",
                    help="with --exec: in a new session (a Ctrl-C for gdb does not reach QEMU)")
    ap.add_argument("--gdb-binary", action="store_true", help="print the gdb for --arch")
    ap.add_argument("--wait-port", type=int, metavar="PORT", help="wait for a listener")
    ap.add_argument("--port-free", type=int, metavar="PORT", help="check PORT is free")
    ap.add_argument("--timeout", type=float, default=10.0)
    args, extra = ap.parse_known_args()

    if args.port_free is not None:
        try:
            with socket.socket() as sock:
                # As QEMU does: a port in TIME_WAIT is free, a listener is not.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(("127.0.0.1", args.port_free))
            return 0
        except OSError as err:
            print("qemu_cmd.py: port %d: %s" % (args.port_free, err.strerror), file=sys.stderr)
            return 1
    if args.wait_port is not None:
        return 0 if wait_port(args.wait_port, args.timeout) else 1
    if args.gdb_binary:
        print(gdb_binary(args.arch))
        return 0
    try:
        argv = qemu_cmd(args.arch, args.accel, args.out, args.append, args.iso,
                        args.gdb, args.console_socket, args.console_log, extra,
                        [m for m in args.modules.split(",") if m])
    except ValueError as err:
        print("qemu_cmd.py: %s" % err, file=sys.stderr)
        return 2
    if args.exec:
        if args.setsid:
            os.setsid()
        os.execvp(argv[0], argv)
    print(shlex.join(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def kvm_usable():
    """Can /dev/kvm be opened (read-write)?"""
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
        return True
    except OSError:
        return False


def add_target_args(ap):
    """--accel and --arch, each with "all", for a benchmark's ArgumentParser."""
    ap.add_argument("--accel", choices=ACCELS + ("all",), default="all")
    ap.add_argument("--arch", choices=ARCHES + ("all",), default="all")


def targets(args):
    """(accels, arches) that add_target_args() chose: "all" accelerators are
    TCG, and KVM where /dev/kvm opens (said when it does not)."""
    if args.accel != "all":
        accels = [args.accel]
    else:
        accels = ["tcg"] + (["kvm"] if kvm_usable() else [])
        if "kvm" not in accels:
            print("(no usable /dev/kvm: TCG only)")
    arches = [args.arch] if args.arch != "all" else list(ARCHES)
    return accels, arches
