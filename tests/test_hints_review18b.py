"""Review of waves w23b and w23d (b1a5617..w23b, b1a5617..w23d): for each condition narrowed, a
crash (written here by hand, in the libraries' wording and IPython's layout) where the specific
hint was false must not get it, and the crash the condition was made for still does:

- `X_train, y_train, X_test, y_test = train_test_split(...)`: the first and last names get the
  parts they name, so `X_train` is not "another part than its name says";
- `lr=1e−3,` on the first line of a call cut by a minus sign from a web page: `1e-3` is a number,
  not "`1e` is no product" of math; likewise `plt.plot(t, np.exp(−t / tau), label='decay',`,
  whose `=` names an argument of a call the next line goes on with, no equation's;
- `geometry = gpd.points_from_xy(...)` then `df.geometry.x`: data meant as a column, not the
  notebook's own object whose method is to be applied;
- an edit to `np.NaN` after `np.nullvalue` failed: NumPy before 2.0 has `np.NaN`, so the edit is
  not sure to fail again;
- `houses.corr()['Saleprice']` under Python 3.12: pandas 2.1 or later, whose `.corr()` raises on
  text rather than leaving it out;
- a cell above that drops (or renames) other columns and only reads the missing key: the key is
  not removed there, and the repeated run is still blamed;
- `requests.post(API, data='query')` inside a line whose pandas lookup fails: a web request's
  payload, no frame's name in quotes;
- a column stored inside `try: … finally:` with no `except`: a failure there would have stopped
  the cell, so no `except` hid it;
- an edit to `torch.FloatTensor` after `torch.Matrix` failed: the table holds only some of
  torch's names, so the edit is told to run again, not silenced as failing again;
- `[df.head()` in a notebook that also has `pdf = norm.pdf(xs)`: `df` is a name of its own, so
  the `[` is a stray key before it, not the `p` of `pdf`.
"""

from __future__ import annotations

from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions28 import _hint
from tests.test_notebook_saved import run, saved

_ONLY_INTEGERS = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
    "boolean arrays are valid indices"
)

# ------------------------------------------------ the split's first name holds its own part


def test_the_first_name_of_a_split_unpacked_out_of_order_holds_its_own_part():
    cells = [
        "X_train, y_train, X_test, y_test = train_test_split(X.values, y.values, test_size=0.2)"
    ]
    text = _hint("IndexError", _ONLY_INTEGERS, "X_train['age'].mean()", cells=cells)
    assert "in that order" not in text and "another part" not in text, text
    assert "`X_train` is a NumPy array, not a DataFrame" in text, text
    cells = ["X_tr, y_tr, X_te, y_te = train_test_split(feats, labs, test_size=0.3)"]
    code = "te_counts = vec.transform(X_te['text'])"
    text = _hint("IndexError", _ONLY_INTEGERS, code, cells=cells)
    assert "returns `X_train, X_test, y_train, y_test` in that order" in text, text


# ------------------------------------------------- a float's exponent is no math product

_MINUS = "invalid character '−' (U+2212)"


def test_a_float_exponent_on_a_cut_call_line_is_no_product_of_math():
    first = "optimizer = torch.optim.Adam(model.parameters(), lr=1e−3,"
    cell = f"{first}\n                             weight_decay=1e-5)"
    text = _syntax_hint(cell, first, _MINUS)
    assert "is math" not in text and "`1*e`" not in text, text
    assert "the dashes as -" in text, text
    first = "plt.plot(t, np.exp(−t / tau), label='decay',"
    text = _syntax_hint(f"{first}\n         color='C1')", first, _MINUS)
    assert "is math" not in text and "equation" not in text, text
    assert "the dashes as -" in text, text
    text = _syntax_hint("3a+b−5c=12\n2a−b+c=4", "3a+b−5c=12", _MINUS)
    assert "is math (`3a+b−5c=12`)" in text and "`3a` is no product" in text, text


# --------------------------------------- data a library made is no object to apply per value

_GETATTR = (
    "/usr/lib/python3.9/site-packages/pandas/core/generic.py",
    "__getattr__",
    ["if name not in self._info_axis:"],
    "return object.__getattribute__(self, name)",
)


def test_points_made_by_geopandas_are_no_object_to_apply_on_each_value():
    cells = [
        "import geopandas as gpd\ndf = pd.read_csv('stations.csv')\n"
        "geometry = gpd.points_from_xy(df.lon, df.lat)"
    ]
    message = "'DataFrame' object has no attribute 'geometry'"
    code = "df['x'] = df.geometry.x"
    text = _hint("AttributeError", message, code, frames=[_GETATTR], cells=cells)
    assert "own object" not in text and ".apply(" not in text, text
    cells = ["from geopy.geocoders import Nominatim\nlocator = Nominatim(user_agent='demo')"]
    code = 'shops["Place"] = shops["Street"].locator.geocode'
    message = "'Series' object has no attribute 'locator'"
    text = _hint("AttributeError", message, code, frames=[_GETATTR], cells=cells)
    assert '`shops["Street"].apply(locator.geocode)`' in text, text


# ------------------------------------------ a name NumPy 2.0 removed is no sure second failure


def test_an_edit_to_a_name_older_numpy_has_is_not_told_it_fails_again():
    ran = "clean = np.where(mask, np.nullvalue, vals)"
    code = "clean = np.where(mask, np.NaN, vals)"
    message = "module 'numpy' has no attribute 'nullvalue'"
    text = _hint("AttributeError", message, code, failing=ran)
    assert "either" not in text and "edited after this error" in text, text
    ran = "table = pd.frame(rows, columns=['a', 'b'])"
    code = "table = pd.dataframe(rows, columns=['a', 'b'])"
    message = "module 'pandas' has no attribute 'frame'"
    text = _hint("AttributeError", message, code, failing=ran)
    assert "`pd.dataframe` is no name of `pandas` either" in text, text


# -------------------------------------------------- `.corr()` of pandas 2 leaves out no text


def _corr_hint(python: str) -> str:
    site = f"/usr/local/lib/python{python}/site-packages"
    frames = [
        (f"{site}/pandas/core/frame.py", "__getitem__", ["if is_hashable(key):"], "indexer"),
        (f"{site}/pandas/core/indexes/base.py", "get_loc", ["try:"], "raise KeyError(key)"),
    ]
    code = "houses = pd.read_csv('train.csv')\nhouses.corr()['Saleprice'].sort_values()"
    return _hint("KeyError", "'Saleprice'", code, frames=frames)


def test_corr_under_python_312_is_pandas_2_which_leaves_no_text_column_out():
    text = _corr_hint("3.12")
    assert "keeps only the numeric columns" not in text and "'Saleprice'" in text, text
    text = _corr_hint("3.9")
    assert "`.corr()` keeps only the numeric columns" in text, text


# ------------------------------- a cell that drops other columns and only reads the key

_NOT_IN_INDEX = ("KeyError", "\"['key'] not in index\"")


def _blamed(third: str):
    sources = ["df = load()", "df = df[['a', 'key']]", third, "pair = df[['a', 'key']]", "x = 1"]
    return run(saved(sources, [1, 5, 2, 7, 4], crash=4, error=_NOT_IN_INDEX))


def test_a_drop_of_other_columns_beside_a_read_of_the_key_still_blames_the_rerun():
    found = _blamed("df = df.drop(columns=['b'])\nprint(df['key'].nunique())")
    assert found is not None and "ran more than once" in found.hint, found
    found = _blamed("df = df.rename(columns={'a': 'A'})\ncounts = df.agg({'key': 'nunique'})")
    assert found is not None and "ran more than once" in found.hint, found
    found = _blamed("df = df.rename(columns={'key': 'Key'})")
    assert found is None or "ran more than once" not in found.hint, found
    found = _blamed("df.drop(columns=['key'], inplace=True)")
    assert found is None or "ran more than once" not in found.hint, found


# -------------------------------------- a web request's quoted payload is no frame's name

_SITE = "/usr/lib/python3.9/site-packages"
_LOOKUP = [
    (f"{_SITE}/pandas/core/frame.py", "__getitem__", ["if is_hashable(key):"], "indexer"),
    (f"{_SITE}/pandas/core/indexes/base.py", "get_loc", ["try:"], "raise KeyError(key)"),
]
_PIVOT = (
    f"{_SITE}/pandas/core/reshape/pivot.py",
    "__internal_pivot_table",
    ["for key in keys:"],
    "raise KeyError(i)",
)


def test_a_request_payload_inside_a_frames_line_is_no_frame_name_in_quotes():
    code = "prices = pd.DataFrame(requests.post(API, data='query').json()['rows'])['price']"
    cells = ["import requests\nimport pandas as pd\nAPI = 'https://example.org/api'"]
    text = _hint("KeyError", "'price'", code, frames=_LOOKUP, cells=cells)
    assert "without quotes" not in text and "passes the text" not in text, text
    code = "table = pd.pivot_table(data='sales', index='region', values='amount')"
    text = _hint("KeyError", "'amount'", code, frames=[_PIVOT])
    assert "`data=sales` without quotes" in text, text
    code = "table = pivot_table(data='sales', index='region', values='amount')"
    cells = ["from pandas import pivot_table\nsales = load_sales()"]
    text = _hint("KeyError", "'amount'", code, frames=[_PIVOT], cells=cells)
    assert "`data=sales` without quotes" in text, text


# ------------------------------------------ a `try` with only a `finally` hides no failure

_GROUPER = (
    f"{_SITE}/pandas/core/groupby/grouper.py",
    "get_grouper",
    ["elif isinstance(gpr, Grouper) and gpr.key is not None:"],
    "raise KeyError(gpr)",
)


def _collected(clause: str) -> str:
    return (
        "rows = pd.DataFrame()\nfor code in codes:\n    try:\n        part = fetch(code)\n"
        '        part["code"] = code\n        rows = pd.concat([rows, part])\n'
        f"{clause}\ntotals = rows.groupby('code')['amount'].sum()"
    )


def test_a_store_in_a_try_with_only_finally_is_not_told_an_except_hid_it():
    code = _collected("    finally:\n        conn.commit()")
    text = _hint("KeyError", "'code'", code, frames=[_GROUPER])
    assert "`except`" not in text and "inside a `try` block" not in text, text
    code = _collected("    except Exception:\n        skipped.append(code)")
    text = _hint("KeyError", "'code'", code, frames=[_GROUPER])
    assert "inside a `try` block" in text and "`except` hides why" in text, text


# ---------------------------------- an edit to a name the module table lacks is run again


def test_an_edit_to_a_name_a_partial_table_lacks_is_still_told_to_run_again():
    ran = "w = torch.Matrix(rows)"
    code = "w = torch.FloatTensor(rows)"
    message = "module 'torch' has no attribute 'Matrix'"
    text = _hint("AttributeError", message, code, cells=["import torch"], failing=ran)
    assert "edited after this error" in text and "Run it again" in text, text
    assert "dir(torch)" not in text, text


# ------------------------------ a stray bracket before a name the notebook has is no letter


def test_a_stray_bracket_before_a_known_name_is_not_read_as_a_longer_names_letter():
    cell = (
        "from scipy.stats import norm\npdf = norm.pdf(xs)\n"
        "df = pd.read_csv('heights.csv')\n[df.head()\ndf.describe()"
    )
    text = _syntax_hint(cell, "[df.head()", "'[' was never closed")
    assert "pdf.head()" not in text and "delete that `[`" in text, text
    cell = "import matplotlib.pyplot as plt\nplt.plot(xs, ys)\n[lt.title('Growth')\nplt.show()"
    text = _syntax_hint(cell, "[lt.title('Growth')", "'[' was never closed")
    assert "write `plt.title('Growth')`" in text, text
