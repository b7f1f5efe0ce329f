"""What a user's corrections do: the corrected crashes, their paraphrases and everything else.

    python benchmarks/feedback_retrain.py LABELLED.jsonl [--seeds 0 1 2] [--alternative]

Grouped cross-validation over the labelled crashes (``training/folds.py``: whole libraries or
whole crash-type families held out, ``--folds`` folds): each fold's model is trained as the shipped
one is (our corpus plus the other folds, calibrated), and plays the shipped model. From the
held-out fold, k crashes (k = 0, 5, 20, 100, capped to leave a quarter of the fold) are given
feedback as a user would: the model's diagnosis is shown, a right one is confirmed, a wrong one
corrected with the crash's labels; ``train --with-feedback`` turns them into the corrections layer
(``diagnosis/corrections.py``). Then, per correction threshold, per dimension:

- ``rest``: accuracy on the held-out crashes nobody corrected, and its change against the same
  crashes diagnosed without corrections (paired: goal, within noise of 0 for every k);
- ``fixed``: accuracy on the corrected crashes (goal ≥ 95 %);
- ``para``: accuracy on a paraphrase of each corrected crash (``training/paraphrase.py``: its
  names, keys, paths and numbers changed; goal ≥ 95 %);
- ``swung``: share of the uncorrected crashes whose label of some dimension changed, and how many
  of those changes made it right / wrong;
- the time to build the corrections (what ``train --with-feedback`` adds to reading the store).

``--alternative`` also measures refitting the model with the corrections as weighted examples
(what a retrain would do if the package carried the study's crashes; ``Params.feedback_weight``),
for one seed, k = 20 and 100.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jupyterlab_nbcrash.diagnosis.corrections import Corrections
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.training.data import example_from_dict, read_corpus
from jupyterlab_nbcrash.training.feedback import build
from jupyterlab_nbcrash.training.fit import Featurised, Params, featurise, fit_model
from jupyterlab_nbcrash.training.folds import assign_folds
from jupyterlab_nbcrash.training.paraphrase import paraphrase

DIMS = ("crash_type", "root_cause", "stage", "library")
KS = (0, 5, 20, 100)
THRESHOLDS = (0.6, 0.7, 0.8)


def labels_of(diagnosis) -> dict:
    return {dim: getattr(diagnosis, dim) for dim in DIMS}


def feedback_entry(i: int, obj: dict, predicted: dict, gold: dict) -> dict:
    """The feedback a user gives on crash ``obj`` after seeing ``predicted``."""
    correct = all(predicted[d] == gold[d] for d in DIMS)
    return {
        "feedback_id": i,
        "correct": correct,
        "record": obj,
        "predicted": predicted,
        "corrected": dict(predicted) if correct else dict(gold),
    }


def accuracy(pairs) -> dict:
    """Per dimension the share of (predicted, gold) label dicts that agree (None when empty)."""
    pairs = list(pairs)
    if not pairs:
        return dict.fromkeys(DIMS)
    return {d: float(np.mean([p[d] == g[d] for p, g in pairs])) for d in DIMS}


def run_fold(model, objs, gold, held, rng, ks, thresholds, spaces, out, split):
    """Diagnose the held-out crashes without and with k corrections; add to ``out``."""
    records = {i: ErrorRecord.from_dict(objs[i]) for i in held}
    base = {i: labels_of(diagnose(records[i], model, corrections=False)) for i in held}
    order = list(rng.permutation(held))
    cap = len(held) - max(1, len(held) // 4)
    for k in ks:
        chosen = order[: min(k, cap)]
        start = time.perf_counter()
        layer, _ = build(feedback_entry(i, objs[i], base[i], gold[i]) for i in chosen)
        built = time.perf_counter() - start
        paras = {i: ErrorRecord.from_dict(paraphrase(objs[i], seed=int(i))) for i in chosen}
        rest = [i for i in held if i not in set(chosen)]
        for space, t in ((space, t) for space in spaces for t in thresholds):
            layer_t = Corrections(
                layer.items,
                threshold=t,
                per_head=space == "head",
                without_names=space == "nonames",
            )
            now = {i: labels_of(diagnose(records[i], model, corrections=layer_t)) for i in held}
            para = {i: labels_of(diagnose(paras[i], model, corrections=layer_t)) for i in chosen}
            row = out[(split, space, k, t)]
            row["k_used"].append(len(chosen))
            row["built_s"].append(built)
            row["rest"] += [(now[i], gold[i]) for i in rest]
            row["rest_base"] += [(base[i], gold[i]) for i in rest]
            row["fixed"] += [(now[i], gold[i]) for i in chosen]
            row["fixed_base"] += [(base[i], gold[i]) for i in chosen]
            row["para"] += [(para[i], gold[i]) for i in chosen]
            for i in rest:
                if now[i] != base[i]:
                    row["swung"] += 1
                    right_before = sum(base[i][d] == gold[i][d] for d in DIMS)
                    right_now = sum(now[i][d] == gold[i][d] for d in DIMS)
                    row["swung_better" if right_now > right_before else "swung_worse"] += (
                        right_now != right_before
                    )
            row["n_rest"] += len(rest)


def fmt(acc: dict) -> str:
    return " ".join("  -  " if acc[d] is None else f"{acc[d]:.3f}" for d in DIMS)


def fmt_delta(now: dict, base: dict) -> str:
    if now[DIMS[0]] is None:
        return "-"
    return " ".join(f"{now[d] - base[d]:+.3f}" for d in DIMS)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dev", help="labelled JSONL (the study's dev file)")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--splits", nargs="+", default=["library", "family"])
    ap.add_argument("--ks", type=int, nargs="+", default=list(KS))
    ap.add_argument("--thresholds", type=float, nargs="+", default=list(THRESHOLDS))
    ap.add_argument(
        "--spaces",
        nargs="+",
        choices=("head", "model", "nonames"),
        default=["model"],
        help="compare crashes in the whole model's features (the default), each head's, or the"
        " model's without the user's names",
    )
    ap.add_argument("--alternative", action="store_true", help="also refit with the feedback")
    ap.add_argument("--json", metavar="FILE", help="write the per-row numbers here")
    args = ap.parse_args(argv)

    with open(args.dev, encoding="utf-8") as fh:
        objs = [json.loads(line) for line in fh if line.strip()]
    dev = [example_from_dict(o, args.dev, keep_code=False) for o in objs]
    gold = [{d: ex.labels[d] for d in DIMS} for ex in dev]
    corpus = read_corpus(keep_code=False)
    data = featurise(corpus + dev)
    params = Params()
    out = defaultdict(_row)
    alternative = defaultdict(_row)
    fit_times = []
    for split in args.splits:
        for seed in args.seeds:
            fold = assign_folds(dev, split, args.folds, seed)
            for f in sorted(set(fold.tolist())):
                held = [int(i) for i in np.flatnonzero(fold == f)]
                train_idx = list(range(len(corpus))) + [
                    len(corpus) + i for i in np.flatnonzero(fold != f)
                ]
                start = time.perf_counter()
                model = fit_model(data.subset(train_idx), params)
                fit_times.append(time.perf_counter() - start)
                rng = np.random.default_rng([seed, f])
                run_fold(
                    model, objs, gold, held, rng, args.ks, args.thresholds, args.spaces, out, split
                )
                if args.alternative and seed == args.seeds[0]:
                    refit(
                        data,
                        corpus,
                        dev,
                        objs,
                        gold,
                        held,
                        train_idx,
                        model,
                        params,
                        seed,
                        f,
                        alternative,
                        split,
                    )
                print(f"{split} seed {seed} fold {f}: {len(held)} held out", file=sys.stderr)

    print(
        f"grouped CV, {args.folds} folds, seeds {args.seeds}; model fit (calibrated) "
        f"{np.mean(fit_times):.1f} s a fold"
    )
    print("accuracy per dimension: crash_type root_cause stage library")
    header = (
        f"{'split':8} {'space':8} {'k':>4} {'thr':>4}  {'rest (not corrected)':27} "
        f"{'Δ vs no corrections':27} "
        f"{'fixed (corrected)':27} {'para (paraphrases)':27} swung (+/-)   build"
    )
    print(header)
    table = []
    for (split, space, k, t), row in sorted(out.items()):
        rest, rest_base = accuracy(row["rest"]), accuracy(row["rest_base"])
        fixed, para = accuracy(row["fixed"]), accuracy(row["para"])
        swung = row["swung"] / max(1, row["n_rest"])
        built_ms = 1000 * float(np.mean(row["built_s"]))
        print(
            f"{split:8} {space:8} {k:>4} {t:>4.2f}  {fmt(rest):27} {fmt_delta(rest, rest_base):27} "
            f"{fmt(fixed):27} {fmt(para):27} {swung:5.3f} "
            f"({row['swung_better']}/{row['swung_worse']})  {built_ms:5.1f} ms"
        )
        table.append(
            {
                "split": split,
                "space": space,
                "k": k,
                "threshold": t,
                "k_used": row["k_used"],
                "rest": rest,
                "rest_base": rest_base,
                "fixed": fixed,
                "fixed_base": accuracy(row["fixed_base"]),
                "para": para,
                "swung": swung,
                "swung_better": row["swung_better"],
                "swung_worse": row["swung_worse"],
                "build_ms": built_ms,
            }
        )
    if args.alternative:
        print(
            f"\nalternative: refit with the corrections as examples (weight "
            f"{params.feedback_weight}), seed {args.seeds[0]}"
        )
        for (split, _, k, _), row in sorted(alternative.items()):
            rest, rest_base = accuracy(row["rest"]), accuracy(row["rest_base"])
            print(
                f"{split:8} refit {k:>4}       {fmt(rest):27} {fmt_delta(rest, rest_base):27} "
                f"{fmt(accuracy(row['fixed'])):27} {fmt(accuracy(row['para'])):27} "
                f"{row['swung'] / max(1, row['n_rest']):5.3f} "
                f"({row['swung_better']}/{row['swung_worse']})  "
                f"refit {float(np.mean(row['built_s'])):5.1f} s"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return 0


def _row():
    row = defaultdict(list)
    row.update(swung=0, swung_better=0, swung_worse=0, n_rest=0)
    return row


def refit(data, corpus, dev, objs, gold, held, train_idx, model, params, seed, f, out, split):
    """The alternative: the corrections as examples of weight ``feedback_weight``, refitted."""
    from jupyterlab_nbcrash.training.data import Example

    base = {i: labels_of(diagnose(ErrorRecord.from_dict(objs[i]), model, False)) for i in held}
    order = list(np.random.default_rng([seed, f]).permutation(held))
    cap = len(held) - max(1, len(held) // 4)
    for k in (20, 100):
        chosen = order[: min(k, cap)]
        extra = []
        for i in chosen:
            entry = feedback_entry(i, objs[i], base[i], gold[i])
            labels = dict(entry["corrected"], ml_bug=dev[i].labels["ml_bug"])
            extra.append(Example(f"fb-{i}", dev[i].record, labels, "feedback"))
        start = time.perf_counter()
        part, more = data.subset(train_idx), featurise(extra)
        both = Featurised(
            part.examples + more.examples, part.docs + more.docs, part.hints + more.hints
        )
        refitted = fit_model(both, params)
        took = time.perf_counter() - start
        rest = [i for i in held if i not in set(chosen)]
        row = out[(split, "refit", k, 0)]
        row["built_s"].append(took)
        for i in held:
            now = labels_of(diagnose(ErrorRecord.from_dict(objs[i]), refitted, False))
            if i in set(chosen):
                row["fixed"].append((now, gold[i]))
                para = ErrorRecord.from_dict(paraphrase(objs[i], seed=int(i)))
                row["para"].append((labels_of(diagnose(para, refitted, False)), gold[i]))
            else:
                row["rest"].append((now, gold[i]))
                row["rest_base"].append((base[i], gold[i]))
                if now != base[i]:
                    row["swung"] += 1
                    before = sum(base[i][d] == gold[i][d] for d in DIMS)
                    after = sum(now[d] == gold[i][d] for d in DIMS)
                    row["swung_better" if after > before else "swung_worse"] += after != before
        row["n_rest"] += len(rest)


if __name__ == "__main__":
    sys.exit(main())
