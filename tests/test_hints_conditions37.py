"""NameError and missing-module hints that named a wrong cause on crashes nobody tuned on (the
fifteenth audit): a note beside a name read as a variable to define, an accumulator told to
become an argument, `nn` of TensorFlow given PyTorch's import, a file name with a dash read as a
variable, FEniCS given `%pip install`, a variable of the notebook told to be quoted as a key, a
function reading another cell's loop variable sent to run that cell, and lines fallen out of a
`def` told to return its local.

Crashes are written here by hand in Python's wording and IPython's layout, never copied from a
notebook.
"""

from __future__ import annotations

from tests.test_fixes import fix_of, not_defined
from tests.test_hints_conditions import _ipython7
from tests.test_hints_conditions30 import diagnosed_hint


def _notebook_hint(ename, message, code, lineno, failing, cells=(), inner=None, in_order=False):
    """The hint of the crash cell ``code`` failing on its line ``lineno`` (``failing``), in a
    notebook whose other code cells are ``cells`` (above it). ``inner`` is (function, source
    line) of a function of the user's, defined in another cell, that raised."""
    tb = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[9], line {lineno}\n----> {lineno} {failing}\n")
    if inner is not None:
        function, source = inner
        tb.append(f"Cell In[4], line 3, in {function}()\n      2 pass\n----> 3     {source}\n")
    tb.append(f"{ename}: {message}")
    return diagnosed_hint(ename, message, tb, code, cells, in_order)


def _name_error(line, cells=(), name=None, in_order=False):
    name = name or line.split()[0].split("(")[0].split(".")[0].split("-")[0]
    message = f"name '{name}' is not defined"
    return _notebook_hint("NameError", message, line, 1, line, cells, in_order=in_order)


# ------------------------------------------------------------ a note beside a name


def test_a_name_beside_words_of_a_human_language_is_a_note_with_both_readings():
    text = _name_error("ravel > 참조")
    assert "make it a comment (`# ravel > 참조`)" in text and "assign it first" in text, text
    assert "not defined anywhere" not in text, text


def test_a_comparison_of_two_names_is_no_note():
    text = _name_error("ravel > limit", cells=["limit = 3"])
    assert "comment" not in text, text


# ------------------------------------------------------------ an accumulator without a start


ACCUMULATE = "def manhattan(a, b):\n    for i in range(len(a)):\n        dist += abs(a[i] - b[i])"
UNBOUND = "cannot access local variable 'dist' where it is not associated with a value"


def test_an_accumulator_the_function_never_started_gets_a_start_value():
    line = "dist = manhattan(p, q)"
    inner = ("manhattan", "dist += abs(a[i] - b[i])")
    cells = [ACCUMULATE, "p, q = [1, 2], [3, 5]"]
    text = _notebook_hint("UnboundLocalError", UNBOUND, line, 1, line, cells, inner)
    assert "`dist = 0` (or its start value) at the top of `manhattan`" in text, text
    assert "argument" not in text and "global" not in text, text


def test_an_accumulator_the_notebook_starts_at_its_top_level_gets_both_readings():
    line = "manhattan(p, q)"
    inner = ("manhattan", "dist += abs(a[i] - b[i])")
    cells = ["dist = 0", ACCUMULATE, "p, q = [1, 2], [3, 5]"]
    text = _notebook_hint("UnboundLocalError", UNBOUND, line, 1, line, cells, inner)
    assert "`dist = 0`" in text and "`global dist`" in text, text


# ------------------------------------------------------------ a module's prefix dropped


TF_CELLS = [
    "import numpy as np\nimport tensorflow as tf",
    "w = tf.Variable(tf.zeros([4, 2]))\nreg = tf.nn.l2_loss(w)",
]


def test_nn_of_tensorflow_without_its_prefix_is_not_given_torchs_import():
    text = _name_error("loss = tf.reduce_mean(x) + nn.l2_loss(w)", TF_CELLS, name="nn")
    assert "`tf.nn.l2_loss`" in text and "torch.nn" not in text.replace("no `torch`", ""), text


def test_nn_of_tensorflow_without_its_prefix_gets_no_import_fix():
    cells = [*TF_CELLS, "loss = nn.l2_loss(w)"]
    assert fix_of(not_defined("nn", cells, 2)) is None
    torch_cells = ["import numpy as np", "layer = nn.Linear(4, 2)"]
    assert fix_of(not_defined("nn", torch_cells, 1))["kind"] == "import"


def test_nn_in_a_notebook_of_pytorch_keeps_the_import():
    cells = ["import torch", *TF_CELLS[1:]]
    text = _name_error("layer = nn.Linear(4, 2)", cells, name="nn")
    assert "import torch.nn as nn" in text, text


def test_nn_with_a_member_tensorflow_is_not_seen_to_read_keeps_the_import():
    text = _name_error("layer = nn.Linear(4, 2)", TF_CELLS, name="nn")
    assert "import torch.nn as nn" in text, text


# ------------------------------------------------------------ a file name with a dash


def test_a_file_name_with_a_dash_is_a_file_name_without_quotes():
    text = _name_error("credit-a.csv", ["import pandas as pd"])
    assert "`credit-a.csv` is a file name without quotes" in text, text


def test_a_subtraction_of_a_defined_name_is_no_file_name():
    text = _name_error("total-tax.csv", ["tax = 3"], name="total")
    assert "file name" not in text, text


# ------------------------------------------------------------ modules pip does not provide


def test_fenics_is_not_told_to_pip_install():
    text = _ipython7("ModuleNotFoundError", "No module named 'fenics'", "import fenics as fe", [])
    assert "conda install -c conda-forge fenics" in text and "%pip install" not in text, text


def test_dolfinx_is_told_its_conda_package():
    text = _ipython7("ModuleNotFoundError", "No module named 'dolfinx'", "import dolfinx", [])
    assert "fenics-dolfinx" in text and "%pip install" not in text, text


# ------------------------------------------------------------ a variable read as a key


def test_a_name_another_cell_assigns_is_no_key_to_quote():
    # saved in order from [1] (no notebook cause to read): the hint of the NameError speaks
    cells = ["history = {}", "fold = 'fold_' + str(3)\nhistory[fold] = run()"]
    text = _name_error("plt.plot(history[fold]['loss'])", cells, name="fold", in_order=True)
    assert "a cell assigns it (`fold = 'fold_' + str(3)`)" in text, text
    assert "quotes" not in text, text


def test_a_name_no_cell_assigns_keeps_the_quotes_reading():
    cells = ["history = {}"]
    text = _name_error("plt.plot(history[fold]['loss'])", cells, name="fold", in_order=True)
    assert "`history['fold']`" in text, text


# ------------------------------------------------------------ another cell's loop variable


FORWARD = "class Net:\n    def forward(self, x):\n        return x[step]"
CALL = "out = net.forward(data)"


def test_a_function_reading_another_cells_loop_variable_needs_a_parameter():
    cells = [FORWARD, "for step in range(3):\n    print(step)"]
    inner = ("Net.forward", "return x[step]")
    message = "name 'step' is not defined"
    text = _notebook_hint("NameError", message, CALL, 1, CALL, cells, inner)
    assert "Make `step` a parameter of `forward`" in text, text
    assert "Run cell" not in text, text


def test_a_function_reading_another_cells_plain_variable_is_not_given_a_parameter():
    cells = [FORWARD, "step = 2"]
    inner = ("Net.forward", "return x[step]")
    message = "name 'step' is not defined"
    text = _notebook_hint("NameError", message, CALL, 1, CALL, cells, inner)
    assert "parameter" not in text, text


# ------------------------------------------------------------ lines fallen out of a def


LOADER = "def loader():\n    for x in data:\n        for y in data[x]:\n            print(y)\n"


def test_a_line_right_below_a_def_reading_its_local_fell_out_of_it():
    code = LOADER + "print(y, data[x][y])"
    message = "name 'y' is not defined"
    cells = ["data = {'a': {'b': 1}}", "for y in range(3):\n    pass"]
    text = _notebook_hint("NameError", message, code, 5, "print(y, data[x][y])", cells)
    assert "indent it into the body and call `loader()`" in text, text
    assert "Run cell" not in text, text


def test_a_line_after_other_top_level_code_gets_no_indentation_reading():
    code = LOADER + "loader()\nprint(y)"
    message = "name 'y' is not defined"
    text = _notebook_hint("NameError", message, code, 6, "print(y)", ["data = {'a': {'b': 1}}"])
    assert "indent" not in text, text
