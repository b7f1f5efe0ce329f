"""Run a scan: discover → read and diagnose in chunks (here, in processes or on Dask) → collect.

Every backend yields the chunks' results in discovery order, so the result of a scan does not
depend on where it ran: a local scan, ``--jobs N`` and ``--dask`` give identical rows. Chunks keep
the per-task overhead small; a bounded number of them is in flight at a time, and results are
counted and spooled as they arrive (nothing grows with the number of crashes but the spool file).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timezone

from ..taxonomy import TAXONOMY_VERSION
from ..version import __version__
from .discover import Found, Skipped, discover
from .progress import Progress
from .read import DEFAULT_MAX_BYTES
from .result import Collector, ScanResult
from .worker import ScanOptions, project_diagnose, scan_batches, scan_chunk, scan_tasks

MAX_CHUNK = 64
# A batch of the scan in this process (no pool): its notebooks are read, then their crashes
# diagnosed together (``worker.scan_batches``), and more of them at once keep the diagnosis's
# code and data in the CPU's caches longer. A batch ends at LOCAL_CHUNK notebooks or once
# LOCAL_CRASHES crashes wait, whichever comes first.
LOCAL_CHUNK = 2048
LOCAL_CRASHES = 256
# The same in a pool worker (``--jobs N``): it takes MAX_CHUNK-notebook chunks and holds their
# rows until POOL_CHUNK notebooks or POOL_CRASHES crashes wait (``worker.scan_tasks``).
POOL_CHUNK = 2048
POOL_CRASHES = 256


class ScanError(Exception):
    """The scan could not run at all (e.g. the Dask scheduler is unreachable)."""


def scan(
    paths: Sequence[str],
    *,
    jobs: int = 1,
    dask: str | None = None,
    dask_timeout: float = 20,
    parse_all: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    exclude: Iterable[str] = (),
    diagnose: Callable | None = None,
    progress: bool = False,
    progress_stream=None,
) -> ScanResult:
    """Scan the notebooks under ``paths``. The caller checks that the paths exist."""
    started = time.monotonic()
    options = ScanOptions(parse_all=parse_all, max_bytes=max_bytes, diagnose=diagnose)
    meta = {
        "tool": "jupyterlab_nbcrash",
        "version": __version__,
        "taxonomy_version": TAXONOMY_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "paths": list(paths),
        "parse_all": parse_all,
        "model": _model_status() if diagnose is None else {"source": "custom"},
    }
    if diagnose is None:  # load the model here once: forked workers inherit it
        problem = project_diagnose()[1]
        if problem and meta["model"] is not None:
            meta["model"]["error"] = f"{problem} (diagnosed with rules only)"
    collector = Collector(meta)
    items: list[tuple[str, str]] = []
    for found in discover(paths, exclude):
        if isinstance(found, Skipped):
            collector.skip(found.to_dict())
        else:
            assert isinstance(found, Found)
            items.append((found.path, found.real))
    bar = Progress(len(items), progress_stream, enabled=progress)
    if dask:
        backend, workers = "dask", None
        results = _run_dask(dask, items, options, dask_timeout)
    elif jobs > 1 and len(items) > MAX_CHUNK:
        backend, workers = "processes", jobs
        results = _run_processes(items, options, jobs)
    else:
        backend, workers = "local", 1
        results = scan_batches(items, options, LOCAL_CHUNK, LOCAL_CRASHES)
    done = 0
    try:
        for chunk_results in results:
            for result in chunk_results:
                collector.add(result)
            done += len(chunk_results)
            bar.update(done, collector.summary.crashes)
    finally:
        bar.close()
        if hasattr(results, "close"):
            results.close()  # stops a pool or a Dask client when interrupted
    elapsed = time.monotonic() - started
    meta["run"] = {
        "backend": backend,
        "workers": workers,
        "scheduler": dask,
        "elapsed_s": round(elapsed, 3),
        "notebooks_per_s": round(done / elapsed, 1) if elapsed > 0 else None,
    }
    return collector.result()


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _chunk_size(n_items: int, workers: int) -> int:
    """Small enough that every worker gets several chunks, big enough to amortise a task."""
    return max(1, min(MAX_CHUNK, -(-n_items // (workers * 8))))


def _run_processes(items: list, options: ScanOptions, jobs: int) -> Iterator[list[dict]]:
    """The chunks on ``jobs`` worker processes, yielded in order.

    Each worker takes chunks from a shared queue (so a slow chunk does not hold the others back)
    and holds their rows until POOL_CHUNK notebooks or POOL_CRASHES crashes wait, then diagnoses
    those crashes together (``worker.scan_tasks``) and sends the held chunks back; the chunks are
    put back in order here. A stand-in diagnose (the read-only floor, tests) is called crash by
    crash, so holding would buy it nothing: its chunks come back one by one."""
    # fork: the workers inherit the loaded modules (and a stand-in diagnose in tests) for free.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    chunks = list(_chunks(items, _chunk_size(len(items), jobs)))
    hold = (POOL_CHUNK, POOL_CRASHES) if options.diagnose is None else (1, 1)
    tasks, results = ctx.Queue(), ctx.Queue()
    workers = [
        ctx.Process(target=_pool_worker, args=(tasks, results, options, *hold), daemon=True)
        for _ in range(jobs)
    ]
    # The workers' garbage collections would write to the header of every object they inherit
    # (the model's vocabulary, the rules, the modules' code), copying those pages one by one.
    gc.freeze()
    try:
        for process in workers:
            process.start()
    finally:
        gc.unfreeze()
    done = False
    try:
        for task in enumerate(chunks):
            tasks.put(task)
        for _ in workers:
            tasks.put(None)
        arrived: dict[int, list[dict]] = {}
        next_index = 0
        while next_index < len(chunks):
            try:
                message = results.get(timeout=1)
            except queue.Empty:
                dead = [p.exitcode for p in workers if p.exitcode not in (None, 0)]
                if dead:
                    raise ScanError(
                        f"a scan worker ended unexpectedly (exit code {dead[0]})"
                    ) from None
                continue
            if isinstance(message, _WorkerFailure):
                raise ScanError(f"a scan worker failed:\n{message.text}")
            arrived.update(message)
            while next_index in arrived:
                yield arrived.pop(next_index)
                next_index += 1
        done = True
    finally:
        for process in workers:
            if done:
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        for q in (tasks, results):
            q.cancel_join_thread()  # what is left in them is not needed
            q.close()


class _WorkerFailure:
    """An exception raised in a worker, as its formatted traceback (picklable whatever it was)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _pool_worker(tasks, results, options: ScanOptions, max_notebooks: int, max_crashes: int):
    _ignore_sigint()
    try:
        for held in scan_tasks(iter(tasks.get, None), options, max_notebooks, max_crashes):
            results.put(held)
    except BaseException:
        results.put(_WorkerFailure(traceback.format_exc()))


def _ignore_sigint() -> None:
    """Ctrl-C is the parent's to handle (it terminates the pool): no traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_dask(
    address: str, items: list, options: ScanOptions, timeout: float
) -> Iterator[list[dict]]:
    """Chunks as Dask tasks, at most a few per worker thread in flight, re-ordered on arrival."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ScanError(
            "--dask needs dask.distributed: pip install 'jupyterlab_nbcrash[dask]'"
        ) from None
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise ScanError(f"cannot connect to the Dask scheduler at {address}: {err}") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        chunks = list(_chunks(items, _chunk_size(len(items), threads)))
        window = threads * 4
        token = uuid.uuid4().hex[:12]  # keys unique across scans sharing a cluster
        index_of: dict[str, int] = {}

        def submit(i: int):
            key = f"nbcrash-scan-{token}-{i}"
            index_of[key] = i
            return client.submit(scan_chunk, chunks[i], options, key=key)

        submitted = min(window, len(chunks))
        pending = as_completed([submit(i) for i in range(submitted)], loop=client.loop)
        arrived: dict[int, list[dict]] = {}
        next_index = 0
        for future in pending:
            arrived[index_of.pop(future.key)] = future.result()
            future.release()
            if submitted < len(chunks):
                pending.add(submit(submitted))
                submitted += 1
            while next_index in arrived:
                yield arrived.pop(next_index)
                next_index += 1
    finally:
        client.close()


def _model_status() -> dict | None:
    """Which trained model the diagnoses come from (None if that cannot be told)."""
    try:
        from ..diagnosis.model import model_status

        return model_status()
    except Exception:  # the scan does not depend on it
        return None


def default_jobs() -> int:
    """The CPUs this process may use (respects taskset/cgroup affinity where Python can see it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
