"""Speak-only-when pairs for the conditions a last review of the round's hints tightened: each
hint said something false on a crash its conditions let through (written here by hand).

- A code line that mentions `nb.ipynb Cell 4 in f` is no VS Code frame header.
- `plt.sca(ax)`: `plt` is a module, no figure's owner.
- A name a cell also sets by a call's value (`functools.partial(...)`) may be a function: no
  "no cell defines it as one".
- `value_counts(ascending=True)[0]`: the first count is not the largest.
- A total of points in time (`s += datetime`): no `timedelta(0)` start.
- A column a step made on this very frame: run that step, not "apply it to this frame too".
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions32 import _hint as saved_hint
from tests.test_hints_conditions44 import _MISSING
from tests.test_hints_conditions44 import _crash as frame_crash

SITE = "/opt/conda/lib/python3.10/site-packages"


def test_a_code_line_naming_a_vscode_cell_is_no_frame_header():
    line = "raise ValueError('see run.ipynb Cell 4 in loader')"
    tb = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        f"Cell In[3], line 2\n      1 x = 1\n----> 2 {line}\n",
        "ValueError: see",
    ]
    parsed = parse(ErrorRecord(ename="ValueError", evalue="see", traceback=tuple(tb)))
    assert [f.filename for f in parsed.frames] == ["Cell In[3]"], parsed.frames
    assert parsed.user_line == line


def _axes_crash(code: str) -> str:
    frames = [(f"{SITE}/matplotlib/pyplot.py", "sca")]
    message = "Axes instance argument was not found in a figure"
    return hint(crash("ValueError", message, code.splitlines()[-1], frames, code=code))


def test_pyplot_itself_is_no_owner_of_a_closed_figure():
    text = _axes_crash("import matplotlib.pyplot as plt\nplt.sca(axes[0])")
    assert "`plt`'s figure" not in text, text


def test_a_name_a_call_also_sets_is_not_said_to_be_no_function():
    cells = [
        ("f = (1, 2)", 5, None),
        ("f(3)", 2, None),
        ("import functools\nf = functools.partial(g, 1)", 6, None),
    ]
    text = saved_hint("NameError", "name 'f' is not defined", "f(3)", cells, 1, 2)
    assert "cannot be called" in text and "no cell defines it as one" not in text, text


def test_a_tuple_called_as_a_function_is_still_named():
    cells = [("f = (1, 2)", 3, None), ("f(3)", 2, None)]
    text = saved_hint("NameError", "name 'f' is not defined", "f(3)", cells, 1, 2)
    assert "cannot be called" in text, text


def _frame_get(line: str) -> str:
    frames = [(f"{SITE}/pandas/core/series.py", "__getitem__")]
    return hint(crash("KeyError", "0", line, frames))


def test_sorted_ascending_counts_do_not_start_with_the_largest():
    text = _frame_get("rare = df['label'].value_counts(ascending=True)[0]")
    assert ".get(0, 0)" in text and ".iloc[0]" not in text, text


def test_default_counts_name_the_largest_first():
    text = _frame_get("top = df['label'].value_counts()[0]")
    assert ".iloc[0]` would be the largest count" in text, text


def _total_crash(odd: str) -> str:
    message = f"unsupported operand type(s) for +=: 'int' and '{odd}'"
    return hint(crash("TypeError", message, "total += d"))


def test_points_in_time_get_no_zero_duration_start():
    assert "start it as a zero duration" not in _total_crash("datetime.datetime")


def test_durations_get_a_zero_duration_start():
    assert "start it as a zero duration" in _total_crash("datetime.timedelta")


def test_a_column_this_frame_gets_in_another_cell_is_a_step_to_run():
    cells = ("valid['ratio'] = valid['sold'] / valid['stock']",)
    text = frame_crash("KeyError", "'ratio'", "valid['ratio'].mean()", frames=_MISSING, cells=cells)
    assert "run that step before this line" in text, text
    assert "apply it to this frame too" not in text, text
