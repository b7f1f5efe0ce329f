"""The saved notebook the galata test reopens (ui-tests/tests/notebooks/saved_previous_error.ipynb).

It is a real kernel's work: tests/scenarios/ui/saved_previous_error.scenario played in an ipykernel
(``scenario_kernel.py``) and saved as JupyterLab saves it, with the library paths of its
tracebacks made machine-neutral. These tests check that the file still is what the scenario
gives, and what ``jupyter nbcrash scan`` answers for it: the galata test
(ui-tests/tests/saved.spec.ts) asks the same scan for the same file and expects the panel to
show that answer.

Regenerate the fixture after changing the scenario:

    python tests/test_saved_ui_fixture.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from scenario_kernel import check_expectation, load, run_all
from test_notebook_saved_scenarios import save

from jupyterlab_nbcrash.scan.run import scan

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "tests" / "scenarios" / "ui" / "saved_previous_error.scenario"
FIXTURE = ROOT / "ui-tests" / "tests" / "notebooks" / "saved_previous_error.ipynb"
# A library frame's path as this machine prints it, up to site-packages/.
_SITE = re.compile(r"(?:/|~/)[^\s\x1b'\"]*?/site-packages/")
NEUTRAL_SITE = "~/.venv/lib/python3/site-packages/"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def played(workdir: str) -> dict:
    """The scenario played in a real kernel, as the notebook JupyterLab would save."""
    outcome = run_all([load(SCENARIO)], workdir)[SCENARIO.stem]
    assert outcome.record is not None, outcome.error
    path = Path(workdir) / FIXTURE.name
    save(outcome, path)
    notebook = json.loads(_SITE.sub(NEUTRAL_SITE, path.read_text()))
    # The kernel the UI tests name (ui-tests/tests/helpers.ts, KERNELSPEC): opened without asking.
    notebook["metadata"]["kernelspec"] = KERNELSPEC
    notebook["metadata"]["language_info"] = {"name": "python"}
    return notebook


def _shape(nb: dict) -> list[tuple]:
    """What the scenario decides of a notebook: sources, counts, outputs' types and errors."""
    return [
        (
            c["cell_type"],
            "".join(c["source"]),
            c.get("execution_count"),
            [(o["output_type"], o.get("ename"), o.get("evalue")) for o in c.get("outputs", [])],
        )
        for c in nb["cells"]
    ]


def test_fixture_is_what_a_kernel_saves(tmp_path):
    fixture = json.loads(FIXTURE.read_text())
    assert _shape(fixture) == _shape(played(str(tmp_path)))
    assert fixture["metadata"]["kernelspec"] == KERNELSPEC
    text = FIXTURE.read_text()
    assert "/work/" not in text and "/tmp/" not in text


def test_scan_of_fixture_finds_the_previous_cell_error():
    scenario = load(SCENARIO)
    rows = [r for r in scan([str(FIXTURE)]).crashes() if r["cell_index"] == 2]
    assert len(rows) == 1, rows
    row = rows[0]
    check_expectation(scenario, row, f"scan of {FIXTURE.name}")
    assert row["related_cell"]["index"] == 1
    assert row["related_cell"]["execution_count"] == 2


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as workdir:
        notebook = played(workdir)
    FIXTURE.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {FIXTURE.relative_to(ROOT)}", file=sys.stderr)
    sys.exit(pytest.main([__file__, "-q", "-p", "no:randomly"]))
