"""Hints whose claim was false on crashes nobody tuned on (the fourteenth audit's key, feature-name,
index, broadcast, tensor-shape and data-value C cases): each test pairs a crash where the
template must speak with one where its condition does not hold.

- "An assignment puts an array into a slot" only for the user's own subscript assignment: a
  library's copy (scikit-learn's PolynomialFeatures) gets the safe hint, `np.array(items)` the
  items' shapes.
- A plain label looked up in a MultiIndex is searched in its first level only.
- `X = to_categorical(y)` before `fit(X, …)` gives the model labels as inputs.
- A Matplotlib setting it no longer knows is no key of the user's data.
- seaborn given no `data=` cannot read a name as a column.
- `y = data.pop('k')` removes the key whatever the result is bound to: a re-run finds it gone.
- XGBoost names an array's columns f0, f1, …: one side unnamed is an array, not other columns.
- `cv2.imread` in colour gives the 3 channels a BGR conversion wants: a failing one is empty.
- A trained model's Embedding keeps its `input_dim`: the data's encoding is what to change.
- `x[i] = v` past the end of a list that holds items: its length, not `.append`, first.

Crashes are written here by hand in the libraries' wording (IPython 8's layout, from
``test_hints_args``), never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint

SITE = "/usr/lib/python3.8/site-packages"


def _crash(ename, message, cell, frames=()):
    """The hint for ``cell`` failing on its last line, IPython 8's layout from
    ``test_hints_args``; ``frames`` are (path under site-packages, function) below it."""
    below = [(f"{SITE}/{path}", function) for path, function in frames]
    return hint(crash(ename, message, cell.splitlines()[-1], below, code=cell))


# ------------------------------------------------------------ broadcast into a slot

POLY = [
    ("sklearn/pipeline.py", "fit"),
    ("sklearn/base.py", "fit_transform"),
    ("sklearn/preprocessing/_data.py", "transform"),
]
INTO_SLOT = "could not broadcast input array from shape (50,2) into shape (50,0)"


def test_a_librarys_own_copy_into_a_slot_is_no_assignment_of_the_user():
    text = _crash("ValueError", INTO_SLOT, "model = make_model(0)\nmodel.fit(X, y)", POLY)
    assert "An assignment" not in text and "scikit-learn" in text, text


def test_the_users_subscript_assignment_is_named_an_assignment():
    text = _crash("ValueError", INTO_SLOT, "out = np.zeros((50, 0))\nout[:, 0:2] = X")
    assert text.startswith("An assignment puts an array"), text


def test_np_array_of_items_of_different_shapes_names_the_items():
    message = "could not broadcast input array from shape (64,64,3) into shape (64,64)"
    text = _crash("ValueError", message, "batch = np.array(images)")
    assert "items of different shapes" in text and "An assignment" not in text, text


# ------------------------------------------------------------ a label in a MultiIndex

MULTI = [
    ("pandas/core/indexing.py", "__getitem__"),
    ("pandas/core/generic.py", "xs"),
    ("pandas/core/frame.py", "__getitem__"),
    ("pandas/core/frame.py", "_getitem_multilevel"),
    ("pandas/core/indexes/multi.py", "get_loc"),
    ("pandas/core/indexes/base.py", "get_loc"),
]
FLAT = [
    ("pandas/core/frame.py", "__getitem__"),
    ("pandas/core/indexes/base.py", "get_loc"),
]


def test_a_plain_label_in_multiindex_columns_is_looked_up_in_the_first_level():
    text = _crash("KeyError", "'Blue'", "sales.loc[:, 'Blue']", MULTI)
    assert "MultiIndex" in text and "sales.xs('Blue', level=1, axis=1)" in text, text


def test_a_flat_frame_keeps_the_missing_column_hint():
    text = _crash("KeyError", "'Blue'", "sales['Blue']", FLAT)
    assert "MultiIndex" not in text and "sales.columns" in text, text


# ------------------------------------------------------------ labels given as the inputs

KERAS_FIT = [
    ("tensorflow/python/keras/engine/training.py", "fit"),
    ("tensorflow/python/eager/def_function.py", "__call__"),
]
KERAS_INPUT = (
    "in user code:\n\n    ValueError: Input 0 of layer sequential is incompatible with the layer: "
    "expected axis -1 of input shape to have value 784 but received input with shape [None, 10]"
)


def test_inputs_set_to_one_hot_labels_are_named_a_slip():
    cell = (
        "X_train = X_train.reshape(-1, 784) / 255\n"
        "X_train = to_categorical(y_train, 10)\n"
        "model.fit(X_train, y_train, epochs=2)"
    )
    text = _crash("ValueError", KERAS_INPUT, cell, KERAS_FIT)
    assert "one-hot labels made from `y_train`" in text and "build the model" not in text, text


def test_labels_made_one_hot_under_their_own_name_are_no_slip():
    cell = (
        "X_train = X_train.reshape(-1, 10)\n"
        "y_train = to_categorical(y_train, 10)\n"
        "model.fit(X_train, y_train, epochs=2)"
    )
    text = _crash("ValueError", KERAS_INPUT, cell, KERAS_FIT)
    assert "one-hot" not in text and "784" in text, text


# ------------------------------------------------------------ Matplotlib's settings

RC = [
    ("matplotlib/__init__.py", "rc"),
]


def test_a_removed_matplotlib_setting_gets_its_replacement():
    message = '\'Unrecognized key "axes.color_cycle" for group "axes" and name "color_cycle"\''
    text = _crash("KeyError", message, "mpl.rc('axes', color_cycle=['r', 'k'])", RC)
    assert "axes.prop_cycle" in text and "df.columns" not in text, text


def test_a_removed_setting_assigned_to_rcparams_gets_its_replacement():
    message = (
        "'axes.color_cycle is not a valid rc parameter (see rcParams.keys() for a list of "
        "valid parameters)'"
    )
    frames = [("matplotlib/__init__.py", "__setitem__")]
    text = _crash("KeyError", message, "plt.rcParams['axes.color_cycle'] = ['r', 'k']", frames)
    assert "axes.prop_cycle" in text, text


def test_an_unknown_matplotlib_setting_points_at_rcparams_not_at_columns():
    message = '\'Unrecognized key "axes.facecolour" for group "axes" and name "facecolour"\''
    text = _crash("KeyError", message, "mpl.rc('axes', facecolour='k')", RC)
    assert "mpl.rcParams.keys()" in text and "df.columns" not in text, text


# ------------------------------------------------------------ seaborn without data=

SEABORN = [
    ("seaborn/_decorators.py", "inner_f"),
    ("seaborn/categorical.py", "barplot"),
    ("seaborn/categorical.py", "establish_variables"),
]


def test_seaborn_given_no_frame_is_told_to_pass_one():
    text = _crash(
        "ValueError", "Could not interpret input 'Price'", "sns.barplot('Price')", SEABORN
    )
    assert "no frame (`data=`)" in text and "df.columns" not in text, text


def test_seaborn_given_a_frame_keeps_the_missing_column_hint():
    line = "sns.barplot(x='Price', y='Town', data=houses)"
    text = _crash("ValueError", "Could not interpret input 'Price'", line, SEABORN)
    assert "no frame" not in text and "houses.columns" in text, text


# ------------------------------------------------------------ pop on a re-run

POP = [
    ("pandas/core/frame.py", "pop"),
    ("pandas/core/generic.py", "pop"),
    ("pandas/core/frame.py", "__getitem__"),
    ("pandas/core/indexes/base.py", "get_loc"),
]


@pytest.mark.parametrize(
    ("above", "rerun"),
    [
        ("from sklearn.model_selection import train_test_split", True),
        # the cell makes the frame anew above the pop: a re-run starts afresh
        ("table = pd.read_csv('t.csv')", False),
    ],
)
def test_a_pop_of_the_failing_line_reads_as_a_rerun_unless_the_cell_makes_the_frame(above, rerun):
    text = _crash("KeyError", "'label'", f"{above}\ny = table.pop('label')", POP)
    assert ("if this cell ran before" in text) == rerun and "`table.columns`" in text, text


# ------------------------------------------------------------ XGBoost's f0, f1, …

XGB = [
    ("xgboost/sklearn.py", "predict"),
    ("xgboost/core.py", "predict"),
    ("xgboost/core.py", "_validate_features"),
]


def _names(fitted, given):
    return f"feature_names mismatch: {fitted!r} {given!r}"


def test_a_model_fitted_on_an_array_given_a_dataframe_is_told_to_pass_values():
    message = _names(["f0", "f1", "f2"], ["age", "fare", "sex"])
    text = _crash("ValueError", message, "pred = clf.predict(test_df)", XGB)
    assert "`test_df.values`" in text and "X_train.columns" not in text, text


def test_a_model_fitted_on_a_dataframe_given_an_array_is_told_to_pass_a_dataframe():
    message = _names(["age", "fare", "sex"], ["f0", "f1", "f2"])
    text = _crash("ValueError", message, "pred = clf.predict(X_scaled)", XGB)
    assert "pd.DataFrame(X, columns=...)" in text and "X_train.columns" not in text, text


def test_two_arrays_of_other_widths_are_a_count_mismatch():
    message = _names(["f0", "f1"], ["f0", "f1", "f2", "f3"])
    text = _crash("ValueError", message, "pred = clf.predict(X_scaled)", XGB)
    assert "(4 given, 2 expected)" in text and "X_train.columns" not in text, text


def test_named_columns_on_both_sides_keep_the_same_preprocessing_hint():
    message = _names(["age", "fare"], ["age", "sex"])
    text = _crash("ValueError", message, "pred = clf.predict(test_df)", XGB)
    assert "f0" not in text and "columns" in text, text


# ------------------------------------------------------------ an image read in colour

CVT = (
    "OpenCV(3.4.2) /io/opencv/modules/imgproc/src/color.hpp:253: error: (-215:Assertion failed) "
    "VScn::contains(scn) && VDcn::contains(dcn) && VDepth::contains(depth) in function "
    "'CvtHelper'"
)


def test_a_colour_imread_that_fails_a_bgr_conversion_is_an_empty_image():
    cell = "img = cv2.imread('photo.png')\ngray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)"
    text = _crash("error", CVT, cell)
    assert "returns None" in text and "channels than" not in text, text


def test_a_grey_imread_keeps_the_channel_count_hint():
    cell = "img = cv2.imread('photo.png', 0)\ngray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)"
    text = _crash("error", CVT, cell)
    assert "different number of channels" in text, text


# ------------------------------------------------------------ a trained Embedding

GATHER = "indices[0,41] = 21873 is not in [0, 5000)\n\t [[{{node embedding/embedding_lookup}}]]"
KERAS_EVALUATE = [
    ("tensorflow/python/keras/engine/training.py", "evaluate"),
    ("tensorflow/python/client/session.py", "__call__"),
]
TRAINING = "model.add(Embedding(5000, 16))\nmodel.fit(x_train, y_train, epochs=3)"


def test_a_trained_models_embedding_asks_for_the_training_encoding():
    cell = f"{TRAINING}\nmodel.evaluate(seq, labels)"
    text = _crash("InvalidArgumentError", GATHER, cell, KERAS_EVALUATE)
    assert "encode this text as the training data was" in text and "set `input_dim`" not in text
    assert "21873" in text, text


def test_an_embedding_being_fitted_keeps_the_input_dim_hint():
    frames = [("tensorflow/python/keras/engine/training.py", "fit")]
    cell = "model.add(Embedding(5000, 16))\nmodel.fit(seq, labels)"
    text = _crash("InvalidArgumentError", GATHER, cell, frames)
    assert "input_dim" in text, text


def test_a_plain_gather_is_no_embedding():
    message = "indices[2] = 9 is not in [0, 4) [Op:GatherV2]"
    frames = [("tensorflow/python/ops/array_ops.py", "gather")]
    text = _crash("InvalidArgumentError", message, "tf.gather(params, idx)", frames)
    assert "Embedding" not in text and "input_dim" not in text, text


# ------------------------------------------------------------ a list written past its end

LOOP = "for n in range(0, len(texts), 5):\n    short[n] = ''\n    short[n + 1] = ''"


def test_a_list_that_holds_items_is_written_past_its_end():
    text = _crash("IndexError", "list assignment index out of range", f"short = texts[:40]\n{LOOP}")
    assert "`len(short)`" in text and "[None] * n" not in text, text


def test_a_list_made_empty_keeps_the_append_hint():
    text = _crash("IndexError", "list assignment index out of range", f"short = []\n{LOOP}")
    assert ".append(value)" in text and "[None] * n" in text, text
