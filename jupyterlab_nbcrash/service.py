"""What the /nbcrash/ handlers share: the store, the diagnosis worker and the model.

``routes.py`` speaks HTTP (validate, call this, answer); this module does the work and knows
nothing of HTTP. One ``NbCrash`` object lives per server, in the web app's settings; making it
starts a server session (a random id that every crash diagnosed from now on is stored with). It
opens nothing else: the SQLite file on first use, the diagnosis code and the model on the first
diagnosis (see docs/ARCHITECTURE.md, "Server").

Everything that may block (diagnosis, SQLite) runs in the worker thread, so a slow diagnosis or a
busy disk never stalls the server's event loop. Diagnoses go there in batches: the requests that
arrive while the worker is busy are diagnosed one after the other, kept in the history in one
SQLite transaction and answered with one wake-up of the event loop. Under load that is what
makes a diagnosis cheap besides the diagnosis itself (the per-request commit and thread
hand-offs cost as much again; benchmarks/README.md has the measurements); alone, a request is a
batch of one and waits for nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .config import NbCrashConfig
from .store import CrashHistory, Database, FeedbackStore, StoreError, new_session, now

# Most diagnoses one worker job takes: other jobs (the panel's list, feedback) wait at most one
# batch, ~50 ms at ~1 ms a diagnosis.
MAX_BATCH = 50
YIELD_AFTER = 0.001  # seconds of diagnosing after which the worker lets the event loop run,
YIELD_FOR = 0.0001  # sleeping this long


class Unavailable(Exception):
    """The server's side cannot answer (its store or its model), not the request: HTTP 503."""


def oneline(text: Any, limit: int = 300) -> str:
    """Text from a notebook made safe for one log line: newlines and control characters escaped."""
    text = str(text)
    short = text[:limit]
    out = json.dumps(short, ensure_ascii=False)[1:-1]
    # json leaves U+2028/U+2029 and DEL as they are; some log viewers break lines on them.
    out = out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x7f", "\\u007f")
    return out + ("…" if len(text) > limit else "")


# A folder with more entries than this is not listed for a file_path fix (a data dump).
MAX_FOLDER_ENTRIES = 5_000


def notebook_folder(root_dir: str, record) -> Callable[[str], list[str] | None] | None:
    """A lister of folders relative to the record's notebook's folder, under ``root_dir``; None
    when the record names no notebook or the server has no root. The lister answers None for a
    folder outside the root (a symlink out, `..`), missing, unreadable or too big."""
    path = record.notebook.path if record.notebook is not None else ""
    if not root_dir or not path:
        return None
    root = os.path.realpath(root_dir)

    def listing(relative: str) -> list[str] | None:
        target = os.path.realpath(os.path.join(root, os.path.dirname(path), relative))
        if os.path.commonpath([root, target]) != root:
            return None
        try:
            with os.scandir(target) as entries:
                names = []
                for entry in entries:
                    names.append(entry.name)
                    if len(names) > MAX_FOLDER_ENTRIES:
                        return None
                return names
        except OSError:
            return None

    return listing


@dataclass
class _Job:
    """One diagnose request on its way through the worker."""

    record: Any
    keep: bool
    cell_index: int | None
    future: asyncio.Future
    answer: dict | None = None
    error: BaseException | None = field(default=None, repr=False)


class NbCrash:
    """The nbcrash service of one server session: settings, the store and the diagnosis worker."""

    def __init__(self, config: NbCrashConfig, log, root_dir: str = ""):
        self.config = config
        self.log = log
        # The server's root: notebook paths are relative to it (a file_path fix lists the
        # notebook's folder; nothing outside the root is ever read).
        self.root_dir = root_dir
        self.session = new_session()
        self.db = Database(config.store_path)
        self.history = CrashHistory(
            self.db, config.history_length, config.history_days, self.session
        )
        self.feedback = FeedbackStore(self.db)
        # Threads start on first submit; they exit when this object is garbage collected.
        self.executor = ThreadPoolExecutor(
            max_workers=config.diagnose_threads, thread_name_prefix="nbcrash-diagnose"
        )
        self._settled = False
        self._jobs: deque[_Job] = deque()
        self._jobs_lock = threading.Lock()
        self._draining = 0  # worker jobs that take diagnoses from self._jobs

    async def in_worker(self, func, *args):
        """``func(*args)`` in the worker thread; a store failure becomes ``Unavailable``."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self.executor, func, *args)
        except StoreError as err:  # the server's disk or file, not the request
            raise Unavailable(str(err)) from None

    # -- the operations the routes call -----------------------------------------------------------

    async def diagnose(self, record, keep: bool, cell_index: int | None) -> dict:
        """The diagnosis of ``record`` with ``crash_id`` and ``created`` (id None if not kept).

        A store that cannot be written loses the crash's place in the history, not the answer.
        """
        job = _Job(record, keep, cell_index, asyncio.get_running_loop().create_future())
        with self._jobs_lock:
            self._jobs.append(job)
            start = self._draining < self.config.diagnose_threads
            if start:
                self._draining += 1
        if start:
            self.executor.submit(self._drain)
        return await job.future

    async def crashes(self, scope: str, limit: int, **filters: str) -> dict:
        """``{"crashes": [...newest first], "earlier": n}``: the crashes of ``scope`` ("session",
        "earlier" or "all") and how many of earlier sessions match the same filters."""

        def work():
            return {
                "crashes": self.history.list(limit=limit, scope=scope, **filters),
                "earlier": self.history.count(scope="earlier", **filters),
            }

        return await self.in_worker(work)

    async def clear(self) -> int:
        """Forget the crash history (feedback stays); how many crashes were deleted."""
        return await self.in_worker(self.history.clear)

    async def add_feedback(self, crash_id: int, correct: Any, labels: Any, fix: Any = None) -> dict:
        """Keep a verdict and/or a fix result on a kept crash; ``UnknownCrash`` or
        ``FeedbackError`` for bad input."""

        def work():
            crash = self.history.get(crash_id)
            return self.feedback.add(crash, correct, labels, fix)

        return await self.in_worker(work)

    async def model_status(self) -> dict:
        """Which model diagnoses: the configured, the user's or the shipped one."""
        return await self.in_worker(self._model_status)

    # -- in the worker thread ---------------------------------------------------------------------

    def _drain(self) -> None:
        """One batch of the waiting diagnoses; then queue again if more arrived meanwhile (behind
        the other jobs waiting for the worker, so a stream of diagnoses never starves them)."""
        try:
            with self._jobs_lock:
                batch = [self._jobs.popleft() for _ in range(min(MAX_BATCH, len(self._jobs)))]
            self.diagnose_batch(batch)
        finally:
            with self._jobs_lock:
                more = bool(self._jobs)
                if not more:
                    self._draining -= 1
            if more:
                self.executor.submit(self._drain)

    def diagnose_batch(self, batch: list[_Job]) -> None:
        """Diagnose, keep the kept ones in one transaction, answer each job's future."""
        try:
            self._diagnose_each(batch)
            self._keep(batch)
        except Exception as err:  # a bug here: every request of the batch gets a 500, none hangs
            self.log.exception("nbcrash: a batch of %d diagnoses failed", len(batch))
            for job in batch:
                job.answer, job.error = None, job.error or err
        finally:
            _answer(batch)

    def _diagnose_each(self, batch: list[_Job]) -> None:
        from .diagnosis import diagnose  # first use loads the diagnosis code and the model
        from .diagnosis.model import ModelError

        debug = _writes_debug(self.log)
        # Every millisecond of diagnosing, let the event loop take the GIL so that requests keep
        # moving; otherwise it waits for the interpreter's 5 ms switch interval each time. A real
        # sleep: sleep(0) releases the GIL but takes it back before the waiting thread wakes.
        # Not after every diagnosis: the context switches cost server CPU (benchmarks/README.md).
        yielded = time.perf_counter()
        for job in batch:
            start = time.perf_counter()
            if start - yielded >= YIELD_AFTER:
                time.sleep(YIELD_FOR)
                yielded = start = time.perf_counter()
            try:
                folder = notebook_folder(self.root_dir, job.record)
                answer = diagnose(job.record, model=self._model(), folder=folder).to_dict()
            except ModelError as err:  # a broken model file is the server's problem
                self.log.error("nbcrash: the diagnosis model cannot be loaded: %s", oneline(err))
                job.error = Unavailable(f"the diagnosis model cannot be loaded: {oneline(err)}")
                continue
            except Exception as err:  # a bug: this request gets a 500, the others their answer
                job.error = err
                continue
            elapsed = (time.perf_counter() - start) * 1000
            if not self._settled:
                self._settle()
            if debug:  # formatting the line costs as much as keeping the crash in SQLite
                self.log.debug(
                    "nbcrash: %s: %s -> %s/%s/%s in %.1f ms",
                    oneline(job.record.ename, 100),
                    oneline(job.record.evalue, 200),
                    answer["crash_type"],
                    answer["root_cause"],
                    answer["stage"],
                    elapsed,
                )
            job.answer = answer

    def _keep(self, batch: list[_Job]) -> None:
        """Keep the batch's crashes that asked for it in the history, in one transaction."""
        diagnosed = [job for job in batch if job.answer is not None]
        kept = [job for job in diagnosed if job.keep]
        not_kept = {"crash_id": None, "created": now()}
        stored = [not_kept] * len(kept)
        if kept:
            try:
                stored = self.history.add_many([(j.record, j.answer, j.cell_index) for j in kept])
            except StoreError as err:  # the diagnoses are still worth showing
                self.log.warning(
                    "nbcrash: %d crashes not kept in the history: %s", len(kept), oneline(err)
                )
        for job, ids in zip(kept, stored, strict=True):
            job.answer.update(ids)
        for job in diagnosed:
            if not job.keep:
                job.answer.update(not_kept)

    def _settle(self) -> None:
        """One full garbage collection right after the first diagnosis.

        The first diagnosis imports numpy, the rules and the model: tens of thousands of new
        long-lived objects, enough to trigger, minutes later and at a random moment, a full
        collection of the whole server's heap that holds the GIL for ~100 ms and stalls every
        request. Collecting now, while the first request waits for the model anyway, moves that
        pause to where it is expected; steady-state diagnoses leave nothing long-lived behind.
        """
        self._settled = True
        start = time.perf_counter()
        gc.collect()
        self.log.debug(
            "nbcrash: full collection after the first diagnosis: %.1f ms",
            (time.perf_counter() - start) * 1000,
        )

    def _model(self):
        if not self.config.model_path:
            return None  # diagnose() picks the user's or the shipped model
        from .diagnosis.model import load_model

        return load_model(self.config.model_path)

    def _model_status(self) -> dict:
        from .diagnosis.model import model_status

        return model_status(self.config.model_path or None)


def _writes_debug(log: logging.Logger) -> bool:
    """Whether a debug line of ``log`` would be written anywhere. Not ``isEnabledFor``: traitlets
    leaves the server's logger at DEBUG and filters in its handlers."""
    logger: logging.Logger | None = log
    if not log.isEnabledFor(logging.DEBUG):
        return False
    while logger is not None:
        if any(handler.level <= logging.DEBUG for handler in logger.handlers):
            return True
        logger = logger.parent if logger.propagate else None
    return logging.lastResort is not None and logging.lastResort.level <= logging.DEBUG


def _answer(batch: list[_Job]) -> None:
    """Hand each job's answer (or error) to its request: one wake-up of each event loop."""
    loops: dict[asyncio.AbstractEventLoop, list[_Job]] = {}
    for job in batch:
        loops.setdefault(job.future.get_loop(), []).append(job)
    for loop, jobs in loops.items():
        with contextlib.suppress(RuntimeError):  # a closed loop: the server stopped, nobody waits
            loop.call_soon_threadsafe(_resolve, jobs)


def _resolve(jobs: list[_Job]) -> None:
    for job in jobs:
        if job.future.done():  # cancelled: the request went away
            continue
        if job.answer is not None:
            job.future.set_result(job.answer)
        else:
            job.future.set_exception(job.error or RuntimeError("nbcrash: diagnosis not run"))
