"""Saved-notebook scenarios: played in a real kernel, saved as a user saves them, diagnosed from
the file alone.

Each scenario of tests/scenarios/saved/ (format: tests/scenarios/README.md) is executed cell by
cell in a real ipykernel in its scripted order (``scenario_kernel.py``); the notebook is then
written with nbformat as JupyterLab saves it: every code cell with the execution count and the
outputs of its last run, error outputs included. Nothing of the session's history is kept.

The crash (the error output of the cell that raised last) is then diagnosed twice, and both must
give the same answer:

- through ``diagnose``, with the record the frontend sends for an error output restored from a
  saved notebook: the cells with their counts and the error outputs of the other cells, no history
  (docs/ARCHITECTURE.md, "Saved notebooks");
- through ``scan``, reading the file.

``kind=`` in a scenario's expectation names the notebook cause more finely than the taxonomy's two
ids: ``previous_error``, ``out_of_order`` (never run, ran later, changed below, deleted),
``rerun`` or ``restart``; it is checked on the notebook analysis's finding. Precision and recall
of ``notebook_specific`` and the accuracy of the notebook cause are printed by

    python -m pytest tests/test_notebook_saved_scenarios.py -q -s -p no:randomly
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_kernel import Outcome, check_expectation, load, precision_recall, run_all

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.scan.run import scan

SCENARIOS = Path(__file__).parent / "scenarios" / "saved"
ALL = sorted(SCENARIOS.glob("*.scenario"))
COMPARED = ("root_cause", "notebook_cause", "related_cell", "hint", "crash_type")


def save(outcome: Outcome, path: Path) -> None:
    """Write the played notebook as JupyterLab saves it (nbformat 4.5, cell ids, last outputs)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = []
    for cell in outcome.cells:
        if cell["cell_type"] == "code":
            cells.append(
                new_code_cell(
                    cell["source"],
                    id=cell["id"],
                    execution_count=cell["execution_count"],
                    outputs=cell["outputs"],
                )
            )
        else:
            cells.append(new_markdown_cell(cell["source"], id=cell["id"]))
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(nb, str(path))


def frontend_record(path: Path, crash_index: int) -> dict:
    """The body of POST /nbcrash/diagnose for the crash's error output of a reopened notebook:
    no history in this session, so each cell carries its saved error output (if any)."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)  # what JupyterLab's model holds: joined sources
    cells = []
    crash_error = None
    for index, cell in enumerate(nb["cells"]):
        wire = {
            "id": cell["id"],
            "index": index,
            "source": cell["source"] if cell["cell_type"] == "code" else "",
            "execution_count": cell.get("execution_count"),
            "cell_type": cell["cell_type"],
        }
        error = next((o for o in cell.get("outputs", ()) if o["output_type"] == "error"), None)
        if error is not None:
            wire["error"] = {k: error[k] for k in ("ename", "evalue", "traceback")}
            if index == crash_index:
                crash_error = error
        cells.append(wire)
    assert crash_error is not None, f"{path.name}: the crashing cell has no saved error output"
    crash = cells[crash_index]
    return {
        "ename": crash_error["ename"],
        "evalue": crash_error["evalue"],
        "traceback": crash_error["traceback"],
        "code": crash["source"],
        "cell_id": crash["id"],
        "execution_count": crash["execution_count"],
        "cell_index": crash_index,
        "notebook": {"path": path.name, "cells": cells, "history": [], "previous_history": []},
    }


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, dict]:
    """Per scenario: the outcome, the diagnosis of the frontend's record, the scan's crash row
    and the notebook analysis's finding."""
    workdir = tmp_path_factory.mktemp("nbcrash-saved-scenarios")
    folder = tmp_path_factory.mktemp("saved-notebooks")
    outcomes = run_all([load(path) for path in ALL], str(workdir))
    out: dict[str, dict] = {}
    for name, outcome in outcomes.items():
        out[name] = {"outcome": outcome}
        if outcome.record is None:
            continue
        path = folder / f"{name}.ipynb"
        save(outcome, path)
        record = ErrorRecord.from_dict(frontend_record(path, outcome.crash_index))
        out[name]["diagnosis"] = diagnose(record).to_dict()
        out[name]["finding"] = analyse(record, parse(record))
    scanned = scan([str(folder)])
    for row in scanned.crashes():
        name = Path(row["notebook"]).stem
        crash_index = out[name]["outcome"].crash_index
        if row["cell_index"] == crash_index:
            out[name]["scan"] = row
    return out


def cases():
    """One pytest case per scenario; `# known: why` marks a documented miss (strict xfail)."""
    for path in ALL:
        known = load(path).known
        marks = [pytest.mark.xfail(strict=True, reason=known, raises=AssertionError)]
        yield pytest.param(path, id=path.stem, marks=marks if known else [])


def test_suite_is_large_enough():
    scenarios = [load(path) for path in ALL]
    positive = [s for s in scenarios if s.expect["root_cause"] == "notebook_specific"]
    assert len(scenarios) >= 20
    assert 10 <= len(positive) <= len(scenarios) - 10  # both sides, so precision means something
    kinds = {s.expect.get("kind") for s in positive}
    assert kinds == {"previous_error", "out_of_order", "rerun", "restart"}


@pytest.mark.parametrize("path", list(cases()))
def test_saved_scenario(path, results):
    scenario = load(path)
    result = results[scenario.name]
    outcome = result["outcome"]
    if outcome.error:
        raise RuntimeError(f"{scenario.name}: {outcome.error}")
    got = result["diagnosis"]
    context = f"{scenario.title}\nsteps {outcome.steps}\ndiagnosis {got}"
    check_expectation(scenario, got, context)
    # The scan of the file answers as the frontend's record does.
    row = result.get("scan")
    assert row is not None, f"{context}\nthe scan found no crash in cell {outcome.crash_index}"
    assert {k: row[k] for k in COMPARED} == {k: got[k] for k in COMPARED}, context
    if "kind" in scenario.expect:
        assert getattr(result["finding"], "kind", None) == scenario.expect["kind"], context
    if got["notebook_cause"]:
        # Honest about what counts can show: the evidence names counts ("[3]").
        assert any("[" in line for line in got["evidence"]), context


def right_cause(scenario, got: dict, finding, fine: bool = True) -> bool:
    """The notebook cause as the scenario names it: the id and the cell, and (``fine``) the
    finer kind."""
    if got.get("notebook_cause") != scenario.expect.get("notebook_cause"):
        return False
    related = got.get("related_cell") or {}
    if "cell" in scenario.expect and related.get("index") != int(scenario.expect["cell"]) - 1:
        return False
    return not fine or getattr(finding, "kind", None) == scenario.expect.get("kind")


def test_precision_recall_and_cause_accuracy(results):
    pairs, causes, coarse = [], [], []
    for path in ALL:
        scenario = load(path)
        result = results[scenario.name]
        row = result.get("scan") or {}
        actual = scenario.expect["root_cause"] == "notebook_specific"
        pairs.append((row.get("root_cause") == "notebook_specific", actual))
        if actual:
            causes.append(right_cause(scenario, row, result.get("finding")))
            coarse.append(right_cause(scenario, row, None, fine=False))
    tp, fp, fn, precision, recall = precision_recall(pairs)
    accuracy = sum(causes) / len(causes) if causes else 0.0
    print(
        f"\nsaved notebooks, {len(ALL)} scenarios through scan: notebook_specific tp={tp} fp={fp} "
        f"fn={fn} precision={precision:.3f} recall={recall:.3f}; notebook cause right "
        f"{sum(causes)}/{len(causes)} = {accuracy:.3f} (id and cell alone: "
        f"{sum(coarse)}/{len(coarse)})"
    )
    assert precision >= 0.95 and recall >= 0.95 and accuracy >= 0.95, (tp, fp, fn, accuracy)
