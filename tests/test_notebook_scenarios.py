"""Scenario suite: small notebooks run cell by cell in a real ipykernel, in a scripted order.

Each scenario (tests/scenarios/*.scenario, format in tests/scenarios/README.md) is executed with
jupyter_client — skips, re-runs, restarts and failing cells included — while the notebook context
is recorded the way the frontend records it: cell ids and positions, execution counts, and the
execution history of the current and the previous kernel session. The error of the last step is
then diagnosed with the full ``diagnose`` and checked against the scenario's expectation.
How the kernels play the scenarios: ``scenario_kernel.py``. The same notebooks saved to a file and
diagnosed from it alone: ``test_notebook_saved_scenarios.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_kernel import Outcome, check_expectation, load, precision_recall, run_all

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SCENARIOS = Path(__file__).parent / "scenarios"
ALL = sorted(SCENARIOS.glob("*.scenario"))


def cases():
    """One pytest case per scenario; `# known: why` marks a documented miss (strict xfail)."""
    for path in ALL:
        known = load(path).known
        # raises=AssertionError: a scenario that could not even run still fails the suite
        marks = [pytest.mark.xfail(strict=True, reason=known, raises=AssertionError)]
        yield pytest.param(path, id=path.stem, marks=marks if known else [])


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, Outcome]:
    workdir = tmp_path_factory.mktemp("nbcrash-scenarios")
    outcomes = run_all([load(path) for path in ALL], str(workdir))
    for outcome in outcomes.values():
        if outcome.record is not None:
            outcome.diagnosis = diagnose(ErrorRecord.from_dict(outcome.record)).to_dict()
    return outcomes


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
    context = f"{scenario.title}\nsteps {outcome.steps}\ndiagnosis {outcome.diagnosis}"
    check_expectation(scenario, outcome.diagnosis, context)


def test_precision_and_recall_of_notebook_specific(outcomes):
    pairs = []
    for path in ALL:
        scenario = load(path)
        outcome = outcomes[scenario.name]
        predicted = (
            bool(outcome.diagnosis) and outcome.diagnosis["root_cause"] == "notebook_specific"
        )
        pairs.append((predicted, scenario.expect["root_cause"] == "notebook_specific"))
    tp, fp, fn, precision, recall = precision_recall(pairs)
    print(
        f"\nnotebook_specific over {len(ALL)} scenarios: tp={tp} fp={fp} fn={fn} "
        f"precision={precision:.3f} recall={recall:.3f}"
    )
    assert precision >= 0.95 and recall >= 0.95, (tp, fp, fn)
