"""Review of wave w22b (70488a6..w22b): for each condition narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash the condition was made for still does:

- a Spark worker's NameError in a notebook cell's own function (cloudpickle keeps the cell's
  `/tmp/ipykernel_N/M.py`): no module file to fix and "load again";
- `s.map(len)` raising in pandas' compiled `lib.pyx`: no file of the user's;
- `self.model.save(...)` in a Keras callback's `on_epoch_end`: Keras calls it, not the user;
- a function handed to `LambdaCallback(on_epoch_end=save_best)`: likewise;
- `%xmode Verbose`'s header `in f(parts=[1, 2], size=(3, 3), model=None)`: `model` is a
  parameter whose default is the None, not a global of the file;
- `/content/yolov5/models/common.py` after `!git clone .../yolov5`: a file of that repository,
  not "your own file" (the hint keeps its place and its advice, named for what it is).
"""

from __future__ import annotations

from tests.test_hints_conditions105 import (
    IMREAD,
    MESSAGE,
    NO_LOGO,
    OPTIMIZE,
    READER,
    SITE,
    SPARK_FRAMES,
    WRITER,
    _hint,
    _spark_message,
)

# ------------------------------------------ a Spark worker's NameError in a cell's function


def test_a_worker_name_error_in_a_cells_function_is_no_module_file_to_reload():
    file_line = (
        '  File "/tmp/ipykernel_4127/1923583.py", line 3, in clean_name\n'
        "    return nme.strip().upper()\n"
        "NameError: name 'nme' is not defined\n"
    )
    code = "names = rdd.map(clean_name).collect()\n"
    text = _hint("Py4JJavaError", _spark_message(file_line), code, code.strip(), SPARK_FRAMES)
    assert "1923583.py" not in text and "load the file again" not in text, text
    made_for = (
        '  File "helpers_export.py", line 7, in <module>\n'
        "    import helpers\n"
        "NameError: name 'helpers' is not defined\n"
    )
    text = _hint("Py4JJavaError", _spark_message(made_for), code, code.strip(), SPARK_FRAMES)
    assert "`helpers_export.py`" in text and "not in this kernel" in text, text


# ------------------------------------------------- pandas' compiled code is no own file


def test_pandas_compiled_lib_pyx_is_not_the_users_own_file():
    code = "df['n'] = df['s'].map(len)\n"
    frames = [
        (f"{SITE}/pandas/core/series.py", "Series.map(self, arg)", "new_values = self._map(arg)"),
        (f"{SITE}/pandas/core/base.py", "IndexOpsMixin._map_values(self, mapper)", "return m"),
        ("lib.pyx:2834", "pandas._libs.lib.map_infer()", ""),
    ]
    message = "object of type 'float' has no len()"
    text = _hint("TypeError", message, code, code.strip(), frames)
    assert "your own file" not in text and "lib.pyx" not in text, text
    code = "fit = model.fit(X, y)\n"
    own = ("/home/lee/hw3/ridge.py", "gradient(self, w)", "g = self.w - w * lam")
    text = _hint("TypeError", MESSAGE, code, code.strip(), [*OPTIMIZE, own])
    assert "your own file" in text and "`ridge.py`" in text, text


# ------------------------------------------------ writes in functions a library calls

FIT = "history = model.fit(X, y, validation_split=0.2, callbacks=[SaveBest()])\n"
READ = "best = keras.models.load_model('best_model.h5')\n"
LOAD = [(f"{SITE}/keras/saving/save.py", "load_model(filepath)", "with open(filepath, 'rb') as f:")]
NO_MODEL = "[Errno 2] No such file or directory: 'best_model.h5'"


def _made_for_still_told_to_call():
    line = READER.splitlines()[1]
    text = _hint("FileNotFoundError", NO_LOGO, READER, line, IMREAD, [WRITER, READER], 1)
    assert "call `draw_logo()`" in text, text


def test_a_callback_methods_write_is_not_told_to_call_the_method():
    callback = (
        "class SaveBest(keras.callbacks.Callback):\n"
        "    def on_epoch_end(self, epoch, logs=None):\n"
        "        if logs['val_loss'] < self.best:\n"
        "            self.best = logs['val_loss']\n"
        "            self.model.save('best_model.h5')\n"
    )
    text = _hint("FileNotFoundError", NO_MODEL, READ, READ.strip(), LOAD, [callback, FIT, READ], 2)
    assert "call `on_epoch_end()`" not in text and "best_model.h5" in text, text
    _made_for_still_told_to_call()


def test_a_function_handed_to_a_library_is_not_told_to_be_called():
    save = "def save_best(epoch, logs):\n    model.save('best_model.h5')\n"
    fit = (
        "cb = keras.callbacks.LambdaCallback(on_epoch_end=save_best)\n"
        "model.fit(X, y, callbacks=[cb])\n"
    )
    text = _hint("FileNotFoundError", NO_MODEL, READ, READ.strip(), LOAD, [save, fit, READ], 2)
    assert "call `save_best()`" not in text and "best_model.h5" in text, text
    _made_for_still_told_to_call()


# ------------------------------------- a parameter shown with its value by %xmode Verbose


def test_a_verbose_headers_parameter_after_a_tuple_default_is_a_passed_value():
    code = "import boosting\nboosting.add_learner(parts)\n"
    message = "'NoneType' object has no attribute 'predict'"
    header = "add_learner(parts=[1, 2], size=(3, 3), model=None)"
    own = ("/home/ana/src/boosting.py", header, "p = model.predict(parts)")
    text = _hint("AttributeError", message, code, "boosting.add_learner(parts)", [own])
    assert "is None in your file" not in text and "no value you pass" not in text, text
    own = ("/home/ana/src/boosting.py", "add_learner(parts)", "n = global_width.value")
    message = "'NoneType' object has no attribute 'value'"
    text = _hint("AttributeError", message, code, "boosting.add_learner(parts)", [own])
    assert "`global_width` is None in your file `boosting.py`" in text, text


# ------------------------------------------- a file of a repository a cell clones

CLONE = "!git clone https://github.com/ultralytics/yolov5\n%cd yolov5\n"
MODULE_CALL = f"{SITE}/torch/nn/modules/module.py"


def test_a_cloned_repositorys_file_is_not_called_the_users_own():
    code = "pred = model(imgs)\n"
    frames = [
        (MODULE_CALL, "Module._call_impl(self, *input, **kwargs)", "return forward_call(*input)"),
        ("/content/yolov5/models/yolo.py", "DetectionModel.forward(self, x)", "return m(x)"),
        (MODULE_CALL, "Module._call_impl(self, *input, **kwargs)", "return forward_call(*input)"),
        ("/content/yolov5/models/common.py", "Conv.forward(self, x)", "k = self.k * 2"),
    ]
    message = "unsupported operand type(s) for *: 'NoneType' and 'int'"
    text = _hint("TypeError", message, code, code.strip(), frames, [CLONE, code], 1)
    assert "your own file" not in text and "repository a cell clones" in text, text
    assert "`common.py`" in text, text
    code = "fit = model.fit(X, y)\n"
    own = ("/home/lee/hw3/ridge.py", "gradient(self, w)", "g = self.w - w * lam")
    text = _hint("TypeError", MESSAGE, code, code.strip(), [*OPTIMIZE, own])
    assert "your own file" in text and "`ridge.py`" in text, text


def test_a_none_global_of_a_cloned_repositorys_file_is_not_called_the_users():
    code = "import boosting\nboosting.add_learner(parts)\n"
    clone = "!git clone https://github.com/ana/boosting\n"
    own = ("/content/boosting/boosting.py", "add_learner(parts)", "n = global_width.value")
    message = "'NoneType' object has no attribute 'value'"
    line = "boosting.add_learner(parts)"
    text = _hint("AttributeError", message, code, line, [own], [clone, code], 1)
    assert "your file" not in text and "cloned repository's file `boosting.py`" in text, text
    own = ("/home/ana/src/boosting.py", "add_learner(parts)", "n = global_width.value")
    text = _hint("AttributeError", message, code, line, [own], ["import os\n", code], 1)
    assert "`global_width` is None in your file `boosting.py`" in text, text
