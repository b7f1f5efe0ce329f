"""`jupyter nbcrash evaluate FILE`: how well diagnose() matches labelled crashes.

Prints per dimension the accuracy, the macro-F1 and the most frequent confusions. By default it
diagnoses FILE with the model in use (the user's, else the shipped one, or ``--model DIR``);
``--cv K`` instead cross-validates: K folds of FILE, each diagnosed by a model trained on our
corpus plus the other folds, from the error text alone (the protocol of the accuracy goals).
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
        "--no-corpus", action="store_true", help="with --cv: train the folds without our corpus"
    )
    parser.add_argument("--confusions", type=int, default=3, metavar="N", help="confusions shown")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    from ..diagnosis.diagnose import diagnose
    from ..diagnosis.model import load_model
    from ..training.data import DataError, read_corpus, read_examples
    from ..training.metrics import format_table, predicted_labels, report
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
        from ..training.crossval import GOALS, cross_validate

        if len(examples) < args.cv:
            raise UsageError(f"{args.file} has fewer crashes than folds ({args.cv})")
        corpus = [] if args.no_corpus else read_corpus(keep_code=False)
        result = cross_validate(examples, corpus, folds=args.cv, seed=args.seed).report
        title = (
            f"{args.cv}-fold cross-validation on {len(examples)} crashes (+{len(corpus)} corpus)"
        )
        goals = GOALS
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
        pred = [predicted_labels(diagnose(ex.record, model)) for ex in examples]
        result = report(gold, pred, args.confusions)
        title = f"{len(examples)} crashes of {args.file}"
        goals = {}
    if args.json:
        print(json.dumps({"title": title, "report": result}, indent=2))
    else:
        print(title)
        print(format_table(result, goals))
    return 0
