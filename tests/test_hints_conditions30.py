"""Hints whose claim was false on crashes nobody tuned on (TypeError and AttributeError of the
thirteenth audit): a column made the index, a Series attribute asked of a DataFrame, a module's
name read through one of its functions, a misspelt OpenCV function, an object the notebook made
read inside a library, a user's class lacking a method a library calls, a function's local
"replaced on a re-run", a NumPy array given a tensor's method, quoted words and joined text in
arithmetic, `key='name'`, an indexed builtin, a library's own unhashable object, and Keras's list
of the arguments a layer received.

Each condition is paired: a crash where the new hint must speak, and one where it must not.
Crashes are written here by hand in the libraries' wording and IPython 8's layout, never copied
from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/home/u/.venv/lib/python3.11/site-packages"


def _hint(ename, message, line, frames=(), cells=(), functions=()):
    """The hint of a crash of the cell `line` (IPython 8's layout). ``functions`` are frames of
    the user's own functions (cell number, function, source line), ``frames`` the libraries'
    (path, function, source line), deepest last; ``cells`` the notebook's other code cells."""
    tb = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[9], line 1\n----> 1 {line}\n")
    for number, function, code in functions:
        tb.append(f"Cell In[{number}], line 3, in {function}()\n      2 pass\n----> 3     {code}\n")
    for path, function, code in frames:
        tb.append(f"File {path}:12, in {function}()\n     11 pass\n---> 12 {code}\n")
    tb.append(f"{ename}: {message}")
    return diagnosed_hint(ename, message, tb, line, cells)


def diagnosed_hint(ename, message, tb, line, cells=(), ran_in_order=False):
    """The hint `diagnose` gives the crash of the cell `line` with the traceback ``tb``, in a
    notebook whose other code cells are ``cells`` (saved with the counts [1], [2], … of a run
    from the top when ``ran_in_order``, else with none)."""
    sources = [*cells, line]
    saved = [{"id": str(i), "source": c} for i, c in enumerate(sources)]
    for i, cell in enumerate(saved if ran_in_order else ()):
        cell["execution_count"] = i + 1
    record = {
        "ename": ename,
        "evalue": message,
        "traceback": tb,
        "code": line,
        "cell_id": str(len(sources) - 1),
        "execution_count": len(sources) if ran_in_order else None,
        "notebook": {"cells": saved},
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


PANDAS_GETATTR = [
    (
        f"{SITE}/pandas/core/generic.py",
        "NDFrame.__getattr__",
        "return object.__getattribute__(self, name)",
    )
]


# ------------------------------------------------------------ a column made the index


def test_a_column_the_notebook_made_the_index_is_read_with_index():
    cells = ["import pandas as pd", "df = pd.read_csv('prices.csv', index_col='Date')"]
    message = "'DataFrame' object has no attribute 'Date'"
    text = _hint("AttributeError", message, "df.Date[0]", PANDAS_GETATTR, cells)
    assert "index_col='Date'" in text and "df.index" in text, text


def test_a_column_nobody_made_the_index_still_asks_for_the_columns():
    cells = ["import pandas as pd", "df = pd.read_csv('prices.csv')"]
    message = "'DataFrame' object has no attribute 'Date'"
    text = _hint("AttributeError", message, "df.Date[0]", PANDAS_GETATTR, cells)
    assert "index" not in text and "df.columns" in text, text


# ------------------------------------------------------------ a Series attribute of a DataFrame


def test_a_series_attribute_asked_of_a_dataframe_is_used_on_a_column():
    message = "'DataFrame' object has no attribute 'hasnans'"
    text = _hint("AttributeError", message, "matches.hasnans", PANDAS_GETATTR)
    assert "Series" in text and "matches['col'].hasnans" in text, text


def test_a_name_no_series_has_is_no_series_attribute():
    message = "'DataFrame' object has no attribute 'Price'"
    text = _hint("AttributeError", message, "matches.Price", PANDAS_GETATTR)
    assert "Series" not in text, text


# ------------------------------------------------------------ a module's name through a function


def test_a_module_name_read_through_its_function_drops_the_function():
    message = "'builtin_function_or_method' object has no attribute 'random'"
    cells = ["import numpy as np"]
    text = _hint("AttributeError", message, "a = np.array.random.rand(10)", cells=cells)
    assert "`np.random`" in text and "call it first" not in text, text


def test_a_name_the_result_has_still_calls_the_function_first():
    message = "'builtin_function_or_method' object has no attribute 'shape'"
    cells = ["import numpy as np"]
    text = _hint("AttributeError", message, "n = np.array.shape", cells=cells)
    assert "call it first" in text, text


# ------------------------------------------------------------ a misspelt OpenCV function


def test_a_misspelt_opencv_function_is_told_its_name():
    message = "module 'cv2.cv2' has no attribute 'imwrire'"
    text = _hint("AttributeError", message, "cv2.imwrire('out.png', img)", cells=["import cv2"])
    assert "`imwrite`" in text and "another library" not in text, text


def test_an_opencv_name_like_none_of_its_functions_gets_no_guess():
    message = "module 'cv2' has no attribute 'xfeatures2d'"
    text = _hint(
        "AttributeError", message, "s = cv2.xfeatures2d.SIFT_create()", cells=["import cv2"]
    )
    assert "Did you mean" not in text, text


# ------------------------------------------------------------ an object the notebook made


TORCH_READ = [
    (f"{SITE}/torch/nn/modules/module.py", "Module._call_impl", "return forward_call(*args)"),
    (f"{SITE}/torch_geometric/nn/aggr/base.py", "Aggregation.__call__", "if dim >= x.dim():"),
    (
        f"{SITE}/torch/nn/modules/module.py",
        "Module.__getattr__",
        "raise AttributeError(f\"'{type(self).__name__}' object has no attribute '{name}'\")",
    ),
]


def test_an_object_the_notebook_makes_read_inside_a_library_gets_both_readings():
    cells = ["import torch.nn as nn", "data['user'].x = nn.Embedding(31, 10)"]
    message = "'Embedding' object has no attribute 'dim'"
    text = _hint(
        "AttributeError", message, "out = model(data.x_dict, data.edge_index)", TORCH_READ, cells
    )
    assert "nn.Embedding(31, 10)" in text and "either" in text, text
    assert "what must run before" not in text, text


def test_a_library_object_the_notebook_never_makes_keeps_the_library_reading():
    cells = ["import torch.nn as nn", "data['user'].x = torch.randn(31, 10)"]
    message = "'Embedding' object has no attribute 'dim'"
    text = _hint(
        "AttributeError", message, "out = model(data.x_dict, data.edge_index)", TORCH_READ, cells
    )
    assert "your notebook makes" not in text, text


# ------------------------------------------------------------ a user's class lacks a method


ARROW = """from matplotlib.patches import FancyArrowPatch
class Arrow3D(FancyArrowPatch):
    def draw(self, renderer):
        FancyArrowPatch.draw(self, renderer)"""
DRAW_3D = [
    (f"{SITE}/matplotlib/figure.py", "Figure.draw", "mimage._draw_list_compositing_images("),
    (
        f"{SITE}/mpl_toolkits/mplot3d/axes3d.py",
        "Axes3D.draw.<locals>.<lambda>",
        "key=lambda artist: artist.do_3d_projection(),",
    ),
]


def test_a_method_a_library_calls_on_the_users_class_is_to_define():
    message = "'Arrow3D' object has no attribute 'do_3d_projection'"
    text = _hint("AttributeError", message, "fig.savefig('arrows.png')", DRAW_3D, [ARROW])
    assert "Your class `Arrow3D`" in text and "FancyArrowPatch" in text, text


def test_a_class_the_user_does_not_define_is_no_class_of_theirs():
    message = "'Line3D' object has no attribute 'do_3d_projection'"
    text = _hint("AttributeError", message, "fig.savefig('arrows.png')", DRAW_3D, [ARROW])
    assert "Your class" not in text, text


# ------------------------------------------------------------ a function's local on a re-run


def test_a_functions_local_is_not_replaced_by_a_rerun():
    message = "'numpy.ndarray' object has no attribute 'to'"
    functions = [(7, "predict", "seq = seq.to(device)")]
    text = _hint("AttributeError", message, "predict(model, [data])", functions=functions)
    assert "ran before" not in text, text


def test_an_array_given_a_tensors_method_in_a_torch_notebook_is_converted():
    message = "'numpy.ndarray' object has no attribute 'to'"
    functions = [(7, "predict", "seq = seq.to(device)")]
    cells = ["import torch"]
    text = _hint("AttributeError", message, "predict(model, [data])", (), cells, functions)
    assert "torch.from_numpy(seq)" in text, text


def test_an_array_without_torch_in_sight_gets_no_tensor():
    message = "'numpy.ndarray' object has no attribute 'to'"
    text = _hint("AttributeError", message, "y = x.to(device)", cells=["import numpy as np"])
    assert "torch" not in text, text


def test_a_cells_own_name_is_replaced_by_a_rerun():
    message = "'numpy.ndarray' object has no attribute 'values'"
    text = _hint("AttributeError", message, "X = X.values")
    assert "ran before" in text, text


# ------------------------------------------------------------ quoted words given to an operator


ADD_OPS = [
    (f"{SITE}/pandas/core/ops/array_ops.py", "_na_arithmetic_op", "result = func(left, right)"),
]


MAP = [
    (f"{SITE}/pandas/core/series.py", "Series.map", "new_values = self._map_values(arg)"),
    (f"{SITE}/pandas/core/base.py", "_map_values", "return map_array(self, mapper)"),
]


def test_a_letter_in_quotes_in_a_lambda_that_pandas_calls_is_no_column():
    line = "df['k'] = df.country.map(lambda a: 'A' - a[0])"
    tb = ["-" * 75, "TypeError                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[9], line 1\n----> 1 {line}\n")
    tb += [f"File {p}:12, in {f}()\n---> 12 {c}\n" for p, f, c in MAP]
    tb.append(f"Cell In[9], line 1, in <lambda>(a)\n----> 1 {line}\n")
    message = "unsupported operand type(s) for -: 'str' and 'str'"
    tb.append(f"TypeError: {message}")
    record = ErrorRecord(ename="TypeError", evalue=message, traceback=tuple(tb), code=line)
    text = diagnose(record).hint
    assert "`'A'`" in text and "ord('A')" in text and "to_numeric" not in text, text


def test_text_columns_subtracted_by_pandas_still_hold_strings():
    frames = [(f"{SITE}/pandas/core/ops/common.py", "new_method", "return method(self, other)")]
    message = "unsupported operand type(s) for -: 'str' and 'str'"
    text = _hint("TypeError", message, "df['gap'] = df['end'] - df['start']", frames + ADD_OPS)
    assert "columns hold strings" in text, text


def test_a_word_divided_by_a_number_may_be_meant_as_text():
    message = "unsupported operand type(s) for /: 'str' and 'int'"
    text = _hint("TypeError", message, "ax.plot(df['MAY'] / 10, label='MAY' / 10)")
    assert "`'MAY'`" in text and "drop the `/`" in text, text


def test_a_text_variable_divided_by_a_number_is_converted():
    message = "unsupported operand type(s) for /: 'str' and 'int'"
    text = _hint("TypeError", message, "half = total / 2")
    assert "quotes" not in text and "mixes text and numbers" in text, text


# ------------------------------------------------------------ text joined to NumPy values


def test_text_joined_to_numbers_with_plus_is_converted_to_text():
    message = (
        "ufunc 'add' did not contain a loop with signature matching types "
        "(dtype('int64'), dtype('<U2')) -> None"
    )
    text = _hint("UFuncTypeError", message, "df['score'] = df['score'] + 'pt'", ADD_OPS)
    assert "`'pt'`" in text and "astype(str)" in text and "astype(float)" not in text, text


def test_text_added_without_a_literal_is_made_numeric():
    message = (
        "ufunc 'add' did not contain a loop with signature matching types "
        "(dtype('int64'), dtype('<U2')) -> None"
    )
    text = _hint("UFuncTypeError", message, "df['score'] = df['score'] + df['bonus']", ADD_OPS)
    assert "astype(float)" in text, text


# ------------------------------------------------------------ key='name'


def test_a_sort_key_given_as_text_wants_a_function():
    text = _hint("TypeError", "'str' object is not callable", "rows.sort(key='name')")
    assert "`key=`" in text and "lambda" in text, text


def test_a_call_of_a_text_without_a_key_is_about_the_name():
    text = _hint("TypeError", "'str' object is not callable", "rows.sort(reverse=True)")
    assert "`key=`" not in text, text


# ------------------------------------------------------------ an indexed builtin


def test_a_builtins_name_indexed_is_a_slip_in_the_name():
    message = "'builtin_function_or_method' object is not subscriptable"
    functions = [(8, "Model.generate", "cond = id[:, -8:]")]
    text = _hint("TypeError", message, "out = model.generate(idx, 10)", functions=functions)
    assert "`id` is Python's built-in" in text and "call it first" not in text, text
    assert "did you mean `idx`?" in text, text


def test_a_method_indexed_is_still_called_first():
    message = "'method' object is not subscriptable"
    text = _hint("TypeError", message, "first = df.head[0]")
    assert "built-in" not in text and ".head(" in text, text


# ------------------------------------------------------------ a library's own unhashable object


def _hashed(type_name: str) -> str:
    frames = [
        ("/home/u/project/mrcnn/model.py", "MaskRCNN.compile", "self.keras_model.add_loss(loss)"),
        (
            f"{SITE}/keras/engine/functional.py",
            "Functional._insert_layers",
            "layer_set = set(self._self_tracked_trackables)",
        ),
        (
            f"{SITE}/tensorflow/python/trackable/data_structures.py",
            f"{type_name}.__hash__",
            f"raise TypeError(\"unhashable type: '{type_name}'\")",
        ),
    ]
    message = f"unhashable type: '{type_name}'"
    return _hint("TypeError", message, "model.train(data, epochs=10)", frames)


def test_a_library_hashing_its_own_object_is_no_value_to_convert():
    text = _hashed("ListWrapper")
    assert "makes for itself" in text and "mrcnn/model.py" in text and "tuple" not in text, text


def test_a_list_hashed_by_a_library_is_still_converted():
    text = _hashed("list")
    assert "makes for itself" not in text, text


# ------------------------------------------------------------ Keras's list of received arguments


KERAS3 = (
    "Exception encountered when calling BasicDecoder.call().\n\n"
    "Could not automatically infer the output shape / dtype of 'basic_decoder' (of type "
    "BasicDecoder). Error encountered:\n\n'NoneType' object is not subscriptable\n\n"
    "Arguments received by BasicDecoder.call():\n"
    "  • args=('<KerasTensor shape=(None, None, 256), dtype=float32, sparse=False>',)\n"
    "  • kwargs={'initial_state': '<KerasTensor shape=(None, 512)>', 'sequence_length': None}"
)
DECODE = "out, _, _ = decoder(emb, initial_state=state, sequence_length=lengths)"


LAYER_CALL = (f"{SITE}/keras/src/layers/layer.py", "Layer.__call__", "return super().__call__()")
TFA = (f"{SITE}/tensorflow_addons/seq2seq/decoder.py", "dynamic_decode", "decoder.output_size,")


def test_the_arguments_keras_received_are_no_arguments_the_message_names():
    text = _hint("TypeError", KERAS3, DECODE, [LAYER_CALL])
    assert "the message names" not in text, text


def test_a_keras2_library_under_keras3_is_told_so():
    text = _hint("TypeError", KERAS3, DECODE, [LAYER_CALL, TFA])
    assert "Keras 2" in text and "tf-keras" in text, text
