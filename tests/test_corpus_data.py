"""The committed training corpus: complete, labelled with taxonomy ids, in sync with corpus/cases.

These tests read the recorded files only (no torch or tensorflow needed); re-recording is done by
``python corpus/record.py`` in the corpus venv.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"
VERSIONS = REPO / "jupyterlab_nbcrash" / "data" / "corpus_versions.json"
CASES = REPO / "corpus" / "cases"
REQUIRED_LIBRARIES = {
    "pandas",
    "numpy",
    "sklearn",
    "matplotlib",
    "seaborn",
    "torch",
    "tensorflow",
    "none",
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _load_module(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "corpus" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


caseformat = _load_module("caseformat")


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def cases() -> dict:
    return {case.id: case for case in caseformat.load_cases(CASES)}


def test_corpus_is_large_enough_and_sorted(entries):
    assert len(entries) >= 400
    ids = [e["id"] for e in entries]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_every_case_is_recorded_and_vice_versa(entries, cases):
    recorded = {e["id"] for e in entries}
    assert sorted(set(cases) - recorded) == [], "cases without a recording: run corpus/record.py"
    assert sorted(recorded - set(cases)) == [], "recordings without a case file"


def test_recordings_are_current(entries, cases):
    """The recorded code is the case's failing cell and the labels are the case file's."""
    for entry in entries:
        case = cases[entry["id"]]
        assert entry["code"] == case.code, entry["id"]
        for key, value in case.labels.items():
            assert entry[key] == value, (entry["id"], key)
        assert entry["notebook_cause"] == case.notebook_cause, entry["id"]


def test_labels_are_taxonomy_ids(entries):
    for entry in entries:
        for dim in taxonomy.DIMENSIONS:
            assert taxonomy.is_valid(dim, entry[dim]), (entry["id"], dim, entry[dim])
        assert entry["library"] == entry["library"].lower() or entry["library"] == "PIL"
        assert isinstance(entry["ml_bug"], bool), entry["id"]
        notebook = entry["root_cause"] == "notebook_specific"
        assert (entry["notebook_cause"] in taxonomy.NOTEBOOK_CAUSES) == notebook, entry["id"]
        if not notebook:
            assert entry["notebook_cause"] is None, entry["id"]


def test_all_crash_types_stages_and_libraries_are_covered(entries):
    crash_types = Counter(e["crash_type"] for e in entries)
    stages = Counter(e["stage"] for e in entries)
    libraries = {e["library"] for e in entries}
    assert set(crash_types) == set(taxonomy.CRASH_TYPES)
    assert set(stages) == set(taxonomy.STAGES)
    assert libraries >= REQUIRED_LIBRARIES
    # Every type has enough examples to learn from, not a token one.
    assert min(crash_types.values()) >= 8, crash_types.most_common()[-3:]
    assert {e["notebook_cause"] for e in entries} >= set(taxonomy.NOTEBOOK_CAUSES)


def test_tracebacks_are_the_kernels(entries, cases):
    for entry in entries:
        tb = entry["traceback"]
        assert isinstance(tb, list) and tb, entry["id"]
        assert all(isinstance(line, str) for line in tb), entry["id"]
        assert isinstance(entry["ename"], str) and entry["ename"], entry["id"]
        assert isinstance(entry["evalue"], str), entry["id"]
        case = cases[entry["id"]]
        assert entry["ename"] == case.expect, entry["id"]
        if case.match:
            assert re.search(case.match, entry["evalue"]), entry["id"]
        text = "\n".join(tb)
        assert ANSI.search(text), f"{entry['id']}: no ANSI colour codes, not a kernel traceback"
        assert entry["ename"] in ANSI.sub("", tb[-1]) or entry["ename"] in ANSI.sub("", text)


def test_kernel_frame_style(entries):
    """Modern ipykernel frames ('Cell In[N], line M') carry the execution count of the cell."""
    framed = 0
    for entry in entries:
        text = ANSI.sub("", "\n".join(entry["traceback"]))
        counts = {int(n) for n in re.findall(r"Cell In\[(\d+)\]", text)}
        if counts:
            framed += 1
            assert entry["execution_count"] in counts or entry.get("cells"), entry["id"]
    assert framed >= 0.8 * len(entries)


# The recording machine's interpreter under an absolute home folder (IPython and record.py's
# anonymising write those as ~/...); a case's own data paths such as /home/alice/data are fine.
RECORDING_HOMES = re.compile(
    r"(?<![\w~.])/(?:root|home/[\w.-]+)/[^'\"\s]*(?:lib/python|site-packages|\.pyenv|\.venv)"
)
FIXTURES = REPO / "tests" / "fixtures" / "tracebacks"


def test_recordings_carry_no_home_paths_of_the_recording_machine(entries):
    texts = {e["id"]: json.dumps(e) for e in entries}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.json")})
    leaking = sorted(name for name, text in texts.items() if RECORDING_HOMES.search(text))
    assert not leaking, leaking


def test_entries_validate_as_error_records(entries):
    for entry in entries:
        data = dict(entry)
        if "cells" in entry:
            data["notebook"] = {"cells": entry["cells"], "history": entry["history"]}
        record = ErrorRecord.from_dict(data)
        assert record.ename == entry["ename"]
        assert record.code == entry["code"]


def test_notebook_cases_carry_their_context(entries):
    for entry in entries:
        if entry["root_cause"] != "notebook_specific":
            continue
        assert entry.get("cells") and entry.get("history"), entry["id"]
        history = entry["history"]
        assert history[-1]["cell_id"] == entry["cell_id"] and not history[-1]["ok"]
        if entry["notebook_cause"] == "previous_cell_error":
            assert any(not h["ok"] for h in history[:-1]), entry["id"]
        if entry["notebook_cause"] == "out_of_order_execution":
            # Either the cells ran in another order than top-down, or some cell never ran (it
            # sits below the crash, or ran before a kernel restart).
            ran = [h["cell_id"] for h in history]
            in_order = [c["id"] for c in entry["cells"]][: len(ran)]
            never_ran = any(c["execution_count"] is None for c in entry["cells"])
            assert ran != in_order or never_ran, f"{entry['id']}: a plain top-down run"


def test_versions_are_recorded():
    versions = json.loads(VERSIONS.read_text())
    assert versions["python"].count(".") == 2
    for name in ("numpy", "pandas", "sklearn", "matplotlib", "seaborn", "torch", "tensorflow"):
        assert versions.get(name), name


def test_relabel_copies_the_case_labels_without_touching_the_recording(tmp_path, monkeypatch):
    """`record.py --relabel`: a label fixed in a case file reaches the corpus file, nothing else
    changes and no kernel runs (corpus_versions.json is not rewritten)."""
    monkeypatch.syspath_prepend(str(REPO / "corpus"))  # record.py imports its siblings
    record = _load_module("record")
    case_id = "python/value_unpack_not_enough"
    cases_dir = tmp_path / "cases"
    (cases_dir / "python").mkdir(parents=True)
    text = (CASES / f"{case_id}.case").read_text(encoding="utf-8")
    original = re.search(r"^# root_cause: (\w+)$", text, re.M).group(1)
    relabelled = "unknown" if original != "unknown" else "api_misuse"
    (cases_dir / f"{case_id}.case").write_text(
        text.replace(f"# root_cause: {original}", f"# root_cause: {relabelled}"), encoding="utf-8"
    )
    entry = next(json.loads(line) for line in CORPUS.read_text().splitlines() if case_id in line)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    versions = tmp_path / "corpus_versions.json"
    monkeypatch.setattr(record, "CASES", cases_dir)
    monkeypatch.setattr(record, "DATA", tmp_path)
    monkeypatch.setattr(record, "CORPUS", corpus)
    monkeypatch.setattr(record, "VERSIONS", versions)
    assert record.main(["--relabel"]) == 0
    (written,) = [json.loads(line) for line in corpus.read_text().splitlines()]
    assert written == {**entry, "root_cause": relabelled}
    assert not versions.exists()
