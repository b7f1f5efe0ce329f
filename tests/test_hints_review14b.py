"""Review 14b: conditions of waves 17b/17c and main's own commits narrowed where a crash of the
same shape made the specific hint false. Each fix is paired: a crash where the hint must stay
quiet, and one where it still speaks. Cells, tracebacks and messages are written here by hand
in the libraries' wording, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_conditions80 import _cell_frame, _hint
from tests.test_hints_conditions86 import SEABORN, _crash_hint

SITE = "/usr/local/lib/python3.11/dist-packages"
SILHOUETTE = (
    f"File {SITE}/sklearn/metrics/cluster/_unsupervised.py:36, in check_number_of_labels("
    "n_labels, n_samples)\n---> 36         raise ValueError(\n"
)
READERS = (
    f"File {SITE}/pandas/io/parsers/c_parser_wrapper.py:234, in CParserWrapper.read(self, nrows)\n"
    "--> 234     chunks = self._reader.read_low_memory(nrows)\n"
)
MISSING = "[Errno 2] No such file or directory: 'features.pickle'"
FLOAT_INT = "'float' object cannot be interpreted as an integer"
BROADCAST = "operands could not be broadcast together with shapes (5,) (3,) "
TOO_MANY = "too many indices for array: array is 2-dimensional, but 3 were indexed"
C_LONG = "Python int too large to convert to C long"
PRIVATE_BASE = "class Base:\n    def __init__(self):\n        self.__secret = 1\n"


def _cell(ename: str, message: str, code: str, line: int = 0, extra: tuple = ()) -> str:
    line = line or len(code.splitlines())
    return _hint(ename, message, [_cell_frame(code, line), *extra], code)


def _labels(n: int) -> str:
    message = f"Number of labels is {n}. Valid values are 2 to n_samples - 1 (inclusive)"
    return _cell("ValueError", message, "score = silhouette_score(X, labels)", extra=(SILHOUETTE,))


def _fields(expected: int, saw: int) -> str:
    message = f"Error tokenizing data. C error: Expected {expected} fields in line 5, saw {saw}\n"
    return _cell("ParserError", message, "df = pd.read_csv('books.csv')", extra=(READERS,))


CASES = {
    # "is 1" read as a prefix took 150 labels (one per point) for one cluster
    "labels-150": (lambda: _labels(150), "", "every point under one label"),
    "labels-1": (lambda: _labels(1), "every point under one label", ""),
    # a handle name bound again by another `open(..., 'w')` of the cell writes another file
    "handle-reused": (
        lambda: _cell(
            "FileNotFoundError",
            MISSING,
            "with open('out.txt', 'w') as f:\n    f.write('hi')\n"
            "with open('features.pickle', 'rb') as f:\n    feats = pickle.load(f)",
            3,
        ),
        "",
        "writes to this file",
    ),
    "handle-written": (
        lambda: _cell(
            "FileNotFoundError",
            MISSING,
            "with open('features.pickle') as f:\n    pickle.dump(df, f)",
            1,
        ),
        "writes to this file",
        "",
    ),
    # `tf` as the user's own term-frequency variable: no TensorFlow import to run again
    "tf-own-variable": (
        lambda: _cell(
            "AttributeError",
            "'TfidfVectorizer' object has no attribute 'fit_transfrom'",
            "tf = TfidfVectorizer()\nX = tf.fit_transfrom(docs)",
        ),
        "",
        "import tensorflow as tf",
    ),
    "tf-alias-rebound": (
        lambda: _cell(
            "AttributeError",
            "'int' object has no attribute 'constant'",
            "import tensorflow as tf\ntf = 3\nx = tf.constant(1)",
        ),
        "import tensorflow as tf",
        "",
    ),
    # `range(n * 0.5)` wants a whole count, not np.arange's fractional step
    "range-factor": (
        lambda: _cell("TypeError", FLOAT_INT, "for i in range(n * 0.5):\n    pass", 1),
        "",
        "np.arange",
    ),
    "range-step": (
        lambda: _cell("TypeError", FLOAT_INT, "for i in range(0, 10, 0.5):\n    pass", 1),
        "np.arange(0, 10, 0.5)",
        "",
    ),
    # another operator on the line may be the one whose shapes the message gives
    "sum-then-product": (
        lambda: _cell("ValueError", BROADCAST, "c = np.array(a + b) * w"),
        "",
        "np.concatenate",
    ),
    "sum-alone": (
        lambda: _cell("ValueError", BROADCAST, "c = np.array(a + b)"),
        "np.concatenate([a, b])",
        "",
    ),
    # an index computed from a comparison (argmax, where) is no boolean mask
    "argmax-of-comparison": (
        lambda: _cell(
            "IndexError", TOO_MANY, "idx = np.argmax(scores > 0.5)\nsel = data[idx, :, 0]"
        ),
        "",
        "boolean mask",
    ),
    "comparison-mask": (
        lambda: _cell("IndexError", TOO_MANY, "mask = (labels == 1)\nsel = data[mask, :, 0]"),
        "`mask` is a boolean mask",
        "",
    ),
    # counts reset into a frame are no Series
    "counts-reset": (
        lambda: _crash_hint(
            "ValueError",
            "Could not interpret input 'index'",
            'sns.barplot(x="index", y="town", data=people.town.value_counts().reset_index())',
            SEABORN,
        ),
        "",
        "a Series of counts",
    ),
    "counts-passed": (
        lambda: _crash_hint(
            "ValueError",
            "Could not interpret input 'town'",
            'sns.countplot(x="town", data=people.town.value_counts())',
            SEABORN,
        ),
        "a Series of counts",
        "",
    ),
    # an operator inside a call of the condition: the call's value is the one tested
    "op-inside-call": (
        lambda: _cell(
            "TypeError",
            "unsupported operand type(s) for /: 'list' and 'int'",
            "if sum(a / 2) > 3:\n    print('big')",
            1,
        ),
        "",
        "test each one",
    ),
    "op-in-test": (
        lambda: _cell(
            "TypeError",
            "unsupported operand type(s) for %: 'list' and 'int'",
            "if a % 2 == 1:\n    print('odd')",
            1,
        ),
        "test each one",
        "",
    ),
    # numbers made text, divided: no path
    "numbers-as-text": (
        lambda: _cell(
            "TypeError",
            "unsupported operand type(s) for /: 'str' and 'str'",
            "ratio = str(hits) / str(total)",
        ),
        "",
        "pathlib",
    ),
    "path-as-text": (
        lambda: _cell(
            "TypeError",
            "unsupported operand type(s) for /: 'str' and 'str'",
            "p = str(data_dir) / 'train'",
        ),
        "pathlib",
        "",
    ),
    # a private name of a base class is stored under the base class's name
    "private-of-base": (
        lambda: _cell(
            "AttributeError",
            "'Child' object has no attribute '__secret'",
            PRIVATE_BASE + "class Child(Base):\n    pass\nc = Child()\nprint(c.__secret)",
        ),
        "`_Base__secret`",
        "_Child__secret",
    ),
    "private-of-own-class": (
        lambda: _cell(
            "AttributeError",
            "'Base' object has no attribute '__secret'",
            PRIVATE_BASE + "c = Base()\nprint(c.__secret)",
        ),
        "`_Base__secret`",
        "",
    ),
    # a first line of two fields against twelve: a title above the table, not a header
    "preamble-line": (lambda: _fields(2, 12), "", "so it fits"),
    "one-field-more": (lambda: _fields(24, 26), "into 24 fields, so it fits", ""),
    # NumPy/pandas integer conversions: on Windows `int` is a 32-bit C long, int64 holds it
    "astype-int": (
        lambda: _crash_hint(
            "OverflowError",
            C_LONG,
            "df['phone'] = df['phone'].astype(int)",
            (("pandas/core/generic.py", "astype(self, dtype)"),),
        ),
        "int64",
        "grew so large (a float",
    ),
    "cv2-point": (
        lambda: _crash_hint(
            "OverflowError", C_LONG, "cv2.line(image, (x0, y0), (x1, y1), (0, 0, 255), 2)", ()
        ),
        "grew so large",
        "",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_fix_is_paired(case):
    crash, said, unsaid = CASES[case]
    hint = crash()
    if said:
        assert said in hint, hint
    if unsaid:
        assert unsaid not in hint, hint
