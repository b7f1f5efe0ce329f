"""Labelled crashes in the shared JSONL format, read and checked once.

One object a line: ``id, ename, evalue, traceback, crash_type, root_cause, stage, library,
ml_bug`` (+ ``code``, ``detail``, and for notebook cases ``cells``/``history``). A line with a
bad record or an id outside the taxonomy raises ``DataError`` naming the file and line.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .. import taxonomy
from ..diagnosis.record import ErrorRecord, RecordError

CORPUS_PATH = Path(__file__).resolve().parent.parent / "data" / "corpus.jsonl"
# The ``source`` of our corpus's examples (a user's file of the same name is not our corpus).
CORPUS_SOURCE = CORPUS_PATH.name
LABELS = ("crash_type", "root_cause", "stage", "library", "ml_bug")


class DataError(ValueError):
    """A labelled file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Example:
    """One labelled crash: the record as the model sees it, its labels and where it came from."""

    id: str
    record: ErrorRecord
    labels: dict = field(hash=False)
    source: str = ""


def normalise_library(value: str) -> str:
    """The label's library id: lower-case import name, Keras counted as TensorFlow."""
    value = (value or "").strip()
    low = value.lower()
    if low in ("", "none", "null"):
        return "none"
    if low in ("keras", "tf", "tf.keras", "tensorflow.keras"):
        return "tensorflow"
    if low in ("pil", "pillow"):
        return "PIL"
    if low in ("scikit-learn", "scikit_learn"):
        return "sklearn"
    if low in ("pytorch",):
        return "torch"
    if low in ("opencv", "opencv-python"):
        return "cv2"
    return low


def example_from_dict(obj: dict, source: str = "", *, keep_code: bool = True) -> Example:
    """Check one labelled object; raise ``DataError`` (without file context) when it is wrong."""
    if not isinstance(obj, dict):
        raise DataError("a line must be a JSON object")
    labels = {}
    for dim in ("crash_type", "root_cause", "stage"):
        value = obj.get(dim)
        if not taxonomy.is_valid(dim, value):
            raise DataError(f"'{dim}' is {value!r}, not an id of the taxonomy")
        labels[dim] = value
    lib = obj.get("library")
    if not isinstance(lib, str) or not lib.strip():
        raise DataError("'library' must be a non-empty string ('none' for plain Python)")
    labels["library"] = normalise_library(lib)
    ml_bug = obj.get("ml_bug")
    if not isinstance(ml_bug, bool):
        raise DataError("'ml_bug' must be true or false")
    labels["ml_bug"] = ml_bug
    data = dict(obj)
    if not keep_code:
        data.pop("code", None)
    if "notebook" not in data and ("cells" in data or "history" in data):
        data["notebook"] = {
            k: data[k] for k in ("cells", "history", "previous_history", "path") if k in data
        }
    if not keep_code:
        data.pop("notebook", None)
    try:
        record = ErrorRecord.from_dict(data)
    except RecordError as err:
        raise DataError(str(err)) from None
    return Example(str(obj.get("id", "")), record, labels, source)


def read_examples(
    path: str | os.PathLike, *, keep_code: bool = True, source: str | None = None
) -> list[Example]:
    """All examples of one JSONL file (blank lines skipped); ``source`` defaults to its path."""
    path = Path(path)
    source = str(path) if source is None else source
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as err:
        raise DataError(f"{path}: {err.strerror or err}") from None
    out = []
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                raise DataError(f"{path}:{n}: not JSON ({err})") from None
            try:
                out.append(example_from_dict(obj, source, keep_code=keep_code))
            except DataError as err:
                raise DataError(f"{path}:{n}: {err}") from None
    return out


def read_corpus(*, keep_code: bool = True) -> list[Example]:
    """The project's own recorded corpus (empty when it has not been recorded yet)."""
    if not CORPUS_PATH.is_file():
        return []
    return read_examples(CORPUS_PATH, keep_code=keep_code, source=CORPUS_SOURCE)
