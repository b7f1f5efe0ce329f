"""Per dimension: accuracy, macro-F1, the most frequent confusions and, from the ranked
alternatives, how far the confidences can be trusted (no scikit-learn needed):

- accuracy at 30/50/70/100 % coverage: the crashes sorted by confidence, surest first;
- top-2 accuracy: the gold label is among the first two alternatives;
- ECE: expected calibration error over 10 equal-width confidence bins (the gap between the mean
  confidence and the accuracy of each bin, weighted by its share of the crashes);
- TV: total-variation distance between the predicted and the labelled distribution of labels
  (0: the model answers each label as often as the humans did; 1: never the same labels).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from ..diagnosis.record import Diagnosis
from .data import normalise_library

DIMENSIONS = ("crash_type", "root_cause", "stage", "library", "ml_bug")
# The dimensions with ranked alternatives (ml_bug has none).
RANKED = ("crash_type", "root_cause", "stage", "library")
COVERAGES = (0.3, 0.5, 0.7, 1.0)
ECE_BINS = 10


def predicted_labels(diagnosis: Diagnosis | Mapping) -> dict:
    """The labels of a diagnosis in the form they are compared with gold labels."""
    d = diagnosis.to_dict() if isinstance(diagnosis, Diagnosis) else diagnosis
    return {
        "crash_type": d["crash_type"],
        "root_cause": d["root_cause"],
        "stage": d["stage"],
        "library": normalise_library(d["library"]),
        "ml_bug": bool(d["ml_bug"]),
    }


def predicted_alternatives(diagnosis: Diagnosis | Mapping) -> dict[str, list[tuple[str, float]]]:
    """Per ranked dimension the alternatives of a diagnosis as (label, p), chosen label first,
    labels in the form they are compared with gold labels."""
    d = diagnosis.to_dict() if isinstance(diagnosis, Diagnosis) else diagnosis
    out = {}
    for dim in RANKED:
        alts = (d.get("alternatives") or {}).get(dim) or [
            {"id": d[dim], "p": (d.get("confidence") or {}).get(dim, 0.0)}
        ]
        norm = normalise_library if dim == "library" else str
        out[dim] = [(norm(a["id"]), float(a["p"])) for a in alts]
    return out


def accuracy_at_coverage(correct: Sequence[bool], confidence: Sequence[float], share: float):
    """Accuracy on the ``share`` of the crashes with the highest confidence (ties: given order)."""
    if not correct:
        return 0.0
    order = sorted(range(len(correct)), key=lambda i: -confidence[i])
    kept = order[: max(1, math.ceil(share * len(correct) - 1e-9))]
    return sum(bool(correct[i]) for i in kept) / len(kept)


def expected_calibration_error(
    correct: Sequence[bool], confidence: Sequence[float], bins: int = ECE_BINS
) -> float:
    """Σ over equal-width confidence bins of |accuracy − mean confidence| × the bin's share."""
    if not correct:
        return 0.0
    totals = [[0, 0.0, 0] for _ in range(bins)]  # count, sum of confidences, right answers
    for ok, conf in zip(correct, confidence, strict=True):
        b = min(bins - 1, max(0, int(conf * bins)))
        totals[b][0] += 1
        totals[b][1] += conf
        totals[b][2] += bool(ok)
    n = len(correct)
    return sum(abs(right - conf_sum) / n for count, conf_sum, right in totals if count)


def ece_noise(confidence: Sequence[float], draws: int = 500, seed: int = 0) -> tuple[float, float]:
    """(mean, 90th percentile) of the ECE of a perfectly calibrated predictor with these
    confidences: each answer right with probability equal to its confidence, ``draws`` times.
    On a few hundred crashes this is several points, not zero."""
    import numpy as np

    if not confidence:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    conf = np.asarray(confidence, dtype=float)
    found = [
        expected_calibration_error(list(rng.random(len(conf)) < conf), list(conf))
        for _ in range(draws)
    ]
    return float(np.mean(found)), float(np.quantile(found, 0.9))


def total_variation(gold: Sequence, pred: Sequence) -> float:
    """Half the L1 distance between the label distributions of ``gold`` and ``pred``."""
    if not gold:
        return 0.0
    g, p = Counter(map(str, gold)), Counter(map(str, pred))
    return sum(abs(g[k] / len(gold) - p[k] / len(pred)) for k in g.keys() | p.keys()) / 2


def top_k_accuracy(gold: Sequence, alternatives: Sequence[Sequence[tuple[str, float]]], k: int):
    """Share of crashes whose gold label is among the first ``k`` alternatives."""
    if not gold:
        return 0.0
    pairs = zip(gold, alternatives, strict=True)
    hits = sum(str(g) in [lab for lab, _ in alts[:k]] for g, alts in pairs)
    return hits / len(gold)


def confidence_report(gold: Sequence, alternatives: Sequence[Sequence[tuple[str, float]]]) -> dict:
    """Coverage accuracies, top-2 accuracy, ECE and TV of one dimension's ranked answers."""
    pred = [alts[0][0] for alts in alternatives]
    conf = [alts[0][1] for alts in alternatives]
    correct = [str(g) == p for g, p in zip(gold, pred, strict=True)]
    return {
        "coverage": {c: accuracy_at_coverage(correct, conf, c) for c in COVERAGES},
        "top2": top_k_accuracy(gold, alternatives, 2),
        "ece": expected_calibration_error(correct, conf),
        "tv": total_variation(gold, pred),
    }


def accuracy(gold: Sequence, pred: Sequence) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0


def macro_f1(gold: Sequence, pred: Sequence) -> float:
    """Unweighted mean F1 over every label that occurs in gold or predictions (as sklearn)."""
    labels = set(gold) | set(pred)
    if not labels:
        return 0.0
    total = 0.0
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def confusions(gold: Sequence, pred: Sequence, n: int = 3) -> list[tuple[str, str, int]]:
    """The ``n`` most frequent (gold, predicted, count) mistakes."""
    counts = Counter((str(g), str(p)) for g, p in zip(gold, pred, strict=True) if g != p)
    return [(g, p, c) for (g, p), c in counts.most_common(n)]


def report(
    gold: Sequence[Mapping],
    pred: Sequence[Mapping],
    n_confusions: int = 3,
    alternatives: Sequence[Mapping] | None = None,
) -> dict:
    """{dimension: {accuracy, macro_f1, confusions}} over aligned gold and predicted labels;
    with the ``predicted_alternatives`` of each crash also the ``confidence_report`` keys."""
    out = {}
    for dim in DIMENSIONS:
        g = [x[dim] for x in gold]
        p = [x[dim] for x in pred]
        out[dim] = {
            "accuracy": accuracy(g, p),
            "macro_f1": macro_f1(g, p),
            "confusions": confusions(g, p, n_confusions),
        }
        if alternatives is not None and dim in RANKED:
            out[dim].update(confidence_report(g, [a[dim] for a in alternatives]))
    return out


def format_table(result: Mapping[str, Mapping]) -> str:
    """A plain-text table of a ``report``: one row per dimension (the confidence columns when the
    report has them)."""
    ranked = any("coverage" in row for row in result.values())
    extra = "   @30%   @50%   @70%   top2    ECE     TV" if ranked else ""
    lines = [f"{'dimension':<12} {'accuracy':>8} {'macro-F1':>8}{extra}  most frequent confusions"]
    for dim, row in result.items():
        conf = "; ".join(f"{g}→{p} ×{c}" for g, p, c in row["confusions"])
        cols = ""
        if "coverage" in row:
            cols = "".join(f" {row['coverage'][c]:>6.3f}" for c in COVERAGES[:3]) + "".join(
                f" {row[k]:>6.3f}" for k in ("top2", "ece", "tv")
            )
        elif ranked:
            cols = " " * len(extra)
        lines.append(f"{dim:<12} {row['accuracy']:>8.3f} {row['macro_f1']:>8.3f}{cols}  {conf}")
    return "\n".join(lines)
