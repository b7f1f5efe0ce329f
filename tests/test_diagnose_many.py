"""diagnose_many: each step over all the records before the next; the same diagnoses as alone."""

from __future__ import annotations

import importlib

from jupyterlab_nbcrash.diagnosis.model import load_model
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.training.data import read_corpus

D = importlib.import_module("jupyterlab_nbcrash.diagnosis.diagnose")


def test_a_batch_gives_what_each_record_gives_alone():
    records = [ex.record for ex in read_corpus(keep_code=True)[::7]]
    assert len(records) >= 50, "the recorded corpus is missing"
    model = load_model()
    alone = [D.diagnose(r, model=model).to_dict() for r in reversed(records)][::-1]
    for size in (1, 5, len(records)):
        batched = []
        for start in range(0, len(records), size):
            batched += D.diagnose_many(records[start : start + size], model=model)
        assert [d.to_dict() for d in batched] == alone


def test_a_failure_stays_with_its_crash(monkeypatch):
    """A step that raises for one crash (outside the guarded collaborators) leaves its exception
    in that crash's place; the others are diagnosed as alone, and ``diagnose`` raises it."""
    records = [
        ErrorRecord.from_dict({"ename": e, "evalue": v, "traceback": [f"{e}: {v}"]})
        for e, v in (("KeyError", "'price'"), ("NameError", "name 'dff' is not defined"))
    ]
    alone = D.diagnose(records[0], model=False).to_dict()
    combine = D._combine

    def broken(parsed, best, predictions):
        if parsed.ename == "NameError":
            raise RuntimeError("boom")
        return combine(parsed, best, predictions)

    monkeypatch.setattr(D, "_combine", broken)
    first, second = D.diagnose_many(records, model=False)
    assert first.to_dict() == alone
    assert isinstance(second, RuntimeError)
    try:
        D.diagnose(records[1], model=False)
    except RuntimeError as err:
        assert str(err) == "boom"
    else:
        raise AssertionError("diagnose must raise what diagnose_many kept")
