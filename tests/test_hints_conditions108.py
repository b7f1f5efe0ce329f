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


def test_a_fitted_attribute_read_bare_is_told_to_read_it_from_its_object():
    hint = _nowhere(
        ["grid = GridSearchCV(model, grid_params)", "print(best_params_)"], "best_params_"
    )
    assert "scikit-learn sets it on a search" in hint and "`grid.best_params_`" in hint


def test_a_fitted_attribute_a_cell_assigns_is_told_to_run_that_cell():
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose

    cells = ["coef_ = model.coef_", "print(coef_)"]
    error = ("NameError", "name 'coef_' is not defined")
    hint = diagnose(saved(cells, [3, 2], crash=2, error=error)).hint
    assert "scikit-learn sets it" not in hint and "Run cell 1 first" in hint


def test_an_unknown_name_ending_in_an_underscore_is_no_fitted_attribute():
    hint = _nowhere(["a = 1", "print(total_)"], "total_")
    assert "scikit-learn" not in hint


# --- AttributeError: what pandas' accessors and Python 3's iterators have instead


def _attribute(message: str, line: str, frames=()) -> str:
    from tests.test_hints_args import crash, hint

    return hint(crash("AttributeError", message, line, list(frames)))


PANDAS = [("/opt/conda/lib/python3.11/site-packages/pandas/core/generic.py", "__getattr__")]


def test_a_dates_part_read_on_a_series_is_told_the_dt_accessor():
    hint = _attribute("'Series' object has no attribute 'month'", "m = df['d'].month", PANDAS)
    assert "`df['d'].dt.month`" in hint and "pd.to_datetime(df['d'])" in hint


def test_a_string_method_called_on_a_series_is_told_the_str_accessor():
    hint = _attribute("'Series' object has no attribute 'lower'", "t = s.lower()", PANDAS)
    assert "`s.str.lower(...)`" in hint


def test_a_string_method_read_without_a_call_is_not_told_the_str_accessor():
    hint = _attribute("'Series' object has no attribute 'title'", "print(s.title)", PANDAS)
    assert ".str." not in hint


def test_a_dates_part_on_a_dataframe_is_not_told_the_dt_accessor():
    # a frame has no `.dt`: `df.month` is more likely a column of another name
    hint = _attribute("'DataFrame' object has no attribute 'month'", "df.month", PANDAS)
    assert ".dt." not in hint


def test_next_called_as_a_method_of_an_iterator_is_told_the_builtin():
    message = "'_SingleProcessDataLoaderIter' object has no attribute 'next'"
    hint = _attribute(message, "images, labels = it.next()")
    assert "write `next(it)`" in hint


def test_next_read_on_an_object_that_is_no_iterator_is_not_told_the_builtin():
    hint = _attribute("'Node' object has no attribute 'next'", "n = node.next()")
    assert "next(node)" not in hint


# --- messages that state the fix, or whose allowed values hold it


def _typed(ename: str, message: str, line: str, frames=()) -> str:
    from tests.test_hints_args import crash, hint

    return hint(crash(ename, message, line, list(frames)))


def test_setting_one_label_of_a_pandas_index_is_told_to_rename_or_replace_it():
    frames = [("/x/pandas/core/indexes/base.py", "__setitem__")]
    hint = _typed(
        "TypeError", "Index does not support mutable operations", "df.index[0] = 5", frames
    )
    assert "df.rename(index={old: new})" in hint and "df.index = [...]" in hint


def test_another_immutable_object_is_not_told_about_pandas_index():
    hint = _typed("TypeError", "'tuple' object does not support item assignment", "t[0] = 5")
    assert "rename" not in hint


VALIDATE = [("/x/sklearn/utils/_param_validation.py", "validate_parameter_constraints")]


def test_an_allowed_value_one_slip_away_is_offered():
    message = (
        "The 'scoring' parameter of SequentialFeatureSelector must be None, a str among "
        "{'r2', 'accuracy', 'f1'}. Got 'acuracy' instead."
    )
    hint = _typed("InvalidParameterError", message, "sfs.fit(X, y)", VALIDATE)
    assert "did you mean `scoring='accuracy'`?" in hint


def test_a_renamed_value_is_told_its_new_name():
    message = (
        "The 'criterion' parameter of GradientBoostingRegressor must be a str among "
        "{'squared_error', 'friedman_mse'}. Got 'mse' instead."
    )
    hint = _typed("InvalidParameterError", message, "gb.fit(X, y)", VALIDATE)
    assert "old name of 'squared_error'" in hint


def test_a_value_near_none_of_the_allowed_ones_is_not_given_one():
    message = (
        "The 'criterion' parameter of DecisionTreeClassifier must be a str among "
        "{'gini', 'entropy', 'log_loss'}. Got 'best' instead."
    )
    hint = _typed("InvalidParameterError", message, "dt.fit(X, y)", VALIDATE)
    assert "did you mean" not in hint and "old name" not in hint


def test_a_number_out_of_range_is_not_given_a_name():
    message = (
        "The 'n_estimators' parameter of RandomForestClassifier must be an int in the range "
        "[1, inf). Got 0 instead."
    )
    hint = _typed("InvalidParameterError", message, "rf.fit(X, y)", VALIDATE)
    assert "did you mean" not in hint


def test_the_out_of_memory_tip_the_message_gives_is_passed_on():
    message = (
        "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 15.7 GiB "
        "of which 1.2 GiB is free. Of the allocated memory 12.1 GiB is allocated by PyTorch, and "
        "2.3 GiB is reserved by PyTorch but unallocated. If reserved but unallocated memory is "
        "large try setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid "
        "fragmentation."
    )
    frames = [("/x/torch/nn/modules/module.py", "_call_impl")]
    hint = _typed("OutOfMemoryError", message, "out = model(x)", frames)
    assert "PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True" in hint
    assert hint.count(". ") <= 2


def test_an_out_of_memory_message_without_the_tip_gets_none():
    message = "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 15.7 GiB total capacity)"
    frames = [("/x/torch/nn/modules/module.py", "_call_impl")]
    hint = _typed("RuntimeError", message, "out = model(x)", frames)
    assert "expandable_segments" not in hint


def _syntax(code: str, column: int) -> str:
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    tb = [
        "  Cell In[3], line 1",
        f"    {code}",
        " " * (4 + column) + "^",
        "SyntaxError: invalid syntax",
    ]
    record = {"ename": "SyntaxError", "evalue": "invalid syntax (1.py, line 1)", "traceback": tb}
    return diagnose(ErrorRecord.from_dict({**record, "code": code})).hint


def test_a_comma_in_a_from_imports_module_path_is_told_to_be_a_dot():
    hint = _syntax("from sklearn,linear_model import LinearRegression", 12)
    assert "`from sklearn.linear_model import ...`" in hint


def test_a_comma_in_the_imported_names_is_not_told_to_be_a_dot():
    hint = _syntax("from sklearn import linear_model,, tree", 32)
    assert "dots, not a comma" not in hint


def test_a_writer_whose_name_holds_iter_is_no_iterator():
    # `Writer` spells "iter" inside it: the type's name must end so
    hint = _attribute("'Writer' object has no attribute 'next'", "w.next()")
    assert "next(w)" not in hint


def test_a_name_read_as_its_own_attribute_is_no_column_of_itself():
    # `history.history['loss']` with `history = model.fit(...)` never run: the object is missing
    cells = ["model = make()", "plt.plot(history.history['loss'])"]
    hint = _nowhere(cells, "history")
    assert "attribute of `history`" not in hint and "no variable here" not in hint


def test_a_standard_library_module_that_fails_to_load_is_not_told_to_pip_install_it():
    message = "DLL load failed while importing _sqlite3: The specified module could not be found."
    frames = [("C:\\Anaconda3\\lib\\sqlite3\\dbapi2.py", "<module>")]
    hint = _typed("ImportError", message, "import sqlite3", frames)
    assert "pip install" not in hint and "Python's own `sqlite3`" in hint


def test_a_package_that_fails_to_load_is_still_told_to_reinstall_it():
    message = "DLL load failed while importing _arpack: The specified procedure could not be found."
    frames = [
        (
            "C:\\Anaconda3\\lib\\site-packages\\scipy\\sparse\\linalg\\_eigen\\arpack\\arpack.py",
            "<module>",
        )
    ]
    hint = _typed("ImportError", message, "from scipy.sparse.linalg import eigs", frames)
    assert "--force-reinstall scipy" in hint
