#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Run host test programs and pass their TAP through.

Each program prints "ok N - name" / "not ok N - name" lines and "# ..."
diagnostics, then its plan "1..N". Anything on stderr (sanitizer reports)
is shown as "# " diagnostics. A program that crashes, times out, exits
non-zero with no failed case, or prints fewer cases than its plan gets an
extra "not ok" line, so a dead runner always counts as a failure. Without
--tap a final "N passed, N failed" line follows; the exit status is 1 if
anything failed.
"""
import argparse
import os
import re
import signal
import subprocess
import sys

TEST_LINE = re.compile(r"^(not )?ok (\d+)\b")
PLAN_LINE = re.compile(r"^1\.\.(\d+)$")


def run_one(path, timeout):
    """Run one program; print its lines. Return (passed, failed)."""
    name = os.path.basename(path)
    print(f"# {name}", flush=True)
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "abort_on_error=0:detect_leaks=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1")
    try:
        proc = subprocess.run([path], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout, env=env)
        out, err, status, problem = proc.stdout, proc.stderr, proc.returncode, None
    except subprocess.TimeoutExpired as exc:
        out, err, status = exc.stdout or b"", exc.stderr or b"", None
        problem = f"timed out after {timeout}s"

    passed = failed = last = 0
    plan = None
    for line in out.decode(errors="replace").splitlines():
        print(line)
        m = TEST_LINE.match(line)
        if m:
            last = int(m.group(2))
            if m.group(1):
                failed += 1
            else:
                passed += 1
        m = PLAN_LINE.match(line)
        if m:
            plan = int(m.group(1))
    summary = None
    for line in err.decode(errors="replace").splitlines():
        print(f"# {name}: {line}")
        if line.startswith("SUMMARY: ") or ("runtime error:" in line and not summary):
            summary = line.removeprefix("SUMMARY: ")

    if problem is None:
        if status < 0:
            problem = f"killed by {signal.Signals(-status).name}"
        elif status != 0 and summary:
            problem = f"died ({summary})"
        elif status != 0 and not failed:
            problem = f"exited with status {status} without a failed case"
        elif plan is None:
            problem = "exited before printing its plan"
        elif plan != passed + failed:
            problem = f"planned {plan} cases, ran {passed + failed}"
    if problem:
        if plan is None:
            problem += f", after {last} cases"
        print(f"not ok {last + 1} - {name}: {problem}")
        failed += 1
    sys.stdout.flush()
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tap", action="store_true", help="no summary line")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per program")
    parser.add_argument("programs", nargs="+")
    args = parser.parse_args()

    passed = failed = 0
    for path in args.programs:
        p, f = run_one(path, args.timeout)
        passed += p
        failed += f
    if not args.tap:
        print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
