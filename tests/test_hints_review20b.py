"""Review 20b: counter-cases to the conditions of fix waves 25c and 25d, where the new specific
hint said something false on a plausible crash (or a right hint was silenced), each paired
with the case the condition was made for.

Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions28 import _hint as cells_hint
from tests.test_hints_conditions96 import CELL, _ipython
from tests.test_hints_conditions119 import _hint


def _at_module(ename: str, message: str, code: str, cells=()) -> str:
    line = code.splitlines()[-1]
    return _ipython(ename, message, code, [(CELL, "<module>", line)], cells)


def _record(ename: str, message: str, blocks: list[str], code: str) -> str:
    tb = [
        "-" * 75,
        f"{ename}                               Traceback (most recent call last)",
        *blocks,
        f"{ename}: {message}",
    ]
    record = {"ename": ename, "evalue": message, "traceback": tb, "code": code}
    return diagnose(ErrorRecord.from_dict(record)).hint


# ----------------------------------- a lone name that is an item of a statement begun above


_POINT = (
    "import numpy as np\ndef point(r):\n    return np.array([\n        r.x,\n        yy\n    ])"
)


def test_a_name_alone_inside_an_open_bracket_is_no_stray_line():
    shown = ["def point(r):", "    return np.array([", "        r.x,"]
    frames = [("<ipython-input-3-0a1b2c3d4e5f>", "point", shown, "        yy")]
    text = cells_hint(
        "NameError", "name 'yy' is not defined", "point(first)", frames=frames, cells=(_POINT,)
    )
    assert "does nothing in a function" not in text and "stray" not in text, text


def test_a_name_alone_on_its_own_line_is_still_a_stray_line():
    cell = "def total(xs):\n    s = 0\n    l\n    return s"
    frames = [("<ipython-input-3-0a1b2c3d4e5f>", "total", ["def total(xs):", "    s = 0"], "    l")]
    text = cells_hint(
        "NameError", "name 'l' is not defined", "total(xs)", frames=frames, cells=(cell,)
    )
    assert "is only `l`, which does nothing in a function" in text, text


# ----------------------------------------- `np.c_[...]` is indexed by design, not a function

_SUBSCRIPT = "'function' object is not subscriptable"


def test_np_c_indexed_beside_a_function_is_not_called_a_function():
    cells = ["def features(df):\n    return df.values"]
    code = "import numpy as np\nX = np.c_[np.ones(m), features[:, 1]]"
    text = _at_module("TypeError", _SUBSCRIPT, code, cells)
    assert "`np.c_` is a function" not in text and "np.c_(" not in text, text


def test_a_module_function_indexed_is_still_told_to_call_it():
    text = _at_module("TypeError", _SUBSCRIPT, "import numpy as np\nv = np.dot[a, b]")
    assert "`np.dot` is a function, indexed here with `[...]`" in text, text


# ------------------------------------------------ `round(x, 2)` of a NaN raises nothing

_NAN_INT = "cannot convert float NaN to integer"


def test_round_with_digits_is_not_what_raised():
    line = "return f\"{int(row['Age'])} years, score {round(s, 2)}\""
    code = f"def describe(row, s):\n    {line}\n\ndescribe(first, 0.5)"
    frames = [(CELL, "<module>", "describe(first, 0.5)"), (CELL, "describe", line)]
    text = _ipython("ValueError", _NAN_INT, code, frames)
    assert "calls `round()`" not in text and "missing values" in text, text


def test_round_of_one_value_an_own_function_computes_keeps_its_hint():
    code = "def guess(x, w):\n    p = score(x, w)\n    return round(p)\n\nguess(row, weights)"
    frames = [(CELL, "<module>", "guess(row, weights)"), (CELL, "guess", "return round(p)")]
    text = _ipython("ValueError", _NAN_INT, code, frames)
    assert "Your function `guess` calls `round()` on a number that is NaN" in text, text


# ------------------------------------------ a row of a 2-D array is no single slot

_SEQUENCE = "setting an array element with a sequence."


def test_a_store_into_a_row_of_a_two_dimensional_array_is_no_single_slot():
    code = (
        "X = np.zeros((n, 3))\nfor i, s in enumerate(samples):\n"
        "    X[i] = [len(s), s.count(' '), s.split()]"
    )
    text = _at_module("ValueError", _SEQUENCE, code)
    assert "stores one value in one slot" not in text and "make it one number" not in text, text


def test_a_store_into_one_slot_of_a_one_dimensional_array_keeps_its_hint():
    code = "grad = np.zeros(5)\ngrad[k] = grad[k] - lr * step"
    text = _at_module("ValueError", _SEQUENCE, code)
    assert "`grad[k] = ...` stores one value in one slot" in text, text


def test_a_store_into_one_cell_of_a_two_dimensional_array_keeps_its_hint():
    code = "m = np.zeros((n, n))\nm[i, j] = dist(a, b)"
    text = _at_module("ValueError", _SEQUENCE, code)
    assert "`m[i, j] = ...` stores one value in one slot" in text, text


# ------------------------------------ an encoder refitted on that very column is no mix-up

_UNSEEN = "y contains previously unseen labels: 'Lyon'"


def test_an_encoder_refitted_on_the_same_column_is_not_told_one_per_column():
    cells = [
        "from sklearn.preprocessing import LabelEncoder\nenc = LabelEncoder()",
        "enc.fit(train['city'])",
        "enc.fit(pd.concat([train['city'], test['city']]))",
    ]
    text = _at_module("ValueError", _UNSEEN, "val['city'] = enc.transform(val['city'])", cells)
    assert "one encoder per column" not in text and "fitted several times" not in text, text
    assert "did not see when fitted" in text, text


def test_an_encoder_fitted_on_two_columns_is_still_told_one_per_column():
    cells = [
        "from sklearn.preprocessing import LabelEncoder\nenc = LabelEncoder()",
        "trips['origin'] = enc.fit_transform(trips['origin'])  # text to codes",
        "trips['target'] = enc.fit_transform(trips['target'])",
    ]
    text = _at_module("ValueError", _UNSEEN, "trips2 = enc.transform(val['origin'])", cells)
    assert "`enc` is fitted several times" in text and "one encoder per column" in text, text


# ------------------------------------ a variable compared with True is no keyword flag

_NAME = "name '{}' is not defined"


def test_a_variable_compared_with_true_in_a_call_is_no_keyword_flag():
    code = "both = np.logical_and(ages > 0, (valid == True))"
    text = _at_module("NameError", _NAME.format("valid"), code, ["import numpy as np"])
    assert "keyword argument" not in text and "valid=True" not in text, text


def test_a_flag_compared_in_a_call_is_still_told_one_equals_sign():
    code = "print(df.to_string(), (index==False))"
    text = _at_module("NameError", _NAME.format("index"), code, ["df = make()"])
    assert "for the keyword argument write `index=False`" in text, text


# --------------------------------- macOS 13+'s loader writes the architectures in parentheses


def _dlopen(path: str, archs: str) -> str:
    message = (
        f"dlopen({path}, 0x0002): tried: '{path}' (mach-o file, but is an incompatible "
        f"architecture {archs}), '/usr/lib/fastdist.so' (no such file)"
    )
    frames = ["Cell In[7], line 2\n      1 import numpy as np\n----> 2 import fastdist\n"]
    return _hint("ImportError", message, frames, "import numpy as np\nimport fastdist")


def test_architectures_in_parentheses_get_the_architecture_hint():
    path = "/Users/kim/hw/fastdist.cpython-311-darwin.so"
    text = _dlopen(path, "(have (x86_64), need (arm64e or arm64))")
    assert "`fastdist` is a compiled file built for x86_64" in text, text
    assert "runs as arm64:" in text and "arm64e" not in text and "Rosetta" not in text, text


def test_architectures_in_quotes_keep_the_architecture_hint():
    text = _dlopen("/Users/kim/hw/fastdist.cpython-310-darwin.so", "(have 'arm64', need 'x86_64')")
    assert "`fastdist` is a compiled file built for arm64" in text and "x86_64" in text, text


# ------------------------------------ a NaN from a function imported by name is a library's


def _nan_from(cell: str, shown: list[str]) -> str:
    frames = [("<ipython-input-3-0a1b2c3d4e5f>", "avg_len", shown, "    return int(m)")]
    return cells_hint("ValueError", _NAN_INT, "avg_len([])", frames=frames, cells=(cell,))


def test_a_nan_from_numpys_mean_imported_by_name_keeps_the_mean_of_nothing_hint():
    cell = (
        "from numpy import mean\ndef avg_len(words):\n    lengths = [len(w) for w in words]\n"
        "    m = mean(lengths)\n    return int(m)"
    )
    text = _nan_from(cell, ["    lengths = [len(w) for w in words]", "    m = mean(lengths)"])
    assert "it comes from" not in text and "mean of an empty list" in text, text


def test_a_nan_from_an_own_call_is_still_traced_to_that_call():
    cell = "def avg_len(words):\n    m = score(words)\n    return int(m)"
    text = _nan_from(cell, ["def avg_len(words):", "    m = score(words)"])
    assert "on `m`, which is NaN here: it comes from `score(words)`" in text, text
