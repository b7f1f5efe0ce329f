"""How labelled crashes are split into folds: random, or grouped so that a fold imitates crashes
from another source (see ``training.crossval``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from .data import Example

SPLITS = ("random", "library", "family", "source")

# Crash types that look alike from the error text: a family is held out whole.
CRASH_FAMILIES = {
    "variable_not_found": "names",
    "name_error": "names",
    "module_not_found": "imports",
    "environment_error": "imports",
    "io_error": "files_network",
    "request_error": "files_network",
    "invalid_argument": "arguments_values",
    "value_error": "arguments_values",
    "data_value_violation": "arguments_values",
    "key_error": "lookups",
    "index_error": "lookups",
    "attribute_error": "lookups",
    "type_error": "types",
    "tensor_shape_mismatch": "shapes",
    "unsupported_broadcast": "shapes",
    "feature_name_mismatch": "shapes",
}
OTHER_FAMILY = "other"  # runtime errors, memory, model initialisation, other


def fold_of(n: int, folds: int, seed: int) -> np.ndarray:
    """Fold number of each of ``n`` examples: a seeded shuffle, then round robin."""
    order = np.random.default_rng(seed).permutation(n)
    out = np.empty(n, dtype=int)
    out[order] = np.arange(n) % folds
    return out


def group_folds(groups: Sequence[str | None], folds: int, seed: int) -> np.ndarray:
    """Fold number of each example such that a group is never split (GroupKFold-style): the
    largest groups first, each into the fold with the fewest examples so far (ties broken by a
    seeded shuffle); examples without a group (None) then fill the smallest folds one by one."""
    rng = np.random.default_rng(seed)
    counts = Counter(g for g in groups if g is not None)
    names = sorted(counts)
    rng.shuffle(names)
    names.sort(key=lambda g: -counts[g])  # stable: the shuffle only breaks ties
    sizes = np.zeros(folds, dtype=int)
    fold_of_group = {}
    for g in names:
        k = int(np.argmin(sizes))
        fold_of_group[g] = k
        sizes[k] += counts[g]
    out = np.empty(len(groups), dtype=int)
    for i in rng.permutation(len(groups)):
        g = groups[i]
        if g is None:
            k = int(np.argmin(sizes))
            sizes[k] += 1
            out[i] = k
        else:
            out[i] = fold_of_group[g]
    return out


def assign_folds(dev: Sequence[Example], split: str, folds: int, seed: int) -> np.ndarray:
    """Fold number of each example for one of ``SPLITS`` (``source``: all in fold 0)."""
    if split == "random":
        return fold_of(len(dev), folds, seed)
    if split == "library":
        groups = [None if ex.labels["library"] == "none" else ex.labels["library"] for ex in dev]
        return group_folds(groups, folds, seed)
    if split == "family":
        groups = [CRASH_FAMILIES.get(ex.labels["crash_type"], OTHER_FAMILY) for ex in dev]
        return group_folds(groups, folds, seed)
    if split == "source":
        return np.zeros(len(dev), dtype=int)
    raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
