"""`jupyter nbcrash train`: rebuild the text model, or learn the user's corrections on top of it.

- ``train --with-feedback``: the verdicts given in the panel become the corrections layer
  (``corrections.json``, ``diagnosis/corrections.py``) in the user's model folder
  (``<jupyter_data_dir>/nbcrash/model``); the model itself is not touched, so what the shipped
  model learnt from the study's crashes (which the package does not carry) stays. Milliseconds;
  the server picks the file up within seconds, without a restart.
- ``train --data FILE``: a new model from our corpus plus labelled JSONL files, into the user's
  model folder (preferred over the shipped model from then on); with ``--with-feedback`` the
  corrections are written beside it. ``--shipped`` writes the package's own model instead (for
  developers, before a release).
- ``train --reset``: back to the shipped model: the user's model folder is moved aside to
  ``model.previous`` (the feedback stays in the store; ``--with-feedback`` learns it again).
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
        help="learn the corrections given in the panel (the feedback store) as a layer on top"
        " of the model; alone, the model is left as it is",
    )
    parser.add_argument(
        "--reset",
        action="store_true",
        help="go back to the shipped model (your model folder is moved to model.previous)",
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
    from . import UsageError

    if args.reset:
        if args.data or args.with_feedback or args.no_corpus or args.output or args.shipped:
            raise UsageError(
                "--reset takes no other option (it only goes back to the shipped model)"
            )
        return _reset()
    if args.with_feedback and args.shipped:
        raise UsageError(
            "the shipped model takes no corrections (--with-feedback without --shipped)"
        )
    # The store first: a mistyped --store must fail before a model is trained and written.
    entries = _feedback_entries(args.store) if args.with_feedback else None
    if entries is not None and not args.data and not args.no_corpus:
        return _learn_corrections(args, entries)
    _train_model(args)
    if entries is not None:
        _learn_corrections(args, entries)
    return 0


def _feedback_entries(store: str | None) -> list[dict]:
    from .feedback import read_store

    return read_store(store, lambda s: s.entries())


def _train_model(args: argparse.Namespace) -> None:
    from ..diagnosis.model import SHIPPED_DIR, user_model_dir
    from ..training.data import CORPUS_SOURCE, DataError, read_corpus, read_examples
    from ..training.fit import train
    from . import UsageError

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
        print(
            "it is used from now on; `jupyter nbcrash train --reset` goes back to the shipped one"
        )


def _learn_corrections(args: argparse.Namespace, entries: list[dict]) -> int:
    """Write the feedback's corrections into the output or the user's model folder."""
    import time

    from ..diagnosis.model import find_model_dir, user_model_dir
    from ..training.feedback import build
    from . import UsageError

    start = time.perf_counter()
    corrections, skipped = build(entries)
    took = (time.perf_counter() - start) * 1000
    out = Path(args.output) if args.output else user_model_dir()
    try:
        path = corrections.save(out)
    except OSError as err:
        raise UsageError(f"cannot write the corrections to {out}: {err.strerror or err}") from None
    if skipped:
        print(
            f"skipped {skipped} feedback entr{'y' if skipped == 1 else 'ies'} without usable"
            " labels",
            file=sys.stderr,
        )
    print(
        f"learnt {len(corrections)} correction(s) from {len(entries)} feedback entr"
        f"{'y' if len(entries) == 1 else 'ies'} in {took:.0f} ms; written to {path}"
    )
    if not args.output:
        directory, source = find_model_dir()
        print(
            f"they apply on top of the {source} model ({directory}), which is unchanged; "
            "`jupyter nbcrash train --reset` goes back to the shipped model alone"
        )
    return 0


def _reset() -> int:
    """Move the user's model folder (model, corrections) aside: the shipped model is used."""
    import shutil

    from ..diagnosis.model import user_model_dir
    from . import UsageError

    folder = user_model_dir()
    if not folder.exists():
        print(f"already using the shipped model (no folder {folder})")
        return 0
    previous = folder.with_name(folder.name + ".previous")
    try:
        if previous.exists():  # the one reset before this one: the older model goes
            shutil.rmtree(previous)
        folder.rename(previous)
    except OSError as err:
        raise UsageError(f"cannot move {folder} aside: {err.strerror or err}") from None
    print(
        f"back to the shipped model; your model folder is now {previous} "
        "(your feedback stays in the store: `train --with-feedback` learns it again)"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(1)
