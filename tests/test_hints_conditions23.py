"""Hints whose claim was false on crashes nobody tuned on: a Selenium error read as a missing
program because its message names the driver, a keyword refused between two packages given a
Keras example, an exception raised without a message told to run again, import-time failures
told to restart, a None met in threadpoolctl blamed on the user's data, and a missing system
library given a pip reinstall.

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint

SITE = "/opt/conda/lib/python3.11/site-packages"
SEL = f"{SITE}/selenium/webdriver/remote"
DRIVER_INFO = (
    "\n  (Session info: chrome=103.0.5060.114)\n  (Driver info: chromedriver=2.40.565498 "
    "(ea082db3280dd6843ebfb08a625e3eb905c4f5ab),platform=Windows NT 10.0.19044 x86_64)\n"
)
CLICK = [(f"{SEL}/webelement.py", "click"), (f"{SEL}/errorhandler.py", "check_response")]


def _in_library(ename: str, message: str, line: str, path: str, function: str) -> str:
    """The hint of a crash raised in one library frame under the cell's ``line``."""
    return hint(crash(ename, message, line, [(f"{SITE}/{path}", function)]))


# ---------------------------------------------------------------- Selenium's driver info


def test_a_stale_element_is_found_again_not_a_missing_program():
    message = "Message: stale element reference: element is not attached to the page document"
    text = hint(crash("StaleElementReferenceException", message + DRIVER_INFO, "a.click()", CLICK))
    assert "find it again" in text and "outside Python" not in text, text


def test_the_driver_named_only_in_driver_info_is_no_missing_program():
    message = "Message: element not interactable" + DRIVER_INFO
    text = hint(crash("ElementNotInteractableException", message, "box.send_keys('a')", CLICK))
    assert "outside Python" not in text, text


def test_a_driver_not_on_path_is_still_a_missing_program():
    message = "Message: 'chromedriver' executable needs to be in PATH. Please see https://x.org\n"
    frames = [(f"{SITE}/selenium/webdriver/common/service.py", "start")]
    text = hint(crash("WebDriverException", message, "driver = webdriver.Chrome()", frames))
    # still a missing program, now named (round 15): no Python package to install
    assert "a program and no Python package) is not on the PATH" in text, text


# ---------------------------------------------------------------- a keyword between packages


def _refused_encoding(frames) -> str:
    message = "__init__() got an unexpected keyword argument 'encoding'"
    return hint(crash("TypeError", message, "displacy.serve(doc, style='dep')", frames))


def test_a_keyword_one_package_passes_to_another_names_the_passer_not_keras():
    frames = [(f"{SITE}/spacy/displacy/__init__.py", "serve")] * 3
    text = _refused_encoding([*frames, (f"{SITE}/msgpack_numpy.py", "packb")])
    assert "`msgpack_numpy` passed it" in text and "Keras" not in text, text


def test_a_keyword_keras_passes_keeps_the_saved_model_example():
    frames = [(f"{SITE}/keras/src/saving/serialization_lib.py", "deserialize_keras_object")] * 3
    text = _refused_encoding(frames)
    assert "Keras version" in text, text


# ---------------------------------------------------------------- raised without a message


def test_an_exception_raised_without_a_message_is_not_told_to_run_again():
    frames = [(f"{SITE}/gspread/client.py", "open")]
    text = hint(crash("SpreadsheetNotFound", "", "sheet = client.open(name)", frames))
    assert "run the cell again" not in text and "without a message" in text, text


def test_a_message_of_pytorch_to_install_says_install():
    message = "PyTorch should be installed. Please follow the instructions at https://pytorch.org/."
    frames = [(f"{SITE}/transformers/pipelines/__init__.py", "pipeline")]
    text = hint(crash("RuntimeError", message, 'clf = pipeline("sentiment-analysis")', frames))
    assert "not installed" in text and "Check the inputs" not in text, text


# ---------------------------------------------------------------- failures while importing


def test_a_dll_of_another_architecture_is_not_mended_by_a_restart():
    frames = [
        (f"{SITE}/pyzbar/zbar_library.py", "load"),
        ("C:\\Python39\\lib\\ctypes\\__init__.py", "__init__"),
    ]
    message = "[WinError 193] %1 is not a valid Win32 application"
    text = hint(crash("OSError", message, "from pyzbar import pyzbar", frames))
    assert "architecture" in text and "restart the kernel" not in text, text


def test_an_import_failure_whose_message_says_what_to_set_is_read():
    message = (
        "Could not import 'mkl'.  If you are using conda, update the numpy\npackages to the "
        "latest build otherwise, set MKL_THREADING_LAYER=GNU in\nyour environment."
    )
    where = ("pytensor/link/c/cmodule.py", "check_mkl_openmp")
    text = _in_library("RuntimeError", message, "import pymc as pm", *where)
    assert "whole message" in text and "restart the kernel" not in text, text


def test_an_import_failure_without_a_fix_keeps_the_restart_advice():
    message = "Cannot register the type 'Float64Index': a type of that name already exists"
    text = _in_library("RuntimeError", message, "import mylib", "mylib/types.py", "register")
    assert "restart the kernel" in text, text


# ---------------------------------------------------------------- Nones and system libraries


def test_a_none_inside_threadpoolctl_is_no_argument_of_the_user():
    frames = [(f"{SITE}/sklearn/cluster/_kmeans.py", "fit")]
    frames += [(f"{SITE}/threadpoolctl.py", "get_version")]
    message = "'NoneType' object has no attribute 'split'"
    text = hint(crash("AttributeError", message, "km.fit(X)", frames))
    assert "threadpoolctl" in text and "whether `X`" not in text, text


def test_a_system_library_python_loads_is_not_a_pip_reinstall():
    message = "libX11.so.6: cannot open shared object file: No such file or directory"
    frames = [("/usr/lib/python3.11/tkinter/__init__.py", "<module>")]
    text = hint(crash("ImportError", message, "from tkinter import *", frames))
    assert "pip install" not in text and "package manager" in text, text


def test_a_package_a_library_requires_is_not_said_to_exist():
    message = (
        "The Python Imaging Library (PIL) is required to load data from jpeg files. Please "
        "refer to https://pillow.readthedocs.io/en/stable/installation.html for installing PIL."
    )
    line = "img = load_sample_image('china.jpg')"
    text = _in_library("ImportError", message, line, "sklearn/datasets/_base.py", "load_images")
    assert "exists" not in text, text


# ---------------------------------------------------------------- memory, builds and files

TORCH_MODULE = f"{SITE}/torch/nn/modules/module.py"


def test_a_gpu_filled_by_moving_the_model_is_no_batch_size_matter():
    message = (
        "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 4.00 GiB total capacity; "
        "3.10 GiB already allocated; 0 bytes free; 3.12 GiB reserved in total by PyTorch)"
    )
    frames = [(TORCH_MODULE, "to"), (TORCH_MODULE, "_apply"), (TORCH_MODULE, "convert")]
    text = hint(crash("RuntimeError", message, "net = Net().to(device)", frames))
    assert "batch size" not in text and "weights" in text, text
    frames = [(TORCH_MODULE, "_call_impl"), (f"{SITE}/torch/nn/functional.py", "linear")]
    text = hint(crash("RuntimeError", message, "out = net(batch)", frames))
    assert "batch size" in text, text


def test_a_merge_that_fills_the_memory_checks_its_keys():
    frames = [(f"{SITE}/pandas/core/reshape/merge.py", "merge")]
    frames.append((f"{SITE}/pandas/core/reshape/merge.py", "_get_join_indexers"))
    text = hint(crash("MemoryError", "", "both = pd.merge(left, right, how='inner')", frames))
    assert "duplicated" in text and "float32" not in text, text


def test_opencv_without_window_support_is_no_input_to_check():
    message = (
        "OpenCV(4.8.0) /io/opencv/modules/highgui/src/window.cpp:1272: error: (-2:Unspecified "
        "error) The function is not implemented. Rebuild the library with Windows, GTK+ 2.x or "
        "Cocoa support. If you are on Ubuntu or Debian, install libgtk2.0-dev and pkg-config"
    )
    text = hint(crash("error", message, "cv2.imshow('frame', img)"))
    assert "window support" in text and "Check the inputs" not in text, text


def test_a_mat_file_cut_short_is_no_path_to_print():
    frames = [(f"{SITE}/scipy/io/matlab/_mio.py", "loadmat")]
    frames.append((f"{SITE}/scipy/io/matlab/_streams.pyx", "ZlibInputStream.read_into"))
    text = hint(crash("OSError", "could not read bytes", "data = loadmat('s1.mat')", frames))
    assert "download" in text and "getcwd" not in text, text


# ---------------------------------------------------------------- the user's own definitions


def test_too_many_arguments_for_a_def_without_options_is_not_passed_by_name():
    code = "def tokens(text):\n    return text.split()\n\nrows = [tokens(t, k) for t, k in pairs]"
    message = "tokens() takes 1 positional argument but 2 were given"
    text = hint(crash("TypeError", message, "rows = [tokens(t, k) for t, k in pairs]", code=code))
    assert "by name" in text and "remove the extra" in text, text


def test_a_module_missing_an_argument_is_no_class_without_parentheses():
    code = "t = 'dave@google.com'\nre.findall(t)"  # `import re` ran in another cell
    message = "findall() missing 1 required positional argument: 'string'"
    text = hint(crash("TypeError", message, "re.findall(t)", code=code))
    assert "class itself" not in text, text


# ---------------------------------------------------------------- syntax read from the line


def test_a_decorator_alone_at_the_cell_end_is_no_unclosed_bracket():
    text = _syntax_hint("@load_data()", "@load_data()", "unexpected EOF while parsing")
    assert "decorator" in text and "never closed" not in text, text


def test_a_keyword_assigned_to_needs_another_name_not_a_colon():
    cell = "class = pd.Series(['a', 'b'])\nprint(class)"
    text = _syntax_hint(cell, "class = pd.Series(['a', 'b'])")
    assert "keyword" in text and "colon" not in text, text
    text = _syntax_hint("if x > 1\n    y = 2", "if x > 1")
    assert "colon" in text, text


def test_python_and_a_plain_word_is_no_shell_command():
    text = _syntax_hint("python this", "python this")
    assert "!python" not in text, text
    text = _syntax_hint("python train.py --epochs 3", "python train.py --epochs 3")
    assert "!python" in text, text


def test_a_scikit_learn_metric_given_to_keras_gets_tensors_not_arrays():
    frames = [(f"{SITE}/keras/engine/training.py", "compile")]
    frames.append((f"{SITE}/keras/engine/compile_utils.py", "__call__"))
    frames.append((f"{SITE}/sklearn/metrics/_classification.py", "f1_score"))
    frames.append((f"{SITE}/sklearn/utils/multiclass.py", "type_of_target"))
    message = (
        "Expected array-like (array or non-string sequence), got "
        "<tf.Tensor 'dense_target:0' shape=(None, None) dtype=float32>"
    )
    line = "model.compile(loss='mse', optimizer='adam', metrics=[f1_score])"
    text = hint(crash("ValueError", message, line, frames))
    assert "`f1_score` with its tensors" in text and ".shape" not in text, text


def test_an_inplace_change_under_a_library_step_says_both_readings():
    message = (
        "Output 0 of SplitBackward0 is a view and its base or another view of its base has "
        "been modified inplace. This view is the output of a function that returns multiple "
        "views. Such functions do not allow the output views to be modified inplace. You "
        "should replace the inplace operation by an out-of-place one."
    )
    frames = [(f"{SITE}/deepfm_lib/trainer.py", "fit")]
    frames.append((f"{SITE}/torch/_tensor.py", "backward"))
    text = hint(crash("RuntimeError", message, "model.fit(X, y, epochs=3)", frames))
    assert "`deepfm_lib`'s code" in text and "not in yours" in text, text
    text = hint(crash("RuntimeError", message, "loss.backward()", frames[1:]))
    assert "deepfm_lib" not in text, text


def test_a_browser_selenium_cannot_find_is_still_a_missing_program():
    message = "Message: unknown error: cannot find Chrome binary" + DRIVER_INFO
    frames = [(f"{SEL}/webdriver.py", "start_session")]
    text = hint(crash("WebDriverException", message, "driver = webdriver.Chrome()", frames))
    assert "outside Python" in text, text
