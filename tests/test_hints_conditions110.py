"""Key, seaborn, mask and attribute hints whose claim did not hold on the crash (session 23b):
a column `.corr()` left out, a frame's name passed in quotes as `data=`, a seaborn `data=` that
is a slice of another object, a mask seaborn's heatmap made itself, the notebook's own object
written as a member of a Series.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in pandas', seaborn's and
NumPy's wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint
from tests.test_notebook_saved import run, saved

_SITE = "/usr/lib/python3.9/site-packages"
_GET_LOC = (
    f"{_SITE}/pandas/core/indexes/base.py",
    "get_loc",
    ["try:"],
    "raise KeyError(key) from err",
)
_GETITEM = (f"{_SITE}/pandas/core/frame.py", "__getitem__", ["if is_hashable(key):"], "indexer")

# ----------------------------------------------------- a column `.corr()` left out as text


def test_a_column_picked_from_corr_is_told_corr_keeps_only_numbers():
    code = "scores = pd.read_csv('grades.csv')\nscores.corr()['passed'].sort_values()"
    text = _hint("KeyError", "'passed'", code, frames=[_GETITEM, _GET_LOC])
    assert "`.corr()` keeps only the numeric columns" in text and "map it to numbers" in text
    assert "'passed'" in text, text


def test_a_column_picked_from_the_frame_itself_is_no_corr_matter():
    code = "scores = pd.read_csv('grades.csv')\nscores['passed'].sort_values()"
    text = _hint("KeyError", "'passed'", code, frames=[_GETITEM, _GET_LOC])
    assert "corr()" not in text and "'passed'" in text, text


# --------------------------------------------------- a frame's name in quotes as `data=`

_PIVOT = (
    f"{_SITE}/pandas/core/reshape/pivot.py",
    "__internal_pivot_table",
    ["for key in keys:"],
    "raise KeyError(i)",
)


def test_a_frame_name_in_quotes_as_data_is_told_to_drop_the_quotes():
    code = "table = pd.pivot_table(data='sales', index='region', values='amount')"
    text = _hint("KeyError", "'amount'", code, frames=[_PIVOT])
    assert "passes the text 'sales'" in text and "`data=sales` without quotes" in text, text


def test_a_frame_passed_by_name_is_no_text():
    code = "table = pd.pivot_table(data=sales, index='region', values='amount')"
    text = _hint("KeyError", "'amount'", code, frames=[_PIVOT])
    assert "without quotes" not in text, text


# ------------------------------------------ seaborn's `data=` a slice of another object

_ASSIGN = (
    f"{_SITE}/seaborn/_core/data.py",
    "_assign_variables",
    ["if val_as_data_key:"],
    "raise ValueError(err)",
)
_NOT_IN_DATA = (
    "Could not interpret value `Total` for `y`. An entry with this name does not appear in `data`."
)


def test_a_sliced_data_argument_is_named_instead_of_df():
    code = "sns.barplot(x=totals.index[:5], y='Total', data=totals[:5])"
    text = _hint("ValueError", _NOT_IN_DATA, code, frames=[_ASSIGN])
    assert "`totals[:5]`" in text and "df.columns" not in text, text


def test_a_data_argument_by_name_is_still_checked_in_its_columns():
    code = "sns.barplot(x='Region', y='Total', data=totals)"
    text = _hint("ValueError", _NOT_IN_DATA, code, frames=[_ASSIGN])
    assert "`totals.columns`" in text, text


# ------------------------------------------------- a mask seaborn's heatmap made itself

_MASKED = (
    f"{_SITE}/numpy/ma/core.py",
    "masked_where",
    ["cond = make_mask(condition, shrink=False)"],
    'raise IndexError("Inconsistent shape between the condition and the input"',
)


def _mask_message(a: str, b: str) -> str:
    return f"Inconsistent shape between the condition and the input (got {a} and {b})"


def test_a_heatmap_of_a_series_is_told_to_pass_a_table():
    code = "per_hour = logs.groupby(['day', 'hour']).size()\nsns.heatmap(per_hour)"
    text = _hint("IndexError", _mask_message("(24, 1)", "(24,)"), code, frames=[_MASKED])
    assert "one-dimensional data" in text and ".unstack()" in text, text
    assert "build the mask" not in text, text


def test_a_users_own_mask_on_the_line_keeps_the_mask_hint():
    code = "picked = np.ma.masked_where(values > 3, values[:, None])"
    text = _hint("IndexError", _mask_message("(24,)", "(24, 1)"), code, frames=[_MASKED])
    assert "boolean mask" in text and "heatmap" not in text, text


def test_a_library_call_without_a_mask_or_heatmap_makes_no_mask_claim():
    code = "plot_grid(per_hour)"
    text = _hint("IndexError", _mask_message("(24, 1)", "(24,)"), code, frames=[_MASKED])
    assert "build the mask" not in text and "heatmap" not in text, text


# ------------------------------------ the notebook's own object written as a Series member

_GETATTR = (
    f"{_SITE}/pandas/core/generic.py",
    "__getattr__",
    ["if name not in self._info_axis:"],
    "return object.__getattribute__(self, name)",
)


def test_the_notebooks_own_object_read_as_a_member_is_told_to_apply_it():
    cells = ["from geopy.geocoders import Nominatim\nlocator = Nominatim(user_agent='demo')"]
    code = 'shops["Place"] = shops["Street"].locator.geocode'
    message = "'Series' object has no attribute 'locator'"
    text = _hint("AttributeError", message, code, frames=[_GETATTR], cells=cells)
    assert "notebook's own object" in text, text
    assert '`shops["Street"].apply(locator.geocode)`' in text, text


def test_a_member_the_notebook_never_makes_keeps_the_pandas_hint():
    code = 'shops["Place"] = shops["Street"].locator.geocode'
    message = "'Series' object has no attribute 'locator'"
    text = _hint("AttributeError", message, code, frames=[_GETATTR])
    assert "own object" not in text and "`locator`" in text, text


# ------------------------------------ a cell edited since, whose new module name fails too


def test_an_edit_to_another_wrong_case_of_the_name_is_told_the_right_name():
    ran = "table = pd.frame(rows, columns=['a', 'b'])"
    code = "table = pd.dataframe(rows, columns=['a', 'b'])"
    message = "module 'pandas' has no attribute 'frame'"
    text = _hint("AttributeError", message, code, failing=ran)
    assert "`pd.dataframe` is no name of `pandas` either" in text, text
    assert "`pd.DataFrame`" in text and "Run it again" not in text, text


def test_an_edit_to_a_name_the_module_has_is_run_again():
    ran = "table = pd.frame(rows, columns=['a', 'b'])"
    code = "table = pd.DataFrame(rows, columns=['a', 'b'])"
    message = "module 'pandas' has no attribute 'frame'"
    text = _hint("AttributeError", message, code, failing=ran)
    assert "edited after this error" in text and "Run it again" in text, text


# ------------------ a later cell that sets the key but reads what only a later cell makes


def test_a_later_store_that_needs_a_name_made_below_the_crash_is_not_to_run_first():
    sources = [
        "sales = load()",
        "print(sales['group'])",
        "labels = cluster(sales)",
        "sales['group'] = labels",
    ]
    found = run(saved(sources, [1, 2, 5, 6], crash=2, error=("KeyError", "'group'")))
    assert found is None or "Run cell 4 first" not in found.hint, found


def test_a_later_store_that_reads_only_names_made_above_is_still_to_run_first():
    sources = [
        "sales = load()\nlabels = cluster(sales)",
        "print(sales['group'])",
        "sales['group'] = labels",
    ]
    found = run(saved(sources, [1, 2, 5], crash=2, error=("KeyError", "'group'")))
    assert found is not None and "Run cell 3 first: it sets `sales['group']`" in found.hint, found


# ------------------------------------------ a split unpacked in another order than it returns

_ONLY_INTEGERS = (
    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
    "boolean arrays are valid indices"
)


def test_a_split_unpacked_out_of_order_is_told_the_order():
    cells = ["X_tr, y_tr, X_te, y_te = train_test_split(feats, labs, test_size=0.3)"]
    code = "te_counts = vec.transform(X_te['text'])"
    text = _hint("IndexError", _ONLY_INTEGERS, code, cells=cells)
    assert "returns `X_train, X_test, y_train, y_test` in that order" in text, text
    assert "`X_tr, X_te, y_tr, y_te = train_test_split(...)`" in text, text


def test_a_split_unpacked_in_order_keeps_the_array_hint():
    cells = ["X_tr, X_te, y_tr, y_te = train_test_split(feats.values, labs, test_size=0.3)"]
    code = "te_counts = vec.transform(X_te['text'])"
    text = _hint("IndexError", _ONLY_INTEGERS, code, cells=cells)
    assert "is a NumPy array, not a DataFrame" in text and "in that order" not in text, text


# --------------------- a repeated run blamed while a cell above renames the key away anyway

_NOT_IN_INDEX = ("KeyError", "\"['key'] not in index\"")


def test_a_rename_of_the_key_above_the_crash_blames_no_repeated_run():
    sources = [
        "df = load()",
        "df = df[['a', 'key']]",
        "df = df.rename(columns={'key': 'Key'})",
        "pair = df[['a', 'key']]",
        "x = 1",
    ]
    found = run(saved(sources, [1, 5, 2, 7, 4], crash=4, error=_NOT_IN_INDEX))
    assert found is None or "ran more than once" not in found.hint, found


def test_without_a_rename_above_the_repeated_run_is_still_blamed():
    sources = [
        "df = load()",
        "df = df[['a', 'key']]",
        "df.head()",
        "pair = df[['a', 'key']]",
        "x = 1",
    ]
    found = run(saved(sources, [1, 5, 2, 7, 4], crash=4, error=_NOT_IN_INDEX))
    assert found is not None and "Cell 2 [5] changes `df`" in found.hint, found
    assert "ran more than once" in found.hint, found


# ------------------------------------- a column made only inside a `try` that may never pass

_GROUPER = (
    f"{_SITE}/pandas/core/groupby/grouper.py",
    "get_grouper",
    ["elif isinstance(gpr, Grouper) and gpr.key is not None:"],
    "raise KeyError(gpr)",
)


def _collected(body: str) -> str:
    return (
        "rows = pd.DataFrame()\nfor code in codes:\n"
        + body
        + "\ntotals = rows.groupby('code')['amount'].sum()"
    )


def test_a_column_stored_only_inside_a_try_is_told_the_try_may_have_failed():
    body = (
        '    try:\n        part = fetch(code)\n        part["code"] = code\n'
        "        rows = pd.concat([rows, part])\n"
        "    except Exception:\n        skipped.append(code)"
    )
    code = _collected(body)
    text = _hint("KeyError", "'code'", code, frames=[_GROUPER])
    assert "inside a `try` block" in text and "`except` hides why" in text, text


def test_a_column_stored_outside_any_try_keeps_the_step_hint():
    body = "    part = fetch(code)\n    part['code'] = code\n    rows = pd.concat([rows, part])"
    code = _collected(body)
    text = _hint("KeyError", "'code'", code, frames=[_GROUPER])
    assert "`try`" not in text and "creates by assignment" in text, text


def test_a_quoted_data_payload_of_a_web_request_is_no_frame_name():
    code = "answer = requests.post(url, data='hello').json()['result']"
    text = _hint("KeyError", "'result'", code)
    assert "without quotes" not in text, text
