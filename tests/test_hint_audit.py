"""The blind hint-audit tool (benchmarks/hint_audit.py): a fixed seed gives a fixed sample that
never repeats graded crashes, sheets hide the version, and the tally counts each version."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "hint_audit", Path(__file__).resolve().parent.parent / "benchmarks" / "hint_audit.py"
)
audit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(audit)


def _crashes(n=40):
    return [
        {
            "id": f"c{i:03d}",
            "split": "heldout" if i % 2 else "study",
            "ename": "KeyError",
            "evalue": f"'col{i}'",
            "traceback": [f"\x1b[31mKeyError\x1b[0m: 'col{i}'"],
            "code": f"df['col{i}']",
        }
        for i in range(n)
    ]


def test_sample_is_fixed_by_the_seed_whatever_the_input_order():
    crashes = _crashes()
    a = audit.draw(crashes, "heldout", 5, seed=7, exclude=set())
    b = audit.draw(list(reversed(crashes)), "heldout", 5, seed=7, exclude=set())
    assert [c["id"] for c in a] == [c["id"] for c in b]
    assert all(c["split"] == "heldout" for c in a)
    assert audit.draw(crashes, "heldout", 5, seed=8, exclude=set()) != a


def test_sample_leaves_out_crashes_graded_before(tmp_path):
    crashes = _crashes()
    (tmp_path / "first.ids").write_text("".join(f"c{i:03d}\n" for i in range(1, 30, 2)))
    exclude = audit.excluded_ids([str(tmp_path)])
    drawn = audit.draw(crashes, "heldout", 100, seed=1, exclude=exclude)
    assert {c["id"] for c in drawn} == {f"c{i:03d}" for i in range(31, 40, 2)}


def test_sheets_are_blind_and_tally_counts_each_version(tmp_path):
    sample = _crashes(6)
    (tmp_path / "s.jsonl").write_text("".join(json.dumps(c) + "\n" for c in sample))
    before = [{"id": c["id"], "crash_type": "key_error", "hint": "old"} for c in sample]
    after = [{"id": c["id"], "crash_type": "key_error", "hint": "old"} for c in sample[:3]]
    after += [{"id": c["id"], "crash_type": "key_error", "hint": "new"} for c in sample[3:]]
    for name, rows in (("v0", before), ("v1", after)):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "sheets"
    args = ["sheets", str(tmp_path / "s.jsonl"), "--graders", "2", "-o", str(out)]
    assert (
        audit.main(
            [*args, "--hints", str(tmp_path / "v0.jsonl"), "--hints", str(tmp_path / "v1.jsonl")]
        )
        == 0
    )
    items = [json.loads(line) for line in (out / "key.jsonl").read_text().splitlines()]
    assert len(items) == 9  # an identical hint is graded once for both versions
    sheets = (out / "sheet-1.md").read_text() + (out / "sheet-2.md").read_text()
    assert "version" not in sheets.lower() and "\x1b" not in sheets
    grade = {"old": "B", "new": "A"}
    (out / "grades-1.tsv").write_text(
        "".join(f"{it['item']}\t{grade[it['hint']]}\tok\n" for it in items)
    )
    result = audit.tally(items, audit.read_grades(out))
    assert result["versions"]["0"]["all"] == {"B": 6}
    assert result["versions"]["1"]["all"] == {"B": 3, "A": 3}


def test_a_grade_outside_the_rubric_is_refused(tmp_path):
    (tmp_path / "grades-1.tsv").write_text("abc\tE\twhat\n")
    with pytest.raises(SystemExit, match="grade must be one of"):
        audit.read_grades(tmp_path)


def test_outline_numbers_cells_as_hints_do_markdown_included():
    # Hints say "run cell 3": the grader must be able to find cell 3 on the page.
    crash = {
        "ename": "NameError",
        "evalue": "name 'df' is not defined",
        "notebook": {
            "cells": [
                {"index": 0, "cell_type": "markdown", "source": "# Title"},
                {
                    "index": 1,
                    "cell_type": "code",
                    "source": "import pandas as pd",
                    "execution_count": 1,
                },
                {"index": 2, "cell_type": "markdown", "source": "Load"},
                {"index": 3, "cell_type": "code", "source": "df = pd.read_csv('a.csv')"},
            ]
        },
    }
    text = audit.render_crash(crash)
    assert "cell 2 [1] import pandas as pd" in text
    assert "cell 4 [] df = pd.read_csv('a.csv')" in text
    assert "# Title" not in text


def test_sample_leaves_out_repeats_of_a_graded_crash():
    crashes = _crashes(6)
    twin = dict(crashes[1], id="twin", split="heldout")  # the same error on the same cell
    sample = audit.draw([*crashes, twin], "heldout", 10, seed=1, exclude={"c001"})
    assert {c["id"] for c in sample} == {"c003", "c005"}


def test_a_hint_graded_several_times_is_wrong_if_any_grader_said_so():
    assert audit._one_grade(["A", "C"]) == "C"
    assert audit._one_grade(["A", "A", "B"]) == "A"
    assert audit._one_grade(["A", "B"]) == "B"


def test_grades_are_carried_to_the_hints_of_the_version_they_were_given(tmp_path):
    crashes = {c["id"]: c for c in _crashes(4)}
    (tmp_path / "a.grades.tsv").write_text("id\tversion\tgrade\nc001\tHEAD\tC\nc003\tHEAD\tA\n")
    graded = audit.carried_grades(crashes, tmp_path)
    assert sorted((i, g) for (i, _), g in graded.items()) == [("c001", ["C"]), ("c003", ["A"])]
    # the hint is the one that version wrote for that crash (it names the missing column)
    assert all(f"col{i[-1]}" in hint for i, hint in graded)


def test_carry_writes_the_graded_crashes_whose_hint_changed_since(tmp_path, monkeypatch, capsys):
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    crashes = _crashes(4)
    path = tmp_path / "crashes.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in crashes))
    fields = {k: crashes[3][k] for k in audit._RECORD_FIELDS if k in crashes[3]}
    today = diagnose(ErrorRecord.from_dict(fields)).to_dict()["hint"]
    # c001 was graded on a hint this version no longer gives; c003 on the one it gives
    graded = {("c001", "an older hint"): ["C"], ("c003", today): ["A"]}
    monkeypatch.setattr(audit, "carried_grades", lambda crashes, audits: graded)
    out = tmp_path / "regrade.jsonl"
    args = ["carry", str(path), "--audits", str(tmp_path), "--ungraded", str(out)]
    assert audit.main(args) == 0
    assert [c["id"] for c in map(json.loads, out.read_text().splitlines())] == ["c001"]
    assert "1 of them a hint graded before (A 1" in capsys.readouterr().out
