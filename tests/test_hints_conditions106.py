"""Hints whose claim did not hold on the crash (wave 22c): `tf.concat` given a tensor as its
axis, `.join(..., on=...)` against the other frame's index, an encoder given a continuous
column, a whole frame's values converted with a date column among them, a model output with
more axes than the labels, and columns added with `+` where one holds text.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and
the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

_SITE = "/opt/conda/lib/python3.10/site-packages"
_TF_CONCAT = (
    (f"{_SITE}/tensorflow/python/ops/array_ops.py", "concat"),
    (f"{_SITE}/tensorflow/python/framework/tensor_shape.py", "assert_is_compatible_with"),
)
_PD_MERGE = (
    (f"{_SITE}/pandas/core/frame.py", "join"),
    (f"{_SITE}/pandas/core/reshape/merge.py", "merge"),
    (f"{_SITE}/pandas/core/reshape/merge.py", "_maybe_coerce_merge_keys"),
)
_MERGE_MESSAGE = (
    "You are trying to merge on object and int64 columns. If you wish to proceed you should "
    "use pd.concat"
)
_ENCODER = ((f"{_SITE}/sklearn/preprocessing/_encoders.py", "_transform"),)
_KERAS_TARGET = ((f"{_SITE}/keras/engine/training.py", "_standardize_input_data"),)
_PD_ADD = (
    (f"{_SITE}/pandas/core/ops/common.py", "new_method"),
    (f"{_SITE}/pandas/core/arraylike.py", "__add__"),
    (f"{_SITE}/pandas/core/ops/array_ops.py", "_masked_arith_op"),
)

# ------------------------------------------------- tf.concat given a tensor as its axis


def test_tf_concat_of_two_tensors_is_told_to_pass_a_list_and_an_axis():
    text = hint(
        crash(
            "ValueError",
            "Shapes (3,) and () are incompatible",
            "joined = tf.concat(left, right)",
            _TF_CONCAT,
        )
    )
    assert "`tf.concat([left, right], axis=0)`" in text and "read as the axis" in text, text


def test_tf_concat_of_a_list_is_not_told_about_the_axis():
    text = hint(
        crash(
            "ValueError",
            "Shapes (3,) and () are incompatible",
            "joined = tf.concat([left, right], axis)",
            _TF_CONCAT,
        )
    )
    assert "read as the axis" not in text, text


# --------------------------------------- .join(..., on=...) matches the other's index


def test_join_on_a_column_is_told_it_meets_the_other_frames_index():
    line = "result = orders.join(customers, on='cust_id')"
    text = hint(crash("ValueError", _MERGE_MESSAGE, line, _PD_MERGE))
    assert "against the index of `customers`" in text, text
    assert "`.join(customers.set_index('cust_id'), on='cust_id')`" in text, text


def test_merge_on_a_column_keeps_the_dtype_hint():
    line = "result = orders.merge(customers, on='cust_id')"
    frames = _PD_MERGE[1:]
    text = hint(crash("ValueError", _MERGE_MESSAGE, line, frames))
    assert "index of" not in text and "different types (object vs int64)" in text, text


# ----------------------------------------------- an encoder given a continuous column


def test_unknown_categories_with_decimals_are_told_the_column_is_numeric():
    message = (
        "Found unknown categories [0.3187, -1.2045, 2.0913, -0.0071] in column 0 during transform"
    )
    line = "X_val = enc.transform(X_val)"
    text = hint(crash("ValueError", message, line, _ENCODER))
    assert "continuous numbers" in text and "handle_unknown" not in text, text


def test_unknown_text_categories_keep_the_unseen_hint():
    message = "Found unknown categories ['Lisbon', 'Oslo', 'Quito'] in column 2 during transform"
    line = "X_val = enc.transform(X_val)"
    text = hint(crash("ValueError", message, line, _ENCODER))
    assert "continuous" not in text and "handle_unknown='ignore'" in text, text


# ------------------------------------- a whole frame's values converted, dates among them


def test_a_whole_frames_values_with_a_date_column_are_told_to_keep_the_numbers():
    code = "prices = pd.read_csv('prices.csv')\narr = prices.values\narr = arr.astype(float)\n"
    line = "arr = arr.astype(float)"
    message = "could not convert string to float: '2019-03-31'"
    text = hint(crash("ValueError", message, line, code=code))
    assert "`arr` holds every column of `prices`" in text, text
    assert "keep only the numeric columns" in text and "to_datetime" not in text, text


def test_one_date_column_converted_keeps_the_to_datetime_hint():
    code = "prices = pd.read_csv('prices.csv')\nday = prices['day'].astype(float)\n"
    line = "day = prices['day'].astype(float)"
    message = "could not convert string to float: '2019-03-31'"
    text = hint(crash("ValueError", message, line, code=code))
    assert "pd.to_datetime" in text and "holds every column" not in text, text


# ---------------------------------- a model output with more axes than the labels


def test_a_four_axis_output_against_flat_labels_is_told_to_flatten():
    message = (
        "Error when checking target: expected dense_3 to have 4 dimensions, but got array "
        "with shape (640, 12)"
    )
    line = "model.fit(X_train, y_train, epochs=10)"
    text = hint(crash("ValueError", message, line, _KERAS_TARGET))
    assert "output has 4 axes" in text and "`Flatten()`" in text, text
    assert "one unit per class" not in text, text


def test_a_two_axis_output_keeps_the_class_count_hint():
    message = (
        "Error when checking target: expected dense_3 to have shape (10,) but got array with "
        "shape (1,)"
    )
    line = "model.fit(X_train, y_train, epochs=10)"
    text = hint(crash("ValueError", message, line, _KERAS_TARGET))
    assert "axes but the labels" not in text, text


# ------------------------------------------- columns added where one holds text


def test_columns_added_without_text_are_offered_to_numeric():
    line = "df['total'] = df['price'] + df['tax']"
    message = 'can only concatenate str (not "float") to str'
    text = hint(crash("TypeError", message, line, _PD_ADD))
    assert "pd.to_numeric(col, errors='coerce')" in text, text


def test_columns_joined_with_a_text_separator_keep_the_astype_str_hint():
    line = "df['name'] = df['first'] + ' ' + df['last']"
    message = 'can only concatenate str (not "float") to str'
    text = hint(crash("TypeError", message, line, _PD_ADD))
    assert "convert the whole column with `.astype(str)`" in text, text
    assert "to_numeric" not in text, text


# ---------------------------------- an empty array met while Jupyter draws the figure


def _drawn_figure_crash(message: str) -> str:
    """IPython's display drawing the cell's figure: no cell line in the traceback."""
    frames = (
        ("IPython/core/formatters.py", "BaseFormatter.__call__", "return printer(obj)"),
        ("IPython/core/pylabtools.py", "print_figure", "fig.canvas.print_figure(bytes_io)"),
        ("matplotlib/backend_bases.py", "FigureCanvasBase.print_figure", "result = print_method("),
        ("matplotlib/figure.py", "Figure.draw", "mimage._draw_list_compositing_images("),
        ("matplotlib/collections.py", "Collection.draw", "extents = paths[0].get_extents(t)"),
        ("matplotlib/path.py", "Path.get_extents", "return Bbox([xys.min(axis=0), xys.max(0)])"),
        ("numpy/core/_methods.py", "_amin", "return umr_minimum(a, axis, None, out)"),
    )
    out = [
        "---------------------------------------------------------------------------",
        "ValueError                                Traceback (most recent call last)",
    ]
    for path, function, line in frames:
        out.append(f"File {_SITE}/{path}:10, in {function}(*args, **kwargs)\n---> 10 {line}\n")
    out.append(f"ValueError: {message}")
    record = ErrorRecord("ValueError", message, tuple(out), code="sns.scatterplot(data=d)")
    return diagnose(record).hint


def test_an_empty_reduction_while_drawing_the_figure_names_the_drawing():
    text = _drawn_figure_crash(
        "zero-size array to reduction operation minimum which has no identity"
    )
    assert "while Jupyter drew the figure" in text and "update matplotlib" in text, text


def test_an_empty_reduction_on_the_cells_line_keeps_the_empty_data_hint():
    message = "zero-size array to reduction operation maximum which has no identity"
    line = "top = np.max(scores[scores > 0.9])"
    frames = ((f"{_SITE}/numpy/core/fromnumeric.py", "amax"),)
    text = hint(crash("ValueError", message, line, frames))
    assert "drew the figure" not in text and "empty" in text, text


# ----------------------- an object given as data: storing items cannot have made it


_CELLS = [
    "from sklearn.preprocessing import LabelEncoder\nenc = LabelEncoder()",
    "X = np.array(rows, dtype=object)",
    "X[:, 1] = enc.fit_transform(X[:, 1])",
    "pre.fit_transform(X)",
]
_RESHAPE = (
    "Reshape your data either using array.reshape(-1, 1) if your data has a single feature or "
    "array.reshape(1, -1) if it contains a single sample."
)


def _stored_items_hint(message: str) -> str:
    from tests.test_notebook_saved import saved

    record = saved(_CELLS, [1, 2, 4, 7], crash=4, error=("ValueError", message))
    return diagnose(record).hint


def test_an_object_given_as_data_is_not_blamed_on_items_stored_again():
    message = (
        "Expected 2D array, got scalar array instead:\narray=ColumnTransformer(remainder='drop',"
        "\n         transformers=[('scale', StandardScaler(), [0, 2])]).\n" + _RESHAPE
    )
    text = _stored_items_hint(message)
    assert "ran more than once" not in text and "an object, `ColumnTransformer(" in text, text


def test_an_array_of_the_wrong_shape_still_hears_of_the_rerun():
    message = "Expected 2D array, got 1D array instead:\narray=[0. 1. 2.].\n" + _RESHAPE
    text = _stored_items_hint(message)
    assert "ran more than once" in text, text
