"""Cross-validation of diagnose() over the study's labelled crashes: random and grouped folds.

    python benchmarks/crossval.py LABELLED.jsonl [--split all] [--seeds 0 1 2] [--distributions]

Each fold is trained on our corpus (jupyterlab_nbcrash/data/corpus.jsonl) plus the other folds,
and every held-out crash is diagnosed from its error text alone (no cell code, no notebook). The
measured answer is the full diagnose() output: rules, model, notebook analysis and fallbacks.
Splits (training/crossval.py): random folds, and grouped folds that hold out whole libraries or
whole crash-type families, and our corpus alone → the study's crashes ("source"). Per dimension:
accuracy, macro-F1, accuracy on the 30/50/70 % of crashes the diagnosis is surest about, top-2
accuracy, calibration error (ECE, 10 bins), total-variation distance of the predicted from the
labelled distribution, the most frequent confusions; then issue 13's goals, met or missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jupyterlab_nbcrash.training.crossval import check_goals, cross_validate, format_goals
from jupyterlab_nbcrash.training.data import read_corpus, read_examples
from jupyterlab_nbcrash.training.fit import Params
from jupyterlab_nbcrash.training.folds import SPLITS
from jupyterlab_nbcrash.training.ipython8 import as_ipython8
from jupyterlab_nbcrash.training.metrics import COVERAGES, RANKED, ece_noise, format_table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dev", help="labelled JSONL (the study's dev file)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0], metavar="N")
    ap.add_argument(
        "--split",
        choices=(*SPLITS, "all", "grouped"),
        default="all",
        help="random folds, one grouped split, all grouped splits, or all (default)",
    )
    ap.add_argument("--no-corpus", action="store_true", help="train the folds without our corpus")
    ap.add_argument("--json", metavar="FILE", help="also write per-crash predictions here")
    ap.add_argument(
        "--distributions",
        action="store_true",
        help="print the predicted and the labelled share of every root cause and stage",
    )
    ap.add_argument(
        "--ipython8",
        action="store_true",
        help="diagnose each held-out crash re-rendered as IPython 8 prints it (JupyterLab 4)",
    )
    ap.add_argument(
        "--baseline",
        action="store_true",
        help="also run the issue's reference: plain TF-IDF + linear SVM on the text, same folds",
    )
    args = ap.parse_args(argv)
    splits = {"all": SPLITS, "grouped": SPLITS[1:]}.get(args.split, (args.split,))
    if args.no_corpus:
        splits = tuple(s for s in splits if s != "source")

    dev = read_examples(args.dev, keep_code=False)
    corpus = [] if args.no_corpus else read_corpus(keep_code=False)
    missed_any = False
    out = open(args.json, "w", encoding="utf-8") if args.json else None  # noqa: SIM115
    summary = []
    for split in splits:
        # The source split has one fold and no randomness: one seed is enough.
        for seed in args.seeds if split != "source" else args.seeds[:1]:
            t0 = time.perf_counter()
            result = cross_validate(
                dev,
                corpus,
                folds=args.folds,
                seed=seed,
                params=Params(),
                held_out=as_ipython8 if args.ipython8 else None,
                split=split,
            )
            what = (
                f"{split} split, {args.folds} folds, seed {seed}"
                if split != "source"
                else "source split: trained on our corpus alone"
            )
            print(
                f"\n== {what}: diagnose() on {len(dev)} crashes (+{len(corpus)} corpus cases in "
                "every training fold)"
                + (", held-out crashes re-rendered as IPython 8" if args.ipython8 else "")
                + f", {time.perf_counter() - t0:.0f} s"
            )
            print(format_table(result.report))
            goals = check_goals(result.report)
            missed = [name for name, _, met in goals if not met]
            missed_any |= bool(missed)
            print(format_goals(goals))
            print(ece_floor(result))
            if args.distributions:
                print(distributions(result))
            summary.append((split, seed, result.report))
            if args.baseline:
                print("reference: TF-IDF (word 1-2-grams of the error text) + LinearSVC")
                print(format_table(baseline(dev, corpus, args.folds, seed, split)))
            if out is not None:
                for i, g, p, a in zip(
                    result.ids, result.gold, result.predicted, result.alternatives, strict=True
                ):
                    row = {"split": split, "seed": seed, "id": i, "gold": g, "predicted": p}
                    out.write(json.dumps({**row, "alternatives": a}) + "\n")
    if out is not None:
        out.close()
    print("\n" + means(summary))
    return 1 if missed_any else 0


def ece_floor(result) -> str:
    """What ECE a perfectly calibrated diagnosis with the same confidences would show on this
    many crashes (mean and 90th percentile of simulated outcomes): the measured ECE is only
    meaningful above it."""
    cells = []
    for dim in RANKED:
        mean, high = ece_noise([a[dim][0][1] for a in result.alternatives])
        cells.append(f"{dim} {mean:.3f} (90 %: {high:.3f})")
    return "ECE of a perfectly calibrated diagnosis, same confidences: " + ", ".join(cells)


def distributions(result) -> str:
    """Predicted vs labelled shares of root causes and stages, and the ratio of the two."""
    lines = []
    for dim in ("root_cause", "stage"):
        gold = Counter(g[dim] for g in result.gold)
        pred = Counter(p[dim] for p in result.predicted)
        n = len(result.gold)
        cells = [
            f"{lab} {pred[lab] / n:.2f}/{gold[lab] / n:.2f}"
            + (f" ×{pred[lab] / gold[lab]:.2f}" if gold[lab] else "")
            for lab, _ in (gold + pred).most_common()
        ]
        lines.append(f"{dim} predicted/labelled: " + ", ".join(cells))
    return "\n".join(lines)


def means(summary) -> str:
    """Per split the mean over its seeds of the numbers the goals are about."""
    head = f"{'split':<8} {'seeds':>5}  " + "  ".join(
        f"{d[:10]:>10} acc @50 top2 ECE TV" for d in RANKED[:3]
    )
    lines = ["means over seeds", head]
    for split in dict.fromkeys(s for s, _, _ in summary):
        reports = [r for s, _, r in summary if s == split]

        def mean(dim, key, reports=reports):
            vals = [r[dim]["coverage"][0.5] if key == "@50" else r[dim][key] for r in reports]
            return sum(vals) / len(vals)

        cols = "  ".join(
            " ".join(f"{mean(d, k):.3f}" for k in ("accuracy", "@50", "top2", "ece", "tv"))
            for d in RANKED[:3]
        )
        lines.append(f"{split:<8} {len(reports):>5}  {cols}")
    lines.append(f"(coverages reported: {', '.join(f'{c:.0%}' for c in COVERAGES)})")
    return "\n".join(lines)


def baseline(dev, corpus, folds: int, seed: int, split: str) -> dict:
    """The plain text classifier the issue compares against, on exactly the same folds."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from jupyterlab_nbcrash.training.folds import assign_folds
    from jupyterlab_nbcrash.training.metrics import DIMENSIONS, report

    def text(ex):
        r = ex.record
        return " ".join([r.ename, r.evalue, *r.traceback])

    fold = assign_folds(dev, split, folds, seed)
    pred = [{} for _ in dev]
    for k in sorted(set(fold.tolist())):
        train = list(corpus) + [ex for i, ex in enumerate(dev) if fold[i] != k]
        test = [i for i in range(len(dev)) if fold[i] == k]
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        X = vec.fit_transform([text(ex) for ex in train])
        Xt = vec.transform([text(dev[i]) for i in test])
        for dim in DIMENSIONS:
            y = np.array([str(ex.labels[dim]) for ex in train])
            guess = LinearSVC().fit(X, y).predict(Xt)
            for i, g in zip(test, guess, strict=True):
                pred[i][dim] = (g == "True") if dim == "ml_bug" else str(g)
    return report([ex.labels for ex in dev], pred)


if __name__ == "__main__":
    sys.exit(main())
