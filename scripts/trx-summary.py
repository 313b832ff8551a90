#!/usr/bin/env python3
"""Adds up the Counters of every TRX file in a folder and prints "N passed, N failed[, N skipped]".

Usage: trx-summary.py RESULTS_DIR DOTNET_TEST_EXIT_CODE
Exits 1 when any test failed or dotnet test itself failed (a build error, a crashed test host),
so that such a run can never look green; in that case at least one failure is counted.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NAMESPACE = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILURE_COUNTERS = ("failed", "error", "timeout", "aborted")


def counters(trx_path):
    root = ET.parse(trx_path).getroot()
    element = root.find(f"{NAMESPACE}ResultSummary/{NAMESPACE}Counters")
    if element is None:
        return 0, 1, 0
    value = lambda name: int(element.get(name, "0"))
    return value("passed"), sum(value(name) for name in FAILURE_COUNTERS), value("notExecuted")


def main():
    results_dir = pathlib.Path(sys.argv[1])
    dotnet_exit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    passed = failed = skipped = 0
    trx_files = sorted(results_dir.rglob("*.trx"))
    for trx in trx_files:
        try:
            p, f, s = counters(trx)
        except ET.ParseError as error:
            print(f"error: {trx} is not a readable TRX file ({error}).", file=sys.stderr)
            p, f, s = 0, 1, 0
        passed, failed, skipped = passed + p, failed + f, skipped + s

    if dotnet_exit != 0 and failed == 0:
        reason = "no test results were written" if not trx_files else "a test project did not report"
        print(f"error: dotnet test exited with {dotnet_exit} and {reason}; the build failed or a test host "
              "crashed. See the output above.", file=sys.stderr)
        failed = 1

    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
