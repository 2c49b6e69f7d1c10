#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# rx benchmark: how long a 100 KiB module takes to arrive over the serial
# console with YMODEM (the real sb). It reports figures; it never fails on
# slowness.
"""usage: bench_rx.py [--accel tcg|kvm] [-n RUNS] [--size KIB] [--arch x86_64|s390x|all]

Boots each arch once and receives a random file of SIZE KiB (100) RUNS
times (5) with `rx` and `sb --ymodem -k` on the console's pipes. Prints the
median, min and max of two times: sb's whole run on the host (from its
start, which includes waiting up to 1 s for rx's next 'C', to its exit),
and the transfer as rx measures it (from the header block to the end of
the batch). Exit status 1 only when a transfer fails.
"""

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_cmd                                 # noqa: E402
from machine import ConsoleError, Machine      # noqa: E402

RX_LINE = re.compile(r"^rx: 1 file, (\d+) bytes in ([\d.]+) s", re.M)


def receive(m, path, data):
    """One transfer. Return (sb's seconds, rx's seconds)."""
    m.sendline("rx")
    m.expect(r"rx: waiting for a YMODEM batch")
    start = time.monotonic()
    result = m.run_on_console(["sb", "--ymodem", "-k", path], timeout=300)
    host = time.monotonic() - start
    out = m.wait_prompt(timeout=60)
    found = RX_LINE.search(out)
    if result.returncode != 0 or not found or int(found.group(1)) != len(data):
        raise ConsoleError("transfer failed (sb status %d): %s" % (result.returncode, out.strip()))
    crc = m.cmd("crc32 /tmp/" + os.path.basename(path)).split()
    if not crc or crc[0] != "%08x" % zlib.crc32(data):
        raise ConsoleError("received file differs: crc32 %s" % crc)
    return host, float(found.group(2))


def bench(arch, accel, runs, path, data):
    log = os.path.join(qemu_cmd.build_dir(arch), "tests", "bench-rx.log")
    with Machine(arch, accel, log_path=log) as m:
        m.boot()
        m.wait_prompt()
        times = [receive(m, path, data) for _ in range(runs)]
        m.poweroff()
    return times


def row(label, values):
    return "%-22s %7.3fs %7.3fs %7.3fs" % (label, statistics.median(values), min(values), max(values))


def main():
    ap = argparse.ArgumentParser(description="Time rx receiving a file over the console.")
    ap.add_argument("--accel", choices=qemu_cmd.ACCELS, default="tcg")
    ap.add_argument("--arch", choices=qemu_cmd.ARCHES + ("all",), default="all")
    ap.add_argument("-n", dest="runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=100, help="KiB (100)")
    args = ap.parse_args()

    data = random.Random(1).randbytes(args.size * 1024)
    failed = False
    print("%-22s %8s %8s %8s" % ("%d KiB" % args.size, "median", "min", "max"))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.ko")
        with open(path, "wb") as f:
            f.write(data)
        for arch in qemu_cmd.ARCHES if args.arch == "all" else (args.arch,):
            try:
                times = bench(arch, args.accel, args.runs, path, data)
            except ConsoleError as err:
                print("%-22s failed: %s" % (arch, err))
                failed = True
                continue
            print(row("%s sb on the host" % arch, [h for h, _ in times]))
            print(row("%s rx's transfer" % arch, [k for _, k in times]))
            sys.stdout.flush()
    print("(%d runs each, %s; KiB/s = %d / median)" % (args.runs, args.accel, args.size))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
