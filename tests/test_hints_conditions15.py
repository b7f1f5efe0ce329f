"""Hints that read the crashing cell's lines must not read the traceback's copies of another
cell's lines: ``user_code`` starts with those copies (the frames of functions defined in other
cells), and a loop or a block line there is not in this cell.

Cells and messages are written here by hand in Python's wording and the layout IPython prints,
never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord


def _through_another_cells_function(cell: str) -> str:
    """An AttributeError raised in `shout`, defined in cell 2, called from ``cell`` (cell 3)."""
    traceback = (
        "---------------------------------------------------------------------------",
        "AttributeError                            Traceback (most recent call last)",
        "Cell In[3], line 2\n      1 word = 5\n----> 2 shout([word])\n",
        "Cell In[2], line 3, in shout(words)\n      1 def shout(words):\n"
        "      2     for word in words:\n----> 3         print(word.upper())\n",
        "AttributeError: 'int' object has no attribute 'upper'",
    )
    record = ErrorRecord(
        ename="AttributeError",
        evalue="'int' object has no attribute 'upper'",
        traceback=traceback,
        code=cell,
    )
    return diagnose(record).hint


def test_a_loop_in_another_cells_function_did_not_replace_this_cells_name():
    # `for word in words` is `shout`'s own loop (its own scope, in cell 2): this cell's `word = 5`
    # is what was passed, and nothing here replaced it
    text = _through_another_cells_function("word = 5\nshout([word])")
    assert "loop variable" not in text, text


def test_a_loop_in_this_cell_still_is_named():
    # the same failing frame, but this cell itself loops over `word` after assigning it
    cell = "word = 'hi'\nfor word in [5]:\n    shout([word])"
    text = _through_another_cells_function(cell)
    assert "loop variable" in text, text


def _operand_hint(message: str, line: str) -> str:
    from tests.test_hints_args import crash, hint

    return hint(crash("TypeError", message, line))


def test_a_sequence_operand_is_named_whichever_side_the_message_puts_it():
    text = _operand_hint("unsupported operand type(s) for *: 'float' and 'list'", "y = 0.5 * xs")
    assert "Python lists do not support `*`" in text and "floats" not in text, text


def test_the_example_uses_the_operator_that_failed():
    message = "'>' not supported between instances of 'list' and 'int'"
    text = _operand_hint(message, "mask = scores > 3")
    assert "`np.array(a) > 2`" in text and " - " not in text, text
    message = "unsupported operand type(s) for -: 'list' and 'list'"
    text = _operand_hint(message, "d = b - a")
    assert "`np.array(a) - np.array(b)`" in text, text


def test_a_slip_in_a_numpy_random_name_is_named():
    from tests.test_hints_args import crash, hint

    message = "module 'numpy.random' has no attribute 'randit'"
    text = hint(crash("AttributeError", message, "x = np.random.randit(0, 10)"))
    assert "Did you mean `randint`?" in text and "another library" not in text, text
    message = "module 'numpy.random' has no attribute 'gaussian'"
    text = hint(crash("AttributeError", message, "x = np.random.gaussian(0, 1)"))
    assert "Did you mean" not in text, text
