"""Hints whose claim was false on crashes nobody tuned on (NameError, a missing module and the
notebook analysis's "run cell N first"): an install whose own cell failed on the same import, a
note of non-Latin words joined by a dash, probability notation, a line the crashing cell itself
commented out, a value called as a function, `z = z + y` beside `z = x + y`, a definer that needs
a cell that did not run either, two cells that each need the other, and a commented-out line
beside its live twin.

Each condition is paired: a crash where the new hint must speak, and one where it must not.
Crashes and notebooks are written here by hand in Python's wording and IPython's layout, never
copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord


def _traceback(ename: str, message: str, line: str, count: int) -> list[str]:
    return [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[{count}], line 1\n----> 1 {line}\n",
        f"{ename}: {message}",
    ]


def _hint(ename, message, line, cells, crash, count=None, code=None, history=None, traceback=None):
    """The hint of a crash of the notebook ``cells`` (source, execution count, saved error as
    (ename, evalue), (ename, evalue, its traceback's lines) or None), the crash being cell
    ``crash``, its failing line ``line`` (or the lines of ``traceback``, when given)."""
    tb = traceback or _traceback(ename, message, line, count or 1)
    notebook = []
    for i, (source, ran, error) in enumerate(cells):
        cell = {"id": str(i), "source": source, "execution_count": ran}
        if i == crash:
            error = (ename, message)
        if error:
            lines = list(error[2]) if len(error) > 2 else []
            cell["error"] = {"ename": error[0], "evalue": error[1], "traceback": lines}
        notebook.append(cell)
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": tb,
        "code": cells[crash][0] if code is None else code,
        "cell_id": str(crash),
        "execution_count": count,
        "notebook": {"cells": notebook, **({"history": history} if history else {})},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


# ------------------------------------------------------------ an install whose cell failed on it

NO_FEM = "No module named 'femtool'"
INSTALL = "!pip install -q femtool==0.8.0\nimport femtool\nmesh = femtool.box(8)"


def test_an_install_whose_own_import_failed_the_same_way_is_not_sent_again():
    cells = [
        (INSTALL, 7, ("ModuleNotFoundError", NO_FEM)),
        ("import femtool\nmesh = femtool.box(16)", None, None),
    ]
    text = _hint("ModuleNotFoundError", NO_FEM, "import femtool", cells, 1)
    assert "failed the same way" in text and "will not help" in text, text
    assert "run it before this import" not in text, text


def test_an_install_that_ran_without_error_keeps_its_hint():
    cells = [(INSTALL, 7, None), ("import femtool\nmesh = femtool.box(16)", None, None)]
    text = _hint("ModuleNotFoundError", NO_FEM, "import femtool", cells, 1)
    assert "failed the same way" not in text and "installs `femtool`" in text, text


def test_a_live_install_whose_run_failed_on_the_import_is_not_sent_again():
    cells = [(INSTALL, 3, None), ("import femtool", 4, None)]
    history = [
        {"cell_id": "0", "execution_count": 3, "ok": False}
        | {"ename": "ModuleNotFoundError", "evalue": NO_FEM},
        {"cell_id": "1", "execution_count": 4, "ok": False}
        | {"ename": "ModuleNotFoundError", "evalue": NO_FEM},
    ]
    text = _hint("ModuleNotFoundError", NO_FEM, "import femtool", cells, 1, 4, history=history)
    assert "failed the same way" in text, text


# ------------------------------------------------------------ a note of words joined by a dash


def test_words_of_a_non_latin_script_joined_by_a_dash_read_as_a_note():
    line = "데이터 - 전처리과정"
    cells = [("import pandas as pd", 1, None), (line, 2, None)]
    text = _hint("NameError", "name '데이터' is not defined", line, cells, 1, 2)
    assert "comment" in text and "Markdown" in text and "assign it first" in text, text


def test_a_non_latin_name_in_code_is_no_note():
    line = "결과 - offset"
    cells = [("offset = 3", 1, None), (line, 2, None)]
    text = _hint("NameError", "name '결과' is not defined", line, cells, 1, 2)
    assert "Markdown" not in text, text


# ------------------------------------------------------------ probability notation


def test_probability_notation_is_no_call():
    line = "P(rain|clouds, wind)"
    cells = [("x = 1", 1, None), (f"rain = 0.3\n{line}", 2, None)]
    text = _hint("NameError", "name 'P' is not defined", line, cells, 1, 2)
    assert "probability notation" in text and "Markdown" in text, text


def test_a_one_letter_function_without_a_bar_is_to_define():
    line = "P(rain, clouds)"
    cells = [("x = 1", 1, None), (f"rain = 0.3\n{line}", 2, None)]
    text = _hint("NameError", "name 'P' is not defined", line, cells, 1, 2)
    assert "probability" not in text, text


# ------------------------------------------------------------ a line this cell commented out

COLUMN_CELL = "import pandas as pd\ndf = pd.read_csv('birds.csv')\ndf['colony'].unique()"
ASKS = "# colony = input('colony: ')\ncode = colony.lower()"


def test_a_definition_this_cell_commented_out_beats_a_column_of_that_name():
    cells = [(COLUMN_CELL, 1, None), (ASKS, 2, None)]
    text = _hint("NameError", "name 'colony' is not defined", "code = colony.lower()", cells, 1, 2)
    assert "commented out in this cell" in text and "df['colony']" not in text, text


def test_a_column_name_without_a_commented_definition_keeps_the_column_reading():
    cells = [(COLUMN_CELL, 1, None), ("code = colony.lower()", 2, None)]
    text = _hint("NameError", "name 'colony' is not defined", "code = colony.lower()", cells, 1, 2)
    assert "df['colony']" in text, text


# ------------------------------------------------------------ the cells that define the name


def _picked(frame_count: int) -> list:
    """`picked` is set in cell 4 [10] from `frame`, which cell 2 sets at ``frame_count``."""
    return [
        ("import pandas as pd", 1, None),
        ("frame = pd.read_csv('runs.csv')", frame_count, None),
        ("picked['speed']", 3 if frame_count < 3 else 2, None),
        ("picked = frame[frame['ok']]", 10, None),
    ]


def _skipped(feats: str) -> list:
    """Cells 2 and 3 were skipped: `feats = {feats}`, then `X_t` from `feats`."""
    return [
        ("import numpy as np", 1, None),
        (f"feats = {feats}", None, None),
        ("X_t = feats[:10]", None, None),
        ("K = np.dot(X_t, X_t.T)", 2, None),
    ]


# name: (cells (source, count, saved error), crash cell, its count, failing line, must, must not)
DEFINERS = {
    "a name called that the cells set to a tuple is not run first": (
        [
            ("import pandas as pd\na = pd.DataFrame()\nb = pd.DataFrame()", 1, None),
            ("joined(a, b)", 2, None),
            ("joined = (a, b)", 3, None),
        ],
        1,
        2,
        "joined(a, b)",
        ["cannot be called", "a tuple"],
        "Run cell",
    ),
    "a name called that a cell makes with a call is still run first": (
        [
            ("import functools\na, b = 1, 2", 1, None),
            ("joined(a, b)", 2, None),
            ("joined = functools.partial(max, 0)", 3, None),
        ],
        1,
        2,
        "joined(a, b)",
        ["Run cell 3 first"],
        "cannot be called",
    ),
    "a line built on itself beside its retyped twin gets both readings": (
        [("x = 'ab'\ny = 'cd'", 1, None), ("z = z + y", 2, None), ("z = x + y", 3, None)],
        1,
        2,
        "z = z + y",
        ["if `x` is meant", "run cell 3 first"],
        "Run cell",
    ),
    "a line built on itself with an unlike definer is still run first": (
        [("x = 'ab'\ny = 'cd'", 1, None), ("z = z + y", 2, None), ("z = ''", 3, None)],
        1,
        2,
        "z = z + y",
        ["Run cell 3 first"],
        "is meant",
    ),
    "a definer run later that needs a cell run later is not run alone": (
        _picked(9),
        2,
        2,
        "picked['speed']",
        ["not cell 4 alone", "`frame`", "cell 2 before cell 4"],
        "Run cell",
    ),
    "a definer run later whose inputs ran before is run first": (
        _picked(2),
        2,
        3,
        "picked['speed']",
        ["Run cell 4 first"],
        "alone",
    ),
    "two skipped cells that each need the other cannot run first": (
        _skipped("np.square(X_t)"),
        3,
        2,
        "K = np.dot(X_t, X_t.T)",
        ["neither can run first"],
        "Run All Above",
    ),
    "a skipped cell above without a cycle keeps Run All Above": (
        _skipped("np.square(np.arange(4))"),
        3,
        2,
        "K = np.dot(X_t, X_t.T)",
        ["Run All Above"],
        "neither",
    ),
}


@pytest.mark.parametrize("case", DEFINERS, ids=list(DEFINERS))
def test_the_cells_that_define_the_name_decide_the_hint(case):
    cells, crash, count, line, must, must_not = DEFINERS[case]
    name = next(n for n in ("joined", "z", "picked", "X_t") if n in line)
    text = _hint("NameError", f"name '{name}' is not defined", line, cells, crash, count)
    assert all(words in text for words in must), text
    assert must_not not in text, text


# ------------------------------------------------------------ a commented line beside its twin

SPLIT = "fit_x = fit.drop(['id', 'label'], axis=1)\n"


def test_a_commented_definition_beside_its_live_twin_gets_both_readings():
    cells = [
        ("import pandas as pd\nfit = pd.read_csv('a.csv')\nheld = pd.read_csv('b.csv')", 1, None),
        (SPLIT + "#held_x = held.drop(['id', 'label'], axis=1)", 2, None),
        ("held_x.head()", 3, None),
    ]
    text = _hint("NameError", "name 'held_x' is not defined", "held_x.head()", cells, 2, 3)
    assert "unlike the same line for `fit_x`" in text and "if that line fails" in text, text


def test_a_commented_definition_alone_is_uncommented():
    cells = [
        ("import pandas as pd\nheld = pd.read_csv('b.csv')", 1, None),
        ("#held_x = held.drop(['id', 'label'], axis=1)", 2, None),
        ("held_x.head()", 3, None),
    ]
    text = _hint("NameError", "name 'held_x' is not defined", "held_x.head()", cells, 2, 3)
    assert "remove the `#` and run it." in text and "unlike" not in text, text
