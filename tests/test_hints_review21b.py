"""Review 21b: counter-cases to the conditions of fix wave 26d, where the new specific hint said
something false on a plausible crash (or a right hint was silenced), each paired with the case
the condition was made for.

Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions124 import _LABEL_FRAMES, _encoder_rerun

_SITE = "/opt/conda/lib/python3.10/site-packages"
_SK = f"{_SITE}/sklearn"

# ------------------------------- `fit(y, ...)` is right where the library takes the series first

_TEXT = ("ValueError", "could not convert string to float: 'Jan-2019'")


def test_a_forecaster_fitted_on_y_first_is_no_swap():
    # sktime and pmdarima take the series first: `fit(y, X=None, fh=None)`
    frames = (
        (f"{_SITE}/sktime/forecasting/base/_base.py", "BaseForecaster.fit"),
        (f"{_SITE}/pandas/core/generic.py", "NDFrame.astype"),
    )
    text = hint(crash(*_TEXT, "forecaster.fit(y_train, X_train)", frames))
    assert "as its first argument" not in text and "`fit(X, y)`" not in text, text


def test_an_sklearn_model_fitted_on_labels_first_is_still_told_to_swap():
    frames = ((f"{_SK}/ensemble/_forest.py", "fit"), (f"{_SITE}/numpy/core/_asarray.py", "asarray"))
    text = hint(crash(*_TEXT, "forest.fit(Y_train, X_train)", frames))
    assert "`Y_train`, the labels, as its first argument" in text, text


# ------------------------- one column read from a table with duplicate names is no whole table

_Y_2COL = ("ValueError", "y should be a 1d array, got an array of shape (891, 2) instead.")


def test_one_named_column_of_a_table_with_duplicate_names_is_not_told_to_encode_each_column():
    # `df['Sex']` is a frame of 2 columns when two columns are named 'Sex' (a concat run twice):
    # the line already encodes one column, as the hint would advise
    text = hint(crash(*_Y_2COL, "df['Sex'] = le.fit_transform(df['Sex'])", _LABEL_FRAMES))
    assert "encode each column apart" not in text, text


def test_a_column_encoded_in_place_in_a_loop_is_not_told_to_encode_each_column():
    text = hint(crash(*_Y_2COL, "    df[c] = le.fit_transform(df[c])", _LABEL_FRAMES))
    assert "encode each column apart" not in text, text


def test_a_list_of_columns_given_to_a_label_encoder_is_still_told_to_encode_each_column():
    text = hint(crash(*_Y_2COL, "codes = le.fit_transform(df[cat_cols])", _LABEL_FRAMES))
    assert "a table of 2 columns to a label encoder" in text, text


def test_a_whole_table_given_to_a_label_encoder_is_still_told_to_encode_each_column():
    text = hint(crash(*_Y_2COL, "df = le.fit_transform(df)", _LABEL_FRAMES))
    assert "a table of 2 columns to a label encoder" in text, text


def test_one_named_column_given_to_a_label_encoder_after_a_rerun_keeps_the_rerun():
    # one named column is a table only when the frame's names repeat, as a cell run twice
    # makes them: the re-run stays a cause
    finding = _encoder_rerun("codes = enc.fit_transform(cars['make'])", _LABEL_FRAMES)
    assert finding is not None and finding.decisive, finding


def test_a_whole_table_given_to_a_label_encoder_is_still_no_rerun():
    finding = _encoder_rerun("codes = enc.fit_transform(cars)", _LABEL_FRAMES)
    assert finding is None or not finding.decisive, finding


# --------------------------------- an array too large to build is not pickle's serialization

_ALLOC = (
    "MemoryError",
    "Unable to allocate 74.5 GiB for an array with shape (100000, 100000) and data type float64",
)


def test_an_array_built_on_the_pickling_line_is_not_blamed_on_pickle():
    text = hint(crash(*_ALLOC, "pickle.dump(np.random.rand(100000, 100000), f)"))
    assert "Saving with `pickle`" not in text and "joblib.dump" not in text, text


def test_pickling_a_model_out_of_memory_is_still_told_to_use_joblib():
    text = hint(crash("MemoryError", "", "pickle.dump(model, open('model.pkl', 'wb'))"))
    assert "Saving with `pickle` ran out of memory" in text, text
