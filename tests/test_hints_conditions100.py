"""Index, key and type hints whose claim did not hold on the crash (session 21a):
- `%timeit`/`%prun` of a statement that raised in that statement: the statement is the line,
  not IPython's call of the magic;
- Python 2's `'instancemethod' object has no attribute '__getitem__'` is a method indexed;
- an OrderedDict's key view is a lazy view like a dict's;
- a name the crashing cell assigns just above is no other cell's reuse;
- a literal column past the end after a row selection (`x[y == 0, 1]`) is a missing column,
  no off-by-one;
- an empty array inside a library is not the user's empty filter;
- a mask reduced from the very array along the wrong axis;
- a frame that loses rows (`.drop`) inside the loop over its positions;
- a number a library looked up that the line never writes is no label to spell;
- `DataFrame.plot(x=df.index)` gives values where a column's name goes;
- `df = df.set_index('k')` run again: 'k' is the index already;
- `.iloc`/`.iat` given text.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and the libraries'
wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

SITE = "/home/me/.venv/lib/python3.11/site-packages"
PANDAS_FRAME = f"{SITE}/pandas/core/frame.py"
PANDAS_INDEXING = f"{SITE}/pandas/core/indexing.py"


def _cell_hint(ename: str, message: str, code: str, failing: int, frames=()) -> str:
    """The hint of a crash whose cell (`code`) failed on line `failing`, IPython showing every
    line of the cell, then `frames` as (path, function, line) below it."""
    lines = code.splitlines()
    shown = "\n".join(
        f"{'---->' if n == failing else '     '} {n} {text}" for n, text in enumerate(lines, 1)
    )
    traceback = [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[7], line {failing}\n{shown}\n",
    ]
    for path, function, line in frames:
        traceback.append(f"File {path}:120, in {function}(self, key)\n--> 120 {line}\n")
    traceback.append(f"{ename}: {message}")
    record = ErrorRecord(ename=ename, evalue=message, traceback=tuple(traceback), code=code)
    return diagnose(record).hint


# ------------------------------------------------ a statement run by `%timeit` or `%prun`

IPY = "/home/me/.venv/lib/python3.11/site-packages/IPython/core"


def _magic_hint(statement: str, ename: str, message: str, below) -> str:
    line = f"get_ipython().run_line_magic('timeit', {statement!r})"
    traceback = [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[4], line 1\n----> 1 {line}\n",
        f"File {IPY}/interactiveshell.py:2456, in InteractiveShell.run_line_magic(self, magic_name,"
        " line, _stack_depth)\n-> 2456 result = fn(*args, **kwargs)\n",
        f"File {IPY}/magics/execution.py:1185, in ExecutionMagics.timeit(self, line, cell, "
        "local_ns)\n-> 1185 time_number = timer.timeit(number)\n",
        *below,
        f"{ename}: {message}",
    ]
    record = ErrorRecord(ename, message, tuple(traceback), code=f"%timeit {statement}")
    return diagnose(record).hint


def test_a_timed_statement_that_raised_is_the_line():
    text = _magic_hint(
        'total = prices.sum["amount"]',
        "TypeError",
        "'method' object is not subscriptable",
        ["File <magic-timeit>:1, in inner(_it, _timer)\n"],
    )
    assert "`.sum` is a method" in text and "get_ipython" not in text, text


def test_a_magic_that_failed_in_ipython_keeps_the_magic():
    text = _magic_hint(
        "-n 5 total = prices.sum()",
        "UsageError",
        "option -n requires an argument",
        [],
    )
    assert "`.sum` is a method" not in text and "total = prices.sum()`" not in text, text


# ------------------------------------------------------ Python 2's indexed bound method


def test_python_2_words_for_an_indexed_method_are_told_as_one():
    parsed = crash(
        "TypeError",
        "'instancemethod' object has no attribute '__getitem__'",
        "first = table.head[3]",
    )
    text = hint(parsed)
    assert "`.head` is a method" in text and "`.head(...)`" in text, text


def test_another_missing_attribute_of_a_method_is_no_indexing():
    parsed = crash(
        "AttributeError", "'instancemethod' object has no attribute 'shape'", "n = table.head.shape"
    )
    assert "indexed here with `[...]`" not in hint(parsed), hint(parsed)


# -------------------------------------------------------- an OrderedDict's key view


def test_an_ordered_dicts_key_view_is_a_lazy_view():
    parsed = crash("TypeError", "'odict_keys' object is not subscriptable", "names[0]")
    assert "`odict_keys` is a lazy view" in hint(parsed) and "list(...)" in hint(parsed)


def test_another_object_is_no_lazy_view():
    parsed = crash("TypeError", "'Booster' object is not subscriptable", "names[0]")
    assert "lazy view" not in hint(parsed), hint(parsed)


# ------------------------------------------------ a name assigned by the cell just above


def test_a_name_the_cell_assigns_above_is_not_blamed_on_another_cell():
    parsed = crash(
        "TypeError",
        "'Report' object is not subscriptable",
        "report[0]",
        code="report = checker.run()\nreport[0]",
    )
    text = hint(parsed)
    assert "this cell's assignment above" in text and "another cell" not in text, text


def test_a_name_from_elsewhere_may_be_another_cells():
    parsed = crash(
        "TypeError", "'Report' object is not subscriptable", "report[0]", code="x = 1\nreport[0]"
    )
    assert "another cell may have reused the name" in hint(parsed), hint(parsed)


# ------------------------------------------ a literal column past the end after a row pick


def test_a_second_column_of_masked_rows_is_a_missing_column():
    parsed = crash(
        "IndexError",
        "index 1 is out of bounds for axis 1 with size 1",
        "plt.scatter(pts[labels == 0, 0], pts[labels == 0, 1])",
    )
    text = hint(parsed)
    assert "only 1 column here" in text and "off-by-one" not in text, text


def test_a_literal_pair_past_the_end_is_still_an_off_by_one():
    message = "index 3 is out of bounds for axis 1 with size 3"
    parsed = crash("IndexError", message, "v = grid[1, 3]")
    assert "off-by-one" in hint(parsed), hint(parsed)


# -------------------------------------------------- an empty array inside a library


def test_an_empty_array_inside_a_library_is_not_the_users_filter():
    parsed = crash(
        "IndexError",
        "index 0 is out of bounds for axis 0 with size 0",
        "pred = result.forecast(history, steps=7)",
        frames=[(f"{SITE}/forecastlib/model.py", "forecast")],
    )
    text = hint(parsed)
    assert "filter or loading step" not in text and "forecast" in text, text


def test_an_empty_array_the_line_indexes_is_the_users_filter():
    parsed = crash(
        "IndexError", "index 0 is out of bounds for axis 0 with size 0", "first = picked[0]"
    )
    assert "filter or loading step" in hint(parsed), hint(parsed)


# ---------------------------------------------- a mask reduced along the wrong axis

MASK_MESSAGE = (
    "boolean index did not match indexed array along dimension 0; dimension is 4 but "
    "corresponding boolean dimension is 6"
)


def test_a_mask_reduced_from_the_same_array_is_told_its_axis():
    text = _cell_hint("IndexError", MASK_MESSAGE, "hot = (temps > 30).any(axis=0)\ntemps[hot]", 2)
    assert "`hot` reduces `temps` along an axis" in text and "`temps[:, hot]`" in text, text


def test_a_mask_of_another_array_keeps_the_length_hint():
    text = _cell_hint("IndexError", MASK_MESSAGE, "hot = (other > 30).any(axis=0)\ntemps[hot]", 2)
    assert "reduces" not in text and "another length" in text, text


# -------------------------------------- a frame that loses rows in the loop over its positions

LOOP = (
    "for i in range(len(songs)):\n"
    "    for j in range(i + 1, len(songs)):\n"
    "        a = songs.iloc[i]['text']\n"
    "        if a == songs.iloc[j]['text']:\n"
    "{drop}"
)
ILOC = [
    (PANDAS_INDEXING, "_LocationIndexer.__getitem__", "return self._getitem_axis(maybe_callable)"),
    (
        PANDAS_INDEXING,
        "_iLocIndexer._validate_integer",
        'raise IndexError("single positional indexer is out-of-bounds")',
    ),
]


def test_rows_dropped_inside_the_loop_over_positions_are_told():
    code = LOOP.format(drop="            songs = songs.drop(songs.index[j])")
    text = _cell_hint("IndexError", "single positional indexer is out-of-bounds", code, 3, ILOC)
    assert "`songs` loses rows inside the loop" in text and "after the loop" in text, text


def test_a_loop_that_drops_nothing_keeps_the_position_hint():
    code = LOOP.format(drop="            print(i, j)")
    text = _cell_hint("IndexError", "single positional indexer is out-of-bounds", code, 3, ILOC)
    assert "loses rows" not in text and "position that does not exist" in text, text


# ------------------------------------ a number a library looked up that the line never writes

GET_LOC = [
    (PANDAS_FRAME, "DataFrame.pivot", "return pivot(self, index=index, columns=columns)"),
    (f"{SITE}/pandas/core/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err"),
]


def test_a_number_the_line_never_writes_is_no_label_to_spell():
    code = "x = 1\ntable = scores.pivot(index='user', columns='item', values='grade')"
    text = _cell_hint("KeyError", "0", code, 2, GET_LOC)
    assert "check spelling" not in text and "`[0]`" not in text, text


def test_a_number_the_line_subscripts_is_the_column_label():
    code = "x = 1\nfirst = scores[0]"
    frames = [(PANDAS_FRAME, "DataFrame.__getitem__", "indexer = self.columns.get_loc(key)")]
    frames.append(GET_LOC[1])
    text = _cell_hint("KeyError", "0", code, 2, frames)
    assert "column labelled 0" in text, text


# ----------------------------------------------- `DataFrame.plot(x=df.index)` gives values

PLOT = [
    (f"{SITE}/pandas/plotting/_core.py", "PlotAccessor.__call__", "data = data[y].copy()"),
    (PANDAS_INDEXING, "_LocIndexer._validate_read_indexer", "raise KeyError(f'None of ...')"),
]
DATES = (
    "\"None of [Index(['2021-01-01', '2021-01-02', '2021-01-03'], dtype='object')] are in "
    'the [columns]"'
)


def test_plot_given_the_index_for_x_is_told_to_leave_it_out():
    code = "x = 1\nsales.plot.hist(x=sales.index, y='units')"
    text = _cell_hint("KeyError", DATES, code, 2, PLOT)
    assert "`x=sales.index` gives it values" in text and "leave `x=` out" in text, text


def test_plot_given_a_column_name_keeps_the_labels_hint():
    code = "x = 1\nsales.plot(x='day', y='units')"
    text = _cell_hint("KeyError", "\"None of ['day'] are in the [columns]\"", code, 2, PLOT)
    assert "gives it values" not in text, text


# ---------------------------------------------------- `df = df.set_index('k')` run again

SET_INDEX = [
    (PANDAS_FRAME, "DataFrame.set_index", 'raise KeyError(f"None of {missing} are in the columns")')
]


def test_a_frame_that_keeps_its_own_set_index_may_have_it_already():
    code = "x = 1\norders = orders.set_index('Order ID')"
    text = _cell_hint("KeyError", "\"None of ['Order ID'] are in the columns\"", code, 2, SET_INDEX)
    assert "already ran" in text and "`orders = orders.reset_index()`" in text, text


def test_a_set_index_kept_under_another_name_changes_nothing():
    code = "x = 1\nby_id = orders.set_index('Order ID')"
    text = _cell_hint("KeyError", "\"None of ['Order ID'] are in the columns\"", code, 2, SET_INDEX)
    assert "already ran" not in text and "among the columns of `orders`" in text, text


# --------------------------------------------------------------- `.iloc` given text

LOCATION = (
    "Location based indexing can only have [integer, integer slice (START point is INCLUDED, "
    "END point is EXCLUDED), listlike of integers, boolean array] types"
)
ILOC_TUPLE = [
    (PANDAS_INDEXING, "_iLocIndexer._has_valid_tuple", "raise ValueError(...)"),
]


def test_iloc_given_text_is_told_positions_are_numbers():
    code = "x = 1\ncell = grid.iloc['b', 'c']"
    text = _cell_hint("ValueError", LOCATION, code, 2, ILOC_TUPLE)
    assert "`grid.iloc[...]` takes whole-number positions" in text and "grid.loc[" in text, text


def test_iloc_given_names_is_not_told_it_got_text():
    code = "x = 1\ncell = grid.iloc[row, col]"
    text = _cell_hint("ValueError", LOCATION, code, 2, ILOC_TUPLE)
    assert "gives it text" not in text, text
