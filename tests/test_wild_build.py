"""The wild crash set's build script: notebooks to crash records, selection, and the split.

Synthetic notebooks only (no network, no fetched snapshot); the end-to-end case makes a throw-away
git repository of two notebooks in a temporary directory.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.scan.read import SkipFile

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"wild_{name}", ROOT / "benchmarks/wild" / name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _load("build.py")

REPO = "someone/ml-course"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
TB8 = [
    "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
    "\x1b[0;31mKeyError\x1b[0m                                  Traceback (most recent call last)",
    "Cell \x1b[0;32mIn[3], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m df[\x1b[38;5;124m'Age'\x1b[39m]",
    "\x1b[0;31mKeyError\x1b[0m: 'Age'",
]


def source(path="nb.ipynb") -> build.Source:
    return build.Source(REPO, COMMIT, path, "MIT", build.split_of(REPO))


def code(src, count, outputs=()) -> dict:
    return {
        "cell_type": "code",
        "execution_count": count,
        "metadata": {},
        "outputs": list(outputs),
        "source": src,
    }


def error(ename, evalue, tb=None) -> dict:
    tb = [f"{ename}: {evalue}"] if tb is None else tb
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}


def nb4(cells, language="python") -> bytes:
    meta = {"kernelspec": {"name": "k", "language": language}, "language_info": {"name": language}}
    doc = {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(doc, indent=1).encode("utf-8")


def nb3(cells) -> bytes:
    doc = {"metadata": {"name": ""}, "nbformat": 3, "worksheets": [{"cells": cells}]}
    return json.dumps(doc, indent=1).encode("utf-8")


PANDAS_NB = nb4(
    [
        {"cell_type": "markdown", "metadata": {}, "source": "# Titanic"},
        code("import pandas as pd\ndf = pd.read_csv('t.csv')", 1, [{"output_type": "stream"}]),
        code("df.head()", 2, [{"output_type": "execute_result", "data": {}, "metadata": {}}]),
        code(
            "df['Age']",
            3,
            [
                {"output_type": "stream", "name": "stdout", "text": "x"},
                error("KeyError", "'Age'", TB8),
            ],
        ),
        code("while True: pass", 4, [error("KeyboardInterrupt", "")]),
        code("print(y)", 5, [error("NameError", "name 'y' is not defined")]),
    ]
)


def test_v4_error_outputs_become_records_with_the_notebook_around_them():
    crashes = build.notebook_crashes(PANDAS_NB, source())
    assert [c["ename"] for c in crashes] == ["KeyError", "NameError"]  # no KeyboardInterrupt
    key, name = crashes
    assert key["evalue"] == "'Age'" and key["traceback"] == TB8
    assert key["code"] == "df['Age']" and key["execution_count"] == 3
    assert (key["cell_index"], key["output_index"]) == (3, 1)  # after the stream output
    assert (key["repo"], key["path"], key["commit"]) == (REPO, "nb.ipynb", COMMIT)
    assert key["split"] == build.split_of(REPO)
    cells = key["notebook"]["cells"]
    assert [c["output_types"] for c in cells] == [
        [],
        ["stream"],
        ["execute_result"],
        ["stream", "error"],
        ["error"],
        ["error"],
    ]
    assert [c["execution_count"] for c in cells] == [None, 1, 2, 3, 4, 5]
    assert cells[0]["cell_type"] == "markdown" and key["notebook"]["path"] == "nb.ipynb"
    for crash in crashes:  # the project's own contract accepts every record
        record = ErrorRecord.from_dict(crash)
        assert len(record.notebook.cells) == 6 and record.code == crash["code"]
    assert key["id"] != name["id"] and len({key["id"], name["id"]}) == 2


def test_each_cell_carries_its_saved_error_as_the_scan_sends_it():
    # The notebook analysis must see that cell 5 failed itself ("run cell 5 first" would be
    # wrong), as it does for a saved notebook the scan reads.
    record = ErrorRecord.from_dict(build.notebook_crashes(PANDAS_NB, source())[0])
    errors = {c.index: c.error for c in record.notebook.cells if c.error is not None}
    assert sorted(errors) == [3, 4, 5]
    assert (errors[3].ename, errors[3].evalue, errors[3].traceback) == (
        "KeyError",
        "'Age'",
        tuple(TB8),
    )
    assert errors[4].ename == "KeyboardInterrupt" and errors[5].ename == "NameError"


def test_ids_are_stable_and_name_the_place_not_the_commit():
    first = build.notebook_crashes(PANDAS_NB, source())
    moved = build.Source(REPO, "f" * 40, "nb.ipynb", "MIT", build.split_of(REPO))
    assert [c["id"] for c in build.notebook_crashes(PANDAS_NB, moved)] == [c["id"] for c in first]
    other = build.notebook_crashes(PANDAS_NB, source("other.ipynb"))
    assert {c["id"] for c in other}.isdisjoint(c["id"] for c in first)


def test_v3_notebooks_read_input_prompt_number_and_pyerr():
    data = nb3(
        [
            {"cell_type": "code", "input": "import numpy as np", "prompt_number": 1, "outputs": []},
            {
                "cell_type": "code",
                "input": ["a = np.ones(3)\n", "a[5]"],
                "prompt_number": 7,
                "outputs": [
                    {"output_type": "pyerr", "ename": "IndexError", "evalue": "out of bounds"}
                ],
            },
        ]
    )
    (crash,) = build.notebook_crashes(data, source())
    assert crash["ename"] == "IndexError" and crash["code"] == "a = np.ones(3)\na[5]"
    assert crash["execution_count"] == 7 and (crash["cell_index"], crash["output_index"]) == (1, 0)
    assert [c["output_types"] for c in crash["notebook"]["cells"]] == [[], ["pyerr"]]
    ErrorRecord.from_dict(crash)


def test_broken_json_is_a_skip_with_its_reason():
    broken = PANDAS_NB[: len(PANDAS_NB) // 2]  # truncated: still holds '"ename"'
    assert b'"ename"' in broken
    with pytest.raises(SkipFile) as info:
        build.notebook_crashes(broken, source())
    assert info.value.kind == "invalid_json"


def test_other_languages_and_notebooks_without_ml_imports_give_nothing():
    r_nb = nb4([code("library(dplyr)\nimport pandas", 1, [error("ERROR", "no package")])], "R")
    plain = nb4([code("import os\nprint(x)", 1, [error("NameError", "name 'x' is not defined")])])
    assert build.notebook_crashes(r_nb, source()) == []
    assert build.notebook_crashes(plain, source()) == []
    pylab = nb4(
        [code("%pylab inline\nplot(x)", 1, [error("NameError", "name 'x' is not defined")])]
    )
    assert [c["ename"] for c in build.notebook_crashes(pylab, source())] == ["NameError"]


def test_imported_modules_reads_import_forms():
    cells = [
        {
            "cell_type": "code",
            "source": "import numpy as np, torch.nn as nn\nfrom sklearn import svm",
        },
        {"cell_type": "code", "source": "  from transformers.models import x  # indented\n"},
        {"cell_type": "markdown", "source": "import pandas"},
    ]
    assert build.imported_modules(cells) == {"numpy", "torch", "sklearn", "transformers"}


def test_split_is_deterministic_case_insensitive_and_pinned():
    # Pinned: a change of the rule would move repositories between the study and held-out halves.
    assert build.split_of("mrdbourke/tensorflow-deep-learning") == "study"
    assert build.split_of("mrdbourke/pytorch-deep-learning") == "heldout"
    assert build.split_of("scikit-learn/scikit-learn") == "study"
    assert build.split_of("PyTorch/PyTorch") == build.split_of("pytorch/pytorch") == "heldout"
    names = [f"owner{i}/repo{i}" for i in range(2000)]
    halves = [build.split_of(n) for n in names]
    assert halves == [build.split_of(n) for n in names]
    assert 900 < halves.count("study") < 1100


def crash(repo, path, cell, ename="ValueError", evalue="bad", code="x"):
    return {
        "id": build.crash_id(repo, path, cell, 0),
        "repo": repo,
        "path": path,
        "split": build.split_of(repo),
        "cell_index": cell,
        "output_index": 0,
        "ename": ename,
        "evalue": evalue,
        "traceback": [f"{ename}: {evalue}"],
        "code": code,
    }


def test_select_caps_dedupes_and_excludes():
    many = [crash("a/b", "nb.ipynb", i, evalue=f"v{i}", code=f"c{i}") for i in range(9)]
    many.append(crash("a/b", "nb.ipynb", 9, ename="KeyError", evalue="'k'", code="d['k']"))
    copy = dict(many[0], path="copy.ipynb", id=build.crash_id("a/b", "copy.ipynb", 0, 0))
    dev = crash("c/d", "x.ipynb", 0, ename="NameError", evalue="name 'z' is not defined")
    dev_like = {
        "ename": "nameerror",
        "evalue": dev["evalue"],
        "traceback": ["\x1b[0;31m" + dev["traceback"][0]],
    }
    chosen, dropped = build.select([*many, copy, dev], {build.dedupe_key(dev_like)}, 5, 60)
    mine = [c for c in chosen if c["path"] == "nb.ipynb"]
    assert len(mine) == 5 and "KeyError" in {c["ename"] for c in mine}  # variety first
    assert dropped == {
        "over the notebook cap": 5,
        "duplicate in the set": 1,
        "duplicate of --exclude": 1,
        "over the repository cap": 0,
    }
    capped, dropped = build.select(many, set(), 5, 3)
    assert len(capped) == 3 and dropped["over the repository cap"] == 2
    assert build.select(list(reversed(many)), set(), 5, 3)[0] == capped  # order-independent


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_discover_and_build_from_a_git_snapshot(tmp_path, capsys):
    work = tmp_path / "snapshots" / "someone+ml-course" / "repo"
    work.mkdir(parents=True)
    git(work, "init", "-q")
    (work / "LICENSE").write_text(
        "MIT License\n\nPermission is hereby granted, free of charge, ..."
    )
    (work / "lesson 1.ipynb").write_bytes(PANDAS_NB)
    (work / "clean.ipynb").write_bytes(nb4([code("import numpy", 1)]))
    (work / "broken.ipynb").write_bytes(PANDAS_NB[: len(PANDAS_NB) // 2])
    (work / ".ipynb_checkpoints").mkdir()
    (work / ".ipynb_checkpoints" / "lesson 1-checkpoint.ipynb").write_bytes(PANDAS_NB)
    git(work, "add", "-A")
    git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "notebooks")
    sources, out = tmp_path / "sources.tsv", tmp_path / "out" / "crashes.jsonl"
    snapshots = str(tmp_path / "snapshots")

    assert build.main(["discover", snapshots, REPO, "--sources", str(sources)]) == 0
    rows = build.read_sources(sources)
    assert [(r.repo, r.path, r.licence) for r in rows] == [(REPO, "lesson 1.ipynb", "MIT")]
    assert rows[0].split == build.split_of(REPO) and len(rows[0].commit) == 40
    assert "invalid_json" in capsys.readouterr().out

    assert build.main(["build", snapshots, "--sources", str(sources), "--out", str(out)]) == 0
    crashes = [json.loads(line) for line in out.read_text().splitlines()]
    assert [c["ename"] for c in crashes] == ["KeyError", "NameError"]
    assert crashes == build.notebook_crashes(PANDAS_NB, rows[0])


def test_a_hand_edited_split_is_refused(tmp_path):
    sources = tmp_path / "sources.tsv"
    wrong = "study" if build.split_of(REPO) == "heldout" else "heldout"
    sources.write_text(
        f"repo\tcommit\tpath\tlicence\tsplit\n{REPO}\t{COMMIT}\tnb.ipynb\tMIT\t{wrong}\n"
    )
    with pytest.raises(SystemExit, match=r"sources\.tsv:2: split of"):
        build.read_sources(sources)


def test_stats_reads_records_whose_text_holds_a_unicode_line_separator(tmp_path, capsys):
    stats = _load("stats.py")
    crash = {"id": "x", "repo": REPO, "path": "a.ipynb", "split": "heldout", "ename": "KeyError"}
    crash |= {"evalue": "'Age\u2028\x85'", "traceback": TB8, "code": "df['Age']"}
    path = tmp_path / "crashes.jsonl"
    path.write_text(json.dumps(crash, ensure_ascii=False) + "\n", encoding="utf-8")
    assert stats.main([str(path)]) == 0
    assert "KeyError" in capsys.readouterr().out
