"""Review of wave w23a and 5d8c566's conditions: for each one narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash it was made for still does:

- a keyword refused by the user's own function whose `def` the crashing cell itself runs above
  the call: the kernel holds that `def`, so running another cell's `def` again fixes nothing;
- a `def` that takes `**options` takes any keyword: the kernel holds another one, no `def`
  lacks the keyword;
- NumPy before 1.25 names the dispatcher (`_vhstack_dispatcher() takes 1 positional argument`),
  not `vstack`: `np.vstack(a, b)` is still told to pass one sequence;
- a module's function (`utils.evaluate(model, X, y)`) missing an argument the call passes: no
  "the module is the class itself, not an instance";
- `plot_confusion_matrix(conf_mat=cm)` (mlxtend's) or `plot_confusion_matrix(cm, classes=...)`
  (the documentation's recipe) is no scikit-learn call of `(estimator, X, y)`;
- `hist(x, color='rg')` on the matplotlib without counts: two colours, letter by letter, for 1-D
  data, not one colour for a 2-D array;
- `model.generate(**inputs)` refused `cache_position`: `generate` builds `model_inputs` of its
  own, so the key is the library's, not one of the user's mapping;
- `fit() takes 2 positional arguments but 3 were given` (before Python 3.10) where the notebook
  defines its own transformer's `fit(self, X)`: no `LabelEncoder` made for `y` is the step;
- `matplotlib.pyplot.plot(x)`: `import matplotlib` does not load `pyplot`;
- `Layer` (and the table's other Keras names) in a notebook of the standalone `keras`, which
  never names TensorFlow: imported from `keras`, not mixed in from `tensorflow.keras`.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint as cells_hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions109 import _frame, _hint

# ---------------------------------------------------- a keyword refused by the user's own def

_RATE = "grow() got an unexpected keyword argument 'rate'"


def test_the_cells_own_def_without_the_keyword_is_the_one_the_kernel_holds():
    line = "grow(10, steps=3, rate=0.5)"
    cells = [
        ("def grow(size, steps, rate=1.0):\n    return size * steps * rate", 1, None),
        (f"def grow(size, steps):\n    return size * steps\n\n{line}", 2, None),
    ]
    text = notebook_hint("TypeError", _RATE, line, cells, 1, count=2)
    assert "run the cell with that `def`" not in text, text
    assert "this cell runs before the call has no parameter `rate`" in text, text
    # made for: the def taking the keyword is in another cell, an older one ran
    cells = [
        ("def grow(size, steps):\n    return size * steps", 1, None),
        ("def grow(size, steps, rate=1.0):\n    return size * steps * rate", None, None),
        (line, 3, None),
    ]
    text = notebook_hint("TypeError", _RATE, line, cells, 2, count=3)
    assert "run the cell with that `def`" in text, text


def test_a_def_taking_any_keyword_is_not_told_to_take_it():
    cells = [
        ("def grow(size, **options):\n    return size * options.get('rate', 1)", 1, None),
        ("grow(10, rate=0.5)", 2, None),
    ]
    text = notebook_hint("TypeError", _RATE, "grow(10, rate=0.5)", cells, 1, count=2)
    assert "add it to the `def`" not in text and "has no parameter" not in text, text
    cells = [("def grow(size):\n    return size", 1, None), ("grow(10, rate=0.5)", 2, None)]
    text = notebook_hint("TypeError", _RATE, "grow(10, rate=0.5)", cells, 1, count=2)
    assert "its `def` has no parameter `rate`" in text, text


# ------------------------------------------------------ NumPy's dispatcher named by the message

_INTERNALS = ("File <__array_function__ internals>:180, in vstack(*args, **kwargs)\n",)


def test_an_older_numpy_names_the_stacking_dispatcher():
    message = "_vhstack_dispatcher() takes 1 positional argument but 2 were given"
    text = _hint("TypeError", message, "both = np.vstack(first, second)", _INTERNALS)
    assert "`np.vstack((first, second))`" in text, text
    message = "_column_stack_dispatcher() takes 1 positional argument but 3 were given"
    text = _hint("TypeError", message, "pts = np.column_stack(xs, ys, zs)", _INTERNALS)
    assert "`np.column_stack((xs, ys, zs))`" in text, text
    # the dispatcher of vstack is not column_stack's
    message = "_vhstack_dispatcher() takes 1 positional argument but 2 were given"
    text = _hint("TypeError", message, "pts = np.column_stack(xs, ys)", _INTERNALS)
    assert "one sequence" not in text, text


# -------------------------------------- a module's function missing an argument it is passed

_MISSING_Y = "evaluate() missing 1 required positional argument: 'y'"


def test_a_modules_function_is_no_method_called_on_a_class():
    cells = ("import utils\nimport numpy as np",)
    text = cells_hint("TypeError", _MISSING_Y, "score = utils.evaluate(model, X, y)", cells=cells)
    assert "not an instance" not in text and "`type(utils)`" not in text, text
    text = _hint("TypeError", _MISSING_Y, "import helpers as hp\nscore = hp.evaluate(model, X, y)")
    assert "not an instance" not in text, text
    text = _hint("TypeError", _MISSING_Y, "score = judge.evaluate(model, X, y)")
    assert "passes `y` by position" in text and "`type(judge)`" in text, text


# ------------------------------------ a removed scikit-learn name called as another function

_CELLS = ("import pandas as pd\nfrom sklearn.metrics import confusion_matrix",)


def test_a_confusion_matrix_plotted_from_the_matrix_is_no_removed_sklearn_call():
    message = "name 'plot_confusion_matrix' is not defined"
    for code in (
        "cm = confusion_matrix(y_test, pred)\nfig, ax = plot_confusion_matrix(conf_mat=cm)",
        "plot_confusion_matrix(cm, classes=['cat', 'dog'], normalize=True, title='Normalized')",
    ):
        text = cells_hint("NameError", message, code, cells=_CELLS)
        assert "scikit-learn's" not in text and "from_estimator" not in text, text
    code = "plot_confusion_matrix(clf, X_test, y_test)"
    text = cells_hint("NameError", message, code, cells=_CELLS)
    assert "`ConfusionMatrixDisplay.from_estimator(model, X, y)`" in text, text
    message = "name 'load_boston' is not defined"
    text = cells_hint("NameError", message, "boston = load_boston()", cells=_CELLS)
    assert "removed in scikit-learn 1.2" in text, text


# ------------------------------------------------- hist's colour string read letter by letter

_HIST_FRAMES = (
    _frame("matplotlib/axes/_axes.py", "Axes.hist", 'raise ValueError("color kwarg must have")'),
)


def test_a_string_of_colour_letters_is_no_one_colour():
    message = "color kwarg must have one color per dataset"
    text = _hint("ValueError", message, "plt.hist(ages, bins=20, color='rg')", _HIST_FRAMES)
    assert "is one colour" not in text, text
    text = _hint("ValueError", message, "plt.hist(grid, bins=30, color='green')", _HIST_FRAMES)
    assert "`grid.ravel()`" in text and "is one colour" in text, text


# --------------------------------------- a mapping a library builds is not the user's **mapping

_GENERATE = (
    _frame(
        "transformers/generation/utils.py",
        "generate",
        "result = self._sample(input_ids, logits_processor=processors, **model_kwargs)",
    ),
    _frame("transformers/generation/utils.py", "_sample", "outputs = self(**model_inputs)"),
    _frame("torch/nn/modules/module.py", "_wrapped", "return self._call_impl(*args, **kwargs)"),
    _frame("torch/nn/modules/module.py", "_call_impl", "return forward_call(*args, **kwargs)"),
)


def test_a_key_generate_adds_is_no_key_of_the_users_mapping():
    message = "PhiForCausalLM.forward() got an unexpected keyword argument 'cache_position'"
    code = "inputs = tok(prompt, return_tensors='pt')\nout = model.generate(**inputs, top_k=5)"
    text = _hint("TypeError", message, code, _GENERATE)
    assert "passes each key of `inputs`" not in text, text
    assert "Your code does not pass `cache_position`" in text, text
    # made for: only `**kwargs` handed on, down to the method that refused the key
    message = "Encoder.embed() got an unexpected keyword argument 'token_ids'"
    text = _hint("TypeError", message, "batch = tok(texts)\nout = net(**batch)", _GENERATE[2:] * 2)
    assert "`net(**batch)` passes each key of `batch`" in text, text


# ---------------------------------- the notebook's own fit(self, X) as a step, before Python 3.10

_STEP_TAKES_Y = "fit() takes 2 positional arguments but 3 were given"
_PIPELINE = (
    _frame("sklearn/pipeline.py", "Pipeline._fit", "X, fitted = fit_transform_one_cached(X, y)"),
    _frame(
        "sklearn/base.py", "TransformerMixin.fit_transform", "return self.fit(X, y).transform(X)"
    ),
)


def test_an_own_transformers_fit_without_y_is_no_target_encoder():
    code = (
        "class Cleaner(BaseEstimator, TransformerMixin):\n"
        "    def fit(self, X):\n"
        "        return self\n"
        "    def transform(self, X):\n"
        "        return X.fillna(0)\n"
        "\n"
        "y = LabelEncoder().fit_transform(df['label'])\n"
        "pipe = Pipeline([('clean', Cleaner()), ('model', LogisticRegression())])\n"
        "pipe.fit(df, y)"
    )
    text = _hint("TypeError", _STEP_TAKES_Y, code, _PIPELINE)
    assert "encodes a target" not in text, text
    code = (
        "y = LabelEncoder().fit_transform(df['label'])\n"
        "pipe = Pipeline([('codes', LabelEncoder()), ('model', LogisticRegression())])\n"
        "pipe.fit(df[['colour']], y)"
    )
    text = _hint("TypeError", _STEP_TAKES_Y, code, _PIPELINE)
    assert "`LabelEncoder` encodes a target" in text, text


# ------------------------------------------------------------- the import table's new names


def test_matplotlib_read_for_pyplot_is_told_to_import_pyplot():
    message = "name 'matplotlib' is not defined"
    cells = ("import numpy as np",)
    text = cells_hint("NameError", message, "matplotlib.pyplot.plot(x, y)", cells=cells)
    assert "`import matplotlib.pyplot`" in text, text
    text = cells_hint("NameError", message, "matplotlib.rcParams['figure.dpi'] = 120", cells=cells)
    assert "`import matplotlib`" in text, text


def test_a_keras_layer_of_a_standalone_keras_notebook_is_imported_from_keras():
    message = "name 'Layer' is not defined"
    code = "class Attention(Layer):\n    pass"
    cells = ("from keras.models import Sequential\nfrom keras.layers import Dense, LSTM",)
    text = cells_hint("NameError", message, code, cells=cells)
    assert "`from keras.layers import Layer`" in text and "tensorflow" not in text, text
    cells = ("import tensorflow as tf\nfrom tensorflow.keras.layers import Dense",)
    text = cells_hint("NameError", message, code, cells=cells)
    assert "`from tensorflow.keras.layers import Layer`" in text, text
