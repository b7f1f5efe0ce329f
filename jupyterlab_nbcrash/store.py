"""SQLite storage of the server: the crash history of the side panel and the users' feedback.

One file (``NbCrashConfig.store_path``, by default ``<jupyter data dir>/nbcrash/nbcrash.sqlite3``)
in WAL mode, created on first use. ``Database`` owns the connection; two small views share it:

- ``CrashHistory``: the diagnosed crashes (error record + diagnosis), newest first, each marked
  with the server session it came from (a random id made at server start), bounded by count
  (``history_length``) and by age (``history_days``), cleared by the panel's "clear".
- ``FeedbackStore``: the users' verdicts on a diagnosis ("right", or "wrong" plus corrected labels)
  with a copy of the error record and of the predicted labels. Feedback survives clearing or
  trimming the history: it is training data. It names its crash by id without a foreign key,
  and crash ids are never reused (``AUTOINCREMENT``), so a feedback row never points at another
  crash once its own is gone.

For retraining (``jupyter nbcrash train --with-feedback``) and ``jupyter nbcrash feedback export``::

    from jupyterlab_nbcrash.store import FeedbackStore

    with FeedbackStore.open() as feedback:  # or FeedbackStore.open("/path/to/nbcrash.sqlite3")
        for row in feedback.labelled_records():
            ...

``labelled_records()`` yields one dict per feedback, oldest first, in the shared dev file's JSONL
format: ``id`` ("feedback-<n>"), ``ename``, ``evalue``, ``traceback`` (list of str), ``code``,
``crash_type``, ``root_cause``, ``stage``, ``library``, ``ml_bug``, and ``detail`` with
``notebook_cause``, ``verdict`` ("right" or "wrong") and ``created``. The labels are the corrected
ones when the user said "wrong", the predicted ones when they confirmed them. ``ml_bug`` is the
predicted value (the panel does not ask for it).

Thread safety: one connection guarded by a lock (the server's worker threads and event loop share
it); other processes (the CLI while the server runs) are handled by WAL and a busy timeout.

Schema versions (``PRAGMA user_version``): 1 as first released; 2 adds ``crashes.session`` (rows
of version 1 get ``''``: an earlier session) and the indexes retention uses. Opening a file
upgrades it in place, keeping every row.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from . import taxonomy

SCHEMA_VERSION = 3
# Dimensions a user may correct in the panel (ml_bug is not asked for).
CORRECTABLE = ("crash_type", "root_cause", "notebook_cause", "stage", "library")
PREDICTED = (*CORRECTABLE, "ml_bug")

_CRASHES = """
CREATE TABLE IF NOT EXISTS crashes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    notebook_path TEXT NOT NULL DEFAULT '',
    cell_id TEXT NOT NULL DEFAULT '',
    cell_index INTEGER,
    execution_count INTEGER,
    ename TEXT NOT NULL DEFAULT '',
    evalue TEXT NOT NULL DEFAULT '',
    crash_type TEXT NOT NULL,
    stage TEXT NOT NULL,
    library TEXT NOT NULL,
    record TEXT NOT NULL,     -- JSON: ename, evalue, traceback, code, cell_id, execution_count
    diagnosis TEXT NOT NULL,  -- JSON: Diagnosis.to_dict()
    session TEXT NOT NULL DEFAULT ''  -- the server session that diagnosed it (schema 2)
)"""
_FEEDBACK = """
CREATE TABLE IF NOT EXISTS {table} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    crash_id INTEGER NOT NULL UNIQUE,  -- no foreign key: feedback outlives the history
    created TEXT NOT NULL,
    correct INTEGER,          -- 1 right, 0 wrong, NULL: no verdict, only a fix result (schema 3)
    record TEXT NOT NULL,     -- JSON, as in crashes.record
    predicted TEXT NOT NULL,  -- JSON: the labels the diagnosis gave
    corrected TEXT NOT NULL,  -- JSON: the labels the user confirmed or chose
    fix TEXT                  -- JSON: applied, rerun_ok: what the one-click fix did (schema 3)
)"""
_FEEDBACK_COLUMNS = "id, crash_id, created, correct, record, predicted, corrected"
# Created after the upgrade from schema 1, which has no session column to index.
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS crashes_session ON crashes (session)",
    "CREATE INDEX IF NOT EXISTS crashes_created ON crashes (created)",
)
SCOPES = ("session", "earlier", "all")


class StoreError(Exception):
    """The SQLite file cannot be opened, read or written (path, permissions, corruption)."""


class FeedbackError(ValueError):
    """Feedback outside the schema; the message names the field."""


class UnknownCrash(LookupError):
    """No crash with this id in the history."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def days_ago(days: float) -> str:
    """The ``now()`` of ``days`` ago; ``created`` texts compare in time order."""
    moment = datetime.now(timezone.utc) - timedelta(days=days)
    return moment.isoformat(timespec="milliseconds")


def new_session() -> str:
    """A server session's id: random, made once when the server starts."""
    return uuid.uuid4().hex


def _text(value: str) -> str:
    """SQLite stores UTF-8: replace lone surrogates (legal in JSON escapes, not in UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "replace").decode("utf-8")
    return value


def _dumps(value: Any) -> str:
    # ensure_ascii escapes lone surrogates too, so any str round-trips.
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


class Database:
    """The SQLite file, opened on first use, with one connection shared under a lock."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    def _connect(self) -> sqlite3.Connection:
        folder = os.path.dirname(os.path.abspath(self.path))
        try:
            os.makedirs(folder, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=10, check_same_thread=False, isolation_level=None
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # durable enough in WAL, no fsync per insert
            _create_or_upgrade(conn)
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"cannot open the nbcrash store {self.path}: {err}") from None
        return conn

    def run(self, work, write: bool = False):
        """Run ``work(conn)`` in one transaction under the lock; wrap SQLite failures."""
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._connect()
                conn = self._conn
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    result = work(conn)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                return result
            except sqlite3.Error as err:
                raise StoreError(f"nbcrash store {self.path}: {err}") from None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _create_or_upgrade(conn: sqlite3.Connection) -> None:
    """Create the tables, or bring a file of an older schema up to this one, keeping its rows.

    One write transaction, so two processes opening the same old file upgrade it once.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(_CRASHES)  # a new file gets the session column directly
        columns = {row[1] for row in conn.execute("PRAGMA table_info(crashes)")}
        if "session" not in columns:  # schema 1
            conn.execute("ALTER TABLE crashes ADD COLUMN session TEXT NOT NULL DEFAULT ''")
        conn.execute(_FEEDBACK.format(table="feedback"))
        columns = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
        if "fix" not in columns:  # schema 1 or 2: `correct` NOT NULL, no fix column
            _rebuild_feedback(conn)
        for statement in _INDEXES:
            conn.execute(statement)
        if version < SCHEMA_VERSION:  # a newer file (a later nbcrash) keeps its number
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _rebuild_feedback(conn: sqlite3.Connection) -> None:
    """Schema 3's feedback table from an older one, every row and id kept. SQLite cannot drop a
    NOT NULL constraint in place: copy into a new table, then swap the two."""
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'feedback'").fetchone()
    conn.execute(_FEEDBACK.format(table="feedback_v3"))
    conn.execute(
        f"INSERT INTO feedback_v3 ({_FEEDBACK_COLUMNS}) SELECT {_FEEDBACK_COLUMNS} FROM feedback"
    )
    conn.execute("DROP TABLE feedback")
    conn.execute("ALTER TABLE feedback_v3 RENAME TO feedback")
    if seq is not None:  # ids are never reused, not even those of the newest rows
        conn.execute("DELETE FROM sqlite_sequence WHERE name = 'feedback'")
        conn.execute(
            "INSERT INTO sqlite_sequence (name, seq)"
            " SELECT 'feedback', max(?, coalesce(max(id), 0)) FROM feedback",
            (seq[0],),
        )


def _record_dict(record, notebook_path: str) -> dict:
    """What we keep of an ErrorRecord: enough to retrain on, without the whole notebook."""
    return {
        "ename": record.ename,
        "evalue": record.evalue,
        "traceback": list(record.traceback),
        "code": record.code,
        "cell_id": record.cell_id,
        "execution_count": record.execution_count,
        "notebook_path": notebook_path,
    }


def _labels(diagnosis: Mapping[str, Any]) -> dict:
    return {key: diagnosis.get(key) for key in PREDICTED}


class CrashHistory:
    """The diagnosed crashes the side panel lists, newest first.

    ``session`` is the id of the server session that writes (``new_session()``); ``list`` and
    ``count`` take a scope: "session" (its crashes), "earlier" (every other session's) or "all".
    Retention keeps the newest ``length`` crashes (0 keeps none) that are at most ``days`` days
    old (0: any age); it runs on each write and once on first use. Feedback is never pruned.
    """

    def __init__(self, db: Database, length: int = 500, days: float = 0, session: str = ""):
        self.db = db
        self.length = length
        self.days = days
        self.session = session
        self._pruned = False

    def add(self, record, diagnosis: Mapping[str, Any], cell_index: int | None = None) -> dict:
        """Keep one diagnosed crash; return ``{"crash_id", "created"}`` (id None if length 0)."""
        return self.add_many([(record, diagnosis, cell_index)])[0]

    def add_many(self, crashes: Sequence[tuple[Any, Mapping[str, Any], int | None]]) -> list[dict]:
        """Keep ``(record, diagnosis, cell_index)`` crashes in one transaction, in order.

        Returns ``{"crash_id", "created"}`` for each (ids None when the length is 0). One
        transaction for many crashes is what keeps the server's write cost per crash small under
        load: a commit, not a crash, is what costs.
        """
        created = now()
        if self.length <= 0 or not crashes:
            return [{"crash_id": None, "created": created} for _ in crashes]
        rows = []
        for record, diagnosis, cell_index in crashes:
            path = _text(record.notebook.path) if record.notebook else ""
            rows.append(
                (
                    created,
                    path,
                    _text(record.cell_id),
                    cell_index,
                    record.execution_count,
                    _text(record.ename),
                    _text(record.evalue),
                    diagnosis["crash_type"],
                    diagnosis["stage"],
                    _text(diagnosis["library"]),
                    _dumps(_record_dict(record, path)),
                    _dumps(dict(diagnosis)),
                    self.session,
                )
            )

        def work(conn):
            # Explicit ids, given under the write lock: the next ones AUTOINCREMENT would give.
            (last,) = conn.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'crashes'), 0),"
                " coalesce((SELECT max(id) FROM crashes), 0))"
            ).fetchone()
            ids = range(last + 1, last + 1 + len(rows))
            conn.executemany(
                "INSERT INTO crashes (id, created, notebook_path, cell_id, cell_index,"
                " execution_count, ename, evalue, crash_type, stage, library, record, diagnosis,"
                " session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(crash_id, *row) for crash_id, row in zip(ids, rows, strict=True)],
            )
            self._prune(conn)
            return ids

        ids = self.db.run(work, write=True)
        return [{"crash_id": crash_id, "created": created} for crash_id in ids]

    def _prune(self, conn: sqlite3.Connection) -> None:
        """Drop what retention no longer allows: beyond the newest ``length``, older than
        ``days``. Only crashes: feedback keeps its own copy of the record."""
        conn.execute(
            "DELETE FROM crashes WHERE id <= (SELECT id FROM crashes ORDER BY id DESC"
            " LIMIT 1 OFFSET ?)",
            (max(0, self.length),),
        )
        if self.days > 0:
            conn.execute("DELETE FROM crashes WHERE created < ?", (days_ago(self.days),))
        self._pruned = True

    def _first_use(self) -> None:
        if not self._pruned:
            self.db.run(self._prune, write=True)

    def _where(self, scope: str, filters: Mapping[str, str | None]) -> tuple[str, list]:
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}: {scope!r}")
        where, args = [], []
        if scope != "all":
            where.append("c.session = ?" if scope == "session" else "c.session != ?")
            args.append(self.session)
        for column, value in filters.items():
            if value is not None:
                where.append(f"c.{_FILTERS[column]} = ?")
                args.append(_text(value))
        return (" WHERE " + " AND ".join(where) if where else ""), args

    def list(
        self,
        limit: int = 100,
        scope: str = "all",
        crash_type: str | None = None,
        stage: str | None = None,
        library: str | None = None,
        notebook: str | None = None,
    ) -> list[dict]:
        """The newest ``limit`` crashes of ``scope`` matching every given filter, newest first."""
        self._first_use()
        where, args = self._where(
            scope,
            {"crash_type": crash_type, "stage": stage, "library": library, "notebook": notebook},
        )
        sql = (
            "SELECT c.id, c.created, c.notebook_path, c.cell_id, c.cell_index, c.execution_count,"
            " c.ename, c.evalue, c.diagnosis, c.session, f.id AS feedback_id, f.correct,"
            " f.corrected, f.created AS feedback_created, f.fix AS fix_result"
            " FROM crashes c LEFT JOIN feedback f ON f.crash_id = c.id"
            + where
            + " ORDER BY c.id DESC LIMIT ?"
        )
        rows = self.db.run(lambda conn: conn.execute(sql, (*args, limit)).fetchall())
        return [_crash_item(row, self.session) for row in rows]

    def count(self, scope: str = "all", **filters: str | None) -> int:
        """How many crashes of ``scope`` match the filters (those of ``list``)."""
        self._first_use()
        where, args = self._where(scope, filters)
        sql = "SELECT count(*) FROM crashes c" + where
        return self.db.run(lambda conn: conn.execute(sql, args).fetchone()[0])

    def get(self, crash_id: int) -> dict:
        """The crash with its stored record; ``UnknownCrash`` when it is not (or no longer) kept."""
        row = self.db.run(
            lambda conn: conn.execute(
                "SELECT id, record, diagnosis FROM crashes WHERE id = ?", (crash_id,)
            ).fetchone()
        )
        if row is None:
            raise UnknownCrash(crash_id)
        return {
            "crash_id": row["id"],
            "record": json.loads(row["record"]),
            "diagnosis": json.loads(row["diagnosis"]),
        }

    def clear(self) -> int:
        """Forget every crash of the history (feedback stays); return how many were deleted."""
        return self.db.run(lambda conn: conn.execute("DELETE FROM crashes").rowcount, write=True)


# Filter name of list()/count() -> column.
_FILTERS = {
    "crash_type": "crash_type",
    "stage": "stage",
    "library": "library",
    "notebook": "notebook_path",
}


def _crash_item(row: sqlite3.Row, session: str) -> dict:
    feedback = None
    if row["feedback_id"] is not None and row["correct"] is not None:  # a verdict, not only a fix
        feedback = {
            "feedback_id": row["feedback_id"],
            "correct": bool(row["correct"]),
            "labels": json.loads(row["corrected"]),
            "created": row["feedback_created"],
        }
    return {
        "crash_id": row["id"],
        "created": row["created"],
        "notebook_path": row["notebook_path"],
        "cell_id": row["cell_id"],
        "cell_index": row["cell_index"],
        "execution_count": row["execution_count"],
        "ename": row["ename"],
        "evalue": row["evalue"],
        "diagnosis": json.loads(row["diagnosis"]),
        "feedback": feedback,
        "fix_result": json.loads(row["fix_result"]) if row["fix_result"] else None,
        "this_session": row["session"] == session,
    }


def validate_labels(labels: Any) -> dict:
    """Check corrected labels against the taxonomy; raise ``FeedbackError`` naming the field."""
    if labels is None:
        return {}
    if not isinstance(labels, dict):
        raise FeedbackError("'labels' must be an object")
    out = {}
    for key, value in labels.items():
        if key not in CORRECTABLE:
            raise FeedbackError(
                f"'labels.{key}' is not a label one can correct (one of {', '.join(CORRECTABLE)})"
            )
        if value is None and key == "notebook_cause":
            out[key] = None
            continue
        if not isinstance(value, str):
            raise FeedbackError(f"'labels.{key}' must be a string")
        if not taxonomy.is_valid(key, value) or len(value) > 200:
            raise FeedbackError(f"'labels.{key}' is not a {key} id of the taxonomy: {value[:80]!r}")
        out[key] = value
    return out


def validate_fix(fix: Any) -> dict:
    """Check a fix result ``{"applied": bool, "rerun_ok": bool | null}``; raise
    ``FeedbackError`` naming the field."""
    if not isinstance(fix, dict):
        raise FeedbackError("'fix' must be an object")
    unknown = sorted(set(fix) - {"applied", "rerun_ok"})
    if unknown:
        raise FeedbackError(f"'fix.{str(unknown[0])[:40]}' is not a field (applied, rerun_ok)")
    if not isinstance(fix.get("applied"), bool):
        raise FeedbackError("'fix.applied' must be true or false")
    rerun_ok = fix.get("rerun_ok")
    if rerun_ok is not None and not isinstance(rerun_ok, bool):
        raise FeedbackError("'fix.rerun_ok' must be true, false or null")
    return {"applied": fix["applied"], "rerun_ok": rerun_ok}


def corrected_labels(predicted: Mapping[str, Any], correct: bool, labels: Mapping) -> dict:
    """The labels a feedback stands for: the predicted ones, overridden by the user's choice."""
    out = dict(predicted)
    if not correct:
        out.update(labels)
    if out.get("root_cause") != "notebook_specific":
        out["notebook_cause"] = None
    return out


class FeedbackStore:
    """The users' verdicts on diagnoses, with what is needed to retrain on them."""

    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> FeedbackStore:
        """The store at ``path`` (default: the configured or default store path)."""
        if path is None:
            from .config import NbCrashConfig, load_server_config

            path = NbCrashConfig(config=load_server_config()).store_path
        return cls(Database(path))

    def __enter__(self) -> FeedbackStore:
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()

    def add(
        self, crash: Mapping[str, Any], correct: Any = None, labels: Any = None, fix: Any = None
    ) -> dict:
        """Record feedback on ``crash`` (from ``CrashHistory.get``): a verdict (``correct``, with
        the corrected ``labels`` when wrong), what its one-click fix did (``fix``), or both. A
        later verdict replaces the earlier one, a later fix result the earlier one; sending one
        keeps the other.

        Returns ``{"feedback_id", "crash_id"}``; raises ``FeedbackError`` for bad input.
        """
        if correct is None and fix is None:
            raise FeedbackError("'correct' or 'fix' is required")
        if correct is not None and not isinstance(correct, bool):
            raise FeedbackError("'correct' must be true or false")
        fix = None if fix is None else validate_fix(fix)
        labels = validate_labels(labels)
        if correct is False and not labels:
            raise FeedbackError("'labels' must name at least one corrected label when wrong")
        if correct is None and labels:
            raise FeedbackError("'labels' goes with 'correct': false")
        predicted = _labels(crash["diagnosis"])
        corrected = corrected_labels(predicted, bool(correct), labels)
        values = (
            now(),
            None if correct is None else int(correct),
            _dumps(crash["record"]),
            _dumps(predicted),
            _dumps(corrected),
            None if fix is None else _dumps(fix),
            crash["crash_id"],
        )

        def work(conn):
            conn.execute(
                "INSERT INTO feedback (created, correct, record, predicted, corrected, fix,"
                " crash_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(crash_id) DO UPDATE SET"
                " created = excluded.created,"
                " correct = coalesce(excluded.correct, feedback.correct),"
                " corrected = CASE WHEN excluded.correct IS NULL THEN feedback.corrected"
                " ELSE excluded.corrected END,"
                " record = excluded.record, predicted = excluded.predicted,"
                " fix = coalesce(excluded.fix, feedback.fix)",
                values,
            )
            row = conn.execute(
                "SELECT id FROM feedback WHERE crash_id = ?", (crash["crash_id"],)
            ).fetchone()
            return row["id"]

        return {"feedback_id": self.db.run(work, write=True), "crash_id": crash["crash_id"]}

    def entries(self) -> list[dict]:
        """Every feedback, oldest first: ids, verdict, record, predicted and corrected labels."""
        rows = self.db.run(
            lambda conn: conn.execute(
                "SELECT id, crash_id, created, correct, record, predicted, corrected, fix"
                " FROM feedback ORDER BY id"
            ).fetchall()
        )
        return [
            {
                "feedback_id": row["id"],
                "crash_id": row["crash_id"],
                "created": row["created"],
                "correct": None if row["correct"] is None else bool(row["correct"]),
                "record": json.loads(row["record"]),
                "predicted": json.loads(row["predicted"]),
                "corrected": json.loads(row["corrected"]),
                "fix": json.loads(row["fix"]) if row["fix"] else None,
            }
            for row in rows
        ]

    def labelled_records(self) -> Iterator[dict]:
        """Each verdict as a labelled record in the dev file's JSONL format (see module doc); a
        feedback with only a fix result labels nothing and is left out."""
        for entry in self.entries():
            if entry["correct"] is None:
                continue
            record, labels = entry["record"], entry["corrected"]
            yield {
                "id": f"feedback-{entry['feedback_id']}",
                "ename": record.get("ename", ""),
                "evalue": record.get("evalue", ""),
                "traceback": record.get("traceback", []),
                "code": record.get("code", ""),
                "crash_type": labels["crash_type"],
                "root_cause": labels["root_cause"],
                "stage": labels["stage"],
                "library": labels["library"],
                "ml_bug": bool(labels.get("ml_bug")),
                "detail": {
                    "notebook_cause": labels.get("notebook_cause"),
                    "verdict": "right" if entry["correct"] else "wrong",
                    "created": entry["created"],
                },
            }
