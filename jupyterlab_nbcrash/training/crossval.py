"""k-fold cross-validation of the full ``diagnose()`` output (rules + model + hints).

Each fold's model is trained on the extra examples (our corpus) plus the other folds, and every
held-out crash is diagnosed from its error text alone, exactly as the issue measures it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..diagnosis.diagnose import diagnose
from ..diagnosis.record import ErrorRecord
from .data import Example
from .fit import Featurised, Params, export, featurise, fit_pipelines
from .metrics import predicted_labels, report

GOALS = {"crash_type": 0.90, "root_cause": 0.70, "stage": 0.70, "library": 0.90}


@dataclass
class CVResult:
    report: dict
    gold: list[dict]
    predicted: list[dict]
    ids: list[str]


def fold_of(n: int, folds: int, seed: int) -> np.ndarray:
    """Fold number of each of ``n`` examples: a seeded shuffle, then round robin."""
    order = np.random.default_rng(seed).permutation(n)
    out = np.empty(n, dtype=int)
    out[order] = np.arange(n) % folds
    return out


def cross_validate(
    dev: Sequence[Example],
    extra: Sequence[Example] = (),
    folds: int = 5,
    seed: int = 0,
    params: Params | None = None,
    held_out: Callable[[ErrorRecord], ErrorRecord] | None = None,
) -> CVResult:
    """``held_out`` re-renders each held-out crash before it is diagnosed (e.g. ``as_ipython8``)."""
    params = params or Params()
    dev_f = featurise(dev)
    extra_f = featurise(extra)
    fold = fold_of(len(dev), folds, seed)
    gold: list[dict] = [{}] * len(dev)
    pred: list[dict] = [{}] * len(dev)
    for k in range(folds):
        train_idx = [i for i in range(len(dev)) if fold[i] != k]
        data = Featurised(
            list(extra_f.examples) + [dev_f.examples[i] for i in train_idx],
            list(extra_f.docs) + [dev_f.docs[i] for i in train_idx],
            list(extra_f.hints) + [dev_f.hints[i] for i in train_idx],
        )
        model = export(*fit_pipelines(data, params))
        for i in np.flatnonzero(fold == k):
            ex = dev[i]
            gold[i] = dict(ex.labels)
            record = held_out(ex.record) if held_out else ex.record
            pred[i] = predicted_labels(diagnose(record, model))
    return CVResult(report(gold, pred), gold, pred, [ex.id for ex in dev])
