"""Speak-only-when pairs for the sixteenth audit's hints that graders found wrong: each
condition with a crash where the template speaks and one where it must not.

- A library's "Please install the backwards-compatible x package with `pip install x`": the
  package is the command's, not the article after "Please install".
- An unknown module in a notebook whose cells reach a project (`sys.path`, `%cd`, a clone): no
  pip name is guessed from the module's name.
- "unindent does not match" on words under a comment (`for exploring.`): the comment's wrapped
  tail, to start with `#`, not a line to re-indent.
- Numbers separated by spaces in the brackets of an assignment (`np.array([0.9 0.1])`): NumPy's
  printout pasted as code, which needs commas, not a sentence for a Markdown cell.
- A saved notebook's NameError: a definer that creates the name comes before one that only
  updates it; a line that updates the name from itself while only cells below make it, and a
  cell that repeats the crash cell's unread assignment and makes the name from it, get both
  readings.

Crashes are written here by hand in the libraries' and Python's wording and IPython's layout,
never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions40 import _syntax
from tests.test_hints_conditions41 import SITE

# ------------------------------------------------------------ the package a message asks for


def _runtime_error(message: str) -> str:
    line = "from transformers import TFAutoModel"
    tb = [
        "-" * 75,
        "RuntimeError                              Traceback (most recent call last)",
        f"Cell In[3], line 1\n----> 1 {line}\n",
        f"File {SITE}/transformers/utils/import_utils.py:1500, in _LazyModule._get_module"
        "(self, module_name)\n-> 1500 raise RuntimeError(\n",
        f"RuntimeError: {message}",
    ]
    record = {"ename": "RuntimeError", "evalue": message, "traceback": tb, "code": line}
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_the_messages_pip_command_names_the_package_not_the_article_after_please_install():
    message = (
        "Failed to import transformers.models.gpt2.modeling_tf_gpt2 because of the following "
        "error (look up to see its traceback):\nYour currently installed version of Keras is "
        "Keras 3, but this is not yet supported in Transformers. Please install the "
        "backwards-compatible tf-keras package with `pip install tf-keras`."
    )
    text = _runtime_error(message)
    assert "%pip install tf-keras" in text and "install the`" not in text, text


def test_an_article_after_please_install_without_a_command_is_no_package():
    text = _runtime_error("Please install the missing backend first.")
    assert "%pip install the" not in text, text


def test_a_package_named_after_please_install_is_still_read():
    text = _runtime_error("Please install accelerate to use device_map.")
    assert "%pip install accelerate" in text, text


# ------------------------------------------------------------ a module of the project reached


def _no_module(module: str, cells: list[str], above: str = "") -> str:
    """The hint of `import module` failing in the last cell, below the lines ``above``."""
    line = f"import {module}"
    code = f"{above}\n{line}" if above else line
    number = code.count("\n") + 1
    message = f"No module named '{module}'"
    tb = [
        "-" * 75,
        "ModuleNotFoundError                       Traceback (most recent call last)",
        f"Cell In[6], line {number}\n----> {number} {line}\n",
        f"ModuleNotFoundError: {message}",
    ]
    sources = [*cells, code]
    record = {
        "ename": "ModuleNotFoundError",
        "evalue": message,
        "traceback": tb,
        "code": code,
        "notebook": {"cells": [{"id": str(i), "source": s} for i, s in enumerate(sources)]},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_an_unknown_module_where_a_cell_adds_a_project_to_sys_path_gets_no_guessed_pip_name():
    cells = ["import sys\nROOT = '/home/me/deeplab'\nsys.path.append(ROOT)"]
    text = _no_module("segment_colormap", cells)
    assert "%pip install segment-colormap" not in text, text
    assert "your project's file or folder" in text, text


def test_an_apt_install_in_the_crash_cell_is_read_before_a_project_other_cells_reach():
    cells = ["import os\nos.chdir('/content')"]
    text = _no_module("dolfinlike", cells, above="!apt-get install -y dolfinlike")
    assert "installs for the system's Python" in text, text


def test_mosaicml_is_imported_as_composer():
    # a package whose pip name users import: the import name is another (a carried C)
    text = _no_module("mosaicml", ["import torch"])
    assert "did you mean `composer`?" in text and "%pip install mosaicml" not in text, text


def test_an_unknown_module_in_a_notebook_that_reaches_no_project_keeps_the_install_command():
    text = _no_module("segment_colormap", ["import numpy as np"])
    assert "%pip install segment-colormap" in text, text


# ------------------------------------------------------------ a comment wrapped onto its own line

UNINDENT = "unindent does not match any outer indentation level"
_WRAPPED = (
    "def search(queue):\n"
    "    while queue:\n"
    "        node = queue.pop()\n"
    "        # take the cheapest node from the queue and keep it\n"
    "  for later.\n"
    "        visit(node)\n"
)


def test_words_under_a_comment_that_unindent_to_no_level_are_the_comments_tail():
    text = _syntax(_WRAPPED, 5, UNINDENT, "IndentationError")
    assert "start it with `#`" in text and "rest of that comment" in text, text
    assert "lines up with no block" not in text, text


def test_a_statement_under_a_comment_that_unindents_to_no_level_keeps_the_indentation_hint():
    cell = _WRAPPED.replace("  for later.", "  visit(node)")
    text = _syntax(cell, 5, UNINDENT, "IndentationError")
    assert "lines up with no block" in text and "comment" not in text, text


# ------------------------------------------------------------ numbers pasted without commas


def test_numbers_separated_by_spaces_in_an_assignments_brackets_need_commas():
    cell = "weights = np.array([0.25 0.5 0.125 0.125])"
    text = _syntax(cell, 1, "invalid syntax. Perhaps you forgot a comma?")
    assert "`0.25, 0.5`" in text and ".split(), dtype=float" in text, text
    assert "Markdown" not in text, text


def test_a_pasted_row_of_numbers_alone_is_still_text():
    text = _syntax("0.25 0.5 0.125 0.125 0.75", 1, "invalid syntax")
    assert "put a comma" not in text, text


# ------------------------------------------------------------ a saved notebook's definers


def _saved_name_error(name: str, cells, crash: int) -> str:
    """The hint of ``name 'name' is not defined`` on the last line of cell ``crash`` of the saved
    notebook ``cells`` ((source, execution count, saved error message or None) triples)."""
    source, count, _ = cells[crash]
    lines = source.splitlines()
    message = f"name '{name}' is not defined"
    tb = [
        "-" * 75,
        "NameError                                 Traceback (most recent call last)",
        f"Cell In[{count}], line {len(lines)}\n----> {len(lines)} {lines[-1]}\n",
        f"NameError: {message}",
    ]
    saved = []
    for i, (text, n, error) in enumerate(cells):
        cell = {"id": str(i), "source": text, "execution_count": n}
        if error:  # raised on the cell's last line
            last = len(text.splitlines())
            shown = f"Cell In[{n}], line {last}\n----> {last} {text.splitlines()[-1]}\n"
            cell["error"] = {"ename": "NameError", "evalue": error, "traceback": [shown]}
        saved.append(cell)
    record = {
        "ename": "NameError",
        "evalue": message,
        "traceback": tb,
        "code": source,
        "cell_id": str(crash),
        "execution_count": count,
        "notebook": {"cells": saved},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_the_cell_that_creates_the_name_is_named_before_one_that_only_updates_it():
    cells = [
        ("import cv2", 1, None),
        ("cv2.imshow('photo', photo)", 2, None),
        ("photo = cv2.flip(photo, 1)", None, None),
        ("photo = cv2.imread('cat.png')\nshow(box)", 5, "name 'box' is not defined"),
    ]
    text = _saved_name_error("photo", cells, 1)
    assert "Run cell 4 first" in text and "cell 3" not in text, text


def test_a_line_updating_a_name_only_cells_below_make_gets_both_readings():
    cells = [
        ("import cv2\nimage = cv2.imread('jar.jpg')", 1, None),
        ("photo = cv2.drawContours(photo, contours, -1, (0, 255, 0), 3)", 2, None),
        ("cv2.imshow('contours', image)", 3, None),
        ("photo = cv2.imread('hand.jpg')", 4, None),
    ]
    text = _saved_name_error("photo", cells, 1)
    assert "updates `photo` from `photo` itself" in text and "cell 4" in text, text
    assert "else set `photo` above this line" in text, text


_URL = "requests.get('https://api.example.org/prices?day=1')"


def test_a_cell_repeating_this_cells_unread_assignment_and_making_the_name_from_it():
    cells = [
        ("import requests\nimport pandas as pd", 1, None),
        (f"resp = {_URL}\ndf = pd.read_json(data.text)", 2, None),
        (f"resp = {_URL}\ndata = resp.json()\ndf = pd.DataFrame(data)", 3, None),
    ]
    text = _saved_name_error("data", cells, 1)
    assert "assigns `resp` as cell 3 does, but never reads it" in text, text
    assert "write `resp` here" in text and "run cell 3 first" in text, text


# The definer is sent to with no second reading: a line that only reads the name a cell below
# makes, and an unread assignment that the definer does not repeat (it makes `model` itself).
ONLY_RUN_FIRST = {
    "a read of a name made below": (
        "photo",
        [
            ("import cv2", 1, None),
            ("gray = cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY)", 2, None),
            ("photo = cv2.imread('hand.jpg')", 3, None),
        ],
        "updates `photo`",
    ),
    "an unread assignment the definer does not repeat": (
        "history",
        [
            ("from keras.models import load_model", 1, None),
            ("model = load_model('best.h5')\nacc = history.history['accuracy']", 2, None),
            ("history = model.fit(x, y, epochs=3)", 3, None),
        ],
        "never reads it",
    ),
}


@pytest.mark.parametrize("case", ONLY_RUN_FIRST, ids=list(ONLY_RUN_FIRST))
def test_no_second_reading_without_its_condition(case):
    name, cells, unsaid = ONLY_RUN_FIRST[case]
    text = _saved_name_error(name, cells, 1)
    assert unsaid not in text and "cell 3" in text, text
