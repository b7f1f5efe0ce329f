"""Indentation, unbound-local and own-`raise` hints whose claim did not hold on the crash
(session 21d): an unexpected indent inside a class, a local with no outer value to pass in, a
library's cleanup after an interrupt, an exercise's placeholder `raise` in an edited cell, a
`raise` in a `try`'s `else:`.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from dataclasses import replace

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE
from tests.test_hints_conditions32 import _hint as notebook_hint


def _indent_hint(cell: str, marked: str, number: int = 0) -> str:
    """The hint for "unexpected indent" that IPython 8 reports on ``marked`` (as shown) at
    line ``number`` (found in ``cell`` when 0)."""
    lines = enumerate(cell.splitlines(), 1)
    number = number or next(i for i, ln in lines if ln.strip() == marked.strip())
    traceback = (
        f"  Cell In[7], line {number}\n    {marked.strip()}\n    ^\n"
        "IndentationError: unexpected indent\n",
    )
    record = ErrorRecord(
        ename="IndentationError", evalue="unexpected indent", traceback=traceback, code=cell
    )
    return diagnose(record).hint


def _raw(ename, message, *blocks, code="", chain=()):
    out = []
    for name, text, block in chain:
        out += [
            f"{name}                                 Traceback (most recent call last)",
            block,
            f"{name}: {text}",
            "\nDuring handling of the above exception, another exception occurred:\n",
        ]
    out += [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        *blocks,
        f"{ename}: {message}",
    ]
    return parse(ErrorRecord(ename=ename, evalue=message, traceback=tuple(out), code=code))


# ------------------------------------------- an unexpected indent: a block above may hold it


def test_an_indented_line_under_top_level_code_is_told_to_lose_its_spaces():
    cell = "rate = 0.1\nsteps = 20\n\n   total = rate * steps\n"
    text = _indent_hint(cell, "   total = rate * steps")
    assert "no `if`/`for`/`def`/`with` line above opens a block" in text, text


def test_a_line_of_a_cell_edited_since_is_not_said_to_have_no_block_above():
    # the cell now reads otherwise than the marked line: a `class` above may hold it
    cell = "class Scaler:\n  '''Scales values.'''\n\n    def fit(self, values):\n      pass\n"
    text = _indent_hint(cell, "    def fit(self, data) -> None:", 4)
    assert "opens a block" not in text and "remove the spaces" not in text, text
    assert "indented deeper than the lines of the block" in text, text


# ------------------------------------- a local read early: pass it in only if it exists outside


def _unbound(name: str, line: str):
    return _raw(
        "UnboundLocalError",
        f"local variable '{name}' referenced before assignment",
        "Cell In[9], line 1\n----> 1 rows = parse_rows(text)\n",
        f"Cell In[8], line 6, in parse_rows(text)\n      4 for row in text.splitlines()[3:]:\n"
        f"      5     fields = row.split(';')\n----> 6 {line}\n",
        code="rows = parse_rows(text)",
    )


def test_a_local_with_a_notebook_value_of_its_name_is_told_to_pass_it_in():
    parsed = _unbound("limit", "if len(fields) > limit:")
    cells = ("limit = 4", "def parse_rows(text):\n    limit = limit + 1\n    return []")
    text = hint(replace(parsed, notebook_code=cells))
    assert "pass it in as an argument" in text and "`limit`" in text, text


def test_a_local_set_only_in_a_skipped_loop_is_no_global_to_declare():
    parsed = _unbound("fields", "if fields[0] == 'x':")
    cells = ("def parse_rows(text):\n    for row in text:\n        fields = row\n    return 1",)
    text = hint(replace(parsed, notebook_code=cells))
    assert "global" not in text and "argument" not in text, text
    assert "`fields` is read in `parse_rows()`" in text and "loop over nothing" in text, text


# ------------------------------------------- a library's cleanup after a KeyboardInterrupt


_SHELL_FRAME = (
    f"File {SITE}/IPython/utils/_process_posix.py:171, in ProcessHandler.system(self, cmd)\n"
    "    170 # send the interrupt on to the child\n--> 171 proc.sendline(chr(3))\n"
)


def test_a_library_local_after_an_interrupt_names_the_interrupt():
    parsed = _raw(
        "UnboundLocalError",
        "local variable 'proc' referenced before assignment",
        "Cell In[3], line 2\n      1 for name in names:\n"
        "----> 2     get_ipython().system('scp x y')\n",
        _SHELL_FRAME,
        code="for name in names:\n    !scp x y",
        chain=(
            (
                "KeyboardInterrupt",
                "",
                f"File {SITE}/pexpect/pty_spawn.py:200, in spawn.__init__(self)\n"
                "--> 200 self._spawn(command, args)\n",
            ),
        ),
    )
    text = hint(parsed)
    assert "interrupted (KeyboardInterrupt)" in text and "empty" not in text, text


def test_a_library_local_with_no_interrupt_keeps_the_empty_input_advice():
    parsed = _raw(
        "UnboundLocalError",
        "local variable 'proc' referenced before assignment",
        "Cell In[3], line 1\n----> 1 get_ipython().system('scp x y')\n",
        _SHELL_FRAME,
        code="!scp x y",
    )
    text = hint(parsed)
    assert "interrupted" not in text and "not empty" in text, text


# ------------------------------- an exercise's placeholder `raise` in a cell edited since it ran


def _placeholder(shown: str, number: int):
    return diagnose(
        ErrorRecord(
            ename="NotImplementedError",
            evalue="",
            traceback=(
                "-------------------------------------------------------------------------",
                "NotImplementedError                       Traceback (most recent call last)",
                f"Cell In[12], line {number}\n{shown}\n",
                "NotImplementedError: ",
            ),
            code="# solution\nspeed = distance / time\nprint(speed)",
        )
    ).hint


def test_a_placeholder_raise_atop_an_edited_cell_is_told_to_be_replaced():
    text = _placeholder("      1 # write your answer here\n----> 2 raise NotImplementedError()", 2)
    assert "placeholder" in text and "delete that line" in text and "Print" not in text, text


def test_a_raise_under_a_shown_if_of_an_edited_cell_is_no_placeholder():
    text = _placeholder(
        "      1 if speed < 0:\n----> 2     raise NotImplementedError('negative speeds')", 2
    )
    assert "placeholder" not in text and "under no condition" not in text, text


# ------------------------------------------------------- a `raise` in a `try`'s `else:` branch


def _else_raise(code: str, shown: str, number: int):
    return diagnose(
        ErrorRecord(
            ename="AssertionError",
            evalue="no error for a bad size",
            traceback=(
                "-------------------------------------------------------------------------",
                "AssertionError                            Traceback (most recent call last)",
                f"Cell In[30], line {number}\n{shown}\n",
                "AssertionError: no error for a bad size",
            ),
            code=code,
        )
    ).hint


def test_a_raise_in_a_try_else_is_told_the_call_did_not_fail():
    code = (
        "try:\n    resize(img, -3)\nexcept ValueError:\n    pass\nelse:\n"
        "    raise AssertionError('no error for a bad size')"
    )
    shown = "      4     pass\n      5 else:\n"
    shown += "----> 6     raise AssertionError('no error for a bad size')"
    text = _else_raise(code, shown, 6)
    assert "`else:` of a `try`" in text and "raised no error" in text, text
    assert "Print the values" not in text, text


def test_a_raise_under_an_if_keeps_the_condition_advice():
    code = "if size < 0:\n    raise AssertionError('no error for a bad size')"
    shown = "      1 if size < 0:\n----> 2     raise AssertionError('no error for a bad size')"
    text = _else_raise(code, shown, 2)
    assert "else:" not in text and "condition" in text, text


def test_a_raise_under_a_shown_else_of_an_edited_cell_names_both_readings():
    shown = "     11     pass\n     12 else:\n"
    shown += "----> 13     raise AssertionError('no error for a bad size')"
    text = _else_raise("check(img)", shown, 13)
    assert "belongs to a `try`" in text and "if to an `if`" in text, text


# --------------------------------- a comprehension's own variable is no input of another cell


def _definer_cells(words: str) -> list:
    """Cell 2 (skipped) sets `words` as ``words``; cell 3 (skipped) loops `w` over `words`."""
    return [
        ("raw = 'a, b, c'", 1, None),
        (f"words = {words}", None, None),
        ("for w in range(len(words)):\n    print(words[w])", None, None),
        ("total = len(words)", 2, None),
    ]


def test_a_comprehension_variable_of_the_definer_makes_no_cycle():
    cells = _definer_cells("[w.strip() for w in raw.split(',')]")
    text = notebook_hint(
        "NameError", "name 'words' is not defined", "total = len(words)", cells, 3, 2
    )
    assert "neither can run first" not in text and "cell 2" in text.lower(), text


def test_a_definer_that_reads_the_loop_name_outside_a_comprehension_is_a_cycle():
    cells = _definer_cells("[x.strip() for x in raw.split(w)]")
    text = notebook_hint(
        "NameError", "name 'words' is not defined", "total = len(words)", cells, 3, 2
    )
    assert "neither can run first" in text, text


# ------------------------------- an undefined subscript beside other variable subscripts


def test_a_slip_of_a_loop_index_beside_it_is_no_key_to_quote():
    line = "vals[k], vals[0] = vals[0], vals[kk]"
    cell = f"vals = [3, 1, 2]\nfor k in range(3):\n    {line}"
    text = notebook_hint("NameError", "name 'kk' is not defined", line, [(cell, 1, None)], 0, 1)
    assert "did you mean `vals[k]`" in text and "quotes" not in text, text
    alone = hint(crash("NameError", "name 'kk' is not defined", line))
    assert "did you mean `vals[k]`" in alone and "quotes" not in alone, alone


def test_variables_beside_an_unrelated_name_ask_for_its_spelling_not_quotes():
    line = "board[row] = board[step] + 1"
    text = hint(crash("NameError", "name 'step' is not defined", line))
    assert "quotes" not in text and "check the spelling of `step`" in text, text


def test_a_lone_subscript_name_keeps_the_quotes_advice():
    line = "total = prices[apple]"
    text = notebook_hint("NameError", "name 'apple' is not defined", line, [(line, 1, None)], 0, 1)
    assert "put it in quotes" in text and "did you mean" not in text, text
