"""A plain "invalid syntax" told the slip at the caret only when the marked line proves it
(`rules/syntax_slips.py`): `&&`, a keyword twice, a slice in a list or a call, `=` in a
parenthesised test, a column name with spaces after a dot, an encoding line without `#`.

Each condition is paired: a marked line where the specific hint must speak, and one where the
caret hint stays. Tracebacks are written here by hand in Python's wording.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

GENERIC = "Python could not read the marked line"


def _hint(line: str, caret_at: str, nth: int = 0) -> str:
    """The hint of a SyntaxError on ``line``, the caret under the ``nth`` match of ``caret_at``."""
    column = -1
    for _ in range(nth + 1):
        column = line.index(caret_at, column + 1)
    traceback = [
        '  File "<ipython-input-5-0123456789ab>", line 1',
        f"    {line}",
        "    " + " " * column + "^",
        "SyntaxError: invalid syntax",
    ]
    record = ErrorRecord(
        ename="SyntaxError",
        evalue="invalid syntax (<ipython-input-5-0123456789ab>, line 1)",
        traceback=tuple(traceback),
        code=line,
    )
    return diagnose(record).hint


def test_double_ampersand_is_told_python_has_no_such_sign():
    text = _hint("data[data.grade == 'A' && data.best == 10]", "&&", 0)
    assert "Python has no `&&`" in text, text


def test_a_single_ampersand_elsewhere_keeps_the_caret_hint():
    text = _hint("data[data.grade == 'A' & data.best = 10]", "=", 2)
    assert "&&" not in text, text


def test_a_keyword_twice_is_told_so():
    text = _hint("for epoch in in range(10):", "in range")
    assert "written twice" in text, text


def test_a_keyword_once_is_not_told_twice():
    text = _hint("for epoch in range(10) print(epoch)", "print")
    assert "written twice" not in text, text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("data = np.array([0:12])", "range(0, 12)"),
        ("x = np.array(1:3)", "range(1, 3)"),
        ("df = df.drop([10:85])", "range(10, 85)"),
        ("print(cars.iloc[[4:6]])", "`cars.iloc[4:6]`"),
        ("print(arr(4:))", "`arr[4:]`"),
    ],
)
def test_a_slice_outside_a_subscript_is_told_where_it_belongs(line, expected):
    text = _hint(line, ":")
    assert expected in text, text


def test_a_colon_of_text_is_no_slice():
    text = _hint("D(Day:1일)", ":")
    assert "slice" not in text, text


def test_an_assignment_inside_a_filter_is_told_to_compare():
    line = "rice[(rice.kind == 'x') & (rice.year = 2018)]"
    text = _hint(line, "=", 2)
    assert "`(rice.year == 2018)`" in text, text


def test_a_keyword_argument_is_not_told_to_compare():
    line = "plt.plot(df[cols], label = 2018 x)"
    text = _hint(line, "x)")
    assert "==" not in text, text


def test_a_column_with_spaces_after_a_dot_is_told_brackets():
    text = _hint("m = math.floor(df.test_score(out of 10).median())", "out")
    assert "`df['test_score(out of 10)']`" in text, text


def test_a_call_with_one_argument_is_not_told_brackets():
    text = _hint("m = df.head(5 5)", "5", 1)
    assert "brackets" not in text, text


def test_an_encoding_line_without_its_hash_is_told_so():
    assert "lost its `#`" in _hint("-*- coding: utf-8 -*-", "*")


def test_another_line_of_signs_is_no_encoding_line():
    assert "lost its `#`" not in _hint("-*- title -*-", "*")
