"""Hints whose claim held on most crashes but not on these (graded hints of type errors): each
test pairs a crash where the specific sentence must speak with one where it must not.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

_ASTYPE = [(f"{SITE}/pandas/core/generic.py", "astype")]
_DROP = [(f"{SITE}/pandas/core/frame.py", "drop"), (f"{SITE}/pandas/core/indexes/base.py", "drop")]
_PD = [(f"{SITE}/pandas/__init__.py", "__getattr__")]
_TORCHINFO = [(f"{SITE}/torchsummary/torchsummary.py", "report")]
_CATEGORY = [
    (f"{SITE}/matplotlib/axes/_axes.py", "plot"),
    (f"{SITE}/matplotlib/category.py", "update"),
]
_READ_CSV = [(f"{SITE}/pandas/io/parsers/readers.py", "read_csv")]
_OPS = [(f"{SITE}/pandas/core/ops/common.py", "new_method")]

# (ename, message, failing line, frames) → a words the hint must say, b words it must not
CASES = {
    "a number called to pick a digit": (
        ("TypeError", "'int' object is not callable", "print(n(-1))", []),
        ("`n` holds", "`str(n)[-1]`"),
        ("use `[...]` to index it",),
    ),
    "a list called": (
        ("TypeError", "'list' object is not callable", "print(xs(0))", []),
        ("use `[...]` to index it",),
        (),
    ),
    "a method indexed where its call belongs": (
        ("TypeError", "'method' object is not subscriptable", "m = df[df.key.isin[ks]]", []),
        ("`.isin(...)`",),
        (),
    ),
    "a method among two dotted subscripts": (
        ("TypeError", "'method' object is not subscriptable", "v = a.cols[0] + b.head[3]", []),
        ("call it first",),
        ("`.cols(...)`", "`.head(...)`"),
    ),
    "an array saved as an image": (
        (
            "AttributeError",
            "'numpy.ndarray' object has no attribute 'save'",
            "img.save('a.png')",
            [],
        ),
        ("`np.save(path, arr)`", "Image.fromarray"),
        ("`np.save(img)`",),
    ),
    "infinity cast to int": (
        (
            "OverflowError",
            "cannot convert float infinity to integer",
            "df['n'].astype(int)",
            _ASTYPE,
        ),
        ("np.inf",),
        ("`'Int64'`",),
    ),
    "NaN cast to int": (
        (
            "IntCastingNaNError",
            "Cannot convert non-finite values (NA or inf) to integer",
            "df['n'].astype(int)",
            _ASTYPE,
        ),
        ("`.fillna(...)`",),
        ("np.inf",),
    ),
    "len indexed": (
        ("TypeError", "'int' object is not subscriptable", "for j in range(len(t(k))['a']):", []),
        ("`len(...)` returns a number",),
        ("the variable holds",),
    ),
    "a number indexed": (
        ("TypeError", "'int' object is not subscriptable", "v = len(xs) + n[0]", []),
        ("the variable holds a number",),
        ("`len(...)` returns",),
    ),
    "drop then rename with columns=": (
        (
            "KeyError",
            "\"['Size'] not found in axis\"",
            "df.drop('Size').rename(columns={'a': 'b'})",
            _DROP,
        ),
        ("`.drop(columns=['Size'])`",),
        ("check spelling",),
    ),
    "drop with axis=1": (
        ("KeyError", "\"['Size'] not found in axis\"", "df.drop('Size', axis=1)", _DROP),
        (),
        ("among the row labels by default",),
    ),
    "two dicts added": (
        ("TypeError", "unsupported operand type(s) for +: 'dict' and 'dict'", "c = a + b", []),
        ("`{**a, **b}`",),
        ("where a value was expected",),
    ),
    "a dict added to a number": (
        ("TypeError", "unsupported operand type(s) for +: 'dict' and 'int'", "c = a + 1", []),
        ("as an operand",),
        ("`{**a, **b}`",),
    ),
    "a text column in a condition": (
        (
            "TypeError",
            "unsupported operand type(s) for &: 'str' and 'bool'",
            "d[(d['Name']) & (d['k'] == 'x')]",
            _OPS,
        ),
        ("combines conditions",),
        ("pd.to_numeric",),
    ),
    "a column named like a method": (
        (
            "TypeError",
            "'>' not supported between instances of 'method' and 'int'",
            "df[df.count > 5]",
            [],
        ),
        ("`df['count']`",),
        ("`df['x'].mean()`",),
    ),
    "a function minus a number": (
        (
            "TypeError",
            "unsupported operand type(s) for -: 'function' and 'float'",
            "g = f - 0.5",
            [],
        ),
        ("`lambda x: f(x) - ...`",),
        ("`df['x'].mean()`",),
    ),
    "a function compared": (
        ("TypeError", "'>' not supported between instances of 'function' and 'int'", "f > 3", []),
        ("add the parentheses",),
        ("lambda",),
    ),
    "a set indexed, in the old wording": (
        ("TypeError", "'set' object does not support indexing", "v = s[0]", []),
        ("`list(s)[0]`",),
        ("function's parameters",),
    ),
    "a set indexed": (
        ("TypeError", "'set' object is not subscriptable", "v = s[0]", []),
        ("has no order",),
        (),
    ),
    "a frame property called from pandas": (
        ("AttributeError", "module 'pandas' has no attribute 'style'", "help(pd.style())", _PD),
        ("`df.style`", "property"),
        ("`df.style(...)`",),
    ),
    "a frame method called from pandas": (
        ("AttributeError", "module 'pandas' has no attribute 'dropna'", "pd.dropna(d)", _PD),
        ("`df.dropna(...)`",),
        ("property",),
    ),
    "words given to divmod": (
        (
            "TypeError",
            "unsupported operand type(s) for divmod(): 'str' and 'str'",
            "print(divmod('Hi', 'there'))",
            [],
        ),
        ("`'Hi'`", "pass numbers"),
        ("float(",),
    ),
    "text read from input divided": (
        ("TypeError", "unsupported operand type(s) for /: 'str' and 'str'", "r = a / b", []),
        ("float(",),
        ("pass numbers",),
    ),
    "a state_dict given to a library": (
        (
            "AttributeError",
            "'collections.OrderedDict' object has no attribute 'eval'",
            "report(net, (3, 32, 32))",
            _TORCHINFO,
        ),
        ("it was given",),
        ("another version of `collections`",),
    ),
    "arrays inside the values plotted": (
        ("TypeError", "unhashable type: 'numpy.ndarray'", "plt.plot(xs, ys)", _CATEGORY),
        ("one number per point",),
        ("tuple or string",),
    ),
    "an array as a dict key": (
        ("TypeError", "unhashable type: 'numpy.ndarray'", "d[arr] = 1", []),
        ("tuple or string",),
        ("Matplotlib",),
    ),
    "a Kaggle page read as a CSV": (
        (
            "ParserError",
            "Error tokenizing data. C error: Expected 1 fields in line 9, saw 3",
            "df = pd.read_csv('https://www.kaggle.com/someone/iris-data')",
            _READ_CSV,
        ),
        ("web page",),
        ("skiprows",),
    ),
    "a file with a title line": (
        (
            "ParserError",
            "Error tokenizing data. C error: Expected 1 fields in line 9, saw 3",
            "df = pd.read_csv('survey.csv')",
            _READ_CSV,
        ),
        ("skiprows",),
        ("web page",),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_specific_sentence_speaks_only_where_its_condition_holds(case):
    args, says, never = CASES[case]
    text = hint(crash(*args))
    assert all(w in text for w in says), text
    assert not any(w in text for w in never), text
