"""What the UI's confidence threshold means: how often a label shown as a fact is right.

    python benchmarks/crossval.py LABELLED.jsonl --json PREDICTIONS.jsonl
    python benchmarks/threshold.py PREDICTIONS.jsonl [--thresholds 0.5 0.6 0.7 0.8 0.9]

Reads the held-out predictions that crossval.py writes (one line per crash, split and seed, with
the ranked alternatives) and prints, per split kind (random folds; grouped folds pooled) and
dimension, for each threshold t: the share of crashes whose label is at least t probable (shown
as a fact by the card), their accuracy, and for the rest (shown as "A or b — not sure") how
often the truth is one of the two shown. The frontend's `confidenceThreshold` default is chosen
from this table (docs/ARCHITECTURE.md, "What the probabilities mean").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

DIMENSIONS = ("crash_type", "root_cause", "stage", "library")


def rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def table(predictions: list[dict], thresholds: list[float]) -> list[str]:
    """One line per dimension: 'stated share / accuracy | hedged: either-of-two right' per t."""
    lines = []
    for dim in DIMENSIONS:
        cells = []
        for t in thresholds:
            stated = hedged = stated_right = hedged_right = 0
            for row in predictions:
                ranked = row["alternatives"][dim]
                gold = row["gold"][dim]
                p = ranked[0][1]
                if p >= t:
                    stated += 1
                    stated_right += ranked[0][0] == gold
                else:
                    hedged += 1
                    hedged_right += gold in {label for label, _ in ranked[:2]}
            n = stated + hedged
            acc = f"{stated_right / stated:.3f}" if stated else "  -  "
            either = f"{hedged_right / hedged:.3f}" if hedged else "  -  "
            cells.append(f"{acc} / {stated / n:4.0%} | {either}")
        lines.append(f"{dim:11} " + "   ".join(cells))
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("predictions", help="crossval.py --json output")
    ap.add_argument(
        "--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8, 0.9], metavar="T"
    )
    args = ap.parse_args(argv)
    try:
        predictions = rows(args.predictions)
    except (OSError, ValueError, KeyError) as err:
        print(f"threshold.py: cannot read {args.predictions}: {err}", file=sys.stderr)
        return 1
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in predictions:
        groups["random" if row["split"] == "random" else "grouped"].append(row)
    # Per threshold: accuracy of the labels stated / their share | the hedged ones' "A or b" right.
    header = "dimension   " + "   ".join(f"t={t:<23}" for t in args.thresholds)
    for name in ("random", "grouped"):
        if not groups[name]:
            continue
        print(f"== {name} folds: {len(groups[name])} held-out answers")
        print(header)
        print("\n".join(table(groups[name], args.thresholds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
