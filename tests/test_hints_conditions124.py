"""Value, feature-name and plotting hints whose claim did not hold on the crash (session
w26d): a model's `fit` given the labels first, a label encoder given a whole table (no re-run
explains it), one column selected for a model fitted with more, a date axis with nothing on it.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import dataclasses

from tests.test_hints_args import crash, hint

_SK = "/opt/conda/lib/python3.10/site-packages/sklearn"
_NP = "/opt/conda/lib/python3.10/site-packages/numpy/core/_asarray.py"

# ------------------------------------------------------------ `fit` given the labels first

_TEXT = ("ValueError", "could not convert string to float: 'spam'")
_FIT_FRAMES = ((f"{_SK}/ensemble/_forest.py", "fit"), (_NP, "asarray"))


def test_labels_passed_first_to_fit_are_told_to_swap():
    text = hint(crash(*_TEXT, "clf.fit(y_tr, X_tr)", _FIT_FRAMES))
    assert "`y_tr`, the labels, as its first argument" in text and "`fit(X, y)`" in text, text
    assert "pd.to_numeric" not in text, text


def test_features_passed_first_to_fit_keep_the_cleaning_hint():
    text = hint(crash(*_TEXT, "clf.fit(X_tr, y_tr)", _FIT_FRAMES))
    assert "as its first argument" not in text, text


def test_two_label_names_given_to_fit_are_no_swap():
    text = hint(crash(*_TEXT, "clf.fit(y_tr, y_te)", _FIT_FRAMES))
    assert "as its first argument" not in text, text


# ---------------------------------------------------------- a label encoder given a table

_Y_2D = ("ValueError", "y should be a 1d array, got an array of shape (500, 6) instead.")
_LABEL_FRAMES = (
    (f"{_SK}/preprocessing/_label.py", "LabelEncoder.fit_transform"),
    (f"{_SK}/utils/validation.py", "column_or_1d"),
)


def test_a_table_given_to_a_label_encoder_is_told_to_encode_each_column():
    text = hint(crash(*_Y_2D, "enc.fit_transform(cars)", _LABEL_FRAMES))
    assert "a table of 6 columns to a label encoder" in text and "OrdinalEncoder" in text, text


def test_a_model_given_a_two_column_y_keeps_the_target_hint():
    frames = ((f"{_SK}/linear_model/_logistic.py", "fit"), *_LABEL_FRAMES[1:])
    text = hint(crash(*_Y_2D, "clf.fit(X, labels)", frames))
    assert "label encoder" not in text and "6 columns" in text, text


def _encoder_rerun(line: str, frames):
    from tests.test_notebook_saved import run, saved

    sources = ["cars = load()", line, "cars.drop(['price'], axis=1, inplace=True)"]
    record = saved(sources, [1, 5, 4], crash=2, error=_Y_2D)
    below = [
        f"File {path}:10, in {function}(*args, **kwargs)\n---> 10 return impl()\n"
        for path, function in frames
    ]
    traceback = tuple(record.traceback[:-1]) + tuple(below) + (record.traceback[-1],)
    return run(dataclasses.replace(record, traceback=traceback))


def test_a_label_encoder_given_a_table_is_no_rerun():
    finding = _encoder_rerun("codes = enc.fit_transform(cars)", _LABEL_FRAMES)
    assert finding is None or not finding.decisive, finding


def test_a_model_given_a_table_as_y_keeps_the_rerun():
    frames = ((f"{_SK}/linear_model/_logistic.py", "fit"), *_LABEL_FRAMES[1:])
    finding = _encoder_rerun("clf.fit(X, cars)", frames)
    assert finding is not None and finding.decisive, finding
    assert "changed `cars`" in finding.hint, finding


# ------------------------------------- one column selected for a model fitted with more

_NAMES = (
    "ValueError",
    "The feature names should match those that were passed during fit.\n"
    "Feature names seen at fit time, yet now missing:\n- rooms\n- year\n",
)
_PREDICT_FRAMES = (
    (f"{_SK}/linear_model/_base.py", "LinearModel.predict"),
    (f"{_SK}/base.py", "BaseEstimator._check_feature_names"),
)


def test_one_column_given_to_a_model_fitted_with_more_is_named():
    text = hint(crash(*_NAMES, "ys = model.predict(homes[[col]])", _PREDICT_FRAMES))
    assert "passes one column (`homes[[col]]`)" in text and "missing: rooms, year" in text, text


def test_a_whole_table_lacking_columns_keeps_the_build_hint():
    text = hint(crash(*_NAMES, "ys = model.predict(homes_new)", _PREDICT_FRAMES))
    assert "passes one column" not in text, text


def test_one_column_unseen_at_fit_time_is_no_subset():
    names = (
        "ValueError",
        "The feature names should match those that were passed during fit.\n"
        "Feature names unseen at fit time:\n- size\n"
        "Feature names seen at fit time, yet now missing:\n- area\n",
    )
    text = hint(crash(*names, "ys = model.predict(homes[['size']])", _PREDICT_FRAMES))
    assert "passes one column" not in text, text


# ------------------------------------------------------- a date axis with nothing on it

_MPL = "/opt/conda/lib/python3.10/site-packages/matplotlib/dates.py"


def _date_axis(low: str) -> str:
    message = (
        f"view limit minimum {low} is less than 1 and is an invalid Matplotlib date value. "
        "This often happens if you pass a non-datetime value to an axis that has datetime units"
    )
    return hint(crash("ValueError", message, "plt.show()", ((_MPL, "viewlim_to_dt"),)))


def test_an_empty_date_axis_is_told_to_check_for_no_data():
    text = _date_axis("-0.001")
    assert "no range of x values" in text and "all NaN" in text, text
    assert "pd.to_datetime" not in text, text


def test_numbers_on_a_date_axis_keep_the_conversion_hint():
    text = _date_axis("-0.45")
    assert "no finite point" not in text and "pd.to_datetime" in text, text


# ------------------------------------------------- a callable metric that returns an array

_SEQ = ("ValueError", "setting an array element with a sequence.")


def test_a_pairwise_callable_returning_an_array_is_told_to_return_one_number():
    frames = (
        (f"{_SK}/metrics/pairwise.py", "pairwise_distances"),
        (f"{_SK}/metrics/pairwise.py", "_pairwise_callable"),
    )
    text = hint(crash(*_SEQ, "d = pairwise_distances(A, metric=lambda u, v: u - v)", frames))
    assert "must return one number" in text and "np.linalg.norm" in text, text


def test_another_library_building_an_array_keeps_the_ragged_hint():
    frames = ((f"{_SK}/utils/validation.py", "check_array"),)
    text = hint(crash(*_SEQ, "d = pairwise_distances(rows)", frames))
    assert "must return one number" not in text, text


# --------------------------------------------------------- pickling runs out of memory


def test_pickling_out_of_memory_is_told_to_use_joblib():
    text = hint(crash("MemoryError", "", "pickle.dump(forest, open('forest.pkl', 'wb'))"))
    assert "Saving with `pickle` ran out of memory" in text and "joblib.dump" in text, text
    assert "float32" not in text, text


def test_loading_out_of_memory_keeps_the_data_hint():
    text = hint(crash("MemoryError", "", "big = pickle.load(open('forest.pkl', 'rb'))"))
    assert "Saving with `pickle`" not in text and "sample or in chunks" in text, text
