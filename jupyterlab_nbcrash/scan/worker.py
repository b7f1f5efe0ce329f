"""What a worker does with one notebook: read it, diagnose each error output, return plain rows.

Runs in the scanning process, in a pool process or on a Dask worker, so everything here is a
module-level function of picklable arguments returning plain dicts (cheap to send back), and one
bad notebook never takes a chunk down: it becomes a skipped row with its reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ..diagnosis.record import (
    MAX_CELLS,
    Cell,
    Diagnosis,
    ErrorRecord,
    NotebookContext,
    RecordError,
    SavedError,
)
from .read import DEFAULT_MAX_BYTES, SkipFile, context_cells, parse_notebook, read_bytes

EVALUE_CHARS = 300
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ScanOptions:
    """How to scan one file. ``diagnose`` defaults to the project's ``diagnose``; tests and
    benchmarks pass a stand-in (a module-level function, so that it pickles by reference)."""

    parse_all: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    diagnose: Callable | None = None


def scan_chunk(items: Sequence[tuple[str, str]], options: ScanOptions) -> list[dict]:
    """Scan (shown path, real path) pairs in order.

    The chunk's notebooks are read first, then their crashes diagnosed one after the other: the
    same rows as file by file, but the diagnosis's code and data (the model's vocabulary and
    coefficients, the rules' patterns) stay in the CPU's caches from one crash to the next, where
    reading a notebook of a few hundred KB between two crashes evicted them (a diagnosis cost
    ≈1.5 times as much in the scan as back to back)."""
    pending: list[tuple] = []
    rows = [_read_file(path, real, options, pending) for path, real in items]
    _diagnose_pending(pending, options)
    return rows


def scan_batches(
    items: Iterable[tuple[str, str]], options: ScanOptions, max_notebooks: int, max_crashes: int
) -> Iterator[list[dict]]:
    """``scan_chunk`` of consecutive runs of ``items``, each run ending at ``max_notebooks``
    notebooks or once ``max_crashes`` crashes wait for their diagnosis, whichever comes first:
    the same rows in the same order. The scanning process (no pool) uses it so that a batch of
    crashes is diagnosed together however sparse they are in the folder (a tenth of study-like
    notebooks crash), while what waits stays bounded by both counts."""
    rows: list[dict] = []
    pending: list[tuple] = []
    for path, real in items:
        rows.append(_read_file(path, real, options, pending))
        if len(rows) >= max_notebooks or len(pending) >= max_crashes:
            _diagnose_pending(pending, options)
            yield rows
            rows, pending = [], []
    if rows:
        _diagnose_pending(pending, options)
        yield rows


def scan_tasks(
    tasks: Iterable[tuple[int, Sequence[tuple[str, str]]]],
    options: ScanOptions,
    max_notebooks: int,
    max_crashes: int,
) -> Iterator[list[tuple[int, list[dict]]]]:
    """``scan_chunk`` of each (index, items) task, held: the tasks' crashes wait until, at the
    end of a task, ``max_notebooks`` notebooks or ``max_crashes`` crashes are held, then they are
    diagnosed together and the held tasks yielded as (index, rows), in the order taken (tasks
    without crashes to wait for are yielded at once). A pool worker uses it so that its crashes
    are diagnosed in batches of a few tasks, not of one (a 64-notebook task of a study-like
    folder holds ≈9 crashes: the diagnosis's code and data came back cold into the CPU's caches
    for each); the parent puts the tasks back in order."""
    held: list[tuple[int, list[dict]]] = []
    pending: list[tuple] = []
    notebooks = 0
    for index, items in tasks:
        rows = [_read_file(path, real, options, pending) for path, real in items]
        held.append((index, rows))
        notebooks += len(rows)
        if not pending or notebooks >= max_notebooks or len(pending) >= max_crashes:
            _diagnose_pending(pending, options)
            yield held
            held, pending, notebooks = [], [], 0
    if held:
        _diagnose_pending(pending, options)
        yield held


def scan_file(path: str, real: str, options: ScanOptions) -> dict:
    """One result row: ``status`` "read" with its crashes, or "skipped" with kind and reason."""
    pending: list[tuple] = []
    row = _read_file(path, real, options, pending)
    _diagnose_pending(pending, options)
    return row


def _diagnose_pending(pending: list[tuple], options: ScanOptions) -> None:
    """Diagnose the crashes ``_read_file`` left, in order, into their rows' crash lists: with
    the project's diagnose all of them at once (``diagnose_many``: the same diagnoses, each step
    over all the crashes before the next), a stand-in one by one."""
    if not pending:
        return
    if options.diagnose is not None:
        for crashes, path, cell, err, context in pending:
            crashes.append(crash_row(path, cell, err, context, options.diagnose))
        return
    started = [_crash_record(path, cell, err, context) for _, path, cell, err, context in pending]
    records = [record for _, record in started if record is not None]
    results = iter(project_diagnose_many()(records) if records else ())
    for (crashes, *_), (row, record) in zip(pending, started, strict=True):
        if record is not None:
            _fill_row(row, next(results))
        crashes.append(row)


def _read_file(path: str, real: str, options: ScanOptions, pending: list[tuple]) -> dict:
    """``scan_file``'s row without its crashes' diagnoses: each crash is appended to ``pending``
    as (the row's crash list, path, cell, error, notebook context) for ``_diagnose_pending``."""
    try:
        nb = parse_notebook(read_bytes(real, options.max_bytes), options.parse_all)
    except SkipFile as skip:
        return {"path": path, "status": "skipped", "kind": skip.kind, "reason": skip.reason}
    except Exception as err:  # a bug of ours must not end the scan; report it with the file
        reason = f"could not be scanned: {type(err).__name__}: {err}"
        return {"path": path, "status": "skipped", "kind": "error", "reason": reason}
    row = {
        "path": path,
        "status": "read",
        "nbformat": nb.nbformat,
        "parsed": nb.parsed,
        "cells": len(nb.cells),
        "code_cells": sum(c["cell_type"] == "code" for c in nb.cells),
        "saved_order": None,
        "crashes": [],
    }
    if not nb.parsed:
        return row
    cells = with_errors(nb)
    if nb.errors or options.parse_all:  # by default the order is analysed where it matters
        row["saved_order"] = saved_order(cells)
    whole = NotebookContext(cells=cells, path=path) if len(cells) <= MAX_CELLS else None
    for err in nb.errors:
        # A notebook of more cells than a record holds gets the window around the crash.
        context = whole or NotebookContext(cells=context_cells(cells, err.cell_index), path=path)
        pending.append((row["crashes"], path, nb.cells[err.cell_index], err, context))
    return row


def with_errors(nb) -> tuple[Cell, ...]:
    """The notebook's cells, each with its saved error output (the first, if it has several):
    the notebook analysis reads which earlier cells failed, and where."""
    errors: dict[int, SavedError] = {}
    for err in nb.errors:
        errors.setdefault(err.cell_index, SavedError(err.ename, err.evalue, err.traceback))
    return tuple(Cell(**c, error=errors.get(c["index"])) for c in nb.cells)


def crash_row(path: str, cell: dict, err, context: NotebookContext, diagnose: Callable) -> dict:
    """The diagnosis of one error output as a flat row (labels are None when it failed)."""
    row, record = _crash_record(path, cell, err, context)
    if record is None:
        return row
    try:
        result = diagnose(record)
    except Exception as failure:  # keep scanning; the row says why it has no labels
        result = failure
    _fill_row(row, result)
    return row


def _crash_record(
    path: str, cell: dict, err, context: NotebookContext
) -> tuple[dict, ErrorRecord | None]:
    """A crash's row without its labels, and the record to diagnose (None, with the row's
    ``error`` said, when the saved error is no error record)."""
    row = {
        "notebook": path,
        "cell_index": cell["index"],
        "cell_id": cell["id"],
        "execution_count": cell["execution_count"],
        "ename": err.ename,
        "evalue": shorten(err.evalue),
        "crash_type": None,
        "root_cause": None,
        "notebook_cause": None,
        "stage": None,
        "library": None,
        "ml_bug": None,
        "confidence": {},
        "alternatives": {},
        "hint": "",
        "evidence": [],
        "related_cell": None,
        "fix": None,
        "error": None,
    }
    try:
        record = ErrorRecord.from_dict(
            {
                "ename": err.ename,
                "evalue": err.evalue,
                "traceback": list(err.traceback),
                "code": cell["source"],
                "cell_id": cell["id"],
                "execution_count": cell["execution_count"],
            }
        )
    except RecordError as bad:
        row["error"] = f"not an error record: {bad}"
        return row, None
    return row, dataclasses.replace(record, notebook=context)


def _fill_row(row: dict, diagnosis: Diagnosis | Exception) -> None:
    """The row's labels from its diagnosis, or the reason it has none."""
    try:
        if isinstance(diagnosis, Exception):
            raise diagnosis
        # The fields as they are, not ``to_dict()``: the row is written out and the diagnosis
        # dropped, so to_dict's deep copy (≈25 µs a crash) would buy nothing.
        labels = {key: getattr(diagnosis, key) for key in _ROW_FIELDS}
    except Exception as failure:  # keep scanning; the row says why it has no labels
        row["error"] = f"diagnosis failed: {type(failure).__name__}: {failure}".rstrip(": ")
        return
    row.update(labels)
    row["confidence"] = {k: round(float(v), 3) for k, v in (labels["confidence"] or {}).items()}
    row["alternatives"] = labels["alternatives"] or {}
    row["hint"] = labels["hint"] or ""
    row["evidence"] = list(labels["evidence"] or [])


# What a crash row takes from a ``Diagnosis`` (every field but the taxonomy's version).
_ROW_FIELDS = tuple(f.name for f in dataclasses.fields(Diagnosis) if f.name != "taxonomy_version")


def shorten(text: str, limit: int = EVALUE_CHARS) -> str:
    """One line without ANSI colours, at most ``limit`` characters."""
    text = _SPACE.sub(" ", _ANSI.sub("", text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def saved_order(cells) -> dict | None:
    """The saved-order analysis of the notebook helper as a plain dict (None if unavailable)."""
    analyse = _analyse_saved()
    if analyse is None:
        return None
    try:
        result = analyse(cells)
    except Exception:  # the order analysis is a bonus; its failure must not lose the crashes
        return None
    data = dataclasses.asdict(result) if dataclasses.is_dataclass(result) else dict(result)
    return _plain(data)


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


_cache: dict = {}


def _project_diagnose() -> Callable:
    return project_diagnose()[0]


def project_diagnose_many() -> Callable:
    """``diagnose_many`` with ``project_diagnose``'s model (loaded once)."""
    if "diagnose_many" not in _cache:
        from ..diagnosis.diagnose import diagnose_many

        _cache["diagnose_many"] = partial(diagnose_many, **project_diagnose()[0].keywords)
    return _cache["diagnose_many"]


def project_diagnose() -> tuple[Callable, str | None]:
    """(``diagnose`` bound to the model loaded once, the reason the model failed or None).

    A scan needs no hot reload, and looking the model up again for every crash costs more than
    the prediction. A model that fails to load means rules only (``model=False``), reported once
    instead of once a crash. Called in the scanning process before a pool forks, so that the
    workers inherit the loaded model.
    """
    if "diagnose" not in _cache:
        from ..diagnosis import diagnose
        from ..diagnosis.model import load_model

        problem = None
        try:
            model = load_model()
        except Exception as err:
            model, problem = None, f"{type(err).__name__}: {err}"
        # False: rules only, when no model is installed or it cannot be loaded
        _cache["diagnose"] = partial(diagnose, model=model if model is not None else False)
        _cache["problem"] = problem
    return _cache["diagnose"], _cache["problem"]


def _analyse_saved() -> Callable | None:
    if "analyse_saved" not in _cache:
        try:
            from ..diagnosis.saved import analyse_saved
        except ImportError:  # TRANSITIONAL: the notebook analysis is written in parallel
            analyse_saved = None
        _cache["analyse_saved"] = analyse_saved
    return _cache["analyse_saved"]
