"""`jupyter nbcrash evaluate FILE`: how well diagnose() matches labelled crashes.

Prints per dimension the accuracy, the macro-F1, the accuracy on the 30/50/70 % of crashes the
diagnosis is surest about, the top-2 accuracy, the calibration error (ECE), the distance between
the predicted and the labelled distribution (TV) and the most frequent confusions. By default it
diagnoses FILE with the model in use (the user's, else the shipped one, or ``--model DIR``);
``--cv K`` instead cross-validates: K folds of FILE, each diagnosed by a model trained on our
corpus plus the other folds, from the error text alone (the protocol of the goals); ``--split``
makes the folds hold out whole libraries or crash-type families (training/folds.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="labelled JSONL (fields of the study's dev file)"
    )
    parser.add_argument("--model", metavar="DIR", help="evaluate the model in DIR")
    parser.add_argument("--rules-only", action="store_true", help="evaluate the rules alone")
    parser.add_argument(
        "--text-only", action="store_true", help="ignore the records' cell code and notebook"
    )
    parser.add_argument(
        "--cv", type=int, metavar="K", help="K-fold cross-validation instead (trains K models)"
    )
    parser.add_argument("--seed", type=int, default=0, help="fold assignment seed (with --cv)")
    parser.add_argument(
        "--split",
        choices=("random", "library", "family", "source"),
        default="random",
        help="with --cv: random folds, or folds that hold out whole libraries or crash-type "
        "families, or our corpus alone → FILE (source)",
    )
    parser.add_argument(
        "--no-corpus", action="store_true", help="with --cv: train the folds without our corpus"
    )
    parser.add_argument("--confusions", type=int, default=3, metavar="N", help="confusions shown")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    from ..diagnosis.diagnose import diagnose
    from ..diagnosis.model import load_model
    from ..training.data import DataError, read_corpus, read_examples
    from ..training.metrics import (
        format_table,
        predicted_alternatives,
        predicted_labels,
        report,
    )
    from . import UsageError, model_from_args

    if args.cv is not None and not 2 <= args.cv <= 50:
        raise UsageError("--cv needs between 2 and 50 folds")
    if args.confusions < 0:
        raise UsageError("--confusions must not be negative")
    try:
        examples = read_examples(args.file, keep_code=not (args.text_only or args.cv))
    except DataError as err:
        raise UsageError(str(err)) from None
    if not examples:
        raise UsageError(f"{args.file} holds no labelled crashes")

    if args.cv:
        from ..training.crossval import check_goals, cross_validate

        if len(examples) < args.cv:
            raise UsageError(f"{args.file} has fewer crashes than folds ({args.cv})")
        corpus = [] if args.no_corpus else read_corpus(keep_code=False)
        if args.split == "source" and not corpus:
            raise UsageError("--split source trains on our corpus alone: drop --no-corpus")
        result = cross_validate(
            examples, corpus, folds=args.cv, seed=args.seed, split=args.split
        ).report
        title = (
            f"{args.cv}-fold cross-validation ({args.split} split) on {len(examples)} crashes "
            f"(+{len(corpus)} corpus)"
        )
        goals = check_goals(result)
    else:
        model = model_from_args(args)
        in_use = model if model is not None else load_model()
        trained_on = (getattr(in_use, "meta", None) or {}).get("trained_on") or {}
        if Path(args.file).name in trained_on:
            print(
                f"note: the model was trained on {Path(args.file).name}; these are training-set "
                "numbers (use --cv for an estimate on unseen crashes)",
                file=sys.stderr,
            )
        gold = [ex.labels for ex in examples]
        answers = [diagnose(ex.record, model) for ex in examples]
        pred = [predicted_labels(a) for a in answers]
        alts = [predicted_alternatives(a) for a in answers]
        result = report(gold, pred, args.confusions, alternatives=alts)
        title = f"{len(examples)} crashes of {args.file}"
        goals = []
    if args.json:
        doc = {"title": title, "report": result}
        if goals:
            doc["goals"] = [{"goal": n, "value": v, "met": ok} for n, v, ok in goals]
        print(json.dumps(doc, indent=2))
    else:
        print(title)
        print(format_table(result))
        if goals:
            from ..training.crossval import format_goals

            print(format_goals(goals))
    return 0
