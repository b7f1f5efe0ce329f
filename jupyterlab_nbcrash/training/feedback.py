"""The user's feedback as corrections (``diagnosis/corrections.py``): what a retrain learns.

Which labels a verdict teaches: all four the user left standing, "right" (a confirmation) and
"wrong" alike. The labels a correction left unchanged are confirmed too (the user read them and
kept them): taught only the changed ones, a near duplicate whose renamed code the model reads
otherwise lost them (``benchmarks/feedback_retrain.py``: the stage of paraphrases of corrected
crashes on the library split went from .889 to .956 at k = 5, .944 to .983 at k = 20).

The crash's tokens are those the model reads (``diagnosis/tokens.py``, with the rules that
fired), from the record as the server kept it.
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


def taught_labels(corrected: Mapping) -> dict[str, str]:
    """What a verdict teaches: every label of the taxonomy it ends with (the store's ``corrected``:
    the model's labels overridden by those the user changed, ``store.corrected_labels``)."""
    return {dim: corrected[dim] for dim in DIMENSIONS if taxonomy.is_valid(dim, corrected.get(dim))}


def correction_from_feedback(entry: Mapping) -> Correction | None:
    """A correction from one feedback entry (``FeedbackStore.entries``); None when it teaches
    nothing usable (no verdict, only a fix's outcome; labels outside the taxonomy; a record
    that cannot be read)."""
    if entry.get("correct") is None:
        return None
    labels = taught_labels(entry.get("corrected") or {})
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
