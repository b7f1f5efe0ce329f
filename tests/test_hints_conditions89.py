"""Undefined-name and notebook-order hints whose claim did not hold on the crash (session 18a):
a name compared with `==` where `=` was meant, a definer cell that does not parse, a tuple key
of single brackets, a name and its other case both read, a function's local read at the top
level, a parameter of a def below the failing line, a copied line inside another function, a
name cut short of one assigned just above.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame


def _not_defined(name: str) -> str:
    return f"name '{name}' is not defined"


def _cells_hint(name: str, cells: list, crash_cell: int, *frames: str, count: int = 2) -> str:
    """The hint of a NameError on ``name`` in cell ``crash_cell`` (0-based) of ``cells``, its
    traceback showing ``frames`` (the cell's first)."""
    message = _not_defined(name)
    tb = ["-" * 75, "NameError                                 Traceback (most recent call last)"]
    tb += [*frames, f"NameError: {message}"]
    return notebook_hint("NameError", message, "", cells, crash_cell, count=count, traceback=tb)


def _one_cell(name: str, code: str, number: int) -> str:
    """``code``, the notebook's only cell, failed on its line ``number``."""
    return _cells_hint(name, [(code, 4, None)], 0, _cell_frame(code, number, count=4), count=4)


def _plain(name: str, line: str, code: str | None = None) -> str:
    """No notebook: only the traceback's cell."""
    return hint(crash("NameError", _not_defined(name), line, code=code))


# ------------------------------------------------ a name compared with `==` where `=` was meant

LOOP = "while True:\n    key == input()\n    if key == 'q':\n        break"


def _compared() -> str:
    cells = [("key = input()", 5, None), (LOOP, 2, None)]
    return _cells_hint("key", cells, 1, _cell_frame(LOOP, 2, count=2))


# ------------------------------------------------------------- a definer cell that does not parse

INTERVAL = "st.norm.interval(0.95, loc=0, scale=sem)"


def _interval(definer: str) -> str:
    cells = [("import scipy.stats as st", 1, None), (definer, None, None), (INTERVAL, 2, None)]
    return notebook_hint("NameError", _not_defined("sem"), INTERVAL, cells, 2, count=2)


# ------------------------------------------------------------ a tuple key of single brackets


def _tuple_key(message: str, line: str) -> str:
    made = "df = pd.DataFrame({'b': [1, 2]})"
    cells = [(made, 1, None), ("df['a'] = df['b'] * 2", 3, None), (line, 2, None)]
    return notebook_hint("KeyError", message, line, cells, 2, count=2)


# ---------------------------------------------------- a name and its other case both read

GAMES = "import numpy as np\nn = np.zeros(3)\nfor i in range(N):\n    n = n + 1\n"

# --------------------------------------------------- a function's local read at the top level

COUNT = "def count():\n    num = 12\ncount()\n"

# ------------------------------------------------ a parameter of a def below the failing line

BELOW = "mask = [True, False]\nprint(ages[mask])\n\ndef older(ages):\n    return ages > 40"
ABOVE = "def older(ages):\n    return ages > 40\n\nprint(ages[older(ages)])"

# -------------------------------------------------- a copied line inside another function

MATCH = "def match_one(words):\n    found = False\n    for w in words:\n        if not found:\n"
MATCH += "            found = w == 'a'\n    return found"
LOOPS = "def match_all(rows):\n    for row in rows:\n        if not found:\n"
CALL = LOOPS + "            print(row)\nmatch_all([1])"
INNER = "Cell In[2], line 3, in match_all(rows)\n      2     for row in rows:\n"
INNER += "----> 3         if not found:\n      4             print(row)\n"
TOP = "for w in ['a']:\n    if not found:\n        print(w)"


def _copied(code: str, *frames: str) -> str:
    return _cells_hint("found", [(MATCH, 1, None), (code, 2, None)], 1, *frames)


# ----------------------------------------------- a name cut short of one assigned just above


def _cut_short(first: str) -> str:
    code = first + "\nfor i, digit in enumerate(pairs):\n    digits[digit][i] += 1"
    frame = _cell_frame(code, code.count("\n") + 1, count=5)
    cells = [("pairs = [1, 2]\nfor digit in pairs:\n    print(digit)", 1, None), (code, 5, None)]
    return _cells_hint("digits", cells, 1, frame, count=5)


# ----------------------------------------- a definer further down, run after the cells between


def _further_down(between: int) -> str:
    crash_line = "print(km.mean())"
    cells = [
        ("import numpy as np", 1, None),
        (crash_line, 3, None),
        ("a = np.ones(2)", between, None),
    ]
    cells.append(("km = np.ones(3)", 5, None))
    return notebook_hint("NameError", _not_defined("km"), crash_line, cells, 1, count=3)


CASES = [
    (_compared, (), ["write one `=`: `key = input()`"], ["Run cell 1"]),
    (
        _plain,
        ("total", "total == price * 2", "total == price * 2\nprint(total)"),
        ["`total = "],
        [],
    ),
    (_plain, ("total", "total == price * 2", "x = 1\ntotal == price * 2"), [], ["`total = "]),
    (_plain, ("key", "print(key == 'q')"), [], ["write one `=`"]),
    (_interval, ("sem = ",), [], ["Run cell 2"]),
    (_interval, ("sem = 1.5",), ["Run cell 2 first"], []),
    (_tuple_key, ("('a', 'b')", "df['a', 'b'].sum()"), [], ["Run cell 2"]),
    (_tuple_key, ("'a'", "df['a'].sum()"), ["Run cell 2 first"], []),
    (_one_cell, ("N", GAMES + "print(n[0] / N)", 3), [], ["case-sensitive", "`n`"]),
    (_one_cell, ("N", GAMES + "print(n[0])", 3), ["case-sensitive"], []),
    (
        _plain,
        ("num", "print(num)", COUNT + "print(num)"),
        ["only inside `count()`", "`return num`"],
        ["put it in quotes"],
    ),
    (_plain, ("num", "print(num)", COUNT + "for num in []:\n    pass\nprint(num)"), [], ["inside"]),
    (_one_cell, ("ages", BELOW, 2), [], ["is a parameter of"]),
    (_one_cell, ("ages", ABOVE, 4), ["is a parameter of `older()`"], []),
    (
        _copied,
        (CALL, _cell_frame(CALL, 5, count=2), INNER),
        ["copy of one in `match_one()`"],
        ["call the function"],
    ),
    (_copied, (TOP, _cell_frame(TOP, 2, count=2)), ["match_one()", "call the function"], []),
    (_cut_short, ("digits_matrix = [[0] * 10]",), ["did you mean `digits_matrix`?"], []),
    (_cut_short, ("matrix = [[0] * 10]",), ["did you mean `digit`?"], []),
    (_further_down, (4,), ["below this one and past cells", "else create `km`"], ["Run cell"]),
    (_further_down, (2,), ["Run cell 4 first"], ["past cells"]),
]


@pytest.mark.parametrize(("made", "args", "said", "unsaid"), CASES)
def test_each_condition_speaks_only_where_it_holds(made, args, said, unsaid):
    text = made(*args)
    assert all(words in text for words in said), text
    assert not any(words in text for words in unsaid), text
