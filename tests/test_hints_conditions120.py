"""Shape, value and encoder hints whose claim did not hold on the crash (session 25d): a product
of two items taken by `for` loops, one slot of an array given a sequence, labels one-hot
encoded twice, `round()` of a NaN an own function computed, an encoder fitted on several
columns in other cells, a list's `.remove` of an array.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions96 import CELL, _ipython

SITE = "/opt/conda/lib/python3.9/site-packages"


def _at_module(ename: str, message: str, code: str, cells=()) -> str:
    """The cell's last line fails at module level."""
    line = code.splitlines()[-1]
    return _ipython(ename, message, code, [(CELL, "<module>", line)], cells)


# ------------------------------------------------- a product of two items taken by `for` loops

_MATMUL = (
    "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
    "(n?,k),(k,m?)->(n?,m?) (size 64 is different from 10)"
)


def test_a_product_of_two_loop_items_is_told_the_arrays_features_differ():
    text = _at_module("ValueError", _MATMUL, "scores = [[r @ w for w in ws] for r in rows]")
    assert "`r @ w` multiplies an item of `rows` with an item of `ws`" in text, text
    assert "(10 vs 64)" in text and "`rows.shape`" in text and "`.T`" not in text, text


def test_a_product_of_a_whole_array_keeps_the_transpose_hint():
    text = _at_module("ValueError", _MATMUL, "scores = [X @ w for w in ws]")
    assert "multiplies an item of" not in text and "transpose" in text, text


# ------------------------------------------------------ one slot of an array given a sequence

_SEQUENCE = "setting an array element with a sequence."


def test_a_store_into_one_slot_is_told_the_right_side_is_an_array():
    code = "grad = np.zeros(5)\ngrad[k] = grad[k] - lr * step"
    text = _at_module("ValueError", _SEQUENCE, code)
    assert "`grad[k] = ...` stores one value in one slot" in text, text
    assert "pad" not in text, text


def test_building_an_array_of_ragged_rows_keeps_the_ragged_hint():
    text = _at_module("ValueError", _SEQUENCE, "table = np.array([[1, 2, 3], [4, 5]])")
    assert "stores one value" not in text and "different lengths" in text, text


def test_a_sliced_store_is_no_single_slot():
    text = _at_module("ValueError", _SEQUENCE, "grid[:, k] = values")
    assert "stores one value in one slot" not in text, text


# ------------------------------------------------------------- labels one-hot encoded twice

_LOSS_FRAMES = [
    (f"{SITE}/keras/src/utils/traceback_utils.py", "error_handler", "raise e.with_traceback("),
    (f"{SITE}/keras/src/backend/tensorflow/nn.py", "categorical_crossentropy", "raise ValueError("),
]


def _rank_mismatch(target: str, output: str) -> str:
    message = (
        "Arguments `target` and `output` must have the same rank (ndim). Received: "
        f"target.shape={target}, output.shape={output}"
    )
    line = "net.fit(images, labels, epochs=5)"
    frames = [(CELL, "<module>", line), *_LOSS_FRAMES]
    return _ipython("ValueError", message, line, frames)


def test_labels_with_an_extra_axis_of_the_class_count_are_told_they_were_encoded_twice():
    text = _rank_mismatch("(None, 12, 12)", "(None, 12)")
    assert "encoded a second time" in text and "encode the original labels once" in text, text
    assert "last layer" not in text, text


def test_labels_of_another_extra_axis_keep_the_last_layer_hint():
    text = _rank_mismatch("(None, 32, 32)", "(None, 12)")
    assert "encoded a second time" not in text and "last layer" in text, text


# -------------------------------------------- `round()` of a NaN an own function computed

_NAN_INT = "cannot convert float NaN to integer"


def test_round_of_a_value_an_own_function_computes_is_no_missing_value():
    code = "def guess(x, w):\n    p = score(x, w)\n    return round(p)\n\nguess(row, weights)"
    frames = [(CELL, "<module>", "guess(row, weights)"), (CELL, "guess", "return round(p)")]
    text = _ipython("ValueError", _NAN_INT, code, frames)
    assert "Your function `guess` calls `round()` on a number that is NaN" in text, text
    assert "SimpleImputer" not in text and "it comes from" not in text, text


def test_round_of_a_read_item_keeps_the_missing_value_hint():
    code = "def decade(row):\n    return round(row['Age'])\n\ndecade(first)"
    frames = [(CELL, "<module>", "decade(first)"), (CELL, "decade", "return round(row['Age'])")]
    text = _ipython("ValueError", _NAN_INT, code, frames)
    assert "calls `round()`" not in text and "missing values" in text, text


# ------------------------------------- an encoder fitted on several columns in other cells

_UNSEEN = "y contains previously unseen labels: 'Lyon'"


def test_an_encoder_fitted_on_two_columns_in_other_cells_is_told_to_use_one_per_column():
    cells = [
        "from sklearn.preprocessing import LabelEncoder\nenc = LabelEncoder()",
        "trips['origin'] = enc.fit_transform(trips['origin'])  # text to codes",
        "trips['target'] = enc.fit_transform(trips['target'])",
    ]
    text = _at_module("ValueError", _UNSEEN, "enc.transform(['Lyon'])", cells)
    assert "`enc` is fitted several times" in text and "one encoder per column" in text, text


def test_an_encoder_fitted_once_keeps_the_unseen_values_hint():
    cells = [
        "from sklearn.preprocessing import LabelEncoder\nenc = LabelEncoder()",
        "enc.fit(train['origin'])  # text to codes",
    ]
    text = _at_module("ValueError", _UNSEEN, "codes = enc.transform(test['origin'])", cells)
    assert "fitted several times" not in text and "did not see when fitted" in text, text


# ------------------------------------------------------------- a list's `.remove` of an array

_TRUTH = (
    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
)


def test_a_lists_remove_of_an_array_is_told_it_compares_by_equality():
    code = "parts = list(chunks)\nparts.remove(part)"
    text = _at_module("ValueError", _TRUTH, code)
    assert "`parts.remove(part)` looks for `part` by comparing it" in text, text
    assert "`and`/`or`" not in text, text


def test_a_bare_array_tested_with_no_and_or_gets_no_operator_advice():
    text = _at_module("ValueError", _TRUTH, "assert flags")
    assert "`and`/`or`" not in text and "looks for" not in text, text
    assert "`.any()` / `.all()`" in text, text


def test_a_condition_with_and_keeps_the_operator_advice():
    text = _at_module("ValueError", _TRUTH, "ready = flags and done")
    assert "`and`/`or`" in text and "looks for" not in text, text


def test_round_of_a_name_bound_from_a_call_above_is_told_to_trace_that_call():
    code = (
        "def labels(rows, w):\n    out = []\n    for r in rows:\n        p = score(r, w)\n"
        "        p = round(p)\n        out.append(p)\n    return out\n\nlabels(test, weights)"
    )
    tb = [
        "-" * 75,
        "ValueError                               Traceback (most recent call last)",
        f"{CELL} in <module>\n----> 9 labels(test, weights)\n",
        f"{CELL} in labels(rows, w)\n      3     for r in rows:\n      4         p = score(r, w)\n"
        "----> 5         p = round(p)\n      6         out.append(p)\n",
        f"ValueError: {_NAN_INT}",
    ]
    record = {"ename": "ValueError", "evalue": _NAN_INT, "traceback": tb, "code": code}
    text = diagnose(ErrorRecord.from_dict(record)).hint
    assert "on `p`, which is NaN here: it comes from `score(r, w)`" in text, text
    assert "skip it" not in text, text
