"""Speak-only-when pairs for wave 11's key, attribute, index and format hints, narrowed where a
blind review found them false (crashes written here by hand, in the libraries' wording):

- "print `df.columns`" of a KeyError: not when the line's own call looked the key up elsewhere,
  a group of `get_group`, a label of `.index.get_loc`, a bool given to a GroupBy (pandas' "Column
  not found: False"); still for `df.columns.get_loc`, a quoted 'False', a later lookup.
- "a Series here, not a DataFrame": not for the row of an `iterrows()` loop when the failing line
  is not shown (`<timed exec>`) and the cell subscripts that row alone with the key.
- "a column is also read with `df['rows']`": not for a word of the frame's size (`df.rows`).
- "check the name in the pandas documentation": not for statsmodels' `conf_int`.
- "a dimension other than the one you join on": not when NumPy counts dimensions.
- "parse it with `int(...)`": not for `range(df.index[0], …)`, a row label.
- "`df` is a string indexed by name": not for a string literal subscripted by a condition.
- "check their number and order against the function's parameters": not for a list's `:.2f`.

Each crash is built twice, with the condition and without it.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

_SITE = "/usr/lib/python3.11/site-packages"


def _hint(ename: str, message: str, line: str, *below: str, code: str = "", cell="Cell In[7]"):
    """The hint of a crash at ``line`` (a cell's line 1) with library frames ``below``."""
    head = f"{cell}, line 1\n----> 1 {line}\n" if line else "<timed exec> in <module>\n"
    traceback = [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        head,
        *below,
        f"{ename}: {message}",
    ]
    record = {"ename": ename, "evalue": message, "traceback": traceback, "code": code or line}
    return diagnose(ErrorRecord.from_dict(record)).hint


def _frame(path: str, where: str, raised: str) -> str:
    return f"File {_SITE}/{path}:100, in {where}\n--> 100     {raised}\n"


_GET_GROUP = _frame(
    "pandas/core/groupby/groupby.py",
    "BaseGroupBy.get_group(self, name, obj)",
    "raise KeyError(name)",
)
_GET_LOC = _frame("pandas/core/indexes/base.py", "Index.get_loc(self, key)", "raise KeyError(key)")
_FRAME_GETITEM = _frame(
    "pandas/core/frame.py",
    "DataFrame.__getitem__(self, key)",
    "indexer = self.columns.get_loc(key)",
)
_SELECTION = _frame(
    "pandas/core/base.py",
    "SelectionMixin.__getitem__(self, key)",
    'raise KeyError(f"Column not found: {key}")',
)
_SERIES_GETITEM = _frame(
    "pandas/core/series.py", "Series.__getitem__(self, key)", "return self._get_value(key)"
)
_COLUMNS = "print `df.columns`"

# ------------------------------------------------------------ a group of get_group


def test_a_missing_group_is_told_to_list_the_groups():
    hint = _hint("KeyError", "'1371'", "ts = groups.get_group('1371')", _GET_GROUP)
    assert "`groups` has no group '1371'" in hint and "list(groups.groups)" in hint


def test_a_column_missing_after_get_group_is_no_group():
    # the group was found; the lookup of its column failed (the frame's own frames below)
    hint = _hint("KeyError", "'cost'", "groups.get_group('a')['cost']", _FRAME_GETITEM, _GET_LOC)
    assert "has no group" not in hint


# ------------------------------------------------------------ a label of an index's get_loc


def test_a_date_missing_from_the_index_is_no_column():
    hint = _hint("KeyError", "'2021-01-04'", "i = prices.index.get_loc('2021-01-04')", _GET_LOC)
    assert "`prices.index` has no label '2021-01-04'" in hint and _COLUMNS not in hint


def test_get_loc_of_the_columns_still_names_the_columns():
    hint = _hint("KeyError", "'price'", "i = df.columns.get_loc('price')", _GET_LOC)
    assert "has no label" not in hint


# ------------------------------------------------------------ a bool given to a GroupBy


def test_a_mask_given_to_a_groupby_is_told_to_filter_first():
    line = "g[g['response'] == 'Yes'].mean()"
    hint = _hint("KeyError", "'Column not found: False'", line, _SELECTION)
    assert "A bool (False) was looked up as a column name" in hint


def test_a_quoted_false_is_a_text_key():
    hint = _hint("KeyError", "'Column not found: False'", "g['False'].mean()", _SELECTION)
    assert "A bool" not in hint


# ------------------------------------------------------------ an iterrows row, line unseen

_ROWS = "meta = pd.read_csv('m.csv')\nfor _, row in meta.iterrows():\n    if row['klass'] == 1:\n"


def test_an_unseen_line_subscripting_an_iterrows_row_names_its_frame():
    code = _ROWS + "        n += 1"
    hint = _hint("KeyError", "'klass'", "", _SERIES_GETITEM, _GET_LOC, code=code)
    assert "`row` is a row of `meta`" in hint and "print `meta.columns`" in hint


def test_an_unseen_line_with_another_series_subscripted_names_no_row():
    code = _ROWS + "        n += s['klass']"
    hint = _hint("KeyError", "'klass'", "", _SERIES_GETITEM, _GET_LOC, code=code)
    assert "is a row of" not in hint


# ------------------------------------------------------------ a frame's size as an attribute

_GETATTR = _frame(
    "pandas/core/generic.py",
    "NDFrame.__getattr__(self, name)",
    "return object.__getattribute__(self, name)",
)


@pytest.mark.parametrize(
    ("owner", "line", "said", "speaks"),
    [
        # a word of the frame's size: len(df), not a column 'rows' to check
        ("DataFrame", "df.rows", "len(df)", True),
        ("DataFrame", "df.rowsum", "len(df)", False),
        # statsmodels' member of a Series, not pandas' documentation to search
        ("Series", "ci = pred.conf_int()", "statsmodels", True),
        ("Series", "ci = pred.confint()", "statsmodels", False),
    ],
)
def test_a_missing_pandas_attribute_of_another_kind(owner, line, said, speaks):
    attr = line.rsplit(".", 1)[1].rstrip("()")
    message = f"'{owner}' object has no attribute '{attr}'"
    hint = _hint("AttributeError", message, line, _GETATTR)
    assert (said in hint) is speaks
    if speaks:
        assert "df['rows']" not in hint and "pandas documentation" not in hint


# ------------------------------------------------------------ joined arrays' dimensions

_CONCAT = _frame(
    "numpy/lib/function_base.py",
    "append(arr, values, axis)",
    "return concatenate((arr, values), axis=axis)",
)


def test_a_count_of_dimensions_is_no_other_dimension():
    message = (
        "all the input arrays must have same number of dimensions, but the array at index 0 "
        "has 3 dimension(s) and the array at index 1 has 2 dimension(s)"
    )
    hint = _hint("ValueError", message, "np.append(b, [[1, 1]], axis=0)", _CONCAT)
    assert "Array 0 has 3 dimensions and array 1 2" in hint and "other than" not in hint


def test_a_size_mismatch_keeps_its_dimension():
    message = (
        "all the input array dimensions except for the concatenation axis must match exactly, "
        "but along dimension 1, the array at index 0 has size 3 and the array at index 1 has "
        "size 2"
    )
    hint = _hint("ValueError", message, "np.append(b, [[1, 1]], axis=0)", _CONCAT)
    assert "dimensions and array" not in hint


# -------------------------------- a range's bound, a literal subscripted, a list's format spec

_NOT_INTEGER = "'str' object cannot be interpreted as an integer"
_STRING_INDICES = "string indices must be integers"
_LIST_FORMAT = "unsupported format string passed to list.__format__"
_TABULATE = _frame("tabulate/__init__.py", "_format(val, valtype)", "return format(val, floatfmt)")


@pytest.mark.parametrize(
    ("message", "line", "below", "said", "speaks"),
    [
        # a row label as a range's bound: positions, not int(...)
        (_NOT_INTEGER, "for i in range(pv.index[0], pv.index[-1]):", (), "range(len(pv))", True),
        (_NOT_INTEGER, "z = np.zeros(pv.index[0])", (), "range(len(pv))", False),
        # a string literal subscripted by a condition: a bracket closed late
        (_STRING_INDICES, "df[['name'[df['kind'] == 'Fire']]]", (), "the text 'name'", True),
        (_STRING_INDICES, "c = 'abcdef'[k]", (), "misplaced", False),
        # a list given a number's format spec on the line, not inside a library
        (_LIST_FORMAT, 'print(f"Cost: {cost:.2f}")', (), "is a `list`, which takes no", True),
        (_LIST_FORMAT, "print(tabulate(rows, floatfmt='.2f'))", (_TABULATE,), "no such", False),
    ],
)
def test_a_type_error_speaks_only_of_what_its_line_shows(message, line, below, said, speaks):
    hint = _hint("TypeError", message, line, *below)
    assert (said in hint) is speaks
    if speaks:  # the former claims: a parse, a variable holding text, a function's parameters
        assert not any(w in hint for w in ("`int(...)`", "`df` is a", "function's parameters"))
