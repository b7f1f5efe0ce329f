"""Accuracy, macro-F1 and the most frequent confusions, per dimension (no scikit-learn needed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..diagnosis.record import Diagnosis
from .data import normalise_library

DIMENSIONS = ("crash_type", "root_cause", "stage", "library", "ml_bug")


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


def report(gold: Sequence[Mapping], pred: Sequence[Mapping], n_confusions: int = 3) -> dict:
    """{dimension: {accuracy, macro_f1, confusions}} over aligned gold and predicted labels."""
    out = {}
    for dim in DIMENSIONS:
        g = [x[dim] for x in gold]
        p = [x[dim] for x in pred]
        out[dim] = {
            "accuracy": accuracy(g, p),
            "macro_f1": macro_f1(g, p),
            "confusions": confusions(g, p, n_confusions),
        }
    return out


def format_table(result: Mapping[str, Mapping], goals: Mapping[str, float] | None = None) -> str:
    """A plain-text table of a ``report``: one row per dimension."""
    goals = goals or {}
    lines = [
        f"{'dimension':<12} {'accuracy':>8} {'macro-F1':>8} {'goal':>6}  most frequent confusions"
    ]
    for dim, row in result.items():
        goal = f"{goals[dim]:.2f}" if dim in goals else ""
        conf = "; ".join(f"{g}→{p} ×{c}" for g, p, c in row["confusions"])
        lines.append(f"{dim:<12} {row['accuracy']:>8.3f} {row['macro_f1']:>8.3f} {goal:>6}  {conf}")
    return "\n".join(lines)
