"""Templates speak only where their conditions hold (issue 12, fourth round on the wild set's
study half): each test pairs a crash where a template must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

SITE = "/usr/local/lib/python3.10/dist-packages"


def _cell_hint(ename: str, message: str, cell: str, marked: str, others=(), count=3) -> str:
    """The hint for ``ename: message`` raised on line ``marked`` of ``cell`` (run as [count]),
    in a notebook of ``others`` (sources, or (source, count) pairs) above it."""
    number = cell.splitlines().index(marked) + 1
    traceback = [
        "---------------------------------------------------------------------------",
        f"{ename}                                 Traceback (most recent call last)",
        f"Cell In[{count}], line {number}\n----> {number} {marked}\n",
        f"{ename}: {message}",
    ]
    cells = [
        {"id": f"c{i}", "index": i, "source": src, "execution_count": n, "cell_type": "code"}
        for i, (src, n) in enumerate(o if isinstance(o, tuple) else (o, None) for o in others)
    ]
    cells.append(
        {"id": "crash", "index": len(cells), "source": cell, "execution_count": count}
        | {"cell_type": "code"}
    )
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": message,
            "traceback": traceback,
            "code": cell,
            "cell_id": "crash",
            "execution_count": count,
            "notebook": {"cells": cells},
        }
    )
    return diagnose(record).hint


# --------------------------------------- 1. unpacking None: the producer decides the cause

UNPACK = "cannot unpack non-iterable NoneType object"
NO_RETURN = "no `return`"


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        # A library call that returns None by design when it finds nothing: its reason.
        (
            "import cv2\nimg = cv2.imread('logo.png')\nrows, cols, ch = img",
            "could not read the file",
        ),
        ("cur.execute(q)\nname, pw = cur.fetchone()", "the query matched no row"),
        ("cfg = {}\nlo, hi = cfg.get('range')", "found no such key"),
        # A method that works in place returns None.
        ("vals = [3, 1, 2]\nfirst, *rest = vals.sort()", "changes its object in place"),
    ],
)
def test_a_none_from_a_library_call_gets_its_reason_not_a_missing_return(cell, says):
    marked = cell.splitlines()[-1]
    text = _cell_hint("TypeError", UNPACK, cell, marked)
    assert says in text and NO_RETURN not in text, text


def test_a_none_from_a_notebook_function_without_return_is_told_so():
    helper = "import numpy as np\ndef summary(x):\n    np.histogram(x)\n    # return h, b\n"
    text = _cell_hint("TypeError", UNPACK, "h, b = summary(v)", "h, b = summary(v)", [helper])
    assert "your function `summary` has no `return` with a value" in text, text
    # The same call without that def in the notebook: nobody knows what `summary` is.
    text = _cell_hint("TypeError", UNPACK, "h, b = summary(v)", "h, b = summary(v)", ["v = 1"])
    assert NO_RETURN not in text and "`summary(v)` gave None" in text, text


def test_a_notebook_function_with_a_return_is_said_to_have_a_path_without_one():
    helper = "def load(p):\n    if p:\n        return 1, 2\n"
    text = _cell_hint("TypeError", UNPACK, "a, b = load(p)", "a, b = load(p)", [helper])
    assert "returned None on this run" in text and "has no `return`" not in text, text


def test_a_none_whose_producer_is_not_certain_gets_the_safe_wording():
    # Two assignments (one in a branch): which one left the None is not seen.
    cell = "img = None\nif ok:\n    img = cv2.imread(p)\nh, w, c = img"
    text = _cell_hint("TypeError", UNPACK, cell, "h, w, c = img")
    assert "could not read" not in text and NO_RETURN not in text, text
    assert "find where it gets its value" in text, text


# ------------------------------- 2. a value called like a function: which mistake it is


NOT_CALLABLE = "'list' object is not callable"


def test_a_called_list_with_no_function_of_that_name_anywhere_is_the_parentheses():
    cell = "nums = [2, 3, 5]\nfor i in nums():\n    print(i)"
    text = _cell_hint("TypeError", NOT_CALLABLE, cell, "for i in nums():", ["x = 1"])
    assert "without the `()`" in text and "`nums[...]`" in text, text
    assert "replaced the function" not in text, text


def test_an_attribute_called_is_never_said_to_have_no_function():
    # `model.predict` was a method of the model's class, which no cell of the notebook shows.
    cell = "y = model.predict(X)\nmodel.predict(X2)"
    message = "'numpy.ndarray' object is not callable"
    text = _cell_hint("TypeError", message, cell, "model.predict(X2)", ["model = make()"])
    assert "the `()` is the slip" not in text and "if a function of that name" in text, text
    # The code assigns the attribute (`plt.ylim = (0, 8)`): that assignment put the value there.
    cell = "model.predict = model.predict(X)\nmodel.predict(X2)"
    text = _cell_hint("TypeError", message, cell, "model.predict(X2)", ["model = make()"])
    assert "an assignment (`model.predict = ...`) replaced the function" in text, text


@pytest.mark.parametrize(
    "other",
    [
        "def nums():\n    return [1, 2]",  # a function of the notebook
        "from helpers import nums",  # an imported one
    ],
)
def test_a_called_list_that_hides_a_function_of_the_notebook_is_the_assignment(other):
    cell = "nums = [2, 3, 5]\nfor i in nums():\n    print(i)"
    text = _cell_hint("TypeError", NOT_CALLABLE, cell, "for i in nums():", [other])
    assert "replaced the function" in text and "the `()` is the slip" not in text, text


def test_a_builtin_or_a_module_function_assigned_over_is_the_assignment():
    text = hint(crash("TypeError", NOT_CALLABLE, "list((1, 2))", code="list = [1]\nlist((1, 2))"))
    assert "replaced the function" in text, text
    code = 'import matplotlib.pyplot as plt\nplt.title = "Ages"\nplt.title("Ages")'
    text = hint(crash("TypeError", "'str' object is not callable", 'plt.title("Ages")', code=code))
    assert "replaced the function" in text, text
    # Without the notebook, a name nobody is seen defining gets both readings, the `()` first.
    text = hint(crash("TypeError", NOT_CALLABLE, "nums()", code="nums = [1]\nnums()"))
    assert text.index("without the `()`") < text.index("if a function of that name"), text


# -------------------------------------------------- 3. `import self.x`: in a method or not


def _no_module_self(code: str) -> str:
    line = "import self.discriminator as disc_model"
    return hint(crash("ModuleNotFoundError", "No module named 'self'", line.strip(), code=code))


def test_import_self_inside_a_method_reads_the_attribute():
    code = "class GAN:\n    def build(self):\n        import self.discriminator as disc_model\n"
    assert "`disc_model = self.discriminator` inside the method" in _no_module_self(code)


def test_import_self_outside_any_method_is_no_module_and_no_object():
    text = _no_module_self("import numpy as np\nimport self.discriminator as disc_model\n")
    assert "`self` is not a module" in text and "`disc_model = discriminator`" in text, text
    assert "self.discriminator`" not in text, text


# ------------------------- 4. a NameError on a name this cell assigns only in a branch


LOAD = (
    "import numpy as np\n"
    "try:\n"
    "    rate, data = read('a.wav')\n"
    "except FileNotFoundError:\n"
    "    print('File not found.')\n"
    "spectrum = np.fft.fft(data)"
)


def test_a_name_assigned_above_only_in_a_failed_try_is_that_assignment_not_a_restart():
    other = (LOAD, 1)  # the same code saved as [1] too: two kernel sessions
    text = _cell_hint(
        "NameError", "name 'data' is not defined", LOAD, "spectrum = np.fft.fft(data)", [other], 1
    )
    assert "assigned on line 3 of this cell inside a `try` block" in text, text
    assert "before line 6" in text and "restarted" not in text, text


def test_an_if_branch_above_is_named_as_a_branch_that_did_not_run():
    cell = "if ok:\n    data = load()\nprint(data)"
    text = _cell_hint("NameError", "name 'data' is not defined", cell, "print(data)")
    assert "only in an `if` branch, which did not run" in text, text


def test_a_name_this_cell_assigns_only_below_the_failing_line_keeps_the_other_cells_cause():
    cell = "spectrum = np.fft.fft(data)\n" + LOAD.split("\n", 1)[1].rsplit("\n", 1)[0]
    other = ("rate, data = read('a.wav')", 1)
    text = _cell_hint(
        "NameError", "name 'data' is not defined", cell, "spectrum = np.fft.fft(data)", [other], 1
    )
    assert "restarted" in text and "of this cell inside" not in text, text


# ------------------------------ 5. a name a module lacks: a version only when one is known


def _cannot_import(name: str, module: str) -> str:
    path = f"{SITE}/{module.replace('.', '/')}.py"
    message = f"cannot import name '{name}' from '{module}' ({path})"
    return hint(crash("ImportError", message, f"from {module} import {name}"))


def test_a_name_no_table_knows_is_not_blamed_on_the_version():
    text = _cannot_import("TextPreprocessor", "nltk.text")
    assert "documentation" in text and "not exist at all" in text, text
    assert "older or newer" not in text and "removed" not in text, text


def test_a_name_a_table_knows_as_removed_keeps_its_version_story():
    text = _cannot_import("imread", "scipy.misc")
    assert "imageio" in text and "not exist at all" not in text, text
