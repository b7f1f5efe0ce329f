"""diagnose() on arbitrary text never raises and always answers with ids of the taxonomy."""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.model import load_model
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_diagnose_alternatives import assert_consistent

# Text that looks a little like tracebacks, so that the parser's and the rules' paths are reached.
FRAGMENTS = st.sampled_from(
    [
        "Traceback (most recent call last)",
        "----> 1 ",
        "Cell In[3], line 2",
        "<ipython-input-5-abc> in <module>",
        "/site-packages/pandas/core/frame.py in __getitem__",
        "\x1b[0;31m",
        "ValueError: ",
        "NameError: name 'df' is not defined",
        "During handling of the above exception, another exception occurred:",
        "shapes (3,4) and (5,) not aligned",
        "No module named 'sklearn.cross_validation'",
        "'",
        "\n",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), FRAGMENTS), max_size=8).map("".join)


def check(d) -> None:
    for dim in taxonomy.DIMENSIONS:
        assert taxonomy.is_valid(dim, getattr(d, dim)), (dim, getattr(d, dim))
        assert 0.0 <= d.confidence[dim] <= 1.0
    assert taxonomy.is_valid("notebook_cause", d.notebook_cause)
    assert d.notebook_cause is None or d.root_cause == "notebook_specific"
    assert isinstance(d.ml_bug, bool) and isinstance(d.hint, str)
    assert_consistent(d)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ename=TEXT, evalue=TEXT, traceback=st.lists(TEXT, max_size=6), code=TEXT)
def test_arbitrary_records_give_valid_ids(ename, evalue, traceback, code):
    if not (ename or evalue or traceback):
        ename = "Error"
    record = ErrorRecord.from_dict(
        {"ename": ename, "evalue": evalue, "traceback": traceback, "code": code}
    )
    check(diagnose(record))


def test_no_collaborator_fails_on_arbitrary_text(caplog):
    """The guards in diagnose() are a last resort: on fuzzed text nothing should reach them."""

    @settings(max_examples=80, deadline=None)
    @given(evalue=TEXT, traceback=st.lists(TEXT, max_size=4))
    def inner(evalue, traceback):
        record = ErrorRecord.from_dict(
            {"ename": "ValueError", "evalue": evalue, "traceback": traceback}
        )
        check(diagnose(record))

    with caplog.at_level(logging.ERROR, logger="jupyterlab_nbcrash"):
        inner()
    assert not caplog.records, caplog.text


def test_the_shipped_model_is_used_by_default():
    model = load_model()
    assert model is not None, "jupyterlab_nbcrash/data/model.* is missing: run `train --shipped`"
    record = ErrorRecord.from_dict(
        {"ename": "nameerror", "evalue": "name 'df' is not defined", "traceback": []}
    )
    d = diagnose(record)
    assert any(line.startswith("model:") for line in d.evidence)
    check(d)


def test_to_dict_is_asdict():
    """Diagnosis.to_dict builds what dataclasses.asdict would, and a copy: on corpus crashes with
    alternatives, evidence, a related cell and one-click fixes."""
    corpus = Path(__file__).resolve().parents[1] / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"
    with_fix = 0
    for line in corpus.read_text("utf-8").splitlines():
        d = diagnose(ErrorRecord.from_dict(json.loads(line)))
        as_dict = d.to_dict()
        assert as_dict == dataclasses.asdict(d)
        assert list(as_dict) == [f.name for f in dataclasses.fields(d)]
        with_fix += d.fix is not None
        if d.fix is not None:  # nothing shared: editing the dict leaves the diagnosis as it was
            as_dict["fix"]["edits"].append({})
            assert as_dict["fix"] != d.fix
        as_dict["alternatives"].clear()
        assert d.alternatives
    assert with_fix >= 20
