"""5-fold cross-validation of diagnose() over the study's labelled crashes (issue 3 accuracy).

    python benchmarks/crossval.py path/to/study_crashes_dev.jsonl

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

from jupyterlab_nbcrash.training.crossval import GOALS, cross_validate
from jupyterlab_nbcrash.training.data import read_corpus, read_examples
from jupyterlab_nbcrash.training.fit import Params
from jupyterlab_nbcrash.training.ipython8 import as_ipython8
from jupyterlab_nbcrash.training.metrics import format_table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dev", help="labelled JSONL (the study's dev file)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-corpus", action="store_true", help="train the folds without our corpus")
    ap.add_argument("--json", metavar="FILE", help="also write per-crash predictions here")
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

    t0 = time.perf_counter()
    dev = read_examples(args.dev, keep_code=False)
    corpus = [] if args.no_corpus else read_corpus(keep_code=False)
    result = cross_validate(
        dev,
        corpus,
        folds=args.folds,
        seed=args.seed,
        params=Params(),
        held_out=as_ipython8 if args.ipython8 else None,
    )
    print(
        f"{args.folds}-fold cross-validation of diagnose() on {len(dev)} crashes "
        f"(+{len(corpus)} corpus cases in every training fold), seed {args.seed}, "
        + ("held-out crashes re-rendered as IPython 8, " if args.ipython8 else "")
        + f"{time.perf_counter() - t0:.0f} s"
    )
    print(format_table(result.report, GOALS))
    if args.baseline:
        print("\nreference: TF-IDF (word 1-2-grams of ename + evalue + traceback) + LinearSVC")
        print(format_table(baseline(dev, corpus, args.folds, args.seed), GOALS))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            for i, g, p in zip(result.ids, result.gold, result.predicted, strict=True):
                fh.write(json.dumps({"id": i, "gold": g, "predicted": p}) + "\n")
    missed = [d for d, goal in GOALS.items() if result.report[d]["accuracy"] < goal]
    if missed:
        print("goals missed: " + ", ".join(missed))
    return 1 if missed else 0


def baseline(dev, corpus, folds: int, seed: int) -> dict:
    """The plain text classifier the issue compares against, on exactly the same folds."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    from jupyterlab_nbcrash.training.crossval import fold_of
    from jupyterlab_nbcrash.training.metrics import DIMENSIONS, report

    def text(ex):
        r = ex.record
        return " ".join([r.ename, r.evalue, *r.traceback])

    fold = fold_of(len(dev), folds, seed)
    pred = [{} for _ in dev]
    for k in range(folds):
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
