"""Speak-only-when pairs for the sixteenth audit's memory, shape, key, file, index and
feature-name hints that graders found wrong: each condition with a crash where the sentence
speaks and one where it must not.

- CUDA out of memory while a library's own `model.to(device)` moves the weights (its `_apply`
  override in between): no batch yet, so the GPU may be held elsewhere, not "lower the batch".
- TensorFlow OOM in a weight initializer: the layer's weights, not a batch, did not fit.
- `a[4, :] = row` on 4 rows: an array does not grow by assignment (not only an off-by-one).
- A matmul core mismatch with a side of size 1: a transpose fits only in one case.
- A conv's channel mismatch between feature maps inside the user's `forward`: no images.
- seaborn given no `data=` and a name other cells plot longer: the name is cut short.
- A missing column the notebook creates by assignment: not a spelling slip.
- pandas' "Could not construct index": the rows hold more fields than the header.

Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions40 import SITE, _crash

TORCH = f"{SITE}/torch/nn/modules/module.py"

# ------------------------------------------------------------ CUDA OOM while moving weights

_TRAINER = f"{SITE}/detectkit/engine/trainer.py"


def _cuda_oom(*frames) -> str:
    """The hint for CUDA running out of memory under `model.train(...)` of a library."""
    return _crash("RuntimeError", "CUDA error: out of memory", "model.train(epochs=3)", frames)


def test_a_library_moving_its_model_to_the_gpu_is_no_matter_of_batch_size():
    text = _cuda_oom(
        (_TRAINER, "Trainer.setup", "self.model = self.model.to(d)"),
        (TORCH, "Module.to", "return self._apply(convert)"),
        (f"{SITE}/detectkit/nn/tasks.py", "DetectionModel._apply", "self = super()._apply(fn)"),
        (TORCH, "Module._apply", "module._apply(fn)"),
        (TORCH, "Module.to.<locals>.convert", "return t.to(device)"),
    )
    assert "`detectkit` moved the model's weights" in text and "nvidia-smi" in text, text
    assert "batch size" not in text, text


def test_an_out_of_memory_in_the_forward_pass_keeps_the_batch_size():
    text = _cuda_oom(
        (_TRAINER, "Trainer.step", "loss = self.model(batch)"),
        (TORCH, "Module._call_impl", "return forward_call(*args)"),
        (f"{SITE}/torch/nn/modules/conv.py", "Conv2d.forward", "return F.conv2d(x, w)"),
    )
    assert "lower the batch size" in text and "moved the model" not in text, text


# ------------------------------------------------------- TensorFlow OOM creating the weights

_TF = f"{SITE}/tensorflow/python"
_OOM = (
    "OOM when allocating tensor with shape[401408,512] and type float on "
    "/job:localhost/replica:0/task:0/device:GPU:0 by allocator GPU_0_bfc [Op:RandomUniform]"
)


def test_an_oom_in_a_weight_initializer_names_the_layer_not_the_batch():
    frames = [
        (f"{_TF}/keras/engine/base_layer.py", "add_weight", "variable = self._add_variable()"),
        (f"{_TF}/ops/init_ops_v2.py", "__call__", "return self._random_generator.uniform()"),
        (f"{_TF}/ops/random_ops.py", "random_uniform", "shape, dtype, seed=seed1"),
    ]
    text = _crash(
        "ResourceExhaustedError", _OOM, "h = Dense(512, activation='relu')(h)", frames=frames
    )
    assert "creating a layer's weights of shape (401408,512)" in text, text
    assert "batch size" not in text, text


def test_an_oom_while_fitting_keeps_the_batch_size():
    frames = [
        (f"{_TF}/keras/engine/training.py", "fit", "tmp_logs = self.train_function(iterator)"),
        (f"{_TF}/eager/execute.py", "quick_execute", "inputs, attrs, num_outputs)"),
    ]
    text = _crash("ResourceExhaustedError", _OOM, "model.fit(x, y, epochs=5)", frames=frames)
    assert "reduce the batch size" in text and "creating a layer" not in text, text


# -------------------------------------------------------- an index past the end, assigned to

_PAST = "index 3 is out of bounds for axis 0 with size 3"


def test_assigning_one_past_the_end_says_an_array_does_not_grow():
    text = _crash("IndexError", _PAST, "grid = np.zeros((3, 2))\ngrid[3, :] = [5, 6]")
    assert "does not grow a NumPy array" in text and "np.append(..., axis=0)" in text, text
    assert "write index 2" in text, text


def test_reading_one_past_the_end_stays_an_off_by_one():
    text = _crash("IndexError", _PAST, "grid = np.zeros((3, 2))\nlast = grid[3, :]")
    assert "an off-by-one" in text and "grow" not in text, text


# ----------------------------------------------------------- a matmul core mismatch of size 1


def _core(first: int, second: int) -> str:
    message = (
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
        f"(n?,k),(k,m?)->(n?,m?) (size {second} is different from {first})"
    )
    return _crash("ValueError", message, "energy = np.trace(state @ op)")


def test_a_side_of_size_one_is_told_when_a_transpose_can_fit():
    text = _core(8, 1)
    assert "one side has size 1" in text and "other axis is 8" in text, text
    assert "if that makes them match" not in text, text


def test_two_sizes_above_one_keep_the_transpose_advice():
    text = _core(8, 4)
    assert "if that makes them match" in text and "size 1" not in text, text


# ---------------------------------------------------------- a conv between feature maps

_CHANNELS = (
    "Given groups=1, weight of size [64, {want}, 3, 3], expected input[4, {got}, 32, 32] to have "
    "{want} channels, but got {got} channels instead"
)


def _conv(want: int, got: int) -> str:
    frames = [
        ("/tmp/ipykernel_31/4071128831.py", "forward", "x = block(torch.cat([x, skip], 1))"),
        (TORCH, "Module._call_impl", "return forward_call(*args, **kwargs)"),
        (f"{SITE}/torch/nn/modules/conv.py", "Conv2d.forward", "return self._conv_forward(x)"),
    ]
    message = _CHANNELS.format(want=want, got=got)
    return _crash("RuntimeError", message, "out = net(images)", frames=frames)


def test_a_feature_map_mismatch_inside_forward_names_no_images():
    text = _conv(192, 384)
    assert "feature map of 384" in text and "give the images" not in text, text


def test_an_image_channel_count_keeps_the_images_reading():
    text = _conv(3, 1)
    assert "give the images 3 channels" in text and "feature map" not in text, text


# ----------------------------------------------------- seaborn, no frame, a name cut short

_NO_DATA = "Could not interpret value `Pas` for `x`. Value is a string, but `data` was not passed."
_SEABORN = [
    (f"{SITE}/seaborn/categorical.py", "countplot", "p = _CategoricalAggPlotter(data=data)"),
    (f"{SITE}/seaborn/_core/data.py", "_assign_variables", "raise ValueError(err)"),
]


def test_a_name_other_cells_plot_longer_is_called_cut_short():
    cells = ("sns.countplot(x='Passed', data=scores)",)
    text = _crash("ValueError", _NO_DATA, "sns.countplot(x='Pas')", _SEABORN, cells)
    assert "looks cut short" in text and "sns.countplot(x='Passed', data=scores)" in text, text


def test_a_name_no_other_cell_plots_keeps_the_frame_advice():
    cells = ("sns.countplot(x='Grade', data=scores)",)
    text = _crash("ValueError", _NO_DATA, "sns.countplot(x='Pas')", _SEABORN, cells)
    assert "is given no frame" in text and "cut short" not in text, text


# ------------------------------------------------- a missing column the notebook creates

_PANDAS = f"{SITE}/pandas/core"
_MISSING = [
    (f"{_PANDAS}/frame.py", "DataFrame.__getitem__", "indexer = self.columns.get_loc(key)"),
    (f"{_PANDAS}/indexes/base.py", "Index.get_loc", "raise KeyError(key) from err"),
]


def test_a_column_only_another_frame_was_given_is_no_spelling_slip():
    cells = ("train['ratio'] = train['sold'] / train['stock']",)
    text = _crash("KeyError", "'ratio'", "valid['ratio'].mean()", frames=_MISSING, cells=cells)
    assert "creates by assignment (`train['ratio'] = …`)" in text, text
    assert "check spelling" not in text, text


def test_columns_listed_for_a_frame_that_lacks_them_name_that_frame():
    cells = ("train['lag_1'] = train['sold'].shift(1)", "train['lag_2'] = train['sold'].shift(2)")
    frames = [
        (f"{_PANDAS}/frame.py", "DataFrame.__getitem__", "indexer = self._get_indexer(key)"),
        (f"{_PANDAS}/indexes/base.py", "Index._raise_if_missing", "raise KeyError(missing)"),
    ]
    message = "\"['lag_1', 'lag_2'] not in index\""
    line = "X_valid = valid[['sold', 'lag_1', 'lag_2']]"
    text = _crash("KeyError", message, line, frames=frames, cells=cells)
    assert text.startswith("`valid` has no column 'lag_1', 'lag_2', which the notebook"), text


def test_a_column_rewritten_from_itself_is_created_by_no_cell():
    cells = ("valid['ratio'] = valid['ratio'].astype(float)",)
    text = _crash("KeyError", "'ratio'", "valid['ratio'].mean()", frames=_MISSING, cells=cells)
    assert "creates by assignment" not in text and "check spelling" in text, text


def test_a_column_read_before_its_first_store_came_with_the_data():
    # 'Age' is read from the file's frame before a cell rewrites it: the store creates nothing
    cells = (
        "train = pd.read_csv('train.csv')\nprint(train['Age'].mean())",
        "train['Age'] = train.apply(fill_age, axis=1)",
    )
    text = _crash("KeyError", "'Age'", "valid['Age'].mean()", frames=_MISSING, cells=cells)
    assert "creates by assignment" not in text and "check spelling" in text, text


# ------------------------------------------------ rows with more fields than the header

_INDEX = "Could not construct index. Requested to use 1 number of columns, but 64 left to parse."


def test_a_row_longer_than_the_header_is_no_truncated_file():
    frames = [
        (f"{SITE}/pandas/io/parsers/readers.py", "read_csv", "return _read(filepath, kwds)"),
        (f"{SITE}/pandas/io/parsers/c_parser_wrapper.py", "CParserWrapper.read", "raise"),
    ]
    line = "people = pd.read_csv('people.csv', index_col=0)"
    text = _crash("ParserError", _INDEX, line, frames=frames)
    assert "64 more fields than the header" in text and "truncated" not in text, text
