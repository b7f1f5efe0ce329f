"""Hints whose claim did not hold on the crash (session 20d):
- a None field of a record that a library passes to the user's function is missing data, not a
  value the code assigned;
- the user's own `raise` in an `except` turns the first error into this one on purpose: no
  "fix the first error", no condition to print;
- a definer to run first whose own last run failed before it set the name: no "run them in
  order";
- `x = mod.x(...)` assigns its name from the very read that failed: no "your notebook's own
  name";
- a `def` line with values for parameters is a call, not a header that lacks its colon;
- `print tool --option` is a shell command, not Python 2 `print`;
- a line starting with `and`/`or` under an `if` continues its condition, not its body;
- a function's local made from the undefined name (`a = Input(...)`) is not what it meant;
- a cell whose last run failed after reading the name held a value then: its failure left no
  None behind.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and the libraries'
wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions27 import _frame, _name_error
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions40 import _crash
from tests.test_hints_conditions80 import _cell_frame
from tests.test_hints_conditions80 import _hint as frames_hint
from tests.test_notebook_saved import run, saved, tb

SITE = "/usr/local/lib/python3.11/site-packages"

# ------------------------------------- a None field of a record a library passes to a function

CLEAN = 'def clean_label(example):\n    return {"label": example["label"].lower()}'
NO_LOWER = "'NoneType' object has no attribute 'lower'"


def _record_hint(through_library: bool) -> str:
    call = "ds.map(clean_label)" if through_library else "clean_label(example)"
    frames = [_cell_frame(call, 1, count=8)]
    if through_library:
        frames.append(
            f"File {SITE}/datasets/arrow_dataset.py:3052, in Dataset._map_single(shard, function)"
            "\n   3051 for i, example in enumerate(shard):\n"
            "-> 3052     example = apply_function_on_filtered_inputs(example, i)\n"
        )
    frames.append(
        "Cell In[7], line 2, in clean_label(example)\n"
        "      1 def clean_label(example):\n"
        '----> 2     return {"label": example["label"].lower()}\n'
    )
    return frames_hint("AttributeError", NO_LOWER, frames, f"{CLEAN}\n{call}")


def test_a_none_field_of_a_record_a_library_passes_is_told_as_missing_data():
    text = _record_hint(through_library=True)
    assert "is None in a record that `datasets` passes to `clean_label`" in text, text
    assert "filter them out" in text and "without `return`" not in text, text


def test_a_none_field_read_in_a_direct_call_keeps_the_assignment_look():
    text = _record_hint(through_library=False)
    assert "in a record that" not in text, text


# --------------------------------------------- the user's own `raise` in an `except`, on purpose

CHECK = (
    "def halve(n):\n    try:\n        n = int(n)\n    except ValueError:\n"
    "        raise TypeError('n must be a whole number')\n    return n // 2"
)


def _own_raise_hint(raised_by: str) -> str:
    first = "invalid literal for int() with base 10: 'ten'"
    traceback = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        "Cell In[3], line 3, in halve(n)\n      2 try:\n----> 3     n = int(n)\n",
        f"ValueError: {first}",
        "\nDuring handling of the above exception, another exception occurred:\n",
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[4], line 1\n----> 1 halve('ten')\n",
        f"Cell In[3], line 5, in halve(n)\n      4 except ValueError:\n----> 5     {raised_by}\n",
        "TypeError: n must be a whole number",
    ]
    record = ErrorRecord(
        ename="TypeError",
        evalue="n must be a whole number",
        traceback=tuple(traceback),
        code="halve('ten')",
    )
    return diagnose(record).hint


def test_an_own_raise_in_an_except_is_told_as_turning_the_first_error_on_purpose():
    text = _own_raise_hint("raise TypeError('n must be a whole number')")
    assert "turns that ValueError into this TypeError on purpose" in text, text
    assert "fix it first" not in text and "condition before this" not in text, text


def test_a_first_error_of_the_users_under_a_library_error_is_still_fixed_first():
    # no `raise` of the user's: the second error came from the code that handled the first
    text = _own_raise_hint("n = float(n) + offset")
    assert "on purpose" not in text, text


# ------------------------------- a definer to run first that failed itself: no order to run


def _unrun_definer_hint(failed: bool) -> str:
    definer = "X_tr, X_te = split_rows(table)"
    error = ("NameError", "name 'table' is not defined") if failed else None
    cells = [
        ("print(X_tr.shape)", 10, None),
        ("from tools import split_rows", 11, None),
        (definer, 12, error),
    ]
    return notebook_hint("NameError", "name 'X_tr' is not defined", cells[0][0], cells, 0, 10)


def test_a_definer_whose_own_run_failed_is_to_be_fixed_not_run_in_order():
    text = _unrun_definer_hint(failed=True)
    assert "its own last run failed before setting it" in text, text
    assert "in order" not in text, text


def test_a_definer_that_ran_cleanly_after_the_crash_keeps_the_order_to_run():
    text = _unrun_definer_hint(failed=False)
    assert "run the cells that build them in order" in text, text


# ----------------------------------------- `x = mod.x(...)`: its own name from the failed read


def test_a_module_prefix_on_the_name_the_line_assigns_is_no_own_name():
    code = "import toolkit\nreport = toolkit.report('weekly')"
    text = _crash("AttributeError", "module 'toolkit' has no attribute 'report'", code)
    assert "notebook's own name" not in text, text


def test_a_module_prefix_on_a_name_another_line_assigns_is_still_told():
    code = "import toolkit\nreport = make_report()\nprint(toolkit.report)"
    text = _crash("AttributeError", "module 'toolkit' has no attribute 'report'", code)
    assert "notebook's own name" in text, text


# ---------------------------------------------------- `def f("a", 2)`: values, not parameters


def test_a_def_line_with_values_is_told_as_a_call():
    marked = 'def greet("Ada", 3)'
    text = _syntax_hint(f"{marked}\nprint('done')", marked)
    assert "to call `greet`, write `greet(...)`" in text and "without `def`" in text, text
    assert "Add a colon" not in text, text


def test_a_def_line_with_names_still_lacks_its_colon():
    marked = "def greet(name, times=3)"
    text = _syntax_hint(f"{marked}\n    print(name)", marked)
    assert "Add a colon at the end of the marked `def` line" in text, text


# --------------------------------------------- `print tool --option`: a command, not a value


def test_a_printed_command_with_a_long_option_is_told_as_a_shell_command():
    marked = "print pip --version"
    text = _syntax_hint(marked, marked, "Missing parentheses in call to 'print'")
    assert "`pip --version` is a shell command" in text and "`!pip --version`" in text, text
    assert "Python 2" not in text, text


def test_a_python_2_print_of_a_value_is_still_told_to_add_parentheses():
    marked = "print total - 1"
    text = _syntax_hint(marked, marked, "Missing parentheses in call to 'print'")
    assert "This is Python 2 `print`" in text, text


# ------------------------------------------ `and ...` under an `if`: the rest of the condition


def test_a_line_starting_with_and_is_told_to_join_the_condition():
    cell = "def keep(row):\n    if row['n'] > 2:\n    and row['k'] == 'a'\n    return True"
    message = "expected an indented block"
    number = 3
    traceback = (
        f'  File "<ipython-input-5-0a1b2c3d>", line {number}\n'
        f"    and row['k'] == 'a'\n      ^\nIndentationError: {message}\n",
    )
    record = ErrorRecord(ename="IndentationError", evalue=message, traceback=traceback, code=cell)
    text = diagnose(record).hint
    assert "starts with `and`, so it continues the condition above" in text, text
    assert "should be the indented body" not in text, text


def test_a_plain_statement_under_an_if_is_still_its_body():
    cell = "def keep(row):\n    if row['n'] > 2:\n    return True"
    message = "expected an indented block"
    traceback = (
        '  File "<ipython-input-5-0a1b2c3d>", line 3\n'
        f"    return True\n    ^\nIndentationError: {message}\n",
    )
    record = ErrorRecord(ename="IndentationError", evalue=message, traceback=traceback, code=cell)
    text = diagnose(record).hint
    assert "continues the condition" not in text, text
    assert "should be the indented body" in text, text


# --------------------------------- a local made from the undefined name is not what it meant


def _layer_hint(local: str) -> str:
    function = ["def build(n):", f"    {local}", "    return Dense(n)(x)"]
    crash = "net = build(4)"
    frames = [_frame(9, [crash], 1), _frame(3, function, 2, "build")]
    cells = ["from keras.layers import Layer, Dense", "\n".join(function), crash]
    return _name_error(cells, [12, 3, 9], "Layer", frames)


def test_a_local_made_from_the_undefined_name_is_no_look_alike():
    text = _layer_hint("base_layer = Layer()")
    assert "if it means" not in text and "cell 1" in text, text


def test_a_local_made_otherwise_is_still_offered_as_the_look_alike():
    text = _layer_hint("base_layer = make_base()")
    assert "if it means `base_layer`" in text, text


# ---------------------- a failed cell that read the name held a value then: no None left behind


def _stale_none(definer: str, error: tuple[str, str]):
    message = ("TypeError", "object of type 'NoneType' has no len()")
    cells = ["rows = read_rows(path)", definer, "total = len(rows)"]
    errors = {2: tb(5, 1, definer, error)}
    return run(saved(cells, [3, 5, 8], crash=3, error=message, errors=errors))


def test_a_failed_cell_that_never_read_the_name_still_left_the_older_value():
    f = _stale_none("rows = load_rows('a.csv')", ("FileNotFoundError", "No such file: 'a.csv'"))
    assert f is not None and "`rows` still holds an older value" in f.hint, f


def test_a_failed_cell_that_read_the_name_first_left_no_none_behind():
    f = _stale_none(
        "rows = [float(r) for r in rows]",
        ("ValueError", "could not convert string to float: 'n/a'"),
    )
    assert f is None or "still holds an older value" not in f.hint, f
