"""Hints of the ML families (shapes, data values, models, features, runtime) and of wrapped
errors: each says what the message and the failing call make certain, and no more.

Messages are the libraries' own wordings (scikit-learn, NumPy, pandas, PyTorch, TensorFlow/Keras
2 and 3, OpenCV), as users' notebooks show them; tracebacks are written by hand in the style of
tests/fixtures/tracebacks where the failing call matters.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.hints import make_hint
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import HINTS, apply_rules, embedded_error, matching_rules
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.diagnosis.where import call_from_text


def _parsed(ename, evalue, traceback=(), code=""):
    return parse(ErrorRecord(ename=ename, evalue=evalue, traceback=tuple(traceback), code=code))


def _hint(ename, evalue, traceback=(), code=""):
    parsed = _parsed(ename, evalue, traceback, code)
    match = apply_rules(parsed)
    labels = {"crash_type": match.crash_type if match else "other"}
    hint, _ = make_hint(parsed, labels, matching_rules(parsed))
    assert hint.count(". ") + hint.count("? ") <= 2, hint  # one or two sentences
    return hint


def _cell(line, ename, evalue, *frames):
    """An IPython 8 traceback: the cell's failing line, then library frames (path, function)."""
    tb = [
        f"{ename}                                Traceback (most recent call last)",
        f"Cell In[5], line 1\n----> 1 {line}\n",
    ]
    tb += [f"File {path}:10, in {function}(*args)\n---> 10 x = f()\n" for path, function in frames]
    return [*tb, f"{ename}: {evalue}"]


SITE = "/opt/conda/lib/python3.10/site-packages"


def _library_call_hint(ename, evalue, line, path):
    """The hint when ``line`` calls one library function (in ``path``) that raised."""
    function = line.split("(")[0].rsplit(".", 1)[-1]
    return _hint(ename, evalue, _cell(line, ename, evalue, (f"{SITE}/{path}", function)))


# ---------------------------------------------------------------- wrapped errors


KERAS_IN_USER_CODE = (
    "in user code:\n\n"
    '    File "/usr/local/lib/python3.10/dist-packages/keras/src/engine/training.py", line 1338, '
    "in train_function  *\n        return step_function(self, iterator)\n"
    '    File "/usr/local/lib/python3.10/dist-packages/keras/src/engine/input_spec.py", line 280, '
    "in assert_input_compatibility\n        raise ValueError(\n\n"
    "    ValueError: Exception encountered when calling layer 'sequential_2' (type Sequential).\n"
    "    \n"
    '    Input 0 of layer "dense_3" is incompatible with the layer: expected axis -1 of input '
    "shape to have value 2, but received input with shape (None, 1)\n"
    "    \n"
    "    Call arguments received by layer 'sequential_2' (type Sequential):\n"
    "      • inputs=tf.Tensor(shape=(None, 1), dtype=int64)\n"
    "      • training=True\n"
)

GRAPH_NODE = (
    "Graph execution error:\n\n"
    "Detected at node 'sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits' "
    "defined at (most recent call last):\n"
    '    File "/usr/lib/python3.10/runpy.py", line 196, in _run_module_as_main\n'
    "      return _run_code(code, main_globals, None,\n"
    "Node: 'sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits'\n"
    "Received a label value of 9 which is outside the valid range of [0, 5).  Label values: "
    "4 2 8 7 9\n"
    "\t [[{{node sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits}}]] "
    "[Op:__inference_train_function_1078]"
)

GRAPH_ROOT_ERRORS = (
    "Graph execution error:\n\n2 root error(s) found.\n"
    "  (0) INVALID_ARGUMENT:  Input is empty.\n"
    "\t [[{{node decode_image/DecodeImage}}]]\n\t [[IteratorGetNext]]\n"
    "  (1) CANCELLED:  Function was cancelled before it was started\n"
    "0 successful operations.\n0 derived errors ignored. [Op:__inference_train_function_175124]"
)

DATALOADER = (
    "Caught RuntimeError in DataLoader worker process 0.\n"
    "Original Traceback (most recent call last):\n"
    '  File "/usr/local/lib/python3.10/dist-packages/torch/utils/data/_utils/worker.py", '
    "line 308, in _worker_loop\n    data = fetcher.fetch(index)\n"
    "RuntimeError: stack expects each tensor to be equal size, but got [3, 224, 224] at entry 0 "
    "and [1, 224, 224] at entry 3\n"
)


@pytest.mark.parametrize(
    ("ename", "evalue", "inner_ename", "inner_start"),
    [
        ("ValueError", KERAS_IN_USER_CODE, "ValueError", 'Input 0 of layer "dense_3"'),
        ("InvalidArgumentError", GRAPH_NODE, "InvalidArgumentError", "Received a label value"),
        ("InvalidArgumentError", GRAPH_ROOT_ERRORS, "InvalidArgumentError", "Input is empty."),
        ("RuntimeError", DATALOADER, "RuntimeError", "stack expects each tensor"),
    ],
)
def test_wrapped_errors_are_unwrapped(ename, evalue, inner_ename, inner_start):
    inner = embedded_error(_parsed(ename, evalue))
    assert inner is not None
    assert inner.ename == inner_ename
    assert inner.message.startswith(inner_start), inner.message
    assert "Call arguments received" not in inner.message
    assert "[[{{node" not in inner.message


def test_a_graph_error_cut_before_its_node_marker_is_not_guessed_from_its_frames():
    cut = GRAPH_NODE.split("Node:")[0]
    assert embedded_error(_parsed("InvalidArgumentError", cut)) is None


def test_the_safe_hint_of_a_wrapped_error_quotes_the_inner_message():
    tb = _cell("history = model.fit(train_data, epochs=5)", "InvalidArgumentError", "x")
    hint = _hint("InvalidArgumentError", GRAPH_ROOT_ERRORS, tb)
    assert "Input is empty" in hint and "Graph execution error" not in hint


def test_a_wrapped_error_gets_its_inner_errors_template():
    assert "9" in _hint("InvalidArgumentError", GRAPH_NODE)
    assert "at least 10" in _hint("InvalidArgumentError", GRAPH_NODE)
    assert "convert('RGB')" in _hint("RuntimeError", DATALOADER)


# ---------------------------------------------------------------- Keras: labels vs. output


@pytest.mark.parametrize(
    ("evalue", "fragments"),
    [
        # binary_crossentropy on a 3-unit output with one label column
        (
            "`logits` and `labels` must have the same shape, received ((None, 3) vs (None, 1)).",
            ["3 values per sample", "sparse_categorical_crossentropy", "Dense(1"],
        ),
        # Keras 3: one-hot labels with a sparse loss
        (
            "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: "
            "target.shape=(32, 10), output.shape=(32, 10)",
            ["one-hot", "loss='categorical_crossentropy'", "np.argmax(y, axis=1)"],
        ),
        # Keras 2: the output keeps a (28-long) axis the labels do not have
        (
            "Shape mismatch: The shape of labels (received (32, 1)) should equal the shape of "
            "logits except for the last dimension (received (32, 28, 10)).",
            ["Flatten()"],
        ),
        (
            "logits and labels must have the same first dimension, got logits shape [896,10] "
            "and labels shape [32]",
            ["896 rows", "32 labels", "Flatten()"],
        ),
        (
            "logits and labels must have the same first dimension, got logits shape [32,10] "
            "and labels shape [320]",
            ["one-hot", "categorical_crossentropy"],
        ),
        (
            "logits and labels must be broadcastable: logits_size=[8,20] labels_size=[8,19]",
            ["20 units", "19 classes"],
        ),
        # TF 2.4's wording of the same check, without backticks
        (
            "logits and labels must have the same shape ((None, 10) vs (None, 1))",
            ["10 values per sample", "sparse_categorical_crossentropy"],
        ),
        ("Shapes (None, 10) and (None, 500, 10) are incompatible", ["return_sequences=False"]),
        ("Shapes (None, 1) and (None, 10) are incompatible", ["sparse_categorical_crossentropy"]),
        ("Shapes (None, 10) and (None, 1) are incompatible", ["10 columns", "10 units"]),
        (
            "Arguments `target` and `output` must have the same rank (ndim). Received: "
            "target.shape=(None,), output.shape=(None, 3)",
            ["integer class labels", "to_categorical"],
        ),
        (
            "Dimensions must be equal, but are 10 and 784 for '{{node mean_squared_error/"
            "SquaredDifference}} = SquaredDifference[T=DT_FLOAT](sequential_5/dense_4/Softmax, "
            "mean_squared_error/Cast)' with input shapes: [?,20,10], [?,784].",
            ["`mean_squared_error`", "[?,20,10]", "[?,784]", "labels' shape"],
        ),
    ],
)
def test_loss_shape_hints_name_labels_and_output_not_the_input_layer(evalue, fragments):
    hint = _hint("ValueError", evalue)
    assert all(f in hint for f in fragments), hint
    assert "input_shape" not in hint, hint


# ---------------------------------------------------------------- Keras: the layer's input


def _keras_input(line, evalue):
    return _cell(
        line,
        "ValueError",
        evalue,
        (f"{SITE}/keras/utils/traceback_utils.py", "error_handler"),
        (f"{SITE}/keras/engine/training.py", "tf__predict_function"),
    )


AXIS = (
    'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape '
    "to have value 7, but received input with shape (None, 4)"
)


def test_a_trained_model_gets_data_of_its_shape_no_new_input_shape():
    hint = _hint("ValueError", AXIS, _keras_input("model.predict(X_new)", AXIS))
    assert "`dense` expects 7 values" in hint and "got 4" in hint
    assert "trained on" in hint and "build the model" not in hint


def test_a_model_being_fitted_may_be_built_for_the_data():
    hint = _hint("ValueError", AXIS, _keras_input("model.fit(X, y, epochs=3)", AXIS))
    assert "build the model for it" in hint and "4" in hint


@pytest.mark.parametrize(
    ("evalue", "fragments"),
    [
        (
            "Input 0 is incompatible with layer model_5: expected shape=(None, 784), found "
            "shape=(None, 28, 28)",
            ["(None, 784)", "(None, 28, 28)", "x.reshape(len(x), -1)"],
        ),
        (
            'Input 0 of layer "sequential_12" is incompatible with the layer: expected '
            "shape=(None, 96, 96, 3), found shape=(32, 96, 3)",
            ["without its batch axis", "np.expand_dims(x, 0)"],
        ),
        (
            "Error when checking : expected dense_2_input to have shape (None, 784) but got "
            "array with shape (784, 1)",
            ["x.reshape(-1, 784)"],
        ),
        (
            "Input 0 with name 'None' of layer 'conv2d' is incompatible with the layer: expected "
            "min_ndim=4, found ndim=3. Full shape received: (32, 28, 28)",
            ["4-D", "x[..., None]"],
        ),
        (
            "Input 0 of layer sequential is incompatible with the layer: : expected min_ndim=4, "
            "found ndim=3. Full shape received: [128, 128, 1]",
            ["one image without the batch axis", "np.expand_dims(x, 0)"],
        ),
        (
            "Input 0 with name 'None' of layer 'lstm' is incompatible with the layer: expected "
            "ndim=3, found ndim=2. Full shape received: (None, 10)",
            ["(samples, steps, features)"],
        ),
        (
            "Input 0 of layer dense is incompatible with the layer: expected axis -1 of input "
            "shape to have value 784 but received input with shape (None, 28, 28)",
            ["`dense` expects 784 values", "(28, 28)", "Flatten()"],
        ),
        (
            "Input arrays should have the same number of samples as target arrays. Found 71 "
            "input samples and 1 target samples.",
            ["71 samples", "y has 1"],
        ),
    ],
)
def test_keras_input_hints_name_both_shapes(evalue, fragments):
    hint = _hint("ValueError", evalue, _keras_input("pred = model.predict(x)", evalue))
    assert all(f in hint for f in fragments), hint


@pytest.mark.parametrize(
    ("ename", "evalue", "fragments", "wrong"),
    [
        (
            "InvalidArgumentError",
            GRAPH_NODE.replace(
                "Received a label value of 9 which is outside the valid range of [0, 5).  "
                "Label values: 4 2 8 7 9",
                "Input to reshape is a tensor with 131072 values, but the requested shape "
                "requires a multiple of 25088",
            ).replace(
                "sparse_categorical_crossentropy/SparseSoftmaxCrossEntropyWithLogits",
                "vgg16/flatten/Reshape",
            ),
            ["Flatten layer", "131072", "25088", "target_size"],
            "input_shape` equal",
        ),
        (
            "ValueError",
            "Shape must be rank 1 but is rank 0 for 'random_normal/RandomStandardNormal' "
            "(op: 'RandomStandardNormal') with input shapes: [].",
            ["`RandomStandardNormal`", "`[n]`"],
            "input_shape",
        ),
        (
            "ValueError",
            "Negative dimension size caused by subtracting 3 from 2 for '{{node conv2d_3/Conv2D}} "
            "= Conv2D[T=DT_FLOAT](max_pooling2d_2/MaxPool, conv2d_3/Conv2D/ReadVariableOp)' with "
            "input shapes: [?,2,2,64], [3,3,64,128].",
            ["`conv2d_3`", "size 2", "padding='same'"],
            "input_shape` equal",
        ),
        # a checkpoint of another model: no layout tip (channels, transpose)
        (
            "ValueError",
            "Layer dense weight shape (3, 4) is not compatible with provided weight shape (4, 4).",
            ["(4, 4) saved", "(3, 4) here", "as it was when the weights were saved"],
            "transpose",
        ),
    ],
)
def test_tensorflow_op_hints(ename, evalue, fragments, wrong):
    hint = _hint(ename, evalue)
    assert all(f in hint for f in fragments), hint
    assert wrong not in hint


def test_a_keras_message_without_details_gets_the_safe_hint():
    hint = _hint("ValueError", 'Input 0 of layer "sequential_12" is incompatible with the layer')
    assert "input_shape" not in hint and "Input 0 of layer" in hint


# ---------------------------------------------------------------- PyTorch


def test_mat1_mat2_of_a_matmul_on_the_line_is_no_linear_layer():
    evalue = "mat1 and mat2 shapes cannot be multiplied (3x2 and 3x2)"
    tb = _cell("torch.matmul(tensor_A, tensor_B)", "RuntimeError", evalue)
    hint = _hint("RuntimeError", evalue, tb)
    assert "in_features" not in hint and "`tensor_B.T`" in hint, hint


def test_mat1_mat2_inside_a_linear_layer_names_in_features():
    evalue = "mat1 and mat2 shapes cannot be multiplied (64x400 and 256x120)"
    tb = _cell(
        "out = model(x)",
        "RuntimeError",
        evalue,
        (f"{SITE}/torch/nn/modules/module.py", "Module._call_impl"),
        (f"{SITE}/torch/nn/modules/linear.py", "Linear.forward"),
    )
    hint = _hint("RuntimeError", evalue, tb)
    assert "`in_features` to 400" in hint and "built for 256" in hint, hint


@pytest.mark.parametrize(
    ("evalue", "fragments", "wrong"),
    [
        (
            "Expected 4-dimensional input for 4-dimensional weight [32, 1, 3, 3], but got "
            "3-dimensional input of size [64, 28, 28] instead",
            ["x.unsqueeze(1)"],
            "unsqueeze(0)",
        ),
        (
            "Expected 4-dimensional input for 4-dimensional weight [100, 1024, 4, 4], but got "
            "2-dimensional input of size [64, 100] instead",
            ["[64, 100]", "x.view(N, C, H, W)"],
            "unsqueeze(0)",
        ),
        (
            "Given groups=1, weight of size [16, 3, 3, 3], expected input[8, 224, 224, 3] to "
            "have 3 channels, but got 224 channels instead",
            ["x.permute(0, 3, 1, 2)"],
            "in_channels",
        ),
        (
            "Given groups=1, weight of size [64, 3, 7, 7], expected input[4, 1, 28, 28] to have "
            "3 channels, but got 1 channels instead",
            ["`in_channels=1`", "x.repeat(1, 3, 1, 1)"],
            "permute",
        ),
        (
            "The expanded size of the tensor (1) must match the existing size (3) at "
            "non-singleton dimension 0.  Target sizes: [1].  Tensor sizes: [3]",
            ["`result[i]`", "size 3", "size 1"],
            "squeeze",
        ),
        (
            "Error(s) in loading state_dict for ResNet:\n\tsize mismatch for fc.weight: copying "
            "a param with shape torch.Size([1000, 512]) from checkpoint, the shape in current "
            "model is torch.Size([10, 512]).",
            ["`fc.weight`", "torch.Size([1000, 512])", "strict=False"],
            "N, C, H, W",
        ),
        ("input must have 3 dimensions, got 2", ["3-D", "batch_first=True"], "Conv2d"),
        (
            "0D or 1D target tensor expected, multi-target not supported",
            ["target.argmax(dim=1)"],
            "Conv2d",
        ),
        (
            "stack expects each tensor to be equal size, but got [3, 224, 224] at entry 0 and "
            "[3, 200, 300] at entry 7",
            ["transforms.Resize"],
            "convert('RGB')",
        ),
    ],
)
def test_pytorch_layer_and_loss_hints_follow_their_check(evalue, fragments, wrong):
    tb = _cell("result[i] = m1[i] * m2[j]", "RuntimeError", evalue)
    hint = _hint("RuntimeError", evalue, tb)
    assert all(f in hint for f in fragments), hint
    assert wrong not in hint, hint


# ---------------------------------------------------------------- scikit-learn, NumPy, pandas

INCONSISTENT = "Found input variables with inconsistent numbers of samples: [75, 450]"


def test_a_metric_call_compares_predictions_with_the_labels_of_the_same_rows():
    tb = _cell(
        "accuracy_score(y_pred, y_test)",
        "ValueError",
        INCONSISTENT,
        (f"{SITE}/sklearn/metrics/_classification.py", "accuracy_score"),
        (f"{SITE}/sklearn/utils/validation.py", "check_consistent_length"),
    )
    hint = _hint("ValueError", INCONSISTENT, tb)
    assert "`y_pred` and `y_test` have 75 and 450 values" in hint
    assert "train_test_split" not in hint


def test_cross_val_score_is_no_metric_of_predictions():
    tb = _cell(
        "cross_val_score(model, X, y)",
        "ValueError",
        INCONSISTENT,
        (f"{SITE}/sklearn/model_selection/_validation.py", "cross_val_score"),
        (f"{SITE}/sklearn/utils/validation.py", "check_consistent_length"),
    )
    hint = _hint("ValueError", INCONSISTENT, tb)
    assert "predictions" not in hint and "75 vs 450" in hint


def test_old_sklearn_reads_a_1d_x_as_one_sample():
    evalue = "Found input variables with inconsistent numbers of samples: [1, 16209]"
    line = "model.fit(train['sqft'], train['price'])"
    hint = _library_call_hint("ValueError", evalue, line, "sklearn/linear_model/base.py")
    assert "1 sample of 16209" in hint and "df[['col']]" in hint


@pytest.mark.parametrize(
    ("line", "evalue", "fragments", "wrong"),
    [
        (
            "pca.fit_transform(X)",
            "Found array with dim 3. Estimator expected <= 2.",
            ["`X` is 3D", "X.reshape(len(X), -1)"],
            "reshape(-1, 1)",
        ),
        (
            "scaler.inverse_transform(preds)",
            "Expected 2D array, got 1D array instead:\narray=[1. 2.].\nReshape your data either "
            "using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) "
            "if it contains a single sample.",
            ["`preds.reshape(-1, 1)`", "`preds.reshape(1, -1)`"],
            "[1. 2.].reshape",
        ),
    ],
)
def test_sklearn_2d_hints_name_the_argument(line, evalue, fragments, wrong):
    function = line.split("(")[0].split(".")[-1]
    tb = _cell(line, "ValueError", evalue, (f"{SITE}/sklearn/base.py", function))
    hint = _hint("ValueError", evalue, tb)
    assert all(f in hint for f in fragments), hint
    assert wrong not in hint


@pytest.mark.parametrize(
    ("line", "evalue", "fragments", "wrong"),
    [
        (
            "a + b",
            "operands could not be broadcast together with shapes (4,) (5,) ",
            ["different lengths", "(4,)", "(5,)"],
            "a[:, None]",
        ),
        (
            "x - mean",
            "operands could not be broadcast together with shapes (8,3,32,32) (3,) ",
            ["`v[:, None, None]`", "axis 1"],
            "a[:, None]",
        ),
        (
            "r = a[:, np.newaxis] * b",
            "operands could not be broadcast together with shapes (3,1) (2,3) ",
            ["axis -2", "3 vs 2"],
            "a[:, None]",
        ),
    ],
)
def test_broadcast_hints_reshape_only_where_it_is_certain(line, evalue, fragments, wrong):
    hint = _hint("ValueError", evalue, _cell(line, "ValueError", evalue))
    assert all(f in hint for f in fragments), hint
    assert wrong not in hint


def test_a_loss_between_two_batches_says_batch_not_output_shape():
    evalue = (
        "The size of tensor a (64) must match the size of tensor b (32) at non-singleton "
        "dimension 0"
    )
    tb = _cell(
        "loss = criterion(out, y)",
        "RuntimeError",
        evalue,
        (f"{SITE}/torch/nn/modules/loss.py", "MSELoss.forward"),
    )
    hint = _hint("RuntimeError", evalue, tb)
    assert "64 predictions and 32 targets" in hint and "output have the target's shape" not in hint


def test_reshape_says_how_many_times_too_many_values():
    hint = _hint("ValueError", "cannot reshape array of size 150528 into shape (1,224,224,1)")
    assert "50176 elements, 3 times as many" in hint


def test_dot_of_vectors_and_the_inner_dimensions_of_a_product():
    assert "equal lengths" in _hint(
        "ValueError", "shapes (1,) and (3,) not aligned: 1 (dim 0) != 3 (dim 0)"
    )
    hint = _hint("ValueError", "shapes (50,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)")
    assert "dimension 1 of the first (3)" in hint and "dimension 0 of the second (4)" in hint


def test_a_frame_with_fewer_columns_than_names():
    evalue = "Shape of passed values is (100, 35), indices imply (100, 46)"
    tb = _cell(
        "pd.DataFrame(X2, columns=names)",
        "ValueError",
        evalue,
        (f"{SITE}/pandas/core/frame.py", "DataFrame.__init__"),
    )
    assert "35 columns but `columns=` gives 46" in _hint("ValueError", evalue, tb)


# ---------------------------------------------------------------- data values


@pytest.mark.parametrize(
    ("ename", "evalue", "fragments", "wrong"),
    [
        (
            "IntCastingNaNError",
            "Cannot convert non-finite values (NA or inf) to integer",
            ["missing (NaN)", "'Int64'"],
            "contains infinite values",
        ),
        (
            "ValueError",
            "Classification metrics can't handle a mix of multiclass and "
            "continuous-multioutput targets",
            ["np.argmax(y_pred, axis=1)"],
            "> 0.5",
        ),
        ("ValueError", "Unknown label type: 'continuous'", ["regressor"], "> 0.5"),
        (
            "ValueError",
            "Unknown label type: continuous. Maybe you are trying to fit a classifier, "
            "which expects discrete classes on a regression target with continuous values.",
            ["regressor"],
            "> 0.5",
        ),
        (
            "InvalidArgumentError",
            "Received a label value of 9 which is outside the valid range "
            "of [0, 5).  Label values: 4 2 8 7 9",
            ["label is 9", "5 units", "at least 10"],
            "binary",
        ),
        (
            "InvalidArgumentError",
            "Received a label value of -1 which is outside the valid range "
            "of [0, 3).  Label values: 0 1 -1",
            ["-1", "0 … 2"],
            "at least",
        ),
        ("ValueError", "n_estimators must be positive, got -5", ["n_estimators"], "MultinomialNB"),
        (
            "ValueError",
            "Negative values in data passed to MultinomialNB (input X)",
            ["MinMaxScaler"],
            "n_estimators",
        ),
        ("LinAlgError", "SVD did not converge in Linear Least Squares", ["np.isnan(X)"], "pinv"),
        (
            "ValueError",
            "y contains previously unseen labels: 'lima'",
            ["LabelEncoder"],
            "handle_unknown",
        ),
        ("ValueError", "bad input shape ()", ["single value", "[value]"], "ravel"),
        (
            "ValueError",
            "y should be a 1d array, got an array of shape (120, 1) instead.",
            ["y.ravel()"],
            "argmax",
        ),
        (
            "RuntimeError",
            "probability tensor contains either `inf`, `nan` or element < 0",
            ["torch.multinomial"],
            "df.isna()",
        ),
        (
            "MissingDataError",
            "exog contains inf or nans",
            ["NaN or infinite"],
            "missing values (NaN)",
        ),
    ],
)
def test_data_value_hints_follow_the_message(ename, evalue, fragments, wrong):
    hint = _hint(ename, evalue)
    assert all(f in hint for f in fragments), hint
    assert wrong not in hint, hint


def test_nan_hint_names_the_input_the_call_passed():
    evalue = "Input X contains NaN."
    tb = _cell(
        "model.fit(X_train, y_train)", "ValueError", evalue, (f"{SITE}/sklearn/base.py", "fit")
    )
    assert _hint("ValueError", evalue, tb).startswith("`X_train` contains missing values")


OPENCV_EMPTY = (
    "OpenCV(4.8.0) /io/opencv/modules/imgproc/src/color.cpp:182: error: (-215:Assertion failed) "
    "!_src.empty() in function 'cvtColor'\n"
)


@pytest.mark.parametrize(
    ("code", "fragment", "wrong"),
    [
        (
            "cap = cv2.VideoCapture(0)\nret, frame = cap.read()\n"
            "gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)",
            "`cap.read()`",
            "imread",
        ),
        (
            "img = cv2.imread('a.png')\ngray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)",
            "`cv2.imread` returns None",
            "cap.read",
        ),
        ("gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)", "None or size 0", "imread"),
    ],
)
def test_an_empty_image_is_traced_only_to_a_source_the_code_shows(code, fragment, wrong):
    hint = _hint("error", OPENCV_EMPTY, code=code)
    assert fragment in hint and wrong not in hint, hint


@pytest.mark.parametrize(
    ("evalue", "fragment"),
    [
        (
            "OpenCV(3.4.2) cascadedetect.cpp:1698: error: (-215:Assertion failed) !empty() in "
            "function 'cv::CascadeClassifier::detectMultiScale'",
            "CascadeClassifier is empty",
        ),
        (
            "OpenCV(4.7.0) batch_distance.cpp:282: error: (-215:Assertion failed) "
            "(type == CV_8U && dtype == CV_32S) || dtype == CV_32F in function 'batchDistance'",
            "cv2.NORM_L2",
        ),
        (
            "OpenCV(4.2.0) window.cpp:376: error: (-215:Assertion failed) size.width>0 && "
            "size.height>0 in function 'cv::imshow'",
            "empty image",
        ),
    ],
)
def test_opencv_assertions_say_what_their_condition_says(evalue, fragment):
    assert fragment in _hint("error", evalue)


def test_an_opencv_assertion_of_unknown_meaning_gets_the_safe_hint():
    evalue = (
        "OpenCV(4.5.1) filter.cpp:100: error: (-215:Assertion failed) ksize.width > 0 in "
        "function 'boxFilter'"
    )
    parsed = _parsed("error", evalue)
    fired = [m for m in matching_rules(parsed) if m.rule == "data_values.opencv_assertion"]
    assert fired and HINTS[fired[0].rule](parsed, fired[0].facts) is None
    assert "ksize.width > 0" in _hint("error", evalue)


# ---------------------------------------------------------------- runtime, models, features


@pytest.mark.parametrize(
    ("ename", "evalue", "line", "fragments"),
    [
        (
            "InvalidArgumentError",
            "Value for attr 'T' of int64 is not in the list of allowed "
            "values: bfloat16, half, float, double, complex64, complex128\n\t; NodeDef: {{node "
            "Sqrt}}; Op<name=Sqrt; signature=x:T -> y:T> [Op:Sqrt]",
            "tf.sqrt(H)",
            ["`Sqrt`", "int64", "tf.cast(x, tf.float32)"],
        ),
        (
            "InvalidArgumentError",
            "cannot compute MatMul as input #1(zero-based) was expected to "
            "be a float tensor but is a double tensor [Op:MatMul]",
            "tf.matmul(a, b)",
            ["`MatMul`", "double", "tf.float"],
        ),
        (
            "RuntimeError",
            "expected backend CPU and dtype Float but got backend CPU and dtype Long",
            "t1 + t2",
            ["Long given, Float expected", ".float()"],
        ),
        (
            "RuntimeError",
            "expected backend CUDA and dtype Float but got backend CPU and dtype Float",
            "out = model(x)",
            ["different devices", ".to(device)"],
        ),
        (
            "RuntimeError",
            "Tensor for 'out' is on CPU, Tensor for argument #1 'self' is on CPU, "
            "but expected them to be on GPU (while checking arguments for addmm)",
            "out = model(x)",
            [".to(device)"],
        ),
        (
            "RuntimeError",
            "This event loop is already running",
            "loop.run_until_complete(fetch(urls))",
            ["`await fetch(urls)`", "`loop.run_until_complete(fetch(urls))`"],
        ),
    ],
)
def test_runtime_hints_name_dtypes_devices_and_calls(ename, evalue, line, fragments):
    hint = _hint(ename, evalue, _cell(line, ename, evalue))
    assert all(f in hint for f in fragments), hint


def test_an_unfitted_estimator_is_named_from_the_call():
    evalue = "The TF-IDF vectorizer is not fitted"
    path = "sklearn/feature_extraction/text.py"
    hint = _library_call_hint("NotFittedError", evalue, "vec.transform(docs)", path)
    assert hint.startswith("`vec` (TF-IDF vectorizer) has not been fitted")


def test_xgboost_feature_names_lists_give_the_counts():
    evalue = (
        "feature_names mismatch: ['f0', 'f1', 'f2'] ['f0', 'f1', 'f2', 'f3', 'f4']\n"
        "training data did not have the following fields: f3, f4"
    )
    # f0, f1, … on both sides: two arrays without names, so only the counts differ
    hint = _hint("ValueError", evalue)
    assert "(5 given, 3 expected)" in hint and "X_train.columns" not in hint, hint


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("(X, y, epochs=3)", ("X", "y")),
        ('(a[:, 0], f(b, c), "x,y")', ("a[:, 0]", "f(b, c)", '"x,y"')),
        ("(**kwargs)", ()),
        ("(x == 1, y)", ("x == 1", "y")),
        ("(x", ()),
        ("(x, g(y)", ()),
    ],
)
def test_positional_args_of_a_call(text, args):
    assert call_from_text(f"f{text}", "f", None).args == args
