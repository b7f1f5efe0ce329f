"""How sure a diagnosis is of a label, in the words the panel uses (issue 13).

The command line's human-readable output (``scan`` and ``report`` as a table or HTML) words a
label the diagnosis is not sure of exactly as the card, the panel and the Markdown export do
(``src/uncertainty.ts``): below the threshold, the two likeliest labels with their shares, "API
misuse or data confusion — not sure (55% / 26%)". Both sides follow the same rules: the chosen
label's probability is its ``confidence`` (1 when it has none); the runner-up is the likeliest
other label of ``alternatives``; a label is sure when there is no runner-up with a share, or when
its probability reaches the threshold. JSON and CSV keep the numbers as they are.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from . import taxonomy

# The default of the panel's `confidenceThreshold` setting (schema/plugin.json).
DEFAULT_THRESHOLD = 0.7

# The dimensions the server ranks alternatives for.
RANKED = ("crash_type", "root_cause", "stage", "library")

TitleOf = Callable[[str, str], str]


class Sureness(NamedTuple):
    """One dimension of a diagnosis: is it sure, its label and share, the runner-up's."""

    dimension: str
    sure: bool
    chosen: tuple[str, float]
    second: tuple[str, float] | None


def sureness(diagnosis: Mapping[str, Any], dimension: str, threshold: float) -> Sureness:
    """Whether the diagnosis states its ``dimension`` label as a fact at ``threshold`` (0..1)."""
    chosen_id = diagnosis.get(dimension) or ""
    confidence = (diagnosis.get("confidence") or {}).get(dimension)
    chosen = (chosen_id, _clamp(confidence if _is_number(confidence) else 1.0))
    listed = ((diagnosis.get("alternatives") or {}).get(dimension)) or []
    others = [
        (a["id"], _clamp(a["p"]))
        for a in listed
        if isinstance(a, Mapping)
        and isinstance(a.get("id"), str)
        and a["id"]
        and a["id"] != chosen_id
        and _is_number(a.get("p"))
    ]
    second = max(others, key=lambda a: a[1], default=None)
    sure = second is None or second[1] <= 0 or chosen[1] >= threshold
    return Sureness(dimension, sure, chosen, None if sure else second)


def label_text(
    diagnosis: Mapping[str, Any],
    dimension: str,
    threshold: float,
    title_of: TitleOf = taxonomy.title,
    first: str | None = None,
) -> str:
    """The label in words: its title when sure, else "A or b — not sure (48% / 31%)". ``first``
    replaces the chosen label's title (a cause worded with its notebook cause)."""
    s = sureness(diagnosis, dimension, threshold)
    title = first if first is not None else title_of(dimension, s.chosen[0])
    if s.sure or s.second is None:
        return title
    other = lower_first(title_of(dimension, s.second[0]))
    return f"{title} or {other} — not sure ({percent(s.chosen[1])} / {percent(s.second[1])})"


def percent(share: float) -> str:
    """A share as the UI shows it: a whole percentage, halves rounded up as JavaScript does."""
    return f"{math.floor(share * 100 + 0.5)}%"


def lower_first(title: str) -> str:
    """A title inside a sentence: "Data confusion" → "data confusion"; "API misuse" stays."""
    return title if re.match(r"[A-Z]{2}", title) else title[:1].lower() + title[1:]


def check_threshold(value: float) -> float:
    """The threshold if it is a share (0..1); ValueError otherwise."""
    if not (_is_number(value) and 0.0 <= value <= 1.0):
        raise ValueError(f"the confidence threshold must be between 0 and 1, not {value}")
    return float(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _clamp(p: float) -> float:
    return min(1.0, max(0.0, float(p)))
