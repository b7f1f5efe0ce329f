"""Review of waves w20a and w20b's conditions: for each one narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash it was made for still does:

- a library function with two same bare `raise` lines: which `if` failed is not told;
- a Spark worker's traceback that ends in pyspark's own unzipped files: no project file;
- `np.apply_along_axis('sum', ...)`: the string passed was called, no module function replaced;
- `.loc['label']` of a label the code reads as a column in a list (`df[['a', 'label']]`) or a
  keyword (`x='label'`): the rows-first slip is still told;
- `results = {}` then `results = cross_validate(...)`: the dict read is not the empty one;
- a float key a `for` loop gives, where a division also assigns the name: no division's;
- `df.apply(share)` whose function takes a column (`def share(col)`): no `axis=1` to add;
- `set(rows).intersection({a, b})`: the line hashes something else than the set's items;
- `signal[window] - baseline[:n]`: a name may hold a slice, so no dict-like is named;
- a string (`seq = 'ACGT'`) indexed by an array: no list to convert;
- a key popped inside a function of a cell above, or before the frame is read again: running
  in order does not fail.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions96 import (
    _DIVIDED,
    CELL,
    OLD_SITE,
    _applied,
    _ipython,
    _loc_label,
)
from tests.test_hints_conditions97 import _library_frame_crash, _spark_crash

SITE = "/opt/conda/lib/python3.10/site-packages"

# ------------------------------------------------------------ a bare `raise` shown twice


def test_two_same_bare_raises_name_no_check_above_them():
    record = _library_frame_crash(
        "ValueError",
        "",
        "out = pipeline(sample)",
        f"{SITE}/augment/ops.py",
        "Resize.check",
        ["if self.size[1] > width:", "    raise ValueError", "if self.size[0] > height:"],
        "    raise ValueError",
    )
    text = diagnose(record).hint
    assert "`if self.size[1] > width:`" not in text, text
    assert "bare `raise ValueError`" in text, text
    made_for = _library_frame_crash(
        "ValueError",
        "",
        "out = pipeline(sample)",
        f"{SITE}/augment/ops.py",
        "Resize.check",
        ["if self.size is not None:", "    if self.size[0] > height:"],
        "        raise ValueError",
    )
    text = diagnose(made_for).hint
    assert "the check just above it, `if self.size[0] > height:`" in text, text


# ------------------------------------------------ a Spark worker's error in pyspark's own files


def test_a_worker_error_in_spark_s_own_python_folder_names_no_project_file():
    for path in (
        "/databricks/spark/python/pyspark/sql/types.py",
        "/opt/spark/python/pyspark/serializers.py",
    ):
        text = _spark_crash(path)
        assert "outside the installed packages" not in text, text
    text = _spark_crash("/home/ana/project/scoring.py")
    assert "`scoring.py` (line 17, in `score_rows`)" in text, text


# --------------------------------------------- a string passed to a library that calls it


def test_a_string_passed_as_the_function_is_no_module_function_replaced():
    record = _library_frame_crash(
        "TypeError",
        "'str' object is not callable",
        "totals = np.apply_along_axis('sum', 1, X.values)",
        f"{SITE}/numpy/lib/shape_base.py",
        "apply_along_axis",
        ["# invoke the function on the first item", "ind0 = next(inds)"],
        "    res = asanyarray(func1d(inarr_view[ind0], *args, **kwargs))",
    )
    text = diagnose(record).hint
    assert "replaced the library's own" not in text and "np.asanyarray = " not in text, text
    made_for = _library_frame_crash(
        "TypeError",
        "'tuple' object is not callable",
        "plt.imshow_grid(images[0])",
        f"{SITE}/plotkit/pyplot.py",
        "imshow_grid",
        ["if new:"],
        "    fig = figure(num, figsize=size)",
    )
    text = diagnose(made_for).hint
    assert "calls `figure`, which is now a `tuple`" in text, text


# ------------------------------------------- `.loc['label']` of a label the code uses as column


def test_a_label_in_a_list_of_columns_keeps_the_rows_first_hint():
    cells = ["print(regions[['south-2', 'north-7']].mean())"]
    text = _loc_label("regions.loc['north-7']", cells=cells)
    assert "not the columns" in text and "rows first" in text, text
    text = _loc_label("regions.loc['north-7']", cells=["regions = sites.set_index('code')"])
    assert "'north-7' was looked up among the row labels" in text, text


def test_a_label_given_as_a_plot_s_column_keeps_the_rows_first_hint():
    cells = ["sns.histplot(data=regions, x='north-7')"]
    text = _loc_label("regions.loc['north-7']", cells=cells)
    assert "not the columns" in text and "print that index" not in text, text


# ------------------------------------------------------ a dict made empty, then made again


def test_a_dict_made_again_after_it_was_emptied_is_no_empty_read():
    code = "results = {}\nresults = cross_validate(model, X, y)\nresults['test_acc']"
    text = _ipython("KeyError", "'test_acc'", code, [(CELL, "<module>", "results['test_acc']")])
    assert "made empty above" not in text and "stores nothing" not in text, text
    code = "scores = {}\nfor d in range(2, 6):\n    model = fit_tree(d)\n    scores[f'best']"
    text = _ipython("KeyError", "'best'", code, [(CELL, "<module>", "scores[f'best']")])
    assert "`scores` is made empty above" in text, text


# ------------------------------------------------------ a float key a loop gives


def test_a_float_key_from_a_loop_is_not_blamed_on_a_division():
    code = "rate = total / n\nfor rate in rates:\n    fee = table[rate]"
    text = _ipython("KeyError", "0.35", code, [(CELL, "<module>", "fee = table[rate]")])
    assert "made by a division" not in text and "make it a whole key" not in text, text
    code = _DIVIDED
    frames = [
        (CELL, "<module>", "out = [shade(x) for x in xs]"),
        (CELL, "shade", "return palette[step]"),
    ]
    text = _ipython("KeyError", "3.2816", code, frames)
    assert "`step` is a float made by a division" in text, text


# ------------------------------------------------ `DataFrame.apply` of a function of columns


def test_a_function_of_columns_is_not_told_to_take_rows():
    code = "def share(col):\n    return col / col['total']\n\npct = counts.apply(share)"
    frames = [
        (CELL, "<module>", "pct = counts.apply(share)"),
        (f"{OLD_SITE}/core/frame.pyc", "apply", "return self._apply_standard(f, axis)"),
        (f"{OLD_SITE}/core/frame.pyc", "_apply_standard", "results[i] = func(v)"),
        (CELL, "share", "return col / col['total']"),
        (f"{OLD_SITE}/core/series.pyc", "__getitem__", "result = self.index.get_value(self, key)"),
    ]
    text = _ipython("KeyError", "('total', u'occurred at index 2019')", code, frames)
    assert "axis=1" not in text and "passes each column" not in text, text
    text = _applied("orders.apply(total)")
    assert "`.apply(total, axis=1)`" in text, text


# --------------------------------------------------- a set on a line that hashes other values

_LIST = "unhashable type: 'list'"


def test_a_set_of_hashable_names_on_a_line_that_hashes_a_list_is_not_blamed():
    line = "common = set(rows).intersection({first, second})"
    text = hint(crash("TypeError", _LIST, line))
    assert "is a set (braces" not in text, text
    text = hint(crash("TypeError", _LIST, "stats[cols] = summarize({lo, hi})"))
    assert "is a set (braces" not in text, text
    text = hint(crash("TypeError", "unhashable type: 'numpy.ndarray'", "w = np.vstack({a, b})"))
    assert "`{a, b}` is a set" in text, text


# ------------------------------------------------ a slice on a line with a name's lookup too


def test_a_slice_next_to_a_lookup_by_name_names_no_dict_like():
    line = "chunk = signal[window] - baseline[:n]"
    text = hint(crash("TypeError", "unhashable type: 'slice'", line))
    assert "dict-like" not in text and "`baseline.keys()`" not in text, text
    text = hint(crash("TypeError", "unhashable type: 'slice'", "avg = np.mean(flowers[0, :])"))
    assert "`flowers` is a dict or a dict-like object" in text, text


# ------------------------------------------------------- a string indexed by an array

_SCALAR = "only integer scalar arrays can be converted to a scalar index"


def test_a_string_indexed_by_an_array_is_no_list():
    code = "seq = 'ACGTTGCA'\npositions = np.where(scores > 0)[0]\npicked = seq[positions]"
    text = hint(crash("TypeError", _SCALAR, "picked = seq[positions]", code=code))
    assert "Python list" not in text and "np.array(seq)" not in text, text
    text = hint(crash("TypeError", _SCALAR, "kept = rows[mask]"))
    assert "`rows` is a Python list" in text, text


# ---------------------------------------------- a key removed above, yet running in order works

_POPPED = ("KeyError", "'spare'")


def _popped(sources, counts):
    from tests.test_notebook_saved import run, saved

    return run(saved(sources, counts, crash=len(sources), error=_POPPED))


def test_a_pop_inside_a_function_of_a_cell_above_is_no_removal_in_order():
    sources = [
        "df = load()\ndf['spare'] = df['a'] > 3",
        "def clean(df):\n    df = df.copy()\n    df.pop('spare')\n    return df",
        "small = clean(df)",
        "kept = df.pop('spare')",
    ]
    finding = _popped(sources, [1, 2, 3, 5])
    assert finding is None or "already removes" not in finding.hint, finding.hint
    made_for = [
        "df = load()",
        "df['spare'] = df['a'] > 3",
        "df.pop('spare')",
        "kept = df.pop('spare')",
    ]
    finding = _popped(made_for, [1, 5, 2, 4])
    assert finding is not None and "already removes 'spare'" in finding.hint, finding


def test_a_frame_read_again_after_the_pop_has_the_key_in_order():
    sources = [
        "df = pd.read_csv('flags.csv')",
        "df.pop('spare')",
        "df = pd.read_csv('flags.csv')",
        "kept = df.pop('spare')",
    ]
    finding = _popped(sources, [1, 2, 3, 5])
    assert finding is None or "already removes" not in finding.hint, finding.hint
    sources[2] = "df = df.dropna()"
    finding = _popped(sources, [1, 2, 3, 5])
    assert finding is not None and "already removes 'spare'" in finding.hint, finding
