"""Hints whose claim did not hold on the crash (wave 26b): a C-style `//` note after code, a
setting Matplotlib's own code misses, an array whose origin is not a scaler, a definition
after a block without body, a method of another library's object called on the frame, and a
list of columns built on another frame.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions28 import _hint as _hint28


def _marked_hint(cell, marked, message="invalid syntax", caret=4, ename="SyntaxError") -> str:
    """The hint for a SyntaxError (or IndentationError) that IPython 8 reports on ``marked``,
    a line of ``cell``, its caret under column ``caret`` of the line."""
    number = cell.splitlines().index(marked) + 1
    place = f"({number}07311.py, line {number})"
    traceback = (
        f"  Cell In[4], line {number}\n    {marked}\n    {' ' * caret}^\n{ename}: {message}\n",
    )
    record = ErrorRecord(ename=ename, evalue=f"{message} {place}", traceback=traceback, code=cell)
    return diagnose(record).hint


# ------------------------------------------------------------------ `//` as a comment


def test_a_slash_note_after_code_is_told_to_use_a_hash():
    marked = "scores.sort(reverse=True)  // biggest first so we can plot them"
    text = _marked_hint(marked, marked, caret=31)
    assert "`//` is not a comment" in text and "`scores.sort(reverse=True) # ...`" in text, text


def test_floor_division_with_a_slip_is_no_slash_note():
    marked = "half = total // 2 3"
    text = _marked_hint(marked, marked, caret=17)
    assert "`//` is not a comment" not in text, text


# ----------------------------------------------------- a setting Matplotlib's code misses

_MPL = "~/venv/lib/python3.8/site-packages/matplotlib"


def test_a_setting_read_by_matplotlib_itself_points_at_mixed_versions():
    frames = [
        (f"{_MPL}/pyplot.py", "figure", ["fig = Figure()"], "fig = Figure(figsize=figsize)"),
        (f"{_MPL}/figure.py", "__init__", ["pad = None"], "x = rcParams['axes.grid.which']"),
        (f"{_MPL}/__init__.py", "__getitem__", ["key = k"], "return dict.__getitem__(self, k)"),
    ]
    code = "import matplotlib.pyplot as plt\nplt.figure(figsize=(4, 3))"
    text = _hint28("KeyError", "'axes.grid.which'", code, frames=frames)
    assert "two Matplotlib versions are mixed" in text and "Restart the kernel" in text, text


def test_a_setting_the_user_reads_is_no_version_mix():
    frames = [
        (f"{_MPL}/__init__.py", "__getitem__", ["key = k"], "return dict.__getitem__(self, k)"),
    ]
    code = "import matplotlib.pyplot as plt\nsize = plt.rcParams['figure.sizes']"
    text = _hint28("KeyError", "'figure.sizes'", code, frames=frames)
    assert "versions are mixed" not in text, text


# --------------------------------------------------- an array that no scaler returned


def test_an_array_from_a_plain_expression_points_at_its_assignment():
    code = "picked = flags[flags]\npicked.index.names = ['a', 'b']"
    message = "'numpy.ndarray' object has no attribute 'index'"
    text = _hint28("AttributeError", message, code)
    assert "it comes from `picked = flags[flags]`" in text and "scalers" not in text, text


def test_an_array_from_a_scaler_keeps_the_scaler_reading():
    code = "X = scaler.fit_transform(df)\nX.index"
    message = "'numpy.ndarray' object has no attribute 'index'"
    text = _hint28("AttributeError", message, code)
    assert "scalers and `.values` return arrays" in text, text


# ----------------------------------------------- a definition after a block without body


def test_a_def_after_an_empty_loop_is_told_to_give_the_loop_a_body():
    cell = "for name in names:\ndef step(x):\n    return x + 1\n"
    marked = "def step(x):"
    text = _marked_hint(cell, marked, "expected an indented block", 0, "IndentationError")
    assert "has no body" in text and "before this definition" in text, text


def test_a_def_right_under_a_class_is_told_to_be_indented():
    cell = "class Model:\ndef step(self):\n    return 1\n"
    marked = "def step(self):"
    text = _marked_hint(cell, marked, "expected an indented block", 0, "IndentationError")
    assert "before this definition" not in text and "indent" in text, text


# ------------------------------------- a method of another library's object on the frame


def test_a_method_of_the_converted_object_names_that_object():
    cells = ["import h2o\nimport pandas as pd\nraw = pd.read_csv('a.csv')\nhf = h2o.H2OFrame(raw)"]
    code = "parts = raw.split_frame(ratios=[0.8])"
    message = "'DataFrame' object has no attribute 'split_frame'"
    text = _hint28("AttributeError", message, code, cells=cells)
    assert "`hf = h2o.H2OFrame(raw)`" in text and "`hf.split_frame(...)`" in text, text


def test_a_frame_never_converted_keeps_the_pandas_reading():
    cells = ["import pandas as pd\nraw = pd.read_csv('a.csv')\nsmall = pd.DataFrame(raw)"]
    code = "parts = raw.split_frame(ratios=[0.8])"
    message = "'DataFrame' object has no attribute 'split_frame'"
    text = _hint28("AttributeError", message, code, cells=cells)
    assert "converts it" not in text and "pandas documentation" in text, text


# --------------------------------------------- a list of columns built on another frame


def test_a_column_list_holding_a_made_column_points_at_the_list():
    cells = [
        "import pandas as pd\nbase = pd.read_csv('a.csv')\nwork = base.copy()\n"
        "work['grade'] = work['score'] > 5\nchosen = list(work.columns)"
    ]
    code = "sub = base[chosen]"
    text = _hint28("KeyError", "\"['grade'] not in index\"", code, cells=cells)
    assert "`chosen` holds 'grade'" in text and "`base.columns`" in text, text


def test_a_literal_column_list_keeps_the_step_reading():
    cells = [
        "import pandas as pd\nbase = pd.read_csv('a.csv')\nwork = base.copy()\n"
        "work['grade'] = work['score'] > 5"
    ]
    code = "sub = base[['score', 'grade']]"
    text = _hint28("KeyError", "\"['grade'] not in index\"", code, cells=cells)
    assert "holds 'grade'" not in text and "creates by assignment" in text, text
