"""Syntax, import and connection hints whose claim did not hold on the crash (session 23d): a
commented-out first line whose bracket the lines below continue, a line of math with minus
signs, a name a library's message says it removed, a stray bracket typed before a call, an ODBC
connection string's value the driver refuses.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions103 import _indent_hint

# ------------------------- a commented-out line whose bracket the lines below still continue


def test_lines_that_continue_a_commented_out_selection_are_told_so():
    cell = (
        '#table = frame.loc[:, ["year", "region",\n'
        '        "income", "rent",\n'
        '        "households"]]\n'
        "#table.head()"
    )
    text = _indent_hint(cell, '        "income", "rent",')
    assert "(`#table = frame.loc[:, [" in text and "is commented out" in text, text
    assert "remove the spaces" not in text, text


def test_a_closed_comment_above_indented_lines_keeps_the_indentation_hint():
    cell = (
        '#table = frame.loc[:, ["year", "region"]]\n'
        "    total = 0\n"
        "    count = 0\n"
        "    mean = total / max(count, 1)"
    )
    text = _indent_hint(cell, "    total = 0")
    assert "commented out" not in text and "remove the spaces" in text, text


# ------------------------------------------------- a line of math written with minus signs


def test_an_equation_with_minus_signs_is_math_not_a_dash_to_retype():
    cell = "3a+b−5c=12\n2a−b+c=4"
    text = _syntax_hint(cell, "3a+b−5c=12", "invalid character '−' (U+2212)")
    assert "is math (`3a+b−5c=12`)" in text and "`3a` is no product" in text, text
    assert "`3*a`" in text and "retype the quotes" not in text, text


def test_code_with_a_minus_sign_is_still_told_to_retype_it():
    cell = "import numpy as np\nshift = np.mean(values) − offset"
    marked = "shift = np.mean(values) − offset"
    text = _syntax_hint(cell, marked, "invalid character '−' (U+2212)")
    assert "retype the quotes as ' or \" and the dashes as -" in text, text
    assert "is math" not in text, text


# ---------------------------------------- a library's message says it removed the name


_REMOVED = (
    "\n`load_digits_v0` has been removed from toolkitlib since version 3.1.\n\nUse load_digits."
)
_TABLE_REMOVED = (
    "\n`load_boston` has been removed from scikit-learn since version 1.2.\n\n"
    "The maintainers discourage this dataset; other datasets are listed below."
)
_GETATTR = [("/opt/env/lib/python3.10/site-packages/sklearn/datasets/__init__.py", "__getattr__")]


def test_a_name_the_message_says_was_removed_is_no_install_to_upgrade():
    parsed = crash("ImportError", _REMOVED, "digits = tk.load_digits_v0()", _GETATTR)
    text = hint(parsed)
    assert "`load_digits_v0` was removed from toolkitlib in version 3.1" in text, text
    assert "no install or upgrade brings it back" in text and "pip install" not in text, text


def test_a_removed_name_the_tables_know_gets_its_replacement():
    parsed = crash("ImportError", _TABLE_REMOVED, "houses = datasets.load_boston()", _GETATTR)
    text = hint(parsed)
    assert "`load_boston` is no longer in `sklearn.datasets`" in text, text
    assert "fetch_california_housing()" in text and "pip install" not in text, text


def test_an_import_failure_without_removal_words_keeps_the_install_hint():
    message = "cannot load the extension: the package was built for another platform"
    text = hint(crash("ImportError", message, "from fastlib import core"))
    assert "was removed from" not in text and "no longer in" not in text, text


# ---------------------------------------------- a stray bracket typed before a whole call


def test_a_bracket_typed_for_a_letter_names_the_call_meant():
    cell = "import matplotlib.pyplot as plt\nplt.plot(xs, ys)\n[lt.title('Growth')\nplt.show()"
    text = _syntax_hint(cell, "[lt.title('Growth')", "'[' was never closed")
    assert "where the `p` of `plt` belongs" in text and "write `plt.title('Growth')`" in text
    assert "add its `]`" not in text, text


def test_a_stray_bracket_without_a_known_name_is_told_to_go():
    cell = "[make_report(data)\nsummary = 1"
    text = _syntax_hint(cell, "[make_report(data)", "'[' was never closed")
    assert "delete that `[`" in text and "belongs" not in text, text


def test_a_list_left_open_after_its_items_keeps_the_closing_hint():
    cell = "sizes = [len(a), len(b),\n    len(c)\nprint(sizes)"
    text = _syntax_hint(cell, "sizes = [len(a), len(b),", "'[' was never closed")
    assert "add its `]`" in text and "delete that" not in text, text


def test_a_comprehension_left_open_below_the_bracket_gets_no_stray_reading():
    cell = "[scale(v)\n for v in values\nprint(1)"
    text = _syntax_hint(cell, "[scale(v)", "'[' was never closed")
    assert "delete that" not in text and "add its `]`" in text, text


# ------------------------------------- an ODBC connection string value the driver refuses


def _odbc(words: str) -> str:
    driver = "[HY000] [Vendor][ODBC Driver 17]"
    message = f"(pyodbc.Error) ('HY000', \"{driver}{words} (0) (SQLDriverConnect)\")"
    frames = [("/opt/env/lib/python3.10/site-packages/sqlalchemy/engine/default.py", "connect")]
    return hint(crash("OperationalError", message, "rows.to_sql('t', con=engine)", frames))


def test_an_odbc_attribute_value_the_driver_refuses_is_no_credential():
    text = _odbc("Invalid value specified for connection string attribute 'Encrypt'")
    assert "does not accept the value given for `Encrypt`" in text, text
    assert "API key" not in text, text


def test_a_refused_login_is_still_told_as_credentials():
    text = _odbc("Login failed for user 'reader'. Authentication failed")
    assert "does not accept the value given" not in text, text


def test_the_notebook_record_path_gives_the_same_removed_hint():
    traceback = (
        "---------------------------------------------------------------------------",
        "ImportError                               Traceback (most recent call last)",
        "Cell In[1], line 2\n      1 from sklearn import datasets\n"
        "----> 2 b = datasets.load_boston()\n",
        "File /opt/env/lib/python3.10/site-packages/sklearn/datasets/__init__.py:157, in "
        "__getattr__(name)\n--> 157     raise ImportError(msg)\n",
        f"ImportError: {_TABLE_REMOVED}",
    )
    record = ErrorRecord(
        ename="ImportError",
        evalue=_TABLE_REMOVED,
        traceback=traceback,
        code="from sklearn import datasets\nb = datasets.load_boston()",
    )
    text = diagnose(record).hint
    assert "`load_boston` is no longer in `sklearn.datasets`" in text, text
