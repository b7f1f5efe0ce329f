"""Templates speak only where their conditions hold (issue 12, ninth round: wrong hints that
earlier blind audits graded and the current version still gave). Each test pairs a crash where a
hint must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.cells import analyse_cell
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE
from tests.test_notebook_saved import run, saved, tb

# ------------------------------------- 1. a cell's names are read as IPython runs the cell


def test_a_cell_indented_as_a_whole_still_defines_its_names():
    # IPython removes the first line's indentation from every line: ` s = ...` runs.
    assert "s" in analyse_cell(" s = pd.Series([1, 2])").defines
    assert {"x", "y"} <= analyse_cell("\n  x = 1\n  y = x\n").defines


def test_a_name_whose_defining_cell_was_indented_and_failed_is_a_previous_cell_error():
    error = ("AttributeError", "module 'pandas' has no attribute 'series'")
    errors = {1: tb(3, 1, " s = pd.series([1, 2])", error)}
    missing = ("NameError", "name 's' is not defined")
    f = run(saved([" s = pd.series([1, 2])", "s"], [3, 8], crash=2, error=missing, errors=errors))
    assert f is not None and f.notebook_cause == "previous_cell_error", f
    assert f.hint.startswith("Cell 1 [3] failed (AttributeError"), f.hint


# ------------------------------------------------- 2. slips the failing line itself shows


@pytest.mark.parametrize(
    ("name", "line", "says"),
    [
        ("file", "data = pd.read_excel(file.xlsx)", "`'file.xlsx'`"),
        ("cat_01", "img = load_img(cat_01.png)", "`'cat_01.png'`"),
        ("tesseract", "tesseract --version", "`!tesseract --version`"),
        ("jt", "jt -l", "`!jt -l`"),
        ("python", "python-snappy", "`%pip install python-snappy`"),
    ],
)
def test_a_file_name_or_a_shell_line_read_as_python_is_named(name, line, says):
    text = hint(crash("NameError", f"name '{name}' is not defined", line, code=line))
    assert says in text, text


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("iris", "X = iris.data"),  # a Bunch's attribute, not a file
        ("fname", "df = pd.read_csv('fname.csv' + fname)"),  # quoted: no slip
        ("total", "total - 1"),  # a subtraction of numbers
    ],
)
def test_no_slip_is_claimed_where_the_line_shows_none(name, line):
    text = hint(crash("NameError", f"name '{name}' is not defined", line, code=line))
    assert "file name without quotes" not in text and "shell command" not in text, text
    assert "subtraction" not in text, text


def test_a_formula_name_patsy_cannot_find_is_a_column_of_the_data_not_a_variable():
    message = (
        "Error evaluating factor: NameError: name 'WT' is not defined\n    MPG~VOL+WT\n"
        "            ^^"
    )
    line = "model = smf.ols('MPG~VOL+WT', data=cars).fit()"
    traceback = [
        "-" * 75,
        "PatsyError                                Traceback (most recent call last)",
        f"Cell In[3], line 1\n----> 1 {line}\n",
        f"File {SITE}/patsy/eval.py:170, in eval\n",
        f"PatsyError: {message}",
    ]
    record = ErrorRecord.from_dict(
        {
            "ename": "PatsyError",
            "evalue": message,
            "traceback": traceback,
            "code": line,
            "notebook": {"cells": [{"id": "c0", "source": line, "execution_count": 3}]},
            "cell_id": "c0",
            "execution_count": 3,
        }
    )
    text = diagnose(record).hint
    assert "`WT`" in text and "column" in text, text
    assert "not defined anywhere" not in text, text


# ------------------------------------------------- 3. what a re-run changes, and what it does not


def test_a_function_of_a_module_whose_result_is_kept_changes_nothing():
    info = analyse_cell("m = np.append(shape, n)\nitems.append(3)\nlast = stack.pop()")
    changed = {m.name for m in info.mutations}
    assert changed == {"items", "stack"}, info.mutations


def test_an_earlier_cell_that_failed_with_this_very_error_is_not_its_cause():
    error = ("KeyError", "\"['steari'] not in index\"")
    cells = ["acids = ['palmitic', 'steari']\nsub = olive[acids]", "sub = olive[acids] / 100"]
    errors = {1: tb(4, 2, "sub = olive[acids]", error)}
    f = run(saved(cells, [4, 5], crash=2, error=error, errors=errors))
    assert f is None or "still holds an older value" not in f.hint, f


def test_a_name_the_crashing_cell_sets_before_its_failing_line_holds_no_stale_value():
    error = ("AttributeError", "'NoneType' object has no attribute 'ole_objects'")
    first = "sheet = wb.sheet('S')"
    crash_cell = 'if __name__ == "__main__":\n    sheet = wb["S"]\n    sheet.legacy.ole_objects'
    errors = {1: tb(2, 1, first, ("AttributeError", "'Book' object has no attribute 'sheet'"))}
    f = run(
        saved(
            [first, crash_cell],
            [2, 3],
            crash=2,
            error=error,
            errors=errors,
            line="    sheet.legacy.ole_objects",
        )
    )
    assert f is None or "still holds an older value" not in f.hint, f
    # Without the crashing cell's own assignment, the earlier failure is the account.
    crash_cell = "sheet.legacy.ole_objects"
    f = run(saved([first, crash_cell], [2, 3], crash=2, error=error, errors=errors))
    assert f is not None and "`sheet` still holds an older value" in f.hint, f


def test_the_main_guard_is_no_condition_in_a_notebook():
    info = analyse_cell('if __name__ == "__main__":\n    x = 1\nif flag:\n    y = 2\n')
    assert "x" not in info.conditional and "y" in info.conditional


# ------------------------------------------- 4. the arguments a message names, and only those


@pytest.mark.parametrize(
    ("ename", "message", "line", "named"),
    [
        ("ValueError", "Unknown window type.", "signal.firwin(n, cutoff=0.3, window='hann')",
         "`window='hann'`"),
        ("ValueError", "No axis named 2 for object type DataFrame", "df.sum(axis=2)", "`axis=2`"),
        ("ValueError", "'c' argument has 3 elements", "plt.scatter(x, y, c=colors)", "`c=colors`"),
    ],
)  # fmt: skip
def test_an_argument_the_message_is_about_is_named(ename, message, line, named):
    text = hint(crash(ename, message, line, frames=[(f"{SITE}/lib/core.py", "run")]))
    assert named in text, text


@pytest.mark.parametrize(
    ("ename", "message", "line", "never"),
    [
        ("ValueError", "labels ['A'] not contained in axis", "df.drop(['A'], axis=1)",
         "Check `axis=1`"),
        ("TypeError", "float() argument must be a string or a number, not 'method'",
         "sns.distplot(a=df.income)", "Check `a=df.income`"),
        ("ValueError", "There must be exactly two hue levels to use `split`.",
         "sns.violinplot(x='s', hue='day', split=True)", "`hue='day'` and"),
        ("CalledProcessError", "Command '['java', '-jar', 'tabula.jar', '--pages', 'all']' "
         "returned non-zero exit status 1.", "tabula.read_pdf(f, pages='all')", "Check `pages"),
    ],
)  # fmt: skip
def test_a_plain_word_or_a_command_line_names_no_argument(ename, message, line, never):
    text = hint(crash(ename, message, line, frames=[(f"{SITE}/lib/core.py", "run")]))
    assert never not in text, text


def test_labels_pandas_cannot_drop_are_read_as_missing_keys():
    code = "df = df.drop(['AREA', 'REG'], axis=1)"
    text = hint(
        crash(
            "ValueError",
            "labels ['AREA' 'REG'] not contained in axis",
            code,
            frames=[(f"{SITE}/pandas/core/frame.py", "drop")],
            code=code,
        )
    )
    assert "'AREA'" in text and "Check `axis=1`" not in text, text


# ---------------------------------------------- 5. failures no value of the call explains


def test_a_device_the_machine_lacks_is_no_argument_to_check():
    message = (
        "Cannot assign a device to node 'loss/Prod': Could not satisfy explicit device "
        "specification '/device:GPU:0' because no devices matching that specification are "
        "registered in this process"
    )
    line = "sess.run(init, feed_dict={labels: y, logits: pred})"
    frames = [(f"{SITE}/tensorflow/python/client/session.py", "run")]
    text = hint(crash("InvalidArgumentError", message, line, frames=frames))
    assert "device this machine does not have" in text and "Check `" not in text, text


@pytest.mark.parametrize(
    "message",
    [
        "Number of features of the model must match the input. Model n_features is 21 and "
        "input n_features is 4",
        "`bins` must increase monotonically, when an array",
        "len() of a 0-d tensor",
    ],
)
def test_a_message_about_counts_or_order_of_inputs_is_not_called_input_free(message):
    text = hint(crash("ValueError", message, "m.predict(X)", frames=[(f"{SITE}/lib/a.py", "f")]))
    assert "own account of the failure" not in text, text


def test_an_input_free_message_makes_no_claim_about_the_users_values():
    text = hint(crash("ValueError", "Function did not transform", "df.transform(f)"))
    assert "names no value" not in text and "search for it" in text, text


# --------------------------------------- 6. a quoted name on the line is the data's name only


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        ("total = float('Order ID')", True),  # the name itself is converted
        ("df['Order ID'] = df['Order ID'].astype(float)", False),  # the column is converted
    ],
)
def test_a_quoted_name_is_blamed_only_where_it_is_passed_not_subscripted(line, speaks):
    text = hint(crash("ValueError", "could not convert string to float: 'Order ID'", line))
    assert ("written on this line as a string" in text) is speaks, text


@pytest.mark.parametrize(
    ("name", "says"),
    [("str", "hides Python's built-in `str`"), ("tqdm", "call the function or class inside it")],
)
def test_a_called_module_named_like_a_builtin_hides_the_builtin(name, says):
    line = f"label = {name}(value)"
    text = hint(crash("TypeError", "'module' object is not callable", line, code=line))
    assert says in text, text


# ------------------------------------ 7. the failing line's number counts the cell's own lines


def test_the_failing_line_number_counts_the_cells_own_lines_not_the_tracebacks_copies():
    from jupyterlab_nbcrash.diagnosis.traceback import parse
    from jupyterlab_nbcrash.diagnosis.where import failing_line_number, own_lines

    code = "df.drop('a', axis=1, inplace=True)\ndf['a'].mean()"
    record = ErrorRecord(
        ename="KeyError",
        evalue="'a'",
        traceback=(
            "-" * 75,
            "KeyError                                  Traceback (most recent call last)",
            "Cell In[4], line 2\n----> 2 df['a'].mean()\n",
            "KeyError: 'a'",
        ),
        code=code,
    )
    parsed = parse(record)
    assert own_lines(parsed) == code.splitlines()
    assert failing_line_number(parsed) == 2
    # The removal on line 1 comes before the failing line 2 of the same cell.
    assert "Line 1 of this cell" in diagnose(record).hint


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("response", "r = response.json()"),  # a method named like a suffix: no file name
        ("total", "tax = 0.2\ntotal -tax"),  # the word after `-` is a variable: arithmetic
        ("price", "discount = 5\nprice-discount"),
    ],
)
def test_no_file_name_or_shell_line_where_the_line_is_python_after_all(name, code):
    line = code.splitlines()[-1]
    text = hint(crash("NameError", f"name '{name}' is not defined", line, code=code))
    assert "file name without quotes" not in text and "shell command" not in text, text
    assert "subtraction" not in text, text
