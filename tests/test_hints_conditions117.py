"""Argument, value and network hints whose claim did not hold on the crash (wave 25a): a
module's `forward()` run through torch's `__call__`, the data given to a loss class's
constructor, an image processor loaded by the wrong class, an encoder's per-column setting, a
function its library switched off, and a host name the library chose.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint

_SITE = "/usr/local/lib/python3.10/dist-packages"

# ------------------------------------------- `forward()` run through torch's `Module.__call__`

_CALL_IMPL = (
    f"{_SITE}/torch/nn/modules/module.py",
    "_call_impl",
    [],
    "return forward_call(*args, **kwargs)",
)


def test_a_module_called_without_an_argument_of_its_forward_is_told_to_pass_it():
    code = "class Block(nn.Module):\n    def forward(self, x, mask):\n        return x\n"
    code += "out = block(tokens)"
    message = "forward() missing 1 required positional argument: 'mask'"
    text = _hint("TypeError", message, code, frames=[_CALL_IMPL])
    assert "with exactly the arguments you pass it" in text and "needs 'mask'" in text, text
    assert "calls your `forward()` itself" not in text and "partial" not in text, text


def test_a_function_a_library_calls_itself_keeps_the_partial_advice():
    code = "def clip(x, low, high):\n    return min(max(x, low), high)\n"
    code += "df['v'] = df['v'].apply(clip)"
    message = "clip() missing 2 required positional arguments: 'low' and 'high'"
    frames = [(f"{_SITE}/pandas/core/apply.py", "apply_standard", [], "mapped = obj._map(f)")]
    text = _hint("TypeError", message, code, frames=frames)
    assert "calls your `clip()` itself" in text and "functools.partial" in text, text
    assert "exactly the arguments you pass" not in text, text


# ------------------------------------------------ the data given to a loss class's constructor


def test_the_data_given_to_a_loss_class_is_told_to_call_the_object():
    code = "from tensorflow.keras.losses import Huber\nerr = Huber(y_true=labels, y_pred=out)"
    message = "__init__() got an unexpected keyword argument 'y_true'"
    text = _hint("TypeError", message, code)
    assert "`Huber` is a class" in text and "`Huber()(y_true, y_pred)`" in text, text
    assert "spelling" not in text, text


def test_a_misspelt_setting_of_a_class_is_not_told_it_is_data():
    code = "from tensorflow.keras.layers import Dense\nlayer = Dense(8, activaton='relu')"
    message = "__init__() got an unexpected keyword argument 'activaton'"
    text = _hint("TypeError", message, code)
    assert "is a class" not in text and "y_true, y_pred" not in text, text


# ----------------------------------------- an image processor loaded by another class's name

_RESIZE = (
    f"{_SITE}/transformers/models/vit/image_processing_vit.py",
    "resize",
    [],
    'raise ValueError(f"The `size` dictionary must contain the keys `height` and `width`.")',
)
_SIZE_MESSAGE = (
    "The `size` dictionary must contain the keys `height` and `width`. "
    "Got dict_keys(['shortest_edge'])"
)


def test_a_processor_whose_config_has_another_size_form_is_told_to_load_it_automatically():
    code = "proc = ViTImageProcessor.from_pretrained('some-org/some-model')\n"
    code += "batch = proc(images=pictures, return_tensors='pt')"
    text = _hint("ValueError", _SIZE_MESSAGE, code, frames=[_RESIZE])
    assert "AutoImageProcessor.from_pretrained(...)" in text, text
    assert "`.shape`" not in text, text


def test_a_processor_given_its_size_by_the_cell_is_not_blamed_on_the_checkpoint():
    code = "proc = ViTImageProcessor.from_pretrained('m', size={'shortest_edge': 224})\n"
    code += "batch = proc(images=pictures, return_tensors='pt')"
    text = _hint("ValueError", _SIZE_MESSAGE, code, frames=[_RESIZE])
    assert "AutoImageProcessor" not in text, text


# ------------------------------------------------------- an encoder's per-column setting

_ENCODERS = (f"{_SITE}/sklearn/preprocessing/_encoders.py", "_fit", [], "raise ValueError(msg)")


def test_an_encoders_categories_of_another_count_is_told_one_list_per_column():
    message = "Shape mismatch: if categories is an array, it has to be of shape (n_features,)."
    code = "enc = OneHotEncoder(categories=[2])\nencoded = enc.fit_transform(table)"
    text = _hint("ValueError", message, code, frames=[_ENCODERS])
    assert "`categories=` setting must hold one list per column" in text, text
    assert "ColumnTransformer" in text and "Print the `.shape`" not in text, text


def test_another_shape_message_of_an_encoder_is_not_told_about_categories():
    message = "Expected 2D array, got 1D array instead:\narray=[1. 2. 3.]."
    code = "enc = OneHotEncoder()\nencoded = enc.fit_transform(table['town'])"
    text = _hint("ValueError", message, code, frames=[_ENCODERS])
    assert "categories=" not in text and "ColumnTransformer" not in text, text


# ---------------------------------------------------- a function its library switched off

_READER = (f"{_SITE}/stockreader/data.py", "get_quotes", [], "raise ImmediateDeprecationError(m)")


def test_a_deprecation_error_of_a_library_is_told_no_input_fixes_it():
    message = "\nQuotes from this source have been switched off because the service changed.\n"
    code = "import stockreader as sr\nprices = sr.get_quotes('ACME', start=first, end=last)"
    text = _hint("ImmediateDeprecationError", message, code, frames=[_READER])
    assert "switched this function off" in text and "no input on your line" in text, text
    assert "Check the inputs" not in text, text


def test_another_error_of_the_same_library_is_not_told_it_was_switched_off():
    message = "Unable to read URL: the symbol ACMEX returned no data."
    code = "import stockreader as sr\nprices = sr.get_quotes('ACMEX', start=first, end=last)"
    text = _hint("RemoteDataError", message, code, frames=[_READER])
    assert "switched this function off" not in text, text


# ------------------------------------------------------------- a host name the library chose

_DNS = (
    "HTTPConnectionPool(host='quotes.oldservice.example', port=80): Max retries exceeded with "
    "url: /table.csv?s=ACME (Caused by NewConnectionError('<urllib3.connection.HTTPConnection "
    "object at 0x7f00>: Failed to establish a new connection: [Errno -2] Name or service not "
    "known'))"
)
_ADAPTER = (f"{_SITE}/requests/adapters.py", "send", [], "raise ConnectionError(e, request=r)")


def test_a_host_the_library_chose_is_told_it_may_be_retired():
    frames = [
        (f"{_SITE}/stockreader/base.py", "_get_response", [], "r = self.session.get(url)"),
        _ADAPTER,
    ]
    code = "import stockreader as sr\nprices = sr.get_quotes('ACME', first, last)"
    text = _hint("ConnectionError", _DNS, code, frames=frames)
    assert "comes from `stockreader`, not from your code" in text, text
    assert "moved or been retired" in text and "on Kaggle" not in text, text


def test_a_host_written_in_the_cell_keeps_the_internet_hint():
    frames = [(f"{_SITE}/requests/api.py", "get", [], "return request('get', url)"), _ADAPTER]
    code = "import requests\nr = requests.get('http://quotes.oldservice.example/table.csv')"
    text = _hint("ConnectionError", _DNS, code, frames=frames)
    assert "has no internet access" in text and "comes from" not in text, text


def test_an_address_handed_to_a_reader_is_not_the_readers_choice():
    frames = [(f"{_SITE}/pandas/io/common.py", "urlopen", [], "return urlopen(*args)"), _ADAPTER]
    code = "import pandas as pd\ntable = pd.read_csv(data_url)"
    text = _hint("ConnectionError", _DNS, code, frames=frames)
    assert "comes from" not in text, text
