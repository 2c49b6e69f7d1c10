#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Boot-time benchmark: median wall time from QEMU's start to the shell
# prompt, per boot path. It reports figures; it never fails on slowness.
"""usage: bench_boot.py [--accel tcg|kvm] [-n RUNS]

Boots x86_64 with -kernel, x86_64 through the GRUB ISO and s390x, RUNS
times each (7), one at a time, and prints the median, min and max seconds
from process start to the `scion# ` prompt, next to the target (under TCG).
Exit status 1 only when a boot fails (no prompt), never for slowness.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_cmd                                 # noqa: E402
from machine import ConsoleError, Machine      # noqa: E402

# (label, arch, iso, target seconds under TCG)
CONFIGS = (
    ("x86_64 -kernel", "x86_64", False, 0.3),
    ("x86_64 GRUB ISO", "x86_64", True, 1.0),
    ("s390x -kernel", "s390x", False, 0.3),
)


def boot_time(arch, iso, accel, log):
    """Seconds from QEMU's start to the prompt of one boot."""
    machine = Machine(arch, accel, log_path=log)
    try:
        machine.boot(iso=iso)
        machine.wait_prompt()
        return time.monotonic() - machine.start_time
    finally:
        machine.close()


def main():
    ap = argparse.ArgumentParser(description="Median boot-to-prompt time of Scion in QEMU.")
    ap.add_argument("--accel", choices=qemu_cmd.ACCELS, default="tcg")
    ap.add_argument("-n", dest="runs", type=int, default=7)
    args = ap.parse_args()

    print("%-16s %8s %8s %8s %8s" % ("boot", "median", "min", "max", "target"))
    failed = False
    for label, arch, iso, target in CONFIGS:
        log = os.path.join(qemu_cmd.build_dir(arch), "tests",
                           "bench-%s.log" % ("iso" if iso else "kernel"))
        try:
            times = [boot_time(arch, iso, args.accel, log) for _ in range(args.runs)]
        except ConsoleError as err:
            print("%-16s failed: %s (log: %s)" % (label, err, os.path.relpath(log, qemu_cmd.SRC)))
            failed = True
            continue
        goal = "< %.1f s" % target if args.accel == "tcg" else "-"
        print("%-16s %7.3fs %7.3fs %7.3fs %8s%s" % (
            label, statistics.median(times), min(times), max(times), goal,
            "  (slower than the target)" if args.accel == "tcg" and
            statistics.median(times) >= target else ""))
        sys.stdout.flush()
    print("(%d runs each, %s, wall time from QEMU start to the prompt)" % (args.runs, args.accel))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
