"""Calls told only where the crash shows it (wave 16a): a method defined in another cell
without `self`, an `__init__` refusing a keyword passed on an earlier line of the statement,
NumPy's `split` without its sections.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and IPython's
wording, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions7 import _indentation_hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame, _hint

# ------------------------------------------ a method of another cell defined without `self`

COUNTER = "class Counter:\n    def bump(n):\n        return n + 1\n"
COUNTER_WITH_SELF = "class Counter:\n    def bump(self, n):\n        return n + 1\n"


def _too_many(definition: str) -> str:
    line = "c = Counter()\nc.bump(1)"
    message = "Counter.bump() takes 1 positional argument but 2 were given"
    cells = [(definition, 1, None), (line, 2, None)]
    return notebook_hint("TypeError", message, "c.bump(1)", cells, 1, count=2)


def test_a_method_of_another_cell_without_self_is_told_to_take_self():
    assert "add `self`" in _too_many(COUNTER)


def test_a_method_with_self_called_with_too_many_is_not_told_to_add_self():
    hint = _too_many(COUNTER_WITH_SELF)
    assert "add `self`" not in hint


def test_a_static_method_called_with_too_many_is_not_told_to_add_self():
    hint = _too_many("class Counter:\n    @staticmethod\n    def bump(n):\n        return n\n")
    assert "add `self`" not in hint


# ------------------------------------------ `__init__` refusing a keyword of an earlier line

PIPE = (
    "from sklearn.linear_model import Ridge\n"
    "pipe = Pipeline([\n"
    "    ('model', Ridge(penalty='l2',\n"
    "                    fit_intercept=True)),\n"
    "])\n"
)


def test_init_refusing_a_keyword_of_an_earlier_line_names_the_class_passed_it():
    message = "__init__() got an unexpected keyword argument 'penalty'"
    hint = _hint("TypeError", message, [_cell_frame(PIPE, 4)], PIPE)
    assert "Ridge" in hint
    assert "help(__init__)" not in hint


def test_init_refusing_a_keyword_passed_twice_does_not_say_help_init():
    code = PIPE.replace("fit_intercept=True", "penalty='l1'")
    message = "__init__() got an unexpected keyword argument 'penalty'"
    hint = _hint("TypeError", message, [_cell_frame(code, 4)], code)
    assert "help(__init__)" not in hint
    assert "`__init__()`" not in hint


# ------------------------------------------ NumPy's split without its sections


def test_an_array_split_without_arguments_is_given_the_sections():
    code = "arr = np.arange(6)\narr.split()"
    message = "'numpy.ndarray' object has no attribute 'split'"
    hint = _hint("AttributeError", message, [_cell_frame(code, 2)], code)
    assert "np.split(arr, n)" in hint


def test_an_array_split_with_its_sections_keeps_them():
    code = "arr = np.arange(6)\narr.split(3)"
    message = "'numpy.ndarray' object has no attribute 'split'"
    hint = _hint("AttributeError", message, [_cell_frame(code, 2)], code)
    assert "np.split(arr, 3)" in hint


# ------------------------------------------ OpenCV's imshow given the image alone


def _imshow(line: str) -> str:
    code = f"img = cv2.imread('a.png')\n{line}"
    message = "imshow() missing required argument 'mat' (pos 2)"
    return _hint("TypeError", message, [_cell_frame(code, 2)], code)


def test_imshow_given_the_image_alone_is_told_the_window_name_comes_first():
    assert "window name first" in _imshow("cv2.imshow(img)")


def test_another_c_function_missing_its_second_argument_is_not_told_a_window_name():
    code = "img = cv2.imread('a.png')\ncv2.Laplacian(img)"
    message = "Laplacian() missing required argument 'ddepth' (pos 2)"
    hint = _hint("TypeError", message, [_cell_frame(code, 2)], code)
    assert "window" not in hint


# ------------------------------------------ Python 2's unbound method


def _model_hint(ename: str, code: str, message: str) -> str:
    return _hint(ename, message, [_cell_frame(code, 2)], code)


def test_python2_unbound_fit_is_told_the_class_was_called_not_unfitted():
    hint = _model_hint(
        "TypeError",
        "model = LinearRegression\nmodel.fit(X, y)",
        "unbound method fit() must be called with LinearRegression instance as first argument "
        "(got ndarray instance instead)",
    )
    assert "`LinearRegression()`" in hint
    assert "not been fitted" not in hint


def test_an_unfitted_model_is_still_told_to_fit():
    hint = _model_hint(
        "NotFittedError",
        "model = LinearRegression()\nmodel.predict(X)",
        "This LinearRegression instance is not fitted yet. Call 'fit' with appropriate "
        "arguments before using this estimator.",
    )
    assert "not been fitted" in hint


# ------------------------------------------ `assert False`


def test_assert_false_is_told_it_always_fails():
    code = "if x is None:\n    pass\nassert False, 'stop here'"
    hint = _hint("AssertionError", "stop here", [_cell_frame(code, 3)], code)
    assert "fails on every run" in hint


def test_an_assert_comparing_values_is_told_to_print_them():
    code = "n = len(rows)\nassert n == 10, 'wrong count'"
    hint = _hint("AssertionError", "wrong count", [_cell_frame(code, 2)], code)
    assert "print the values" in hint


# ------------------------------------------ an expected block marked on the cell's first line


def test_a_first_line_missing_its_body_is_not_told_to_indent_under_a_line_above():
    cell = "class Model:  # the   model\n\u00a0   def fit(self):\n        pass\n"
    text = _indentation_hint(cell, "class Model:  # the   model", "expected an indented block")
    assert "line above" not in text


def test_a_line_under_a_bodiless_block_is_still_told_to_indent():
    cell = "x = 1\nif x:\nprint(x)\n"
    text = _indentation_hint(cell, "print(x)", "expected an indented block")
    assert "indented body" in text


# ------------------------------------------ pandas' indexer written without its table


def _undefined(name: str, line: str) -> str:
    cells = [("import pandas as pd\na = [1, 2, 3]", 1, None), (line, 2, None)]
    return notebook_hint("NameError", f"name '{name}' is not defined", line, cells, 1, count=2)


def test_loc_indexed_alone_is_told_it_belongs_after_a_table():
    assert "df.loc[...]" in _undefined("loc", "loc[1]")


def test_loc_called_alone_is_not_told_it_is_an_indexer():
    assert "indexer" not in _undefined("loc", "loc(1)")
