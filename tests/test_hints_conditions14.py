"""Syntax and indentation hints whose claim did not hold where Python marks a line other than
the mistake's: each test pairs a crash where the specific sentence must speak with one where it
must not.

Cells and messages are written here by hand in Python's wording and the layout IPython prints,
never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions7 import _indentation_hint

_KEYWORD_FIRST = "positional argument follows keyword argument"


def test_a_keyword_that_lost_its_equals_sign_is_named_with_the_fix():
    marked = "plt.plot(xs, ys, color='k', linestyle'--', lw=2)"
    text = _syntax_hint(marked, marked, _KEYWORD_FIRST)
    assert "write `linestyle='--'`" in text, text


@pytest.mark.parametrize(
    "marked",
    ["sns.scatterplot(data=df, df['age'], hue='sex')", "print(sep='', f'{x}')"],
)
def test_a_positional_argument_after_a_keyword_is_not_only_moved_first(marked):
    # Moved first, df['age'] would take `data` again: naming it is the fix that always works.
    text = _syntax_hint(marked, marked, _KEYWORD_FIRST)
    assert "parameter's name" in text and "Put positional" not in text, text
    assert "lacks the `=`" not in text, text


# a cell that never closes a bracket → (words the hint must say, words it must not)
_UNCLOSED = {
    "import math\nx = round(math.sqrt(2)\n\n# y = x * 2\n": ("`x = round(", "on the marked"),
    "# total = sum(values\n\n# the end\n": ("above the marked line", "opened in"),
    "total = sum(values": ("`total = sum(values`", "above"),
}


@pytest.mark.parametrize("cell", list(_UNCLOSED))
def test_a_bracket_never_closed_is_named_on_its_own_line(cell):
    says, not_says = _UNCLOSED[cell]
    marked = cell.rstrip("\n").splitlines()[-1]
    text = _syntax_hint(cell, marked, "unexpected EOF while parsing")
    assert says in text and not_says not in text, text


@pytest.mark.parametrize(
    ("marked", "stray"),
    [("words = [w for w in text.split() if w]                0')", True), ("print('it)", False)],
)
def test_stray_text_after_a_complete_line_is_what_opens_the_string(marked, stray):
    text = _syntax_hint(marked, marked, "unterminated string literal (detected at line 1)")
    assert ("stray text after its code (`0')`)" in text) == stray, text
    assert ("has no closing quote" in text) != stray, text


def _imported_file_hint(message: str) -> str:
    traceback = (
        '  File "/home/u/project/helpers.py", line 12\n    # Erdős\n    ^\n'
        f"SyntaxError: {message}\n",
    )
    record = ErrorRecord(
        ename="SyntaxError", evalue=message, traceback=traceback, code="from helpers import *"
    )
    return diagnose(record).hint


def test_a_syntax_error_in_an_imported_file_names_that_file_not_the_cell():
    ascii_message = (
        "Non-ASCII character '\\xc5' in file /home/u/project/helpers.py on line 12, but no "
        "encoding declared; see http://python.org/dev/peps/pep-0263/ for details "
        "(helpers.py, line 12)"
    )
    text = _imported_file_hint(ascii_message)
    assert "`helpers.py` (line 12)" in text and "coding: utf-8" in text, text
    text = _imported_file_hint("invalid syntax (helpers.py, line 12)")
    assert "`helpers.py` (line 12)" in text and "this cell:" not in text, text


def test_a_cell_file_is_still_the_cell():
    marked = "x = = 1"
    cell_message = "invalid syntax (3405123.py, line 1)"
    assert "`3405123.py`" not in _syntax_hint(marked, marked, cell_message)


def test_a_commented_out_body_is_named_instead_of_indenting_the_next_line():
    cell = (
        "def show(img, ax=None):\n    if ax is None:\n#        ax = plt.gca()\n    ax.imshow(img)\n"
    )
    text = _indentation_hint(cell, "    ax.imshow(img)", "expected an indented block")
    assert "commented out (`# ax = plt.gca()`)" in text, text
    # A comment of words is not the body: the plain reading stays.
    cell = (
        "def show(img, ax=None):\n    if ax is None:\n    # set up the axes\n    ax.imshow(img)\n"
    )
    text = _indentation_hint(cell, "    ax.imshow(img)", "expected an indented block")
    assert "commented out" not in text, text


def _unwritten_method_hint(code: str, raised: str = "raise NotImplementedError") -> str:
    site = "/usr/lib/python3/site-packages/torch/utils/data"
    traceback = (
        "NotImplementedError                       Traceback (most recent call last)",
        "Cell In[5], line 2\n      1 ds = Pairs('train')\n----> 2 ds[0]\n",
        f"File {site}/dataset.py:61, in Dataset.__getitem__(self, index)\n"
        "---> 61     return self.load_item(index)\n",
        f"File {site}/dataset.py:70, in Dataset.load_item(self, index)\n---> 70     {raised}\n",
        "NotImplementedError: ",
    )
    record = ErrorRecord(ename="NotImplementedError", evalue="", traceback=traceback, code=code)
    return diagnose(record).hint


def test_a_method_a_library_leaves_to_subclasses_is_named_for_the_users_class():
    cell = "class Pairs(Dataset):\n    def __init__(self, split):\n        self.split = split\n"
    text = _unwritten_method_hint(cell + "ds = Pairs('train')\nds[0]\n")
    assert "`Pairs` does not define it" in text and "def load_item(self" in text, text
    # The cell defines the method (then its spelling or signature is not the cause named here),
    # or the library raised with its own words: the library is not blamed for a subclass here.
    written = cell + "    def load_item(self, i):\n        return i\n"
    assert "leaves for subclasses" not in _unwritten_method_hint(written)
    worded = _unwritten_method_hint(cell, "raise NotImplementedError('sparse input')")
    assert "leaves for subclasses" not in worded, worded


def _read_before_assignment_hint(function: str) -> str:
    traceback = (
        "UnboundLocalError                         Traceback (most recent call last)",
        "Cell In[7], line 9\n----> 9 total = run()\n",
        f"Cell In[7], line 5, in {function}()\n      4 def step():\n----> 5     count += 1\n",
        "UnboundLocalError: local variable 'count' referenced before assignment",
    )
    message = "local variable 'count' referenced before assignment"
    code = "def run():\n    count = 0\n    def step():\n        count += 1\n    step()\n"
    record = ErrorRecord(ename="UnboundLocalError", evalue=message, traceback=traceback, code=code)
    return diagnose(record).hint


def test_a_nested_function_reading_a_local_is_told_nonlocal_not_global():
    text = _read_before_assignment_hint("run.<locals>.step")
    assert "`nonlocal count` in `step`" in text and "global" not in text, text
    # A top-level function: `global` and an argument stay the advice.
    assert "nonlocal" not in _read_before_assignment_hint("step")


def test_a_commented_line_inside_a_def_does_not_define_a_name_read_outside_it():
    inside = "def pick(arr):\n    # chosen = arr[:2]\n    return arr\n\nprint(chosen)\n"
    text = hint(crash("NameError", "name 'chosen' is not defined", "print(chosen)", code=inside))
    assert "commented out" not in text, text
    # At the cell's margin the commented line would define it: it is named.
    margin = "# chosen = arr[:2]\nprint(chosen)\n"
    text = hint(crash("NameError", "name 'chosen' is not defined", "print(chosen)", code=margin))
    assert "`# chosen = arr[:2]`" in text, text


def test_a_kernel_that_did_not_start_names_the_module_it_lacks():
    traceback = (
        "The kernel failed to start due to the missing module 'traitlets'. Consider installing "
        "this module.",
        "Click <a href='https://aka.ms/kernelFailuresMissingModule'>here</a> for more info.",
    )
    record = ErrorRecord(ename="", evalue="", traceback=traceback, code="print(1)")
    text = diagnose(record).hint
    assert "`traitlets`" in text and "no message" not in text, text


def test_a_dotted_module_that_is_no_package_inside_installed_code_is_a_version_mismatch():
    site = "/opt/py/site-packages"
    message = "No module named 'sklearn.utils.fixes'; 'sklearn.utils' is not a package"
    traceback = (
        "ModuleNotFoundError                       Traceback (most recent call last)",
        "Cell In[2], line 1\n----> 1 import imblearn\n",
        f"File {site}/imblearn/base.py:9, in <module>\n---> 9 from sklearn.utils.fixes import x\n",
        f"ModuleNotFoundError: {message}",
    )
    record = ErrorRecord(
        ename="ModuleNotFoundError", evalue=message, traceback=traceback, code="import imblearn"
    )
    text = diagnose(record).hint
    assert "`sklearn` version" in text and "sklearn.utils.py" not in text, text
