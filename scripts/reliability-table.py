#!/usr/bin/env python3
"""Writes the results table of docs/reliability.md from the figures the reliability tests wrote (RELIABILITY_RESULTS).

Usage: reliability-table.py RESULTS_DIR TRX_FILE DOC SECONDS TEST_EXIT   (DOC "-" prints the table instead)
"""
import json, os, platform, sys, xml.etree.ElementTree as ET
from datetime import datetime, timezone

results_dir, trx, doc, seconds, test_exit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
suites = {}
for name in sorted(os.listdir(results_dir)):
    with open(os.path.join(results_dir, name)) as f:
        suites[name[:-5]] = json.load(f)

counters = {}
if os.path.exists(trx):
    c = next(e for e in ET.parse(trx).getroot().iter() if e.tag.endswith("}Counters") or e.tag == "Counters")
    counters = {k: int(c.get(k, 0)) for k in ("total", "executed", "passed", "failed")}
    counters["skipped"] = counters["total"] - counters["executed"]

def row(part, key, what=None):
    s = suites.get(key)
    if s is None:
        return f"| {part} | {what or key} | not run | | |\n"
    failed = "; ".join(f.split("\n")[0] for f in s["failures"]) or "none"
    return f"| {part} | {s['what']} | {s['count']} | {s['passed']} | {failed} |\n"

out = []
out.append(f"Run on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node() or 'this machine'} "
           f"({os.cpu_count()} cores), seed {os.environ.get('RELIABILITY_SEED', '17')}, {seconds} s; "
           f"tests: {counters.get('passed', '?')} passed, {counters.get('failed', '?')} failed, "
           f"{counters.get('skipped', 0)} skipped.\n\n")
out.append("| part | what | count | held | what failed |\n|---|---|---|---|---|\n")
out.append(row("1", "kill-trials"))
out.append(row("2", "faults"))
out.append(row("3", "server-gone"))
out.append(row("4", "bad-input"))
out.append(row("4", "bad-input-process"))
out.append(row("5", "leaks"))
for key in sorted(k for k in suites if k.startswith("corrupt-state")):
    out.append(row("6", key))

details = []
if "kill-trials" in suites:
    d = suites["kill-trials"]["details"]
    details.append(f"- Kill trials, killed while {', '.join(f'{k}: {v}' for k, v in d.get('killedWhile', {}).items())}; "
                   f"{d.get('pendingRevisionsTakenOver')} pending revisions reported and taken over; "
                   f"{d.get('historyEndsFailedAfterNoChanges', 0)} histories end on the dead run's failed revision, because "
                   f"it had left nothing to change (known gap, see Defects found).\n")
if "faults" in suites:
    for name, f in suites["faults"]["details"].items():
        details.append(f"- Faults, {name}: exit {f.get('exitCode')}, {f.get('requests')} requests, "
                       f"{f.get('faultsAnswered')} answered with a fault (each retried), "
                       f"{f.get('duplicateCreates', '?')} duplicate creates, {f.get('listsWithContinueToken')} lists with a continue token, {f.get('seconds')} s"
                       + (f"; failed cleanly with `{f['failedWith']}`" if 'failedWith' in f else "") + ".\n")
if "bad-input" in suites:
    d = suites["bad-input"]["details"]
    kinds = ", ".join(f"{k} {v}" for k, v in d.items() if k != "slowestSeconds")
    details.append(f"- Broken inputs by kind: {kinds}; slowest answer {d.get('slowestSeconds')} s.\n")
if "leaks" in suites:
    d = suites["leaks"]["details"]
    details.append(f"- Leak scan: {d.get('secretValues')} secret values, {d.get('outputsAndFilesScanned')} outputs and files, "
                   f"{d.get('occurrences')} occurrences, {d.get('wrongModes')} files or folders with a wrong mode.\n")
table = "".join(out) + "\n" + "".join(details)

begin, end = "<!-- reliability-table:begin -->", "<!-- reliability-table:end -->"
if doc == "-":
    print(table)
    sys.exit(0)
text = open(doc).read() if os.path.exists(doc) else f"# Reliability\n\n{begin}\n{end}\n"
if begin not in text:
    text += f"\n{begin}\n{end}\n"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(f"{head}{begin}\n{table}{end}{tail}")
print(f"Wrote the table to {doc}.")
