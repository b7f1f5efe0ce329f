"""store.py alone: the SQLite file, the history bound, feedback and its export format."""

import json
import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from jupyterlab_nbcrash import store, taxonomy
from jupyterlab_nbcrash.config import NbCrashConfig, default_store_path
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.store import (
    CrashHistory,
    Database,
    FeedbackError,
    FeedbackStore,
    StoreError,
    UnknownCrash,
    new_session,
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


# -- server sessions, retention, schema upgrade ----------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"


def test_each_session_sees_its_crashes_and_counts_the_earlier_ones(db):
    first = CrashHistory(db, session=new_session())
    ids = [first.add(record(f"'a{i}'"), DIAGNOSIS)["crash_id"] for i in range(3)]
    second = CrashHistory(db, session=new_session())  # the server restarted
    mine = second.add(record("'b'", path="b.ipynb"), DIAGNOSIS)["crash_id"]
    assert [c["crash_id"] for c in second.list(scope="session")] == [mine]
    assert [c["crash_id"] for c in second.list(scope="earlier")] == ids[::-1]
    assert [c["crash_id"] for c in second.list(scope="all")] == [mine, *ids[::-1]]
    assert [c["this_session"] for c in second.list(scope="all")] == [True, False, False, False]
    assert (second.count("session"), second.count("earlier"), second.count("all")) == (1, 3, 4)
    assert second.count("earlier", notebook="b.ipynb") == 0  # filters apply to counts too
    assert second.count("earlier", notebook="a.ipynb") == 3
    assert first.count("earlier") == 1
    with pytest.raises(ValueError, match="scope"):
        second.list(scope="yesterday")


def test_many_crashes_kept_in_one_transaction_get_consecutive_ids(db):
    history = CrashHistory(db, length=10)
    before = history.add(record("'0'"), DIAGNOSIS)["crash_id"]
    kept = history.add_many([(record(f"'{i}'"), DIAGNOSIS, i) for i in range(1, 4)])
    assert [k["crash_id"] for k in kept] == [before + 1, before + 2, before + 3]
    listed = {c["crash_id"]: (c["evalue"], c["cell_index"]) for c in history.list()}
    assert listed == {before: ("'0'", None), **{before + i: (f"'{i}'", i) for i in range(1, 4)}}
    history.clear()
    again = history.add_many([(record("'x'"), DIAGNOSIS, None)])
    assert again[0]["crash_id"] == before + 4  # never reused, even after clearing
    assert history.add_many([]) == []


def _written_days_ago(monkeypatch, history, days, evalue):
    """A crash kept as if ``days`` days ago (the store's clock set back while it is written)."""
    monkeypatch.setattr(store, "now", lambda: store.days_ago(days))
    try:
        return history.add(record(evalue), DIAGNOSIS)["crash_id"]
    finally:
        monkeypatch.undo()


def test_retention_by_age_on_first_use_and_on_each_write(db, monkeypatch):
    keep_all = CrashHistory(db, length=100, days=0)
    old = _written_days_ago(monkeypatch, keep_all, 40, "'old'")
    recent = _written_days_ago(monkeypatch, keep_all, 20, "'recent'")
    assert keep_all.count() == 2  # days=0: any age
    restarted = CrashHistory(db, length=100, days=30)
    assert [c["crash_id"] for c in restarted.list()] == [recent]  # pruned on first use
    fresh = CrashHistory(db, length=100, days=30)
    _written_days_ago(monkeypatch, keep_all, 31, "'old again'")
    new = fresh.add(record("'new'"), DIAGNOSIS)["crash_id"]
    assert [c["crash_id"] for c in fresh.list()] == [new, recent]  # pruned on the write
    assert old not in [c["crash_id"] for c in fresh.list()]


def test_retention_by_count_keeps_exactly_the_newest(db):
    CrashHistory(db, length=100).add_many([(record(f"'{i}'"), DIAGNOSIS, None) for i in range(7)])
    shorter = CrashHistory(db, length=3)
    assert [c["evalue"] for c in shorter.list()] == ["'6'", "'5'", "'4'"]  # on first use
    shorter.add_many([(record("'a'"), DIAGNOSIS, None), (record("'b'"), DIAGNOSIS, None)])
    assert [c["evalue"] for c in shorter.list()] == ["'b'", "'a'", "'6'"]
    assert CrashHistory(db, length=0).list() == []  # 0 keeps none


def test_feedback_is_never_dropped_by_retention(db, monkeypatch):
    history, feedback = CrashHistory(db, length=2, days=30), FeedbackStore(db)
    old = history.get(_written_days_ago(monkeypatch, history, 29, "'by age'"))
    feedback.add(old, False, {"library": "numpy"})
    counted = history.get(history.add(record("'by count'"), DIAGNOSIS)["crash_id"])
    feedback.add(counted, True)
    for i in range(3):  # pushes "by count" out of the newest 2
        history.add(record(f"'{i}'"), DIAGNOSIS)
    later = CrashHistory(db, length=2, days=1)  # and "by age" out of the last day
    listed = later.list()
    assert {c["crash_id"] for c in listed}.isdisjoint({old["crash_id"], counted["crash_id"]})
    assert all(c["feedback"] is None for c in listed)  # no feedback attached to another crash
    rows = list(feedback.labelled_records())
    assert [r["evalue"] for r in rows] == ["'by age'", "'by count'"]
    assert [r["library"] for r in rows] == ["numpy", DIAGNOSIS["library"]]
    with pytest.raises(UnknownCrash):
        history.get(old["crash_id"])


def test_a_store_of_schema_1_opens_upgraded_with_every_row(tmp_path):
    """tests/fixtures/store/nbcrash-schema1.sqlite3 was written by store.py of schema 1 (commit
    fe27414): 5 crashes kept with history_length 3 (crashes 3-5 left; 3 and 5 with a notebook
    path, 4 without), feedback "right" on crash 1 (pruned since) and "wrong" (library numpy) on
    crash 4, written 2026-11-20."""
    path = tmp_path / "nbcrash.sqlite3"
    shutil.copy(FIXTURES / "nbcrash-schema1.sqlite3", path)
    with sqlite3.connect(path) as conn:  # the file really is of the old schema
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
        assert "session" not in {r[1] for r in conn.execute("PRAGMA table_info(crashes)")}
    with Database(path) as db:
        history = CrashHistory(db, length=500, days=0, session=new_session())
        assert history.list(scope="session") == []
        earlier = history.list(scope="earlier")
        assert [c["crash_id"] for c in earlier] == [5, 4, 3]
        assert [c["notebook_path"] for c in earlier] == ["nb4.ipynb", "", "nb2.ipynb"]
        assert [c["evalue"] for c in earlier] == ["'k4'", "'k3'", "'k2'"]
        assert earlier[1]["feedback"]["labels"]["library"] == "numpy"
        assert earlier[0]["diagnosis"]["hint"] == "Check the column names."
        assert history.count("earlier") == 3
        entries = FeedbackStore(db).entries()
        assert [(e["crash_id"], e["correct"]) for e in entries] == [(1, True), (4, False)]
        assert history.add(record(), DIAGNOSIS)["crash_id"] == 6  # ids go on after the old ones
        assert [c["crash_id"] for c in history.list(scope="session")] == [6]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (store.SCHEMA_VERSION,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with Database(path) as db:  # opening the upgraded file again changes nothing
        assert CrashHistory(db, days=0).count() == 4
        assert len(FeedbackStore(db).entries()) == 2


# The tables of schema 2 as store.py created them (before the fix results of issue 16).
_SCHEMA_2 = (
    "CREATE TABLE crashes (id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
    " notebook_path TEXT NOT NULL DEFAULT '', cell_id TEXT NOT NULL DEFAULT '', cell_index"
    " INTEGER, execution_count INTEGER, ename TEXT NOT NULL DEFAULT '', evalue TEXT NOT NULL"
    " DEFAULT '', crash_type TEXT NOT NULL, stage TEXT NOT NULL, library TEXT NOT NULL, record"
    " TEXT NOT NULL, diagnosis TEXT NOT NULL, session TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, crash_id INTEGER NOT NULL"
    " UNIQUE, created TEXT NOT NULL, correct INTEGER NOT NULL, record TEXT NOT NULL, predicted"
    " TEXT NOT NULL, corrected TEXT NOT NULL)",
    "PRAGMA user_version=2",
)


def test_a_store_of_schema_2_keeps_every_feedback_and_takes_fix_results(tmp_path):
    path = tmp_path / "schema2.sqlite3"
    labels = json.dumps({"crash_type": "key_error", "library": "pandas"})
    with sqlite3.connect(path) as conn:
        for statement in _SCHEMA_2:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO crashes (created, crash_type, stage, library, record, diagnosis)"
            " VALUES ('2026-11-30T10:00:00+00:00', 'key_error', 'data_preparation', 'pandas',"
            " ?, ?)",
            (json.dumps({"ename": "KeyError", "evalue": "'k'"}), json.dumps(DIAGNOSIS)),
        )
        for fid, crash_id, correct in ((1, 9, 1), (2, 1, 0), (3, 12, 1)):
            conn.execute(
                "INSERT INTO feedback VALUES (?, ?, '2026-11-30T10:00:00+00:00', ?, ?, ?, ?)",
                (fid, crash_id, correct, json.dumps({"ename": "KeyError"}), labels, labels),
            )
        conn.execute("DELETE FROM feedback WHERE id = 3")  # the newest id is still taken
    with Database(path) as db:
        feedback = FeedbackStore(db)
        history = CrashHistory(db, length=500, days=0)
        assert [(e["feedback_id"], e["crash_id"], e["correct"]) for e in feedback.entries()] == [
            (1, 9, True),
            (2, 1, False),
        ]
        assert [e["fix"] for e in feedback.entries()] == [None, None]
        crash = history.get(1)
        # A fix result on a crash with a verdict keeps the verdict.
        again = feedback.add(crash, fix={"applied": True, "rerun_ok": True})
        assert again["feedback_id"] == 2
        listed = history.list(scope="all")[0]
        assert listed["feedback"]["correct"] is False
        assert listed["fix_result"] == {"applied": True, "rerun_ok": True}
        new = history.add(record(), DIAGNOSIS)
        # Id 3 was taken (and deleted) before the upgrade: never reused.
        assert feedback.add(history.get(new["crash_id"]), True)["feedback_id"] > 3
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (store.SCHEMA_VERSION,)
        columns = {r[1]: r for r in conn.execute("PRAGMA table_info(feedback)")}
        assert columns["correct"][3] == 0 and "fix" in columns  # nullable, new column


def test_a_fix_result_alone_is_no_verdict(db):
    history, feedback = CrashHistory(db, days=0), FeedbackStore(db)
    crash = history.get(history.add(record(), DIAGNOSIS)["crash_id"])
    feedback.add(crash, fix={"applied": True, "rerun_ok": False})
    listed = history.list()[0]
    assert listed["feedback"] is None  # the card still asks "Is this diagnosis right?"
    assert listed["fix_result"] == {"applied": True, "rerun_ok": False}
    assert [e["correct"] for e in feedback.entries()] == [None]
    assert list(feedback.labelled_records()) == []  # nothing to train on
    feedback.add(crash, True)  # the verdict comes later, the fix result stays
    listed = history.list()[0]
    assert listed["feedback"]["correct"] is True
    assert listed["fix_result"] == {"applied": True, "rerun_ok": False}
    assert len(list(feedback.labelled_records())) == 1
    feedback.add(crash, fix={"applied": False})
    assert history.list()[0]["fix_result"] == {"applied": False, "rerun_ok": None}


@pytest.mark.parametrize(
    ("correct", "fix", "words"),
    [
        (None, None, "'correct' or 'fix'"),
        (None, [True], "'fix' must be an object"),
        (None, {}, "'fix.applied'"),
        (None, {"applied": "yes"}, "'fix.applied'"),
        (None, {"applied": True, "rerun_ok": "no"}, "'fix.rerun_ok'"),
        (None, {"applied": True, "worked": True}, "'fix.worked'"),
        ("yes", {"applied": True}, "'correct'"),
    ],
)
def test_fix_results_are_validated(db, correct, fix, words):
    history = CrashHistory(db, days=0)
    crash = history.get(history.add(record(), DIAGNOSIS)["crash_id"])
    with pytest.raises(FeedbackError, match=re.escape(words)):
        FeedbackStore(db).add(crash, correct, fix=fix)


def test_a_store_of_a_later_schema_keeps_its_version_number(tmp_path):
    path = tmp_path / "later.sqlite3"
    with Database(path) as db:
        CrashHistory(db).list()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=7")
    with Database(path) as db:
        assert CrashHistory(db).add(record(), DIAGNOSIS)["crash_id"] == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (7,)


@pytest.mark.parametrize("days", [-1, float("nan"), float("inf"), 36_501])
def test_config_rejects_a_nonsense_age(days):
    from traitlets import TraitError

    with pytest.raises(TraitError, match="history_days"):
        NbCrashConfig(history_days=days)
    assert NbCrashConfig(history_days=0).history_days == 0
    assert NbCrashConfig().history_days == 30


async def test_crashes_past_their_age_are_dropped_at_server_start_feedback_stays(
    nbcrash_call, nbcrash_store_path, monkeypatch
):
    """Written 40 days ago (history_days is 30 by default) before the server's first use."""
    with Database(nbcrash_store_path) as db:
        history = CrashHistory(db)
        crash = history.get(_written_days_ago(monkeypatch, history, 40, "'old'"))
        FeedbackStore(db).add(crash, True)
    _, body = await nbcrash_call("GET", "crashes", params={"scope": "all"})
    assert body == {"crashes": [], "earlier": 0}
    with sqlite3.connect(nbcrash_store_path) as conn:
        assert conn.execute("SELECT crash_id FROM feedback").fetchall() == [(crash["crash_id"],)]
    code, status = await nbcrash_call("GET", "status")
    assert (code, status["history_days"]) == (200, 30)
