"""Temperature scaling: make each head's probabilities mean what they say.

A logistic regression trained with L2 regularisation on a thousand crashes is over- or
under-confident on crashes it has not seen. One number per head, the temperature T, divides its
scores before the softmax (T > 1 flattens, T < 1 sharpens); the best class never changes. T is
fitted to minimise the negative log-likelihood of out-of-fold predictions: k folds over the real
crashes (our corpus stays in every training fold, as in ``training.crossval``), each held-out
crash scored by a model that did not see it, the probability compared with the crash's label.
The corpus's crashes are never held out: they are written to test a rule or a hint, and the model
is used on real crashes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..diagnosis.model import FRAME_LIBRARY, Model
from .data import CORPUS_SOURCE
from .folds import assign_folds
from .metrics import expected_calibration_error

# Search range of the temperature (log-spaced grid, then a finer grid around the best).
T_MIN, T_MAX = 0.2, 10.0
# Fewer real crashes than this: the folds go over all examples, our corpus included (and
# fit.learns_real_prior is false).
MIN_REAL = 50
# Score of a class that a fold's model never saw (no example of it in that fold's training data).
ABSENT = -1e4
# Standard deviation (in logits) of the Gaussian prior on the per-class offsets.
BIAS_SD = 1.0


def gold_classes(dimension: str, classes: Sequence[str], label, hint: str | None) -> list[int]:
    """The head's classes that stand for the gold ``label`` (library: the frame-library class
    when the crash's library hint is that library; ml_bug: "True"/"False")."""
    gold = str(bool(label)) if dimension == "ml_bug" else str(label)
    out = []
    for i, c in enumerate(classes):
        if c == gold or (c == FRAME_LIBRARY and (hint or "none").lower() == gold.lower()):
            out.append(i)
    return out


def out_of_fold_scores(
    data,
    fit: Callable,
    classes: Mapping[str, Sequence[str]],
    folds: int,
    seed: int = 0,
    split: str = "random",
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per dimension (scores, gold mask) of held-out real crashes, both (crashes × classes) in
    the order of ``classes[dimension]`` (a class the fold's model lacks scores ``ABSENT``; a
    two-class head's single column of scores s becomes (0, s)). ``data`` is a
    ``fit.Featurised``, ``fit`` makes an uncalibrated ``Model`` of a part of it."""
    examples = data.examples
    held = [i for i, ex in enumerate(examples) if ex.source != CORPUS_SOURCE]
    if len(held) < MIN_REAL:
        held = list(range(len(examples)))
    fold = assign_folds([examples[i] for i in held], split, folds, seed)
    rows: dict[str, list] = {dim: [] for dim in classes}
    masks: dict[str, list] = {dim: [] for dim in classes}
    for k in range(folds):
        out_k = {held[j] for j in np.flatnonzero(fold == k)}
        model = fit(data.subset([i for i in range(len(examples)) if i not in out_k]))
        for dim, order in classes.items():
            head = model.heads[dim]
            where = {c: j for j, c in enumerate(head.classes)}
            for i in sorted(out_k):
                mask = np.zeros(len(order), dtype=bool)
                mask[gold_classes(dim, order, examples[i].labels[dim], data.hints[i])] = True
                if not mask.any():
                    continue  # a label the model has no class for: no probability to calibrate
                raw = model.scores(dim, data.docs[i])
                if len(head.classes) == 2 and raw.shape[0] == 1:
                    raw = np.array([0.0, float(raw[0])])
                row = np.full(len(order), ABSENT)
                for c, j in where.items():
                    if c in order:
                        row[order.index(c)] = raw[j]
                rows[dim].append(row)
                masks[dim].append(mask)
    return {
        dim: (np.array(rows[dim]), np.array(masks[dim]))
        for dim in classes
        if rows[dim] and len(classes[dim]) > 1
    }


def negative_log_likelihood(
    scores: np.ndarray,
    gold: np.ndarray,
    temperature: float,
    bias: np.ndarray | float = 0.0,
    smoothing: float = 0.0,
) -> float:
    """Mean −log P(gold) when P = (1 − smoothing) softmax(scores / temperature + bias)
    + smoothing / K, row by row."""
    p = probabilities(scores, temperature, bias, smoothing)
    return float(-np.mean(np.log(np.maximum((p * gold).sum(axis=1), 1e-12))))


def probabilities(
    scores: np.ndarray,
    temperature: float,
    bias: np.ndarray | float = 0.0,
    smoothing: float = 0.0,
) -> np.ndarray:
    """(1 − smoothing) softmax(scores / temperature + bias) + smoothing / K, row by row."""
    z = scores / temperature + bias
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    if smoothing:
        p = (1.0 - smoothing) * p + smoothing / p.shape[1]
    return p


def first_answer_error(
    scores: np.ndarray, gold: np.ndarray, temperature: float, smoothing: float = 0.0
) -> float:
    """The calibration error (ECE, ``metrics.ECE_BINS`` bins) of each row's likeliest class."""
    p = probabilities(scores, temperature, smoothing=smoothing)
    right = gold[np.arange(len(p)), p.argmax(axis=1)]
    return expected_calibration_error(right.tolist(), p.max(axis=1).tolist())


def fit_temperature(
    scores: np.ndarray,
    gold: np.ndarray,
    smoothings: Sequence[float] = (0.0,),
    objective: str = "nll",
) -> tuple[float, float]:
    """(temperature, smoothing) minimising the negative log-likelihood (``objective`` "nll")
    or the calibration error of the first answers ("ece"), the smoothing one of
    ``smoothings`` ((1.0, 0.0) without data)."""
    if len(scores) == 0:
        return 1.0, 0.0
    if objective == "ece":
        # Piecewise constant in the temperature: the grid alone, no finer search; of equal
        # errors the first, i.e. the least smoothing and the lowest temperature.
        found = [
            (first_answer_error(scores, gold, t, eps), round(float(t), 3), float(eps))
            for eps in smoothings
            for t in np.geomspace(T_MIN, T_MAX, 60)
        ]
        best = min(found, key=lambda f: f[0])
        return best[1], best[2]
    best = (np.inf, 1.0, 0.0)
    for eps in smoothings:
        grid = np.geomspace(T_MIN, T_MAX, 60)
        losses = [negative_log_likelihood(scores, gold, t, smoothing=eps) for t in grid]
        i = int(np.argmin(losses))
        fine = np.geomspace(grid[max(0, i - 1)], grid[min(len(grid) - 1, i + 1)], 25)
        losses = [negative_log_likelihood(scores, gold, t, smoothing=eps) for t in fine]
        j = int(np.argmin(losses))
        if losses[j] < best[0]:
            best = (losses[j], round(float(fine[j]), 3), float(eps))
    return best[1], best[2]


def fit_prior_bias(
    scores: np.ndarray, gold: np.ndarray, temperature: float, smoothing: float = 0.0
) -> np.ndarray:
    """Per-class offsets of the tempered scores that minimise the negative log-likelihood plus
    a Gaussian prior (``BIAS_SD``): at the optimum the mean predicted probability of each class
    equals its share of the held-out crashes, i.e. the real crashes' prior replaces the
    training prior (our corpus's shares of labels differ)."""
    from scipy.optimize import minimize

    n, k = scores.shape

    def loss(bias):
        return negative_log_likelihood(scores, gold, temperature, bias, smoothing) + float(
            bias @ bias
        ) / (2 * BIAS_SD**2 * n)

    found = minimize(loss, np.zeros(k), method="L-BFGS-B")
    bias = found.x - found.x.mean()
    return np.round(bias, 4)


def calibrate(
    model: Model,
    data,
    folds: int,
    fit: Callable,
    prior_dims: Sequence[str] = (),
    seed: int = 0,
    split: str = "random",
    smoothings: Sequence[float] = (0.0,),
    dims: Sequence[str] | None = None,
    ece_dims: Sequence[str] = (),
) -> dict[str, dict]:
    """Fit the temperature of every head of ``dims`` (default: all; the others keep theirs;
    for ``ece_dims`` to the calibration error of the first answers, see ``fit_temperature``)
    and for ``prior_dims`` per-class offsets, folded into the intercepts, on out-of-fold
    predictions; set them on ``model`` and return what was fitted."""
    classes = {
        dim: list(head.classes) for dim, head in model.heads.items() if dims is None or dim in dims
    }
    oof = out_of_fold_scores(data, fit, classes, folds, seed, split)
    found: dict[str, dict] = {}
    for dim, head in model.heads.items():
        if dim not in oof:  # not calibrated, or no held-out crash to calibrate it on
            continue
        scores, gold = oof[dim]
        objective = "ece" if dim in ece_dims else "nll"
        head.temperature, head.smoothing = fit_temperature(scores, gold, smoothings, objective)
        found[dim] = {"temperature": head.temperature, "smoothing": head.smoothing}
        if dim in prior_dims and len(head.intercept) == len(head.classes) > 2:
            bias = fit_prior_bias(scores, gold, head.temperature, head.smoothing)
            # softmax(s / T + b) = softmax((s + T b) / T): the offsets live in the intercepts.
            head.intercept = head.intercept + head.temperature * bias
            found[dim]["bias"] = dict(zip(head.classes, bias.tolist(), strict=True))
    model.restack()
    return found
