"""Syntax, indentation and argument hints whose claim did not hold on the crash (session 22d):
a hidden folder's name pasted onto the end of a line, a cell of notes whose unindented line is
no Python, an event handler called while it is registered.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint


def _end_caret_hint(marked: str) -> str:
    """The hint for a plain "invalid syntax" that IPython 8 marks at the end of ``marked``."""
    traceback = (
        f"  Cell In[5], line 1\n    {marked}\n    {' ' * len(marked)}^\n"
        "SyntaxError: invalid syntax\n",
    )
    record = ErrorRecord("SyntaxError", "invalid syntax", traceback, code=marked)
    return diagnose(record).hint


def _unindent_hint(cell: str, marked: str) -> str:
    """The hint for "unindent does not match" that IPython 8 reports on ``marked``."""
    number = next(i for i, ln in enumerate(cell.splitlines(), 1) if ln.strip() == marked.strip())
    message = f"unindent does not match any outer indentation level (<tokenize>, line {number})"
    traceback = (
        f"  File <tokenize>:{number}\n    {marked.strip()}\n    ^\nIndentationError: {message}\n",
    )
    record = ErrorRecord("IndentationError", message, traceback, code=cell)
    return diagnose(record).hint


# ------------------------------------ a hidden folder's name pasted onto the end of a line


def test_a_hidden_folder_glued_onto_a_plot_call_is_told_to_be_deleted():
    text = _end_caret_hint('sales.groupby("region").size().plot.bar().ipynb_checkpoints/')
    assert "ends with `.ipynb_checkpoints/`" in text and "delete" in text, text
    assert "something is missing" not in text, text


def test_a_division_without_its_divisor_is_no_folder():
    text = _end_caret_hint("share = counts.max().values/")
    assert "folder" not in text and "end of the marked line" in text, text


# ------------------------------------------- a cell of notes with a line that lines up nowhere

_NOTES = (
    "## Choosing a model\n"
    "1. cross validation\n"
    "a. k fold: split the rows into k parts, train on the rest of them each time\n"
    "      > every part is held out once so that each row is scored exactly one time\n"
    "  - good when the data set is small\n"
    "   - slow when the model takes long to train\n"
    " - the folds should keep the class balance\n"
    "b. hold out: keep a fifth of the rows aside and score the model on them\n"
)


def test_an_unindented_line_of_a_cell_of_notes_is_told_to_become_markdown():
    text = _unindent_hint(_NOTES, " - the folds should keep the class balance")
    assert "is text, not Python" in text and "Markdown cell" in text, text
    assert "indentation of the block" not in text, text


def test_a_misindented_line_of_code_keeps_the_indentation_hint():
    cell = "def scale(values):\n        doubled = values * 2\n    return doubled\n"
    text = _unindent_hint(cell, "    return doubled")
    assert "lines up with no block above it" in text and "Markdown" not in text, text


# ----------------------------------------------- an event handler called while it is registered


def test_a_handler_called_inside_bind_is_told_to_be_wrapped_in_a_lambda():
    parsed = crash(
        "TypeError",
        "show_position() missing 1 required positional argument: 'status'",
        "canvas.bind('<Motion>', show_position(status))",
    )
    text = hint(parsed)
    assert "runs right here, as this line registers it" in text, text
    assert "`lambda event: show_position(event, status)`" in text and "`self`" not in text, text


def test_a_handler_given_a_value_of_another_name_gets_no_lambda_order():
    parsed = crash(
        "TypeError",
        "report() missing 1 required positional argument: 'button'",
        "run_button.on_click(report(output_area))",
    )
    text = hint(parsed)
    assert "registers it, without the event" in text, text
    assert "`lambda event: ...`" in text and "report(event" not in text, text


def test_a_call_with_a_missing_argument_outside_a_registration_keeps_its_hint():
    parsed = crash(
        "TypeError",
        "summarize() missing 1 required positional argument: 'table'",
        "print(summarize(table))",
    )
    text = hint(parsed)
    assert "This line passes `table`" in text and "registers" not in text, text
