#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Count TAP results on stdin and close with "N passed, N failed".

Every input line is echoed as it arrives. Lines "ok N ..." and "not ok N ..."
(the " - " before the name is optional, as in KTAP) are counted; a "# SKIP"
directive counts as passed and is reported on its own line. Runners report a
crash, a timeout or a failed build as a "not ok" line, so they are counted
like any other failure. Exit status: 1 if anything failed or if no test was
seen at all, else 0.
"""
import re
import sys

RESULT = re.compile(r"^(not )?ok \d+\b")
SKIP = re.compile(r"#\s*skip\b", re.IGNORECASE)


def main():
    passed = failed = skipped = 0
    for line in sys.stdin:
        sys.stdout.write(line)
        sys.stdout.flush()
        m = RESULT.match(line)
        if not m:
            continue
        if m.group(1):
            failed += 1
        else:
            passed += 1
            if SKIP.search(line):
                skipped += 1
    if skipped:
        print(f"# {skipped} of the passed were skipped")
    if passed + failed == 0:
        print("# no test results seen: counting that as a failure")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or passed + failed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
