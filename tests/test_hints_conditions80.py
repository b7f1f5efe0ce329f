"""Attributes, types, syntax and the user's own raises told only where the crash shows it
(wave 15c): a class read for what its objects hold, a block line without a body, the debugger
quit, an abstract class, a float or an int too large, a notebook's own model class, a raise
under no condition, a condition without its `if`, a research package's module, seaborn's
removed `plt`.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and IPython's
wording, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions7 import _indentation_hint
from tests.test_hints_conditions32 import _hint as notebook_hint


def _hint(ename: str, message: str, frames: list[str], code: str) -> str:
    """The hint of a crash whose traceback shows ``frames`` (IPython 8's blocks, the cell's
    first), the cell being ``code``."""
    traceback = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        *frames,
        f"{ename}: {message}",
    ]
    record = ErrorRecord(ename=ename, evalue=message, traceback=tuple(traceback), code=code)
    return diagnose(record).hint


def _cell_frame(code: str, number: int, count: int = 7) -> str:
    lines = code.splitlines()
    shown = [
        f"{'---->' if i == number else '     '} {i} {line}"
        for i, line in enumerate(lines, start=1)
        if abs(i - number) <= 2
    ]
    return f"Cell In[{count}], line {number}\n" + "\n".join(shown) + "\n"


def _notebook_attribute(message: str, line: str, definition: str) -> str:
    cells = [(definition, 1, None), (line, 2, None)]
    return notebook_hint("AttributeError", message, line, cells, 1, count=2)


# ------------------------------------------ a class read for an attribute its objects hold


VOCAB = (
    "class Vocab:\n    def __init__(self, name):\n        self.name = name\n"
    "        self.words = {}\n"
)


def test_an_attribute_its_init_sets_is_read_from_an_object_not_the_class():
    text = _notebook_attribute("type object 'Vocab' has no attribute 'words'", "Vocab.words", VOCAB)
    assert text.startswith("`Vocab` is the class, and `words` is set on each object"), text
    assert "`obj = Vocab(...)`, then `obj.words`" in text, text


def test_a_class_that_sets_no_such_attribute_is_called_the_class_not_an_object_of_it():
    text = _notebook_attribute("type object 'Vocab' has no attribute 'size'", "Vocab.size", VOCAB)
    assert "set on each object" not in text, text
    assert "(a `Vocab`)" not in text, text


# ------------------------------------------------ a block line that is the last of the cell


@pytest.mark.parametrize(
    ("cell", "marked", "said"),
    [
        # the cell ends on the block line: that line lacks its body
        ("for row in rows:\n    for k in 10:", "    for k in 10:", "opens a block, but no"),
        # right under a block line and no deeper: it may be the missing body itself
        ("for row in rows:\nif row:\n    print(row)", "if row:", "should be the indented body"),
    ],
)
def test_a_block_line_is_told_bodiless_only_when_it_ends_the_block(cell, marked, said):
    assert said in _indentation_hint(cell, marked, "expected an indented block")


# ---------------------------------------------------------------------- the debugger quit


PDB = "File /usr/lib/python3.10/bdb.py:90, in Bdb.trace_dispatch(self, frame, event, arg)\n"
GSPREAD = "File /usr/local/lib/python3.10/site-packages/gspread/client.py:120, in Client.open\n"


@pytest.mark.parametrize(
    ("ename", "frame", "debugger"),
    [("BdbQuit", PDB, True), ("SpreadsheetNotFound", GSPREAD, False)],
)
def test_only_bdbquit_is_told_the_debugger_was_quit(ename, frame, debugger):
    code = "total = step(batch)"
    text = _hint(ename, "", [_cell_frame(code, 1), frame + "---> 90     raise\n"], code)
    said = "the debugger (`pdb`, `breakpoint()`, `set_trace()`) was quit" in text
    assert said == debugger and ("documentation" in text) != debugger, text


# --------------------------------------------------------------------------- abstract class


def test_an_abstract_class_is_told_to_be_subclassed():
    code = "car = Vehicle()"
    for message in (
        "Can't instantiate abstract class Vehicle with abstract methods drive, park",
        "Can't instantiate abstract class Vehicle without an implementation for abstract "
        "methods 'drive', 'park'",
    ):
        text = _hint("TypeError", message, [_cell_frame(code, 1)], code)
        assert "`Vehicle` is an abstract class (`drive`, `park` abstract)" in text, text
        assert "type(" not in text, text


def test_another_instantiation_type_error_keeps_the_argument_look():
    code = "car = Vehicle(4, 'red')"
    message = "Vehicle.__init__() takes 2 positional arguments but 3 were given"
    text = _hint("TypeError", message, [_cell_frame(code, 1)], code)
    assert "abstract" not in text, text


# ------------------------------------------------------------ numbers too large for a float


def _diverging(code: str, message: str, library: bool) -> str:
    frames = [
        _cell_frame("x = descend(f, 3.0)", 1),
        "Cell In[4], line 3, in f(x)\n      2 def f(x):\n----> 3     return x**4 - 2*x\n",
    ]
    if library:
        frames.append(
            "File /usr/local/lib/python3.10/site-packages/mpmath/ctx_mp.py:300, in f(x)\n"
            "---> 300     return math.exp(x)\n"
        )
    return _hint("OverflowError", message, frames, code)


def test_a_float_of_the_users_own_code_past_the_largest_is_told_so():
    text = _diverging("x = descend(f, 3.0)", "(34, 'Result too large')", library=False)
    assert "grew past the largest one (about 1.8e308)" in text, text
    assert "library" not in text, text


def test_a_float_overflow_inside_a_library_keeps_its_reading():
    text = _diverging("x = descend(f, 3.0)", "(34, 'Result too large')", library=True)
    assert "grew past the largest one" not in text, text


def test_an_int_too_large_for_a_float_is_told_to_stay_exact_not_to_use_int64():
    code = "p = math.factorial(n) / (math.factorial(n - k) * n**k)"
    for message in ("int too large to convert to float", "long int too large to convert to float"):
        text = _hint("OverflowError", message, [_cell_frame(code, 1)], code)
        assert "too large to become a float" in text and "int64" not in text, text


def test_an_int_too_large_for_a_c_long_keeps_the_integer_type_reading():
    code = "a = np.array([2**70])"
    text = _hint(
        "OverflowError", "Python int too large to convert to C long", [_cell_frame(code, 1)], code
    )
    assert "too large to become a float" not in text, text


# --------------------------------------------------------------- a notebook's own model class


FOREST = "class MyForest():\n    def fit(self, X, y):\n        self.trees = [grow(X, y)]\n"


def test_an_own_model_class_without_the_attribute_is_told_its_code_never_sets_it():
    message = "'MyForest' object has no attribute 'feature_importances_'"
    text = _notebook_attribute(message, "imp = forest.feature_importances_", FOREST)
    assert text.startswith("`MyForest` is your own class, and its code never sets"), text
    assert "only tree models" not in text, text


def test_an_own_subclass_of_a_library_model_is_no_own_class_without_it():
    definition = "class MyForest(LinearRegression):\n    pass\n"
    message = "'MyForest' object has no attribute 'feature_importances_'"
    text = _notebook_attribute(message, "imp = forest.feature_importances_", definition)
    assert "your own class" not in text, text


# --------------------------------------------------------------- a raise under no condition


def test_a_raise_under_no_condition_is_told_deliberate():
    code = "print('start')\ntry:\n    raise KeyError\nexcept TypeError:\n    print('caught')"
    text = _hint("KeyError", "", [_cell_frame(code, 3)], code)
    assert "Line 3 raises KeyError under no condition" in text, text
    assert "`except KeyError:`" in text, text


def test_a_raise_under_an_if_keeps_the_condition_look():
    code = "for v in values:\n    if v < 0:\n        raise ValueError('negative')"
    text = _hint("ValueError", "negative", [_cell_frame(code, 3)], code)
    assert "under no condition" not in text, text
    assert "condition before this `raise`" in text, text


# --------------------------------------------------------------- a condition without its `if`


def test_a_condition_ending_with_a_colon_is_told_its_if_is_missing():
    cell = "for g in genders:\n    g == 'f' or g == 'F':\n        out.append(1)"
    text = _syntax_hint(cell, "    g == 'f' or g == 'F':")
    assert "write `if` (or `elif`, `while`) at its start" in text, text


def test_a_line_with_no_comparison_keeps_the_unfinished_reading():
    cell = "for g in genders:\n    total = sum(g:\n        out.append(1)"
    text = _syntax_hint(cell, "    total = sum(g:")
    assert "write `if`" not in text, text


# ------------------------------------------------------------------ a research package module


@pytest.mark.parametrize(
    ("module", "said"),
    [
        ("object_detection.utils.visualization_utils", "research package, not your own"),
        ("helpers", "most likely your own module"),
    ],
)
def test_only_a_project_module_is_called_your_own(module, said):
    code = "vis.draw_grid(images)"
    message = f"module '{module}' has no attribute 'draw_grid'"
    assert said in _hint("AttributeError", message, [_cell_frame(code, 1)], code)


# ----------------------------------------------------------------------------- seaborn's plt


def test_seaborns_plt_is_told_removed():
    code = "import seaborn as sns\nsns.heatmap(m)\nsns.plt.show()"
    text = _hint(
        "AttributeError", "module 'seaborn' has no attribute 'plt'", [_cell_frame(code, 3)], code
    )
    assert "`plt` was removed from seaborn" in text and "seaborn.py" not in text, text


# ---------------------------------------------------------- a library's class imported alone


@pytest.mark.parametrize(
    ("module", "said"),
    [
        ("RandomForestClassifier", "`from sklearn.ensemble import RandomForestClassifier`"),
        ("shapefile_tools", "Python finds no module `shapefile_tools`"),
    ],
)
def test_a_librarys_class_imported_as_a_module_is_told_its_import(module, said):
    code = f"import pandas as pd\nimport {module}"
    message = f"No module named '{module}'"
    text = _hint("ModuleNotFoundError", message, [_cell_frame(code, 2)], code)
    assert said in text, text


# ------------------------------------------------------- a Python 3 method on a Python 2 kernel


@pytest.mark.parametrize(
    ("message", "python2"),
    [
        ("'datetime.datetime' object has no attribute 'timestamp'", True),
        ("'datetime.datetime' object has no attribute 'timestmp'", False),
    ],
)
def test_a_method_python_3_3_added_tells_the_kernel_runs_python_2(message, python2):
    code = "t = datetime.datetime.now().timestamp()"
    text = _hint("AttributeError", message, [_cell_frame(code, 1)], code)
    assert ("this kernel runs Python 2" in text) == python2, text
