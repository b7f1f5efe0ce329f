"""The scan end to end with a stand-in diagnose: hand-counted summary of the fixture tree, every
output format parsed back, and the same result from one process, a pool and a Dask cluster.

The stand-in keeps these numbers independent of the trained model; test_scan_cli.py runs the real
``diagnose``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from jupyterlab_nbcrash.diagnosis.record import Diagnosis
from jupyterlab_nbcrash.scan.report import render
from jupyterlab_nbcrash.scan.result import ScanResult
from jupyterlab_nbcrash.scan.run import ScanError, scan

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "scan"))
from scan_fixture_tree import build, tree_fixture  # noqa: F401 (a fixture)

# ename -> (crash_type, root_cause, stage, library, ml_bug)
STAND_IN = {
    "NameError": ("variable_not_found", "implementation_error", "data_preparation", "none", False),
    "KeyError": ("key_error", "data_confusion", "data_preparation", "pandas", True),
    "ModuleNotFoundError": (
        "module_not_found",
        "environment_setting",
        "environment_setup",
        "none",
        False,
    ),
    "ValueError": ("value_error", "data_confusion", "training", "sklearn", True),
}


def stand_in(record, model=None) -> Diagnosis:
    """Labels by exception name; fails on StandInFailure, like a broken model would."""
    if record.ename not in STAND_IN:
        raise RuntimeError(f"no label for {record.ename}")
    crash_type, root_cause, stage, library, ml_bug = STAND_IN[record.ename]
    return Diagnosis(
        crash_type=crash_type,
        root_cause=root_cause,
        stage=stage,
        library=library,
        ml_bug=ml_bug,
        confidence={"crash_type": 0.75, "root_cause": 0.5, "stage": 0.25, "library": 1.0},
        hint=f"hint for {record.ename} in cell {record.cell_id} "
        f"({len(record.notebook.cells)} cells)",
        evidence=[f"code: {record.code}"],
    )


def comparable(result: ScanResult) -> dict:
    """The result without what differs between runs (time, backend)."""
    data = result.to_dict()
    data["meta"] = {k: v for k, v in data["meta"].items() if k not in ("created", "run")}
    return data


@pytest.fixture(scope="module")
def tree_scan(tree):
    result = scan([str(tree)], diagnose=stand_in)
    yield result
    result.close()


def test_summary_matches_hand_counts(tree_scan):
    s = tree_scan.summary
    # 11 .ipynb files (the checkpoint copy and notes.txt are not among them): 6 read, 5 skipped.
    assert (s["files"], s["notebooks_read"], s["files_skipped"]) == (11, 6, 5)
    assert s["skipped"] == {"not_notebook": 2, "empty": 1, "invalid_json": 1, "nbformat": 1}
    # crashes.ipynb 2, old_v3 1, minified 1, escape 1, broken_diag 1 (the stand-in fails there)
    assert (s["crashes"], s["diagnosed"], s["undiagnosed"], s["notebooks_with_crashes"]) == (
        6,
        5,
        1,
        5,
    )
    assert s["notebooks_parsed"] == 5  # clean.ipynb has no error output: not parsed
    assert s["crash_type"] == {
        "value_error": 2,
        "key_error": 1,
        "module_not_found": 1,
        "variable_not_found": 1,
    }
    assert s["root_cause"] == {
        "data_confusion": 3,
        "environment_setting": 1,
        "implementation_error": 1,
    }
    assert s["stage"] == {"data_preparation": 2, "training": 2, "environment_setup": 1}
    assert s["library"] == {"none": 2, "sklearn": 2, "pandas": 1}
    assert s["notebook_cause"] == {}
    assert s["ml_bug"] == {"ml": 3, "python": 2}
    assert s["ename"] == {
        "ValueError": 2,
        "KeyError": 1,
        "ModuleNotFoundError": 1,
        "NameError": 1,
        "StandInFailure": 1,
    }
    assert s["crashes_per_notebook"] == {
        "notebooks": 5,
        "mean": 1.2,
        "median": 1.0,
        "max": 2,
        "histogram": {"1": 4, "2": 1, "3": 0, "4-5": 0, "6-10": 0, "11+": 0},
    }
    # crashes.ipynb runs 3, 2, 4 (a drop and a jump); minified 1, never, 5 (a jump, a cell skipped)
    assert s["execution_order"] == {
        "analysed": 5,
        "out_of_order": 1,
        "gaps": 2,
        "never_run": 1,
        "with_crashes": {"out_of_order": 1, "gaps": 2, "never_run": 1},
    }


def test_crash_rows(tree_scan, tree):
    rows = {(os.path.relpath(c["notebook"], tree), c["cell_index"]): c for c in tree_scan.crashes()}
    assert sorted(rows) == [
        ("broken_diag.ipynb", 0),
        ("crashes.ipynb", 1),
        ("crashes.ipynb", 3),
        ("old_v3.ipynb", 2),
        ("sub/escape.ipynb", 0),
        ("sub/minified.ipynb", 2),
    ]
    name_error = rows[("crashes.ipynb", 1)]
    assert name_error["execution_count"] == 3 and name_error["cell_id"] == "cell-1"
    assert name_error["evalue"] == "name 'total' is not defined"
    assert name_error["confidence"]["crash_type"] == 0.75
    # the record carried the failing cell's code and the whole notebook (4 cells)
    assert name_error["hint"] == "hint for NameError in cell cell-1 (4 cells)"
    assert name_error["evidence"] == ["code: print(total)"]
    assert rows[("old_v3.ipynb", 2)]["execution_count"] == 2  # nbformat 3 prompt_number
    failed = rows[("broken_diag.ipynb", 0)]
    assert failed["crash_type"] is None
    assert failed["error"] == "diagnosis failed: RuntimeError: no label for StandInFailure"


def test_notebook_rows_and_skipped_reasons(tree_scan, tree):
    notebooks = {os.path.relpath(n["path"], tree): n for n in tree_scan.notebooks()}
    assert sorted(notebooks) == [
        "broken_diag.ipynb",
        "crashes.ipynb",
        "old_v3.ipynb",
        "sub/escape.ipynb",
        "sub/minified.ipynb",
    ]
    assert notebooks["crashes.ipynb"]["saved_order"]["decreasing_cells"] == [2]
    assert notebooks["old_v3.ipynb"]["nbformat"] == 3
    reasons = {os.path.relpath(e["path"], tree): e["reason"] for e in tree_scan.skipped}
    assert reasons["bad/nbformat2.ipynb"] == "nbformat 2 is not supported (only 3 and 4)"
    assert reasons["bad/empty.ipynb"] == "empty file"
    assert reasons["bad/truncated.ipynb"].startswith("invalid JSON: Unterminated string")


def test_parse_all_analyses_every_notebook(tree):
    result = scan([str(tree)], diagnose=stand_in, parse_all=True)
    s = result.summary
    assert (s["notebooks_parsed"], s["execution_order"]["analysed"]) == (6, 6)
    assert s["crashes"] == 6 and result.meta["parse_all"] is True


def odd_tree(root: Path) -> Path:
    """The fixture tree plus files awkward to commit: binary, latin-1, huge output, loops."""
    build(root / "tree")
    odd = root / "tree" / "odd"
    odd.mkdir()
    (odd / "image.ipynb").write_bytes(bytes(range(256)) * 64)
    (odd / "latin1.ipynb").write_bytes(
        '{"cells": [{"cell_type": "code", "source": "café", "outputs": [{"output_type": "error", '
        '"ename": "X", "evalue": "", "traceback": []}]}]}'.encode("latin-1")
    )
    huge = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "source": "def f(): f()\nf()",
                "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": "y" * 3_000_000},
                    {
                        "output_type": "error",
                        "ename": "KeyError",
                        "evalue": "'k'",
                        "traceback": [f"frame {i}" for i in range(30_000)],
                    },
                ],
            }
        ],
        "nbformat": 4,
        "nbformat_minor": 4,
    }
    (odd / "huge.ipynb").write_text(json.dumps(huge))
    os.symlink("..", odd / "loop")
    os.symlink("../crashes.ipynb", odd / "same.ipynb")
    return root / "tree"


def test_odd_files_never_stop_the_scan(tmp_path):
    result = scan([str(odd_tree(tmp_path))], diagnose=stand_in)
    s = result.summary
    assert (s["notebooks_read"], s["crashes"]) == (7, 7)  # huge.ipynb adds one KeyError
    kinds = {os.path.relpath(e["path"], tmp_path / "tree"): e["kind"] for e in result.skipped}
    assert {k: v for k, v in kinds.items() if k.startswith("odd")} == {
        "odd/image.ipynb": "binary",
        "odd/latin1.ipynb": "encoding",
        "odd/loop": "symlink_loop",
        "odd/same.ipynb": "duplicate",
    }
    assert s["files_skipped"] == 9 and s["files"] == 16


def test_jobs_give_the_same_result_as_one_process(tmp_path):
    tree = odd_tree(tmp_path)
    for i in range(70):  # more files than one chunk, so the pool is really used
        shutil.copy(tree / "crashes.ipynb", tree / f"copy{i:02d}.ipynb")
    one = scan([str(tree)], diagnose=stand_in, jobs=1)
    two = scan([str(tree)], diagnose=stand_in, jobs=2)
    assert two.meta["run"]["backend"] == "processes"
    assert comparable(one) == comparable(two)
    assert one.summary["crashes"] == 7 + 140


# --- formats -------------------------------------------------------------------------------------


def rendered(result: ScanResult, fmt: str) -> str:
    out = io.StringIO()
    render(result, fmt, out)
    return out.getvalue()


def test_json_round_trip(tree_scan):
    text = rendered(tree_scan, "json")
    data = json.loads(text)
    assert data == tree_scan.to_dict()
    again = ScanResult.from_dict(data)
    assert rendered(again, "json") == text
    for fmt in ("table", "csv", "html"):
        assert rendered(again, fmt) == rendered(tree_scan, fmt)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("format"), "not a saved nbcrash scan"),
        (lambda d: d.update(version=99), "unsupported scan format version 99"),
        (lambda d: d["summary"].pop("crashes"), "summary.crashes must be int"),
        (lambda d: d["summary"]["ml_bug"].pop("ml"), "summary.ml_bug.ml must be int"),
        (lambda d: d["crashes"][0].pop("notebook"), "crashes[0].notebook must be str"),
        (lambda d: d.update(crashes={}), "'crashes' must be a list"),
    ],
)
def test_bad_saved_scans_are_rejected(tree_scan, mutate, message):
    data = json.loads(rendered(tree_scan, "json"))
    mutate(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        ScanResult.from_dict(data)


def test_csv_parses_back_to_the_crash_rows(tree_scan):
    rows = list(csv.DictReader(io.StringIO(rendered(tree_scan, "csv"))))
    crashes = list(tree_scan.crashes())
    assert len(rows) == len(crashes) == 6
    for row, crash in zip(rows, crashes, strict=True):
        assert row["notebook"] == crash["notebook"]
        assert int(row["cell_index"]) == crash["cell_index"]
        assert row["evalue"] == crash["evalue"]
        assert row["crash_type"] == (crash["crash_type"] or "")
        assert row["ml_bug"] == ("" if crash["ml_bug"] is None else str(crash["ml_bug"]).lower())
        assert row["confidence"] == ("0.75" if crash["crash_type"] else "")
    escape = next(r for r in rows if r["notebook"].endswith("escape.ipynb"))
    assert escape["evalue"] == "<script>alert(\"x\")</script> & 'q' </td></tr>"


class PageParser(HTMLParser):
    """Collects the tables' cells, the script tags and anything that could fetch a resource."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.table = None
        self.cell = None
        self.scripts = 0
        self.fetching = []
        self.svgs = 0
        self.rows_data: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
            if "src" in attrs:
                self.fetching.append(attrs["src"])
        for key in ("src", "href"):
            if tag != "script" and key in attrs:
                self.fetching.append(attrs[key])
        if tag == "svg":
            self.svgs += 1
        if tag == "table":
            self.table = attrs.get("id") or f"table{len(self.tables)}"
            self.tables[self.table] = []
        elif tag == "tr" and self.table:
            self.tables[self.table].append([])
            if self.table == "crashes":
                self.rows_data.append(attrs)
        elif tag in ("td", "th") and self.table:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[self.table][-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_html_is_self_contained_and_escapes_notebook_text(tree_scan, tree):
    page = rendered(tree_scan, "html")
    parser = PageParser()
    parser.feed(page)
    assert parser.scripts == 1  # ours; the <script> in an error message stayed text
    assert parser.fetching == []  # nothing loads from anywhere
    assert "default-src 'none'" in page
    assert parser.svgs == 6  # crash type, root cause, stage, library, exception, per notebook
    header, *rows = parser.tables["crashes"]
    assert header[:5] == ["Notebook", "Cell", "Exec", "Exception", "Message"]
    assert len(rows) == 6
    by_path = {os.path.relpath(r[0], tree): r for r in rows}
    escape = by_path["sub/escape.ipynb"]
    assert escape[4] == "<script>alert(\"x\")</script> & 'q' </td></tr>"
    assert escape[5] == "Value error" and escape[9] == "scikit-learn" and escape[11] == "0.75"
    assert "diagnosis failed" in by_path["broken_diag.ipynb"][12]
    # the filter keys are the ids
    assert {r.get("data-crash_type") for r in parser.rows_data[1:]} == {
        "value_error",
        "key_error",
        "module_not_found",
        "variable_not_found",
        "",
    }
    skipped = parser.tables["skipped"][1:]
    assert len(skipped) == 5 and {r[1] for r in skipped} >= {"empty", "nbformat"}
    [ooo] = parser.tables["out-of-order"][1:]
    assert ooo[0].endswith("crashes.ipynb") and ooo[1] == "2"


def test_html_chart_numbers(tree_scan):
    page = rendered(tree_scan, "html")
    # 2 of 5 diagnosed crashes, next to the study's share of value errors
    assert "<title>Value error: 2 (40.0%) (study 5.8%)</title>" in page
    assert "<title>ValueError: 2 (33.3%)</title>" in page  # 2 of 6 crashes; no study share
    assert "<title>1 crash: 4 (80.0%)</title>" in page


def test_table_is_readable(tree_scan):
    text = rendered(tree_scan, "table")
    assert "6 notebooks read, 6 crashes found in 5 notebooks, 5 files skipped" in text
    assert "Crash type (n = 5)" in text
    assert "  Value error                              2  40.0%    5.8%  ████" in text
    assert "  ML bugs              3 (60.0%; study 68%)" in text
    assert "      ↳ hint for NameError in cell cell-1 (4 cells)" in text
    assert "NameError: name 'total' is not defined" in text
    assert "Notebooks with out-of-order execution counts" in text
    assert "bad/nbformat2.ipynb: nbformat 2 is not supported" in text
    assert max(len(line) for line in text.splitlines()) <= 200


# --- Dask ----------------------------------------------------------------------------------------


def test_dask_cluster_gives_exactly_the_local_result(tmp_path):
    import distributed  # a test dependency (jupyterlab_nbcrash[dask])

    tree = odd_tree(tmp_path)
    for i in range(40):
        shutil.copy(tree / "crashes.ipynb", tree / f"copy{i:02d}.ipynb")
    local = scan([str(tree)], diagnose=stand_in)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        remote = scan([str(tree)], diagnose=stand_in, dask=cluster.scheduler_address)
    assert remote.meta["run"]["backend"] == "dask"
    assert remote.meta["run"]["scheduler"] == cluster.scheduler_address
    assert comparable(remote) == comparable(local)
    assert remote.summary["crashes"] == 7 + 80


def test_unreachable_scheduler_is_a_scan_error(tree):
    with pytest.raises(ScanError, match="cannot connect to the Dask scheduler"):
        scan([str(tree)], diagnose=stand_in, dask="tcp://127.0.0.1:1", dask_timeout=1)


def test_notebooks_with_the_most_crashes(tree_scan):
    text = rendered(tree_scan, "table")
    section = text.split("Notebooks with the most crashes\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in section] == ["2", "1", "1", "1", "1"]
    assert section[0].endswith("crashes.ipynb")
    parser = PageParser()
    parser.feed(rendered(tree_scan, "html"))
    rows = parser.tables["top-notebooks"][1:]
    assert [r[1] for r in rows] == ["2", "1", "1", "1", "1"]
    assert rows[0][0].endswith("crashes.ipynb")
