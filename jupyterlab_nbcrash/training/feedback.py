"""The user's feedback as corrections (``diagnosis/corrections.py``): what a retrain learns.

Which labels a verdict teaches: "wrong" the dimensions the user changed (the others were the
model's, it answers them anyway); "right" (a confirmation) all four, so that a near duplicate is
not answered otherwise. The crash's tokens are those the model reads (``diagnosis/tokens.py``,
with the rules that fired), from the record as the server kept it.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Mapping

from .. import taxonomy
from ..diagnosis.corrections import DIMENSIONS, Correction, Corrections
from ..diagnosis.diagnose import rule_matches
from ..diagnosis.record import ErrorRecord, RecordError
from ..diagnosis.tokens import tokens
from ..diagnosis.traceback import parse


def taught_labels(correct: bool, predicted: Mapping, corrected: Mapping) -> dict[str, str]:
    """What a verdict teaches: a confirmation all four labels, a correction the changed ones."""
    out = {}
    for dim in DIMENSIONS:
        value = corrected.get(dim)
        if not taxonomy.is_valid(dim, value):
            continue
        if correct or value != predicted.get(dim):
            out[dim] = value
    return out


def correction_from_feedback(entry: Mapping) -> Correction | None:
    """A correction from one feedback entry (``FeedbackStore.entries``); None when it teaches
    nothing usable (no verdict, only a fix's outcome; labels outside the taxonomy; a record
    that cannot be read)."""
    if entry.get("correct") is None:
        return None
    labels = taught_labels(
        bool(entry.get("correct")), entry.get("predicted") or {}, entry.get("corrected") or {}
    )
    record = entry.get("record")
    if not labels or not isinstance(record, dict):
        return None
    try:
        parsed = parse(ErrorRecord.from_dict(record))
    except (RecordError, TypeError, ValueError):
        return None
    error = " ".join(f"{record.get('ename', '')}: {record.get('evalue', '')}".split()).strip(": ")
    return Correction(
        dict(Counter(tokens(parsed, rule_matches(parsed)))),
        labels,
        "right" if entry.get("correct") else "wrong",
        error[:200],
        entry.get("feedback_id"),
    )


def build(entries: Iterable[Mapping]) -> tuple[Corrections, int]:
    """(the corrections of the feedback entries, how many entries taught nothing usable)."""
    items, skipped = [], 0
    for entry in entries:
        item = correction_from_feedback(entry)
        if item is None:
            skipped += 1
        else:
            items.append(item)
    created = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return Corrections(items, {"created": created, "feedback": len(items)}), skipped
