"""Templates speak only where their conditions hold (wave 14c): VS Code that could not start
Jupyter, `strptime` of a column, a keyword assigned to, NumPy's names on `torch`, a Pipeline step
name `make_pipeline` did not give, a builtin method given more values than it takes, a folder
command with a path, a pip name with `-Lib`, CUDA asked for by the user's own file, an
incomplete TF Hub download and an annotation arrow matplotlib cannot draw.

Each condition is paired: a crash where the new hint must speak, and one where it must not.
Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions28 import _syntax
from tests.test_hints_conditions67 import SITE, _crash


def _diagnosed(ename: str, message: str, traceback: list[str], code: str, cells=None) -> str:
    record = {"ename": ename, "evalue": message, "traceback": traceback, "code": code}
    if cells is not None:
        record["notebook"] = {
            "cells": [
                {"id": str(i), "source": source, "execution_count": count}
                for i, (source, count) in enumerate(cells)
            ]
        }
        record["cell_id"] = str(len(cells) - 1)
        record["execution_count"] = cells[-1][1]
    return diagnose(ErrorRecord.from_dict(record)).hint


def _nb(ename: str, message: str, line: str, cells) -> str:
    """The hint of a crash of the last of the notebook ``cells`` ((source, count) pairs)."""
    return _diagnosed(ename, message, _cell_frames(ename, message, line), cells[-1][0], cells)


def _cell_frames(ename: str, message: str, line: str, *frames: str) -> list[str]:
    """IPython's traceback: the cell's ``line``, then ``frames`` ("path | function | line")."""
    out = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    out.append(f"Cell In[7], line 1\n----> 1 {line}\n")
    for frame in frames:
        path, function, text = frame.split(" | ", 2)
        out.append(f"File {path}:86, in {function}(*args)\n---> 86 {text}\n")
    return [*out, f"{ename}: {message}"]


# ------------------------------------------------------ 1. VS Code could not start Jupyter at all

_VSCODE_STACK = [
    "at b.startServer (/home/u/.vscode/extensions/ms-python.python-2020.6.1/out/client/"
    "extension.js:92:1200)",
    "at b.createServer (/home/u/.vscode/extensions/ms-python.python-2020.6.1/out/client/"
    "extension.js:92:1100)",
]


def _vscode(message: str) -> str:
    return _diagnosed("Error", message, [f"Error: {message}", *_VSCODE_STACK], "import numpy")


def test_jupyter_not_installed_in_the_interpreter_is_installed_from_a_terminal():
    text = _vscode(
        "Jupyter cannot be started. Error attempting to locate jupyter: Data Science libraries "
        "notebook and jupyter are not installed in interpreter Python 3.8.5 64-bit."
    )
    assert "(Python 3.8.5 64-bit)" in text and "from a terminal" in text, text
    assert "%pip" not in text and "restart the kernel" not in text, text


def test_jupyter_failing_to_start_for_another_reason_names_no_missing_package():
    text = _vscode("Jupyter cannot be started. Error attempting to locate jupyter: jupyter exited.")
    assert "VS Code could not start Jupyter" in text and "lacks" not in text, text
    assert "restart the kernel" not in text, text


# ----------------------------------------------- 2. `strptime` of a column, its name not defined


def test_strptime_of_a_column_with_an_undefined_alias_is_pandas_to_datetime():
    line = "sales['day'] = dt.strptime(sales['day'], '%d/%m/%Y')"
    text = _nb(
        "NameError", "name 'dt' is not defined", line, [("import pandas as pd", 1), (line, 2)]
    )
    assert "pd.to_datetime(sales['day'], format='%d/%m/%Y')" in text, text
    assert "import datetime as dt" not in text, text


def test_strptime_of_one_string_with_an_undefined_alias_imports_the_class():
    line = "start = dt.strptime('03/01/2021', '%d/%m/%Y')"
    text = _nb("NameError", "name 'dt' is not defined", line, [(line, 2)])
    assert "`from datetime import datetime as dt`" in text, text
    assert "to_datetime" not in text, text


def test_dt_read_as_the_module_keeps_its_module_import():
    line = "week = dt.timedelta(days=7)"
    text = _nb("NameError", "name 'dt' is not defined", line, [(line, 2)])
    assert "`import datetime as dt`" in text, text


# ------------------------------------------------------------------ 3. a keyword assigned to


def test_a_keyword_assigned_a_value_is_no_comparison():
    text = _syntax("if = 'hello'", caret=3)
    assert "`if` is a Python keyword" in text and "==" not in text, text


def test_a_condition_with_a_single_equals_sign_still_asks_for_two():
    text = _syntax("if x = 'hello':", caret=5)
    assert "write `==`" in text, text


# -------------------------------------------------------- 4. NumPy's names on the `torch` module


def _torch_missing(attribute: str) -> str:
    line = f"m = torch.{attribute}(t)"
    message = f"module 'torch' has no attribute '{attribute}'"
    return _nb("AttributeError", message, line, [("import torch", 1), (line, 2)])


def test_numpys_average_on_torch_names_torch_mean():
    text = _torch_missing("average")
    assert "`torch.mean(t)`" in text and "numpy" not in text.lower().replace("numpy's", ""), text


def test_a_numpy_name_torch_has_no_twin_for_is_not_sent_to_numpy():
    text = _torch_missing("ptp")
    assert "it is in" not in text and "`numpy`" not in text, text


# --------------------------------------------- 5. a Pipeline step name make_pipeline did not give

_PIPELINE = (
    "Invalid parameter 'clf' for estimator Pipeline(steps=[('standardscaler', StandardScaler()),\n"
    "                ('columntransformer',\n"
    "                 ColumnTransformer(transformers=[('num', SimpleImputer(), [0])])),\n"
    "                ('randomforestclassifier', RandomForestClassifier())]). Valid parameters "
    "are: ['memory', 'steps', 'verbose']."
)
_SEARCH = [
    f"{SITE}/sklearn/model_selection/_search.py | fit | self._run_search(evaluate_candidates)",
    f"{SITE}/sklearn/base.py | set_params | raise ValueError(",
]


def test_a_grid_key_of_a_step_name_make_pipeline_did_not_give_names_the_real_step():
    code = (
        "clf = RandomForestClassifier()\n"
        "pipe = make_pipeline(StandardScaler(), ct, clf)\n"
        "grid = GridSearchCV(pipe, {'clf__max_depth': [2, 4]})\n"
        "grid.fit(X, y)"
    )
    text = _crash("ValueError", _PIPELINE, code, "grid.fit(X, y)", *_SEARCH)
    assert "`'randomforestclassifier__max_depth'`" in text, text
    assert "<step>__clf" not in text and "`num`" not in text, text


def test_a_parameter_given_without_its_step_keeps_the_step_prefix_advice():
    code = "pipe = make_pipeline(StandardScaler(), ct, clf)\npipe.set_params(clf=3)\n"
    text = _crash("ValueError", _PIPELINE, code, "pipe.set_params(clf=3)", *_SEARCH[1:])
    assert "`<step>__clf`" in text, text


# ------------------------------------------- 6. a builtin method given more values than it takes


def _list_attribute(line: str, cells) -> str:
    message = "'list' object has no attribute 'append_'"
    return _nb("AttributeError", message, line, [*cells, (line, 3)])


def test_a_list_method_that_takes_one_value_is_no_slip_for_a_call_of_two():
    defined = ("def append_all(target, items):\n    target.extend(items)", 2)
    text = _list_attribute("out.append_(out, extra)", [defined])
    assert "`append_all(out, extra)`" in text and "Did you mean" not in text, text


def test_a_list_method_that_takes_the_call_s_values_keeps_its_did_you_mean():
    text = _list_attribute("out.append_(extra)", [])
    assert "Did you mean `append`?" in text, text


# --------------------------------------------------------- 7. a folder command with a path


def test_pwd_with_a_windows_path_is_percent_cd_in_quotes():
    text = _syntax(r"pwd D:\Work\my data", caret=4, code="pwd D:\\Work\\my data\n    ")
    assert r'`%cd "D:\Work\my data"`' in text and "Markdown" not in text, text


def test_a_sentence_keeps_the_text_hint():
    text = _syntax("this cell loads the data", caret=5, code="this cell loads the data\n    ")
    assert "%cd" not in text, text


# ---------------------------------------------------------- 8. a pip name with `-Lib` after it


def _missing_module(cells) -> str:
    line = "import quantfolio as qf"
    return _nb("ModuleNotFoundError", "No module named 'quantfolio'", line, [*cells, (line, 6)])


def test_an_install_of_the_module_s_lib_package_in_an_earlier_session_is_run_again():
    # counts of two sessions: cell 1 ran as [2], and so did cell 2 after a restart
    text = _missing_module([("%pip install Quantfolio-Lib", 2), ("x = 1", 2)])
    assert "`%pip install Quantfolio-Lib` in cell 1 [2]" in text, text
    assert "again if the kernel or runtime was restarted" in text, text


def test_an_install_of_another_package_is_not_read_as_the_modules():
    text = _missing_module([("%pip install quantfolio-tools", 2)])
    assert "quantfolio-tools" not in text, text


# -------------------------------------------------------- 9. CUDA asked for by the user's own file

_NO_GPU = "No CUDA GPUs are available"


def test_cuda_named_by_the_users_own_file_is_pointed_at_that_line():
    tb = _cell_frames(
        "RuntimeError",
        _NO_GPU,
        "evaluate(model, loader, device=device)",
        "/content/project/train_utils.py | evaluate | torch.cuda.synchronize()",
        f"{SITE}/torch/cuda/__init__.py | synchronize | _lazy_init()",
    )
    code = "evaluate(model, loader, device=device)"
    text = _diagnosed("RuntimeError", _NO_GPU, tb, code)
    assert "`torch.cuda.synchronize()` in your file `train_utils.py`" in text, text
    assert "device = 'cuda' if" not in text, text


def test_cuda_asked_for_by_the_cell_keeps_the_device_advice():
    tb = _cell_frames(
        "RuntimeError",
        _NO_GPU,
        "model = model.cuda()",
        f"{SITE}/torch/cuda/__init__.py | _lazy_init | torch._C._cuda_init()",
    )
    text = _diagnosed("RuntimeError", _NO_GPU, tb, "model = model.cuda()")
    assert "device = 'cuda' if" in text and "your file" not in text, text


# ------------------------------------------------------ 10. an incomplete TF Hub download folder


def _hub(folder: str) -> str:
    message = (
        f"Trying to load a model of incompatible/unknown type. '{folder}' contains neither "
        "'saved_model.pb' nor 'saved_model.pbtxt'."
    )
    line = "layer = hub.KerasLayer(url, input_shape=(224, 224, 3))"
    tb = _cell_frames(
        "ValueError",
        message,
        line,
        f"{SITE}/tensorflow_hub/keras_layer.py | load_module | return module_v2.load(handle)",
        f"{SITE}/tensorflow_hub/module_v2.py | load | raise ValueError(",
    )
    return _diagnosed("ValueError", message, tb, line)


def test_a_tfhub_cache_folder_without_a_saved_model_is_deleted_and_loaded_again():
    text = _hub("/tmp/tfhub_modules/0a1b2c3d4e5f")
    assert "delete that folder" in text and "/tmp/tfhub_modules/0a1b2c3d4e5f" in text, text
    assert "Print the values" not in text, text


def test_a_folder_of_the_users_own_without_a_saved_model_is_no_cache():
    # the loader's words for a folder the user gave: no download cache to delete
    assert "delete that folder" not in _hub("/home/me/models/mobilenet")


# ----------------------------------------------- 11. an annotation arrow matplotlib cannot draw

_NO_INTERSECTION = (
    "Given lines do not intersect. Please verify that the angles are not equal or differ by 180 "
    "degrees."
)


def _drawn(*frames: str) -> str:
    out = ["-" * 75, "ValueError                                 Traceback (most recent call last)"]
    for frame in frames:
        path, function, text = frame.split(" | ", 2)
        out.append(f"File {SITE}/{path}:40, in {function}(self)\n---> 40 {text}\n")
    out.append(f"ValueError: {_NO_INTERSECTION}")
    return _diagnosed("ValueError", _NO_INTERSECTION, out, "plot_intervals(df)")


def test_an_annotation_arrow_that_fails_when_the_figure_is_drawn_names_the_arrow():
    text = _drawn(
        "IPython/core/pylabtools.py | print_figure | fig.canvas.print_figure(bytes_io, **kw)",
        "matplotlib/text.py | draw | self.arrow_patch.draw(renderer)",
        "matplotlib/patches.py | draw | path, fillable = self.get_path_in_displaycoord()",
        "matplotlib/bezier.py | get_intersection | raise ValueError(",
    )
    assert "annotation's arrow" in text and "verify that the angles" not in text, text


def test_the_same_message_outside_an_arrow_keeps_the_safe_hint():
    text = _drawn(
        "IPython/core/pylabtools.py | print_figure | fig.canvas.print_figure(bytes_io, **kw)",
        "matplotlib/bezier.py | get_intersection | raise ValueError(",
    )
    assert "annotation's arrow" not in text, text
