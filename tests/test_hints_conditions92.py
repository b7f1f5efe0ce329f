"""Undefined-name and import hints whose claim did not hold on the crash (session 19a): a
submodule every release of its package has, a `.` typed as `,` before an attribute, a name
alone on a line that nothing else mentions.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions46 import _hint as _nb_hint
from tests.test_hints_conditions46 import _not_defined

# ------------------------------------------- a submodule that every release of its package has


def test_a_missing_submodule_every_version_has_is_a_shadow_or_a_broken_install():
    text = hint(crash("ModuleNotFoundError", "No module named 'scipy.stats'", "import scipy.stats"))
    assert "Every `scipy` has `scipy.stats`" in text and "scipy.__file__" in text, text
    assert "another version" not in text, text


def test_a_missing_submodule_added_in_later_versions_keeps_the_version_hint():
    message = "No module named 'sklearn.impute'"
    text = hint(crash("ModuleNotFoundError", message, "from sklearn.impute import SimpleImputer"))
    assert "Every `sklearn`" not in text, text


# ------------------------------------------------------ `X, shape[0]`: a `.` typed as a comma

SGD_LOOP = "for j in range(X, size[0]):\n    fit(X[j])\n    seen = j + X.size[0]"


def test_a_name_after_a_comma_that_is_an_attribute_elsewhere_is_a_dot_typed_as_comma():
    cells = [("X = load()", 1, None), (SGD_LOOP, 2, None)]
    line = "for j in range(X, size[0]):"
    text = _nb_hint("NameError", _not_defined("size"), cells, 1, line, 2)
    assert "write `X.size`" in text, text


def test_a_name_after_a_comma_never_read_as_an_attribute_keeps_the_plain_hint():
    cells = [("X = load()", 1, None), ("for j in range(X, size[0]):\n    fit(X[j])", 2, None)]
    line = "for j in range(X, size[0]):"
    text = _nb_hint("NameError", _not_defined("size"), cells, 1, line, 2)
    assert "X.size" not in text, text


# ------------------------------------------------------ a name alone on a line, mentioned nowhere

PLOT = "ax.set_xlabel('w')\nqwz\nax.legend()"


def test_a_bare_name_mid_cell_that_nothing_else_mentions_may_be_stray_text():
    cells = [("fig, ax = plt.subplots()", 1, None), (PLOT, 2, None)]
    text = _nb_hint("NameError", _not_defined("qwz"), cells, 1, "qwz", 2, lineno=2)
    assert "delete the line" in text, text


def test_a_bare_name_as_the_cells_last_line_displays_a_value_and_is_not_called_stray():
    cells = [("fig, ax = plt.subplots()", 1, None), ("ax.set_xlabel('w')\nqwz", 2, None)]
    text = _nb_hint("NameError", _not_defined("qwz"), cells, 1, "qwz", 2, lineno=2)
    assert "delete the line" not in text, text


# ------------------------------------------- a later cell that reads the name before binding it


def _later_definer_hint(definer: str) -> str:
    cells = [
        ("df = load()", 1, None),
        ("late = flights[flights.delay > 0]", 2, None),
        (definer, None, None),
    ]
    return _nb_hint("NameError", _not_defined("flights"), cells, 1, cells[1][0], 2)


def test_a_later_cell_that_reads_the_name_before_binding_it_is_not_the_cell_to_run():
    text = _later_definer_hint("flights = flights[flights.gate != 'X']")
    assert "Run cell 3 first" not in text, text
    made = _later_definer_hint("flights = df[df.gate != 'X']")  # creates it: still the cell
    assert "Run cell 3 first: it defines `flights`" in made, made


# ----------------------------------------- a function's own result, read before it assigns it

FILTERS = (
    "def get_filters(im):\n"
    "    ky = np.ones((3, 3))\n"
    "    kx = fy.T\n"
    "    fx = im * kx\n"
    "    fy = im * ky\n"
    "    return fx, fy"
)
UNBOUND = "cannot access local variable 'fy' where it is not associated with a value"


def _filters_hint(setup: str) -> str:
    inner = (1, "get_filters", FILTERS.splitlines(), 3)
    cells = [(FILTERS, 1, None), (setup, 2, None)]
    line = "fx, fy = get_filters(im)"
    return _nb_hint("UnboundLocalError", UNBOUND, cells, 1, line, 2, inner=inner, lineno=2)


def test_a_read_of_the_functions_own_result_has_no_outer_value_to_pass_in():
    text = _filters_hint("im = load()\nfx, fy = get_filters(im)")
    assert "only that function's result" in text and "global" not in text, text


def test_a_name_the_notebook_also_sets_at_top_level_keeps_the_pass_it_in_hint():
    text = _filters_hint("im = load()\nfy = np.eye(3)\nfx, fy = get_filters(im)")
    assert "only that function's result" not in text, text


# --------------------------------------------- an import the saved cell no longer has

NO_IDENT = "No module named 'identifierz'"


def _import_hint(saved: str) -> str:
    return hint(crash("ModuleNotFoundError", NO_IDENT, "import identifierz", code=saved))


def test_an_unknown_import_gone_from_the_saved_cell_is_an_old_run_not_an_install():
    text = _import_hint("import keyword\nkeyword.kwlist\nimport functools")
    assert "no longer imports `identifierz`" in text and "pip install" not in text, text
    kept = _import_hint("x = 1\nimport identifierz")  # still there: the install hint stays
    assert "no longer imports" not in kept, kept


# ------------------------------------ `img.shape` read in a function that takes `img_shape`

CURVE = "def curve(fit, img_shape):\n    mid = img_shape[1] / 2\n    return fit[0] * img.shape[0]"


def test_an_attribute_of_a_name_the_function_takes_as_a_parameter_is_that_parameter():
    inner = (1, "curve", CURVE.splitlines(), 3)
    cells = [(CURVE, 1, None), ("def load():\n    img = read()\n    return img", 2, None)]
    cells.append(("r = curve(f, img_shape=(4, 4))", 3, None))
    line = cells[2][0]
    text = _nb_hint("NameError", _not_defined("img"), cells, 2, line, 3, inner=inner)
    assert "takes `img_shape`" in text and "return it" not in text, text
    plain = CURVE.replace("img_shape", "size")  # no parameter named after `img.shape`
    cells[0] = (plain, 1, None)
    inner = (1, "curve", plain.splitlines(), 3)
    other = _nb_hint("NameError", _not_defined("img"), cells, 2, line, 3, inner=inner)
    assert "takes `" not in other, other


# ---------------------- a line copied from a function, beside a top-level definer never run

P_LINE = "p = 1 - cdf(abs(t), df=9)"
TTEST = f"def ttest(a, b):\n    t = (a.mean() - b.mean()) / 2\n    {P_LINE}\n    return p"


def test_a_skipped_top_level_definer_above_comes_before_a_functions_copy():
    cells = [("a, b = load()", 1, None), ("t = (a.mean() - b.mean()) / 2", None, None)]
    cells += [(TTEST, 2, None), (P_LINE, 3, None)]
    text = _nb_hint("NameError", _not_defined("t"), cells, 3, P_LINE, 3)
    assert "Run cell 2 first: it defines `t`" in text and "a copy" not in text, text
    del cells[1]  # no top-level `t` anywhere: the copied line's own story stays
    copy = _nb_hint("NameError", _not_defined("t"), cells, 2, P_LINE, 3)
    assert "a copy of one in `ttest()`" in copy, copy


# ------------------------------ a library's private global read before its setup assigned it

LIB_FRAME = ("/opt/conda/lib/python3.11/site-packages/clusterkit/core.py", "fit_model")


def _private_hint(read: str) -> str:
    """The hint of a library's ``read`` line failing on its unset `_registry`."""
    path, function = LIB_FRAME
    tb = (
        "-" * 75,
        "NameError                                 Traceback (most recent call last)",
        "Cell In[3], line 1\n----> 1 m = fit_model('kmeans')\n",
        f"File {path}:40, in {function}(name)\n---> 40 {read}\n",
        "NameError: name '_registry' is not defined",
    )
    record = ErrorRecord(
        ename="NameError",
        evalue="name '_registry' is not defined",
        traceback=tb,
        code="m = fit_model('kmeans')",
    )
    return hint(parse(record))


def test_a_private_global_a_library_reads_may_wait_for_its_setup_function():
    text = _private_hint("names = set(_registry.keys())")
    assert "setup or init function" in text and "is broken" not in text, text
    called = _private_hint("meta = _registry(fig)")  # a private function called: a broken build
    assert "setup or init function" not in called, called
