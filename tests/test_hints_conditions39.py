"""TypeError and AttributeError hints that were wrong on crashes nobody tuned on (the fifteenth
audit): a local function pickle cannot send to other processes read as the call's inputs, an
array dtype PyTorch refuses and NumPy's iterator that needs a buffer read as the arguments'
number and order, `np.ndarray([...])` (a shape) told to `int(...)` its values, and text of words
(`v = 'aeiou'`, a column of `['rainy', …]`) told to be converted to numbers.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

LIB = "/usr/lib/python3.11"
SITE = "/usr/local/lib/python3.11/site-packages"
WINDOWS_LIB = "C:\\Users\\ana\\anaconda3\\Lib"


def _crash(ename, message, line, code="", frames=(), cells=()) -> str:
    """A record in IPython 8's layout; ``frames`` are (path or "cell", function, line) below the
    cell's line; ``cells`` the notebook's code cells (the crash cell is added last)."""
    tb = ["-" * 75, f"{ename}                      Traceback (most recent call last)"]
    tb.append(f"Cell In[9], line 3\n      2 x = 1\n----> 3 {line}\n")
    for path, function, source in frames:
        where = "Cell In[8], line 2" if path == "cell" else f"File {path}:10"
        tb.append(f"{where}, in {function}()\n----> 10 {source}\n")
    tb.append(f"{ename}: {message}")
    record = {"ename": ename, "evalue": message, "traceback": tb, "code": code or line}
    if cells:
        sources = [*cells, code or line]
        record["notebook"] = {
            "cells": [
                {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1}
                for i, s in enumerate(sources)
            ]
        }
        record["cell_id"] = f"c{len(cells)}"
        record["execution_count"] = len(cells) + 1
    return diagnose(ErrorRecord.from_dict(record)).hint


# ------------------------------------------------------------ pickle and local functions

_POOL_FRAMES = [
    (f"{LIB}/concurrent/futures/_base.py", "Future.result", "return self.__get_result()"),
    (f"{LIB}/multiprocessing/queues.py", "_feed", "obj = _ForkingPickler.dumps(obj)"),
    (f"{LIB}/multiprocessing/reduction.py", "dumps", "cls(buf, protocol).dump(obj)"),
]


@pytest.mark.parametrize(
    ("ename", "message", "line", "frames", "says", "not_says"),
    [
        (
            "AttributeError",
            "Can't pickle local object 'run_all.<locals>.<lambda>'",
            "value = future.result()",
            _POOL_FRAMES,
            ["A `lambda` is defined inside the function `run_all`", "ThreadPoolExecutor"],
            ["Check the inputs"],
        ),
        (
            "AttributeError",
            "Can't pickle local object 'Model.build.<locals>.scale'",
            "pickle.dump(model, f)",
            [(f"{LIB}/pickle.py", "dump", "self.save(obj)")],
            ["`scale` is defined inside the function `build`"],
            ["processes", "ThreadPoolExecutor"],
        ),
        (  # Windows starts processes afresh: they import what they run
            "AttributeError",
            "Can't pickle local object 'run_all.<locals>.<lambda>'",
            "value = future.result()",
            [(path.replace(LIB, WINDOWS_LIB), f, c) for path, f, c in _POOL_FRAMES],
            ["in a `.py` file the notebook imports", "ThreadPoolExecutor"],
            ["top level of a cell"],
        ),
        (  # Python 3.14's wording shows the function's repr
            "PicklingError",
            "Can't pickle local object <function main.<locals>.square at 0x7f3a2c1b5e40>",
            "pool.map(square, xs)",
            _POOL_FRAMES,
            ["`square` is defined inside the function `main`"],
            [],
        ),
    ],
)
def test_a_function_defined_inside_another_cannot_be_pickled(
    ename, message, line, frames, says, not_says
):
    text = _crash(ename, message, line, frames=frames)
    assert all(words in text for words in says), text
    assert not any(words in text for words in not_says), text


def test_a_class_pickle_cannot_find_keeps_its_own_hint():
    message = "Can't pickle <class '__main__.Point'>: it's not the same object as __main__.Point"
    text = _crash("PicklingError", message, "pickle.dumps(p)")
    assert "defined again" in text and "local object" not in text, text


# ------------------------------------------------------------ array dtypes PyTorch refuses

_TORCH_TYPES = (
    "The only supported types are: float64, float32, float16, complex64, complex128, int64, "
    "int32, int16, int8, uint8, and bool."
)


def test_an_array_of_text_given_to_torch_is_text_to_convert():
    message = f"can't convert np.ndarray of type numpy.str_. {_TORCH_TYPES}"
    text = _crash("TypeError", message, "t = torch.tensor(tokens, dtype=torch.float32)")
    assert "holds text (`numpy.str_`)" in text, text
    assert "number and order" not in text, text


def test_an_array_of_python_objects_given_to_torch_is_named_so():
    message = f"can't convert np.ndarray of type numpy.object_. {_TORCH_TYPES}"
    text = _crash("TypeError", message, "t = torch.from_numpy(df.values)")
    assert "Python objects" in text and "number and order" not in text, text


# ------------------------------------------------------------ NumPy's iterator


def test_nditer_asked_for_another_dtype_needs_a_buffer():
    message = (
        "Iterator operand required copying or buffering, but neither copying nor buffering was "
        "enabled"
    )
    text = _crash("TypeError", message, "for v in np.nditer(a, op_dtypes=['float32']):")
    assert "flags=['buffered']" in text and "`op_dtypes` you ask for" in text, text
    assert "number and order" not in text, text


# ------------------------------------------------------------ np.ndarray takes a shape


# (the type the message names, the line, what the hint says)
_NDARRAY_CALLS = [
    ("str", "arr = np.ndarray([3, 'b', 'c'])", "`np.array([3, 'b', 'c'])`"),
    ("float", "arr = np.ndarray((0.5, 1.5))", "`np.array((0.5, 1.5))`"),
    # names may be sizes held as text: then parsing them is the fix
    ("str", "arr = np.ndarray([rows, cols])", "parse it with `int(...)`"),
]


@pytest.mark.parametrize(("kind", "line", "says"), _NDARRAY_CALLS)
def test_values_given_to_np_ndarray_are_read_as_a_shape(kind, line, says):
    message = f"'{kind}' object cannot be interpreted as an integer"
    assert says in _crash("TypeError", message, line)


# ------------------------------------------------------------ text of words meets a number


def test_a_name_set_to_a_word_compared_with_a_number_is_no_text_to_convert():
    code = "letters = 'xyz'\ni = 0\nwhile i < letters:\n    i += 1"
    message = "'<' not supported between instances of 'int' and 'str'"
    text = _crash("TypeError", message, "while i < letters:", code=code)
    assert "`letters` holds the text `'xyz'`" in text and "len(letters)" in text, text
    assert "pd.to_numeric" not in text, text


def test_a_name_read_from_input_may_hold_a_number_written_as_text():
    code = "limit = input('limit: ')\ni = 0\nwhile i < limit:\n    i += 1"
    message = "'<' not supported between instances of 'int' and 'str'"
    text = _crash("TypeError", message, "while i < limit:", code=code)
    assert "convert first" in text and "holds the text" not in text, text


def test_a_name_set_to_digits_in_quotes_is_text_to_convert():
    code = "n = '12'\ntotal = n - 2"
    message = "unsupported operand type(s) for -: 'str' and 'int'"
    text = _crash("TypeError", message, "total = n - 2", code=code)
    assert "convert first" in text, text


@pytest.mark.parametrize(
    ("function", "line"),
    [("Runner.step", "return unit - n"), ("<lambda>", "lambda unit: unit - 1")],
)
def test_a_name_read_in_a_function_is_no_top_level_name_of_the_cells(function, line):
    code = "unit = 'kg'\nrunner = Runner()\nrunner.step(3)"
    message = "unsupported operand type(s) for -: 'str' and 'int'"
    frames = [("cell", function, line)]
    text = _crash("TypeError", message, "runner.step(3)", code=code, frames=frames)
    assert "holds the text" not in text, text


_PANDAS_SUB = [
    (f"{SITE}/pandas/core/arraylike.py", "OpsMixin.__sub__", "return self._arith_method(other)"),
    (f"{SITE}/pandas/core/ops/array_ops.py", "_masked_arith_op", "result[mask] = op(x, y)"),
]


def _column_through_a_function(frame_cell: str) -> str:
    """`spread(df['colour'], df['n'])` in the crash cell, `first - second` in a cell's `def`."""
    message = "unsupported operand type(s) for -: 'str' and 'int'"
    frames = [("cell", "spread", "return (first - second).abs()"), *_PANDAS_SUB]
    cells = [
        "import pandas as pd",
        frame_cell,
        "def spread(first, second):\n    return (first - second).abs()",
    ]
    line = "d = spread(df['colour'], df['n'])"
    return _crash("TypeError", message, line, frames=frames, cells=cells)


def test_a_column_of_words_passed_to_a_function_is_no_text_to_convert():
    text = _column_through_a_function(
        "df = pd.DataFrame()\n"
        "df['colour'] = ['red', 'blue', 'red', 'green']\n"
        "df['n'] = [1, 2, 3, 4]"
    )
    assert "`first` (here `df['colour']`) holds words" in text, text
    assert "`'red'`, `'blue'`, …" in text and "pd.to_numeric" not in text, text


def test_a_frame_built_from_a_dict_of_words_is_read_too():
    text = _column_through_a_function("df = pd.DataFrame({'colour': ['red', 'blue'], 'n': [1, 2]})")
    assert "holds words the code sets (`'red'`, `'blue'`)" in text, text


def test_a_column_of_a_read_file_may_hold_numbers_written_as_text():
    text = _column_through_a_function(
        "df = pd.DataFrame()\ndf['colour'] = ['red', 'blue']\ndf = pd.read_csv('paints.csv')"
    )
    assert "convert first" in text and "holds words" not in text, text


def test_a_word_added_to_a_number_may_be_meant_as_text():
    code = "unit = 'kg'\nlabel = weight + unit"
    message = "unsupported operand type(s) for +: 'int' and 'str'"
    text = _crash("TypeError", message, "label = weight + unit", code=code)
    assert "holds the text" not in text and "str(n)" in text, text


def test_a_workers_remote_traceback_is_no_cause_to_quote():
    """concurrent.futures chains the worker's traceback as `_RemoteTraceback: \"\"\"…`: its first
    line holds no words, and its text is this very error."""
    remote = (
        '_RemoteTraceback: \n"""\nTraceback (most recent call last):\n  File '
        f'"{LIB}/multiprocessing/queues.py", line 244, in _feed\n    obj = '
        "_ForkingPickler.dumps(obj)\nAttributeError: Can't pickle local object "
        '\'go.<locals>.<lambda>\'\n"""'
    )
    message = "Can't pickle local object 'go.<locals>.<lambda>'"
    tb = [
        "-" * 75,
        "_RemoteTraceback                          Traceback (most recent call last)",
        remote,
        "\nThe above exception was the direct cause of the following exception:\n",
        "AttributeError                            Traceback (most recent call last)",
        "Cell In[9], line 3\n      2 x = 1\n----> 3 value = future.result()\n",
        f"File {LIB}/concurrent/futures/_base.py:449, in Future.result()\n"
        "--> 449 return self.__get_result()\n",
        f"AttributeError: {message}",
    ]
    record = ErrorRecord(ename="AttributeError", evalue=message, traceback=tuple(tb))
    text = diagnose(record).hint
    assert "_RemoteTraceback" not in text and "inside the function `go`" in text, text
