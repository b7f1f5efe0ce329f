"""diagnose(record) -> Diagnosis: parse → rules → model → notebook analysis → hint.

A pure function of the record (and the lazily loaded model): the HTTP route, the CLI and the scan
all call it, so they give the same answer.
"""

from __future__ import annotations

from .record import Diagnosis, ErrorRecord

# Filled in by the classifier work: see traceback.py, rules/, model.py, notebook.py, hints.py.


def diagnose(record: ErrorRecord, model=None) -> Diagnosis:
    """Diagnose one error record. ``model`` defaults to the shipped (or user's) trained model."""
    raise NotImplementedError
