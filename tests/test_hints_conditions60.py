"""Speak-only-when pairs for wave 10's conditions that a review found false on crashes they let
through (each crash written here by hand, in the libraries' and Python's own wording):

- A RangeIndex without a negative label (`s[-1]`): pandas read -1 as a label, no row count or
  later start is to blame; a positive one names a slice's step too (`[::2]`).
- pandas' "Passing list-likes … missing labels" from a Series' `y[idx]`: its index, it has no
  columns; a line of several lookups (`X[idx], y[idx]`) names none of them.
- A loop's unpacking look when the line also assigns to several names (that unpacking may
  be the one that failed); a dict's or a DataFrame's items are
  keys or column names, which no unpacking or indexing of them fixes.
- A one-value function's parameter that the single argument of the call does not bind (a
  later parameter, given its default): no "apply it per value".
- A Pipeline ending in a clusterer or an embedding (DBSCAN, TSNE), transformed: it has no
  `predict` to use instead.
- An OpenCV read loop that never tests its flag, when the failing line uses another image
  than the loop's frame: no "break at the video's end".
- `arr.where(cond, 0)`: NumPy's `np.where(cond, x, y)` takes the condition first, so the
  call's arguments are not kept in their order.
"""

from __future__ import annotations

from tests.test_hints_conditions58 import _AMBIGUOUS, _BOOL, _IS_LARGE, _NAN_FRAMES
from tests.test_hints_conditions58 import _hint as hint58
from tests.test_hints_conditions59 import (
    _LIST_LIKES,
    _MULTICLASS,
    _PIPELINE,
    _RANGE,
    _SERIES,
    _UNKNOWN_LABEL,
    _VALIDATE,
    _ipython7,
)

SITE = "/usr/local/lib/python3.10/dist-packages"

# ------------------------------------------------------- a RangeIndex and a negative label


def test_a_negative_label_of_a_range_index_is_no_row_count():
    code = "import pandas as pd\nlast = df['close'][-1]"
    text = _ipython7("KeyError", "-1", code, [_SERIES, _RANGE])
    assert "fewer rows" not in text and "RangeIndex" not in text, text
    assert "`.iloc[-1]`" in text, text


def test_a_positive_label_of_a_range_index_names_a_slices_step():
    code = "import pandas as pd\nname = df['path'][83].split('/')[-1]"
    text = _ipython7("KeyError", "83", code, [_SERIES, _RANGE])
    assert "RangeIndex" in text and "`[::2]` steps by 2" in text, text


# ------------------------------------------------ a Series' list of labels: its index

_SERIES_LIST = (f"{SITE}/pandas/core/series.py", "__getitem__", ["return self._get_with(key)"], 0)
_FRAME_LIST = (f"{SITE}/pandas/core/frame.py", "__getitem__", ["indexer = self.loc._get_x"], 0)


def test_a_series_list_lookup_names_its_index_not_columns():
    code = "y_train = y[train_idx]"
    text = _ipython7("KeyError", _LIST_LIKES, code, [_SERIES_LIST, _VALIDATE])
    assert "columns" not in text, text
    assert "Some labels in `train_idx` are not in `y.index`" in text, text


def test_a_frames_list_lookup_keeps_its_columns():
    code = "X = df[features]"
    text = _ipython7("KeyError", _LIST_LIKES, code, [_FRAME_LIST, _VALIDATE])
    assert "Some labels in `features` are not in `df.columns`" in text, text


def test_a_line_of_several_lookups_names_no_one_of_them():
    code = "X_tr, y_tr = X[idx], y[idx]"
    text = _ipython7("KeyError", _LIST_LIKES, code, [_SERIES_LIST, _VALIDATE])
    assert "`X.index`" not in text and "`X.columns`" not in text, text
    assert "Series' index" in text, text


# ------------------------------------------------ a loop's unpacking beside another one


def test_an_assignments_unpacking_of_a_comprehension_is_not_the_loops():
    cell = "names, ages = [(n, a) for n, a in people]"
    text = hint58("ValueError", "too many values to unpack", cell)
    assert "`for n, a in people`" not in text, text


def test_a_dicts_items_are_keys_no_unpacking_fixes():
    # (the old wording without counts, which no other rule reads)
    text = hint58(
        "ValueError",
        "too many values to unpack",
        "for k, v in prices: print(k, v)",
        cells=("prices = {'apple': 3, 'pear': 2}",),
    )
    assert "next(iter(prices))" not in text, text


def test_a_loop_over_rows_with_the_count_expected_still_speaks():
    text = hint58(
        "ValueError",
        "not enough values to unpack",
        "for n, price in menu: print(n, price)",
        cells=("menu = [('tea', 2), ('cake',)]",),
    )
    assert "`for n, price in menu`" in text and "next(iter(menu))" in text, text


# ------------------------------------------------ a one-value function's later parameter

_LATER = ("def is_large(x, v=limits):", "    if v > 100:", "        return 'big'", "    return 0")


def test_a_later_parameter_is_not_bound_by_the_one_argument():
    own = ("is_large(x, v=limits)", _LATER, 2)
    text = hint58("ValueError", _AMBIGUOUS, "is_large(sales['amount'])", _BOOL, own=own)
    assert ".apply(is_large)" not in text and "passes a whole" not in text, text


def test_the_first_parameter_is_still_applied_per_value():
    own = ("is_large(v)", _IS_LARGE, 2)
    text = hint58("ValueError", _AMBIGUOUS, "is_large(sales['amount'])", _BOOL, own=own)
    assert "`sales['amount'].apply(is_large)`" in text, text


# ------------------------------------------------ NumPy functions that take the array later


def _array_method(attr, line):
    message = f"'numpy.ndarray' object has no attribute '{attr}'"
    return hint58("AttributeError", message, f"v = np.arange(5)\n{line}")


def test_where_keeps_no_arguments_in_the_methods_order():
    text = _array_method("where", "w = v.where(v > 2, 0)")
    assert "np.where(v, v > 2" not in text and "`np.where(...)`" in text, text


def test_a_sequence_function_still_keeps_its_operands():
    text = _array_method("hstack", "w = v.hstack(v)")
    assert "`np.hstack((v, v))`" in text, text


# ------------------------------------------------ an unchecked read loop, another image failed

_EMPTY = (
    "OpenCV(4.8.0) /io/opencv/modules/imgproc/src/color.cpp:182: error: (-215:Assertion "
    "failed) !_src.empty() in function 'cvtColor'"
)
_LOOP = (
    "cap = cv2.VideoCapture('clip.mp4')\nwhile cap.isOpened():\n    ret, frame = cap.read()\n"
    "    out.write(frame)\n"
)


def test_an_image_read_after_the_loop_is_not_the_loops_frame():
    cell = (
        _LOOP + "img = cv2.imread('frames/0001.jpg')\ngray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)"
    )
    text = hint58("error", _EMPTY, cell)
    assert "`if not ret: break`" not in text and "end of the video" not in text, text


def test_the_loops_own_frame_still_gets_the_break():
    cell = _LOOP + "    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)"
    text = hint58("error", _EMPTY, cell)
    assert "`if not ret: break`" in text, text


# ------------------------------------------------ a Pipeline ending in an estimator without predict


def _pipeline_ending_in(step: str) -> str:
    code = (
        "from sklearn.pipeline import make_pipeline\n"
        f"pipe = make_pipeline(StandardScaler(), {step}())\nlabels = pipe.fit_transform(X)"
    )
    message = f"'{step}' object has no attribute 'transform'"
    return _ipython7("AttributeError", message, code, [_PIPELINE])


def test_a_pipeline_ending_in_a_clusterer_is_told_no_predict():
    text = _pipeline_ending_in("DBSCAN")
    assert "`pipe.predict(...)`" not in text, text


def test_a_pipeline_ending_in_a_classifier_still_is_told_predict():
    text = _pipeline_ending_in("LogisticRegression")
    assert "`pipe.predict(...)`" in text, text


# ------------------------------------------------ columns side by side, none of them filtered


def _side_by_side(*made: str) -> str:
    cell = "mean_absolute_error(both['true'], both['guess'])"
    return hint58("ValueError", "Input contains NaN.", cell, _NAN_FRAMES, cells=made)


def test_a_whole_column_read_as_it_is_is_not_misaligned():
    text = _side_by_side(
        "df = pd.read_csv('sales.csv')",
        "both = pd.DataFrame({'true': df['price'], 'guess': pd.Series(guess)})",
    )
    assert "lines them up by index" not in text, text


def test_a_split_part_side_by_side_is_still_told_its_alignment():
    text = _side_by_side(
        "X_train, X_valid, y_train, y_valid = train_test_split(X, y)",
        "both = pd.DataFrame({'true': y_valid, 'guess': pd.Series(guess)})",
    )
    assert "lines them up by index" in text, text


def test_a_filtered_column_side_by_side_is_still_told_its_alignment():
    text = _side_by_side(
        "recent = df[df['year'] > 2015]",
        "both = pd.DataFrame({'true': recent['price'], 'guess': pd.Series(guess)})",
    )
    assert "lines them up by index" in text, text


# ------------------------------------------------ stratified labels that are fractions already

_FIT = (f"{SITE}/sklearn/linear_model/_logistic.py", "fit", ["y = self._validate_data(X, y)"], 0)


def test_half_step_ratings_stratified_are_not_blamed_on_a_step():
    # ratings 3.5, 4.0, 4.5 read as they are: no step made them non-integer
    code = (
        "df = pd.read_csv('wine.csv')\ny = df['rating']\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y)\n"
        "clf = LogisticRegression()\nclf.fit(X_train, y_train)"
    )
    text = _ipython7("ValueError", _UNKNOWN_LABEL, code, [_FIT, _MULTICLASS])
    assert "`LabelEncoder().fit_transform(...)`" in text and "use a regressor" not in text, text
