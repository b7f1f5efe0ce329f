"""The data that crosses the diagnose contract: what comes in and what goes out.

``ErrorRecord.from_dict`` is the single validation point for the HTTP route, the CLI and the
scan: anything outside the schema raises ``RecordError`` naming the field.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

from ..taxonomy import TAXONOMY_VERSION

# Bounds of one record. The HTTP body itself is capped at 1 MB by the route.
MAX_NAME = 1_000
MAX_TEXT = 1_000_000
MAX_TRACEBACK_LINES = 20_000
MAX_CELLS = 5_000
MAX_HISTORY = 10_000
# A saved error output of another cell: the analysis reads its name, message and where it failed.
MAX_CELL_TRACEBACK = 200
MAX_CELL_EVALUE = 10_000


class RecordError(ValueError):
    """A record that does not fit the schema; the message names the field."""


def _str(data: dict, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise RecordError(f"'{key}' is required")
        return ""
    if not isinstance(value, str):
        raise RecordError(f"'{key}' must be a string, not {type(value).__name__}")
    if len(value) > limit:
        raise RecordError(f"'{key}' is longer than {limit} characters")
    return value


def _opt_int(data: dict, key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"'{key}' must be an integer or null")
    return value


def _list(data: dict, key: str, limit: int) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"'{key}' must be a list, not {type(value).__name__}")
    if len(value) > limit:
        raise RecordError(f"'{key}' has more than {limit} entries")
    return value


@dataclass(frozen=True)
class SavedError:
    """The error output a saved notebook shows under a cell: that cell's last run failed."""

    ename: str = ""
    evalue: str = ""
    traceback: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Any) -> SavedError:
        if not isinstance(data, dict):
            raise RecordError("'error' must be an object")
        tb = _list(data, "traceback", MAX_CELL_TRACEBACK)
        if not all(isinstance(line, str) for line in tb):
            raise RecordError("'error.traceback' must be a list of strings")
        return cls(
            ename=_str(data, "ename", limit=MAX_NAME),
            evalue=_str(data, "evalue", limit=MAX_CELL_EVALUE),
            traceback=tuple(tb),
        )


@dataclass(frozen=True)
class Cell:
    """A cell of the notebook as the frontend (or a saved file) sees it.

    ``error`` is the cell's saved error output, sent for a notebook without history in this
    session (reopened, or read by the scan): it shows that the cell's last run failed.
    """

    id: str
    index: int
    source: str
    execution_count: int | None = None
    cell_type: str = "code"
    error: SavedError | None = None


@dataclass(frozen=True)
class Execution:
    """One execution of a cell in a kernel session, oldest first in a history."""

    cell_id: str
    execution_count: int | None = None
    ok: bool = True
    ename: str = ""
    evalue: str = ""


@dataclass(frozen=True)
class NotebookContext:
    """The notebook around the crashing cell.

    ``history`` holds the executions of the current kernel session, ``previous_history`` those of
    the session before the last restart (empty when there was none). Both may be empty for a saved
    notebook, where only the cells' execution counts are known.
    """

    cells: tuple[Cell, ...] = ()
    history: tuple[Execution, ...] = ()
    previous_history: tuple[Execution, ...] = ()
    path: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> NotebookContext:
        if not isinstance(data, dict):
            raise RecordError("'notebook' must be an object")
        cells = []
        for i, raw in enumerate(_list(data, "cells", MAX_CELLS)):
            if not isinstance(raw, dict):
                raise RecordError(f"'notebook.cells[{i}]' must be an object")
            try:
                index = _opt_int(raw, "index")
                error = raw.get("error")
                cells.append(
                    Cell(
                        id=_str(raw, "id", limit=MAX_NAME) or str(i),
                        index=i if index is None else index,
                        source=_str(raw, "source"),
                        execution_count=_opt_int(raw, "execution_count"),
                        cell_type=_str(raw, "cell_type", limit=MAX_NAME) or "code",
                        error=None if error is None else SavedError.from_dict(error),
                    )
                )
            except RecordError as err:
                raise RecordError(f"notebook.cells[{i}]: {err}") from None
        return cls(
            cells=tuple(cells),
            history=_executions(data, "history"),
            previous_history=_executions(data, "previous_history"),
            path=_str(data, "path", limit=4096),
        )

    def to_dict(self) -> dict:
        return asdict(self)


def _executions(data: dict, key: str) -> tuple[Execution, ...]:
    out = []
    for i, raw in enumerate(_list(data, key, MAX_HISTORY)):
        if not isinstance(raw, dict):
            raise RecordError(f"'notebook.{key}[{i}]' must be an object")
        ok = raw.get("ok", True)
        if not isinstance(ok, bool):
            raise RecordError(f"'notebook.{key}[{i}].ok' must be a boolean")
        try:
            out.append(
                Execution(
                    cell_id=_str(raw, "cell_id", required=True, limit=MAX_NAME),
                    execution_count=_opt_int(raw, "execution_count"),
                    ok=ok,
                    ename=_str(raw, "ename", limit=MAX_NAME),
                    evalue=_str(raw, "evalue", limit=10_000),
                )
            )
        except RecordError as err:
            raise RecordError(f"notebook.{key}[{i}]: {err}") from None
    return tuple(out)


@dataclass(frozen=True)
class ErrorRecord:
    """An error output as a notebook stores it, with the failing cell's code when known."""

    ename: str = ""
    evalue: str = ""
    traceback: tuple[str, ...] = ()
    code: str = ""
    cell_id: str = ""
    execution_count: int | None = None
    notebook: NotebookContext | None = None

    @classmethod
    def from_dict(cls, data: Any) -> ErrorRecord:
        """Validate a JSON object into a record; raise ``RecordError`` naming the bad field."""
        if not isinstance(data, dict):
            raise RecordError("the record must be a JSON object")
        ename = _str(data, "ename", limit=MAX_NAME)
        evalue = _str(data, "evalue")
        tb = data.get("traceback")
        if tb is None:
            tb = []
        elif isinstance(tb, str):  # some exporters store one joined string
            tb = tb.split("\n")
        if not isinstance(tb, list):
            raise RecordError("'traceback' must be a list of strings")
        if len(tb) > MAX_TRACEBACK_LINES:
            raise RecordError(f"'traceback' has more than {MAX_TRACEBACK_LINES} entries")
        if not all(isinstance(line, str) for line in tb):
            raise RecordError("'traceback' must be a list of strings")
        if not (ename or evalue or tb):
            raise RecordError("a record needs at least one of 'ename', 'evalue' or 'traceback'")
        notebook = data.get("notebook")
        return cls(
            ename=ename,
            evalue=evalue,
            traceback=tuple(tb),
            code=_str(data, "code"),
            cell_id=_str(data, "cell_id", limit=MAX_NAME),
            execution_count=_opt_int(data, "execution_count"),
            notebook=None if notebook is None else NotebookContext.from_dict(notebook),
        )


@dataclass
class Diagnosis:
    """The answer of ``diagnose``: ids from the taxonomy plus the hint and its evidence."""

    crash_type: str
    root_cause: str
    stage: str
    library: str
    ml_bug: bool
    notebook_cause: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    # Per dimension (crash_type, root_cause, stage, library) the likeliest labels, the chosen one
    # first: [{"id", "p"}, ...], at most 3, probabilities summing to at most 1 (alternatives.py).
    alternatives: dict[str, list[dict]] = field(default_factory=dict)
    hint: str = ""
    evidence: list[str] = field(default_factory=list)
    # The other cell the cause lies in ({"id", "index", "execution_count"}), for "Go to cell".
    related_cell: dict | None = None
    # The one-click fix ({"title", "kind", "cell_id", "code_sha1", "edits", "rerun"}), or None
    # when the cure needs judgment (fixes.py; docs/ARCHITECTURE.md, "One-click fixes").
    fix: dict | None = None
    taxonomy_version: str = TAXONOMY_VERSION

    def to_dict(self) -> dict:
        """``dataclasses.asdict(self)``, built directly: a scan turns every diagnosis into a row,
        and asdict's generic walk (a dataclass test and a deep copy per value) cost as much as
        the rules."""
        return {name: _copied(getattr(self, name)) for name in _DIAGNOSIS_FIELDS}


_DIAGNOSIS_FIELDS = tuple(f.name for f in fields(Diagnosis))
_ATOMS = frozenset({str, int, float, bool, type(None)})


def _copied(value: Any) -> Any:
    """What ``asdict`` makes of a field's value: dicts, lists and tuples copied all the way down,
    immutable scalars as they are, anything else as ``asdict`` does it (a deep copy)."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is dict:
        return {_copied(k): _copied(v) for k, v in value.items()}
    if kind is list:
        return [_copied(v) for v in value]
    if kind is tuple:
        return tuple(_copied(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return copy.deepcopy(value)
