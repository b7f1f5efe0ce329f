"""Tensors, shapes and environments told by what the crash shows (wave 15b): PyTorch's
index-dtype check, a NumPy reduction handed a tensor, a batch mismatch with no reshape in sight,
a literal empty range, a layer without settings, a vectorizer never fitted, Python's `input`
read for a variable, standalone Keras against another TensorFlow, Python 2's short module
name, and TensorFlow's checkpoint match check.

Each condition is paired with a crash where the former hint must stay. Crashes are written here
by hand in the libraries' and IPython's wording, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions import _ipython7
from tests.test_hints_conditions32 import _hint as notebook_hint

SITE = "/usr/local/lib/python3.10/dist-packages"
TORCH = f"{SITE}/torch/nn/modules/module.py"
NUMPY = f"{SITE}/numpy/core/fromnumeric.py"
PLOT = f"{SITE}/matplotlib/axes/_base.py"
CHECKPOINT = f"{SITE}/tensorflow/python/training/tracking/util.py"
MATMUL = "mat1 and mat2 shapes cannot be multiplied (64x3 and 5x8)"
LINEAR = [(f"{SITE}/torch/nn/modules/linear.py", "forward")]
TRAINS = "for xb in loader:\n    loss = fn(net(xb))\n    loss.backward()\n"
EVALUATES = "with torch.no_grad():\n    out = net(xt)\n"

BATCH = "Expected input batch_size (16) to match target batch_size (4)."
PLOT_LENGTHS = "x and y must have same first dimension, but have shapes (0,) and (9,)"
NUMPY_KEYWORDS = (
    "sum() received an invalid combination of arguments - got (out=NoneType, axis=NoneType, ), "
    "but expected one of:\n * (*, torch.dtype dtype)\n * (tuple of ints dim, bool keepdim)"
)
FLOAT_SIZES = (
    "zeros() received an invalid combination of arguments - got (tuple, dtype=torch.dtype), "
    "but expected one of:\n * (tuple of ints size, *, torch.dtype dtype)"
)
NO_SETTINGS = "__init__() takes 1 positional argument but 2 were given"
NO_MATCH = (
    "Nothing except the root object matched a checkpointed value. Typically this means that "
    "the checkpoint does not match the Python program."
)


def _said(ename, message, line, frames=(), code=None):
    return hint(crash(ename, message, line, frames, code))


# (hint, what it must say, what it must not say)
SPEAKS = {
    "torch_index_dtype": (
        lambda: _said("IndexError", "gather(): Expected dtype int64 for index", "t.gather(1, i)"),
        ("`gather()` must hold int64", ".long()"),
        ("past the end",),
    ),
    "plain_index_past_the_end": (
        lambda: _said("IndexError", "list index out of range", "x = items[5]"),
        (),
        ("int64",),
    ),
    "numpy_reduction_of_a_tensor": (
        lambda: _said("TypeError", NUMPY_KEYWORDS, "s = np.sum(t)", [(NUMPY, "_wrapreduction")]),
        ("NumPy function was given a PyTorch tensor", ".numpy()"),
        ("sizes must be ints",),
    ),
    "torch_call_with_float_sizes": (
        lambda: _said("TypeError", FLOAT_SIZES, "z = make(n / 2)", [(TORCH, "make")]),
        (),
        ("NumPy function",),
    ),
    "batch_mismatch_without_reshape": (
        lambda: _said("ValueError", BATCH, "loss = criterion(model(x), y)", [(TORCH, "forward")]),
        ("not the same samples",),
        ("view(",),
    ),
    "batch_mismatch_with_a_view": (
        lambda: _said(
            "ValueError",
            BATCH,
            "loss = criterion(model(x), y)",
            [(TORCH, "forward")],
            "x = x.view(-1, 120)\nloss = criterion(model(x), y)",
        ),
        ("`view(-1, n)`",),
        (),
    ),
    "range_written_backwards": (
        lambda: _said("ValueError", PLOT_LENGTHS, "plt.plot(range(5, 2), c)", [(PLOT, "_plot")]),
        ("start 5 is not below its stop",),
        ("fill",),
    ),
    "empty_variable_plotted": (
        lambda: _said("ValueError", PLOT_LENGTHS, "plt.plot(ks, c)", [(PLOT, "_plot")]),
        ("the step that should fill",),
        (),
    ),
    "layer_without_settings": (
        lambda: _said("TypeError", NO_SETTINGS, "out = nn.ReLU(0.5)"),
        ("`nn.ReLU` takes no settings", "`nn.ReLU()(x)`"),
        ("dim",),
    ),
    "softmax_given_its_data": (
        lambda: _said(
            "TypeError",
            "__init__() takes from 1 to 2 positional arguments but 3 were given",
            "p = nn.Softmax(logits, 1)",
        ),
        ("(such as `dim`)", "`nn.Softmax(...)(logits)`"),
        (),
    ),
    "training_data_into_a_layer_of_other_width": (
        lambda: _said("RuntimeError", MATMUL, "loss = fn(net(xb))", LINEAR, TRAINS + EVALUATES),
        ("set its `in_features` to 3",),
        ("like the training data",),
    ),
    "new_inputs_into_a_trained_model": (
        lambda: _said("RuntimeError", MATMUL, "out = net(xt)", LINEAR, EVALUATES),
        ("like the training data",),
        (),
    ),
    "reshape_no_minus_one_fits": (
        lambda: _said(
            "ValueError", "cannot reshape array of size 6 into shape (4,4)", "a = r.reshape(4, 4)"
        ),
        ("no -1 in any place fits them",),
        ("put -1",),
    ),
    "reshape_a_minus_one_fits": (
        lambda: _said(
            "ValueError", "cannot reshape array of size 32 into shape (4,4)", "a = r.reshape(4, 4)"
        ),
        ("put -1 in one dimension",),
        (),
    ),
    "checkpoint_of_another_model": (
        lambda: _said(
            "AssertionError", NO_MATCH, "model.load_weights('ckpt/m')", [(CHECKPOINT, "assert_")]
        ),
        ("saved by another model",),
        ("print the values",),
    ),
}


@pytest.mark.parametrize("name", sorted(SPEAKS))
def test_each_condition_speaks_only_where_it_holds(name):
    make, says, never = SPEAKS[name]
    said = make()
    assert all(s in said for s in says), said
    assert not any(n in said for n in never), said


def _notebook(ename, message, sources):
    cells = [(source, count, None) for count, source in enumerate(sources, 1)]
    return notebook_hint(ename, message, sources[1], cells, 1, count=2)


def test_a_vectorizer_without_vocabulary_is_unfitted_not_another_version():
    sources = ["cv = CountVectorizer()", "print(cv.vocabulary_)", "X = cv.fit_transform(docs)"]
    message = "'CountVectorizer' object has no attribute 'vocabulary_'"
    said = _notebook("AttributeError", message, sources)
    assert "has not been fitted" in said and "version" not in said, said


@pytest.mark.parametrize(
    ("assigned", "says"), [("inputs = torch.randn(4, 3)", "`inputs`"), ("data = load()", None)]
)
def test_input_read_for_a_variable_names_the_close_one_or_stays_safe(assigned, says):
    message = "'function' object has no attribute 'shape'"
    said = _notebook("AttributeError", message, [assigned, "input.shape"])
    assert "call it first" not in said, said
    assert (says in said and "built-in function" in said) if says else "built-in" not in said


def test_standalone_keras_against_another_tensorflow_pins_keras_to_it():
    context = "tensorflow.python.eager.context"
    message = f"cannot import name 'get_config' from '{context}' ({SITE}/tensorflow/__init__.py)"
    frames = [
        (f"{SITE}/keras/__init__.py", "<module>", "from keras import models"),
        (f"{SITE}/keras/backend.py", "<module>", f"from {context} import get_config"),
    ]
    said = _ipython7("ImportError", message, "import keras", frames)
    assert "does not match your `tensorflow`" in said and "tf.keras" in said, said
    assert "Python version" not in said and "-U keras" not in said, said


def test_python2s_short_module_name_is_read_whole_from_the_import_line():
    frames = [
        (f"{SITE}/bayeslib/__init__.py", "<module>", "from bayeslib import models"),
        (f"{SITE}/bayeslib/m.py", "<module>", "from tensorflow.contrib.distributions import N"),
    ]
    message = "No module named contrib.distributions"
    said = _ipython7("ImportError", message, "import bayeslib", frames)
    assert "`bayeslib` imports `tensorflow.contrib.distributions`" in said, said
    assert "older `tensorflow`" in said and "`contrib` version" not in said, said


def test_a_librarys_own_search_that_found_nothing_is_no_argument_of_the_user():
    frames = [(f"{SITE}/webtrans/token.py", "_update", "code = RE_TKK.search(r.text).group(1)")]
    message = "'NoneType' object has no attribute 'group'"
    said = _ipython7("AttributeError", message, "t.translate(texts, dest=lang)", frames)
    assert "`RE_TKK.search(r.text)` found no match" in said, said
    assert "you pass is None" not in said, said
