"""Speak-only-when pairs for value and type errors whose hint named a wrong cause (crashes
written here by hand, in the libraries' wording and IPython's layout):

- dateutil's "Unknown string format" names the text it refused after its colon, or as the
  second item of Python 3.6's tuple message; a bare message names none, and neither does the hint;
- a Matplotlib call given a whole frame (`plt.pie(df, labels=df['Day'])`) meets every column,
  the text ones too: pass the column of numbers, no date parsing;
- `*` that went into NumPy's or pandas' own multiplication multiplies items of arrays, which
  are text: convert the data, no list is repeated;
- `x != None` on an array: `x is not None`;
- a column filled from a `.forecast(...)` is NaN where its date labels meet none of the frame's;
- Python 3.5's "Can't convert 'int' object to str implicitly" is text joined with a number only
  when the line has a `+`;
- a heatmap of a frame with a text column: drop the text columns, or pivot a long table;
- scikit-learn's `array(None)` at `fit(X)` without y: the target is missing;
- `Counter(X)` of a 2-D array inside a loop that does not use its variable;
- IPython's `x?` inspector failing on a pandas object: nothing the user passed is at fault;
- `iris-data-set.csv` without quotes, every word defined: subtractions, not the file.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions18 import _record_hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions67 import SITE, _crash

# Library frames, as "path under site-packages | function | its failing line".
DATEUTIL = 'dateutil/parser/_parser.py | parse | raise ValueError("Unknown string format:", s)'
TO_DATETIME = "pandas/core/tools/datetimes.py | to_datetime | result = convert_listlike(arg)"
PIE = "matplotlib/pyplot.py | pie | return gca().pie("
ASARRAY = "matplotlib/axes/_axes.py | Axes.pie | x = np.asarray(x, np.float32)"
MATRIX_MUL = "numpy/matrixlib/defmatrix.py | matrix.__mul__ | return N.dot(self, asmatrix(other))"
CHECK = "sklearn/utils/validation.py | _assert_all_finite | raise ValueError(msg_err)"
HEATMAP = "seaborn/matrix.py | heatmap | plotter = _HeatMapper(data, vmin, vmax, cmap)"
CMAP = "seaborn/matrix.py | _HeatMapper._determine_cmap_params | calc = plot_data.astype(float)"
TREE_FIT = "sklearn/tree/_classes.py | BaseDecisionTree.fit | y = check_array(y, ensure_2d=False)"
NUM_SAMPLES = "sklearn/utils/validation.py | _num_samples | raise TypeError(message)"
MAGIC = "IPython/core/interactiveshell.py | InteractiveShell.run_line_magic | result = fn(*args)"
INFO = "IPython/core/oinspect.py | Inspector.info | if info and info.parent and hasattr(p, H):"
NONZERO = "pandas/core/generic.py | NDFrame.__nonzero__ | raise ValueError("
OPS = "pandas/core/ops/__init__.py | to_series | raise ValueError("

DATES = "pd.to_datetime(['2021-07-31', 'tomorrow'])"
TEXT_DATE = "could not convert string to float: '2020-03-01'"
TIMES_TEXT = "can't multiply sequence by non-int of type 'str'"
TRUTH = (
    "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()"
)
FRAME_TRUTH = (
    "The truth value of a DataFrame is ambiguous. Use a.empty, a.bool(), a.item(), a.any()"
)
NAN = "Input contains NaN, infinity or a value too large for dtype('float64')."
IMPLICIT = "Can't convert 'int' object to str implicitly"
SINGLETON = "Singleton array array(None, dtype=object) cannot be considered a valid collection."
COERCE = "Unable to coerce to Series, length must be 5: given 6"
PINFO = "get_ipython().run_line_magic('pinfo', 'scores.loc')"
PIE_OF_FRAME = "plt.pie(sales, labels=sales['Day'])"
MSE_OF_PRED = "err = mean_squared_error(calls['n'], pred['HW'])"

# (exception, message, cell code, its failing line, library frames, the hint says, it does not)
SPEAKS = [
    # dateutil's refused text: the tuple's second item, or after the colon without pandas' tail
    ("ValueError", "('Unknown string format:', 'tomorrow')", DATES, DATES,
     [TO_DATETIME, DATEUTIL], "'tomorrow' as a date", "',' as a date"),
    ("ParserError", "Unknown string format: tomorrow present at position 1", DATES, DATES,
     [TO_DATETIME, DATEUTIL], "'tomorrow' as a date", "position"),
    ("ValueError", "Unknown string format", DATES, DATES, [TO_DATETIME, DATEUTIL],
     "does not say which", "'' as a date"),
    # a whole frame given to Matplotlib: its column of numbers, no date parsing
    ("ValueError", TEXT_DATE, f"sales = pd.read_csv('shop.csv')\n{PIE_OF_FRAME}", PIE_OF_FRAME,
     [PIE, ASARRAY], "whole frame `sales`", "to_datetime"),
    # `*` that NumPy's matrix product computed: text items of arrays, no list repeated
    ("TypeError", TIMES_TEXT, "w = np.linalg.inv(A.T * A) * A.T * b",
     "w = np.linalg.inv(A.T * A) * A.T * b", [MATRIX_MUL], "items of NumPy arrays",
     "np.array(values)"),
    # `x != None` on an array
    ("ValueError", TRUTH, "if weights != None:\n    w = weights", "if weights != None:", [],
     "`weights is not None`", "`&`, `|`"),
    # a column filled from a forecast: NaN where its labels meet none of the frame's
    ("ValueError", NAN, f"pred['HW'] = model.forecast(len(calls))\n{MSE_OF_PRED}", MSE_OF_PRED,
     [CHECK], "`pred['HW']` is filled from `model.forecast(len(calls))`", "drop or impute"),
    # Python 3.5's str + int
    ("TypeError", IMPLICIT, "print('Total: ' + 3)", "print('Total: ' + 3)", [],
     "Text and a number are joined with `+`", "function's parameters"),
    # a heatmap of a frame with text: both readings, wide and long
    ("ValueError", "could not convert string to float: 'B'", "sns.heatmap(cancer, cmap='Greens')",
     "sns.heatmap(cancer, cmap='Greens')", [HEATMAP, CMAP], "`cancer.select_dtypes('number')`",
     "set the text column as index"),
    # fit(X) without y
    ("TypeError", SINGLETON, "tree.fit(X_new)", "tree.fit(X_new)", [TREE_FIT, NUM_SAMPLES],
     "pass the labels too, `tree.fit(X, y)`", "np.asarray"),
    ("TypeError", SINGLETON, "tree.fit(X_new, labels)", "tree.fit(X_new, labels)",
     [TREE_FIT, NUM_SAMPLES], "is None", "pass the labels too"),
    # IPython's `?` inspector failing on a pandas object
    ("ValueError", FRAME_TRUTH, PINFO, PINFO, [MAGIC, INFO, NONZERO], "`help(scores.loc)`",
     "check what you pass it"),
    # a dashed file name without quotes, every word defined
    ("ValueError", COERCE, "iris-data-set.csv.tail()", "iris-data-set.csv.tail()", [OPS],
     "`iris - data - set.csv`", ".shape"),
]  # fmt: skip

# The same crashes where the condition does not hold: the specific words stay away.
QUIET = [
    ("ValueError", TEXT_DATE, "plt.pie(amounts, labels=days)", "plt.pie(amounts, labels=days)",
     [PIE, ASARRAY], "whole frame"),
    ("TypeError", TIMES_TEXT, "scaled = sizes * factor", "scaled = sizes * factor", [],
     "items of NumPy arrays"),
    ("ValueError", TRUTH, "if a > 0 and b > 0:\n    c = 1", "if a > 0 and b > 0:", [],
     "is not None"),
    ("ValueError", NAN, f"pred['HW'] = model.predict(X)\n{MSE_OF_PRED}", MSE_OF_PRED, [CHECK],
     "forecast"),
    ("TypeError", IMPLICIT, "at = title.find(3)", "at = title.find(3)", [], "joined with `+`"),
    ("ValueError", FRAME_TRUTH, "out = tool.check(scores, strict=mask)",
     "out = tool.check(scores, strict=mask)", ["tool/core.py | check | if strict:", NONZERO],
     "inspector"),
    ("ValueError", COERCE, "df = pd.read_csv('iris-data-set.csv') - base",
     "df = pd.read_csv('iris-data-set.csv') - base", [OPS], "subtractions"),
    ("TypeError", "unhashable type: 'numpy.ndarray'", "seen[row] = 1", "seen[row] = 1", [],
     "Counter"),
    # with `and`/`or`, the array tested may be the other operand
    ("ValueError", TRUTH, "if n != None and scores > 0:\n    c = 1", "if n != None and scores > 0:",
     [], "is not None"),
    # a file name in a comment is no code
    ("ValueError", COERCE, "x = a - b  # iris-data.csv", "x = a - b  # iris-data.csv", [OPS],
     "subtractions"),
]  # fmt: skip


@pytest.mark.parametrize(("ename", "message", "code", "line", "frames", "says", "not_says"), SPEAKS)
def test_the_condition_holds_and_the_hint_names_it(
    ename, message, code, line, frames, says, not_says
):
    hint = _crash(ename, message, code, line, *frames)
    assert says in hint and not_says not in hint, hint


@pytest.mark.parametrize(("ename", "message", "code", "line", "frames", "not_says"), QUIET)
def test_the_condition_fails_and_the_hint_stays_away(ename, message, code, line, frames, not_says):
    assert not_says not in _crash(ename, message, code, line, *frames)


def test_values_not_known_as_a_frame_keep_the_date_reading():
    assert "to_datetime" in _crash("ValueError", TEXT_DATE, QUIET[0][2], QUIET[0][3], PIE, ASARRAY)


def test_a_dashed_file_name_names_the_frame_a_cell_read_it_into():
    line = "iris-data-set.csv.tail()"
    frames = ["File {}/{}:120, in {}\n--> 120 {}\n".format(SITE, *OPS.split(" | ", 2))]
    traceback = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        f"Cell In[2], line 1\n----> 1 {line}\n",
        *frames,
        f"ValueError: {COERCE}",
    ]
    cells = [("df = pd.read_csv('data/iris-data-set.csv')", 1, None), (line, 2, None)]
    hint = notebook_hint("ValueError", COERCE, line, cells, 1, count=2, traceback=traceback)
    assert "use `df`, the frame your code read it into" in hint


# ---------------------------------------------------------------- Counter of a 2-D array's rows


def _counter(body: list[str]) -> str:
    """The hint of `Counter(X)` failing in a cell's function `vote` whose lines are ``body``."""
    code = "def vote(X, votes):\n" + "\n".join(body) + "\n\nvote(X_test, all_votes)"
    at = body.index("    counter = Counter(X)") + 2
    shown = "".join(
        f"{'---> ' if i + 2 == at else '     '}{i + 2} {text}\n" for i, text in enumerate(body)
    )
    traceback = [
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        f"Cell In[5], line {len(body) + 3}\n----> {len(body) + 3} vote(X_test, all_votes)\n",
        f"Cell In[5], line {at}, in vote(X, votes)\n{shown}",
        "File /usr/lib/python3.11/collections/__init__.py:679, in Counter.update(self, "
        "iterable, **kwds)\n--> 679 _count_elements(self, iterable)\n",
        "TypeError: unhashable type: 'numpy.ndarray'",
    ]
    return _record_hint("TypeError", "unhashable type: 'numpy.ndarray'", tuple(traceback), code)


def test_a_counter_in_a_loop_that_ignores_its_variable_names_the_variable():
    hint = _counter(["    for ballot in votes:", "    counter = Counter(X)"])
    assert "`Counter(ballot)`" in hint
    assert "tuple or string" not in hint


def test_a_counter_outside_a_loop_gets_the_rows_reading():
    hint = _counter(["    X = X[:10]", "    counter = Counter(X)"])
    assert "each item is itself an array" in hint
    assert "Counter(ballot)" not in hint
