"""Ranked alternatives: whoever decided a label, the list agrees with it and is a distribution."""

from __future__ import annotations

import importlib

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.alternatives import TOP, ranked, without
from jupyterlab_nbcrash.diagnosis.model import Prediction
from jupyterlab_nbcrash.diagnosis.notebook import NotebookFinding
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules.base import RuleMatch
from jupyterlab_nbcrash.training.data import read_corpus

D = importlib.import_module("jupyterlab_nbcrash.diagnosis.diagnose")

RECORD = ErrorRecord.from_dict(
    {
        "ename": "ValueError",
        "evalue": "could not convert string to float: 'abc'",
        "traceback": [
            "Cell In[2], line 1\n----> 1 df['x'].astype(float)\n",
            "ValueError: could not convert string to float: 'abc'",
        ],
    }
)

# What a stand-in model answers, per dimension: every class with its probability.
DISTRIBUTIONS = {
    "crash_type": (("value_error", 0.5), ("data_value_violation", 0.3), ("type_error", 0.2)),
    "root_cause": (
        ("notebook_specific", 0.5),
        ("data_confusion", 0.3),
        ("api_misuse", 0.15),
        ("unknown", 0.05),
    ),
    "stage": (("data_preparation", 0.6), ("training", 0.4)),
    "library": (("pandas", 0.9), (" padded ", 0.06), ("numpy", 0.04)),
    "ml_bug": (("True", 0.8), ("False", 0.2)),
}


class StandInModel:
    def predict(self, parsed, matches):
        return {dim: Prediction(top[0][0], top[0][1], top) for dim, top in DISTRIBUTIONS.items()}

    def __bool__(self):
        return True


def assert_consistent(d) -> None:
    """The contract of ``Diagnosis.alternatives`` (docs/ARCHITECTURE.md, "Diagnosis fields")."""
    assert set(d.alternatives) == set(D.ALTERNATIVE_DIMENSIONS)
    for dim, alts in d.alternatives.items():
        assert 1 <= len(alts) <= TOP, (dim, alts)
        assert alts[0] == {"id": getattr(d, dim), "p": d.confidence[dim]}, (dim, alts)
        ps = [a["p"] for a in alts]
        assert ps == sorted(ps, reverse=True), (dim, alts)
        assert all(0 < p <= 1 for p in ps[1:]) and 0 <= ps[0] <= 1, (dim, alts)
        assert sum(ps) <= 1 + 1e-9, (dim, alts)
        ids = [a["id"] for a in alts]
        assert len(set(ids)) == len(ids), (dim, alts)
        assert all(taxonomy.is_valid(dim, i) for i in ids), (dim, alts)


def test_ranked_puts_the_chosen_label_first_and_scales_the_rest():
    dist = [("a", 0.5), ("b", 0.3), ("c", 0.15), ("d", 0.05)]
    # The model's own choice: its probabilities unchanged.
    assert ranked("a", 0.5, dist) == [
        {"id": "a", "p": 0.5},
        {"id": "b", "p": 0.3},
        {"id": "c", "p": 0.15},
    ]
    # A rule surer than the model, of the model's second label: the others share 1 - 0.9 in
    # the model's proportions (0.5 : 0.15 of the 0.7 left by "b").
    out = ranked("b", 0.9, dist)
    assert out[0] == {"id": "b", "p": 0.9}
    assert [a["id"] for a in out[1:]] == ["a", "c"]
    assert out[1]["p"] == pytest.approx(0.1 * 0.5 / 0.7, abs=1e-3)
    assert out[2]["p"] == pytest.approx(0.1 * 0.15 / 0.7, abs=1e-3)
    # No distribution (a fallback without the model): the label alone.
    assert ranked("x", 0.3) == [{"id": "x", "p": 0.3}]
    # Labels the validator refuses never appear; rounding never makes the sum exceed 1.
    assert [a["id"] for a in ranked("a", 0.5, dist, lambda lab: lab != "b")] == ["a", "c", "d"]
    thirds = ranked("a", 1 / 3, [("a", 1 / 3), ("b", 1 / 3), ("c", 1 / 3)])
    assert sum(a["p"] for a in thirds) <= 1.0


def test_without_renormalises_the_rest():
    assert without([("a", 0.5), ("b", 0.3), ("c", 0.2)], "a") == [
        ("b", pytest.approx(0.6)),
        ("c", pytest.approx(0.4)),
    ]


def test_model_decided_labels_carry_the_models_ranking(monkeypatch):
    monkeypatch.setattr(D, "matching_rules", lambda parsed: [])
    d = D.diagnose(RECORD, StandInModel())
    assert_consistent(d)
    assert d.alternatives["root_cause"] == [
        {"id": "notebook_specific", "p": 0.5},
        {"id": "data_confusion", "p": 0.3},
        {"id": "api_misuse", "p": 0.15},
    ]
    assert [a["id"] for a in d.alternatives["library"]] == ["pandas", "numpy"]
    assert d.to_dict()["alternatives"] == d.alternatives


def test_a_rule_surer_than_the_model_comes_first(monkeypatch):
    rule = RuleMatch("values.x", "data_value_violation", confidence=0.8)
    monkeypatch.setattr(D, "matching_rules", lambda parsed: [rule])
    d = D.diagnose(RECORD, StandInModel())
    assert_consistent(d)
    assert d.crash_type == "data_value_violation" and d.confidence["crash_type"] == 0.8
    assert [a["id"] for a in d.alternatives["crash_type"]] == [
        "data_value_violation",
        "value_error",
        "type_error",
    ]


def test_a_rule_less_sure_than_the_model_leaves_the_crash_type_to_it(monkeypatch):
    rule = RuleMatch("values.x", "data_value_violation", confidence=0.45)
    monkeypatch.setattr(D, "matching_rules", lambda parsed: [rule])
    d = D.diagnose(RECORD, StandInModel())
    assert d.crash_type == "value_error" and d.confidence["crash_type"] == 0.5
    assert_consistent(d)


def test_a_decisive_notebook_finding_comes_first(monkeypatch):
    monkeypatch.setattr(D, "matching_rules", lambda parsed: [])
    finding = NotebookFinding("implementation_error", None, True, "Only local in cell 2.")
    monkeypatch.setattr(D, "analyse", lambda record, parsed: finding)
    d = D.diagnose(RECORD, StandInModel())
    assert_consistent(d)
    assert d.alternatives["root_cause"][0] == {"id": "implementation_error", "p": 0.9}
    # The model's notebook_specific stays a possibility, within the 0.1 left.
    assert d.alternatives["root_cause"][1]["id"] == "notebook_specific"


def test_a_notebook_without_a_sign_rules_out_notebook_specific(monkeypatch):
    monkeypatch.setattr(D, "matching_rules", lambda parsed: [])
    monkeypatch.setattr(D, "analyse", lambda record, parsed: None)
    live = ErrorRecord.from_dict(
        {
            "ename": RECORD.ename,
            "evalue": RECORD.evalue,
            "traceback": list(RECORD.traceback),
            "notebook": {
                "cells": [{"id": "c1", "source": "df['x'].astype(float)"}],
                "history": [{"cell_id": "c1", "execution_count": 2, "ok": False}],
            },
        }
    )
    d = D.diagnose(live, StandInModel())
    assert_consistent(d)
    # P(cause | not notebook_specific): 0.3 / 0.5 and 0.15 / 0.5.
    assert d.alternatives["root_cause"] == [
        {"id": "data_confusion", "p": 0.6},
        {"id": "api_misuse", "p": 0.3},
        {"id": "unknown", "p": 0.1},
    ]


def test_without_a_model_every_dimension_has_its_label_alone(monkeypatch):
    d = D.diagnose(RECORD, D.RULES_ONLY)
    assert_consistent(d)
    assert all(len(alts) == 1 for alts in d.alternatives.values())


def test_shipped_model_alternatives_on_recorded_crashes():
    examples = read_corpus(keep_code=False)[::23]
    assert len(examples) >= 25, "the recorded corpus is missing"
    for ex in examples:
        assert_consistent(D.diagnose(ex.record))


@pytest.mark.parametrize("dim", [*D.ALTERNATIVE_DIMENSIONS, "notebook_cause"])
def test_validator_answers_as_is_valid(dim):
    """The hoisted one-argument test (``taxonomy.validator``) agrees with ``is_valid`` on every
    id of every dimension, on ids of other dimensions and on malformed ones."""
    test = taxonomy.validator(dim)
    ids = {label for table in taxonomy.LABELS.values() for label in table}
    ids |= set(taxonomy.LIBRARY_TITLES) | {"", " pandas", "pandas ", "unknown_x", None, "none"}
    for label in ids:
        assert test(label) == taxonomy.is_valid(dim, label), (dim, label)
