"""The pool of a scan (``--jobs N``): workers hold their chunks' rows and diagnose the crashes of
several chunks together (``worker.scan_tasks``); the parent puts the chunks back in order. The
rows are those of a scan in one process that diagnoses crash by crash, whatever order the chunks
come back in, and a worker that fails or dies ends the scan with an error instead of a hang."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from jupyterlab_nbcrash.scan import run, worker
from jupyterlab_nbcrash.scan.discover import Found, discover
from jupyterlab_nbcrash.scan.run import ScanError, scan
from jupyterlab_nbcrash.scan.worker import ScanOptions, scan_chunk, scan_tasks

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "scan"))
from scan_fixture_tree import build, tree_fixture  # noqa: F401 (a fixture)

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(),
    reason="the workers inherit the test's patches only when forked",
)


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """The fixture tree and 12 copies of each of its files: 143 files, 78 read notebooks with 78
    crashes, so that a pool of 2 gets 16 chunks of 9 files."""
    root = build(tmp_path_factory.mktemp("many"))
    for path in sorted(root.rglob("*.ipynb")):
        for i in range(12):
            shutil.copy(path, path.with_name(f"{path.stem}_copy{i:02d}.ipynb"))
    return root


def items_of(root: Path) -> list[tuple[str, str]]:
    return [(f.path, f.real) for f in discover([str(root)], ()) if isinstance(f, Found)]


def crash_by_crash(record, model=None):
    """The project's diagnose as a stand-in: called once a crash, no batches."""
    return worker.project_diagnose()[0](record)


def without_meta(result) -> dict:
    data = result.to_dict()
    data.pop("meta")
    return data


@pytest.fixture(scope="module")
def one_by_one(many) -> dict:
    """The rows of a scan in this process that diagnoses crash after crash."""
    return without_meta(scan([str(many)], jobs=1, diagnose=crash_by_crash))


@pytest.mark.parametrize(
    ("max_notebooks", "max_crashes", "merged"),
    [(1, 1000, False), (20, 1000, True), (1000, 1, False), (1000, 20, True), (30, 12, True)],
)
def test_held_tasks_give_the_chunks_rows_in_the_order_taken(
    many, max_notebooks, max_crashes, merged
):
    """A worker's held tasks come back as (index, rows), in the order taken, each yield ending at
    a task once ``max_notebooks`` notebooks or ``max_crashes`` crashes are held (or no crash
    waits): the rows are ``scan_chunk``'s, and those of a scan that diagnoses crash by crash."""
    items = items_of(many)
    tasks = [(index, items[start : start + 9]) for index, start in enumerate(range(0, 143, 9))]
    tasks = tasks[::-1]  # any order of indices: a worker takes what the queue gives it
    options = ScanOptions()
    held = list(scan_tasks(iter(tasks), options, max_notebooks, max_crashes))
    assert [index for batch in held for index, _ in batch] == [index for index, _ in tasks]
    rows = [row for batch in held for _, rows in batch for row in rows]
    assert rows == scan_chunk([item for _, chunk in tasks for item in chunk], options)
    alone = ScanOptions(diagnose=crash_by_crash)
    assert rows == [row for _, chunk in tasks for row in scan_chunk(chunk, alone)]

    def counts(batch) -> tuple[int, int]:
        rows = [row for _, rows in batch for row in rows]
        return len(rows), sum(len(row.get("crashes", ())) for row in rows)

    for batch in held[:-1]:  # each yield but the last ended at one of the bounds ...
        notebooks, crashes = counts(batch)
        assert notebooks >= max_notebooks or crashes >= max_crashes or crashes == 0
        notebooks, crashes = counts(batch[:-1])  # ... at the first task that reached it
        assert (notebooks < max_notebooks and 0 < crashes < max_crashes) or not batch[:-1]
    assert any(len(batch) > 1 for batch in held) == merged  # several tasks' crashes together
    assert sum(counts(batch)[1] for batch in held) == 78


@pytest.mark.parametrize(("pool_chunk", "pool_crashes"), [(2048, 256), (20, 1000), (1000, 4)])
def test_the_pools_rows_are_a_crash_by_crash_scans(
    many, one_by_one, monkeypatch, pool_chunk, pool_crashes
):
    """With the project's diagnose a pool worker holds chunks until POOL_CHUNK notebooks or
    POOL_CRASHES crashes wait (the default: all its chunks here), then diagnoses them together:
    the same rows, in the same order, as one process diagnosing crash by crash."""
    monkeypatch.setattr(run, "POOL_CHUNK", pool_chunk)
    monkeypatch.setattr(run, "POOL_CRASHES", pool_crashes)
    result = scan([str(many)], jobs=2)
    assert result.meta["run"]["backend"] == "processes"
    assert without_meta(result) == one_by_one
    assert result.summary["crashes"] == 78


class _Dawdling:
    """A worker's task queue that takes its time over chunk 0."""

    def __init__(self, tasks):
        self._tasks = tasks

    def get(self):
        task = self._tasks.get()
        if task is not None and task[0] == 0:
            time.sleep(0.5)
        return task


class _Logging:
    """A worker's results queue that also notes the indices it sends, in a file."""

    def __init__(self, results, log: Path):
        self._results, self._log = results, log

    def put(self, held):
        with open(self._log, "a") as log:
            log.write("".join(f"{index}\n" for index, _ in held))
        self._results.put(held)


@needs_fork
def test_chunks_that_come_back_early_wait_for_the_ones_before(
    many, one_by_one, monkeypatch, tmp_path
):
    """The worker that took chunk 0 is slow: the other's later chunks are sent first, and the
    rows still come out in discovery order."""
    log = tmp_path / "sent"
    real_worker = run._pool_worker

    def dawdling_worker(tasks, results, *args):
        real_worker(_Dawdling(tasks), _Logging(results, log), *args)

    monkeypatch.setattr(run, "_pool_worker", dawdling_worker)
    monkeypatch.setattr(run, "POOL_CHUNK", 20)  # a few chunks at a time
    assert without_meta(scan([str(many)], jobs=2)) == one_by_one
    sent = [int(line) for line in log.read_text().split()]
    assert sorted(sent) == list(range(16)) and sent[0] != 0


class Boom(BaseException):
    """Not an ``Exception``: a crash row does not absorb it, so it ends the worker's loop."""


def exploding(record, model=None):
    raise Boom("the stand-in blew up")


def dying(record, model=None):
    os._exit(3)


def test_a_worker_that_fails_ends_the_scan_with_its_traceback(many):
    with pytest.raises(ScanError, match=r"(?s)a scan worker failed:.*Boom: the stand-in blew up"):
        scan([str(many)], jobs=2, diagnose=exploding)


def test_a_worker_that_dies_ends_the_scan_instead_of_hanging(many):
    with pytest.raises(ScanError, match=r"a scan worker ended unexpectedly \(exit code 3\)"):
        scan([str(many)], jobs=2, diagnose=dying)
