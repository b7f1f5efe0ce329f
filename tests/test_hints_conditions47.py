"""Speak-only-when pairs for library-call hints that blind graders found wrong: each condition
with a crash where the sentence speaks and one where it must not.

- A removed NumPy name read in a package installed beside NumPy in a folder of another name
  than site-packages (a hosted service's `/srv/pkgs/py39/`): an installed package, not "a file
  outside your installed packages".
- scikit-learn's `array = array.astype(np.float64)` converts X as well: only `y = y.astype(…)`
  (or `_check_y`) is the regression target.
- seaborn given a table first with `x=` by name, or whose printed signature starts at `data`:
  the table is no `x`.
- Matplotlib met a tensor that requires grad: it draws what it was given, so no "it computed
  it, try another version", and a list of losses is no tensor to `.detach()`.
- A library's method that reads its own object's attribute (`self.trainset` in `predict`):
  another of its steps sets it (a `fit` that did not end), not "something you pass".
- Keras's advice for a subclass of `Model` where the notebook defines none: a plain `Model`
  made without inputs and outputs.
- A worker's error under joblib's `_RemoteTraceback` (a full disk): the error before this one,
  not the call's inputs.
- A function that reads its one parameter by keys, called with the values one by one.
- A search whose Pipeline ends in a transformer: no `scoring=` can rate it.
- An indexed name that is a parameter of the user's function a library called: what the
  library passed, not where a cell last assigned the name.

Cells, tracebacks and messages are written here by hand in the libraries' wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from tests.test_hints_conditions28 import _hint
from tests.test_hints_conditions40 import SITE, _crash

NP_FLOAT = (
    "module 'numpy' has no attribute 'float'.\n`np.float` was a deprecated alias for the builtin "
    "`float`. To avoid this error in existing code, use `float` by itself. Doing this will not "
    "modify any behavior and is safe. If you specifically wanted the numpy scalar type, use "
    "`np.float64` here.\nThe aliases was originally deprecated in NumPy 1.20; for more details "
    "and guidance see the original release note at:\n"
    "    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations"
)


def _record_hint(ename: str, message: str, tb: list[str], code: str, cells=()) -> str:
    """The hint for a traceback written out whole, with the notebook's other code cells."""
    return _hint(ename, message, code, cells=cells, tb=tb)


# ------------------------------------------- a removed name read in a hosted packages folder


def _np_float_read_in(folder: str, numpy_folder: str) -> str:
    frames = [
        (f"{folder}/seaborn/categorical.py", "boxplot", "plotter = _BoxPlotter(x, y, hue, data)"),
        (f"{folder}/seaborn/utils.py", "categorical_order", "np.asarray(values).astype(np.float)"),
        (f"{numpy_folder}/numpy/__init__.py", "__getattr__", "raise AttributeError(msg)"),
    ]
    code = "import seaborn as sns\nsns.boxplot(x='grade', y='score', data=exams)"
    return _crash("AttributeError", NP_FLOAT, code, frames)


def test_a_package_beside_numpy_in_a_hosted_folder_is_an_installed_package():
    text = _np_float_read_in("/srv/pkgs/py39", "/srv/pkgs/py39")
    assert "outside your installed packages" not in text, text
    assert "`%pip install -U seaborn`" in text, text


def test_a_copied_folder_away_from_numpy_is_still_a_file_outside_the_packages():
    text = _np_float_read_in("/home/ana/course", SITE)
    assert "`seaborn/utils.py`, a file outside your installed packages" in text, text


# ------------------------------------------------ check_array's conversion of X, not of y

_VALIDATION = f"{SITE}/sklearn/utils/validation.py"


def _float_conversion(line: str) -> str:
    frames = [
        (f"{SITE}/sklearn/linear_model/base.py", "fit", "X, y = check_X_y(X, y, y_numeric=True)"),
        (_VALIDATION, "check_X_y", "y = check_array(y, ensure_2d=False)"),
        (_VALIDATION, "check_array", line),
    ]
    code = "lm = LinearRegression()\nlm.fit(X_train, y_train)"
    return _crash("ValueError", "could not convert string to float: 'north-2'", code, frames)


def test_check_arrays_conversion_of_any_array_is_no_regression_target():
    text = _float_conversion("array = array.astype(np.float64)")
    assert "target y" not in text, text


def test_the_older_check_of_y_itself_is_the_regression_target():
    text = _float_conversion("y = y.astype(np.float64)")
    assert text.startswith("The target y holds text labels"), text


# ------------------------------------------------------------- seaborn's first value as x


def _seaborn_truth(line: str, signature: str) -> str:
    tb = [
        "-" * 75,
        "ValueError                                Traceback (most recent call last)",
        f"Cell In[12], line 1\n----> 1 {line}\n",
        f"File {SITE}/seaborn/categorical.py:2755, in {signature}\n"
        "-> 2755 g.map_dataframe(plot_func, x=x, y=y, hue=hue, **plot_kws)\n",
        f"File {SITE}/matplotlib/text.py:1279, in Text.set_text(self, s)\n"
        "-> 1279 if s != self._text:\n",
        "ValueError: The truth value of an array with more than one element is ambiguous. "
        "Use a.any() or a.all()",
    ]
    message = (
        "The truth value of an array with more than one element is ambiguous. Use a.any() or "
        "a.all()"
    )
    return _record_hint("ValueError", message, tb, f"import seaborn as sns\n{line}")


def test_a_table_passed_first_beside_x_by_name_is_no_x():
    line = "sns.catplot(scores, x='r2', y=scores.index, kind='bar')"
    text = _seaborn_truth(line, "catplot(x, y, hue, data, row, col, kind)")
    assert "as `x`" not in text, text


def test_a_seaborn_whose_signature_starts_at_data_takes_the_table_as_data():
    line = "sns.catplot(scores, kind='bar')"
    text = _seaborn_truth(line, "catplot(data, x, y, hue, row, col, kind)")
    assert "as `x`" not in text, text


def test_an_older_seaborn_takes_the_first_value_as_x():
    line = "sns.catplot(scores, kind='bar')"
    text = _seaborn_truth(line, "catplot(x, y, hue, data, row, col, kind)")
    assert "takes the first value of `sns.catplot(scores)` as `x`" in text, text


# ------------------------------------------------------- a tensor that requires grad, drawn

_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
_TO_NUMPY = (
    (f"{SITE}/numpy/core/shape_base.py", "atleast_1d", "ary = asanyarray(ary)"),
    (f"{SITE}/torch/_tensor.py", "Tensor.__array__", "return self.numpy()"),
)


def _grad_to_numpy(line: str, *library_frames) -> str:
    """The hint when the library the line calls turned a tensor that requires grad into NumPy."""
    return _crash("RuntimeError", _GRAD, line, (*library_frames, *_TO_NUMPY))


def test_only_a_library_that_draws_what_it_was_given_is_told_of_a_list_of_losses():
    drawn = _grad_to_numpy(
        "plt.plot(epoch_losses)",
        (f"{SITE}/matplotlib/pyplot.py", "plot", "return gca().plot(*args, **kwargs)"),
        (f"{SITE}/matplotlib/cbook/__init__.py", "_check_1d", "return np.atleast_1d(x)"),
    )
    assert "another version" not in drawn and "`[t.item() for t in values]`" in drawn, drawn
    # a library that computes (a model's output) may be the one whose version fails
    computed = _grad_to_numpy(
        "net.predict_proba(X_valid)",
        (f"{SITE}/skorch/net.py", "predict_proba", "return self.infer_all(X)"),
        (f"{SITE}/skorch/utils.py", "to_numpy", "return np.asarray(X)"),
    )
    assert "`[t.item() for t in values]`" not in computed, computed


# ----------------------------------------------- a method that reads its own object's state

_SURPRISE = f"{SITE}/surprise/prediction_algorithms/algo_base.py"
_NO_TRAINSET = "'KNNBasic' object has no attribute 'trainset'"


def _predict(shown: str, cells) -> str:
    frames = [(_SURPRISE, "AlgoBase.predict", shown)]
    return _crash("AttributeError", _NO_TRAINSET, "knn.predict(196, 302)", frames, cells)


def test_a_method_reading_its_own_objects_attribute_asks_for_the_step_that_sets_it():
    cells = ("from surprise import KNNBasic\nknn = KNNBasic()", "knn.fit(data)")
    text = _predict("iuid = self.trainset.to_inner_uid(uid)", cells)
    assert "another of its steps sets it (such as `fit`)" in text, text
    assert "check what you pass" not in text, text


def test_an_object_loaded_from_a_file_or_made_elsewhere_gets_both_readings():
    cells = ("import pickle\nknn = pickle.load(open('knn.pkl', 'rb'))",)
    loaded = _predict("iuid = self.trainset.to_inner_uid(uid)", cells)
    assert "loaded into `knn` lacks: the file was saved before the step" in loaded, loaded
    assert "another version" in loaded, loaded
    made = _predict("iuid = self.trainset.to_inner_uid(uid)", ("knn = recommender_for(data)",))
    assert "or `knn` was made by another version" in made, made


def test_an_attribute_read_of_another_object_is_no_state_of_the_called_one():
    cells = ("from surprise import KNNBasic\nknn = KNNBasic()",)
    text = _predict("iuid = algo.trainset.to_inner_uid(uid)", cells)
    assert "such as `fit`" not in text, text


# ------------------------------------------------------ Keras's advice for a Model subclass

_NO_CALL = "When subclassing the `Model` class, you should implement a `call` method."
_NETWORK = f"{SITE}/keras/engine/network.py"


def _keras_build(made: str) -> str:
    """`model.build(...)` on the model the notebook's cell ``made``."""
    frames = [
        (_NETWORK, "Network.build", "self.call(x, **kwargs)"),
        (_NETWORK, "Network.call", "raise NotImplementedError(msg)"),
    ]
    cells = (f"from tensorflow import keras\n{made}",)
    return _crash("NotImplementedError", _NO_CALL, "model.build((None, 32))", frames, cells)


def test_no_subclass_in_the_notebook_makes_the_model_a_plain_one():
    text = _keras_build("model = keras.Model()")
    assert "No class of your notebook subclasses `Model`" in text, text
    assert "Do what the message says" not in text, text


def test_a_subclass_of_the_notebooks_or_an_imported_one_gets_the_messages_own_advice():
    assert "No class of your notebook" not in _keras_build(
        "class Net(keras.Model):\n    pass\nmodel = Net()"
    )
    assert "No class of your notebook" not in _keras_build("from nets import Net\nmodel = Net()")


# ----------------------------------------------------------- a worker's error under joblib

_QUEUES = r"C:\Users\ana\anaconda3\lib\site-packages\joblib\externals\loky\backend\queues.py"


def _remote(worker_error: str, ename: str, message: str) -> str:
    tb = [
        "-" * 75,
        "_RemoteTraceback                          Traceback (most recent call last)",
        '_RemoteTraceback: \n"""\nTraceback (most recent call last):\n'
        f'  File "{_QUEUES}", line 153, in _feed\n'
        "    obj_ = dumps(obj, reducers=reducers)\n"
        f'{worker_error}\n"""',
        "\nThe above exception was the direct cause of the following exception:\n",
        f"{ename}                             Traceback (most recent call last)",
        'Cell In[9], line 1\n----> 1 report.to_file("survey.html")\n',
        f"File {SITE}/joblib/parallel.py:940, in Parallel.retrieve(self)\n"
        "--> 940 self._output.extend(job.get(timeout=self.timeout))\n",
        f"{ename}: {message}",
    ]
    return _record_hint(ename, message, tb, 'report.to_file("survey.html")')


def test_a_full_disk_in_the_worker_is_what_to_resolve():
    message = "Could not pickle the task to send it to the workers."
    text = _remote("OSError: [Errno 28] No space left on device", "PicklingError", message)
    assert "the disk is full" in text and "Check the inputs" not in text, text


def test_a_worker_error_of_the_same_kind_adds_nothing():
    message = "Input contains NaN"
    text = _remote("ValueError: Input contains NaN", "ValueError", message)
    assert "(after" not in text and "disk" not in text, text


# ----------------------------------------------------- values meant together in one object


def _too_many(definition: str) -> str:
    message = "score() takes 1 positional argument but 2 were given"
    return _crash("TypeError", message, "score(0.5, -1.25)", cells=(definition,))


def test_a_parameter_read_by_keys_wants_the_values_in_one_object():
    text = _too_many("def score(row):\n    return model_fn(row['height'], row['weight'])\n")
    assert "(`row['height']`, `row['weight']`)" in text, text
    assert "add a parameter" not in text, text


def test_a_plain_parameter_keeps_the_arity_advice():
    text = _too_many("def score(row):\n    return row * 2\n")
    assert "remove the extra argument from the call or add a parameter" in text, text


# ------------------------------------------------- a search whose estimator ends in a transformer


def _search(pipeline: str, line: str) -> str:
    message = (
        "If no scoring is specified, the estimator passed should have a 'score' method. The "
        f"estimator {pipeline} does not."
    )
    frames = [
        (f"{SITE}/sklearn/model_selection/_search.py", "BaseSearchCV.fit", "scorers = x()"),
        (f"{SITE}/sklearn/metrics/_scorer.py", "check_scoring", "raise TypeError(msg)"),
    ]
    cells = ("search = GridSearchCV(pipe, grid, cv=3)",)
    return _crash("TypeError", message, line, frames, cells)


def test_a_pipeline_ending_in_a_vectorizer_has_nothing_to_score():
    pipe = "Pipeline(steps=[('counts', CountVectorizer()), ('tfidf', TfidfTransformer())])"
    text = _search(pipe, "search.fit(docs)")
    assert "ends in `TfidfTransformer`" in text and "pass `scoring=`" not in text, text
    assert "`fit(X, y)`" in text, text


def test_a_search_given_targets_is_not_told_to_give_them():
    pipe = "Pipeline(steps=[('scale', StandardScaler())])"
    text = _search(pipe, "search.fit(X, y)")
    assert "ends in `StandardScaler`" in text and "`fit(X, y)`" not in text, text


def test_a_pipeline_ending_in_an_unknown_estimator_keeps_the_scoring_advice():
    pipe = "Pipeline(steps=[('scale', StandardScaler()), ('model', RankNet(k=3))])"
    text = _search(pipe, "search.fit(X, y)")
    assert "pass `scoring=`" in text, text


# -------------------------------------------------- a parameter a library passed the function


def _indexed_in_f(definition: str) -> str:
    """`ds.apply(split_pair)` where the cell's ``definition`` of `split_pair` fails on its last
    line, indexing a dataset."""
    message = "'BatchDataset' object is not subscriptable"
    lines = definition.splitlines()
    shown = "".join(f"      {i} {text}\n" for i, text in enumerate(lines[:-1], 1))
    tb = [
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[6], line 1\n----> 1 pairs = ds.apply(split_pair)\n",
        f"File {SITE}/tensorflow/python/data/ops/dataset_ops.py:2267, in DatasetV2.apply"
        "(self, transformation_func)\n-> 2267 dataset = transformation_func(self)\n",
        f"Cell In[5], line {len(lines)}, in split_pair(batch)\n{shown}"
        f"----> {len(lines)} {lines[-1]}\n",
        f"TypeError: {message}",
    ]
    return _record_hint("TypeError", message, tb, "pairs = ds.apply(split_pair)", (definition,))


def test_a_parameter_holds_what_the_calling_library_passed():
    text = _indexed_in_f("def split_pair(batch):\n    return batch[:, :4], batch[:, 4:]")
    assert "`batch` is a parameter of `split_pair()`" in text, text
    assert "last assigned" not in text, text


def test_a_parameter_the_function_binds_again_may_hold_its_own_value():
    definition = (
        "def split_pair(batch):\n    batch = batch.shuffle(64)\n"
        "    return batch[:, :4], batch[:, 4:]"
    )
    assert "is a parameter" not in _indexed_in_f(definition)


def test_a_global_name_indexed_in_a_function_is_still_traced_to_its_assignment():
    message = "'BatchDataset' object is not subscriptable"
    tb = [
        "-" * 75,
        "TypeError                                 Traceback (most recent call last)",
        "Cell In[6], line 1\n----> 1 first = head(4)\n",
        "Cell In[5], line 2, in head(n)\n      1 def head(n):\n----> 2     return batch[:n]\n",
        f"TypeError: {message}",
    ]
    cells = ("batch = ds.batch(32)", "def head(n):\n    return batch[:n]")
    text = _record_hint("TypeError", message, tb, "first = head(4)", cells)
    assert "is a parameter" not in text, text
