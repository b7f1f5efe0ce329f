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


# ------------------------------ each condition: a crash where it speaks, one where it must not

NAME, MODULE = _name_error, _no_module

CASES = [
    # PyTorch's unset `device`; a library's name typed with one slip
    (NAME, "device", "import torch", "x = y.to(device)", "torch.cuda.is_available()", ""),
    (NAME, "device", "import numpy as np", "print(device)", "defined anywhere", "torch.device"),
    (NAME, "tranforms", "import torchvision", "tranforms.ToTensor()", "`from torchvision im", ""),
    (NAME, "tranforms", "import pandas as pd", "tranforms.ToTensor()", "", "transforms"),
    # `model` is the user's variable, not torchvision's `models`
    (NAME, "model", "import torchvision", "model.eval()", "", "`models`"),
    # a counterpart assigned just above the failing line: lengthened, abbreviated, first letter
    (NAME, "counts", "x = 1", "counts_d = {}\nplt.bar(counts)", "mean `counts_d`?", ""),
    (NAME, "valid_y", "m = 1", "val_y = m\nprint(valid_y)", "did you mean `val_y`?", ""),
    (NAME, "losses", "x = 1", "osses = []\nlosses.append(1)", "two is misspelt", ""),
    # `cost` and `lost`: two words, two variables
    (NAME, "lost", "x = 1", "cost = 3\nprint(lost)", "", "`cost`"),
    # `print(bestk)` and the next line's `fold, rest = ...` pasted together: not `bestk`
    (NAME, "bestkfold", "x = 1", "bestk = pick(s)\nprint(bestkfold)", "", "`bestk`"),
    (NAME, "counts", "x = 1", "counts_a = 1\ncounts_b = 2\nprint(counts)", "", "did you"),
    # `scores = []` above `scores.append(score)`: a list and one item, not one name mistyped
    (NAME, "score", "x = 1", "scores = []\nscores.append(score)", "", "`scores`"),
    # a submodule named after a class: the class's import
    (MODULE, "sklearn.kmeans", "import sklearn", "import sklearn.kmeans", "import KMeans`", ""),
    (MODULE, "sklearn.clusterz", "import sklearn", "import sklearn.clusterz", "", "KMeans"),
    # a well-known package, not a project's file
    (MODULE, "gpflow", "import numpy", "import gpflow", "pip install gpflow", "project's file"),
    # the notebook's own function imported as a module; a project name may be a file too
    (MODULE, "add_two", "def add_two(x): return x", "import add_two", "of this notebook", ""),
    (MODULE, "train", "def train(x): return x", "from train import fit", "", "of this notebook"),
    # the helper files of torchvision's detection tutorial, by the names it imports
    (MODULE, "engine", "import torchvision", "from engine import evaluate", "engine.py`", ""),
    (MODULE, "engine", "import torchvision", "from engine import Engine", "", "references/"),
]


@pytest.mark.parametrize(
    ("ask", "missing", "first", "code", "said", "unsaid"),
    CASES,
)
def test_each_specific_hint_speaks_only_where_its_reading_holds(
    ask, missing, first, code, said, unsaid
):
    # `first` is the notebook's first cell (its imports), `code` the crashing cell, failing on
    # its last line
    text = ask(missing, [(first, 1, None), (code, 2, None)], code.splitlines()[-1])
    assert said in text, text
    assert not unsaid or unsaid not in text, text
