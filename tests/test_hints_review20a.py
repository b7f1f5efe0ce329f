"""Review of waves w25a and w25b's conditions: for each one narrowed, a crash (written here by
hand, in the libraries' wording and IPython's layout) where the specific hint was false must not
get it, and the crash it was made for still does:

- `trainer.train()` whose `Trainer` calls `model(**inputs)`: the user's line passed no argument
  to `forward()`, so it is not told the module got exactly the line's arguments;
- `ConfusionMatrixDisplay(y_true=..., y_pred=...)`: no Keras loss or metric, no object to call;
- an image processor loaded with `AutoImageProcessor` already: not told to load it so; and a
  `size = (256, 256)` variable of the cell's own resizing no longer silences the hint;
- `host='mlflow-server'` (from an environment variable): a bare name ships with no library;
- `import xgboost` and `scikeras` both: the first import is not named as the old library;
- `print(X.shape, test['SalePrice'].mean())`: the column is read from `test`, not from the `X`
  a drop made;
- `search.n_classes_`: the best model's count, no slip of the search's `classes_`;
- `class Picker(TransformerMixin)`: told its own bases in order, not `ClassifierMixin`; bases
  already in order are not told to be written so.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint

_SITE = "/usr/local/lib/python3.10/dist-packages"

# ----------------------------- a `forward()` whose arguments a library's loop built, not the line

_CALL_IMPL = (
    f"{_SITE}/torch/nn/modules/module.py",
    "_call_impl",
    [],
    "return forward_call(*args, **kwargs)",
)
_TRAINER = (
    f"{_SITE}/transformers/trainer.py",
    "compute_loss",
    [],
    "outputs = model(**inputs)",
)


def test_a_forward_called_by_a_trainer_is_not_said_to_get_the_lines_arguments():
    code = (
        "class Net(nn.Module):\n    def forward(self, input_ids, attention_mask, labels):\n"
        "        return self.head(input_ids)\n"
        "trainer = Trainer(model=Net(), args=args, train_dataset=ds)\ntrainer.train()"
    )
    message = "forward() missing 1 required positional argument: 'labels'"
    text = _hint("TypeError", message, code, frames=[_TRAINER, _CALL_IMPL])
    assert "exactly the arguments you pass it" not in text, text
    # made for: the module called on the user's own line
    code = "class Block(nn.Module):\n    def forward(self, x, mask):\n        return x\n"
    code += "out = block(tokens)"
    message = "forward() missing 1 required positional argument: 'mask'"
    text = _hint("TypeError", message, code, frames=[_CALL_IMPL])
    assert "with exactly the arguments you pass it" in text and "needs 'mask'" in text, text


# ------------------------------------------- `y_true=` given to a class that is no loss or metric


def test_a_display_class_given_y_true_is_not_told_to_call_the_object():
    code = (
        "from sklearn.metrics import ConfusionMatrixDisplay\n"
        "ConfusionMatrixDisplay(y_true=y_test, y_pred=preds).plot()"
    )
    message = "ConfusionMatrixDisplay.__init__() got an unexpected keyword argument 'y_true'"
    text = _hint("TypeError", message, code)
    assert "is a class" not in text and "ConfusionMatrixDisplay()(y_true" not in text, text
    # made for: a Keras loss class given the data
    code = "from tensorflow.keras.losses import Huber\nerr = Huber(y_true=labels, y_pred=out)"
    message = "__init__() got an unexpected keyword argument 'y_true'"
    text = _hint("TypeError", message, code)
    assert "`Huber` is a class" in text and "`Huber()(y_true, y_pred)`" in text, text


# --------------------------------- an image processor already loaded by `AutoImageProcessor`

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


def test_a_processor_loaded_automatically_is_not_told_to_load_it_automatically():
    code = "proc = AutoImageProcessor.from_pretrained('some-org/some-model')\n"
    code += "batch = proc(images=pictures, return_tensors='pt')"
    text = _hint("ValueError", _SIZE_MESSAGE, code, frames=[_RESIZE])
    assert "load it with `AutoImageProcessor" not in text, text


def test_a_size_variable_of_the_cells_own_resizing_does_not_silence_the_processor_hint():
    code = "size = (256, 256)\npictures = [im.resize(size) for im in raw]\n"
    code += "proc = ViTImageProcessor.from_pretrained('some-org/some-model')\n"
    code += "batch = proc(images=pictures, return_tensors='pt')"
    text = _hint("ValueError", _SIZE_MESSAGE, code, frames=[_RESIZE])
    assert "AutoImageProcessor.from_pretrained(...)" in text, text
    # made for: the cell sets the processor's `size` itself
    code = "proc = ViTImageProcessor.from_pretrained('m', size={'shortest_edge': 224})\n"
    code += "batch = proc(images=pictures, return_tensors='pt')"
    text = _hint("ValueError", _SIZE_MESSAGE, code, frames=[_RESIZE])
    assert "AutoImageProcessor" not in text, text


# ------------------------------------- a bare host name is the user's setting, not the library's

_ADAPTER = (f"{_SITE}/requests/adapters.py", "send", [], "raise ConnectionError(e, request=r)")


def _dns(host: str) -> str:
    return (
        f"HTTPConnectionPool(host='{host}', port=5000): Max retries exceeded with url: "
        "/api/2.0/mlflow/runs/log-metric (Caused by NewConnectionError('<urllib3.connection."
        "HTTPConnection object at 0x7f00>: Failed to establish a new connection: [Errno -2] "
        "Name or service not known'))"
    )


def test_a_bare_host_from_the_environment_is_not_said_to_come_from_the_library():
    frames = [
        (f"{_SITE}/mlflow/utils/rest_utils.py", "http_request", [], "return _get_http_response()"),
        _ADAPTER,
    ]
    code = "import mlflow\nmlflow.log_metric('acc', acc)"
    text = _hint("ConnectionError", _dns("mlflow-server"), code, frames=frames)
    assert "comes from `mlflow`" not in text and "upgrade `mlflow`" not in text, text
    # made for: a library's own public address
    text = _hint("ConnectionError", _dns("quotes.oldservice.example"), code, frames=frames)
    assert "comes from `mlflow`, not from your code" in text, text


# --------------------------------------------- two scikit-learn plugin libraries in the notebook


def test_the_first_of_two_plugin_libraries_is_not_blamed_for_the_tags():
    from tests.test_hints_args import crash, hint

    sk = "~/.venv/lib/python3.12/site-packages/sklearn"
    frames = (
        (f"{sk}/utils/validation.py", "check_is_fitted"),
        (f"{sk}/utils/_tags.py", "get_tags"),
        (f"{sk}/base.py", "ClassifierMixin.__sklearn_tags__"),
    )
    tags = "'super' object has no attribute '__sklearn_tags__'"
    code = (
        "import xgboost as xgb\nfrom scikeras.wrappers import KerasClassifier\n"
        "clf = KerasClassifier(build)\nclf.fit(X, y)"
    )
    text = hint(crash("AttributeError", tags, "clf.fit(X, y)", frames, code=code))
    assert "`xgboost` is too old" not in text, text
    assert "scikit-learn<1.6" in text, text
    # made for: the one plugin library the notebook imports
    code = "from lightgbm import LGBMClassifier\nclf = LGBMClassifier()\nclf.fit(X, y)"
    text = hint(crash("AttributeError", tags, "clf.fit(X, y)", frames, code=code))
    assert "`lightgbm` is too old" in text and "scikit-learn<1.6" in text, text


# ---------------------------------------- a column read from another frame than the dropped one


def test_a_column_read_from_another_frame_is_not_blamed_on_the_drop():
    from tests.test_hints_args import crash, hint

    code = (
        "X = train.drop('SalePrice', axis=1)\ntest = pd.read_csv('test.csv')\n"
        "print(X.shape, test['SalePrice'].mean())"
    )
    line = "print(X.shape, test['SalePrice'].mean())"
    text = hint(crash("KeyError", "'SalePrice'", line, code=code))
    assert "`X` was made by" not in text, text
    # made for: the dropped frame read for that column
    code = "X = train.drop('SalePrice', axis=1)\nprint(X['SalePrice'].mean())"
    text = hint(crash("KeyError", "'SalePrice'", "print(X['SalePrice'].mean())", code=code))
    assert "`X` was made by `train.drop(...)`" in text, text


def test_a_keras_loss_reached_through_its_module_keeps_the_call_hint():
    code = "from tensorflow.keras import losses\nerr = losses.Huber(y_true=labels, y_pred=out)"
    message = "Huber.__init__() got an unexpected keyword argument 'y_true'"
    text = _hint("TypeError", message, code)
    assert "`Huber` is a class" in text and "`losses.Huber()(y_true, y_pred)`" in text, text


# ----------------------------- a fitted model's count attribute read from a search, not a slip


def test_a_models_class_count_on_a_search_is_not_called_a_slip_of_classes():
    from tests.test_hints_args import crash, hint

    code = "search = GridSearchCV(DecisionTreeClassifier(), grid, cv=5)\nsearch.fit(X, y)"
    code += "\nsearch.n_classes_"
    message = "'GridSearchCV' object has no attribute 'n_classes_'"
    text = hint(crash("AttributeError", message, "search.n_classes_", code=code))
    assert "its own attribute is `search.classes_`" not in text, text
    assert "`search.best_estimator_.n_classes_`" in text, text
    # made for: a slip of the search's own name
    message = "'GridSearchCV' object has no attribute 'best_scores_'"
    text = hint(crash("AttributeError", message, "search.best_scores_", code=code))
    assert "`search.best_score_`" in text and "best_estimator_" not in text, text


# ----------------------------------- an own class's mixin named as written, not a classifier's

_TAGS = "'super' object has no attribute '__sklearn_tags__'"


def _tags_crash(code: str, line: str) -> str:
    from tests.test_hints_args import crash, hint

    sk = "~/.venv/lib/python3.12/site-packages/sklearn"
    frames = (
        (f"{sk}/utils/_tags.py", "get_tags"),
        (f"{sk}/base.py", "TransformerMixin.__sklearn_tags__"),
    )
    return hint(crash("AttributeError", _TAGS, line, frames, code=code))


def test_an_own_transformer_is_not_told_to_become_a_classifier():
    code = (
        "class Picker(TransformerMixin):\n    def fit(self, X, y=None):\n        return self\n"
        "out = Picker().fit_transform(X)"
    )
    text = _tags_crash(code, "out = Picker().fit_transform(X)")
    assert "ClassifierMixin" not in text, text
    assert "`class Picker(TransformerMixin, BaseEstimator)`" in text, text
    # made for: BaseEstimator listed before the mixin
    code = code.replace("(TransformerMixin)", "(BaseEstimator, TransformerMixin)")
    text = _tags_crash(code, "out = Picker().fit_transform(X)")
    assert "your class `Picker`" in text and "`BaseEstimator` last" in text, text


def test_an_own_class_with_its_bases_in_order_is_not_told_to_write_them_so():
    code = (
        "class Picker(TransformerMixin, BaseEstimator):\n    def fit(self, X, y=None):\n"
        "        return self\nout = Picker().fit_transform(X)"
    )
    text = _tags_crash(code, "out = Picker().fit_transform(X)")
    assert "write `class Picker" not in text and "scikit-learn<1.6" in text, text
