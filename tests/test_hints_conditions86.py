"""Type, value, shape and index hints told only where the crash shows their cause (session 17):
the library a frame belongs to, a method assigned into, a path joined with `/` after `str(...)`,
a list's operator in a condition, a fractional `range` step, an array index inside the user's
own function, NumPy's own broadcasting, a sum of arrays meant as a join, `np.cross`'s lengths,
`datetime.strptime`, Indian digit grouping, a C integer overflow, a library's `.index(...)`, a
groupby key, seaborn given counts, a boolean mask with more indices, a fitted model given
images.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet (the rows of one table, side by side). Cells, tracebacks and messages are written here by
hand in the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions80 import _cell_frame, _hint

SITE = "/opt/conda/lib/python3.10/site-packages"


def _library_frame(path: str, function: str) -> str:
    where = path if path.startswith("/") else f"{SITE}/{path}"  # the standard library's own
    return f"File {where}:100, in {function}\n     99 pass\n--> 100 raise error\n"


def _crash_hint(ename: str, message: str, code: str, inside: tuple[tuple[str, str], ...]) -> str:
    """The hint of a crash raised by the last line of the cell ``code``, in the library frames
    ``inside`` (each: path below site-packages, function with its parameters) when given."""
    frames = [_cell_frame(code, len(code.splitlines()))]
    frames += [_library_frame(path, function) for path, function in inside]
    return _hint(ename, message, frames, code)


ASSIGNED = "'builtin_function_or_method' object does not support item assignment"
STR_DIVIDED = "unsupported operand type(s) for /: 'str' and 'str'"
LIST_MOD = "unsupported operand type(s) for %: 'list' and 'int'"
FLOAT_INT = "'float' object cannot be interpreted as an integer"
SCALAR_INDEX = "only integer scalar arrays can be converted to a scalar index"
BROADCAST = "operands could not be broadcast together with shape (4,) (2,)"
SUM_BROADCAST = "operands could not be broadcast together with shapes (30,) (900,) "
CROSS = "incompatible dimensions for cross product\n(dimension must be 2 or 3)"
DATE = "time data '2023-03-04 10:11:12.5' does not match format '%d/%m/%Y'"
C_LONG = "Python int too large to convert to C long"
AGG = "agg function failed [how->mean,dtype->object]"
TOO_MANY = "too many indices for array: array is 2-dimensional, but 3 were indexed"
FOUR_D = "Found array with dim 4. Estimator expected <= 2."

FIT_LOOP = ("_fit_loop(self, f)",)
AGG_FALLBACK = (("pandas/core/groupby/groupby.py", "_agg_py_fallback(self, how)"),)
SEABORN = (("seaborn/categorical.py", "establish_variables(self, x)"),)
ASTYPE = (("pandas/core/generic.py", "astype(self, dtype)"),)
CHECK_ARRAY = ("sklearn/utils/validation.py", "check_array(array)")


def _lakh(value: str) -> tuple:
    message = f"invalid literal for int() with base 10: '{value}'"
    return ("ValueError", message, "sales['Amount'].astype('int')", ASTYPE)


def _estimator(method: str, code: str) -> tuple:
    svm = ("sklearn/svm/_base.py", f"{method}(self, X)")
    return ("ValueError", FOUR_D, code, (svm, CHECK_ARRAY))


def _operand_in(path: str) -> tuple:
    message = "unsupported operand type(s) for +: 'function' and 'list'"
    code = "model.fit(X, y, callbacks=make_callbacks)"
    return ("TypeError", message, code, ((path, *FIT_LOOP),))


# Each row: the crash (ename, message, code, library frames), what the hint must say, and what
# it must not say. A condition's two rows are side by side: it speaks, then it stays quiet.
CASES = [
    # the library a frame belongs to: standalone keras is not tensorflow
    (_operand_in("keras/engine/training.py"), ["inside `keras`'s code"], ["tensorflow"]),
    (_operand_in("tensorflow/python/keras/engine/training.py"), ["`tensorflow`'s code"], []),
    # a method assigned into (`d.update[k] = v`), not a built-in's name (`sum[i] = v`)
    (
        ("TypeError", ASSIGNED, "scores = {}\nscores.update['joe'] = 6", ()),
        ["`scores.update` is a method"],
        ["built-in function (such as"],
    ),
    (
        ("TypeError", ASSIGNED, "for i in range(3):\n    sum[i] = i", ()),
        ["built-in function (such as `sum`"],
        [],
    ),
    # a path made text by `str(...)` and joined with `/`
    (
        ("TypeError", STR_DIVIDED, "files = os.listdir(str(base_path) / name)", ()),
        ["pathlib.Path", "os.path.join"],
        ["pd.to_numeric"],
    ),
    (("TypeError", STR_DIVIDED, "ratio = price / weight", ()), ["not defined for text"], ["Path"]),
    # a list's operator in a condition
    (
        ("TypeError", LIST_MOD, "odd = []\nif numbers % 2 == 1:", ()),
        ["test each one"],
        ["np.array"],
    ),
    (("TypeError", LIST_MOD, "parity = numbers % 2", ()), ["np.array(a) % 2"], ["test each"]),
    # a fractional `range` step written on the line
    (
        ("TypeError", FLOAT_INT, "steps = list(range(0, 5, 0.25))", ()),
        ["np.arange(0, 5, 0.25)"],
        ["int(...)"],
    ),
    (("TypeError", FLOAT_INT, "for i in range(n / 2):", ()), ["with `int(...)`"], ["np.arange"]),
    # NumPy's own broadcasting inside one of its functions: no two arrays of the line's
    (
        (
            "ValueError",
            BROADCAST,
            "np.repeat(values, [1, 0])",
            (("numpy/core/fromnumeric.py", "_wrapfunc(obj, method)"),),
        ),
        [],
        ["flattened", "The two arrays"],
    ),
    (("ValueError", BROADCAST, "total = first + second", ()), ["The two arrays"], []),
    # a sum of two arrays made one array, as if `+` joined lists
    (
        ("ValueError", SUM_BROADCAST, "scores = np.array(genuine + impostor)", ()),
        ["np.concatenate([genuine, impostor])"],
        [],
    ),
    (("ValueError", SUM_BROADCAST, "scores = genuine + impostor", ()), [], ["np.concatenate"]),
    # `np.cross` of vectors that have neither 2 nor 3 components
    (
        ("ValueError", CROSS, "print(np.cross(v1, v2))", (("numpy/core/numeric.py", "cross(a)"),)),
        ["2 or 3 components"],
        [],
    ),
    (
        ("ValueError", "incompatible shapes for addition", "c = add_blocks(a, b)", ()),
        [],
        ["2 or 3 components"],
    ),
    # Python's `datetime.strptime` is no pandas and takes no `errors='coerce'`
    (
        (
            "ValueError",
            DATE,
            "stamp = datetime.strptime(text, '%d/%m/%Y')",
            (("/usr/lib/python3.11/_strptime.py", "_strptime(data_string, format)"),),
        ),
        ["`strptime` cannot read"],
        ["errors='coerce'", "pandas"],
    ),
    (
        (
            "ValueError",
            DATE,
            "df['when'] = pd.to_datetime(df['when'], format='%d/%m/%Y')",
            (("pandas/core/tools/datetimes.py", "to_datetime(arg)"),),
        ),
        ["pandas cannot read the date"],
        [],
    ),
    # Indian digit grouping (lakhs), not a decimal comma
    (_lakh("12,34,567"), ["separators"], ["errors='coerce'"]),
    (_lakh("12,5"), ["decimals with a comma"], ["separators"]),
    # a C integer overflow: no wider type helps
    (
        ("OverflowError", C_LONG, "cv2.line(image, (x0, y0), (x1, y1), (0, 0, 255), 2)", ()),
        ["grew so large"],
        ["int64"],
    ),
    (
        (
            "OverflowError",
            "Python int too large to convert to SQLite INTEGER",
            "cursor.execute('INSERT INTO t VALUES (?)', (big,))",
            (),
        ),
        ["int64"],
        [],
    ),
    # a library's own `.index(...)`: not a list of the user's
    (
        (
            "ValueError",
            "'region' is not in list",
            "pipe.fit(X, y)",
            (("catboost/core.py", "_get_features_indices(features, names)"),),
        ),
        [],
        ["x in items"],
    ),
    (
        ("ValueError", "'region' is not in list", "pos = columns.index('region')", ()),
        ["x in items"],
        [],
    ),
    # a groupby key is not the column the mean computes on
    (
        ("TypeError", AGG, 'cars.groupby(["Brand"]).mean()', AGG_FALLBACK),
        ["numeric_only=True"],
        ["`Brand` holds text"],
    ),
    (("TypeError", AGG, "cars['Price'].mean()", AGG_FALLBACK), ["`Price` holds text"], []),
    # seaborn given `value_counts()`: a Series, no frame reshaped
    (
        (
            "ValueError",
            "Could not interpret input 'town'",
            'sns.countplot(x="town", data=people.town.value_counts())',
            SEABORN,
        ),
        ["a Series of counts"],
        ["melt"],
    ),
    (
        (
            "ValueError",
            "Could not interpret input 'town'",
            'sns.countplot(x="town", data=people.melt(id_vars="id"))',
            SEABORN,
        ),
        [],
        ["a Series of counts"],
    ),
    # a boolean mask made by a comparison, then another index
    (
        ("IndexError", TOO_MANY, "mask = (labels == 1)\nrows = data[mask, :]", ()),
        ["`mask` is a boolean mask", "mask.ravel()"],
        [],
    ),
    (("IndexError", TOO_MANY, "pos = 3\nrows = data[pos, :]", ()), [], ["boolean mask"]),
    # an array index at the cell's top level (inside a function: a test of its own below)
    # (a line that calls nothing: only a list's or tuple's `[...]` asks for one integer, so the
    # hint names the list, not "pass one number, `int(a[0])`": conditions96 has the pair)
    (
        ("TypeError", SCALAR_INDEX, "row = table[picks]", ()),
        ["`table` is a Python list", "np.array(table)"],
        ["your function", "int(a[0])"],
    ),
    # a fitted model given images: prepared as the training X, not flattened for sure
    (
        _estimator("predict", "print(clf.predict(images[:5]))"),
        ["exactly as the X the model was fitted on"],
        [],
    ),
    (_estimator("fit", "clf.fit(images, labels)"), ["flatten each sample"], ["exactly as"]),
]


@pytest.mark.parametrize(("crash", "said", "unsaid"), CASES)
def test_each_condition_speaks_only_where_it_holds(crash, said, unsaid):
    text = _crash_hint(*crash)
    assert all(words in text for words in said), text
    assert not any(words in text for words in unsaid), text


def test_an_array_index_in_an_own_function_points_at_the_call():
    code = "show_bars(i, predictions[i], images)"
    frames = [
        _cell_frame(code, 1),
        "Cell In[5], line 9, in show_bars(i, scores, labels)\n      8 bars = plt.bar(x, scores)\n"
        "----> 9 bars[labels[i]].set_color('blue')\n",
    ]
    text = _hint("TypeError", SCALAR_INDEX, frames, code)
    assert "your function `show_bars`" in text and "int(a[0])" not in text, text
