"""Key and type hints whose claim did not hold on the crash (session w20a): a Series blamed for
a dict read inside `Series.apply`, a float from a division used as a key, a rows-versus-columns
slip told for a label meant as a row, a counter picked among two that both start at 0, a GroupBy
as a key, `DataFrame.apply` without `axis=1`, a key read from a dict made empty, a slice of a
dict-like, a set literal passed to a call, a list indexed by an array.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

CELL = "<ipython-input-5-00aa11bb22cc>"
SITE = "/home/ana/miniconda3/lib/python3.7/site-packages/pandas"
OLD_SITE = "/usr/lib64/python2.7/site-packages/pandas"


def _ipython(ename: str, message: str, code: str, frames: list, cells=()) -> str:
    """A record in IPython 7's layout: ``frames`` are (file, function, failing line) from the
    cell's own line down; a frame whose file is ``CELL`` is the notebook's code."""
    tb = ["-" * 75, f"{ename}                               Traceback (most recent call last)"]
    for path, function, line in frames:
        tb.append(f"{path} in {function}()\n----> 3 {line}\n")
    tb.append(f"{ename}: {message}")
    sources = [*cells, code]
    notebook = {"cells": [{"id": str(i), "source": s} for i, s in enumerate(sources)]}
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": tb,
        "code": code,
        "cell_id": str(len(sources) - 1),
        "notebook": notebook,
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


# --------------------------------------- a dict read inside `Series.apply` is no Series lookup

_APPLY_CODE = "def label(v):\n    return names[v]\n\nsizes['label'] = sizes['n'].apply(label)"


def test_a_dict_read_in_a_function_series_apply_runs_is_no_series():
    frames = [
        (CELL, "<module>", "sizes['label'] = sizes['n'].apply(label)"),
        (f"{SITE}/core/series.py", "apply", "mapped = lib.map_infer(values, f)"),
        ("pandas/_libs/lib.pyx", "pandas._libs.lib.map_infer", ""),
        (CELL, "label", "return names[v]"),
    ]
    text = _ipython("KeyError", "'xl7'", _APPLY_CODE, frames)
    assert "is a Series here" not in text and "DataFrame" not in text, text
    assert "There is no key 'xl7'" in text, text


def test_a_series_lookup_under_the_cells_line_is_still_a_series():
    code = "w = people['weight']\nw['Poids']"
    frames = [
        (CELL, "<module>", "w['Poids']"),
        (f"{SITE}/core/series.py", "__getitem__", "result = self.index.get_value(self, key)"),
        (f"{SITE}/core/indexes/base.py", "get_value", "return self._engine.get_value(s, k)"),
    ]
    text = _ipython("KeyError", "'Poids'", code, frames)
    assert "`w` is a Series here" in text, text


# -------------------------------------------------------- a float from a division as a key

_DIVIDED = (
    "def shade(v):\n    step = v / 250\n    return palette[step]\n\nout = [shade(x) for x in xs]"
)


def test_a_key_made_by_a_division_is_told_to_be_made_whole():
    frames = [
        (CELL, "<module>", "out = [shade(x) for x in xs]"),
        (CELL, "shade", "return palette[step]"),
    ]
    text = _ipython("KeyError", "3.2816", _DIVIDED, frames)
    assert "`step` is a float made by a division (`step = v / 250`)" in text, text
    assert "no key of `palette`" in text and "`//`" in text, text


def test_a_whole_key_from_a_floor_division_is_not_told_so():
    code = _DIVIDED.replace("v / 250", "v // 250")
    frames = [
        (CELL, "<module>", "out = [shade(x) for x in xs]"),
        (CELL, "shade", "return palette[step]"),
    ]
    text = _ipython("KeyError", "13.5", code, frames)
    assert "made by a division" not in text, text


# ---------------------------------------- `.loc['label']` meant as a row label, not a column


def _loc_label(code: str, cells=()) -> str:
    frames = [
        (CELL, "<module>", code.splitlines()[-1]),
        (f"{SITE}/core/indexing.py", "__getitem__", "return self._getitem_axis(key, axis=0)"),
        (f"{SITE}/core/indexing.py", "error", "raise KeyError(...)"),
    ]
    message = "'the label [north-7] is not in the [index]'"
    return _ipython("KeyError", message, code, frames, cells)


def test_a_lone_row_label_is_told_to_compare_with_the_index():
    text = _loc_label("regions.loc['north-7']", cells=["regions = sites.set_index('code')"])
    assert "'north-7' was looked up among the row labels" in text, text
    assert "print that index" in text and "not the columns" not in text, text


def test_a_label_the_code_reads_as_a_column_keeps_the_rows_first_hint():
    cells = ["print(regions['north-7'].mean())"]
    text = _loc_label("regions.loc['north-7']", cells=cells)
    assert "not the columns" in text and "rows first" in text, text


# ------------------------------------------------ which loop counter made the missing label


def _counter_lookup(line: str, code: str) -> str:
    frames = [
        (CELL, "<module>", line),
        (f"{SITE}/core/frame.py", "__getitem__", "return self._getitem_column(key)"),
        (f"{SITE}/core/indexes/base.py", "get_loc", "return self._engine.get_loc(key)"),
    ]
    return _ipython("KeyError", "0", code, frames)


def test_one_counter_names_the_frames_it_subscripts():
    code = "total = 0\nfor i in range(n):\n    total += prices[i]"
    text = _counter_lookup("    total += prices[i]", code)
    assert "`prices` is a DataFrame here, and `[i]`" in text, text


def test_two_counters_both_at_zero_name_no_frame():
    line = "        w[k, t] = share[k] * score(centres[k], points[t])"
    code = f"for k in range(m):\n    for t in range(n):\n{line}"
    text = _counter_lookup(line, code)
    assert "is a DataFrame here" not in text and "column labelled 0" in text, text


# ------------------------------------------------------------------- a GroupBy as the key


def _frame_key_zero(line: str) -> str:
    frames = [
        (f"{SITE}/core/frame.py", "__getitem__", "indexer = self.loc._get_listlike_indexer(key)"),
        (f"{SITE}/core/indexes/base.py", "get_loc", "return self._engine.get_loc(key)"),
    ]
    return _ipython("KeyError", "0", line, [(CELL, "<module>", line), *frames])


def test_a_groupby_used_as_a_key_is_told_to_aggregate():
    text = _frame_key_zero("sales[sales.groupby('region')]")
    assert "`sales.groupby('region')` is a GroupBy" in text, text
    assert "`sales.groupby('region').sum()`" in text, text


def test_a_list_of_columns_as_the_key_is_no_groupby():
    text = _frame_key_zero("sales[picked]")
    assert "GroupBy" not in text, text


# ------------------------------------------------- `DataFrame.apply` passes columns by default

_ROW_FUNCTION = "def total(row):\n    return row['price'] * row['qty']\n\n"


def _applied(call: str) -> str:
    code = _ROW_FUNCTION + f"orders['total'] = {call}"
    frames = [
        (CELL, "<module>", f"orders['total'] = {call}"),
        (f"{OLD_SITE}/core/frame.pyc", "apply", "return self._apply_standard(f, axis)"),
        (f"{OLD_SITE}/core/frame.pyc", "_apply_standard", "results[i] = func(v)"),
        (CELL, "total", "return row['price'] * row['qty']"),
        (f"{OLD_SITE}/core/series.pyc", "__getitem__", "result = self.index.get_value(self, key)"),
    ]
    return _ipython("KeyError", "('price', u'occurred at index amount')", code, frames)


def test_apply_without_axis_is_told_it_passes_columns():
    text = _applied("orders.apply(total)")
    assert "`.apply(total)` passes each column to `total`" in text, text
    assert "`.apply(total, axis=1)`" in text and "'amount'" in text, text


def test_apply_with_axis_1_is_not_told_to_add_it():
    text = _applied("orders.apply(total, axis=1)")
    assert "passes each column" not in text and "'price' is not one of them" in text, text


# -------------------------------------------------------- a key read from a dict made empty


def _dict_read(code: str) -> str:
    line = code.splitlines()[-1]
    return _ipython("KeyError", "'best'", code, [(CELL, "<module>", line.strip())])


def test_a_key_read_from_an_empty_dict_is_told_to_store_it():
    code = "scores = {}\nfor d in range(2, 6):\n    model = fit_tree(d)\n    scores[f'best']"
    text = _dict_read(code)
    assert "`scores` is made empty above" in text, text
    assert "`scores[f'best'] = value`" in text, text


def test_a_dict_the_code_fills_is_not_told_it_stores_nothing():
    code = "scores = {}\nfor d in range(2, 6):\n    scores[d] = fit_tree(d)\n    scores['best']"
    text = _dict_read(code)
    assert "stores nothing" not in text, text


# -------------------------------------------------------------------- a slice of a dict-like


def test_a_slice_of_a_dict_like_is_told_to_pick_its_array():
    text = hint(crash("TypeError", "unhashable type: 'slice'", "avg = np.mean(flowers[0, :])"))
    assert "`flowers` is a dict or a dict-like object" in text, text
    assert "`flowers.keys()`" in text and "tuple or string" not in text, text


def test_two_slices_on_a_line_name_no_dict_like():
    line = "both = np.hstack([left[1:, 0], right[:2]])"
    text = hint(crash("TypeError", "unhashable type: 'slice'", line))
    assert "dict-like" not in text, text


# --------------------------------------------------------------- a set literal passed to a call

_ARRAY = "unhashable type: 'numpy.ndarray'"


def test_braces_around_two_arrays_in_a_call_are_told_to_be_a_tuple():
    text = hint(crash("TypeError", _ARRAY, "wide = np.vstack({top, bottom})"))
    assert "`{top, bottom}` is a set" in text and "`(top, bottom)`" in text, text


def test_a_dict_literal_in_a_call_is_no_set():
    text = hint(crash("TypeError", _ARRAY, "table = lookup({top: 1, bottom: 2})"))
    assert "is a set" not in text, text


# ----------------------------------------------------------------- a list indexed by an array

_SCALAR = "only integer scalar arrays can be converted to a scalar index"


def test_a_subscript_on_a_line_that_calls_nothing_names_the_list():
    text = hint(crash("TypeError", _SCALAR, "kept = rows[mask]"))
    assert "`rows` is a Python list" in text and "`rows = np.array(rows)`" in text, text


def test_a_line_that_also_calls_keeps_the_one_integer_hint():
    text = hint(crash("TypeError", _SCALAR, "grid = np.zeros(sizes[k])"))
    assert "Python list" not in text and "one integer" in text, text


# ------------------------------------- a key a cell above removes too: "run in order" fails

_POPPED = ("KeyError", "'spare'")


def _popped(above: str):
    from tests.test_notebook_saved import run, saved

    sources = ["df = load()", "df['spare'] = df['a'] > 3", above, "kept = df.pop('spare')"]
    return run(saved(sources, [1, 5, 2, 4], crash=4, error=_POPPED))


def test_a_key_a_cell_above_pops_too_is_told_to_keep_one_removal():
    finding = _popped("df.pop('spare')")
    assert finding is not None, finding
    assert "Cell 3 [2] above (`df.pop('spare')`) already removes 'spare'" in finding.hint
    assert "keep only one of the two removals" in finding.hint
    assert "restart the kernel and run the cells in order" not in finding.hint


def test_a_key_stored_again_above_keeps_both_readings_of_the_rerun():
    finding = _popped("df.pop('spare')\ndf['spare'] = df['b'] < 0")
    assert finding is not None, finding
    assert "already removes" not in finding.hint, finding.hint
    assert "the saved counts suggest it ran more than once" in finding.hint, finding.hint
