"""Scenario suite: small notebooks run cell by cell in a real ipykernel, in a scripted order.

Each scenario (tests/scenarios/*.scenario, format in tests/scenarios/README.md) is executed with
jupyter_client — skips, re-runs, restarts and failing cells included — while the notebook context
is recorded the way the frontend records it: cell ids and positions, execution counts, and the
execution history of the current and the previous kernel session. The error of the last step is
then diagnosed with the full ``diagnose`` and checked against the scenario's expectation.

Two kernels run the scenarios side by side. Between two scenarios a kernel is emptied with
``%reset -f`` and its execution counter set back to 1, which is what a restart looks like to the
notebook and costs 0.2 s instead of 2 s; ``restart`` steps inside a scenario are real kernel
restarts. ``NBCRASH_FRESH_KERNELS=1`` restarts the kernel between scenarios too.
"""

from __future__ import annotations

import os
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SCENARIOS = Path(__file__).parent / "scenarios"
KERNELS = 2
TIMEOUT = 60
FRESH_KERNELS = os.environ.get("NBCRASH_FRESH_KERNELS") == "1"
RESET = "%reset -f\nget_ipython().execution_count = 1"


@dataclass
class Scenario:
    name: str
    title: str
    steps: list[str]
    cells: list[dict]
    expect: dict[str, str]
    known: str = ""  # a documented miss of the analysis


@dataclass
class Outcome:
    record: dict | None = None
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
    )


ALL = sorted(SCENARIOS.glob("*.scenario"))


def cases():
    """One pytest case per scenario; `# known: why` marks a documented miss (strict xfail)."""
    for path in ALL:
        known = load(path).known
        # raises=AssertionError: a scenario that could not even run still fails the suite
        marks = [pytest.mark.xfail(strict=True, reason=known, raises=AssertionError)]
        yield pytest.param(path, id=path.stem, marks=marks if known else [])


def play(scenario: Scenario, km, kc) -> Outcome:
    """Run the scenario's steps; return the crash record as the frontend would send it."""
    outcome = Outcome()
    history: list[dict] = []
    previous: list[dict] = []
    cells = [dict(c) for c in scenario.cells]
    reply: dict = {}
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
        reply = kc.execute_interactive(
            cell["source"], timeout=TIMEOUT, allow_stdin=False, output_hook=lambda msg: None
        )["content"]
        cell["execution_count"] = reply.get("execution_count")
        ok = reply["status"] == "ok"
        run = {"cell_id": cell["id"], "execution_count": cell["execution_count"], "ok": ok}
        if not ok:
            run.update(ename=reply.get("ename", ""), evalue=reply.get("evalue", ""))
        history.append(run)
        outcome.steps.append(f"{step}:{'ok' if ok else reply.get('ename')}")
        crashed = None if ok else cell
    if crashed is None:
        outcome.error = f"the last step did not raise ({outcome.steps})"
        return outcome
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
    """Play every scenario on ``KERNELS`` kernels in threads, then diagnose each crash."""
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
    for outcome in outcomes.values():
        if outcome.record is not None:
            outcome.diagnosis = diagnose(ErrorRecord.from_dict(outcome.record)).to_dict()
    return outcomes


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    workdir = tmp_path_factory.mktemp("nbcrash-scenarios")
    return run_all([load(path) for path in ALL], str(workdir))


def test_suite_is_large_enough():
    scenarios = [load(path) for path in ALL]
    positive = [s for s in scenarios if s.expect["root_cause"] == "notebook_specific"]
    assert len(scenarios) >= 30
    assert 10 <= len(positive) <= len(scenarios) - 10  # both sides, so precision means something


@pytest.mark.parametrize("path", list(cases()))
def test_scenario(path, outcomes):
    scenario = load(path)
    outcome = outcomes[scenario.name]
    if outcome.error:
        raise RuntimeError(f"{scenario.name}: {outcome.error}")
    got = outcome.diagnosis
    context = f"{scenario.title}\nsteps {outcome.steps}\ndiagnosis {got}"
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


def test_precision_and_recall_of_notebook_specific(outcomes):
    tp = fp = fn = 0
    for path in ALL:
        scenario = load(path)
        outcome = outcomes[scenario.name]
        predicted = (
            bool(outcome.diagnosis) and outcome.diagnosis["root_cause"] == "notebook_specific"
        )
        actual = scenario.expect["root_cause"] == "notebook_specific"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"\nnotebook_specific over {len(ALL)} scenarios: tp={tp} fp={fp} fn={fn} "
        f"precision={precision:.3f} recall={recall:.3f}"
    )
    assert precision >= 0.95 and recall >= 0.95, (tp, fp, fn)
