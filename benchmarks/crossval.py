"""5-fold cross-validation of diagnose() over the study's labelled crashes (issue 3's accuracy goal).

    python benchmarks/crossval.py /work/shared/data/study_crashes_dev.jsonl

Each fold is trained on our corpus (jupyterlab_nbcrash/data/corpus.jsonl) plus the other four
folds, and every held-out crash is diagnosed from its error text alone (no cell code, no notebook).
The measured answer is the full diagnose() output: rules, model, notebook analysis and fallbacks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jupyterlab_nbcrash.training.crossval import GOALS, cross_validate  # noqa: E402
from jupyterlab_nbcrash.training.data import read_corpus, read_examples  # noqa: E402
from jupyterlab_nbcrash.training.fit import Params  # noqa: E402
from jupyterlab_nbcrash.training.metrics import format_table  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dev", help="labelled JSONL (the study's dev file)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-corpus", action="store_true", help="train the folds without our corpus")
    ap.add_argument("--json", metavar="FILE", help="also write per-crash predictions here")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    dev = read_examples(args.dev, keep_code=False)
    corpus = [] if args.no_corpus else read_corpus(keep_code=False)
    result = cross_validate(dev, corpus, folds=args.folds, seed=args.seed, params=Params())
    print(
        f"{args.folds}-fold cross-validation of diagnose() on {len(dev)} crashes "
        f"(+{len(corpus)} corpus cases in every training fold), seed {args.seed}, "
        f"{time.perf_counter() - t0:.0f} s"
    )
    print(format_table(result.report, GOALS))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            for i, g, p in zip(result.ids, result.gold, result.predicted):
                fh.write(json.dumps({"id": i, "gold": g, "predicted": p}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
