"""Hints of undefined names and missing modules whose claim was false on crashes nobody tuned on
(the thirteenth audit's NameError and import cases): each template below speaks only where its
condition holds on the crash, and a guard row keeps the former hint where it does not.

- a name alone on its line with no ASCII letter is words (a note without its `#`), said with
  both readings;
- `reload(sys)` (with `sys.setdefaultencoding`) is Python 2's encoding idiom, `python.__version__`
  asks for Python's version;
- a missing submodule that the notebook defines as a function is the user's own function; an
  unknown package found without its submodule may be the project's folder; a module that other
  cells import `from x import name` is no package of its own; a `tf.contrib` module without a
  TF2 home needs TensorFlow 1.x; a project-like name (`src`) installed with pip is a folder;
- a definer that failed on an import is worded by that import's hint; a definer that ran
  cleanly (even after the crash) is named before one that failed or has an error to fix;
- the crash cell's own assignment below the call that reads it, a function's own look-alike
  variable, a cell that fills its own array, and a definer past cells that ran without it.

Cells, frames and messages are written here by hand in the libraries' wording and the layout
IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions import _ipython7

RULE = "-" * 75


def _saved(cells, frames, ename, message, counts, errors=None, crash=-1) -> str:
    """The hint of ``ename: message`` raised through ``frames`` by ``cells[crash]`` (the last
    unless given), a saved notebook with execution ``counts`` and ``errors`` ({index: (ename,
    evalue)})."""
    crash = crash % len(cells)
    nb = []
    for i, (source, count) in enumerate(zip(cells, counts, strict=True)):
        cell = {"id": f"c{i}", "index": i, "source": source, "execution_count": count}
        if errors and i in errors:
            ename_i, evalue_i, *shown = errors[i]  # shown: the saved traceback, when given
            cell["error"] = {"ename": ename_i, "evalue": evalue_i, "traceback": shown}
        nb.append(cell | {"cell_type": "code"})
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": message,
            "traceback": [RULE, f"{ename}    Traceback", *frames, f"{ename}: {message}"],
            "code": cells[crash],
            "cell_id": f"c{crash}",
            "execution_count": counts[crash],
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def _frame(count: int, lines: list[str], failing: int, function: str = "<module>") -> str:
    """IPython 8's text of a cell frame: ``lines`` numbered from 1, ``failing`` marked."""
    head = f"Cell In[{count}], line {failing}" + (
        f", in {function}" if function != "<module>" else ""
    )
    body = [
        f"{'---->' if n == failing else '     '} {n} {line}"
        for n, line in enumerate(lines, start=1)
    ]
    return "\n".join([head, *body]) + "\n"


def _name_error(cells, counts, name, frames=None, errors=None) -> str:
    frames = frames or [_frame(counts[-1], cells[-1].splitlines(), 1)]
    return _saved(cells, frames, "NameError", f"name '{name}' is not defined", counts, errors)


# ------------------------------------------------------------------ names the line makes clear


def test_a_name_of_no_ascii_letter_alone_on_its_line_is_a_note_without_its_hash():
    code = "训练模型\nmodel.fit(X, y)"
    text = _name_error(["import numpy as np", code], [1, 2], "训练模型")
    assert "`# 训练模型`" in text and "if it is a variable" in text, text


def test_an_ascii_name_alone_on_its_line_is_no_note():
    text = _name_error(["import numpy as np", "results\nprint(1)"], [1, 2], "results")
    assert "comment" not in text, text


def test_reload_sys_with_setdefaultencoding_is_python2s_encoding_idiom():
    line = "reload(sys)"
    text = _ipython7("NameError", "name 'reload' is not defined", line, [])
    assert "Python 2" in text and "delete that line" in text, text
    code = "import sys\nreload(sys)\nsys.setdefaultencoding('utf-8')"
    frames = [_frame(4, code.splitlines(), 2)]
    text = _saved([code], frames, "NameError", "name 'reload' is not defined", [4])
    assert "delete both lines" in text, text


def test_reload_of_another_module_keeps_the_python3_replacement():
    text = _ipython7("NameError", "name 'reload' is not defined", "reload(my_helpers)", [])
    assert "importlib" in text and "delete" not in text, text


def test_python_version_read_from_a_name_python_asks_for_sys_version():
    text = _ipython7("NameError", "name 'python' is not defined", "python.__version__", [])
    assert "sys.version" in text, text


# ------------------------------------------------------------------------------ missing modules


def _module_error(module: str, line: str, cells: list[str]) -> str:
    tb = [RULE, "ModuleNotFoundError    Traceback (most recent call last)"]
    tb += [
        f"Cell In[9], line 1\n----> 1 {line}\n",
        f"ModuleNotFoundError: No module named '{module}'",
    ]
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "cell_type": "code"} for i, s in enumerate(cells)
    ]
    nb.append({"id": "crash", "index": len(cells), "source": line, "cell_type": "code"})
    record = ErrorRecord.from_dict(
        {
            "ename": "ModuleNotFoundError",
            "evalue": f"No module named '{module}'",
            "traceback": tb,
            "code": line,
            "cell_id": "crash",
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def test_a_submodule_the_notebook_defines_as_a_function_is_the_users_own():
    defs = ["def bag_of_words(tweets):\n    return set(w for t in tweets for w in t)"]
    text = _module_error("nltk.bag_of_words", "import nltk.bag_of_words", defs)
    assert "function of this notebook" in text and "%pip show" not in text, text


def test_a_known_package_without_the_submodule_keeps_its_version_hint():
    text = _module_error("nltk.bag_of_words", "import nltk.bag_of_words", ["x = 1"])
    assert "installed but has no submodule" in text, text


def test_an_unknown_package_without_its_submodule_may_be_the_projects_folder():
    line = "from shop_dashboard.sources import CsvSource"
    text = _module_error("shop_dashboard.sources", line, ["import os"])
    assert "your project's folder" in text and "is installed" not in text, text


def test_a_module_other_cells_import_from_a_package_is_no_package_of_its_own():
    cells = ["from tensorflow.examples.tutorials.mnist import input_data"]
    text = _module_error("input_data", "import input_data", cells)
    assert "from tensorflow.examples.tutorials.mnist import input_data" in text, text
    assert "%pip install input" not in text, text


def test_a_package_imported_from_itself_is_still_a_package_to_install():
    cells = ["from tweet_tools import tweet_tools"]
    text = _module_error("tweet_tools", "import tweet_tools", cells)
    assert "no package of its own" not in text, text


def test_a_contrib_module_without_a_tf2_home_needs_tensorflow_1():
    line = "import tensorflow.contrib.graph_editor as ge"
    text = _module_error("tensorflow.contrib", line, [])
    assert "TensorFlow 1.x" in text and "tensorflow-addons" not in text, text


def test_a_contrib_module_with_a_tf2_home_keeps_the_replacement():
    text = _module_error("tensorflow.contrib", "from tensorflow.contrib import rnn", [])
    assert "tf.keras" in text and "TensorFlow 1.x" not in text, text


def test_a_project_folder_name_installed_with_pip_is_no_package():
    cells = ["!pip install src"]
    text = _module_error("src", "from src import plot_mol", cells)
    assert "folder" in text and "sys.path" in text, text


# -------------------------------------------------------------------- which definer to name


COLAB = ("ModuleNotFoundError", "No module named 'google.colab'")
MISSING_FILE = ("FileNotFoundError", "[Errno 2] No such file or directory: 'a.csv'")
UPLOAD = "from google.colab import files\nfiles = files.upload()"


@pytest.mark.parametrize(
    ("error", "says", "not_said"),
    [
        (COLAB, "only on Google Colab", "fix that first"),  # no fixing that import off Colab
        (MISSING_FILE, "fix that first", "Colab"),  # any other failure is still to fix
    ],
)
def test_a_definer_that_failed_on_an_import_gets_the_imports_own_hint(error, says, not_said):
    cells = ["import pandas as pd", UPLOAD, "data = files['a.csv']"]
    text = _name_error(cells, [1, 2, 3], "files", errors={1: error})
    assert says in text and not_said not in text, text


def test_a_definer_without_an_error_is_named_before_one_with_an_error_to_fix():
    cells = [
        "import numpy as np",
        "import numpy as np\ndata = np.genfromtxt('data.csv', delimiter=',')",
        "a = np.array([1, 2, 3])",
    ]
    failed = _frame(6, cells[1].splitlines(), 2)  # after the import: `np` was defined
    error = ("FileNotFoundError", "data.csv not found.", failed, "FileNotFoundError: data.csv")
    text = _name_error(cells, [5, 6, 3], "np", errors={1: error})
    assert "Run cell 1 first" in text and "fix that as well" not in text, text


def test_a_definer_that_ran_cleanly_after_the_crash_is_named_with_the_failed_one():
    cells = ["import numpy as np", "y = np.zeros(3)", "t = np.log(c)\ny = np.ones(3)", "x - y"]
    error = ("ValueError", "could not broadcast input array from shape (20,400) into shape (20)")
    text = _name_error(cells, [1, 9, 4, 5], "y", errors={2: error})
    assert "Cell 2 [9] defines `y` but ran only after this cell" in text, text
    assert "Cell 3 [4], which defines it too, failed" in text, text


# ------------------------------------------------------------- what the crash cell itself does


CALL = ["def total():", "    return a + b", "", "a = 1", "s = total()", "b = 2"]


def test_the_cells_own_assignment_below_the_call_that_reads_it_is_to_move_up():
    frames = [_frame(7, CALL, 5), _frame(7, CALL, 2, "total")]
    text = _name_error(["b = 10", "\n".join(CALL)], [None, 7], "b", frames)
    assert "assigns `b` on line 6, after line 5 calls `total`" in text, text


def test_a_conditional_assignment_below_the_call_says_nothing_of_moving_it():
    code = [*CALL[:-1], "if s:", "    b = 2"]
    frames = [_frame(7, code, 5), _frame(7, code, 2, "total")]
    text = _name_error(["b = 10", "\n".join(code)], [None, 7], "b", frames)
    assert "move that assignment" not in text, text


FUNCTION = [
    "def clean(sentence):",
    "    tokens = sentence.split(' ')",
    "    kept = [w for w in text_tokens if w not in stop]",
    "    return ' '.join(kept)",
]


def test_a_function_that_has_its_own_look_alike_variable_gets_both_readings():
    crash = "clean('a b c')"
    frames = [_frame(3, [crash], 1), _frame(1, FUNCTION, 3, "clean")]
    cells = ["\n".join(FUNCTION), "text_tokens = ['a', 'b']", crash]
    text = _name_error(cells, [1, 4, 3], "text_tokens", frames)
    assert "if it means `tokens`" in text and "run cell 2" in text, text


def test_a_function_without_a_look_alike_gets_the_cell_to_run():
    function = [line.replace("tokens = ", "words = ") for line in FUNCTION]
    crash = "clean('a b c')"
    frames = [_frame(3, [crash], 1), _frame(1, function, 3, "clean")]
    cells = ["\n".join(function), "text_tokens = ['a', 'b']", crash]
    text = _name_error(cells, [1, 4, 3], "text_tokens", frames)
    assert "if it means" not in text and "cell 2" in text, text


FILL = [
    "a = np.random.randn(3, 4)",
    "b = np.random.randn(4, 1)",
    "for i in range(3):",
    "    for j in range(4):",
    "        c[i][j] = a[i][j] + b[j]",
]
BROADCAST = ("ValueError", "operands could not be broadcast together with shapes (4,3) (3,2) ")


DEFINER = "a = np.ones((4, 3))\nb = np.ones((3, 2))\nc = a*b"


@pytest.mark.parametrize(
    ("fill", "says", "not_said"),
    [
        # the cell computes its own `a` and `b`: cell 2's `c` is made of other ones
        (FILL, "create `c` in this cell first", "fix that first"),
        # it reads cell 2's `a` and `b`: cell 2's failure is what left `c` undefined
        (FILL[2:], "fix that first", "create `c`"),
    ],
)
def test_a_cell_that_fills_an_array_must_create_it_when_it_computes_its_inputs(
    fill, says, not_said
):
    frames = [_frame(3, fill, len(fill))]
    cells = ["import numpy as np", DEFINER, "\n".join(fill)]
    text = _name_error(cells, [1, 2, 3], "c", frames, errors={1: BROADCAST})
    assert says in text and not_said not in text, text


LOOP = "for x, y in loader:\n    optimizer.zero_grad()"
SGD = "optimizer = optim.SGD(net.parameters(), lr=0.01)"


def test_a_definer_below_past_cells_that_ran_gets_both_readings():
    cells = ["net = Net()", LOOP, "torch.save(net.state_dict(), 'a.pth')", SGD]
    frames = [_frame(4, LOOP.splitlines(), 2)]
    message = "name 'optimizer' is not defined"
    text = _saved(cells, frames, "NameError", message, [1, 4, 3, None], crash=1)
    assert "if that `optimizer` is the one meant here" in text, text


def test_a_definer_right_below_keeps_the_run_it_first_hint():
    cells = ["net = Net()", LOOP, SGD]
    frames = [_frame(4, LOOP.splitlines(), 2)]
    message = "name 'optimizer' is not defined"
    text = _saved(cells, frames, "NameError", message, [1, 4, None], crash=1)
    assert "Run cell 3 first" in text and "meant here" not in text, text
