#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Livepatch benchmark: boots each arch with the consistency checker's patch
# module and prints what `klp-bench` measures. It reports figures; it never
# fails on slowness.
"""usage: bench_livepatch.py [--accel tcg|kvm|all] [--arch x86_64|s390x|all]
                          [-n CALLS] [--running N] [--sleeping N] [--runs N]

For each arch and accelerator (all: TCG, and KVM when /dev/kvm can be
opened), boots Scion with modules/test_klp_consistency.ko and runs:

  klp-bench calls <ko> CALLS
      a call of klp_consistency_a(): unpatched (the fentry NOP), patched
      while the patch's transition is held open, patched after it, each
      against a call of the replacement itself (arch_cycles() units: TSC
      cycles on x86_64, TOD clock units of 1/4096 us on s390x; and ns);
  klp-bench transition <ko> 3
      patching and unpatching transitions on an idle system;
  spawn-load RUNNING SLEEPING, then klp-bench transition <ko> RUNS
      the same with 1,000 runnable and 100 sleeping user processes.

A transition is timed from klp_start_transition() to
klp_complete_transition() (every task switched), in ticks (HZ=100) and
microseconds, with the number of attempts (the first, then one every
100 ms) and how many tasks were "stuck" when it started: preempted inside
the kernel, so that their stacks cannot be checked and they switch only
when they next run, which with 1,000 runnable processes and 50 ms slices
can take up to a whole round of the run queue (about 50 s).
Exit status 1 only when a run fails.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import qemu_cmd                                 # noqa: E402
from machine import ConsoleError, Machine      # noqa: E402

PATCH = "test_klp_consistency"



def run_bench(arch, accel, args):
    """The outputs of the klp-bench commands on a fresh boot."""
    log = os.path.join(qemu_cmd.build_dir(arch), "tests", "bench-livepatch-%s.log" % accel)
    os.makedirs(os.path.dirname(log), exist_ok=True)
    module = os.path.join(qemu_cmd.build_dir(arch), "modules", PATCH + ".ko")
    if not os.path.exists(module):
        raise ConsoleError("%s is not built (make ARCH=%s)" % (module, arch))
    ko = qemu_cmd.guest_paths(arch, [module])[PATCH + ".ko"]
    machine = Machine(arch, accel, log_path=log)
    try:
        machine.boot(modules=[module], cmdline="loglevel=5")
        machine.wait_prompt()
        out = machine.cmd("klp-bench calls %s %d" % (ko, args.calls), timeout=300)
        out += machine.cmd("klp-bench transition %s 3" % ko, timeout=60)
        out += machine.cmd("spawn-load %d %d" % (args.running, args.sleeping), timeout=600)
        # Each transition may wait up to a round of the run queue for a stuck task.
        out += machine.cmd("klp-bench transition %s %d" % (ko, args.runs),
                           timeout=300 + 240 * args.runs)
        machine.poweroff(timeout=600)
        return out
    finally:
        machine.close()


def main():
    ap = argparse.ArgumentParser(description="Cost of livepatch: calls and transitions, in QEMU.")
    qemu_cmd.add_target_args(ap)
    ap.add_argument("-n", dest="calls", type=int, default=100000)
    ap.add_argument("--running", type=int, default=1000)
    ap.add_argument("--sleeping", type=int, default=100)
    ap.add_argument("--runs", type=int, default=2, help="transition pairs under load")
    args = ap.parse_args()

    accels, arches = qemu_cmd.targets(args)
    failed = False
    for accel in accels:
        for arch in arches:
            print("== %s, %s" % (arch, accel))
            sys.stdout.flush()
            try:
                out = run_bench(arch, accel, args)
            except ConsoleError as err:
                print("failed: %s" % err)
                failed = True
                continue
            sys.stdout.write(out)
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
