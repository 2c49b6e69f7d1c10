#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# ftrace benchmark: boots each arch, runs the `ftrace-bench` shell command
# and prints its figures. It reports figures; it never fails on slowness.
"""usage: bench_ftrace.py [--accel tcg|kvm|all] [--arch x86_64|s390x|all] [-n CALLS]

For each arch and accelerator (all: TCG, and KVM when /dev/kvm can be
opened), boots Scion, runs `ftrace-bench CALLS` and prints what it says:
the cost of a call of an empty function without a fentry site, with the
NOP, with one ops and with two ops on it, in arch_cycles() units (x86_64:
TSC cycles; s390x: TOD clock units of 1/4096 us) and in ns, with each
ratio to the first. Linux's anchor: the NOP is not measurable, one ops
adds about 13 ns (arm64); the target here is NOP <= 1.01x. Under TCG the
figures are the emulator's, and the NOP ratio moves by a few percent
from run to run. Exit status 1 only when a run fails.
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_cmd                                 # noqa: E402
from machine import ConsoleError, Machine      # noqa: E402

NOP_TARGET = 1.01



def run_bench(arch, accel, calls):
    """The output of `ftrace-bench CALLS` on a fresh boot."""
    log = os.path.join(qemu_cmd.build_dir(arch), "tests", "bench-ftrace-%s.log" % accel)
    os.makedirs(os.path.dirname(log), exist_ok=True)
    machine = Machine(arch, accel, log_path=log)
    try:
        machine.boot()
        machine.wait_prompt()
        out = machine.cmd("ftrace-bench %d" % calls, timeout=300)
        machine.poweroff()
        return out
    finally:
        machine.close()


def main():
    ap = argparse.ArgumentParser(description="Cost of ftrace per call, in QEMU.")
    qemu_cmd.add_target_args(ap)
    ap.add_argument("-n", dest="calls", type=int, default=200000)
    args = ap.parse_args()

    accels, arches = qemu_cmd.targets(args)
    failed = False
    for accel in accels:
        for arch in arches:
            print("== %s, %s" % (arch, accel))
            try:
                out = run_bench(arch, accel, args.calls)
            except ConsoleError as err:
                print("failed: %s" % err)
                failed = True
                continue
            sys.stdout.write(out)
            nop = re.search(r"^\s+fentry nop .* ([0-9.]+)x$", out, re.M)
            if not nop:
                print("failed: no 'fentry nop' line")
                failed = True
                continue
            print("  NOP ratio %s (target <= %.2fx)" % (nop.group(1), NOP_TARGET))
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
