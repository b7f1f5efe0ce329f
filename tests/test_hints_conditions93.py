"""Type, value, shape, index, key and attribute hints whose claim did not hold on the crash
(session 19b): `.loc`'s two selectors without their comma, a method name split by a dot, a
pandas column of numbers joined to text, a header row among several columns' values, a
reduction given options but no `numeric_only`, raw text given to `pad_sequences`, a module
function taken for a change of the module, a cell an IPython older than its Python could not
compile, and a `%` placeholder left without its letter.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_notebook_saved import run, saved

SITE = "/opt/conda/lib/python3.11/site-packages"


def _said(ename: str, message: str, line: str, *frames: tuple[str, str]) -> str:
    """The hint for ``line`` failing with ``message``, raised below it in ``frames``."""
    return hint(crash(ename, message, line, frames))


# ----------------------------------------------- `.loc`'s row and column lists without a comma

TUPLE_INDEX = "list indices must be integers or slices, not tuple"


def test_two_lists_inside_loc_are_its_row_and_column_selectors():
    text = _said("TypeError", TUPLE_INDEX, "sub = table.loc[['x','y']['u','v']]")
    assert "row and the column selectors of `.loc`" in text, text
    assert "`.loc[['x','y'], ['u','v']]`" in text and "nested list" not in text, text


def test_two_lists_alone_are_still_rows_without_their_comma():
    text = _said("TypeError", TUPLE_INDEX, "m = [1, 2][3, 4]")
    assert "nested list" in text and "selectors" not in text, text


def test_two_lists_inside_another_subscript_get_no_nested_list_advice():
    assert "nested list" not in _said("TypeError", TUPLE_INDEX, "v = d[[1, 2][0, 1]]")


# ------------------------------------------------------- a method's name split by a dot

NO_DUPLICATES = "'function' object has no attribute 'duplicates'"


def test_a_dot_typed_for_an_underscore_names_the_one_method():
    text = _said("AttributeError", NO_DUPLICATES, "sales.drop.duplicates(inplace=True)")
    assert "`sales.drop_duplicates(...)`" in text and "call it first" not in text, text


def test_a_method_read_without_its_call_is_still_told_to_be_called():
    text = _said("AttributeError", "'method' object has no attribute 'shape'", "n = net.out.shape")
    assert "call it first" in text and "one name with `_`" not in text, text


# ----------------------------------------------- a pandas column of numbers joined to text

PANDAS_OPS = (
    (f"{SITE}/pandas/core/ops/common.py", "new_method"),
    (f"{SITE}/pandas/core/arraylike.py", "__add__"),
    (f"{SITE}/pandas/core/series.py", "Series._arith_method"),
    (f"{SITE}/pandas/core/ops/array_ops.py", "arithmetic_op"),
    (f"{SITE}/pandas/core/ops/array_ops.py", "_masked_arith_op"),
)
STR_FLOAT = 'can only concatenate str (not "float") to str'


def test_a_column_joined_item_by_item_is_converted_as_a_column():
    line = "labels = shop['item'] + ' ' + shop['price']"
    text = _said("TypeError", STR_FLOAT, line, *PANDAS_OPS)
    assert "`.astype(str)`" in text and "`str(x)`" not in text, text


def test_one_number_joined_to_text_is_still_converted_with_str():
    text = _said("TypeError", STR_FLOAT, "msg = 'Total: ' + total")
    assert "`str(x)`" in text and "astype" not in text, text


# ------------------------------------------- a header row among several selected columns

PANDAS_ASTYPE = (f"{SITE}/pandas/core/dtypes/astype.py", "astype_nansafe")
COLUMNS = "w[['year','week']] = w[['year','week']].astype(int)"


def test_a_selected_columns_own_name_among_its_values_is_a_header_row():
    message = "invalid literal for int() with base 10: 'week'"
    text = _said("ValueError", message, COLUMNS, PANDAS_ASTYPE)
    assert "Some rows of `w['week']` hold the column's own name" in text, text


def test_a_value_that_names_no_selected_column_is_no_header_row():
    message = "invalid literal for int() with base 10: 'n/a'"
    assert "own name" not in _said("ValueError", message, COLUMNS, PANDAS_ASTYPE)


# ----------------------------------------- a reduction given options but no `numeric_only`

CORR = (f"{SITE}/pandas/core/frame.py", "corr")
NOT_FLOAT = "could not convert string to float: 'Yes'"


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        ("tips.corr(method='spearman')", True),  # an option only: every column is still read
        ("tips.corr(numeric_only=False)", False),  # the choice is made already
    ],
)
def test_a_reduction_given_options_is_told_numeric_only_unless_it_chose(line, speaks):
    text = _said("ValueError", NOT_FLOAT, line, CORR)
    assert ("pass `numeric_only=True`" in text) == speaks, text


# --------------------------------------------------------- raw text given to pad_sequences

PAD = (f"{SITE}/keras/src/utils/sequence_utils.py", "pad_sequences")
NOT_AN_ID = "invalid literal for int() with base 10: 'great film'"


@pytest.mark.parametrize(
    ("line", "frame", "speaks"),
    [
        ("x = pad_sequences(reviews, maxlen=80)", PAD, True),
        ("x = np.array(reviews).astype(int)", (f"{SITE}/numpy/core/_methods.py", "_astype"), False),
    ],
)
def test_only_text_given_to_pad_sequences_is_told_to_be_tokenized(line, frame, speaks):
    text = _said("ValueError", NOT_AN_ID, line, frame)
    assert ("`Tokenizer.texts_to_sequences`" in text) == speaks, text
    assert "to_numeric" not in text or not speaks, text


# ------------------------------------------ a module's function is no change of the module

JOIN = (
    "ValueError",
    "all the input array dimensions except for the concatenation axis must match exactly, but "
    "along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3",
)


def test_a_module_function_shown_alone_changes_nothing_of_the_module():
    sources = [
        "import numpy as np",
        "a = np.ones((2, 2))",
        "np.insert(a, 1, 7)",
        "np.vstack((a, b))",
    ]
    assert run(saved(sources, [1, 2, 4, 5], crash=4, error=JOIN)) is None


def test_a_list_insert_shown_alone_still_changes_the_list():
    sources = ["rows = make()", "rows.insert(0, head)", "np.vstack((rows, b))"]
    f = run(saved(sources, [1, 3, 4], crash=3, error=JOIN))
    assert f is not None and "changes `rows`" in f.hint, f


# ------------------------------------------------- an IPython older than its Python

NO_TYPE_IGNORES = 'required field "type_ignores" missing from Module'


def test_a_cell_ipython_could_not_compile_is_an_old_ipython():
    frames = (
        f"{SITE}/IPython/core/interactiveshell.py in run_ast_nodes(self, nodelist, cell_name)\n"
        "--> 3330                 code = compiler(mod, cell_name, 'exec')\n",
        "/usr/lib/python3.8/codeop.py in __call__(self, source, filename, symbol)\n"
        "--> 136         codeob = compile(source, filename, symbol, self.flags, 1)\n",
    )
    traceback = ("-" * 75, "TypeError                                 Traceback", *frames)
    record = ErrorRecord(
        ename="TypeError",
        evalue=NO_TYPE_IGNORES,
        traceback=(*traceback, f"TypeError: {NO_TYPE_IGNORES}"),
        code="import numpy as np",
    )
    text = hint(parse(record))
    assert "Upgrade `ipython` and `ipykernel`" in text and "help(...)" not in text, text


def test_a_library_of_the_cells_that_builds_a_tree_is_no_old_ipython():
    frame = (f"{SITE}/astor/code_gen.py", "to_source")
    text = _said("TypeError", NO_TYPE_IGNORES, "src = astor.to_source(tree)", frame)
    assert "ipykernel" not in text, text


# --------------------------------------------------------- a `%` placeholder left unfinished

BAD_FORMAT = "unsupported format character ',' (0x2c) at index 4"


def test_a_percent_without_its_letter_on_the_line_is_the_format_strings_fault():
    text = _said("ValueError", BAD_FORMAT, "print('x=%, y=%.2f' % (x, y))")
    assert "at index 4" in text and "`%%`" in text and "Print the values" not in text, text


def test_a_libraries_own_percent_formatting_is_not_blamed_on_the_line():
    frame = (f"{SITE}/statsmodels/iolib/summary.py", "_fmt")
    text = _said("ValueError", BAD_FORMAT, "print(res.summary())", frame)
    assert "`%%`" not in text, text
