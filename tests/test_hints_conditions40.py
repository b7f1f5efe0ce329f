"""Hints whose claim did not hold on crashes nobody tuned on (the fifteenth audit): a cell of
HTML read as one stray line, a string over several lines, a bracket that closed a literal too
early, a stray sign on a line of its own, channels-first images in a channels-last convolution,
a tensor a library turns into NumPy, a tuple of columns as X, an empty crop of a loaded image,
an object array of arrays, class labels scaled with the features, a conditional expression on
a Series, one pair given to `dict`, a file path given to a web request, and pasted text that
goes on below the marked line. Each test pairs a crash where the specific sentence must speak
with one where it must not.

Cells, tracebacks and messages are written here by hand in Python's and the libraries' wording
and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

SITE = "/usr/local/lib/python3.10/dist-packages"


def _syntax(cell: str, number: int, message: str, ename: str = "SyntaxError") -> str:
    """The hint for a SyntaxError (or IndentationError) that IPython 8 reports on line
    ``number`` of ``cell``, with the place at the message's end as Python gives it."""
    marked = cell.splitlines()[number - 1].strip()
    evalue = f"{message} (2650133.py, line {number})"
    traceback = (f"  Cell In[7], line {number}\n    {marked}\n    ^\n{ename}: {message}\n",)
    return diagnose(ErrorRecord(ename=ename, evalue=evalue, traceback=traceback, code=cell)).hint


def _crash(ename: str, message: str, code: str, frames=(), cells=()) -> str:
    """The hint for a crash on the last line of ``code`` in IPython 8's layout; ``frames`` are
    (file, function, line shown) below it, ``cells`` the notebook's other code cells."""
    lines = code.splitlines()
    number = len(lines)
    tb = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[5], line {number}\n----> {number} {lines[-1]}\n")
    tb += [
        f"File {path}:40, in {function}()\n---> 40 {shown}\n" for path, function, shown in frames
    ]
    tb.append(f"{ename}: {message}")
    return diagnosed(ename, message, tb, code, cells)


def diagnosed(ename: str, message: str, tb: list[str], code: str, cells=()) -> str:
    """The hint for the crash of ``tb`` in the cell ``code``, run last after ``cells``."""
    notebook = {
        "path": "work.ipynb",
        "cells": [
            {"id": f"c{i}", "index": i, "source": source, "cell_type": "code", "execution_count": i}
            for i, source in enumerate((*cells, code), 1)
        ],
    }
    record = ErrorRecord.from_dict(
        {"ename": ename, "evalue": message, "traceback": tb, "code": code, "notebook": notebook}
    )
    return diagnose(record).hint


# ------------------------------------------------------------------ a cell that is an HTML page

_PAGE = (
    "<!DOCTYPE html>\n<html>\n<head>\n  <title>Waves</title>\n</head>\n<body>\n"
    '  <div id="plot"></div>\n</body>\n</html>\n\n'
    "/**\n * The 3D camera library - version 2.0.\n */\n"
)


def test_a_cell_that_starts_with_an_html_tag_is_a_page():
    text = _syntax(_PAGE, 12, "invalid decimal literal")
    assert "%%html" in text and "start it with `#`" not in text, text


@pytest.mark.parametrize(
    "cell",
    [
        "x = 1 < 2\nThe camera library draws the scene in three dimensions here\n",
        # a pasted repr is output, not a tag of HTML
        "<class 'pandas.core.frame.DataFrame'>\nThe camera library draws the scene in 3D here\n",
    ],
)
def test_a_cell_that_starts_with_no_html_tag_is_not_called_a_page(cell):
    text = _syntax(cell, 2, "invalid syntax")
    assert "%%html" not in text, text


# ------------------------------------------------------------ a plain string over several lines


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        # the third line closes the string the first opens: text over several lines
        (
            "s = 'first part of the text,\nsecond part of it,\nand the end.'\nprint(s)\n",
            "closes on line 3",
        ),
        # a blank line ends the paragraph: no line below closes it
        ("s = 'first part of the text,\n\nprint(s)\n", "has no closing quote"),
    ],
)
def test_a_plain_string_is_said_to_go_on_only_to_a_line_that_closes_it(cell, says):
    text = _syntax(cell, 1, "unterminated string literal (detected at line 1)")
    assert says in text and ("triple quotes" in text) == (says != "has no closing quote"), text


# -------------------------------------------------------- a bracket that closed a literal early

_CONFIG = (
    "config = {\n"
    "    'model': {\n"
    "        'depth': 4,\n"
    "        'width': 64},\n"
    "    'path': data_path},\n"
    '    "trainer": {\n'
    '        "epochs": 10}}\n'
)


def test_an_item_below_a_literal_closed_too_early_names_the_bracket():
    text = _syntax(_CONFIG, 6, "unexpected indent", "IndentationError")
    assert "came too early" in text and "delete it" in text, text
    assert "remove the spaces" not in text, text


def test_an_indented_line_below_a_complete_statement_keeps_the_indent_hint():
    cell = "config = {'depth': 4}\n    epochs = 10\n"
    text = _syntax(cell, 2, "unexpected indent", "IndentationError")
    assert "came too early" not in text and "remove the spaces" in text, text


# ------------------------------------------------------------------ a stray sign on its own line


def test_an_indented_line_of_a_sign_alone_is_deleted_not_unindented():
    cell = "import nltk\nnltk.download('punkt')\n     +\n"
    text = _syntax(cell, 3, "unexpected indent", "IndentationError")
    assert "delete that line" in text and "remove the spaces" not in text, text


@pytest.mark.parametrize("below", ["     nltk.download('punkt')", "     ..."])
def test_an_indented_statement_is_not_called_a_stray_sign(below):
    cell = f"import nltk\n{below}\n"
    text = _syntax(cell, 2, "unexpected indent", "IndentationError")
    assert "delete that line" not in text, text


# -------------------------------------------------- channels-first images in a channels-last conv


def _negative_size(shapes: str) -> str:
    message = (
        "Negative dimension size caused by subtracting 3 from 1 for '{{node conv2d/Conv2D}} = "
        'Conv2D[T=DT_FLOAT, data_format="NHWC", dilations=[1, 1, 1, 1], padding="VALID", '
        f"strides=[1, 1, 1, 1]](Placeholder, conv2d/Conv2D/ReadVariableOp)' with input shapes: "
        f"{shapes}."
    )
    frames = [(f"{SITE}/tensorflow/python/framework/ops.py", "_create_c_op", "raise ValueError(e)")]
    code = "model.add(Conv2D(32, (3, 3), input_shape=(1, 28, 28)))"
    return _crash("ValueError", message, code, frames)


@pytest.mark.parametrize(
    ("shapes", "move"),
    [
        ("[?,1,28,28], [3,3,28,32]", "x.reshape(-1, 28, 28, 1)"),
        ("[?,3,32,32], [3,3,32,16]", "x.transpose(0, 2, 3, 1)"),
    ],
)
def test_images_laid_out_channels_first_are_named_so(shapes, move):
    text = _negative_size(shapes)
    assert "channels-first" in text and move in text and "shrank" not in text, text


def test_a_map_shrunk_by_the_layers_keeps_the_window_hint():
    text = _negative_size("[?,1,1,64], [3,3,64,64]")
    assert "shrank" in text and "channels-first" not in text, text


# ------------------------------------------------------- a tensor a library turns into NumPy

_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."


def test_a_tensor_converted_inside_a_library_names_that_library_and_its_option():
    frames = [
        (
            f"{SITE}/shap/explainers/_deep/__init__.py",
            "shap_values",
            "return self.explainer.shap_values(X, check_additivity=check_additivity)",
        ),
        (
            f"{SITE}/shap/explainers/_deep/deep_utils.py",
            "_check_additivity",
            "diffs = model_output_values[:, t] - explainer.expected_value[t]",
        ),
        (f"{SITE}/torch/_tensor.py", "__array__", "return self.numpy()"),
    ]
    text = _crash("RuntimeError", _GRAD, "values = explainer.shap_values(images)", frames)
    assert "`shap`" in text and "`check_additivity=False`" in text and "t.detach()" in text, text


def test_a_tensor_a_library_converts_without_a_check_step_gets_no_option():
    frames = [
        (f"{SITE}/matplotlib/axes/_axes.py", "plot", "lines = [*self._get_lines(*args)]"),
        (f"{SITE}/torch/_tensor.py", "__array__", "return self.numpy()"),
    ]
    text = _crash("RuntimeError", _GRAD, "plt.plot(losses)", frames)
    assert "`matplotlib`" in text and "=False" not in text, text


def test_the_lines_own_numpy_call_is_told_to_detach():
    frames = [(f"{SITE}/torch/_tensor.py", "numpy", "return super().numpy()")]
    text = _crash("RuntimeError", _GRAD, "arr = out.numpy()", frames)
    assert "t.detach().cpu().numpy()" in text, text


# ---------------------------------------------------------------------- a tuple of columns as X

_SPLIT_FRAMES = [
    (
        f"{SITE}/sklearn/model_selection/_split.py",
        "train_test_split",
        "arrays = indexable(*arrays)",
    ),
    (f"{SITE}/sklearn/utils/validation.py", "check_consistent_length", "raise ValueError("),
]
_SAMPLES = "Found input variables with inconsistent numbers of samples: [2, 50]"


def test_x_written_as_a_tuple_of_columns_is_named():
    cells = ["X = cars['Mileage'], cars['Age']\ny = cars['Price']"]
    code = "X_train, X_test, y_train, y_test = train_test_split(X, y)"
    text = _crash("ValueError", _SAMPLES, code, _SPLIT_FRAMES, cells)
    assert "a tuple of 2 items" in text and "cars[['Mileage', 'Age']]" in text, text


def test_x_of_another_length_gets_no_tuple_reading():
    cells = ["X = cars[['Mileage', 'Age']].head(2)\ny = cars['Price']"]
    code = "X_train, X_test, y_train, y_test = train_test_split(X, y)"
    text = _crash("ValueError", _SAMPLES, code, _SPLIT_FRAMES, cells)
    assert "tuple" not in text, text


# ----------------------------------------------------------------- an empty crop of an image

_EMPTY = (
    "OpenCV(4.8.0) /io/opencv/modules/imgcodecs/src/loadsave.cpp:783: error: (-215:Assertion "
    "failed) !_img.empty() in function 'imwrite'\n"
)


def test_a_crop_of_a_loaded_image_is_an_empty_slice():
    code = (
        "img = cv2.imread('cat.jpg')\npart = img[500:600, 500:600]\ncv2.imwrite('part.jpg', part)"
    )
    text = _crash("error", _EMPTY, code)
    assert "`img[500:600, 500:600]`" in text and "`img.shape`" in text, text
    assert "returns None" not in text, text


def test_an_image_passed_as_read_still_gets_the_imread_hint():
    code = "img = cv2.imread('cat.jpg')\ncv2.imwrite('copy.jpg', img)"
    text = _crash("error", _EMPTY, code)
    assert "returns None" in text, text


# --------------------------------------------------------------- an object array of arrays


def test_an_array_of_arrays_is_no_text_to_encode():
    message = "Failed to convert a NumPy array to a Tensor (Unsupported object type numpy.ndarray)."
    frames = [(f"{SITE}/tensorflow/python/framework/constant_op.py", "convert_to_eager_tensor", "")]
    text = _crash("ValueError", message, "model.fit(X, y, epochs=5)", frames)
    assert "np.stack" in text and "encoding text" not in text, text


def test_an_array_of_mixed_values_keeps_the_astype_hint():
    message = "Failed to convert a NumPy array to a Tensor (Unsupported object type float)."
    frames = [(f"{SITE}/tensorflow/python/framework/constant_op.py", "convert_to_eager_tensor", "")]
    text = _crash("ValueError", message, "model.fit(X, y, epochs=5)", frames)
    assert "astype('float32')" in text and "np.stack" not in text, text


# ------------------------------------------------------- class labels scaled with the features

_LABELS = [
    (f"{SITE}/sklearn/ensemble/_forest.py", "fit", "y, weight = self._validate_y_class_weight(y)"),
    (f"{SITE}/sklearn/utils/multiclass.py", "check_classification_targets", "raise ValueError("),
]


@pytest.mark.parametrize(
    "scaling",
    [
        "df[num_cols] = scaler.fit_transform(df[num_cols])",
        "df[['age', 'left']] = scaler.fit_transform(df[['age', 'left']])",
    ],
)
def test_labels_taken_from_a_frame_scaled_before_are_named(scaling):
    cells = [
        f"scaler = StandardScaler()\n{scaling}\nX = df.drop('left', axis=1)\ny = df['left']\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y)"
    ]
    code = "clf = RandomForestClassifier()\nclf.fit(X_train, y_train)"
    text = _crash("ValueError", "Unknown label type: 'continuous'", code, _LABELS, cells)
    assert "before scaling" in text and "use a regressor" not in text, text


def test_labels_left_out_of_the_scaled_columns_keep_the_regressor_reading():
    cells = [
        "df[['age']] = scaler.fit_transform(df[['age']])\ny = df['left']\n"
        "X_train, X_test, y_train, y_test = train_test_split(df[['age']], y)"
    ]
    code = "clf = RandomForestClassifier()\nclf.fit(X_train, y_train)"
    text = _crash("ValueError", "Unknown label type: 'continuous'", code, _LABELS, cells)
    assert "before scaling" not in text and "regressor" in text, text


# ------------------------------------------------------ a conditional expression on a Series

_TRUTH = (
    "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all()."
)
_NONZERO = [(f"{SITE}/pandas/core/generic.py", "__nonzero__", "raise ValueError(")]


@pytest.mark.parametrize(
    ("code", "says", "not_said"),
    [
        ("df['grade'] = 'pass' if df['score'] > 50 else 'fail'", "np.where", "`and`/`or`"),
        ("high = df[df['score'] > 50 and df['age'] < 30]", "`&`", "np.where"),
    ],
)
def test_a_series_in_a_conditional_expression_is_chosen_per_row(code, says, not_said):
    text = _crash("ValueError", _TRUTH, code, _NONZERO)
    assert says in text and not_said not in text, text


# ---------------------------------------------------------------------- one pair given to dict

_PAIRS = "dictionary update sequence element #0 has length 1; 2 is required"


def test_one_pair_in_doubled_parentheses_is_named():
    text = _crash("ValueError", _PAIRS, "pair = (('k', 1))\nd = dict(pair)")
    assert "one (key, value) pair" in text and "dict([pair])" in text, text


@pytest.mark.parametrize("words", ["['a', 'b', 'c']", "['key', 'v']"])
def test_a_list_of_words_keeps_the_zip_hint(words):
    text = _crash("ValueError", _PAIRS, f"words = {words}\nd = dict(words)")
    assert "dict(zip(keys, values))" in text and "one (key, value) pair" not in text, text


# ------------------------------------------------------------ a file path to a web request

_REQUESTS = [(f"{SITE}/requests/sessions.py", "get_adapter", "raise InvalidSchema(")]


def test_a_windows_path_given_to_requests_is_a_file_to_open():
    message = "No connection adapters were found for 'D:/data/sales 2020.xlsx'"
    text = _crash("InvalidSchema", message, "r = requests.get(path)", _REQUESTS)
    assert "file path" in text and "pd.read_excel" in text and "http://" not in text, text


def test_a_server_path_without_its_host_keeps_the_scheme_hint():
    message = (
        "Invalid URL '/api/v2/items': No scheme supplied. Perhaps you meant https:///api/v2/items?"
    )
    text = _crash("MissingSchema", message, "r = requests.get(endpoint)", _REQUESTS)
    assert "file path" not in text and "https://" in text, text


# ------------------------------------------------------ pasted text that goes on below the line


def test_text_that_goes_on_below_the_marked_line_is_named():
    cell = (
        'def area(r):\n    """Area of a circle."""\n    return 3.14 * r * r\n\n\n'
        "**Next step** – run the function on your own values.\n\n"
        "I have written the function above so that you can call it with any radius you like.\n"
    )
    text = _syntax(cell, 6, "invalid character '–' (U+2013)")
    assert "more of the cell below it" in text and "docstring" not in text, text


def test_a_sentence_right_below_a_docstring_keeps_both_readings():
    cell = (
        'def area(r):\n    """Area of a circle."""\n'
        "    The radius – in metres – gives the area in square metres.\n"
        "    return 3.14 * r * r\n"
    )
    text = _syntax(cell, 3, "invalid character '–' (U+2013)")
    assert "docstring" in text, text
