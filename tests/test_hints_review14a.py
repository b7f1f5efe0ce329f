"""Review 14a: conditions of wave 17 (undefined names, the notebook's order, SyntaxError slips)
that let a specific hint speak where its claim is false. Each fix is paired: a crash where the
hint must stay quiet, and its neighbour where it still speaks. Cells, tracebacks and messages are
written here by hand in Python's and the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions84 import _own_file_hint
from tests.test_hints_conditions85 import _crash, _undefined


def _syntax(line: str, caret_at: str, width: int = 1, message: str = "invalid syntax") -> str:
    """The hint of a SyntaxError on ``line``, ``width`` carets under the first ``caret_at``."""
    column = line.index(caret_at)
    traceback = [
        '  File "<ipython-input-5-0123456789ab>", line 1',
        f"    {line}",
        "    " + " " * column + "^" * width,
        f"SyntaxError: {message}",
    ]
    record = ErrorRecord(
        ename="SyntaxError",
        evalue=f"{message} (<ipython-input-5-0123456789ab>, line 1)",
        traceback=tuple(traceback),
        code=line,
    )
    return diagnose(record).hint


COMMA = "invalid syntax. Perhaps you forgot a comma?"


# ------------------------------------------- a call missing its comma is no column with spaces


def test_a_call_missing_a_comma_between_variables_is_no_column_name():
    text = _syntax("model.fit(X_train y_train)", "X_train", 15, COMMA)
    assert "name of a column" not in text, text


def test_a_column_name_with_spaces_after_a_dot_is_still_told():
    text = _syntax("df.test_score(out of 10)", "out", 6, COMMA)
    assert "df['test_score(out of 10)']" in text, text


# ------------------------------------------------- range(1:10) is no subscript of range


def test_a_builtin_called_with_a_slice_is_not_told_to_subscript_it():
    text = _syntax("for i in range(1:10):", ":")
    assert "range[1:10]" not in text, text
    assert "range(1, 10)" in text, text


def test_a_notebook_name_called_with_a_slice_is_still_told_its_subscript():
    text = _syntax("first = arr(4:)", ":")
    assert "`arr[4:]`" in text, text


# ------------------------------------------ two sibling variables are no misspelt pair


def test_a_sibling_variable_another_cell_defines_is_no_slip():
    code = "scaler_x = make_scaler(X)\ny_scaled = scaler_y.transform(y)"
    cells = [("scaler_y = make_scaler(y)", 3, None), (code, 4, None)]
    text = _undefined("scaler_y", cells, 1, 2, 4)
    assert "misspelt" not in text, text


def test_a_slip_inside_a_word_is_still_told_beside_another_cells_name():
    code = "logs_dors = os.path.join('runs', 'tuning')\nwriter = make_writer(logs_dirs)"
    cells = [("import os", 1, None), ("logs_dirs = 'images'", 9, None), (code, 4, None)]
    text = _undefined("logs_dirs", cells, 2, 2, 4)
    assert "misspelt" in text, text


# ------------------------------- a package's add-on is no like-named package of the install


def _no_module(module, cells, crash):
    return _crash("ModuleNotFoundError", f"No module named '{module}'", cells, crash, 1, 2)


def test_an_add_on_of_the_installed_package_is_not_told_to_import_that_package():
    cells = [
        ("!pip install torch-geometric", 1, None),
        ("import torch_geometric_temporal", 2, None),
    ]
    text = _no_module("torch_geometric_temporal", cells, 1)
    assert "like name" not in text, text


def test_a_like_named_package_the_notebook_installs_is_still_told():
    cells = [("!pip install app-store-scraper", 1, None), ("import app_store_reviews", 2, None)]
    text = _no_module("app_store_reviews", cells, 1)
    assert "`app-store-scraper`, a package of a like name" in text, text


# --------------------------- a key read only inside a function never called was never read


LOAD = "df = pd.read_csv('prices.csv')"
CRASH = "df['Open'].plot()"


def _key_read_by(reader: str) -> str:
    cells = [(LOAD, 1, None), (reader, 2, None), (CRASH, 4, None)]
    cells.append(("df = pd.read_csv('b.csv')", 3, None))
    return _crash("KeyError", "'Open'", cells, 2, 1, 4)


def test_a_key_read_in_a_function_body_is_no_read_without_error():
    text = _key_read_by("def smooth(n):\n    return df['Open'].rolling(n).mean()")
    assert "without an error" not in text, text


def test_a_key_read_at_a_cells_top_level_is_still_told():
    text = _key_read_by("for n in (5, 20):\n    avg = df['Open'].rolling(n).mean()")
    assert "read 'Open' from `df` without an error" in text, text


# ---------------------- a Python 2 builtin that is also a common variable name, in an own file


def test_long_as_a_longitude_in_an_own_file_is_not_told_python_2():
    text = _own_file_hint("long", "ax.scatter(lat, long, s=4)")
    assert "Python 2" not in text, text
    assert "define or import it in that file" in text, text


def test_raw_input_in_an_own_file_is_still_told_python_2():
    text = _own_file_hint("raw_input", "answer = raw_input('label? ')")
    assert "Python 2" in text and "`input`" in text, text


# ------------------- a bare name a star import or %run may bind is no IPython command for sure


def test_history_beside_a_star_import_is_not_told_the_magic():
    cells = [("from training import *", 1, None), ("fit_all(models)\nhistory", 2, None)]
    text = _undefined("history", cells, 1, 2, 2)
    assert "IPython command" not in text, text


def test_history_in_a_notebook_that_binds_it_nowhere_is_still_told_the_magic():
    cells = [("import os", 1, None), ("fit_all(models)\nhistory", 2, None)]
    text = _undefined("history", cells, 1, 2, 2)
    assert "`%history`" in text, text


# ---------------------------------------------- a shell line's && is no filter of Python's


def test_a_shell_line_with_double_ampersand_is_not_told_a_filter():
    text = _syntax("make && make install", "&&")
    assert "pandas" not in text and "`and`" not in text, text


def test_double_ampersand_between_tests_is_still_told():
    text = _syntax("if score > 10 && done:", "&&")
    assert "Python has no `&&`" in text, text
