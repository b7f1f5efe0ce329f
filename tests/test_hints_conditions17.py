"""Specific hints of undefined names, missing modules and missing files speak only where their
condition holds on the crash: the failing line's own subscript, the failing function's own
assignments, the function the name is missing in, the machine the frames show.

Cells, frames and messages are written here by hand in the libraries' wording and the layout
IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord


def _saved_crash(cells: list[str], frames: list[str], ename: str, message: str) -> str:
    """The hint of ``ename: message`` raised through ``frames`` (IPython's text of each) by the
    last of ``cells``, a saved notebook whose cells ran in order."""
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1, "cell_type": "code"}
        for i, s in enumerate(cells)
    ]
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": message,
            "traceback": [
                "---------------------------------------------------------------------------",
                f"{ename}                                 Traceback (most recent call last)",
                *frames,
                f"{ename}: {message}",
            ],
            "code": cells[-1],
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": len(cells),
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def _name_error(cells: list[str], frames: list[str], name: str) -> str:
    return _saved_crash(cells, frames, "NameError", f"name '{name}' is not defined")


# ------------------------------------------------ a column's name read as a variable


def test_the_quotes_go_on_the_object_the_failing_line_subscripts():
    cells = ["sales = load()\nsales['units'].sum()", "shop = load()\nshop[units].plot()"]
    frame = "Cell In[2], line 2\n      1 shop = load()\n----> 2 shop[units].plot()\n"
    text = _name_error(cells, [frame], "units")
    assert "`shop['units']`" in text and "sales" not in text, text


def test_a_bare_use_still_points_at_the_notebooks_column():
    cells = ["sales = load()\nsales['units'].sum()", "total = units * 2"]
    frame = "Cell In[2], line 1\n----> 1 total = units * 2\n"
    text = _name_error(cells, [frame], "units")
    assert "`sales['units']`" in text, text


# ------------------------------------------------ the same name in another case


def test_a_name_the_failing_function_assigns_in_another_case_is_named():
    helper = "def fill(row):\n    price = row[0]\n    if price_is_nan(Price):\n        return 0"
    cells = ["table['Price'].mean()", helper, "table.apply(fill, axis=1)"]
    frames = [
        "Cell In[3], line 1\n----> 1 table.apply(fill, axis=1)\n",
        "Cell In[2], line 3, in fill(row)\n      1 def fill(row):\n      2     price = row[0]\n"
        "----> 3     if price_is_nan(Price):\n      4         return 0\n",
    ]
    text = _name_error(cells, frames, "Price")
    assert "`price`" in text and "case-sensitive" in text and "table['Price']" not in text, text


def test_the_failing_lines_own_target_is_no_case_variant():
    # `game = GAME(...)` names the result after the class it meant: not a spelling of `GAME`
    cells = ["class Game:\n    pass", "def play():\n    game = GAME(3)\n    return game", "play()"]
    frames = [
        "Cell In[3], line 1\n----> 1 play()\n",
        "Cell In[2], line 2, in play()\n      1 def play():\n----> 2     game = GAME(3)\n",
    ]
    text = _name_error(cells, frames, "GAME")
    assert "case-sensitive" not in text, text


# ------------------------------------------------ a name bound only inside a class or function


def test_a_class_string_attribute_is_not_what_a_call_meant():
    cells = ["class Chart:\n    title = ''\n    size = 3", "x = 3\ntitle(x)"]
    frame = "Cell In[2], line 2\n      1 x = 3\n----> 2 title(x)\n"
    text = _name_error(cells, [frame], "title")
    assert "Chart" not in text, text


def test_a_class_attribute_read_as_a_value_is_still_named():
    cells = ["class Chart:\n    title = ''", "print(title)"]
    frame = "Cell In[2], line 1\n----> 1 print(title)\n"
    text = _name_error(cells, [frame], "title")
    assert "`Chart.title`" in text, text


def test_a_parameter_of_another_function_is_not_named():
    # `ctx` is missing inside `report()`; it is a parameter of `render()`, another function
    cells = [
        "def render(ctx, page):\n    return page",
        "def report(line):\n    print(ctx.user)\n    return line",
        "report('a')",
    ]
    frames = [
        "Cell In[3], line 1\n----> 1 report('a')\n",
        "Cell In[2], line 2, in report(line)\n      1 def report(line):\n"
        "----> 2     print(ctx.user)\n      3     return line\n",
    ]
    text = _name_error(cells, frames, "ctx")
    assert "render" not in text, text


def test_a_parameter_read_at_the_top_level_is_still_named():
    cells = ["def render(ctx, page):\n    return page", "print(ctx)"]
    frame = "Cell In[2], line 1\n----> 1 print(ctx)\n"
    text = _name_error(cells, [frame], "ctx")
    assert "parameter of `render()`" in text, text
