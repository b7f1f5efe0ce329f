"""Saved notebooks: a crash whose cell shows [1] ran first in its kernel.

A NameError in a cell that shows [1] was raised before any other cell ran in that kernel (a new
kernel, or one just restarted): every name the other cells define is missing there, not only the
one the message names. Telling the user to run the one cell that defines it leaves the next
NameError for them to meet; Run All Above is what brings the kernel to the state the cell needs.
It is said only when the definer is above the crash (Run All Above runs it) and its own last run
did not fail (then that failure is what the hint must name).
"""

from __future__ import annotations

from tests.test_notebook_saved import run, saved

FIRST = "first to run in its kernel ([1]"
NP = ("NameError", "name 'np' is not defined")


def test_a_cell_that_ran_first_in_its_kernel_is_told_to_run_all_above():
    f = run(
        saved(["import numpy as np", "df = load()", "np.mean(df)"], [7, 8, 1], crash=3, error=NP)
    )
    assert FIRST in f.hint and "Run All Above" in f.hint
    assert "`np` from cell 1" in f.hint


def test_a_later_count_keeps_the_hint_that_names_the_one_cell():
    # [2]: one cell ran before this one in its kernel, so other names may well exist there
    f = run(
        saved(["import numpy as np", "df = load()", "np.mean(df)"], [7, 1, 2], crash=3, error=NP)
    )
    assert FIRST not in f.hint and "Run cell 1 first" in f.hint


def test_a_definer_below_the_crash_is_not_told_to_run_all_above():
    # Run All Above would not run cell 3
    f = run(saved(["a = 0", "print(x)", "x = 1"], [4, 1, 5], crash=2))
    assert FIRST not in f.hint and "Run cell 3 first" in f.hint


def test_a_definer_whose_run_failed_is_named_with_its_failure():
    tb = ["ValueError: bad value"]
    f = run(saved(["x = int('a')", "b = 2", "print(x)"], [5, 6, 1], crash=3, errors={1: tb}))
    assert FIRST not in f.hint and "failed (ValueError: bad value)" in f.hint


# --- NameError on a name no cell defines: the table of imports and removed scikit-learn names


def _nowhere(cells: list[str], name: str) -> str:
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose

    counts = list(range(1, len(cells) + 1))
    error = ("NameError", f"name '{name}' is not defined")
    return diagnose(saved(cells, counts, crash=len(cells), error=error)).hint


def test_a_library_written_by_its_own_name_is_told_to_import_it():
    hint = _nowhere(["a = [1, 2]", "m = numpy.mean(a)"], "numpy")
    assert "add `import numpy`" in hint


def test_a_library_imported_under_an_alias_is_told_the_alias():
    hint = _nowhere(["import pandas as pd", "df = pandas.read_csv('a.csv')"], "pandas")
    assert "imports it as `pd`" in hint and "import pandas`" not in hint


def test_a_statistics_test_is_told_its_import():
    hint = _nowhere(["a, b = 5, 10", "z, p = proportions_ztest(a, b)"], "proportions_ztest")
    assert "from statsmodels.stats.proportion import proportions_ztest" in hint


def test_a_removed_scikit_learn_function_is_told_what_replaced_it():
    hint = _nowhere(["import numpy as np", "plot_roc_curve(model, X, y)"], "plot_roc_curve")
    assert "`sklearn.metrics.plot_roc_curve`, removed in 1.2" in hint
    assert "RocCurveDisplay.from_estimator" in hint


def test_a_removed_function_the_notebook_imports_is_not_told_it_is_gone():
    # the import cell was skipped: running it is the fix on the scikit-learn it was written for
    error = ("NameError", "name 'plot_roc_curve' is not defined")
    cells = ["from sklearn.metrics import plot_roc_curve", "plot_roc_curve(model, X, y)"]
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose

    hint = diagnose(saved(cells, [None, 2], crash=2, error=error)).hint
    assert "removed in" not in hint and "Run cell 1 first" in hint


def test_a_removed_numpy_alias_written_bare_is_not_told_it_is_scikit_learns():
    hint = _nowhere(["import numpy as np", "x = asscalar(a)"], "asscalar")
    assert "scikit-learn" not in hint


def test_a_close_name_of_the_notebook_wins_over_a_removed_function():
    # `load_boston` one slip from the notebook's own `load_bostons`: the slip, not the release
    hint = _nowhere(["load_bostons = lambda: 1", "data = load_boston()"], "load_boston")
    assert "removed in" not in hint and "load_bostons" in hint
