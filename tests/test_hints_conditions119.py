"""Import, name and type hints whose claim did not hold on the crash (session w25c): a compiled
module of a package another one imports, a discontinued package near a standard module's name,
a compiled file built for the other processor, ...

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions28 import _hint as cells_hint

_RULE = "---------------------------------------------------------------------------"


def _hint(ename: str, message: str, frames: list[str], code: str) -> str:
    """The hint of a crash whose traceback shows ``frames`` (IPython's blocks, outermost
    first), then ``ename: message``."""
    head = f"{ename}                                 Traceback (most recent call last)"
    traceback = (_RULE, head, *frames, f"{ename}: {message}")
    return diagnose(ErrorRecord(ename, message, traceback, code=code)).hint


# ------------------------------------ a compiled module of the package another one imports

_SITE = "C:\\Users\\ana\\miniconda3\\lib\\site-packages"


def _dll_failed(message: str, deepest: str) -> str:
    frames = [
        "Cell In[1], line 2\n      1 import numpy as np\n"
        "----> 2 from sklearn.cluster import KMeans\n",
        f"File {_SITE}\\sklearn\\cluster\\__init__.py:6\n"
        "----> 6 from ._spectral import spectral_clustering\n",
        f"File {_SITE}\\scipy\\sparse\\csgraph\\__init__.py:3\n----> 3 {deepest}\n",
    ]
    return _hint(
        "ImportError", message, frames, "import numpy as np\nfrom sklearn.cluster import KMeans"
    )


def test_a_dll_of_the_imported_package_names_that_package():
    message = "DLL load failed while importing _traversal: The specified module could not be found."
    text = _dll_failed(message, "from ._traversal import connected_components")
    assert text.startswith("`scipy` could not load its compiled module `_traversal`"), text
    assert "force-reinstall scipy" in text and "CUDA" not in text, text


def test_a_dll_the_deepest_frame_does_not_import_names_the_first_library():
    message = "DLL load failed while importing _traversal: The specified module could not be found."
    text = _dll_failed(message, "from ._validation import validate_graph")
    assert text.startswith("`sklearn` could not load"), text


# --------------------------------------------------- a discontinued package near a stdlib name


def _missing(module: str) -> str:
    frames = [f"Cell In[4], line 1\n----> 1 import {module}\n"]
    return _hint("ModuleNotFoundError", f"No module named '{module}'", frames, f"import {module}")


def test_graphlab_is_told_its_successor_not_graphlib():
    text = _missing("graphlab")
    assert "discontinued" in text and "`turicreate`" in text and "graphlib" not in text, text


def test_a_slip_of_a_standard_module_still_gets_its_suggestion():
    text = _missing("colections")
    assert "`collections`" in text and "turicreate" not in text, text


# ------------------------------------------- a compiled file built for the other processor


def _dlopen(path: str) -> str:
    message = (
        f"dlopen({path}, 0x0002): tried: '{path}' (mach-o file, but is an incompatible "
        "architecture (have 'arm64', need 'x86_64')), '/usr/lib/fastdist.so' (no such file)"
    )
    frames = ["Cell In[7], line 2\n      1 import numpy as np\n----> 2 import fastdist\n"]
    return _hint("ImportError", message, frames, "import numpy as np\nimport fastdist")


def test_a_file_of_ones_own_built_for_arm64_is_told_to_rebuild():
    text = _dlopen("/Users/kim/hw/fastdist.cpython-310-darwin.so")
    assert "`fastdist` is a compiled file built for arm64" in text and "x86_64" in text, text
    assert "rebuild it with the kernel's own Python" in text and "%pip install -U" not in text, text


def test_a_packages_file_built_for_arm64_is_told_to_reinstall_from_the_kernel():
    text = _dlopen("/Users/kim/env/lib/python3.10/site-packages/fastdist.cpython-310-darwin.so")
    assert "reinstall that package from the notebook" in text and "rebuild" not in text, text


# ------------------------------------------------ `df.pd.read_csv(...)`: `=` typed as `.`

_READS = ("import pandas as pd", "sales = pd.read_csv('sales.csv')\ndf = sales.dropna()")


def test_a_module_alias_read_off_the_undefined_name_is_told_to_assign():
    text = cells_hint(
        "NameError", "name 'df' is not defined", "df.pd.read_csv('shop.csv')", cells=_READS
    )
    assert "write `df = pd.read_csv(...)`" in text and "run cell" not in text.lower(), text


def test_a_column_read_off_the_undefined_name_is_no_assignment():
    code = "df.price.mean()"
    text = cells_hint("NameError", "name 'df' is not defined", code, cells=_READS)
    assert "write `df =" not in text and "reads `price` as an attribute" not in text, text


# ---------------------------------------- a name alone on a line of a function's body

_FUNCTION_CELL = "def area(w, h):\n    s\n    return w * h"


def _in_function(line: str) -> str:
    frames = [("<ipython-input-3-0a1b2c3d4e5f>", "area", ["def area(w, h):"], line)]
    return cells_hint(
        "NameError", "name 's' is not defined", "area(2, 3)", frames=frames, cells=(_FUNCTION_CELL,)
    )


def test_a_lone_name_in_a_function_is_told_to_delete_or_finish_it():
    text = _in_function("s")
    assert "of `area()` is only `s`" in text and "Delete it or finish" in text, text


def test_a_name_the_function_returns_is_no_stray_line():
    text = _in_function("return s * w")
    assert "is only `s`" not in text, text


# ----------------------------------------------- a keyword flag written with `==` in a call

_FRAME = ("import pandas as pd\ndf = pd.DataFrame({'a': [1, 2]})",)


def test_a_flag_compared_as_a_later_argument_is_told_one_equals_sign():
    line = "print(df, (header==False))"
    text = cells_hint("NameError", "name 'header' is not defined", line, cells=_FRAME)
    assert "write `header=False`, with one `=`" in text, text


def test_a_comparison_as_the_only_argument_is_no_keyword():
    line = "print(header == False)"
    text = cells_hint("NameError", "name 'header' is not defined", line, cells=_FRAME)
    assert "header=False" not in text, text


# ------------------------------------- a module's function indexed inside a cell's function


def _indexed_in_function(line: str) -> str:
    frames = [
        "Cell In[6], line 1\n----> 1 scores = score_all(X)\n",
        "Cell In[5], line 3, in score_all(data)\n      1 def score_all(data):\n"
        f"      2     w = np.ones(data.shape[1])\n----> 3     {line}\n",
    ]
    code = "import numpy as np\nscores = score_all(X)"
    return _hint("TypeError", "'function' object is not subscriptable", frames, code)


def test_a_module_function_in_brackets_is_told_parentheses():
    text = _indexed_in_function("return np.matmul[data, w]")
    assert "`np.matmul` is a function, indexed here" in text and "`np.matmul(...)`" in text, text
    assert "score_all()" in text and "method" not in text, text


def test_a_function_indexed_without_a_module_is_no_module_function():
    text = _indexed_in_function("return weights[0] * data")
    assert "np." not in text and "You index a method" not in text, text


# ---------------------------------------------- a text column ordered against a number


def _ordered(line: str) -> str:
    frames = [
        f"Cell In[8], line 3\n      1 n = 0\n      2 for i in range(len(df)):\n----> 3 {line}\n"
    ]
    code = f"n = 0\nfor i in range(len(df)):\n{line}\n        n += 1"
    return _hint(
        "TypeError", "'<' not supported between instances of 'str' and 'int'", frames, code
    )


def test_a_text_column_against_a_number_is_told_both_readings():
    text = _ordered('    if df.loc[i]["Port"] < 30:')
    assert "The column `Port` holds text" in text and "another column" in text, text
    assert "pd.to_numeric" in text, text


def test_two_columns_ordered_keep_the_generic_advice():
    text = _ordered('    if df.loc[i]["Port"] < 30 or df.loc[i]["Fare"] < 30:')
    assert "The column" not in text and "mixes text and numbers" in text, text
