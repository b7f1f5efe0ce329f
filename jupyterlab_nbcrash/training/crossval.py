"""Cross-validation of the full ``diagnose()`` output (rules + model + hints), on random folds and
on grouped folds that imitate crashes from another source.

Each fold's model is trained on the extra examples (our corpus) plus the other folds, and every
held-out crash is diagnosed from its error text alone, exactly as the issues measure it. Splits:

- ``random``: a seeded shuffle, then round robin (what the earlier rounds tuned on);
- ``library``: every library the crashes are labelled with is held out whole (its crashes are all
  in one fold); the crashes about no library are spread over the folds;
- ``family``: every family of crash types (``CRASH_FAMILIES``: names, imports, files and
  network, arguments and values, look-ups, types, shapes, the rest) is held out whole;
- ``source``: one fold, trained on the extra examples alone (our corpus → the study's crashes).

Random folds reward learning the 390 crashes' own habits; the grouped ones ask what a model does
on crashes unlike those it was trained on, which is what a user's notebook is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..diagnosis.diagnose import diagnose
from ..diagnosis.record import ErrorRecord
from .data import Example
from .fit import Params, featurise, fit_model
from .folds import assign_folds
from .metrics import predicted_alternatives, predicted_labels, report

# Issue 13's goals: (dimension, metric, "min" or "max", bound). "accuracy@50%" is the accuracy on
# the half of the crashes the diagnosis is surest about.
GOALS = (
    ("crash_type", "accuracy", "min", 0.90),
    ("root_cause", "accuracy@50%", "min", 0.85),
    ("root_cause", "top2", "min", 0.80),
    ("stage", "accuracy@50%", "min", 0.90),
    ("crash_type", "ece", "max", 0.05),
    ("root_cause", "ece", "max", 0.05),
    ("stage", "ece", "max", 0.05),
    ("library", "ece", "max", 0.05),
    ("root_cause", "tv", "max", 0.08),
)


@dataclass
class CVResult:
    report: dict
    gold: list[dict]
    predicted: list[dict]
    ids: list[str]
    alternatives: list[dict]
    split: str = "random"


def cross_validate(
    dev: Sequence[Example],
    extra: Sequence[Example] = (),
    folds: int = 5,
    seed: int = 0,
    params: Params | None = None,
    held_out: Callable[[ErrorRecord], ErrorRecord] | None = None,
    split: str = "random",
) -> CVResult:
    """``held_out`` re-renders each held-out crash before it is diagnosed (e.g. ``as_ipython8``).

    With ``split="source"`` the model is trained on ``extra`` alone and diagnoses all of ``dev``.
    """
    params = params or Params()
    if split == "source" and not extra:
        raise ValueError("the source split trains on the extra examples alone: give some")
    fold = assign_folds(dev, split, folds, seed)
    data = featurise(list(extra) + list(dev))
    gold: list[dict] = [{}] * len(dev)
    pred: list[dict] = [{}] * len(dev)
    alts: list[dict] = [{}] * len(dev)
    for k in sorted(set(fold.tolist())):
        train_idx = list(range(len(extra))) + [len(extra) + i for i in np.flatnonzero(fold != k)]
        # Calibrated as `train` calibrates the shipped model: on folds of the training part.
        model = fit_model(data.subset(train_idx), params)
        for i in np.flatnonzero(fold == k):
            ex = dev[i]
            gold[i] = dict(ex.labels)
            record = held_out(ex.record) if held_out else ex.record
            answer = diagnose(record, model)
            pred[i] = predicted_labels(answer)
            alts[i] = predicted_alternatives(answer)
    return CVResult(
        report(gold, pred, alternatives=alts),
        gold,
        pred,
        [ex.id for ex in dev],
        alts,
        split,
    )


def goal_value(result: dict, dimension: str, metric: str) -> float:
    """One number of a ``report`` by the names ``GOALS`` uses."""
    row = result[dimension]
    if metric.startswith("accuracy@"):
        return row["coverage"][float(metric.split("@")[1].rstrip("%")) / 100]
    return row[metric]


def check_goals(result: dict) -> list[tuple[str, float, bool]]:
    """(description, value, met) of every goal in ``GOALS``."""
    out = []
    for dim, metric, kind, bound in GOALS:
        value = goal_value(result, dim, metric)
        met = value >= bound if kind == "min" else value <= bound
        sign = "≥" if kind == "min" else "≤"
        out.append((f"{dim} {metric} {sign} {bound:.2f}", value, met))
    return out


def format_goals(goals: Sequence[tuple[str, float, bool]]) -> str:
    """One line: every goal of ``check_goals`` with its value, met or MISSED."""
    return "goals: " + "; ".join(f"{n} {v:.3f} {'met' if ok else 'MISSED'}" for n, v, ok in goals)
