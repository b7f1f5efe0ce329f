"""Name, operand, plot and syntax hints whose claim did not hold on the crash (session 24c): a
method's keyword compared inside brackets, a column the same line reads as an attribute, a
builtin with its first letter lost, a `del` that running the cells in order repeats, text added
to a path after `/`, a scatter's sizes given as text, a unicode escape written short.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions82 import _PYPLOT_SCATTER, _SQRT, _line_hint
from tests.test_notebook_analyse import make
from tests.test_notebook_saved import saved


def _undefined(name: str, sources: list[str], runs: str) -> str:
    """The hint of a NameError on ``name`` in a live notebook (runs as in ``make``)."""
    return diagnose(make(sources, runs, error=("NameError", f"name '{name}' is not defined"))).hint


_LOAD = "import pandas as pd\nshops = pd.read_csv('shops.csv')"

# ------------------------------------------ a method's keyword compared inside brackets


def test_axis_compared_inside_brackets_is_told_select_or_drop():
    text = _undefined("axis", [_LOAD, "shops['City', axis==1]"], "1 2")
    assert "`axis` is no variable but a keyword argument of methods" in text, text
    assert "`shops['City']`" in text and "`shops.drop('City', axis=1)`" in text, text
    assert "define it" not in text, text


def test_axis_compared_in_a_call_is_told_one_equals_sign():
    text = _undefined("axis", [_LOAD, "totals = shops.sum(axis==1)"], "1 2")
    assert "`axis==1` compares a variable" in text and "`axis=1`" in text, text


def test_a_variable_named_like_a_keyword_and_read_plainly_keeps_not_defined():
    text = _undefined("axis", [_LOAD, "print(shops.shape[axis])"], "1 2")
    assert "keyword argument" not in text and "not defined anywhere" in text, text


# ------------------------------------- a column the same line reads as an attribute


def test_a_column_passed_again_to_a_method_on_it_is_told_to_leave_it_out():
    line = "shops.City.value_counts().sort_values('City', City.value_counts())"
    text = _undefined("City", [_LOAD, line], "1 2")
    assert "the column this line already reads as `shops.City`" in text, text
    assert "`.sort_values(...)` runs on that column" in text, text
    assert "leave `City` out of its arguments" in text and "define it" not in text, text


def test_a_bare_column_elsewhere_on_the_line_is_told_the_attribute():
    text = _undefined("City", [_LOAD, "pairs = zip(shops.City, City)"], "1 2")
    assert "an attribute of `shops`" in text and "write `shops.City`" in text, text
    assert "leave" not in text, text


def test_a_modules_attribute_is_no_column():
    text = _undefined("pi", ["import numpy as np", "area = np.pi * r ** 2 + pi"], "1 2")
    assert "attribute of" not in text and "column" not in text, text


# ------------------------------------------------------ a builtin with its first letter lost


_NP = "import numpy as np"


def test_a_clipped_print_among_prints_is_told_print():
    cell = "print(scores.shape)\nrint(labels.shape)"
    error = ("NameError", "name 'rint' is not defined")
    text = diagnose(make([_NP, cell], "1 2", error=error, failing_line="rint(labels.shape)")).hint
    assert "`rint` is `print` with its first letter lost" in text, text
    assert "np.rint" not in text, text


def test_a_clipped_range_beside_a_range_is_told_range():
    cell = "for i in range(3):\n    total = i\nsteps = list(ange(4))"
    error = ("NameError", "name 'ange' is not defined")
    text = diagnose(
        make([_NP, cell], "1 2", error=error, failing_line="steps = list(ange(4))")
    ).hint
    assert "`ange` is `range` with its first letter lost" in text, text


def test_a_clipped_print_alone_names_both_readings():
    text = _undefined("rint", [_NP, "y = rint(values)"], "1 2")
    assert "if it is `print` with its first letter lost" in text, text
    assert "`np.rint(...)`" in text, text


def test_a_numpy_name_that_is_no_clipped_builtin_keeps_the_module_hint():
    text = _undefined("arange", [_NP, "steps = arange(7)"], "1 2")
    assert "write `np.arange(...)`" in text and "first letter" not in text, text


# ------------------------------------------- a `del` that running the cells in order repeats

_GONE = ("NameError", "name 'a' is not defined")


def test_a_del_between_the_definer_and_the_crash_is_told_to_rerun_the_definer():
    record = saved(["a = 'text'\nb = 5", "del a, b", "print(a, b)"], [4, 5, 6], 3, _GONE)
    text = diagnose(record).hint
    assert "Cell 2 deletes `a` (`del a`) after cell 1 defines it" in text, text
    assert "running the cells in order deletes it again" in text, text
    assert "run cell 1 again right before this one" in text, text
    assert "restart the kernel" not in text, text


def test_a_del_below_the_crash_keeps_run_in_order():
    record = saved(["a = 1", "print(a)", "del a"], [1, 3, 2], 2, _GONE)
    text = diagnose(record).hint
    assert "restart the kernel and run the cells in order" in text, text
    assert "deletes it again" not in text, text


def test_a_live_del_between_them_is_told_the_same():
    record = make(["a = 1", "del a", "print(a)"], "1 2 3", error=_GONE)
    text = diagnose(record).hint
    assert "running the cells in order deletes it again" in text, text


# ----------------------------------------------------- text added to a path after `/`

_PATH_PLUS = "unsupported operand type(s) for +: 'PosixPath' and 'str'"


def test_a_path_divided_then_added_to_is_told_the_parentheses():
    text = hint(crash("TypeError", _PATH_PLUS, "out = folder / stem + '.csv'"))
    assert "`/` binds tighter than `+`" in text, text
    assert "`folder / (stem + '.csv')`" in text and "`folder / f'{stem}.csv'`" in text, text
    assert "a variable holds" not in text, text


def test_a_path_added_to_without_a_slash_is_told_to_join_with_a_slash():
    text = hint(crash("TypeError", _PATH_PLUS, "out = folder + '.csv'"))
    assert "A `pathlib` path takes no `+`" in text and "binds tighter" not in text, text


def test_another_object_added_to_text_keeps_the_type_hint():
    message = "unsupported operand type(s) for +: 'Counter' and 'str'"
    text = hint(crash("TypeError", message, "out = tally + '.csv'"))
    assert "pathlib" not in text and "binds tighter" not in text, text


# ----------------------------------------------------- a scatter's sizes given as text


def test_text_given_as_scatter_sizes_is_told_numbers():
    line = "plt.scatter(sales.Price, sales.Units, s='weight')"
    text = _line_hint("TypeError", _SQRT, line, *_PYPLOT_SCATTER)
    assert "`scatter`'s `s=` sets the marker sizes" in text and "'weight'" in text, text
    assert "`s=sales['weight']`" in text and "pd.to_numeric" not in text, text


def test_sizes_looked_up_in_data_are_not_told_so():
    line = "plt.scatter('Price', 'Units', s='weight', data=sales)"
    text = _line_hint("TypeError", _SQRT, line, *_PYPLOT_SCATTER)
    assert "`s=` sets the marker sizes" not in text, text


# ----------------------------------------------------------- a unicode escape written short

_ESCAPE = (
    "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-5: "
    "truncated \\UXXXXXXXX escape"
)


def test_a_code_point_written_short_is_told_its_full_escape():
    cell = "smile = re.compile('[' '\\U+1F642' ']+')"
    text = _syntax_hint(cell, cell, _ESCAPE)
    assert "`\\U+1F642` is no escape Python reads" in text, text
    assert "`\\U0001F642`" in text and "Windows" not in text, text


def test_a_windows_path_is_still_told_raw_string():
    cell = "data = open('C:\\Users\\me\\sales.csv')"
    text = _syntax_hint(cell, cell, _ESCAPE)
    assert "Windows path" in text and "r'C:\\Users\\...'" in text, text


def test_an_escape_with_no_path_and_no_code_point_names_no_cause():
    cell = "label = 'value \\N unknown'"
    message = (
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 6-7: "
        "malformed \\N character escape"
    )
    text = _syntax_hint(cell, cell, message)
    assert "raw string" in text and "which a Windows path often contains" not in text, text
