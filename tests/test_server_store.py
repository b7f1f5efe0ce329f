"""store.py alone: the SQLite file, the history bound, feedback and its export format."""

import json
import sqlite3
import threading

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.config import NbCrashConfig, default_store_path
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.store import (
    CrashHistory,
    Database,
    FeedbackError,
    FeedbackStore,
    StoreError,
    UnknownCrash,
)

DIAGNOSIS = {
    "crash_type": "key_error",
    "root_cause": "data_confusion",
    "notebook_cause": None,
    "stage": "data_preparation",
    "library": "pandas",
    "ml_bug": True,
    "confidence": {"crash_type": 0.9},
    "hint": "Check the column names.",
    "evidence": [],
    "related_cell": None,
    "taxonomy_version": taxonomy.TAXONOMY_VERSION,
}
DEV_FORMAT_KEYS = {
    "id",
    "ename",
    "evalue",
    "traceback",
    "code",
    "crash_type",
    "root_cause",
    "stage",
    "library",
    "ml_bug",
    "detail",
}


def record(evalue="'price'", path="a.ipynb"):
    return ErrorRecord.from_dict(
        {
            "ename": "KeyError",
            "evalue": evalue,
            "traceback": ["KeyError: " + evalue],
            "code": "df['price']",
            "cell_id": "c1",
            "execution_count": 7,
            "notebook": {"path": path, "cells": [{"id": "c1", "source": "df['price']"}]},
        }
    )


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "deep" / "er" / "store.sqlite3") as database:
        yield database


def test_created_on_first_use_in_wal_mode(tmp_path):
    path = tmp_path / "new" / "store.sqlite3"
    db = Database(path)
    assert not path.exists()  # nothing happens before the first use
    CrashHistory(db).list()
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_default_store_path_is_in_the_jupyter_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "data"))
    expected = str(tmp_path / "data" / "nbcrash" / "nbcrash.sqlite3")
    assert default_store_path() == expected
    assert NbCrashConfig().store_path == expected


def test_config_rejects_nonsense():
    from traitlets import TraitError

    with pytest.raises(TraitError):
        NbCrashConfig(max_body_size=0)
    with pytest.raises(TraitError):
        NbCrashConfig(history_length=-1)


def test_history_keeps_the_newest_and_drops_the_notebook_cells(db):
    history = CrashHistory(db, length=2)
    ids = [history.add(record(f"'k{i}'"), DIAGNOSIS, cell_index=i)["crash_id"] for i in range(4)]
    listed = history.list()
    assert [c["crash_id"] for c in listed] == [ids[3], ids[2]]
    assert listed[0]["evalue"] == "'k3'" and listed[0]["cell_index"] == 3
    kept = history.get(ids[3])["record"]
    assert kept["traceback"] == ["KeyError: 'k3'"]
    assert "notebook" not in kept and kept["notebook_path"] == "a.ipynb"
    with pytest.raises(UnknownCrash):
        history.get(ids[0])


def test_text_that_is_not_utf8_encodable_is_stored(db):
    """JSON may carry lone surrogates ("\\ud800"); SQLite wants UTF-8."""
    history = CrashHistory(db)
    evil = "bad \ud800 surrogate \x00 nul"
    crash = history.add(record(evil, path="p\udfff.ipynb"), DIAGNOSIS)
    listed = history.list()[0]
    assert listed["crash_id"] == crash["crash_id"]
    assert listed["evalue"].startswith("bad ") and "nul" in listed["evalue"]
    assert history.get(crash["crash_id"])["record"]["evalue"] == evil  # exact in the JSON copy


def test_concurrent_writers_lose_nothing(tmp_path):
    """Threads sharing one Database, and a second connection (another process's view)."""
    path = tmp_path / "store.sqlite3"
    shared = Database(path)
    other = Database(path)
    errors = []

    def work(db, n):
        try:
            history = CrashHistory(db, length=10_000)
            for i in range(n):
                history.add(record(f"'{i}'"), DIAGNOSIS)
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(shared, 50)) for _ in range(4)]
    threads.append(threading.Thread(target=work, args=(other, 50)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ids = [c["crash_id"] for c in CrashHistory(shared).list(limit=10_000)]
    assert len(ids) == 250 and len(set(ids)) == 250
    shared.close()
    other.close()


def test_unusable_path_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open"):
        CrashHistory(Database(blocker / "store.sqlite3")).list()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        CrashHistory(Database(garbage)).list()


def test_feedback_labelled_records_in_the_dev_file_format(db):
    history, feedback = CrashHistory(db), FeedbackStore(db)
    right = history.get(history.add(record("'a'"), DIAGNOSIS)["crash_id"])
    wrong = history.get(history.add(record("'b'"), DIAGNOSIS)["crash_id"])
    feedback.add(right, True)
    feedback.add(
        wrong,
        False,
        {"root_cause": "notebook_specific", "notebook_cause": "out_of_order_execution"},
    )
    rows = list(feedback.labelled_records())
    assert [r["id"] for r in rows] == ["feedback-1", "feedback-2"]
    for row in rows:
        assert set(row) == DEV_FORMAT_KEYS
        assert json.loads(json.dumps(row)) == row
        for dim in ("crash_type", "root_cause", "stage", "library"):
            assert taxonomy.is_valid(dim, row[dim])
        assert isinstance(row["traceback"], list) and isinstance(row["ml_bug"], bool)
    assert rows[0]["root_cause"] == "data_confusion"
    assert rows[0]["detail"]["verdict"] == "right"
    assert rows[1]["root_cause"] == "notebook_specific"
    assert rows[1]["detail"] == {
        "notebook_cause": "out_of_order_execution",
        "verdict": "wrong",
        "created": rows[1]["detail"]["created"],
    }
    assert rows[1]["evalue"] == "'b'" and rows[1]["code"] == "df['price']"


def test_notebook_cause_only_with_a_notebook_root_cause(db):
    history, feedback = CrashHistory(db), FeedbackStore(db)
    crash = history.get(
        history.add(
            record(),
            {
                **DIAGNOSIS,
                "root_cause": "notebook_specific",
                "notebook_cause": "previous_cell_error",
            },
        )["crash_id"]
    )
    feedback.add(crash, False, {"root_cause": "implementation_error"})
    assert next(feedback.labelled_records())["detail"]["notebook_cause"] is None


@pytest.mark.parametrize(
    ("correct", "labels", "words"),
    [
        (None, None, "'correct'"),
        (False, None, "'labels'"),
        (False, {"crash_type": "nope"}, "labels.crash_type"),
        (False, {"notebook_cause": "cosmic_rays"}, "labels.notebook_cause"),
        (False, {"library": ""}, "labels.library"),
        (False, {"library": "x" * 201}, "labels.library"),
        (False, {"confidence": "high"}, "labels.confidence"),
        (False, "key_error", "'labels'"),
    ],
)
def test_feedback_validation(db, correct, labels, words):
    history, feedback = CrashHistory(db), FeedbackStore(db)
    crash = history.get(history.add(record(), DIAGNOSIS)["crash_id"])
    with pytest.raises(FeedbackError, match=words.replace("(", r"\(").replace(".", r"\.")):
        feedback.add(crash, correct, labels)
    assert feedback.entries() == []


def test_any_library_identifier_is_a_valid_correction(db):
    history, feedback = CrashHistory(db), FeedbackStore(db)
    crash = history.get(history.add(record(), DIAGNOSIS)["crash_id"])
    feedback.add(crash, False, {"library": "polars"})
    assert next(feedback.labelled_records())["library"] == "polars"


def test_feedback_store_open_uses_the_configured_path(tmp_path, monkeypatch):
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    target = tmp_path / "configured.sqlite3"
    (config_dir / "jupyter_server_config.json").write_text(
        json.dumps({"NbCrashConfig": {"store_path": str(target)}})
    )
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("JUPYTER_NO_CONFIG", "")
    with FeedbackStore.open() as store:
        assert store.db.path == str(target)
        assert list(store.labelled_records()) == []
    assert target.exists()
