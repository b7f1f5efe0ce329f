"""How diagnose() combines the rules, the model and the notebook analysis (with stand-ins)."""

from __future__ import annotations

import importlib
import logging

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.model import Prediction
from jupyterlab_nbcrash.diagnosis.notebook import NotebookFinding
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules.base import RuleMatch

# The module, not the function that the package re-exports under the same name.
D = importlib.import_module("jupyterlab_nbcrash.diagnosis.diagnose")

RECORD = ErrorRecord.from_dict(
    {
        "ename": "KeyError",
        "evalue": "'price'",
        "traceback": [
            "Cell In[4], line 1\n----> 1 df['price'].plot()\n",
            "File /site-packages/pandas/core/frame.py:3761, in DataFrame.__getitem__(self, key)\n",
            "KeyError: 'price'",
        ],
    }
)


SECOND = {
    "crash_type": "other",
    "root_cause": "api_misuse",
    "stage": "training",
    "library": "none",
    "ml_bug": "False",
}


class StandInModel:
    def __init__(self, **labels):
        self.labels = labels
        self.calls = 0

    def predict(self, parsed, matches):
        self.calls += 1
        return {
            dim: Prediction(label, 0.7, ((label, 0.7), (SECOND[dim], 0.2)))
            for dim, label in self.labels.items()
        }

    def __bool__(self):
        return True


MODEL = StandInModel(
    crash_type="key_error",
    root_cause="data_confusion",
    stage="data_visualization",
    library="pandas",
    ml_bug="True",
)


def fire(monkeypatch, *matches):
    monkeypatch.setattr(D, "matching_rules", lambda parsed: list(matches))


def test_model_decides_when_no_rule_is_certain(monkeypatch):
    fire(monkeypatch, RuleMatch("keys.x", "attribute_error", stage="training", confidence=0.6))
    d = D.diagnose(RECORD, MODEL)
    assert (d.crash_type, d.root_cause, d.stage, d.library, d.ml_bug) == (
        "key_error",
        "data_confusion",
        "data_visualization",
        "pandas",
        True,
    )
    assert d.confidence["crash_type"] == pytest.approx(0.7)
    assert "model: root cause data_confusion 0.70 (next: api_misuse 0.20)" in d.evidence


def test_a_certain_rule_wins_for_the_dimensions_it_names(monkeypatch):
    rule = RuleMatch(
        "imports.x", "module_not_found", stage="environment_setup", ml_bug=False, confidence=0.97
    )
    fire(monkeypatch, rule)
    d = D.diagnose(RECORD, MODEL)
    assert d.crash_type == "module_not_found" and d.stage == "environment_setup"
    assert d.ml_bug is False
    assert d.confidence["crash_type"] == pytest.approx(0.97)
    # Dimensions the rule leaves open still come from the model.
    assert d.root_cause == "data_confusion" and d.library == "pandas"


def test_invalid_ids_never_escape(monkeypatch):
    fire(monkeypatch, RuleMatch("x.y", "not_a_type", root_cause="nonsense", confidence=0.99))
    bad = StandInModel(
        crash_type="bogus", root_cause="bogus", stage="bogus", library="", ml_bug="x"
    )
    d = D.diagnose(RECORD, bad)
    assert taxonomy.is_valid("crash_type", d.crash_type)
    assert taxonomy.is_valid("root_cause", d.root_cause)
    assert taxonomy.is_valid("stage", d.stage)
    assert taxonomy.is_valid("library", d.library)


def test_rules_only_without_a_model(monkeypatch):
    fire(monkeypatch)
    d = D.diagnose(RECORD, D.RULES_ONLY)
    assert d.crash_type == "key_error"  # from the exception class
    assert d.stage == "data_visualization"  # from `.plot()` in the failing line
    assert d.library == "pandas"  # from the deepest library frame


def test_decisive_notebook_finding_overrides_root_cause(monkeypatch):
    fire(monkeypatch)
    cell = {"id": "c1", "index": 1, "execution_count": 3}
    finding = NotebookFinding(
        "notebook_specific",
        "previous_cell_error",
        True,
        "Cell [3] failed.",
        ("cell 1 failed",),
        cell,
    )
    monkeypatch.setattr(D, "analyse", lambda record, parsed: finding)
    d = D.diagnose(RECORD, MODEL)
    assert d.root_cause == "notebook_specific"
    assert d.notebook_cause == "previous_cell_error"
    assert d.related_cell == cell
    assert d.hint == "Cell [3] failed."
    assert d.evidence[0] == "cell 1 failed"
    assert d.confidence["root_cause"] == D.NOTEBOOK_CONFIDENCE


def test_decisive_finding_outside_notebook_causes_keeps_its_cell(monkeypatch):
    # "`scale` is only assigned inside a function in cell 2": an implementation error, but the
    # panel still offers "Go to cell 2".
    fire(monkeypatch)
    cell = {"id": "c2", "index": 1, "execution_count": 5}
    finding = NotebookFinding("implementation_error", None, True, "Only local in cell 2.", (), cell)
    monkeypatch.setattr(D, "analyse", lambda record, parsed: finding)
    d = D.diagnose(RECORD, MODEL)
    assert d.root_cause == "implementation_error"
    assert d.notebook_cause is None
    assert d.related_cell == cell


def test_non_decisive_finding_changes_nothing(monkeypatch):
    fire(monkeypatch)
    finding = NotebookFinding("notebook_specific", "out_of_order_execution", False, "maybe")
    monkeypatch.setattr(D, "analyse", lambda record, parsed: finding)
    d = D.diagnose(RECORD, MODEL)
    assert d.root_cause == "data_confusion"
    assert d.notebook_cause is None and d.related_cell is None


def test_a_failing_collaborator_is_logged_not_raised(monkeypatch, caplog):
    def broken(*args):
        raise RuntimeError("bug in a rule")

    monkeypatch.setattr(D, "matching_rules", broken)
    monkeypatch.setattr(D, "make_hint", broken)
    with caplog.at_level(logging.ERROR, logger=D.log.name):
        d = D.diagnose(RECORD, MODEL)
    assert d.crash_type == "key_error"
    assert "rules failed" in caplog.text and "hints failed" in caplog.text


def test_real_pipeline_gives_a_specific_hint_and_evidence():
    d = D.diagnose(RECORD, D.RULES_ONLY)
    assert d.crash_type == "key_error"
    assert "price" in d.hint
    assert d.evidence and d.to_dict()["taxonomy_version"] == taxonomy.TAXONOMY_VERSION


def test_notebook_without_a_finding_rules_out_notebook_specific(monkeypatch):
    fire(monkeypatch)
    monkeypatch.setattr(D, "analyse", lambda record, parsed: None)
    model = StandInModel(
        crash_type="key_error",
        root_cause="notebook_specific",
        stage="data_preparation",
        library="pandas",
        ml_bug="True",
    )
    # Without the notebook the text model's guess stands ...
    assert D.diagnose(RECORD, model).root_cause == "notebook_specific"
    # ... with a live notebook (cells and history) that the analysis found nothing in, the next
    # best cause is taken.
    with_notebook = ErrorRecord.from_dict(
        {
            "ename": RECORD.ename,
            "evalue": RECORD.evalue,
            "traceback": list(RECORD.traceback),
            "notebook": {
                "cells": [{"id": "c1", "source": "df['price'].plot()"}],
                "history": [{"cell_id": "c1", "execution_count": 4, "ok": False}],
            },
        }
    )
    d = D.diagnose(with_notebook, model)
    assert d.root_cause == "api_misuse" and d.notebook_cause is None
    # Its probability given that the cause is not notebook-specific: 0.2 / (1 - 0.7).
    assert d.confidence["root_cause"] == pytest.approx(0.667)
