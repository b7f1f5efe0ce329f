"""Speak-only-when pairs for an undefined name that one other cell assigns, where the notebook's
counts do not tell when that cell ran (it ran "before" the crash and still left no value: another
kernel session). The assignment is named only when one cell makes the name, and from other
values: with two such cells, which one is meant is a guess, and `x = x + 1` needs a value too.
"""

from __future__ import annotations

from tests.test_hints_conditions32 import _hint

LINE = "weather = pd.get_dummies(bike.w)"
MESSAGE = "name 'bike' is not defined"


def _undefined_bike(*definers: str) -> str:
    cells = [("import pandas as pd", 3, None)]
    cells += [(source, 15 + i, None) for i, source in enumerate(definers)]
    cells += [("y = 1", 23, None), (LINE, 24, None)]
    return _hint("NameError", MESSAGE, LINE, cells, len(cells) - 1, 24)


def test_the_one_cell_that_assigns_the_name_is_quoted():
    text = _undefined_bike("bike = pd.read_csv('b.csv')")
    assert "a cell assigns it (`bike = pd.read_csv('b.csv')`)" in text, text


def test_two_cells_that_assign_the_name_leave_the_general_advice():
    text = _undefined_bike("bike = pd.read_csv('b.csv')", "bike = pd.read_csv('c.csv')")
    assert "though a cell assigns it" not in text and "if a cell assigns it" in text, text


def test_an_assignment_that_reads_the_name_itself_is_not_offered():
    text = _undefined_bike("bike = bike.dropna()")
    assert "a cell assigns it (" not in text, text


def test_a_one_letter_name_keeps_the_general_advice():
    line = "plt.scatter(x, y)"
    cells = [
        ("import matplotlib.pyplot as plt", 3, None),
        ("x = bike['temp']", 15, None),
        ("y = 1", 23, None),
        (line, 24, None),
    ]
    text = _hint("NameError", "name 'x' is not defined", line, cells, 3, 24)
    assert "though a cell assigns it" not in text, text


def test_a_one_letter_name_a_far_cell_below_assigns_is_not_offered():
    line = "sns.lmplot(x, y, data=mammals)"
    cells = [
        ("import seaborn as sns\nmammals = load()", 1, None),
        (line, 2, None),
        ("z = 1", 3, None),
        ("w = 2", 4, None),
        ("x = bike[['temp']]\ny = bike['casual']", None, None),
    ]
    text = _hint("NameError", "name 'x' is not defined", line, cells, 1, 2)
    assert "is assigned in cell 5" not in text, text
