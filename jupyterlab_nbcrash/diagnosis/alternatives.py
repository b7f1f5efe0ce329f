"""The ranked alternatives of a diagnosis: per dimension the likeliest labels with probabilities.

Whoever decided a label (the model, a certain rule, the notebook analysis, a fallback), the list
says the same thing as the label and its confidence: the chosen label comes first with its
confidence, then the model's next likeliest labels, their probabilities scaled so that the list
never claims more than the whole (the rest of the probability keeps the model's proportions: when a
rule is surer of its label than the model was, the model's other labels share what is left).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from operator import itemgetter

TOP = 3  # labels per dimension, the chosen one included


def ranked(
    label: str,
    p: float,
    distribution: Iterable[tuple[str, float]] = (),
    valid: Callable[[str], bool] = lambda _: True,
) -> list[dict]:
    """``[{"id", "p"}, …]``: ``label`` with probability ``p`` first, then up to ``TOP - 1`` other
    valid labels of ``distribution`` (the model's labels and probabilities, any order).

    Probabilities are rounded to 3 decimals, the others down, so that they sum to at most 1 and
    none is above the chosen label's."""
    first = round(min(max(float(p), 0.0), 1.0), 3)
    others = [(lab, float(q)) for lab, q in distribution if lab != label and q > 0 and valid(lab)]
    total = sum(q for _, q in others)
    room = 1.0 - first
    scale = min(1.0, room / total) if total > 0 else 0.0
    out = [{"id": label, "p": first}]
    for lab, q in sorted(others, key=itemgetter(1), reverse=True)[: TOP - 1]:  # stable
        share = math.floor(min(q * scale, first) * 1000 + 1e-9) / 1000
        if share > 0:
            out.append({"id": lab, "p": share})
    return out


def without(distribution: Iterable[tuple[str, float]], label: str) -> list[tuple[str, float]]:
    """The distribution given that ``label`` is ruled out: each other p / (1 − p(label))."""
    pairs = list(distribution)
    left = 1.0 - sum(q for lab, q in pairs if lab == label)
    rest = [(lab, q) for lab, q in pairs if lab != label]
    return [(lab, min(1.0, q / left)) for lab, q in rest] if left > 0 else rest
