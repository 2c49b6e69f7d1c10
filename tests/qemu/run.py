#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# The QEMU scenario runner: every scenario of tests/qemu/scenarios/ on every
# arch it supports, two at a time, one TAP line each.
"""Run Scion's QEMU scenarios.

usage: run.py [--arch x86_64|s390x|all] [--accel tcg|kvm] [-k SUBSTRING]
              [--list] [-j JOBS] [-v]

Prints `ok N - <arch>: <name>` or `not ok N - <arch>: <name>` followed by
`# ` lines with the reason and the console log
(build/<arch>/tests/<name>.log), then `# qemu: N passed, N failed`.
-k selects the tests whose "<arch>: <name>" contains SUBSTRING.
Exit status: 0 when every selected test passed, 1 otherwise.
"""

import argparse
import concurrent.futures
import glob
import importlib.util
import os
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import qemu_cmd                                         # noqa: E402
from machine import BadConsole, ConsoleError, Machine, normalize   # noqa: E402
from scenario import ALL_ARCHES, Scenario               # noqa: E402

TAIL_LINES = 8          # console lines shown under a failure


def discover():
    """Every Scenario in tests/qemu/scenarios/*.py, in file and source order."""
    scenarios = []
    names = {}
    for path in sorted(glob.glob(os.path.join(HERE, "scenarios", "*.py"))):
        modname = "scenarios." + os.path.basename(path)[:-3]
        spec = importlib.util.spec_from_file_location(modname, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for value in vars(module).values():
            if not isinstance(value, Scenario):
                continue
            if value.name in names and names[value.name] != path:
                raise SystemExit("run.py: scenario %r defined in %s and %s"
                                 % (value.name, names[value.name], path))
            if value.name not in names:
                names[value.name] = path
                scenarios.append(value)
    return scenarios


def log_path(arch, name):
    return os.path.join(qemu_cmd.build_dir(arch), "tests", name + ".log")


class Runner:
    def __init__(self, accel, verbose):
        self.accel = accel
        self.verbose = verbose
        self.machines = set()
        self.lock = threading.Lock()

    def run_one(self, scen, arch):
        """Run @scen on @arch. Return (passed, diagnostic lines, seconds)."""
        log = log_path(arch, scen.name)
        machine = Machine(arch, self.accel, log_path=log)
        with self.lock:
            self.machines.add(machine)
        limit = scen.timeout * machine.scale
        timer = threading.Timer(limit, machine.kill,
                                ("scenario timeout: killed after %.0f s" % limit,))
        timer.start()
        start = time.monotonic()
        reasons = []
        try:
            scen(machine)
            machine.check()
        except BadConsole:
            reasons = ["(see below)"]         # the whole line once closed
        except (ConsoleError, AssertionError) as err:
            reasons = str(err).splitlines() or [type(err).__name__]
        except Exception:                               # a bug in the scenario
            reasons = ["harness error:"] + traceback.format_exc().splitlines()
        finally:
            timer.cancel()
            machine.close()
            with self.lock:
                self.machines.discard(machine)
        # A bad pattern printed after the scenario's last wait still counts.
        if machine.failure and (not reasons or reasons == ["(see below)"]):
            reasons = [machine.failure]
        seconds = time.monotonic() - start
        if not reasons:
            return True, [], seconds
        diag = reasons + ["console log: %s" % os.path.relpath(log, qemu_cmd.SRC)]
        tail = normalize(machine.output).rstrip("\n").splitlines()[-TAIL_LINES:]
        if tail:
            diag.append("last console lines:")
            diag += ["| " + line for line in tail]
        return False, diag, seconds

    def kill_all(self):
        with self.lock:
            for machine in list(self.machines):
                machine.kill("interrupted")


def main():
    ap = argparse.ArgumentParser(description="Run Scion's QEMU scenarios (TAP output).")
    ap.add_argument("--arch", choices=ALL_ARCHES + ("all",), default="all")
    ap.add_argument("--accel", choices=qemu_cmd.ACCELS, default="tcg")
    ap.add_argument("-k", dest="select", default="", metavar="SUBSTRING",
                    help='run only tests whose "<arch>: <name>" contains SUBSTRING')
    ap.add_argument("--list", action="store_true", help="list the tests and exit")
    ap.add_argument("-j", dest="jobs", type=int, default=2, help="parallel QEMUs (2)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    arches = ALL_ARCHES if args.arch == "all" else (args.arch,)
    scenarios = discover()
    jobs = []
    for arch in arches:
        for scen in scenarios:
            title = "%s: %s" % (arch, scen.name)
            if args.select not in title:
                continue
            if arch not in scen.arches:
                if args.verbose:
                    print("# skip %s (%s)" % (title, scen.reason))
                continue
            jobs.append((scen, arch, title))
    if args.list:
        for _, _, title in jobs:
            print(title)
        return 0
    if not jobs:
        print("# qemu: no scenario matches %r" % args.select)
        return 1

    runner = Runner(args.accel, args.verbose)
    passed = failed = 0
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    futures = [pool.submit(runner.run_one, scen, arch) for scen, arch, _ in jobs]
    try:
        for number, (future, (_, _, title)) in enumerate(zip(futures, jobs), 1):
            ok, diag, seconds = future.result()
            print("%s %d - %s" % ("ok" if ok else "not ok", number, title))
            for line in diag:
                print("# " + line)
            if args.verbose:
                print("# %.2f s" % seconds)
            sys.stdout.flush()
            passed += ok
            failed += not ok
    except KeyboardInterrupt:
        runner.kill_all()
        pool.shutdown(wait=True, cancel_futures=True)
        print("# qemu: interrupted")
        return 130
    pool.shutdown()
    print("# qemu: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
