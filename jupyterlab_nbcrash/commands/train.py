"""`jupyter nbcrash train`: rebuild the text model from our corpus plus labelled JSONL files.

By default the model goes to the user's model directory (``<jupyter_data_dir>/nbcrash/model``),
which the server and the CLI prefer over the shipped model from then on; the shipped model stays
the fallback (delete the directory to return to it). ``--shipped`` writes the package's own model
instead (for developers, before a release).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="FILE",
        action="append",
        default=[],
        help="labelled JSONL (fields of the study's dev file); repeat for several",
    )
    parser.add_argument(
        "--with-feedback",
        action="store_true",
        help="also learn from the corrections given in the panel (the feedback store)",
    )
    parser.add_argument("--store", metavar="PATH", help="feedback database (default: configured)")
    parser.add_argument(
        "--no-corpus", action="store_true", help="leave out the corpus shipped with nbcrash"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="DIR", help="write the model into DIR")
    where.add_argument(
        "--shipped",
        action="store_true",
        help="write the model shipped in the package (jupyterlab_nbcrash/data/)",
    )


def run(args: argparse.Namespace) -> int:
    from ..diagnosis.model import SHIPPED_DIR, user_model_dir
    from ..training.data import CORPUS_SOURCE, DataError, read_corpus, read_examples
    from ..training.fit import train
    from . import UsageError
    from .feedback import labelled_feedback

    examples = []
    sources: dict[str, int] = {}
    try:
        if not args.no_corpus:
            corpus = read_corpus(keep_code=False)
            examples += corpus
            sources[CORPUS_SOURCE] = len(corpus)
        for path in args.data:
            found = read_examples(path, keep_code=False)
            examples += found
            sources[Path(path).name] = len(found)
        if args.with_feedback:
            found, skipped = _feedback_examples(labelled_feedback(args.store))
            examples += found
            sources["feedback"] = len(found)
            if skipped:
                print(
                    f"skipped {skipped} feedback record(s) without usable labels", file=sys.stderr
                )
    except DataError as err:
        raise UsageError(str(err)) from None
    if len(examples) < 2:
        raise UsageError("no labelled examples to train on (give --data FILE)")

    out = SHIPPED_DIR if args.shipped else args.output or user_model_dir()
    print(
        f"training on {len(examples)} examples: "
        + ", ".join(f"{k} {v}" for k, v in sources.items())
    )
    model = train(examples, sources=sources)
    try:
        path = model.save(out)
    except OSError as err:
        raise UsageError(f"cannot write the model to {out}: {err.strerror or err}") from None
    features = sum(len(h.vocabulary) for h in model.heads.values())
    print(f"model written to {path} ({features} features over {len(model.heads)} dimensions)")
    if not args.shipped and not args.output:
        print("it is used from now on; delete that folder to go back to the shipped model")
    return 0


def _feedback_examples(records: list[dict]):
    """Corrections as examples; one unusable correction must not stop the retraining."""
    from ..training.data import DataError, example_from_dict

    found, skipped = [], 0
    for obj in records:
        try:
            found.append(example_from_dict(obj, "feedback", keep_code=False))
        except DataError:
            skipped += 1
    return found, skipped


if __name__ == "__main__":  # pragma: no cover
    sys.exit(1)
