"""Rules-only crash_type accuracy: how often the rules fire (coverage) and are right (precision).

    python benchmarks/rules_accuracy.py LABELLED.jsonl [...] [--confusions 15]

For each labelled crash (our corpus format: ename, evalue, traceback, crash_type, ...) the best
rule (``apply_rules``) is compared with the label, overall and per confidence threshold; then the
precision of the labels the rules dare to set (root_cause, stage, library), per-type recall and
precision, and the most frequent confusions. Only the error text is used, never the cell code.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord  # noqa: E402
from jupyterlab_nbcrash.diagnosis.rules import apply_rules  # noqa: E402
from jupyterlab_nbcrash.diagnosis.traceback import parse  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


def evaluate(path: Path, confusions: int) -> None:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    results = []
    for row in rows:
        record = ErrorRecord.from_dict({k: row.get(k) for k in ("ename", "evalue", "traceback")})
        results.append((row, apply_rules(parse(record))))
    fired = [(row, m) for row, m in results if m is not None]
    right = [(row, m) for row, m in fired if m.crash_type == row["crash_type"]]
    n = len(rows)
    print(f"{path.name}: {n} crashes")
    print(
        f"  coverage {len(fired)}/{n} = {len(fired) / n:.3f}   precision {len(right)}/{len(fired)}"
        f" = {len(right) / max(1, len(fired)):.3f}   overall {len(right) / n:.3f}"
    )
    for t in THRESHOLDS:
        sure = [(row, m) for row, m in fired if m.confidence >= t]
        ok = sum(m.crash_type == row["crash_type"] for row, m in sure)
        print(
            f"  confidence >= {t}: coverage {len(sure) / n:.3f}, "
            f"precision {ok / max(1, len(sure)):.3f}"
        )
    for dim in ("root_cause", "stage", "library"):
        named = [(row, m) for row, m in fired if getattr(m, dim)]
        ok = sum(getattr(m, dim) == row.get(dim) for row, m in named)
        print(f"  {dim} set by a rule on {len(named)} crashes, right on {ok}")
    total, hits, predicted, correct = (collections.Counter() for _ in range(4))
    for row, m in results:
        label = row["crash_type"]
        total[label] += 1
        if m is not None:
            predicted[m.crash_type] += 1
            correct[m.crash_type] += m.crash_type == label
            hits[label] += m.crash_type == label
    print("  per type: n, recall, precision")
    for label in sorted(total, key=lambda x: -total[x]):
        print(
            f"    {label:27s} {total[label]:4d}  {hits[label] / total[label]:.2f}  "
            f"{correct[label] / max(1, predicted[label]):.2f}"
        )
    mixed = collections.Counter(
        (row["crash_type"], m.crash_type, m.rule)
        for row, m in fired
        if m.crash_type != row["crash_type"]
    )
    if mixed and confusions:
        print("  most frequent confusions (label -> rule's type, rule):")
        for (label, got, rule), count in mixed.most_common(confusions):
            print(f"    {count:3d}  {label} -> {got}  ({rule})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--confusions", type=int, default=15)
    args = ap.parse_args()
    for path in args.files:
        evaluate(path, args.confusions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
