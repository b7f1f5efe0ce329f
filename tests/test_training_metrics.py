"""Generalisation metrics (coverage, top-2, ECE, TV), grouped folds and the goal check."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.training import metrics as MX
from jupyterlab_nbcrash.training.crossval import GOALS, check_goals, format_goals
from jupyterlab_nbcrash.training.data import Example
from jupyterlab_nbcrash.training.folds import CRASH_FAMILIES, assign_folds, group_folds


def test_accuracy_at_coverage_keeps_the_surest_answers():
    correct = [True, False, True, False, True, False, False, False, True, True]
    conf = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.4, 0.35, 0.95, 0.85]
    # Surest 30 %: 0.95, 0.9, 0.85 -> all right; 50 % adds 0.8, 0.7 -> still all right.
    assert MX.accuracy_at_coverage(correct, conf, 0.3) == 1.0
    assert MX.accuracy_at_coverage(correct, conf, 0.5) == 1.0
    # 70 %: adds 0.4 and 0.35, both wrong.
    assert MX.accuracy_at_coverage(correct, conf, 0.7) == pytest.approx(5 / 7)
    assert MX.accuracy_at_coverage(correct, conf, 1.0) == 0.5


def test_expected_calibration_error_by_hand():
    # Bin [0.9, 1.0): two answers at 0.9, one right -> |0.5 - 0.9| x 2/4.
    # Bin [0.3, 0.4): two answers at 0.3, none right -> |0 - 0.3| x 2/4.
    ece = MX.expected_calibration_error([True, False, False, False], [0.9, 0.9, 0.3, 0.3])
    assert ece == pytest.approx(0.4 * 0.5 + 0.3 * 0.5)
    # Confidence 1.0 falls in the last bin, not outside.
    assert MX.expected_calibration_error([True], [1.0]) == 0.0


def test_a_calibrated_predictor_has_a_small_but_not_zero_ece():
    rng = np.random.default_rng(1)
    conf = rng.uniform(0.2, 1.0, 20_000)
    correct = list(rng.random(conf.size) < conf)
    assert MX.expected_calibration_error(correct, list(conf)) < 0.02
    # On 300 answers the same calibrated predictor shows a few points of ECE by chance alone.
    mean, high = MX.ece_noise(list(conf[:300]), draws=200)
    assert 0.01 < mean < high < 0.12


def test_total_variation_and_top_k():
    assert MX.total_variation(["a", "a", "b", "b"], ["a", "a", "b", "b"]) == 0.0
    assert MX.total_variation(["a", "a"], ["b", "b"]) == 1.0
    # Half of the "b" answered as "a": 1/4 of the mass moved.
    assert MX.total_variation(["a", "a", "b", "b"], ["a", "a", "a", "b"]) == pytest.approx(0.25)
    alts = [[("a", 0.6), ("b", 0.3)], [("a", 0.5), ("c", 0.4)], [("c", 0.9)]]
    assert MX.top_k_accuracy(["b", "b", "c"], alts, 1) == pytest.approx(1 / 3)
    assert MX.top_k_accuracy(["b", "b", "c"], alts, 2) == pytest.approx(2 / 3)


def test_report_has_the_confidence_columns_for_ranked_dimensions():
    gold = [{"crash_type": "x", "root_cause": "r", "stage": "s", "library": "none", "ml_bug": True}]
    pred = [dict(gold[0])]
    alts = [{dim: [(gold[0][dim], 0.8)] for dim in MX.RANKED}]
    result = MX.report(gold, pred, alternatives=alts)
    for dim in MX.RANKED:
        assert result[dim]["coverage"][0.5] == 1.0 and result[dim]["top2"] == 1.0
        assert result[dim]["ece"] == pytest.approx(0.2) and result[dim]["tv"] == 0.0
    assert "coverage" not in result["ml_bug"]
    table = MX.format_table(result)
    assert "@50%" in table and "ECE" in table
    assert MX.format_table(MX.report(gold, pred)).splitlines()[0].split()[:3] == [
        "dimension",
        "accuracy",
        "macro-F1",
    ]


def test_predicted_alternatives_normalise_libraries_and_fall_back_to_the_label():
    d = {
        "crash_type": "key_error",
        "root_cause": "data_confusion",
        "stage": "training",
        "library": "keras",
        "confidence": {"crash_type": 0.7, "root_cause": 0.4, "stage": 0.5, "library": 0.9},
        "alternatives": {"library": [{"id": "keras", "p": 0.9}, {"id": "PIL", "p": 0.05}]},
    }
    got = MX.predicted_alternatives(d)
    assert got["library"] == [("tensorflow", 0.9), ("PIL", 0.05)]
    assert got["root_cause"] == [("data_confusion", 0.4)]


def example(i: int, crash_type: str, library: str) -> Example:
    labels = {
        "crash_type": crash_type,
        "root_cause": "api_misuse",
        "stage": "training",
        "library": library,
        "ml_bug": True,
    }
    return Example(str(i), ErrorRecord(ename="E"), labels)


def test_group_folds_never_split_a_group_and_balance_the_rest():
    groups = ["a"] * 30 + ["b"] * 20 + ["c"] * 5 + [None] * 45
    fold = group_folds(groups, 5, seed=3)
    for g in "abc":
        assert len({int(fold[i]) for i, x in enumerate(groups) if x == g}) == 1
    sizes = Counter(fold.tolist())
    assert set(sizes) == set(range(5)) and max(sizes.values()) == 30  # "a" alone in its fold
    assert min(sizes.values()) >= 15


def test_assign_folds_per_split():
    dev = [example(i, ct, lib) for i, (ct, lib) in enumerate(
        [("key_error", "pandas"), ("index_error", "none"), ("name_error", "none"),
         ("variable_not_found", "numpy"), ("value_error", "pandas"), ("other", "none")] * 4
    )]  # fmt: skip
    lib = assign_folds(dev, "library", 3, 0)
    for name in ("pandas", "numpy"):
        assert len({int(lib[i]) for i, ex in enumerate(dev) if ex.labels["library"] == name}) == 1
    fam = assign_folds(dev, "family", 3, 0)
    for family in set(CRASH_FAMILIES.values()):
        held = {
            int(fam[i])
            for i, ex in enumerate(dev)
            if CRASH_FAMILIES.get(ex.labels["crash_type"]) == family
        }
        assert len(held) <= 1, family
    # key_error and index_error are one family (look-ups): always together.
    assert fam[0] == fam[1]
    assert set(assign_folds(dev, "source", 3, 0).tolist()) == {0}
    with pytest.raises(ValueError, match="unknown split"):
        assign_folds(dev, "nope", 3, 0)


def test_goals_are_checked_in_both_directions():
    row = {
        "coverage": {0.3: 1.0, 0.5: 0.95, 0.7: 0.9, 1.0: 0.92},
        "top2": 0.9,
        "ece": 0.02,
        "tv": 0.01,
    }
    good = {dim: dict(row, accuracy=0.95) for dim in MX.RANKED}
    assert all(ok for _, _, ok in check_goals(good))
    bad = {dim: dict(row, accuracy=0.95, ece=0.2) for dim in MX.RANKED}
    missed = [name for name, _, ok in check_goals(bad) if not ok]
    assert len(missed) == sum(metric == "ece" for _, metric, _, _ in GOALS)
    assert "MISSED" in format_goals(check_goals(bad))
