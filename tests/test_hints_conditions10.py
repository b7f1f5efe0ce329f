"""The safe hint says only what the message's own words make true, and the notebook analysis
names a cause only where the cells show it (issue 12, tenth round: graded hints of the safe hint
and the notebook analysis that were wrong). Each test pairs a crash where a sentence must speak
with one where it must not.

Cells and messages are written here by hand in the libraries' wording and the layout IPython
prints, never copied from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.cells import analyse_cell
from jupyterlab_nbcrash.diagnosis.definitions import imported_from, passed_as_own_keyword
from jupyterlab_nbcrash.diagnosis.message_looks import argument_twice_look, module_attribute_look
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import HINTS
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE, _inside
from tests.test_notebook_saved import run, saved, tb

NUMPY = f"{SITE}/numpy/core/numeric.py"
PANDAS = f"{SITE}/pandas/core/frame.py"

# ------------------------------------------------ 1. the ValueError look the message states


# message → (the failing line, what the look says)
_VALUE_LOOKS = {
    "assignment destination is read-only": ("a[0] = 5", "`arr = arr.copy()`"),
    "not enough values to unpack (expected 2, got 0)": ("o.step(zip(g, v))", "0: it is empty"),
    "The dataset has length 0": ("model.fit(gen)", "the data is empty"),
    "Length of names must match number of levels in MultiIndex.": ("pd.concat(fs)", "`.nlevels`"),
    # join's own setting is named since round 15 (the generic look before it)
    "columns overlap but no suffix specified: Index(['id'], dtype='object')": (
        "left.join(right)",
        "pass `lsuffix=` or `rsuffix=`",
    ),
    "area requires either y column or 'subplots=True'": ("s.plot.area()", "setting"),
}


@pytest.mark.parametrize("message", list(_VALUE_LOOKS))
def test_a_value_error_whose_words_say_what_to_look_at_gets_that_look(message):
    line, says = _VALUE_LOOKS[message]
    text = hint(crash("ValueError", message, line, frames=[(PANDAS, "run")]))
    assert says in text, text
    assert "`.dtype`" not in text, text  # the Index's dtype is no dtype of the user's values


def test_a_value_error_about_dtypes_keeps_the_dtype_look():
    message = "Buffer dtype mismatch, expected 'double' but got 'float'"
    text = hint(crash("ValueError", message, "f(x)", frames=[(f"{SITE}/lib/_k.pyx", "k")]))
    assert "`.dtype`" in text and "setting the call lacks" not in text, text


# --------------------------------------- 2. the argument a TypeError names is not the culprit


@pytest.mark.parametrize(
    "message",
    [
        "argument for array() given by name ('dtype') and position (position 1)",
        "resize() got multiple values for argument 'size'",
    ],
)
def test_an_argument_given_twice_points_at_the_positional_one(message):
    line = "a = f([1, 2], [3, 4], dtype=complex, size=3)"
    text = hint(crash("TypeError", message, line))
    assert "twice" in text and "the argument the message names" not in text, text
    assert argument_twice_look(crash("TypeError", message, line)), message


def test_a_library_calling_the_users_function_without_its_arguments_says_so():
    code = "def between(s, low, high):\n    return s.between(low, high).mean()\n"
    line = "df.groupby('k')['v'].agg(['mean', between], low=1, high=9)"
    message = "between() missing 2 required positional arguments: 'low' and 'high'"
    text = hint(crash("TypeError", message, line, frames=[(PANDAS, "agg")], code=code + line))
    assert "calls your `between()` itself" in text and "functools.partial" in text, text
    # The user's own call that leaves them out: the arguments are what to check.
    direct = hint(crash("TypeError", message, "between(s)", code=code + "between(s)"))
    assert "calls your" not in direct, direct


def test_sizes_a_library_checks_are_looked_at_by_shape():
    message = "Length of x must be number of columns in z."
    text = _inside("TypeError", message, "plt.contourf(t, d, z)", f"{SITE}/matplotlib/contour.py")
    assert "`.shape` (or `len(...)`)" in text and "types the message names" not in text, text
    # An unpack inside a library (`h, w = X.shape`) keeps the shape look unless it got nothing.
    unpack = "not enough values to unpack (expected 2, got 1)"
    text = _inside("ValueError", unpack, "plt.matshow(r[1])", f"{SITE}/matplotlib/image.py")
    assert "`.shape`" in text and "`len(...)`" not in text, text


# ----------------------------------------------------------- 3. AttributeErrors of other kinds


def test_a_module_attribute_a_library_reads_is_a_version_mismatch_not_the_object_before_the_dot():
    frames = [(f"{SITE}/seaborn/categorical.py", "countplot"), (f"{SITE}/numpy/__init__.py", "g")]
    message = "module 'numpy' has no attribute 'float'."
    parsed = crash("AttributeError", message, "sns.countplot(x='a', data=df)", frames=frames)
    assert "`seaborn`'s code reads `numpy.float`" in module_attribute_look(parsed)
    text = hint(parsed)  # a table may know the name: then its template speaks first
    assert "seaborn" in text and "object before the dot" not in text, text
    assert not module_attribute_look(crash("AttributeError", message, "x = np.float(3)"))


def test_python_2_methods_and_calls_are_told_as_such():
    frames = [("/home/u/work/apriori.py", "scan")]
    message = "'dict' object has no attribute 'has_key'"
    text = hint(crash("AttributeError", message, "apriori.run(data)", frames=frames))
    assert "Python 2" in text and "`key in d`" in text, text
    called = hint(crash("AttributeError", "_Feature instance has no __call__ method", "m.f('a')"))
    assert "a `_Feature` object, not a function" in called, called


# ------------------------------------------------- 4. OSError, IndexError and chained causes


def test_an_image_mode_a_format_cannot_store_is_no_path_problem():
    message = "cannot write mode RGBA as JPEG"
    text = _inside("OSError", message, "img.save('a.jpg')", f"{SITE}/PIL/JpegImagePlugin.py")
    assert "`img.convert('RGB')`" in text and "os.getcwd()" not in text, text


def test_an_index_error_looks_where_the_index_was_taken():
    xl = f"{SITE}/openpyxl/writer/excel.py"
    words = hint(
        crash("IndexError", "At least one sheet must be visible", "wb.save(p)", [(xl, "w")])
    )
    assert "what is indexed" not in words and "against that message" in words, words
    dgl = f"{SITE}/dgl/nn/conv.py"
    inside = hint(crash("IndexError", "tuple index out of range", "conv(g, f)", [(dgl, "forward")]))
    assert "inside `dgl`'s code" in inside, inside


def test_an_error_that_followed_one_in_the_users_own_function_points_at_that_one():
    mpl = f"{SITE}/matplotlib/animation.py"
    out = [
        "NameError                                 Traceback (most recent call last)",
        "Cell In[2], line 3, in animate(i)\n----> 3     xs.append(epochs[i])\n",
        "NameError: name 'epochs' is not defined",
        "\nDuring handling of the above exception, another exception occurred:\n",
        "IndexError                                 Traceback (most recent call last)",
        "Cell In[3], line 1\n----> 1 anim.save(f, writer=w)\n",
        f"File {mpl}:501, in finish(self)\n--> 501 self._frames[0].save(self.outfile)\n",
        "IndexError: list index out of range",
    ]
    record = ErrorRecord(
        ename="IndexError", evalue="list index out of range", traceback=tuple(out), code="x"
    )
    text = hint(parse(record))
    assert "The first error (NameError) was raised in your own code" in text, text


# ------------------------------------------------- 5. what failed is no value of the user's


def _no_ename(text: str):
    record = ErrorRecord(ename="", evalue="", traceback=(text,), code="model.fit(X)")
    return parse(record)


def test_a_kernel_crash_or_a_missing_ipykernel_told_by_vs_code_is_no_lost_message():
    crashed = hint(_no_ename("在当前单元格或上一个单元格中执行代码时 Kernel 崩溃。"))
    assert "kernel process died" in crashed, crashed
    text = "Running cells with 'Python 3.11' requires the ipykernel package.\nRun the command."
    missing = hint(_no_ename(text))
    assert "no `ipykernel`" in missing and "no message" not in missing, missing


def test_a_refused_authorization_is_the_service_not_the_inputs():
    message = (
        "An error occurred (AccessDeniedException) when calling the InvokeModel operation: User: "
        "arn:aws:sts::1:assumed-role/R is not authorized to perform: bedrock:InvokeModel"
    )
    text = hint(crash("AccessDeniedException", message, "client.invoke_model(body=b)"))
    assert "service refused the request" in text, text


def test_ipython_failing_to_show_an_error_without_a_chain_is_said():
    ipy = f"{SITE}/IPython/core/ultratb.py"
    frames = [(ipy, "structured_traceback")]
    text = hint(crash("IndexError", "string index out of range", "run()", frames=frames))
    assert text.startswith("IPython failed while showing an earlier error"), text


def test_the_error_a_wrapper_quotes_as_the_original_is_the_gist():
    message = (
        "predict requires that you use a DataFrame when predicting from a model\nthat was "
        "created using the formula api.\n\nThe original error message returned by patsy is:\n"
        "Error converting data to categorical: observation with value 'Mars' does not match "
        "any of the expected levels\n    y ~ planet\n        ^^^^^^"
    )
    sm = f"{SITE}/statsmodels/base/model.py"
    text = hint(crash("PatsyError", message, "fit.predict(new)", frames=[(sm, "predict")]))
    assert "observation with value 'Mars'" in text and "use a DataFrame" not in text, text


def test_a_name_a_pandas_query_cannot_resolve_is_a_column_not_a_variable_to_run():
    scope = f"{SITE}/pandas/core/computation/scope.py"
    message = "name 'Height' is not defined"
    line = "df.query('Height > 1')"
    text = hint(crash("UndefinedVariableError", message, line, frames=[(scope, "resolve")]))
    assert "no column of the frame" in text and "run the cell" not in text, text


# ------------------------------------------------------------ 6. the notebook's own evidence


def _missing(name):
    return ("NameError", f"name '{name}' is not defined")


def test_a_name_the_crashing_cell_reads_above_its_own_assignment_is_that_slip():
    cells = ["x = t.ones(2)\nprint(y)\ny = x ** 3", "y = 0"]
    f = run(saved(cells, [2, None], crash=1, error=_missing("y"), line="print(y)"))
    assert f is not None and "used on line 2 before it is assigned on line 3" in f.hint, f
    # `y = y + 1` below its use only changes the other cell's `y`: that cell is the cause.
    cells = ["print(y)\ny = y + 1", "y = 0"]
    f = run(saved(cells, [2, None], crash=1, error=_missing("y"), line="print(y)"))
    assert f is not None and "Run cell 2 first" in f.hint, f


def test_an_assignment_above_the_use_means_the_cell_was_edited_since_it_ran():
    cell = "import torch\nx = torch.ones(2)"
    f = run(saved([cell], [1], crash=1, error=_missing("torch"), line="x = torch.ones(2)"))
    assert f is not None and "edited since" in f.hint and "before it is assigned" not in f.hint


def test_a_parameter_is_told_as_one_even_in_a_cell_with_a_magic():
    cell = "%matplotlib inline\ndef f(θ, T):\n    return θ * T\nplot(f, (θ, 0, 1))"
    f = run(saved([cell], [1], crash=1, error=_missing("θ"), line="plot(f, (θ, 0, 1))"))
    assert f is not None and "is a parameter of `f()`" in f.hint, f


def test_a_local_of_a_function_in_a_later_cell_is_no_value_to_return():
    later = "def split(X, y):\n    X_train = X[:10]\n    return X"
    f = run(saved(["s.fit(X_train)", later], [1, None], crash=1, error=_missing("X_train")))
    assert f is not None and "below this one" in f.hint and "create `X_train` above" in f.hint
    above = run(saved([later, "s.fit(X_train)"], [1, 2], crash=2, error=_missing("X_train")))
    assert above is not None and "return it, or assign it" in above.hint, above


def test_an_import_in_a_later_cell_is_added_to_this_one():
    cells = ["ds = torchvision.datasets.MNIST('.')", "import torch\nimport torchvision"]
    f = run(saved(cells, [1, None], crash=1, error=_missing("torchvision")))
    assert f is not None and "add `import torchvision` to this cell" in f.hint, f


def test_a_function_of_an_imported_module_called_bare_is_named_with_its_module():
    f = run(saved(["import numpy as np", "arange(7)"], [1, 2], crash=2, error=_missing("arange")))
    assert f is not None and "`np.arange(...)`" in f.hint and "`range`" not in f.hint, f
    # Not called: `mean` may be any variable.
    f = run(saved(["import numpy as np", "print(mean)"], [1, 2], crash=2, error=_missing("mean")))
    assert f is None or "np.mean" not in f.hint, f


@pytest.mark.parametrize("line", ["plt.colorbar(plot, ax=ax)", "plot.learning_curve(a, b)"])
def test_a_module_alias_is_no_typo_for_a_value_or_for_a_function_it_lacks(line):
    cells = ["import matplotlib.pyplot as plt", line]
    f = run(saved(cells, [1, 2], crash=2, error=_missing("plot")))
    assert f is not None and "did you mean `plt`" not in f.hint, f
    typo = run(saved([*cells[:1], "plot.plot(a)"], [1, 2], crash=2, error=_missing("plot")))
    assert typo is not None and "did you mean `plt`" in typo.hint, typo


def test_self_at_the_top_level_of_a_cell_is_code_taken_out_of_a_method():
    code = "ind = self.nodes.index(3)\nif ind:\n    pass\nelif ind > 2:\n    pass"
    text = hint(crash("NameError", "name 'self' is not defined", code.splitlines()[0], code=code))
    assert "only inside a method" in text and "`elif`" not in text, text
    # A keyword of the cell is never suggested for a value's name.
    code = "x = eli + 1\nif x:\n    pass\nelif x > 2:\n    pass"
    text = hint(crash("NameError", "name 'eli' is not defined", "x = eli + 1", code=code))
    assert "`elif`" not in text, text


# ---------------------------------------------------- 7. the message's words, read more closely


def test_you_cannot_is_no_stated_fix_and_need_to_call_is_one():
    hf = f"{SITE}/transformers/modeling_utils.py"
    message = "You can't move a model that has some modules offloaded to cpu or disk."
    text = _inside("RuntimeError", message, "m = Auto.from_pretrained(p)", hf)
    assert "Do what the message says" not in text, text
    xgb = f"{SITE}/xgboost/sklearn.py"
    text = _inside("XGBoostError", "need to call fit or load_model beforehand", "m.score(X)", xgb)
    assert "Do what the message says" in text, text


def test_an_empty_session_graph_is_eager_tensors_not_another_graph():
    tf = f"{SITE}/tensorflow/python/client/session.py"
    message = "The Session graph is empty. Add operations to the graph before calling run()."
    text = _inside("RuntimeError", message, "sess.run(c)", tf)
    assert "runs eagerly" in text and "another TensorFlow graph" not in text, text


def test_two_comparisons_joined_by_a_bar_without_parentheses_are_named():
    line = "df[df.year < 2000 | df.year > 2009]"
    message = "cannot compare a dtyped [float64] array with a scalar of type [bool]"
    text = _inside("TypeError", message, line, PANDAS)
    assert "`(df.year < 2000) | (df.year > 2009)`" in text, text
    fine = _inside("TypeError", message, "df[(df.year < 2000) | (df.year > 2009)]", PANDAS)
    assert "binds tighter" not in fine, fine


def test_a_key_error_a_library_words_as_a_sentence_is_no_missing_key_to_list():
    message = "\"Unknown task summarise, available tasks are ['summarization', 'translation']\""
    text = _inside("KeyError", message, "p = pipeline('summarise')", f"{SITE}/transformers/p.py")
    assert "df.columns" not in text, text


def test_a_printed_object_opening_the_message_is_skipped_for_its_sentence():
    message = 'MyPipeline {\n  "a": 1,\n  "b": 2\n}\n has been incorrectly initialized.'
    text = _inside("ValueError", message, "pipe.to('cuda')", f"{SITE}/diffusers/pipe.py")
    assert "MyPipeline {…} has been incorrectly initialized" in text, text


def test_a_property_the_users_code_does_not_set_is_a_version_mismatch():
    message = (
        "Invalid property specified for object of type plotly.graph_objs.Scatter: 'hovertext2'"
        "\n\n    Valid properties:\n        x\n            Sets the x coordinates.\n        y\n"
    )
    line = "px.line(df, x='day', y='miles')"
    text = _inside("ValueError", message, line, f"{SITE}/plotly_express/_core.py")
    assert "Your code does not set `hovertext2`" in text and "`x='day'`" not in text, text


def test_pasted_printed_output_is_named():
    line = "Columns: [score, length, flag]"
    text = hint(crash("NameError", "name 'score' is not defined", line))
    assert "printed output pasted" in text, text
    typed = hint(crash("NameError", "name 'score' is not defined", "x: int = score"))
    assert "printed output" not in typed, typed


def test_a_module_of_the_project_missing_a_name_is_no_version_mismatch():
    message = "module 'myproject.processing' has no attribute 'get_means'"
    parsed = crash("AttributeError", message, "run(df)", frames=[("/home/u/src/run.py", "run")])
    assert not module_attribute_look(parsed)


def test_a_definer_that_failed_on_the_very_name_is_not_said_to_define_it_when_run():
    error = ("ModuleNotFoundError", "No module named 'matplotlb'")
    errors = {2: tb(4, 1, "import matplotlb", error)}
    cells = ["matplotlb.__version__", "import matplotlb"]
    f = run(saved(cells, [2, 4], crash=1, error=_missing("matplotlb"), errors=errors))
    assert f is not None and "failed on that very name" in f.hint and "Run cell" not in f.hint


def test_a_library_name_whose_import_failed_misspelt_points_at_that_import():
    error = ("ImportError", "cannot import name 'LSTN' from 'tensorflow.keras.layers'")
    errors = {1: tb(3, 1, "from tensorflow.keras.layers import Dense, LSTN", error)}
    cells = ["from tensorflow.keras.layers import Dense, LSTN", "m.add(LSTM(20))"]
    f = run(saved(cells, [3, 4], crash=2, error=_missing("LSTM"), errors=errors))
    assert f is not None and "failed to import `LSTN`, a misspelling of `LSTM`" in f.hint, f


def test_a_row_set_with_loc_is_no_column_store():
    assert analyse_cell("df.loc['F'] = [1, 2]").key_stores == frozenset()
    assert analyse_cell("df['F'] = [1, 2]").key_stores == {("df", "F")}


def test_a_sparse_value_and_mixed_kinds_are_named_by_what_the_message_converts():
    tf = f"{SITE}/tensorflow/python/framework/constant_op.py"
    message = (
        'Failed to convert elements of SparseTensor(indices=Tensor("a:0", shape=(None, 2), '
        "dtype=int64)) to Tensor. Consider casting elements to a supported type."
    )
    text = _inside("TypeError", message, "model.fit(X, y)", tf)
    assert "`X.toarray()`" in text and "Consider casting" not in text, text
    sk = f"{SITE}/sklearn/preprocessing/_label.py"
    text = _inside("TypeError", "argument must be a string or number", "le.fit_transform(c)", sk)
    assert "mix kinds" in text, text


def test_a_loop_variable_that_is_part_of_the_missing_name_is_suggested():
    cell = "for key in keys:\n    out[key] = freq[word_key]"
    f = run(saved(["freq = {}", cell], [1, 2], crash=2, error=_missing("word_key")))
    assert f is not None and "did you mean `key`?" in f.hint, f
    other = "for i in keys:\n    out[i] = freq[word_key]"
    f = run(saved(["freq = {}", other], [1, 2], crash=2, error=_missing("word_key")))
    assert f is not None and "did you mean" not in f.hint, f


def test_a_failing_line_commented_out_since_is_an_old_run():
    cell = "# out = clf.predict(X)\n# print(out)"
    record = saved(
        ["# clf = make()", cell], [None, 9], 2, _missing("clf"), line="out = clf.predict(X)"
    )
    f = run(record)
    assert f is not None and "commented out in this cell's saved code" in f.hint, f
    assert "remove the `#`" not in f.hint, f


# ------------------------------------------------------- 8. file and network templates' words


# message → (exception, the failing line, what the hint says)
_FILE_LOOKS = {
    "[Errno 21] Is a directory: 'data'": ("IsADirectoryError", "os.remove('data')", "rmtree"),
    "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)": (
        "JSONDecodeError",
        "obj = json.loads(text)",
        "`ast.literal_eval`",
    ),
    "'charmap' codec can't decode byte 0x9d in position 36: character maps to <undefined>": (
        "UnicodeDecodeError",
        "text = open('a.json').read()",
        "`encoding='utf-8'`",
    ),
    "[WinError 123] The filename, directory name, or volume label syntax is incorrect: ''": (
        "OSError",
        "os.chdir(folder)",
        "The path passed is empty",
    ),
    "[Errno 22] Invalid argument: 'C:/Users/a/data/C:/Users/a/data/x.csv'": (
        "OSError",
        "df = pd.read_csv(path)",
        "two absolute paths",
    ),
    "[Errno 22] Invalid argument: 'gs://bucket/Trial 2-2.png'": ("OSError", "f(p)", "storage URL"),
}


@pytest.mark.parametrize("message", list(_FILE_LOOKS))
def test_file_templates_say_what_the_message_and_the_line_show(message):
    ename, line, says = _FILE_LOOKS[message]
    text = hint(crash(ename, message, line))
    assert says in text, text


def test_a_connection_to_localhost_is_no_internet_problem():
    message = "(2003, \"Can't connect to MySQL server on 'localhost' ([Errno 111] refused)\")"
    text = _inside("OperationalError", message, "df.to_sql('t', con=e)", f"{SITE}/pymysql/c.py")
    assert "No server answers on this machine" in text and "internet" not in text, text


def test_a_model_id_the_hub_does_not_list_is_checked_before_any_token():
    message = (
        "org/no-such-model is not a local folder and is not a valid model identifier listed on "
        "'https://huggingface.co/models'\nIf this is a private repository, make sure to pass a "
        "token having permission to this repo"
    )
    parsed = crash("OSError", message, "m = AutoModel.from_pretrained('org/no-such-model')")
    text = HINTS["network.request_failed"](parsed, {"status": "401"})
    assert "check its spelling on huggingface.co" in text, text


def test_an_unexpected_keyword_names_the_module_the_called_name_comes_from():
    code = "from shapely.geometry import Polygon\np = Polygon(v, closed=True)"
    message = "Polygon.__new__() got an unexpected keyword argument 'closed'"
    text = hint(crash("TypeError", message, "p = Polygon(v, closed=True)", code=code))
    assert "`Polygon` here is `shapely.geometry`'s" in text, text
    assert imported_from("from a import b as Polygon\n", "Polygon") == ""


def test_an_invalid_parameter_close_to_one_the_estimator_lists_is_that_slip():
    message = (
        "Invalid parameter max_dept for estimator DecisionTreeClassifier(max_depth=3). Check the "
        "list of available parameters with `estimator.get_params().keys()`."
    )
    parsed = crash("ValueError", message, "grid.fit(X, y)")
    facts = {"param": "max_dept", "estimator": "DecisionTreeClassifier"}
    text = HINTS["arguments.sklearn_invalid_parameter"](parsed, facts)
    assert text.endswith("did you mean `max_depth`?"), text
    far = HINTS["arguments.sklearn_invalid_parameter"](parsed, {**facts, "param": "alpha"})
    assert "did you mean" not in far, far


def test_a_variable_passed_to_the_parameter_of_its_own_name_is_no_import_to_add():
    line = "ax.pie(sizes, explode=explode, labels=labels)"
    text = hint(crash("NameError", "name 'explode' is not defined", line))
    assert "pyspark" not in text and "must be imported" not in text, text
    assert passed_as_own_keyword(line, "explode") and not passed_as_own_keyword("f(explode)", "x")


def test_a_local_of_a_librarys_own_code_read_unassigned_is_no_function_of_the_users():
    keras = f"{SITE}/keras/src/backend/tensorflow/trainer.py"
    message = "cannot access local variable 'batch_outputs' where it is not associated with a value"
    text = _inside("UnboundLocalError", message, "pred = model.predict(X)", keras)
    assert "`tensorflow`'s own code" in text and "global" not in text, text  # keras is TF's


def test_frames_not_in_a_list_and_a_tensor_given_to_from_numpy_are_named():
    message = (
        "first argument must be an iterable of pandas objects, you passed an object of type "
        '"DataFrame"'
    )
    parsed = crash("TypeError", message, "pd.concat(a, b)")
    text = HINTS["arguments.wrong_input_container"](parsed, {"detail": "pandas objects"})
    assert "`pd.concat([a, b])`" in text and "pd.DataFrame(...)" not in text, text
    parsed = crash("TypeError", "expected np.ndarray (got Tensor)", "y = torch.from_numpy(m)")
    text = HINTS["arguments.torch_argument_type"](parsed, {"got": "Tensor"})
    assert "a Tensor already" in text and "convert with" not in text, text
