"""Hints whose claim did not hold on the crash (wave 25b): scikit-learn 1.6's `__sklearn_tags__`
missing in an older model library read as a variable's type, a search's own attribute misspelt
sent to its best model, old scikit-learn's "not available when  probability=False" (two spaces)
missed, VS Code's disposed notebook controller read as a line's error, a column dropped when its
frame was made read as a spelling slip, `np.stack` offered for arrays of any shape, and pandas'
"non-unique label" slice bound read as a missing label.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

SK = "~/.venv/lib/python3.12/site-packages/sklearn"
PD = "~/.venv/lib/python3.12/site-packages/pandas"

# ------------------------------------- scikit-learn 1.6's tags asked of an older model library

_TAGS = "'super' object has no attribute '__sklearn_tags__'"
_TAG_FRAMES = (
    (f"{SK}/base.py", "BaseEstimator._repr_html_inner"),
    (f"{SK}/utils/validation.py", "check_is_fitted"),
    (f"{SK}/utils/_tags.py", "get_tags"),
    (f"{SK}/base.py", "ClassifierMixin.__sklearn_tags__"),
)


def test_missing_sklearn_tags_under_an_old_plugin_library_is_told_to_upgrade_it():
    code = "from lightgbm import LGBMClassifier\nclf = LGBMClassifier()\nclf.fit(X, y)"
    text = hint(crash("AttributeError", _TAGS, "clf.fit(X, y)", _TAG_FRAMES, code=code))
    assert "`lightgbm` is too old" in text and "scikit-learn<1.6" in text, text
    assert "what type the variable" not in text, text


def test_missing_sklearn_tags_of_an_own_class_is_told_the_order_of_its_bases():
    code = (
        "class Mean(BaseEstimator, ClassifierMixin):\n    def fit(self, X, y):\n"
        "        return self\nm = Mean().fit(X, y)"
    )
    text = hint(crash("AttributeError", _TAGS, "m = Mean().fit(X, y)", _TAG_FRAMES, code=code))
    assert "your class `Mean`" in text and "`BaseEstimator` last" in text, text
    assert "too old" not in text, text


def test_a_super_without_an_attribute_outside_sklearns_tags_is_no_version_story():
    message = "'super' object has no attribute 'forward'"
    text = hint(crash("AttributeError", message, "out = net(x)", code="out = net(x)"))
    assert "__sklearn_tags__" not in text and "scikit-learn<1.6" not in text, text


# ------------------------------------------------------- a search's own attribute misspelt


def test_a_misspelt_search_attribute_is_told_the_searchs_own_name():
    code = "search = GridSearchCV(SVC(), grid, cv=5)\nsearch.fit(X, y)\nsearch.best_score"
    message = "'GridSearchCV' object has no attribute 'best_scores_'"
    text = hint(crash("AttributeError", message, "search.best_scores_", code=code))
    assert "`search.best_score_`" in text and "best_estimator_" not in text, text


def test_a_models_attribute_on_a_search_is_still_sent_to_its_best_model():
    code = "search = GridSearchCV(Ridge(), grid, cv=5)\nsearch.fit(X, y)\nsearch.coef_"
    message = "'GridSearchCV' object has no attribute 'coef_'"
    text = hint(crash("AttributeError", message, "search.coef_", code=code))
    assert "`search.best_estimator_.coef_`" in text, text


# ------------------------------------ old scikit-learn's "not available when  probability=False"


def _proba(message: str) -> str:
    frames = ((f"{SK}/svm/base.py", "_check_proba"),)
    line = "scores = svm.predict_proba(X_val)"
    return hint(crash("AttributeError", message, line, frames, code=line))


def test_old_sklearns_two_spaced_probability_message_is_told_to_refit_with_it():
    text = _proba("predict_proba is not available when  probability=False")
    assert "`probability=True`" in text and "Check the inputs" not in text, text


def test_another_unavailable_method_message_is_not_told_about_probability():
    text = _proba("predict_proba is not available for this kernel")
    assert "probability=True" not in text, text


# ------------------------------------------------- VS Code's disposed notebook controller


def _no_traceback(lines: list[str]) -> str:
    return diagnose(ErrorRecord(ename="", evalue="", traceback=tuple(lines), code="x = 1")).hint


def test_a_disposed_notebook_controller_is_no_error_of_the_line():
    text = _no_traceback(["notebook controller is DISPOSED.", "View Jupyter log for details."])
    assert "Select the kernel again" in text and "marked line raised" not in text, text


def test_another_vs_code_message_is_not_a_disposed_controller():
    text = _no_traceback(["The notebook took too long to save. View Jupyter log for details."])
    assert "Select the kernel again" not in text, text


# ------------------------------------------- a column dropped when its frame was made


def _sorted_by(code: str) -> str:
    line = "small.sort_values(by='height', ascending=False)"
    frames = ((f"{PD}/core/frame.py", "sort_values"), (f"{PD}/core/generic.py", "_get_label"))
    return hint(crash("KeyError", "'height'", line, frames, code=f"{code}\n{line}"))


def test_a_frame_made_by_dropping_the_column_is_told_where_the_column_is():
    text = _sorted_by("small = people.drop('height', axis=1)")
    assert "`small` was made by `people.drop(...)`" in text and "`people`" in text, text
    assert "check spelling" not in text, text


def test_a_frame_made_by_dropping_another_column_is_no_drop_story():
    text = _sorted_by("small = people.drop('weight', axis=1)")
    assert "was made by" not in text, text


def test_a_frame_dropped_from_and_then_remade_is_no_drop_story():
    text = _sorted_by("small = people.drop('height', axis=1)\nsmall = people.copy()")
    assert "was made by" not in text, text


# ---------------------------------------------------- np.stack for arrays of any shape


def test_an_array_stack_method_names_the_joins_that_take_other_shapes():
    message = "'numpy.ndarray' object has no attribute 'stack'"
    text = hint(crash("AttributeError", message, "both = left.stack(right)"))
    assert "`np.stack((left, right))` needs arrays of the same shape" in text, text
    assert "`np.hstack((left, right))`" in text, text


def test_another_missing_array_method_is_still_told_its_function():
    message = "'numpy.ndarray' object has no attribute 'hstack'"
    text = hint(crash("AttributeError", message, "both = left.hstack(right)"))
    assert "call `np.hstack((left, right))` instead" in text, text


# ------------------------------------------ pandas' non-unique slice bound is no missing label


def _loc_slice(message: str) -> str:
    line = "temps.set_index('reading').loc[10:20]"
    frames = (
        (f"{PD}/core/indexing.py", "_LocIndexer._get_slice_axis"),
        (f"{PD}/core/indexes/base.py", "Index.get_slice_bound"),
    )
    return hint(crash("KeyError", message, line, frames))


def test_a_non_unique_unsorted_slice_bound_is_told_to_sort_the_index():
    text = _loc_slice("'Cannot get right slice bound for non-unique label: 20'")
    assert "more than once and is not sorted" in text and ".sort_index()" in text, text
    assert "not there" not in text, text


def test_a_missing_label_in_a_slice_is_not_told_to_sort():
    text = _loc_slice("10")
    assert "sort_index" not in text, text
