"""What the /nbcrash/ handlers share: the store, the diagnosis worker and the model.

``routes.py`` speaks HTTP (validate, call this, answer); this module does the work and knows
nothing of HTTP. One ``NbCrash`` object lives per server, in the web app's settings. It opens
nothing when the server starts: the SQLite file on first use, the diagnosis code and the model on
the first diagnosis (see docs/ARCHITECTURE.md, "Server").

Everything that may block (diagnosis, SQLite) runs in a worker thread, so a slow diagnosis or a
busy disk never stalls the server's event loop.
"""

from __future__ import annotations

import asyncio
import gc
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .config import NbCrashConfig
from .store import CrashHistory, Database, FeedbackStore, StoreError, now


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


class NbCrash:
    """The nbcrash service of one server: settings, the store and the diagnosis worker."""

    def __init__(self, config: NbCrashConfig, log):
        self.config = config
        self.log = log
        self.db = Database(config.store_path)
        self.history = CrashHistory(self.db, config.history_length)
        self.feedback = FeedbackStore(self.db)
        # Threads start on first submit; they exit when this object is garbage collected.
        self.executor = ThreadPoolExecutor(
            max_workers=config.diagnose_threads, thread_name_prefix="nbcrash-diagnose"
        )
        self._settled = False

    async def in_worker(self, func, *args):
        """``func(*args)`` in the worker thread; a store failure becomes ``Unavailable``."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self.executor, func, *args)
        except StoreError as err:  # the server's disk or file, not the request
            raise Unavailable(str(err)) from None

    # -- the operations the routes call -----------------------------------------------------------

    async def diagnose(self, record, keep: bool, cell_index: int | None) -> dict:
        """The diagnosis of ``record`` with ``crash_id`` and ``created`` (id None if not kept)."""
        return await self.in_worker(self._diagnose, record, keep, cell_index)

    async def crashes(self, **filters) -> list[dict]:
        """The crash history, newest first (``CrashHistory.list``'s filters)."""
        return await self.in_worker(lambda: self.history.list(**filters))

    async def clear(self) -> int:
        """Forget the crash history (feedback stays); how many crashes were deleted."""
        return await self.in_worker(self.history.clear)

    async def add_feedback(self, crash_id: int, correct: Any, labels: Any) -> dict:
        """Keep a verdict on a kept crash; ``UnknownCrash`` or ``FeedbackError`` for bad input."""

        def work():
            crash = self.history.get(crash_id)
            return self.feedback.add(crash, correct, labels)

        return await self.in_worker(work)

    async def model_status(self) -> dict:
        """Which model diagnoses: the configured, the user's or the shipped one."""
        return await self.in_worker(self._model_status)

    # -- in the worker thread ---------------------------------------------------------------------

    def _diagnose(self, record, keep: bool, cell_index: int | None) -> dict:
        """Diagnose and keep in the history."""
        from .diagnosis import diagnose  # first use loads the diagnosis code and the model
        from .diagnosis.model import ModelError

        start = time.perf_counter()
        try:
            answer = diagnose(record, model=self._model()).to_dict()
        except ModelError as err:  # a broken model file is the server's problem, not the request's
            self.log.error("nbcrash: the diagnosis model cannot be loaded: %s", oneline(err))
            raise Unavailable(f"the diagnosis model cannot be loaded: {oneline(err)}") from None
        elapsed = (time.perf_counter() - start) * 1000
        if not self._settled:
            self._settle()
        self.log.debug(
            "nbcrash: %s: %s -> %s/%s/%s in %.1f ms",
            oneline(record.ename, 100),
            oneline(record.evalue, 200),
            answer["crash_type"],
            answer["root_cause"],
            answer["stage"],
            elapsed,
        )
        stored = {"crash_id": None, "created": now()}
        if keep:
            try:
                stored = self.history.add(record, answer, cell_index)
            except StoreError as err:  # the diagnosis is still worth showing
                self.log.warning("nbcrash: crash not kept in the history: %s", oneline(err))
        return {**answer, **stored}

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
