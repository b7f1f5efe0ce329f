"""Play scripted notebook scenarios in real ipykernels (shared by the live and the saved suites).

A scenario (tests/scenarios/README.md) is a small notebook plus the order to run its cells in.
``run_all`` executes every scenario's steps with jupyter_client — skips, re-runs, restarts and
failing cells included — on ``KERNELS`` kernels side by side, and records for each what the
frontend and a saved file would know: the cells with their execution counts and last outputs (as
nbformat output dicts), the execution history of the current and the previous kernel session, and
the crash of the last step.

Between two scenarios a kernel is emptied with ``%reset -f`` and its execution counter set back to
1, which is what a restart looks like to the notebook and costs 0.2 s instead of 2 s; ``restart``
steps inside a scenario are real kernel restarts. ``NBCRASH_FRESH_KERNELS=1`` restarts the kernel
between scenarios too.
"""

from __future__ import annotations

import os
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

KERNELS = 2
TIMEOUT = 60
FRESH_KERNELS = os.environ.get("NBCRASH_FRESH_KERNELS") == "1"
RESET = "%reset -f\nget_ipython().execution_count = 1"
OUTPUT_TYPES = ("stream", "display_data", "execute_result", "error")


@dataclass
class Scenario:
    name: str
    title: str
    steps: list[str]
    cells: list[dict]
    expect: dict[str, str]
    known: str = ""  # a documented miss of the analysis
    crash: int | None = None  # the crashing cell's number when it is not the last step's


@dataclass
class Outcome:
    record: dict | None = None  # the crash as the frontend sends it during the session
    cells: list[dict] = field(default_factory=list)  # the cells at the end, with their outputs
    crash_index: int | None = None  # position of the cell whose last step raised
    diagnosis: dict | None = None
    error: str = ""
    steps: list[str] = field(default_factory=list)


def load(path: Path) -> Scenario:
    header: dict[str, str] = {}
    cells: list[dict] = []
    for line in path.read_text().splitlines():
        marker = re.fullmatch(r"# %%(?: \[(\w+)\])?", line.strip())
        if marker:
            kind = "markdown" if marker.group(1) == "markdown" else "code"
            cells.append({"cell_type": kind, "lines": []})
        elif cells:
            cells[-1]["lines"].append(line)
        elif match := re.match(r"# (\w+): (.*)", line):
            header[match.group(1)] = match.group(2).strip()
    expect = dict(part.split("=", 1) for part in header["expect"].split())
    notebook_cells = [
        {
            "id": f"{path.stem}-{i:02d}",
            "index": i,
            "cell_type": c["cell_type"],
            "source": "\n".join(c["lines"]).strip("\n"),
            "execution_count": None,
            "outputs": [],
        }
        for i, c in enumerate(cells)
    ]
    return Scenario(
        path.stem,
        header["title"],
        header["run"].split(),
        notebook_cells,
        expect,
        header.get("known", ""),
        int(header["crash"]) if "crash" in header else None,
    )


def play(scenario: Scenario, km, kc) -> Outcome:
    """Run the scenario's steps; return the crash record as the frontend would send it."""
    from nbformat.v4 import output_from_msg

    outcome = Outcome()
    history: list[dict] = []
    previous: list[dict] = []
    cells = [dict(c) for c in scenario.cells]
    replies: dict[str, dict] = {}  # each cell's last reply
    crashed = None
    for step in scenario.steps:
        if step == "restart":
            km.restart_kernel(now=True)
            kc.wait_for_ready(timeout=TIMEOUT)
            if history:  # like src/history.ts: an empty session does not replace the last one
                previous, history = history, []
            outcome.steps.append("restart")
            continue
        cell = cells[int(step) - 1]
        assert cell["cell_type"] == "code", f"{scenario.name}: step {step} is not a code cell"
        outputs: list = []  # a run replaces the cell's outputs, as in JupyterLab

        def keep(msg, outputs=outputs):
            if msg["header"]["msg_type"] in OUTPUT_TYPES:
                outputs.append(output_from_msg(msg))

        reply = kc.execute_interactive(
            cell["source"], timeout=TIMEOUT, allow_stdin=False, output_hook=keep
        )["content"]
        replies[cell["id"]] = reply
        cell["execution_count"] = reply.get("execution_count")
        cell["outputs"] = outputs
        ok = reply["status"] == "ok"
        run = {"cell_id": cell["id"], "execution_count": cell["execution_count"], "ok": ok}
        if not ok:
            run.update(ename=reply.get("ename", ""), evalue=reply.get("evalue", ""))
        history.append(run)
        outcome.steps.append(f"{step}:{'ok' if ok else reply.get('ename')}")
        crashed = None if ok else cell
    outcome.cells = cells
    if scenario.crash is not None:  # a crash followed by more steps (saved scenarios)
        crashed = cells[scenario.crash - 1]
        if replies.get(crashed["id"], {}).get("status") != "error":
            outcome.error = f"the last run of cell {scenario.crash} did not raise"
            return outcome
    if crashed is None:
        outcome.error = f"the last step did not raise ({outcome.steps})"
        return outcome
    reply = replies[crashed["id"]]
    outcome.crash_index = crashed["index"]
    outcome.record = {
        "ename": reply.get("ename", ""),
        "evalue": reply.get("evalue", ""),
        "traceback": reply.get("traceback", []),
        "code": crashed["source"],
        "cell_id": crashed["id"],
        "execution_count": crashed["execution_count"],
        "notebook": {
            "path": f"{scenario.name}.ipynb",
            "cells": [
                {k: c[k] for k in ("id", "index", "source", "execution_count", "cell_type")}
                for c in cells
            ],
            "history": history,
            "previous_history": previous,
        },
    }
    return outcome


def isolate(km, kc) -> None:
    """Give the next scenario an empty namespace and counts from 1."""
    if FRESH_KERNELS:
        km.restart_kernel(now=True)
        kc.wait_for_ready(timeout=TIMEOUT)
        return
    reply = kc.execute_interactive(RESET, silent=True, store_history=False, timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok", reply["content"]


def run_all(scenarios: list[Scenario], workdir: str) -> dict[str, Outcome]:
    """Play every scenario on ``KERNELS`` kernels in threads (in ``workdir``)."""
    from jupyter_client.manager import KernelManager

    todo: queue.Queue[Scenario] = queue.Queue()
    for scenario in scenarios:
        todo.put(scenario)
    outcomes: dict[str, Outcome] = {}
    broken: list[str] = []

    def worker():
        km = KernelManager(kernel_name="python3")
        try:
            km.start_kernel(cwd=workdir, extra_arguments=["--HistoryManager.enabled=False"])
        except Exception as err:
            broken.append(f"kernel did not start: {type(err).__name__}: {err}")
            return
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            fresh = True
            while True:
                try:
                    scenario = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    if not fresh:
                        isolate(km, kc)
                    fresh = False
                    outcomes[scenario.name] = play(scenario, km, kc)
                except Exception as err:  # reported by the scenario's own test
                    outcomes[scenario.name] = Outcome(error=f"{type(err).__name__}: {err}")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    threads = [threading.Thread(target=worker) for _ in range(KERNELS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for scenario in scenarios:
        outcomes.setdefault(scenario.name, Outcome(error="; ".join(broken) or "not run"))
    return outcomes


def precision_recall(pairs) -> tuple[int, int, int, float, float]:
    """(tp, fp, fn, precision, recall) of (predicted, actual) booleans."""
    tp = fp = fn = 0
    for predicted, actual in pairs:
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return tp, fp, fn, precision, recall


def check_expectation(scenario: Scenario, got: dict, context: str) -> None:
    """Assert a diagnosis against the scenario's ``expect`` line (format: scenarios/README.md)."""
    want = scenario.expect["root_cause"]
    if want.startswith("!"):
        assert got["root_cause"] != want[1:], context
    else:
        assert got["root_cause"] == want, context
    want_cause = scenario.expect.get("notebook_cause", "none")
    assert (got["notebook_cause"] or "none") == want_cause, context
    if "cell" in scenario.expect:
        number = int(scenario.expect["cell"])
        related = got["related_cell"]
        assert related is not None, context
        assert related["index"] == number - 1, context
        assert related["id"] == scenario.cells[number - 1]["id"], context
        assert re.search(rf"\b[Cc]ell {number}\b", got["hint"]), context
