"""Values and types told only where the crash shows it (wave 16b): text stored into an array of
numbers, `np.ones(shape, 1)`, an accounting negative, pandas' `pd.NA`, a file's header line read
as data under `names=`.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's, NumPy's and
pandas' wording, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions17 import _frame
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame, _hint

_PANDAS = "/opt/conda/lib/python3.11/site-packages/pandas"


def _line_hint(ename: str, message: str, line: str, *library: str) -> str:
    """The hint of a one-line cell raising ``message``; ``library`` (a frame's file, function
    and marked line) when pandas raised it."""
    frames = [_cell_frame(line, 1)] + ([_frame(*library)] if library else [])
    return _hint(ename, message, frames, line)


# ------------------------------------------------ text stored into an array of numbers


@pytest.mark.parametrize("line", ["grid[1][2] = 'wall'", "grid.fill('wall')  # all walls"])
def test_text_stored_into_an_int_array_is_told_to_need_an_object_array(line):
    text = _line_hint("ValueError", "invalid literal for int() with base 10: 'wall'", line)
    assert "stores text into an array of numbers" in text, text
    assert "not its name in quotes" not in text, text


def test_a_quoted_name_passed_to_a_call_is_still_told_to_pass_the_data():
    message = "invalid literal for int() with base 10: 'wall'"
    assert "stores text" not in _line_hint("ValueError", message, "total = int('wall')")


# ------------------------------------------------ np.ones(shape, 1): a dtype slot


def test_a_shape_already_given_as_a_tuple_is_not_wrapped_again():
    text = _line_hint("TypeError", "Cannot interpret '1' as a data type", "w = np.ones((3, 4), 1)")
    assert "`np.full(shape, 1)`" in text, text
    assert "((3, 4), 1)" not in text, text


def test_sizes_given_one_by_one_are_still_told_to_be_one_shape():
    text = _line_hint("TypeError", "Cannot interpret '4' as a data type", "w = np.zeros(3, 4)")
    assert "`np.zeros((3, 4))`" in text, text


# ------------------------------------------------ an accounting negative


# pandas' own frames under `pd.to_numeric(...)` and under a model's `fit` of a frame
_TO_NUMERIC = (
    "df['amount'] = pd.to_numeric(df['amount'])",
    f"{_PANDAS}/core/tools/numeric.py:232",
    "to_numeric(arg, errors, downcast, dtype_backend)",
    "--> 232 values, new_mask = lib.maybe_convert_numeric(",
)
_FIT = (
    "model.fit(X_train, y_train)",
    f"{_PANDAS}/core/generic.py:2153",
    "__array__(self, dtype, copy)",
    "--> 2153 arr = np.asarray(values, dtype=dtype)",
)


def test_a_number_in_parentheses_is_told_an_accounting_negative():
    message = 'Unable to parse string "(1,250.40)" at position 4'
    text = _line_hint("ValueError", message, *_TO_NUMERIC)
    assert "accounting negative" in text, text
    assert "errors='coerce'" not in text, text


def test_a_word_in_parentheses_is_no_accounting_negative():
    message = 'Unable to parse string "(missing)" at position 4'
    assert "accounting negative" not in _line_hint("ValueError", message, *_TO_NUMERIC)


# ------------------------------------------------ pandas' pd.NA where a number goes

_NOT_A_NUMBER = "float() argument must be a string or a real number, not '{}'"


def test_a_natype_is_told_pandas_missing_value_not_text():
    text = _line_hint("TypeError", _NOT_A_NUMBER.format("NAType"), *_FIT)
    assert "`pd.NA`, pandas' missing value" in text, text
    assert "text where a number belongs" not in text, text


def test_another_type_keeps_the_text_reading():
    assert "pd.NA" not in _line_hint("TypeError", _NOT_A_NUMBER.format("Timestamp"), *_FIT)


# ------------------------------------------------ names= without header=: the header as data


def _read_with(read: str) -> str:
    cells = [
        (f"cols = ['Date', 'Open', 'Close']\nprices = pd.{read}", 1, None),
        ("prices['Close'].astype(float)", 2, None),
    ]
    message = "could not convert string to float: 'Close'"
    return notebook_hint("ValueError", message, "prices['Close'].astype(float)", cells, 1, count=2)


def test_names_given_without_header_read_the_files_header_as_data():
    text = _read_with("read_csv('prices.csv', names=cols)")
    assert "add `header=0`" in text, text
    assert "one-hot" not in text, text


def test_names_given_with_header_zero_are_not_told_so():
    assert "add `header=0`" not in _read_with("read_csv('prices.csv', names=cols, header=0)")


# ------------------------------------------------ messages that name their one cause


def test_a_translate_table_key_longer_than_one_character_is_told_so():
    line = "clean = text.translate(str.maketrans({'--': ' ', '!': ''}))"
    message = "string keys in translate table must be of length 1"
    text = _line_hint("ValueError", message, line)
    assert "keys of one character each" in text, text
    assert ".shape" not in text, text


def test_a_whole_frame_given_to_to_datetime_is_told_to_pass_one_column():
    message = (
        "to assemble mappings requires at least that [year, month, day] be specified: "
        "[day,month,year] is missing"
    )
    text = _line_hint(
        "ValueError",
        message,
        "when = pd.to_datetime(df)",
        f"{_PANDAS}/core/tools/datetimes.py:1186",
        "_assemble_from_unit_mappings(arg, errors, utc)",
        "-> 1186 raise ValueError(",
    )
    assert "`pd.to_datetime(df['<column>'])`" in text, text


def test_another_value_error_message_keeps_the_look_at_the_values():
    line = "clean = text.translate(table)"
    text = _line_hint("ValueError", "character mapping must be in range(0x110000)", line)
    assert "keys of one character each" not in text, text
    assert "year" not in text, text


# ------------------------------------------------ scatter(x, y, 'b'): a color read as sizes

_SQRT = (
    "ufunc 'sqrt' not supported for the input types, and the inputs could not be safely "
    "coerced to any supported types according to the casting rule ''safe''"
)
_PYPLOT_SCATTER = (
    "/opt/conda/lib/python3.11/site-packages/matplotlib/pyplot.py:3699",
    "scatter(x, y, s, c, marker, **kwargs)",
    "--> 3699 __ret = gca().scatter(",
)


def test_a_text_third_argument_of_scatter_is_told_to_be_the_size():
    text = _line_hint("TypeError", _SQRT, "plt.scatter(t, v, 'r')", *_PYPLOT_SCATTER)
    assert "`c='r'`" in text, text
    assert "not numeric" not in text, text


def test_a_scatter_with_numbers_only_is_not_told_so():
    text = _line_hint("TypeError", _SQRT, "plt.scatter(t, v, sizes)", *_PYPLOT_SCATTER)
    assert "marker size" not in text, text
