"""Speed of the traceback parser, the rules and the hints (the cheap half of diagnose()).

    python benchmarks/rules_parse_speed.py [LABELLED.jsonl ...]

Runs parse, matching_rules and make_hint over every crash of the files (default: our corpus and
the recorded test fixtures) for several warm rounds and prints per-crash latency percentiles of
each step, then the time to parse one synthetic 10,000-line traceback. CPU time is reported next
to wall time because a shared machine's load inflates the latter.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jupyterlab_nbcrash.diagnosis.hints import make_hint  # noqa: E402
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord  # noqa: E402
from jupyterlab_nbcrash.diagnosis.rules import matching_rules  # noqa: E402
from jupyterlab_nbcrash.diagnosis.traceback import parse  # noqa: E402

DEFAULT_FILES = [ROOT / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"]
FIXTURES = ROOT / "tests" / "fixtures" / "tracebacks"


def load_records(paths: list[Path]) -> list[ErrorRecord]:
    records = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                records.append(ErrorRecord.from_dict(_fields(json.loads(line))))
    for path in sorted(FIXTURES.glob("*.json")):
        records.append(ErrorRecord.from_dict(_fields(json.loads(path.read_text("utf-8")))))
    return records


def _fields(data: dict) -> dict:
    return {k: data.get(k) for k in ("ename", "evalue", "traceback", "code")}


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q / 100 * (len(values) - 1)))]


def huge_traceback() -> ErrorRecord:
    frame = (
        "File ~/lib/python3.11/site-packages/mylib/core.py:10, in step(n)\n"
        "     9 def step(n):\n---> 10     return step(n + 1)\n"
    )
    lines = ["RecursionError    Traceback (most recent call last)", "Cell In[1], line 1\n"]
    lines += [frame] * 3_400
    lines.append("RecursionError: maximum recursion depth exceeded")
    return ErrorRecord(ename="RecursionError", traceback=tuple(lines))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    records = load_records(args.files)
    steps = {"parse": [], "rules": [], "hint": [], "all": []}
    cpu_start = time.process_time()
    for _ in range(args.rounds):
        for record in records:
            t0 = time.perf_counter()
            parsed = parse(record)
            t1 = time.perf_counter()
            matches = matching_rules(parsed)
            t2 = time.perf_counter()
            best = matches[0] if matches else None
            make_hint(parsed, {"crash_type": best.crash_type if best else "other"}, matches)
            t3 = time.perf_counter()
            steps["parse"].append(t1 - t0)
            steps["rules"].append(t2 - t1)
            steps["hint"].append(t3 - t2)
            steps["all"].append(t3 - t0)
    cpu = (time.process_time() - cpu_start) / (args.rounds * len(records))
    print(f"{len(records)} crashes x {args.rounds} rounds (warm)")
    for step, values in steps.items():
        p50, p99 = percentile(values, 50) * 1e3, percentile(values, 99) * 1e3
        print(f"  {step:6s} p50 {p50:.3f} ms  p99 {p99:.3f} ms  max {max(values) * 1e3:.3f} ms")
    print(f"  all    mean CPU time {cpu * 1e3:.3f} ms per crash")
    big = huge_traceback()
    n_lines = sum(entry.count("\n") + 1 for entry in big.traceback)
    t0 = time.perf_counter()
    parsed = parse(big)
    matching_rules(parsed)
    took = (time.perf_counter() - t0) * 1e3
    print(f"10,000-line traceback ({n_lines} lines): parse + rules {took:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
