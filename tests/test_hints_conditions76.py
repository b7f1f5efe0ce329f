"""Undefined names and missing modules told specifically where the notebook allows one reading
(wave 14d): PyTorch's unset `device`, a library name typed with one slip, a submodule named
after a class, a well-known package hedged as a project's file, a name whose counterpart the
code just above assigns, a notebook's own function imported as a module, and the helper files
of torchvision's detection references.

Each condition is paired: a crash where the specific hint must speak, and one where the generic
hint stays. Cells and messages are written here by hand in Python's wording and IPython's
layout, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions32 import _hint as notebook_hint


def _not_defined(name: str) -> str:
    return f"name '{name}' is not defined"


def _name_error(name: str, cells: list[tuple[str, int | None, None]], line: str) -> str:
    crash = len(cells) - 1
    count = cells[crash][1]
    return notebook_hint("NameError", _not_defined(name), line, cells, crash, count)


def _no_module(module: str, cells: list[tuple[str, int | None, None]], line: str) -> str:
    message = f"No module named '{module}'"
    crash = len(cells) - 1
    count = cells[crash][1]
    return notebook_hint("ModuleNotFoundError", message, line, cells, crash, count)


# ------------------------------------------- 3. a counterpart assigned just above the failing line


def test_a_name_read_below_its_longer_counterpart_suggests_that_one():
    code = "counts_dict = {'a': 1, 'b': 2}\nplt.bar(counts.keys(), counts.values())"
    line = "plt.bar(counts.keys(), counts.values())"
    text = _name_error(
        "counts", [("import matplotlib.pyplot as plt", 1, None), (code, 2, None)], line
    )
    assert "assigns `counts_dict`: did you mean `counts_dict`?" in text, text


def test_an_abbreviated_counterpart_suggests_the_assigned_name():
    code = "val_scores = model.predict(X_valid)\nprint(mean(valid_scores))"
    line = "print(mean(valid_scores))"
    text = _name_error("valid_scores", [("model = fit(X)", 1, None), (code, 2, None)], line)
    assert "did you mean `val_scores`?" in text, text


def test_a_one_word_name_run_into_another_is_no_abbreviation():
    # `print(bestk)` and the next line's `fold, rest = ...` pasted together: not `bestk`
    code = "bestk = pick(scores)\nprint(bestkfold)"
    text = _name_error("bestkfold", [("x = 1", 1, None), (code, 2, None)], "print(bestkfold)")
    assert "`bestk`" not in text, text


def test_a_first_letter_lost_above_asks_for_one_spelling_in_both_places():
    code = "osses = []\nfor k in range(3):\n    losses.append(k)"
    text = _name_error("losses", [("x = 1", 1, None), (code, 2, None)], "    losses.append(k)")
    assert "assigns `osses`: one of the two is misspelt" in text, text


def test_another_first_letter_in_a_short_name_is_no_slip():
    # `cost` and `lost`: two words, two variables
    code = "cost = 3\nprint(lost)"
    text = _name_error("lost", [("x = 1", 1, None), (code, 2, None)], "print(lost)")
    assert "`cost`" not in text, text


def test_two_counterparts_leave_the_generic_hint():
    code = "counts_a = f(1)\ncounts_b = f(2)\nprint(counts)"
    text = _name_error("counts", [("x = 1", 1, None), (code, 2, None)], "print(counts)")
    assert "did you mean" not in text, text


def test_a_list_named_as_the_plural_is_no_counterpart():
    # `scores = []` above `scores.append(score)`: a list and one item, not one name mistyped
    code = "scores = []\nscores.append(score)"
    text = _name_error("score", [("x = 1", 1, None), (code, 2, None)], "scores.append(score)")
    assert "`scores`" not in text, text


# ---------------- 1-2, 4-7. `device`, a library name's slip, and missing modules, table-driven

CASES = [
    # PyTorch's unset `device`; a library's name typed with one slip
    (
        _name_error,
        "device",
        "import torch",
        "x = torch.ones(4, 2).to(device)",
        "torch.cuda.is_available()",
        "",
    ),
    (
        _name_error,
        "device",
        "import numpy as np",
        "print(device)",
        "not defined anywhere",
        "torch.device",
    ),
    (
        _name_error,
        "tranforms",
        "import torchvision",
        "tranforms.ToTensor()",
        "(`from torchvision import",
        "",
    ),
    (_name_error, "tranforms", "import pandas as pd", "t = tranforms.ToTensor()", "", "transforms"),
    # `model` is the user's variable, not torchvision's `models`
    (_name_error, "model", "import torchvision", "model.eval()", "", "`models`"),
    # a submodule named after a class: the class's import
    (
        _no_module,
        "sklearn.kmeans",
        "import sklearn",
        "import sklearn.kmeans",
        "cluster import KMeans`",
        "",
    ),
    (
        _no_module,
        "sklearn.clusterz",
        "import sklearn",
        "import sklearn.clusterz",
        "",
        "import KMeans",
    ),
    # a well-known package, not a project's file
    (
        _no_module,
        "gpflow",
        "import numpy as np",
        "import gpflow",
        "%pip install gpflow",
        "your project's file",
    ),
    # the notebook's own function imported as a module; a project name may be a file too
    (
        _no_module,
        "add_two",
        "def add_two(x): return x + 2",
        "import add_two",
        "function of this notebook",
        "",
    ),
    (
        _no_module,
        "train",
        "def train(x): return x",
        "from train import fit",
        "",
        "function of this notebook",
    ),
    # the helper files of torchvision's detection tutorial, by the names it imports
    (
        _no_module,
        "engine",
        "import torchvision",
        "from engine import evaluate",
        "detection/engine.py`",
        "",
    ),
    (
        _no_module,
        "engine",
        "import torchvision",
        "from engine import Engine",
        "",
        "references/detection",
    ),
]


@pytest.mark.parametrize(
    ("ask", "missing", "first", "line", "said", "unsaid"),
    CASES,
)
def test_each_specific_hint_speaks_only_where_its_reading_holds(
    ask, missing, first, line, said, unsaid
):
    # `first` is the notebook's first cell (its imports), `line` the crashing cell
    text = ask(missing, [(first, 1, None), (line, 2, None)], line)
    assert said in text, text
    assert not unsaid or unsaid not in text, text
