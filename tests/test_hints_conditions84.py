"""Undefined names told what the notebook shows (session 14): `x_test` where cells make
`X_test`, a module used under its own name where the notebook imports it under an alias, a
Python 2 builtin in a file of the user's own.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording, never
copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame, _hint

SPLIT = "X_train, X_test, y_train, y_test = train_test_split(X, y)"


def _name_hint(name: str, line: str, cells: list[str]) -> str:
    crash = len(cells)
    rows = [(source, i + 1, None) for i, source in enumerate(cells)] + [(line, None, None)]
    return notebook_hint("NameError", f"name '{name}' is not defined", line, rows, crash)


# --------------------------------------------- `x_test` where the notebook makes `X_test`


def test_lower_case_x_test_is_told_the_notebooks_x_test():
    text = _name_hint("x_test", "model.predict(x_test)", ["import numpy as np", SPLIT])
    assert "did you mean `X_test`" in text, text


def test_an_instance_named_after_its_class_is_still_no_slip():
    cells = ["class Model:\n    pass"]
    text = _name_hint("model", "model.fit(X, y)", cells)
    assert "`Model`" not in text, text


# ------------------------------------------------- a module used under its own name


def test_numpy_imported_as_np_is_told_to_write_np():
    cells = ["import numpy as np\nimport pandas as pd", "psi = np.loadtxt('psi.txt')"]
    text = _name_hint("numpy", "numpy.std(psi)", cells)
    assert "imports it as `np`" in text, text
    assert "write `np`" in text, text


def test_a_module_imported_under_two_aliases_is_not_told_one_of_them():
    cells = ["import numpy as np", "import numpy as npy", "psi = np.ones(3)"]
    text = _name_hint("numpy", "numpy.std(psi)", cells)
    assert "imports it as" not in text, text


def test_a_module_never_imported_is_not_told_an_alias():
    text = _name_hint("numpy", "numpy.std(psi)", ["psi = [1, 2, 3]"])
    assert "imports it as" not in text, text


# -------------------------------------------- a Python 2 builtin in a file of one's own


def _own_file_hint(name: str, line: str) -> str:
    frames = [
        _cell_frame("plot_confusion(cm, labels)", 1),
        f"File ~/project/confusion_mat.py:58, in plot_confusion(cm, labels)\n"
        f"     56 width, height = cm.shape\n---> 58 {line}\n",
    ]
    return _hint("NameError", f"name '{name}' is not defined", frames, "plot_confusion(cm, labels)")


def test_xrange_in_an_own_file_is_told_range_there():
    text = _own_file_hint("xrange", "for x in xrange(width):")
    assert "Python 2" in text and "`range`" in text, text
    assert "confusion_mat.py" in text, text


def test_another_name_in_an_own_file_keeps_define_it_there():
    text = _own_file_hint("labels_map", "for x in labels_map:")
    assert "Python 2" not in text, text
    assert "define or import it in that file" in text, text


# ------------------------------------ a module's member another cell reads under the same name


def _module_attr_hint(message: str, line: str, cells: list[str]) -> str:
    crash = len(cells)
    rows = [(source, i + 1, None) for i, source in enumerate(cells)] + [(line, None, None)]
    return notebook_hint("AttributeError", message, line, rows, crash)


NN = "import torch\nimport torch.nn as nn"


def test_a_case_slip_of_a_member_another_cell_reads_is_named():
    cells = [NN, "layer = nn.Linear(4, 2)"]
    message = "module 'torch.nn' has no attribute 'linear'"
    text = _module_attr_hint(message, "out = nn.linear(4, 2)", cells)
    assert "Did you mean `Linear`?" in text, text


def test_a_member_two_letters_off_in_another_cell_is_not_named():
    cells = [NN, "pool = nn.MaxPool2d(2)"]
    message = "module 'torch.nn' has no attribute 'MeanPool2d'"
    text = _module_attr_hint(message, "pool = nn.MeanPool2d(2)", cells)
    assert "MaxPool2d" not in text, text


# ------------------------------------------- what the object's type tells about the attribute


def _object_attr_hint(owner: str, attr: str, line: str, cells: list[str]) -> str:
    message = f"'{owner}' object has no attribute '{attr}'"
    return _module_attr_hint(message, line, cells)


PERSON = "class Person:\n    def __init__(self, name):\n        self.__name = name"


def test_a_private_attribute_read_outside_its_class_is_told_name_mangling():
    text = _object_attr_hint("Person", "__name", "print(p.__name)", [PERSON, "p = Person('a')"])
    assert "`_Person__name`" in text, text


def test_a_private_attribute_the_class_never_sets_is_not_told_mangling():
    cells = ["class Person:\n    pass", "p = Person()"]
    text = _object_attr_hint("Person", "__name", "print(p.__name)", cells)
    assert "mangling" not in text, text


def test_a_tuple_asked_to_append_is_told_to_be_a_list():
    text = _object_attr_hint("tuple", "append", "t.append(4)", ["t = (1, 2, 3)"])
    assert "is a tuple, which cannot change" in text, text


def test_a_tuple_asked_for_count_is_not_told_so():
    text = _object_attr_hint("tuple", "counts", "t.counts(4)", ["t = (1, 2, 3)"])
    assert "cannot change" not in text, text


def test_a_regressor_asked_for_probabilities_is_told_predict():
    cells = ["from sklearn.linear_model import LinearRegression\nlr = LinearRegression()"]
    text = _object_attr_hint("LinearRegression", "predict_proba", "lr.predict_proba(X)", cells)
    assert "is a regressor" in text and "`lr.predict(X)`" in text, text


def test_a_logistic_regression_is_no_regressor():
    cells = ["from sklearn.linear_model import LogisticRegression\nlr = LogisticRegression()"]
    text = _object_attr_hint("LogisticRegression", "predict_probas", "lr.predict_probas(X)", cells)
    assert "regressor" not in text, text


def test_an_axes_asked_to_show_is_told_plt_show():
    cells = ["import matplotlib.pyplot as plt", "ax = df.plot()"]
    text = _object_attr_hint("AxesSubplot", "show", "ax.show()", cells)
    assert "`plt.show()`" in text, text


def test_numpy_alias_holding_a_number_is_told_it_was_assigned():
    cells = ["import numpy as np", "np = 1"]
    text = _object_attr_hint("int", "sin", "y = np.sin(x)", cells)
    assert "`np` holds an `int` here, not `numpy`" in text, text


def test_another_variable_holding_a_number_is_not_told_an_alias():
    text = _object_attr_hint("int", "sin", "y = n.sin(x)", ["n = 1"])
    assert "hiding the import" not in text, text


# ------------------------------------------------ `print(...)` closed before an operator


def _print_hint(line: str, message: str) -> str:
    frames = [_cell_frame(line, 1)]
    return _hint("TypeError", message, frames, line)


NONE_OR = "Cannot perform 'ror_' with a dtyped [bool] array and scalar of type [NoneType]"


def test_print_closed_before_an_or_is_told_to_move_its_parenthesis():
    text = _print_hint("print(df < (q1 - 1.5 * iqr)) | (df > (q3 + 1.5 * iqr))", NONE_OR)
    assert "`print(...)` closes before `|`" in text, text


def test_a_whole_print_of_an_or_is_not_told_so():
    text = _print_hint("print((df < q1) | None)", NONE_OR)
    assert "closes before" not in text, text


# ------------------------------------------------------- an exception told by its name


def test_reactor_not_restartable_is_told_to_restart_the_kernel():
    frames = [
        _cell_frame("process.start()", 1),
        "File ~/miniconda3/lib/python3.11/site-packages/scrapy/crawler.py:348, in "
        "CrawlerProcess.start(self, stop_after_crawl)\n"
        "--> 348 reactor.run(installSignalHandlers=False)\n",
        "File ~/miniconda3/lib/python3.11/site-packages/twisted/internet/base.py:1317, in "
        "ReactorBase.run(self, installSignalHandlers)\n-> 1317 self.startRunning()\n",
    ]
    record = ErrorRecord(
        ename="ReactorNotRestartable",
        evalue="",
        traceback=(
            "-" * 75,
            "ReactorNotRestartable   Traceback (most recent call last)",
            *frames,
            "ReactorNotRestartable: ",
        ),
        code="process.start()",
    )
    assert "restart the kernel" in diagnose(record).hint


# ----------------------------------------------- messages that state their cause plainly


def _library_hint(ename: str, message: str, line: str, library_frame: str) -> str:
    return _hint(ename, message, [_cell_frame(line, 1), library_frame], line)


SK = "File ~/miniconda3/lib/python3.11/site-packages/sklearn/metrics/cluster/_unsupervised.py"


def test_one_cluster_label_is_told_to_change_the_clustering():
    message = "Number of labels is 1. Valid values are 2 to n_samples - 1 (inclusive)"
    frame = f"{SK}:35, in check_number_of_labels(n_labels, n_samples)\n---> 35 raise ValueError(\n"
    text = _library_hint("ValueError", message, "silhouette_score(X, labels)", frame)
    assert "every point under one label" in text, text


def test_another_label_count_message_is_not_told_one_cluster():
    message = "Number of labels is 2. Valid values are 3 to n_samples - 1 (inclusive)"
    frame = f"{SK}:35, in check_number_of_labels(n_labels, n_samples)\n---> 35 raise ValueError(\n"
    text = _library_hint("ValueError", message, "silhouette_score(X, labels)", frame)
    assert "every point under one label" not in text, text


def test_a_set_given_to_pandas_is_told_to_pass_a_list():
    frame = (
        "File ~/miniconda3/lib/python3.11/site-packages/pandas/core/construction.py:533, in "
        "sanitize_array(data)\n--> 533 raise TypeError(f\"'{type(data).__name__}' type is "
        'unordered")\n'
    )
    text = _library_hint("TypeError", "'set' type is unordered", "pd.Series(colours)", frame)
    assert "`list(...)`" in text, text


def test_an_array_asked_for_value_counts_is_told_pandas_or_unique():
    text = _object_attr_hint("numpy.ndarray", "value_counts", "labels.value_counts()", ["x = 1"])
    assert "`pd.Series(labels).value_counts()`" in text, text


def test_an_array_asked_for_another_pandas_method_is_not_told_value_counts():
    text = _object_attr_hint("numpy.ndarray", "nunique", "labels.nunique()", ["x = 1"])
    assert "value_counts" not in text, text


def test_one_number_asked_isna_is_told_pd_isna():
    text = _object_attr_hint("numpy.float64", "isna", "means.isna()", ["x = 1"])
    assert "`pd.isna(means)`" in text, text


def test_one_number_asked_another_method_is_not_told_isna():
    text = _object_attr_hint("numpy.float64", "mean", "means.mean2()", ["x = 1"])
    assert "pd.isna" not in text, text


def test_a_method_looped_over_uncalled_is_told_to_call_it():
    message = "'builtin_function_or_method' object is not iterable"
    line = "for k, v in x.items:"
    text = _hint("TypeError", message, [_cell_frame(line + "\n    print(k)", 1)], line)
    assert "call it, `x.items()`" in text, text


def test_a_plain_name_looped_over_is_not_told_to_call_a_method():
    message = "'builtin_function_or_method' object is not iterable"
    line = "for k in items:"
    text = _hint("TypeError", message, [_cell_frame(line + "\n    print(k)", 1)], line)
    assert "call it" not in text, text


# ----------------------------------------------------- fixes a message states mid-sentence


def test_a_fix_after_a_comma_is_read_as_the_messages_fix():
    from jupyterlab_nbcrash.diagnosis.message_words import stated_fix

    message = "Slicing a positional slice with .loc is not allowed, Use .iloc with positions."
    assert stated_fix(message) == "Use .iloc with positions."


def test_an_install_page_is_the_messages_fix():
    from jupyterlab_nbcrash.diagnosis.message_words import stated_fix

    message = "Install MeCab in order to use it: http://konlpy.org/en/latest/install/"
    assert stated_fix(message).startswith("Install MeCab")


def test_a_see_the_docs_pointer_is_still_no_fix():
    from jupyterlab_nbcrash.diagnosis.message_words import stated_fix

    assert stated_fix("Bad value. See https://example.org/docs for the options.") == ""


# ------------------------------- a definition inside a triple-quoted string, a part typed twice


def test_a_name_assigned_only_inside_a_quoted_block_is_told_to_unquote_it():
    cells = ["import numpy as np", "'''\nnorm_data = (x - x.mean()) / x.std()\n'''"]
    text = _name_hint("norm_data", "model.fit(norm_data)", cells)
    assert "inside a triple-quoted string in cell 2" in text, text


def test_a_name_only_mentioned_in_a_docstring_is_not_told_to_unquote():
    cells = ['def f(x):\n    """Scale x; see norm_data in the report."""\n    return x']
    text = _name_hint("norm_data", "model.fit(norm_data)", cells)
    assert "triple-quoted" not in text, text


def test_a_part_typed_twice_is_told_the_name_once():
    cells = ["x_train = load()"]
    text = _name_hint("x_trainain", "x_trainain[0]", cells)
    assert "did you mean `x_train`" in text, text


def test_a_name_with_a_part_twice_that_no_cell_defines_once_is_not_told():
    text = _name_hint("x_trainain", "x_trainain[0]", ["y = 1"])
    assert "typed twice" not in text, text


# ------------------------------------------- messages and types that tell their fix (late)


def _syntax_message_hint(message: str, line: str) -> str:
    traceback = [
        '  File "<ipython-input-5-0123456789ab>", line 3',
        f"    {line}",
        "    ^",
        f"SyntaxError: {message}",
    ]
    record = ErrorRecord(ename="SyntaxError", evalue=message, traceback=tuple(traceback), code=line)
    return diagnose(record).hint


def test_return_outside_a_function_is_told_where_it_works():
    text = _syntax_message_hint("'return' outside function", "return total")
    assert "`return` works only inside a `def`" in text, text


def test_break_outside_a_loop_is_told_where_it_works():
    text = _syntax_message_hint("'break' outside loop", "break")
    assert "`break` works only inside a `for` or `while` loop" in text, text


def test_another_syntax_message_is_not_told_outside():
    text = _syntax_message_hint("cannot assign to literal", "1 = x")
    assert "works only inside" not in text, text


def test_a_seaborn_style_given_to_pyplot_is_told_set_style():
    message = (
        "'whitegrid' is not a valid package style, path of style file, URL of style file, or "
        "library style name (library styles are listed in `style.available`)"
    )
    frames = [
        _cell_frame("plt.style.use('whitegrid')", 1),
        "File ~/miniconda3/lib/python3.11/site-packages/matplotlib/style/core.py:137, in "
        "use(style)\n--> 137 raise IOError(\n",
    ]
    text = _hint("OSError", message, frames, "plt.style.use('whitegrid')")
    assert "`sns.set_style('whitegrid')`" in text, text


def test_a_dict_asked_for_key_is_told_keys():
    text = _object_attr_hint("dict", "key", "for k in d.key():", ["d = {}"])
    assert "`keys`" in text, text


def test_a_function_unpacked_uncalled_is_told_to_call_it():
    message = "cannot unpack non-iterable function object"
    line = "X, y = make_regression"
    text = _hint("TypeError", message, [_cell_frame(line, 1)], line)
    assert "call it, `make_regression(...)`" in text, text


def test_len_of_a_non_pandas_dataframe_is_told_count():
    message = "object of type 'DataFrame' has no len()"
    line = "n = len(df_receipt)"
    text = _hint("TypeError", message, [_cell_frame(line, 1)], line)
    assert "`.count()`" in text, text


def _key_hint(key: str, line: str, cells: list[str]) -> str:
    crash = len(cells)
    rows = [(source, i + 1, None) for i, source in enumerate(cells)] + [(line, None, None)]
    frames = f"Cell In[9], line 1\n----> 1 {line}\n"
    tb = [
        "-" * 75,
        "KeyError                                  Traceback (most recent call last)",
        frames,
        "File ~/miniconda3/lib/python3.11/site-packages/pandas/core/frame.py:3761, in "
        "DataFrame.__getitem__(self, key)\n-> 3761 indexer = self.columns.get_loc(key)\n",
        f"KeyError: '{key}'",
    ]
    return notebook_hint("KeyError", f"'{key}'", line, rows, crash, traceback=tb)


def test_a_rename_whose_result_is_dropped_is_told_to_keep_it():
    cells = ["data = pd.read_csv('a.csv')", "data.rename(columns={'ST': 'state'})"]
    text = _key_hint("state", "data['state'].unique()", cells)
    assert "`data = data.rename(columns={'ST': 'state'})`" in text, text


def test_a_rename_away_from_the_key_is_not_told_to_keep_it():
    cells = ["data = pd.read_csv('a.csv')", "data.rename(columns={'state': 'ST'})"]
    text = _key_hint("state", "data['state'].unique()", cells)
    assert "not kept" not in text, text


def test_a_rename_in_place_is_not_told_to_keep_it():
    cells = ["data = pd.read_csv('a.csv')", "data.rename(columns={'ST': 'state'}, inplace=True)"]
    text = _key_hint("state", "data['state'].unique()", cells)
    assert "not kept" not in text, text


def test_a_rename_of_another_frame_is_not_told_to_keep_it():
    cells = ["data = pd.read_csv('a.csv')", "other.rename(columns={'ST': 'state'})"]
    text = _key_hint("state", "data['state'].unique()", cells)
    assert "not kept" not in text, text


def test_a_rename_kept_in_another_cell_is_not_told_to_keep_it():
    cells = [
        "data = pd.read_csv('a.csv')",
        "data.rename(columns={'ST': 'state'})",
        "data = data.rename(columns={'ST': 'state'})",
    ]
    text = _key_hint("state", "data['state'].unique()", cells)
    assert "not kept" not in text, text


def test_code_in_a_functions_docstring_is_not_told_to_unquote():
    cells = ['def f(x):\n    """\n    norm_data = f(x)\n    """\n    return x']
    text = _name_hint("norm_data", "model.fit(norm_data)", cells)
    assert "triple-quoted" not in text, text
