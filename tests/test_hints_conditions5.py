"""Templates speak only where their conditions hold (issue 12, fifth round on the wild set's
study half): each test pairs a crash where a template must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

# ---------------------------------------- 1. `.shape` and `.dtype` only for a message about them


@pytest.mark.parametrize(
    ("message", "line", "says", "never"),
    [
        ("Invalid format specifier", 'print(f"score: {score:%d}")', "Print the values", ".shape"),
        ("Argument Z must be 2-dimensional.", "ax.plot_wireframe(x, y, z)", "`.shape`", ".dtype"),
        ("Unsupported dtype object for this operation", "f.run(v)", "`.dtype`", ".shape"),
    ],
)
def test_a_value_error_is_looked_at_for_what_its_message_is_about(message, line, says, never):
    text = hint(crash("ValueError", message, line))
    assert says in text and never not in text, text


# ------------------------------------------------- 2. a call that passes nothing has no inputs


def _through(ename, message, line, *frames):
    """The hint for a crash whose line called into ``frames``: (path under SITE, function)."""
    return hint(crash(ename, message, line, frames=[(f"{SITE}/{p}", f) for p, f in frames]))


def test_a_call_without_arguments_points_at_its_object_not_at_what_it_passes():
    frames = [("gym/core.py", "reset"), ("gym/envs/classic_control/rendering.py", "get_image")]
    message = "get_data() missing 2 required positional arguments: 'format' and 'pitch'"
    text = _through("TypeError", message, "obs = self.env.reset()", *frames)
    assert "`self.env.reset()` passes no arguments" in text and "what you pass" not in text, text
    # The same call with arguments: what it passes is still what to compare.
    text = _through("TypeError", message, "obs = self.env.reset(seed=s)", *frames)
    assert "passes no arguments" not in text and "what you pass" in text, text


def test_a_saved_file_that_a_library_rejects_is_about_its_content_not_its_name():
    message = "The channel dimension of the inputs should be defined."
    load = ("keras/saving/save.py", "load_model")
    text = _through("ValueError", message, "model = load_model('cnn.h5')", load)
    assert "rejects what is saved in it" in text and "Check the inputs" not in text, text
    # A literal that is no file name: the call's inputs are still what to check.
    text = _through("ValueError", message, "model = build('relu')", ("keras/models.py", "build"))
    assert "saved in it" not in text, text


# ------------------------------------------------------ 3. an argument the message names, or none


def test_a_message_that_counts_no_samples_points_at_empty_data_not_at_the_argument():
    message = "Cannot have number of folds n_folds=5 greater than the number of samples: 0."
    text = hint(crash("ValueError", message, "cv = KFold(n=len(labels), n_folds=k)"))
    assert "data passed is empty" in text and "`n_folds=k`" not in text, text
    message = "Cannot have number of folds n_folds=5 greater than the number of samples: 3."
    text = hint(crash("ValueError", message, "cv = KFold(n=len(labels), n_folds=k)"))
    assert "`n_folds=k`" in text and "empty" not in text, text


# ---------------------------------------------------- 4. what the OS error's own words say


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("os.rmdir(path)", "`os.rmdir` removes only empty folders"),
        ("os.rename(path, other)", "The folder is not empty"),
    ],
)
def test_a_folder_that_is_not_empty_is_told_so_whatever_the_path(line, says):
    message = "[Errno 39] Directory not empty: '/data/out/__MACOSX'"
    text = hint(crash("OSError", message, line))
    assert says in text and "os.getcwd()" not in text, text


def test_an_os_error_of_no_known_condition_keeps_print_the_path():
    text = hint(crash("OSError", "[Errno 5] Input/output error: '/mnt/x'", "open('/mnt/x')"))
    assert "Print the path" in text, text


def test_a_windows_path_over_260_characters_is_told_as_too_long():
    folder = "\\\\\\\\server\\\\share\\\\" + "\\\\".join(
        ["sub_folder_name_" + str(i) for i in range(14)]
    )
    long_path = folder + "\\\\figure.png"
    message = f"[Errno 2] No such file or directory: '{long_path}'"
    text = hint(crash("FileNotFoundError", message, "fig.savefig(path)"))
    assert "over Windows' usual limit of 260" in text, text
    short = "\\\\\\\\server\\\\share\\\\figure.png"
    message = f"[Errno 2] No such file or directory: '{short}'"
    text = hint(crash("FileNotFoundError", message, "fig.savefig(path)"))
    assert "260" not in text and "network folder" in text, text


# ------------------------------------------------------------ 5. a pipe to a worker process


def test_a_broken_pipe_to_a_worker_process_is_no_network_connection():
    frames = [
        (f"{SITE}/torch/utils/data/dataloader.py", "__init__"),
        ("C:\\Anaconda3\\lib\\multiprocessing\\reduction.py", "dump"),
    ]
    line = "for xx, yy in train_loader:"
    text = hint(crash("BrokenPipeError", "[Errno 32] Broken pipe", line, frames=frames))
    assert "worker process" in text and "server" not in text, text
    frames = [(f"{SITE}/urllib3/connectionpool.py", "urlopen")]
    text = hint(crash("BrokenPipeError", "[Errno 32] Broken pipe", "r = s.get(url)", frames=frames))
    assert "connection failed" in text and "worker" not in text, text


# --------------------------------------------------------------- 6. an exit that was intended


@pytest.mark.parametrize(
    ("code", "message", "says", "never"),
    [
        (
            "for ep in range(100):\n    score = run()\n    if score > 400:\n        sys.exit()",
            "",
            ("`if score > 400` was true", "`break`"),
            "use `raise`",
        ),
        # A script's entry point: always true in a notebook; exit code 0 is a normal end.
        (
            "if __name__ == '__main__':\n    app = QApplication([])\n    sys.exit(app.exec_())",
            "0",
            ("always true in a notebook", "ended normally"),
            "`break`",
        ),
    ],
)
def test_an_exit_under_the_cells_check_may_be_the_intended_stop(code, message, says, never):
    from tests.test_hints_objects import hint as object_hint

    text = object_hint("SystemExit", message, code=code)
    assert all(s in text for s in says) and never not in text, text


# ------------------------------------------------------ 7. a trailing comma that makes a tuple


def test_a_trailing_comma_that_makes_a_tuple_is_named_whatever_the_library_says():
    frames = [(f"{SITE}/darts/models/forecasting/nbeats.py", "fit")]
    message = 'can only concatenate tuple (not "int") to tuple'
    code = "size = 6,\nsteps = 2\nmodel = NBEATS(size=size, steps=steps)\nmodel.fit(series)"
    text = hint(crash("TypeError", message, "model.fit(series)", frames=frames, code=code))
    assert "`size = 6,` ends with a comma" in text and "`(6,)`" in text, text
    # Written as a tuple on purpose, or not used by the cell: the template stays silent.
    for code in ("size = (6,)\nmodel = NBEATS(size=size)", "size = 6,\nmodel = NBEATS(k=2)"):
        text = hint(crash("TypeError", message, "model.fit(series)", frames=frames, code=code))
        assert "ends with a comma" not in text, text
    # A message about no tuple at all: the comma is not what failed.
    code = "size = 6,\nmodel = NBEATS(size=size)"
    text = hint(crash("TypeError", "unsupported operand", "model.fit(s)", frames=frames, code=code))
    assert "ends with a comma" not in text, text


# ------------------------------------------------- 8. what an IndentationError's words say


def _indentation_hint(cell: str, marked: str, message: str) -> str:
    number = cell.splitlines().index(marked) + 1
    traceback = (
        f"  Cell In[4], line {number}\n    {marked}\n    ^\nIndentationError: {message}\n",
    )
    record = ErrorRecord(ename="IndentationError", evalue=message, traceback=traceback, code=cell)
    return diagnose(record).hint


_PROSE = " Mean is the average of the values and the median is the middle one"
_AFTER_FOR = "expected an indented block after 'for' statement on line 1"
_UNINDENT = "unindent does not match any outer indentation level"


@pytest.mark.parametrize(
    ("cell", "marked", "message", "says"),
    [
        ("x = 1\n    y = 2", "    y = 2", "unexpected indent", "Line 2 (`y = 2`) is indented"),
        ("for i in a:\nprint(i)", "print(i)", _AFTER_FOR, "`for` line (line 1) needs an indented"),
        ("if a:\n    b = 1\n  c = 2", "  c = 2", _UNINDENT, "lines up with no block above it"),
        (f"x = 1\n{_PROSE}", _PROSE, "unexpected indent", "is text, not Python"),
    ],
)
def test_an_indentation_error_names_its_line_and_what_is_wrong(cell, marked, message, says):
    text = _indentation_hint(cell, marked, message)
    assert says in text and "indent the lines of one block the same way" not in text, text


# ------------------------------------------------ 9. the frame the line looks a column up in


def test_a_missing_column_names_the_frame_the_line_subscripts():
    frames = [(f"{SITE}/pandas/core/frame.py", "__getitem__")]
    text = hint(crash("KeyError", "'Country'", "c['Country'].plot()", frames=frames))
    assert "print `c.columns`" in text, text
    # An expression, not a name: no frame to name, the generic wording stays.
    line = "df.groupby('a')['Country'].sum()"
    text = hint(crash("KeyError", "'Country'", line, frames=frames))
    assert "`df.groupby" not in text and ".columns`" in text, text


# ----------------------------------------------- 10. a notebook that Colab saved ran on Colab


def test_an_error_saved_by_colab_is_read_as_a_colab_runtime():
    # Colab writes "ignored" for the message; the traceback's last line keeps the real one.
    traceback = (
        "FileNotFoundError                         Traceback (most recent call last)",
        "<ipython-input-3-0c1e> in <module>()\n----> 1 df = pd.read_csv('diabetes.csv')\n",
        "FileNotFoundError: [Errno 2] No such file or directory: 'diabetes.csv'",
    )
    code = "df = pd.read_csv('diabetes.csv')"
    colab = ErrorRecord(ename="FileNotFoundError", evalue="ignored", traceback=traceback, code=code)
    assert "on Colab `/content`" in diagnose(colab).hint
    message = "[Errno 2] No such file or directory: 'diabetes.csv'"
    local = ErrorRecord(ename="FileNotFoundError", evalue=message, traceback=traceback, code=code)
    assert "Colab" not in diagnose(local).hint


# ------------------------------------- 11. a plain "invalid syntax": where, not a guessed cause


def _syntax(cell: str, marked: str, caret_at: str, message: str = "invalid syntax") -> str:
    """The hint for a SyntaxError whose caret stands under ``caret_at`` in ``marked``."""
    number = cell.splitlines().index(marked) + 1
    column = marked.index(caret_at) if caret_at else len(marked) + 1
    traceback = (
        f'  File "<ipython-input-4-0a1b2c>", line {number}\n    {marked}\n'
        f"    {' ' * column}^\nSyntaxError: {message}\n",
    )
    record = ErrorRecord(ename="SyntaxError", evalue=message, traceback=traceback, code=cell)
    return diagnose(record).hint


def test_a_plain_syntax_error_says_where_python_stopped_and_claims_no_cause():
    text = _syntax("x = 1\nprint(df.shape) c", "print(df.shape) c", "c")
    assert "from `c` on" in text and "missing bracket" not in text, text
    text = _syntax("y = f(a,\n", "y = f(a,", "")
    assert "end of the marked line" in text, text


_URL = "https://example.org/data.csv"
_LATEX = "The loss is $\\frac{1}{n}\\sum_i e_i$"
_BASH = "if [ -f a.txt ]; then\n  echo yes\nfi\nfor f in *; do\n  echo $f\ndone"


@pytest.mark.parametrize(
    ("cell", "marked", "caret_at", "says"),
    [
        (f"import pandas as pd\n{_URL}", _URL, "/", "web address"),
        (f"x = 1\n{_LATEX}", _LATEX, "loss", "LaTeX"),
        (_BASH, "if [ -f a.txt ]; then", "[", "`%%bash`"),
        ("SELECT name, age\nFROM people\nWHERE age > 30", "SELECT name, age", "name", "SQL query"),
    ],
)
def test_text_of_another_kind_in_a_code_cell_is_named(cell, marked, caret_at, says):
    text = _syntax(cell, marked, caret_at)
    assert says in text, text


def test_python_that_mentions_those_words_is_no_other_language():
    cell = "query = 'SELECT a FROM t'\nrows = run(query) x"
    assert "SQL" not in _syntax(cell, "rows = run(query) x", "x")
    cell = "url = 'https://example.org'\nget(url) y"
    assert "web address" not in _syntax(cell, "get(url) y", "y")


# ------------------------------- 12. a library's own NotImplementedError, a script's exit


def test_a_library_not_implementing_something_is_no_subclass_of_yours():
    frames = [("pandas_datareader/data.py", "DataReader")]
    message = "data_source='google' is not implemented"
    text = _through(
        "NotImplementedError", message, "df = data.DataReader('BAC', 'google')", *frames
    )
    assert "does not implement this" in text and "subclass" not in text, text
    # Raised by the user's own class: the override look stays.
    own = [("<ipython-input-2-a>", "area")]
    text = hint(crash("NotImplementedError", "", "shape.area()", frames=own))
    assert "override" in text and "does not implement this" not in text, text


# -------------------------------------- 13. a file saved by another version of its library


@pytest.mark.parametrize(
    ("ename", "message", "line"),
    [
        (
            "AttributeError",
            "module 'pandas._libs.internals' has no attribute '_unpickle_block'",
            "df = pd.read_pickle('data.pickle')",
        ),
        (
            "ModuleNotFoundError",
            "No module named 'pandas.core.indexes.numeric'",
            "with open('m.pkl', 'rb') as f: model = pickle.load(f)",
        ),
    ],
)
def test_a_file_saved_by_another_library_version_is_told_so(ename, message, line):
    text = hint(crash(ename, message, line))
    assert "saved with another version of `pandas`" in text, text
    # The same missing module imported by the user's own line: no file is involved.
    text = hint(crash(ename, message, "import pandas.core.indexes.numeric"))
    assert "saved with another version" not in text, text
    # A package of the user's own (no version of it to install) is no library version mismatch.
    own = message.replace("pandas", "myproject")
    text = hint(crash(ename, own, line))
    assert "saved with another version" not in text, text


# -------------------------------- 14. a call without arguments that the message says needs one


def test_a_call_without_the_argument_the_message_asks_for_is_told_to_pass_it():
    frames = [("pandas/core/frame.py", "fillna"), ("pandas/core/generic.py", "fillna")]
    message = "Must specify a fill 'value' or 'method'."
    text = _through("ValueError", message, "data.fillna()", *frames)
    # fillna's own words now get its two ways to fill (round 15); never "the object's state"
    assert "got neither a value" in text and "state of" not in text, text


def test_a_key_looked_up_in_a_series_is_no_missing_column():
    frames = [(f"{SITE}/pandas/core/series.py", "__getitem__")]
    text = hint(crash("KeyError", "'Poids'", "test['Poids'].plot()", frames=frames))
    assert "`test` is a Series here" in text and ".columns" not in text, text
    frames = [(f"{SITE}/pandas/core/frame.py", "__getitem__")]
    text = hint(crash("KeyError", "'Poids'", "test['Poids'].plot()", frames=frames))
    assert "Series" not in text and "`test.columns`" in text, text


# ------------------------------------------------ 15. a second positional argument read as dtype


@pytest.mark.parametrize(
    ("line", "message", "says"),
    [
        ("z = np.zeros(2,2)", "Cannot interpret '2' as a data type", "`np.zeros((2, 2))`"),
        ("a = np.array([1], [3])", "data type not understood", "`np.array([[1], [3]])`"),
    ],
)
def test_a_second_positional_argument_read_as_the_dtype_is_named(line, message, says):
    text = hint(crash("TypeError", message, line))
    assert says in text and "as the data type" in text, text
    # One argument: the dtype slot is not the slip.
    text = hint(crash("TypeError", message, "a = np.array(values)"))
    assert "as the data type" not in text, text


def test_pythons_own_maybe_you_meant_equals_is_kept_only_in_a_condition():
    message = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
    line = "df.drop([col]),axis=1,inplace=True"
    text = _syntax(f"x = 1\n{line}", line, "axis", message)
    assert "==" not in text and "from `axis=1,inplace=True` on" in text, text
    message = "cannot assign to function call here. Maybe you meant '==' instead of '='?"
    line = "f(x) = 3"
    text = _syntax(f"x = 1\n{line}", line, "f", message)
    assert "==" not in text and "cannot assign to function call" in text, text
    line = "if f(x) = 3:"
    assert "==" in _syntax(f"x = 1\n{line}", line, "f", message)


# ------------------------------------------------------ 16. keys that no table has by name


@pytest.mark.parametrize(
    ("message", "line", "says"),
    [
        ("False", "t[t['Sex' == 'male']]", "`'Sex' == 'male'` inside the brackets is compared"),
        ("False", "df[ok]", "the bool False"),
        ("None", "df[target]", "The key looked up is None"),
    ],
)
def test_a_bool_or_none_key_is_told_as_what_it_is(message, line, says):
    frames = [(f"{SITE}/pandas/core/frame.py", "__getitem__")]
    text = hint(crash("KeyError", message, line, frames=frames))
    assert says in text and ".columns" not in text, text
    # A dict's bool key, with no pandas in the traceback: no mask is claimed.
    text = hint(crash("KeyError", "False", "n = counts[flag]"))
    assert "the bool False" not in text, text
    # The string 'None' is a column name like any other.
    text = hint(crash("KeyError", "'None'", "df['None']", frames=frames))
    assert "is None" not in text and ".columns" in text, text


# ---------------------------------- 17. what was typed, a file held open, a browser that closed


_INVALID = "invalid literal for int() with base 10: ''"
_NOT_FLOAT = "could not convert string to float: "


@pytest.mark.parametrize(
    ("message", "line", "says"),
    [
        (_INVALID, "n = int(input())", "nothing"),
        (f"{_NOT_FLOAT}'abc'", "x = float(s)", "find where"),
        (f"{_NOT_FLOAT}'12,5'", "x = float(s)", "decimal=','"),
    ],
)
def test_a_number_conversion_of_one_value_is_no_column_to_encode(message, line, says):
    text = hint(crash("ValueError", message, line))
    assert says in text and "column" not in text, text
    # A pandas conversion of a column keeps the column advice (a decimal comma its own).
    frames = [(f"{SITE}/pandas/core/generic.py", "astype")]
    text = hint(crash("ValueError", message, "X = df['a'].astype(float)", frames=frames))
    assert "column" in text or "decimal=','" in text, text


def test_a_file_held_by_another_process_and_a_closed_browser_are_named():
    message = (
        "[WinError 32] The process cannot access the file because it is being used by another "
        "process: 'out.xlsx'"
    )
    text = hint(crash("PermissionError", message, "os.remove('out.xlsx')"))
    assert "holds the file" in text and "os.getcwd()" not in text, text
    frames = [("selenium/webdriver/remote/webdriver.py", "find_element")]
    text = _through(
        "WebDriverException", "Message: chrome not reachable", "driver.find_element(x)", *frames
    )
    assert "was closed or crashed" in text and "search for it" not in text, text


def test_an_element_selenium_cannot_find_is_on_the_page_not_a_missing_program():
    frames = [("selenium/webdriver/remote/webdriver.py", "find_element")]
    message = (
        'Message: no such element: Unable to locate element: {"method":"css selector"}\n'
        "Stacktrace:\nBacktrace:\n\tGetHandleVerifier [0x00A] (chromedriver.exe)"
    )
    text = _through("NoSuchElementException", message, "driver.find_element(by, sel)", *frames)
    assert "no element that matches the locator" in text and "PATH" not in text, text
    message = "Message: 'chromedriver' executable needs to be in PATH."
    text = _through("WebDriverException", message, "driver = webdriver.Chrome()", *frames)
    assert "PATH" in text and "locator" not in text, text


# ---------------------------------------------- 18. slips around an undefined name, seen in code


def _name_error(cells: list[str], line: str, name: str) -> str:
    """The hint for a NameError on ``name`` in a last cell ``line``, below ``cells``."""
    tb = (
        f"NameError Traceback\nCell In[5], line 1\n----> 1 {line}\n",
        f"NameError: name '{name}' is not defined",
    )
    shown = [*cells, line]
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1}
        for i, s in enumerate(shown)
    ]
    record = ErrorRecord.from_dict(
        {
            "ename": "NameError",
            "evalue": f"name '{name}' is not defined",
            "traceback": list(tb),
            "code": line,
            "cell_id": f"c{len(cells)}",
            "execution_count": len(shown),
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


@pytest.mark.parametrize(
    ("cells", "line", "name", "says"),
    [
        (["import seaborn as sns"], "sns=histplot(df)", "histplot", "write `sns.histplot(...)`"),
        (["import torchvision.models as m"], "t = torchvision.ops", "torchvision", "binds `m`"),
        (["x = 1"], "y = ____ + 1", "____", "a blank left to fill in"),
    ],
)
def test_a_slip_around_an_undefined_name_is_named(cells, line, name, says):
    assert says in _name_error(cells, line, name)


def test_no_slip_is_claimed_where_the_code_shows_none():
    # `histplot` alone, and no module imported under the name before `=`.
    assert "belongs" not in _name_error(["import numpy as np"], "y = histplot(df)", "histplot")
    assert "belongs" not in _name_error(["x = 1"], "sns=histplot(df)", "histplot")
    # `torchvision` imported whole: no "binds" claim.
    text = _name_error(
        ["import torchvision", "import torchvision.models as m"],
        "t = torchvision.ops",
        "torchvision",
    )
    assert "binds" not in text, text
