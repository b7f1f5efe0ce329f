"""Hints whose claim did not hold on the crash (session w23a):
- a Pipeline step that encodes a target is named as the code makes it (`LabelBinarizer`), not
  always `LabelEncoder`;
- NumPy's `vstack(a, b)` takes one sequence: no "pass the optional ones by name";
- a keyword refused by the user's own `def` is no installed version's;
- `hist` with one colour for a 2-D array (the older message without counts): the data, not the
  colour;
- LangChain's "Parsing text ... raised following error" quotes the model's answer, not advice;
- a tensor TensorFlow tests as a bool in its own code: no eager / `@tf.function`;
- an unknown parameter of a plain estimator (no valid list): no `<step>__` prefix;
- a missing argument the call passes by position to an object's method: no "pass it";
- a keyword that is a key of the user's own `**mapping`: no "your code does not pass it".

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and the libraries'
wording and the layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame

SITE = "/usr/local/lib/python3.11/site-packages"


def _frame(path: str, function: str, failing: str) -> str:
    """A library's frame in IPython 8's layout, its line ``failing``."""
    return f"File {SITE}/{path}:120, in {function}\n    119 pass\n--> 120 {failing}\n"


def _hint(ename: str, message: str, code: str, frames: tuple[str, ...] = ()) -> str:
    """The hint of a crash raised by the last line of the cell ``code``, through ``frames``."""
    traceback = (
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        _cell_frame(code, len(code.splitlines())),
        *frames,
        f"{ename}: {message}",
    )
    return diagnose(ErrorRecord(ename, message, traceback, code=code)).hint


# ------------------------------------------------------ the target encoder made as a step

_STEP_TAKES_Y = "fit_transform() takes 2 positional arguments but 3 were given"
_PIPELINE_FRAMES = (
    _frame("sklearn/pipeline.py", "Pipeline.fit_transform", "return step.fit_transform(Xt, y)"),
)


def test_a_binarizer_made_as_a_step_is_named_as_such():
    code = (
        "labels = LabelEncoder().fit_transform(df['kind'])\n"
        "steps = Pipeline([('pick', Picker(['colour'])), ('onehot', LabelBinarizer())])\n"
        "steps.fit_transform(df)"
    )
    text = _hint("TypeError", _STEP_TAKES_Y, code, _PIPELINE_FRAMES)
    assert "`LabelBinarizer` encodes a target" in text and "OneHotEncoder" in text, text
    assert "`LabelEncoder`" not in text, text


def test_two_kinds_of_encoder_and_no_step_name_none():
    code = (
        "a = LabelEncoder().fit_transform(df['kind'])\n"
        "b = LabelBinarizer().fit_transform(df['shade'])\n"
        "prepared.fit_transform(df)"
    )
    text = _hint("TypeError", _STEP_TAKES_Y, code, _PIPELINE_FRAMES)
    assert "encodes a target" not in text, text


# ------------------------------------------------------------ NumPy's stacking functions


def test_vstack_given_arrays_one_by_one_is_told_to_pass_a_tuple():
    message = "vstack() takes 1 positional argument but 2 were given"
    text = _hint("TypeError", message, "both = np.vstack(first, second)")
    assert "`np.vstack((first, second))`" in text, text
    assert "by name" not in text, text


def test_vstack_given_a_list_and_another_array_is_not_rewritten():
    message = "vstack() takes 1 positional argument but 2 were given"
    text = _hint("TypeError", message, "both = np.vstack([first, second], third)")
    assert "one sequence" not in text, text


# ---------------------------------------------------- a keyword refused by the user's own def


def test_a_newer_def_that_takes_the_keyword_is_to_be_run_again():
    message = "grow() got an unexpected keyword argument 'rate'"
    cells = [
        ("def grow(size, steps):\n    return size * steps", 1, None),
        ("def grow(size, steps, rate=1.0):\n    return size * steps * rate", None, None),
        ("grow(10, steps=3, rate=0.5)", 3, None),
    ]
    text = notebook_hint("TypeError", message, "grow(10, steps=3, rate=0.5)", cells, 2, count=3)
    assert "your own function" in text and "run the cell with that `def`" in text, text
    assert "installed version" not in text, text


def test_an_own_def_without_the_keyword_is_told_to_take_it():
    message = "grow() got an unexpected keyword argument 'rate'"
    cells = [
        ("def grow(size, steps):\n    return size * steps", 1, None),
        ("grow(10, steps=3, rate=0.5)", 2, None),
    ]
    text = notebook_hint("TypeError", message, "grow(10, steps=3, rate=0.5)", cells, 1, count=2)
    assert "its `def` has no parameter `rate`" in text and "installed version" not in text, text


def test_a_library_function_keeps_the_installed_version():
    message = "grow() got an unexpected keyword argument 'rate'"
    text = _hint("TypeError", message, "from plants import grow\ngrow(10, steps=3, rate=0.5)")
    assert "your own function" not in text, text


# ------------------------------------------------------------- hist with one colour, 2-D data

_HIST_FRAMES = (
    _frame("matplotlib/axes/_axes.py", "Axes.hist", 'raise ValueError("color kwarg must have")'),
)


def test_one_colour_for_a_2d_array_points_at_the_data():
    message = "color kwarg must have one color per dataset"
    text = _hint("ValueError", message, "plt.hist(grid, bins=30, color='g')", _HIST_FRAMES)
    assert "`grid.ravel()`" in text and "is one colour" in text, text


def test_a_list_of_colours_is_not_called_one_colour():
    message = "color kwarg must have one color per dataset"
    text = _hint("ValueError", message, "plt.hist([a, b, c], color=['r', 'g'])", _HIST_FRAMES)
    assert "is one colour" not in text, text


# ------------------------------------------------------- LangChain's unparsed model answer

_PARSER_FRAMES = (
    _frame("langchain_core/output_parsers/base.py", "parse_result", "return self.parse(text)"),
    _frame("langchain/chains/query_constructor/base.py", "parse", "raise OutputParserException("),
)


def _parsed_answer(why: str) -> str:
    return (
        'Parsing text\n```json\n{\n    "query": "red shoes",\n    "filter": "startswith(\\"name'
        '\\", \\"red\\")"\n}\n```\n\nAlways answer with a valid filter, as the examples show.\n'
        f" raised following error:\n{why}"
    )


def test_an_unknown_filter_function_of_the_models_answer_is_told():
    why = (
        "Received unrecognized function startswith. Valid functions are "
        "[<Operator.AND: 'and'>, <Comparator.EQ: 'eq'>, <Comparator.LIKE: 'like'>]"
    )
    text = _hint("OutputParserException", _parsed_answer(why), "shop.invoke('red shoes')",
                 _PARSER_FRAMES)  # fmt: skip
    assert "language model's answer" in text and "`startswith`" in text, text
    assert "(valid: and, eq, like)" in text and "says what to do" not in text, text


def test_another_parser_message_is_no_model_answer():
    message = "Failed to parse Review from completion {}. Got: 1 validation error"
    text = _hint("OutputParserException", message, "chain.invoke('a text')", _PARSER_FRAMES)
    assert "language model's answer" not in text, text


# ----------------------------------------------- a tensor TensorFlow tests in its own code

_TRUTH = (
    "using a `tf.Tensor` as a Python `bool` is not allowed in Graph execution. Use Eager "
    "execution or decorate this function with @tf.function."
)


def test_a_tensor_tested_in_tensorflows_name_scope_is_an_argument_of_the_call():
    frames = (
        _frame("tensorflow/python/ops/nn_ops.py", "relu6", "with ops.name_scope(name) as name:"),
        _frame("tensorflow/python/framework/ops.py", "name_scope", "if name:"),
        _frame("tensorflow/python/framework/ops.py", "__bool__", "self._disallow_bool_casting()"),
        _frame("tensorflow/python/framework/ops.py", "_disallow", "raise OperatorNotAllowed("),
    )
    text = _hint("OperatorNotAllowedInGraphError", _TRUTH, "out = tf.nn.relu6(x, k)", frames)
    assert "TensorFlow's own code" in text and "`relu6`" in text, text
    assert "plain Python value" in text and "@tf.function" not in text, text


def test_a_tensor_tested_on_the_users_line_is_not_tensorflows():
    frames = (
        _frame("tensorflow/python/framework/ops.py", "__bool__", "self._disallow_bool_casting()"),
        _frame("tensorflow/python/framework/ops.py", "_disallow", "raise OperatorNotAllowed("),
    )
    text = _hint("OperatorNotAllowedInGraphError", _TRUTH, "if tf.reduce_sum(x) > 0:", frames)
    assert "TensorFlow's own code" not in text, text


# ----------------------------------- an unknown parameter of a plain estimator, no valid list

_SET_PARAMS = (_frame("sklearn/base.py", "set_params", "raise ValueError('Invalid parameter')"),)


def test_a_slip_in_a_plain_estimators_parameter_is_told():
    message = (
        "Invalid parameter n_estimator for estimator RandomForestClassifier(). Check the list "
        "of available parameters with `estimator.get_params().keys()`."
    )
    text = _hint("ValueError", message, "search.fit(X, y)", _SET_PARAMS)
    assert "`n_estimators`" in text and "<step>__" not in text, text


def test_a_pipelines_unknown_parameter_keeps_the_step_prefix():
    message = (
        "Invalid parameter depth for estimator Pipeline(steps=[('scale', StandardScaler()), "
        "('tree', DecisionTreeClassifier())]). Check the list of available parameters with "
        "`estimator.get_params().keys()`."
    )
    text = _hint("ValueError", message, "search.fit(X, y)", _SET_PARAMS)
    assert "__depth" in text, text


# ------------------------------ a missing argument passed by position to an object's method


def test_a_missing_argument_the_call_passes_by_position_is_a_shift():
    code = "prices = feed.get_prices(\n    symbols,\n    interval,\n    start=first_day,\n)"
    message = "get_prices() missing 1 required positional argument: 'interval'"
    traceback = (
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[4], line 1\n----> 1 prices = feed.get_prices(\n      2     symbols,\n"
        "      3     interval,\n      4     start=first_day,\n      5 )\n",
        f"TypeError: {message}",
    )
    text = diagnose(ErrorRecord("TypeError", message, traceback, code=code)).hint
    assert "passes `interval` by position" in text and "`type(feed)`" in text, text
    assert "pass it in the call" not in text, text


def test_a_missing_argument_the_call_lacks_is_still_to_pass():
    message = "get_prices() missing 1 required positional argument: 'interval'"
    text = _hint("TypeError", message, "prices = feed.get_prices(symbols, start=first_day)")
    assert "by position" not in text, text


# ---------------------------------------------- a keyword from the user's own **mapping

_HANDS_ON = (
    _frame("torch/nn/modules/module.py", "_call_impl", "return forward_call(*args, **kwargs)"),
    _frame("torch/nn/modules/module.py", "_wrapped", "return self._call_impl(*args, **kwargs)"),
)


def test_a_key_of_the_users_mapping_is_the_users_keyword():
    frames = (
        *_HANDS_ON,
        _frame("towers/encoder.py", "forward", "return self.embed(*args, **kwargs)"),
    )
    message = "Encoder.embed() got an unexpected keyword argument 'token_ids'"
    text = _hint("TypeError", message, "batch = tok(texts)\nout = net(**batch)", frames)
    assert "`net(**batch)` passes each key of `batch`" in text, text
    assert "`net(batch['token_ids'])`" in text and "does not pass" not in text, text


def test_a_keyword_a_library_line_names_stays_the_librarys():
    frames = (
        *_HANDS_ON,
        _frame("towers/encoder.py", "forward", "return self.embed(x, token_ids=ids)"),
    )
    message = "Encoder.embed() got an unexpected keyword argument 'token_ids'"
    text = _hint("TypeError", message, "batch = tok(texts)\nout = net(**batch)", frames)
    assert "passes each key" not in text, text
