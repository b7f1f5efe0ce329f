"""Review of waves w22a, w22c, w22d and e6a17f2's conditions: for each one narrowed, a crash
(written here by hand, in the libraries' wording and IPython's layout) where the specific hint
was false must not get it, and the crash it was made for still does:

- `df.lat[0]`, `df.lon[0]`, `df.low[-1]`: a latitude, longitude or stock's column read as an
  attribute, no slip of `.iat` / `.loc`;
- `row.drop('id', axis=1)` of a row `apply(..., axis=1)` or `iterrows()` hands over is a Series
  by design, no earlier line assigned it one column; `df['target'].drop(..., axis=1)` picks
  its one column on the failing line itself;
- `counts['male', 2]` of `groupby('Sex')['Pclass'].value_counts()` is one MultiIndex label,
  no list of labels;
- `X = pca.transform(X)` run again changes the width: it may explain a size error;
- Keras' "expected dense_2 to have 3 dimensions" is a sequence (an LSTM's `return_sequences=True`,
  an Embedding), no convolution's feature map for `GlobalAveragePooling2D()`;
- `.join(customers, on=...)` where `customers` is indexed by the key already (`index_col=`,
  `set_index`): the join meets that index, and the message is about the keys' dtypes;
- `X.colums` after `X = scaler.fit_transform(X)`, where a cell read `X.columns` of the frame: no
  item of the array has `columns`, so "index one item first" is false;
- a function with a long docstring whose `else:` or `return` lines up nowhere: the docstring's
  sentences are no notes, and the cell is code, no Markdown cell;
- `days.values.astype(float)` where `days = prices['day']`: one column's values, no whole frame's.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.saved import _change_keeps_what_failed
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions28 import _hint
from tests.test_hints_conditions106 import _KERAS_TARGET, _MERGE_MESSAGE, _PD_MERGE
from tests.test_hints_conditions107 import _NOTES, _unindent_hint

SITE = "/opt/conda/lib/python3.10/site-packages"

# ------------------------------------------------------------ a column one letter off an indexer

_PANDAS_GETATTR = [
    (
        f"{SITE}/pandas/core/generic.py",
        "__getattr__",
        [],
        "return object.__getattribute__(self, name)",
    ),
]


def test_a_short_column_name_one_letter_off_an_indexer_is_no_indexer_slip():
    for attr, code in (
        ("lat", "df = pd.read_csv('stations.csv')\nprint(df.lat[0], df.lon[0])"),
        ("lon", "df = pd.read_csv('stations.csv')\nx = df.lon[0]"),
        ("low", "df = yf.download('AAPL')\nlow = df.low[-1]"),
    ):
        message = f"'DataFrame' object has no attribute '{attr}'"
        text = _hint("AttributeError", message, code, frames=_PANDAS_GETATTR)
        assert "indexer" not in text, text
    code = "prices = yf.download('AAPL')[['Low', 'High']]\nlow = prices.low[-1]"
    message = "'DataFrame' object has no attribute 'low'"
    assert "indexer" not in _hint("AttributeError", message, code, frames=_PANDAS_GETATTR)
    code = "first = sales.log[0]['total']"
    message = "'DataFrame' object has no attribute 'log'"
    text = _hint("AttributeError", message, code, frames=_PANDAS_GETATTR)
    assert "`sales.loc[...]`" in text, text


# ------------------------------------------------------------- a Series given `axis=1`

_PANDAS_AXIS = [
    (f"{SITE}/pandas/core/generic.py", "_get_axis_number", [], "raise ValueError(msg)"),
]
_NO_AXIS = "No axis named 1 for object type Series"


def test_a_row_handed_over_by_apply_or_iterrows_is_no_column_assigned_earlier():
    for code in (
        "df['s'] = df.apply(lambda row: row.drop('id', axis=1).sum(), axis=1)",
        "for i, row in df.iterrows():\n    feats = row.drop('label', axis=1)",
        "def score(row):\n    return row.drop('id', axis=1).sum()\ndf.apply(score, axis=1)",
    ):
        failing = next(t for t in code.splitlines() if "drop" in t).strip()
        text = _hint("ValueError", _NO_AXIS, code, frames=_PANDAS_AXIS, failing=failing)
        assert "last assigned it one column" not in text, text
        assert "`row` is one row here" in text, text


def test_one_column_picked_on_the_failing_line_is_no_earlier_assignment():
    code = "y = df['target'].drop(['id'], axis=1)"
    text = _hint("ValueError", _NO_AXIS, code, frames=_PANDAS_AXIS)
    assert "last assigned it one column" not in text, text
    assert "`df['target']` picks one column" in text, text
    code = "table = table.price.fillna(0)\nout = table.drop(['price'], axis=1)"
    text = _hint("ValueError", _NO_AXIS, code, frames=_PANDAS_AXIS)
    assert "`table` is a pandas Series here" in text and "last assigned it" in text, text


# --------------------------------------------------- several labels in one pair of brackets

_SERIES_GET = [
    (
        f"{SITE}/pandas/core/series.py",
        "__getitem__",
        [],
        "result = self.index.get_value(self, key)",
    ),
    (f"{SITE}/pandas/core/indexes/base.py", "get_value", [], "raise KeyError(key)"),
]


def test_a_pair_counted_by_value_counts_is_one_multiindex_label():
    for made in (
        "counts = titanic.groupby('Sex')['Pclass'].value_counts()",
        "counts = titanic[['Sex', 'Pclass']].value_counts()",
        "counts = pd.read_csv('counts.csv', index_col=[0, 1])['n']",
    ):
        code = f"{made}\ncounts['male', 2]"
        text = _hint("KeyError", "('male', 2)", code, frames=_SERIES_GET)
        assert "pass a list" not in text, text
    code = "ages = people['age']\nages[3, 7, 9]"
    text = _hint("KeyError", "(3, 7, 9)", code, frames=_SERIES_GET)
    assert "`ages[[3, 7, 9]]`" in text, text


# ---------------------------------- a transform that changes the width, run again on a re-run

SIZE = "cannot reshape array of size 200 into shape (100,1)"


def test_a_transform_that_changes_the_width_can_explain_a_size_error():
    for change in (
        "X_test = pca.transform(X_test)",
        "X = vectorizer.transform(X)",
        "X = ohe.transform(X)",
        "X = poly.transform(X)",
        "X = selector.transform(X)",
        "X = ct.transform(X)",
    ):
        assert not _change_keeps_what_failed(change, set(), SIZE), change
    for change in ("x_test = sc.transform(x_test)", "X = scaler.transform(X)"):
        assert _change_keeps_what_failed(change, set(), SIZE), change


# ------------------------------------------- a three-axis model output against flat labels


def test_a_three_axis_output_is_a_sequence_no_feature_map():
    message = (
        "Error when checking target: expected dense_2 to have 3 dimensions, but got array with "
        "shape (1000, 1)"
    )
    code = (
        "model = Sequential()\nmodel.add(LSTM(64, return_sequences=True, input_shape=(30, 1)))\n"
        "model.add(Dense(1))\nmodel.fit(X_train, y_train, epochs=10)"
    )
    line = "model.fit(X_train, y_train, epochs=10)"
    text = hint(crash("ValueError", message, line, _KERAS_TARGET, code=code))
    assert "feature map" not in text and "GlobalAveragePooling2D" not in text, text
    assert "`return_sequences=False`" in text, text
    message = message.replace("3 dimensions", "4 dimensions")
    text = hint(crash("ValueError", message, line, _KERAS_TARGET))
    assert "output has 4 axes" in text and "`Flatten()`" in text, text


# ------------------------------------------- `.join(..., on=...)` of a frame indexed by the key


def test_a_join_against_a_frame_indexed_by_the_key_is_about_the_dtypes():
    line = "result = orders.join(customers, on='cust_id')"
    for made in (
        "customers = pd.read_csv('customers.csv', index_col='cust_id')",
        "customers = customers.set_index('cust_id')",
        "customers.set_index('cust_id', inplace=True)",
    ):
        code = f"{made}\n{line}"
        text = hint(crash("ValueError", _MERGE_MESSAGE, line, _PD_MERGE, code=code))
        assert "against the index of" not in text, text
        assert "different types (object vs int64)" in text, text
    text = hint(crash("ValueError", _MERGE_MESSAGE, line, _PD_MERGE))
    assert "against the index of `customers`" in text, text


# ------------------------------------------------ a frame's member read on the array it became


def test_a_frames_member_misspelt_on_the_array_it_became_is_no_array_of_objects():
    cells = ["X = df.drop('y', axis=1)\nprint(X.columns)"]
    code = "X = scaler.fit_transform(X)\nprint(X.colums)"
    message = "'numpy.ndarray' object has no attribute 'colums'"
    text = _hint("AttributeError", message, code, cells=cells)
    assert "index one item" not in text and "`X[0].columns`" not in text, text
    assert "pd.DataFrame(X, columns=...)" in text, text
    cells = ["fig, ax = plt.subplots()\nax.plot(x, y)"]
    code = "fig, ax = plt.subplots(1, 2)\nax.plto(x, y)"
    message = "'numpy.ndarray' object has no attribute 'plto'"
    text = _hint("AttributeError", message, code, cells=cells)
    assert "`ax[0].plot`" in text, text
    cells = ["fig, ax = plt.subplots()\nax.contour(X, Y, Z)"]
    code = "fig, ax = plt.subplots(1, 2)\nax.contuor(X, Y, Z)"
    message = "'numpy.ndarray' object has no attribute 'contuor'"
    text = _hint("AttributeError", message, code, cells=cells)
    assert "`ax[0].contour`" in text, text


# ------------------------------------- a docstring's sentences are no cell of notes

_DOCSTRING = (
    "def clean(df, by_date=True):\n"
    '    """\n'
    "    Drop the rows that have no price at all\n"
    "    and convert the order dates to real datetimes\n"
    "    then sort the whole frame by the order date\n"
    "    so that the rolling means come out in time order\n"
    "    and the plots read from left to right\n"
    "    with one point for every day of sales\n"
    "    and no gaps where a shop was closed\n"
    "    while the index stays as it was read\n"
    '    """\n'
    "    if by_date:\n"
    "        df = df.sort_values('date')\n"
    "{marked}\n"
    "        df = df.sort_index()\n"
    "    return df\n"
)


def test_a_functions_long_docstring_is_no_cell_of_notes():
    for marked in ("   else:", "  return df.sort_values('date')"):
        text = _unindent_hint(_DOCSTRING.replace("{marked}", marked), marked)
        assert "Markdown" not in text and "not Python" not in text, text
        assert "lines up with no block above it" in text, text
    text = _unindent_hint(_NOTES, " - the folds should keep the class balance")
    assert "is text, not Python" in text and "Markdown cell" in text, text


# ------------------------------------------- one column's values converted, a date among them

_DATE = "could not convert string to float: '2019-03-31'"


def test_one_columns_values_with_a_date_are_no_whole_frame():
    line = "x = days.values.astype(float)"
    code = f"prices = pd.read_csv('prices.csv')\ndays = prices['day']\n{line}\n"
    text = hint(crash("ValueError", _DATE, line, code=code))
    assert "holds every column" not in text and "pd.to_datetime" in text, text
    line = "x = prices.values.astype(float)"
    code = f"prices = pd.read_csv('prices.csv')\n{line}\n"
    text = hint(crash("ValueError", _DATE, line, code=code))
    assert "`prices.values` holds every column of `prices`" in text, text
