"""Templates speak only where their conditions hold (issue 12, third round on the wild set's
study half): each test pairs a crash where a template must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint


def _syntax_hint(cell: str, marked: str, message: str = "invalid syntax") -> str:
    """The hint for a SyntaxError that IPython 8 reports on ``marked``, a line of ``cell``."""
    number = cell.splitlines().index(marked) + 1
    traceback = (f"  Cell In[4], line {number}\n    {marked}\n    ^\nSyntaxError: {message}\n",)
    record = ErrorRecord(ename="SyntaxError", evalue=message, traceback=traceback, code=cell)
    return diagnose(record).hint


# ------------------------------------------------------- 1. a line that is not Python at all


@pytest.mark.parametrize(
    "marked",
    [
        "1. Load the images and resize them (all of them - 64 px)",  # a numbered step
        "Answer: the two words differ because upper and lower case letters are different",
        "0   5.1   3.5   1.4   0.2   setosa",  # a table pasted from an output
    ],
)
def test_text_in_a_code_cell_is_told_as_text_even_with_brackets_or_a_colon(marked):
    text = _syntax_hint(f"import numpy as np\n{marked}\nx = np.zeros(3)", marked)
    assert "is text, not Python" in text, text


@pytest.mark.parametrize(
    "marked",
    [
        "words = [w for w itokens if w not in stop]",  # one slip: a typo, not prose
        "c = a[i] * b[,j]",
        "if x is not None and y in z or not w",
    ],
)
def test_code_with_a_slip_is_not_told_as_text(marked):
    text = _syntax_hint(f"x = 1\n{marked}", marked)
    assert "is text, not Python" not in text and "reads like" not in text, text


def test_c_code_in_a_python_cell_is_told_as_another_language():
    cell = "#include <stdio.h>\nint main() {\n    return 0;\n}"
    assert "reads like C, Java or JavaScript" in _syntax_hint(cell, "int main() {")
    python = "def main():\n    return {\n"
    assert "reads like C" not in _syntax_hint(python, "    return {", "'{' was never closed")


# ------------------------------------- 2. a TypeError or AttributeError raised inside a library


def _inside(ename, message, line, library_path):
    return hint(crash(ename, message, line, frames=[(library_path, "run")]))


SITE = "/usr/local/lib/python3.10/site-packages"


@pytest.mark.parametrize(
    ("ename", "message", "line", "package", "says", "never"),
    [
        # The None was built inside fastai: the types on the user's line are not the suspects.
        (
            "TypeError",
            "'NoneType' object is not iterable",
            "preds = learn.TTA(is_test=True)",
            "fastai/basic_train.py",
            "inside `fastai`'s code: compare what you pass",
            "Print `type(",
        ),
        # A message that states the wanted type keeps "print the types".
        (
            "TypeError",
            "The `text` argument passed to `__init__(text)` must be a string, not <class 'float'>",
            "blob = TextBlob(text)",
            "textblob/blob.py",
            "Print `type(",
            "documentation",
        ),
        (
            "TypeError",
            "('Bad input argument to theano function at index 1 (0-based)', 'Wrong number of "
            "dimensions: expected 2, got 1 with shape (100,).')",
            "loss = f_train(x_batch, target_batch)",
            "theano/compile/function_module.py",
            "`.shape`",
            "Print `type(",
        ),
        # Read by the library of its own object: the object before the user's dot is fine.
        (
            "AttributeError",
            "'RcBayesOpt' object has no attribute 'X_turbo'",
            "esn_cv.recover_hps()",
            "rctorch/rc_bayes.py",
            "what must run before",
            "object before the dot",
        ),
        # Of another library's object: the two libraries' versions do not fit.
        (
            "AttributeError",
            "'numpy.random._generator.Generator' object has no attribute 'randint'",
            "env.reset()",
            "baselines/common/atari_wrappers.py",
            "another version of `numpy`",
            "object before the dot",
        ),
    ],
)
def test_an_error_raised_inside_a_library_is_looked_at_there(
    ename, message, line, package, says, never
):
    text = _inside(ename, message, line, f"{SITE}/{package}")
    assert says in text and never not in text, text


def test_the_same_error_on_the_users_own_line_keeps_print_the_types():
    message = "Foo.merge() got an incompatible Bar"
    text = hint(crash("TypeError", message, "foo.merge(bar)"))
    assert "Print `type(" in text and "documentation" not in text, text
    inside = _inside("TypeError", message, "foo.merge(bar)", f"{SITE}/fastai/basic_train.py")
    assert "Print `type(" not in inside and "documentation" in inside, inside


# ------------------------------------------------- 3. a module's missing name, and where it is


def _module_hint(module, attr, line):
    return hint(crash("AttributeError", f"module '{module}' has no attribute '{attr}'", line))


def test_a_name_of_another_library_is_no_typo_of_a_close_name():
    text = _module_hint("numpy", "mode", "m = np.mode(a)")
    assert "modf" not in text and "`statistics`" in text, text
    # a real slip in typing still gets its correction
    assert "Did you mean `median`" in _module_hint("numpy", "meadian", "np.meadian(a)")


def test_a_name_the_package_has_is_told_as_an_old_or_shadowed_install():
    text = _module_hint("numpy", "sqrt", "np.sqrt(a)")
    assert "Did you mean" not in text and "`numpy.py`" in text and "upgrade" in text, text


def test_tensorflow_1_graph_apis_say_eager_execution_must_be_off():
    placeholder = _module_hint("tensorflow", "placeholder", "x = tf.placeholder(tf.float32)")
    assert "disable_eager_execution()" in placeholder, placeholder
    log = _module_hint("tensorflow", "log", "y = tf.log(x)")
    assert "disable_eager_execution" not in log and "tf.math.log" in log, log


# ------------------------------------------------------- 4. text that a number conversion refused


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("208,959.00 ", "separators"),
        ("$1,200", "separators"),
        ("add41eaa6989fb56bdfa4c5a3cb8b70a4df2e7c6", "identifier"),
        ("male", "one-hot"),
    ],
)
def test_text_that_is_no_number_is_told_by_what_it_looks_like(value, says):
    text = hint(
        crash("ValueError", f"could not convert string to float: '{value}'", "X.astype(float)")
    )
    assert says in text, text


# ---------------------------------------------------------------- 5. the cell's own statements


def _exit_hint(code, message):
    traceback = ("An exception has occurred, use %tb to see the full traceback.\n",)
    record = ErrorRecord(ename="SystemExit", evalue=message, traceback=traceback, code=code)
    return diagnose(record).hint


def test_argparse_with_a_required_positional_asks_for_its_value():
    code = "p = argparse.ArgumentParser()\np.add_argument('echo')\nargs = p.parse_args()"
    text = _exit_hint(code, "2")
    assert "(echo)" in text and "args=[])" not in text, text
    optional = _exit_hint(code.replace("'echo'", "'--echo'"), "2")
    assert "args=[])" in optional, optional


def test_a_metric_length_mismatch_gives_the_predict_example_only_where_the_cell_predicts():
    message = "Found input variables with inconsistent numbers of samples: [6551, 585596]"
    metrics = [(SITE + "/sklearn/metrics/_classification.py", "f1_score")]
    plain = hint(crash("ValueError", message, "print(f1_score(tags, ner_tags))", frames=metrics))
    assert "6551 and 585596" in plain and "X_test" not in plain, plain
    code = "pred = model.predict(X_test)\nprint(f1_score(y, pred))"
    predicted = hint(
        crash("ValueError", message, "print(f1_score(y, pred))", frames=metrics, code=code)
    )
    assert "model.predict(X_test)" in predicted, predicted


def test_a_name_only_derived_from_itself_is_not_told_to_move_the_assignment_up():
    def hint_for(code):
        traceback = (
            "NameError                                 Traceback (most recent call last)",
            "Cell In[3], line 2\n      1 cols = ['a']\n----> 2 print(data.shape)\n",
            "NameError: name 'data' is not defined",
        )
        cells = [{"cell_type": "code", "source": code, "execution_count": 3}]
        record = ErrorRecord.from_dict(
            {
                "ename": "NameError",
                "evalue": "name 'data' is not defined",
                "traceback": list(traceback),
                "code": code,
                "notebook": {"cells": cells},
            }
        )
        return diagnose(record).hint

    derived = hint_for("cols = ['a']\nprint(data.shape)\ndata = data[cols]\n")
    assert "create or load `data` first" in derived and "assign it first" not in derived, derived
    loaded = hint_for("cols = ['a']\nprint(data.shape)\ndata = pd.read_csv('x.csv')\n")
    assert "before it is assigned on line 3" in loaded, loaded


# ------------------------------------------------ 6. paths, waits and exits a library reports


def test_a_windows_path_on_a_linux_kernel_is_told_as_such():
    site = [("/usr/local/lib/python3.10/dist-packages/pandas/io/common.py", "get_handle")]
    line = "df = pd.read_csv('C:\\\\Users\\\\me\\\\data.csv')"
    message = "[Errno 2] No such file or directory: 'C:\\\\Users\\\\me\\\\data.csv'"
    text = hint(crash("FileNotFoundError", message, line, frames=site))
    assert "Windows path, but this kernel runs on Linux" in text, text
    windows = [("C:\\Python311\\Lib\\site-packages\\pandas\\io\\common.py", "get_handle")]
    local = hint(crash("FileNotFoundError", message, line, frames=windows))
    assert "runs on Linux" not in local, local


def test_a_path_the_cell_does_not_name_is_the_librarys():
    frames = [(f"{SITE}/imageio/core/request.py", "_parse_uri")]
    message = "No such file: '/allen/programs/project/warped_grating_0.png'"
    text = hint(crash("FileNotFoundError", message, "dataset.stimulus_templates", frames=frames))
    assert "a path your cell does not name" in text, text
    named = "img = imageio.imread('/allen/programs/project/warped_grating_0.png')"
    assert "does not name" not in hint(crash("FileNotFoundError", message, named, frames=frames))


def test_a_selenium_wait_is_no_failure_of_the_operating_system():
    frames = [(f"{SITE}/selenium/webdriver/support/wait.py", "until")]
    line = "WebDriverWait(driver, 30).until(EC.presence_of_element_located(sel))"
    text = hint(crash("TimeoutException", "Message: ", line, frames=frames))
    assert "wait ran out of time" in text and "operating system" not in text, text


def test_a_library_calling_a_missing_exit_points_at_its_printed_failure():
    frames = [(f"{SITE}/kaggle/api/kaggle_api_extended.py", "authenticate")]
    text = hint(crash("NameError", "name 'exit' is not defined", "import kaggle", frames=frames))
    assert "output printed above" in text and "Upgrade" not in text, text


def test_a_method_called_on_its_class_is_told_so():
    message = "descriptor 'lower' for 'str' objects doesn't apply to a 'int' object"
    text = hint(crash("TypeError", message, "str.lower(5)"))
    assert "called on the class" in text and "`x.lower(...)`" in text, text


def test_calling_a_data_object_is_no_rerun_unless_a_cell_defined_a_function_of_that_name():
    from tests.test_hints_conditions import _rerun

    code = "df = df(mask)"
    text = _rerun(code, "TypeError", "'DataFrame' object is not callable", code)
    assert "more than once" not in text, text
    # `model = build(model)`-style code where a cell defines `model` as a function: the first
    # run replaced the function with its result, so a re-run explains the crash.
    code = "model = model(3)"
    defined = {"id": "c9", "index": 2, "source": "def model(n):\n    return [n]"}
    text = _rerun(code, "TypeError", "'list' object is not callable", code, extra=[defined])
    assert "more than once" in text, text


def test_a_saved_rerun_of_the_crashing_cell_needs_its_failing_statement_to_be_the_change():
    from tests.test_hints_conditions import _rerun

    # A shape error two lines below `y = encoder.fit_transform(y)` fails on a first run too.
    code = "y = encoder.fit_transform(y)\nmodel.fit(X, y)"
    message = "y should be a 1d array, got an array of shape (10, 3) instead."
    text = _rerun(code, "ValueError", message, "model.fit(X, y)")
    assert "more than once" not in text, text
    # `d.pop('a')` fails on its own second run: the failing statement is the change.
    text = _rerun("d.pop('a')", "KeyError", "'a'", "d.pop('a')")
    assert "more than once" in text, text


@pytest.mark.parametrize(
    ("ename", "message", "line", "says"),
    [
        (
            "TypeError",
            "tuple expected at most 1 argument, got 2",
            "t = tuple(a, b)",
            "the call passes 2",
        ),
        ("BrokenPipeError", "[Errno 32] Broken pipe", "sock.send(b)", "A connection failed"),
        (
            "SerialException",
            "could not open port 'COM3': PermissionError(13, 'Access is denied.', None, 5)",
            "ser = serial.Serial('COM3')",
            "no other program holds the port",
        ),
    ],
)
def test_messages_that_say_what_failed(ename, message, line, says):
    text = hint(crash(ename, message, line))
    assert says in text, text


def test_a_heading_with_a_colon_is_text():
    assert "is text, not Python" in _syntax_hint("SVM:\nmodel = SVC()", "SVM:")
    assert "is text, not Python" not in _syntax_hint("x = 1\nelse:", "else:")


def test_a_dead_kernel_in_a_cell_that_calls_exit_names_the_exit():
    def died(code):
        traceback = ("Kernel crashed while executing code in the current cell.",)
        return diagnose(ErrorRecord(ename="", evalue="", traceback=traceback, code=code)).hint

    assert "calls `exit()`" in died("try:\n    load()\nexcept OSError:\n    exit()")
    assert "native code crashed" in died("model.fit(X, y)")


def test_the_first_error_of_a_chain_is_named_when_it_says_more():
    frames = [(f"{SITE}/scipy/_lib/_util.py", "__call__")]
    # a TypeError of the user's own function, under SciPy's RuntimeError
    chain = [("TypeError", "object of type 'int' has no len()")]
    text = hint(
        crash(
            "RuntimeError",
            "The map-like callable must be of the form f(func, iterable)",
            "differential_evolution(func, bounds)",
            frames=frames,
            chain=chain,
        )
    )
    assert "after TypeError: object of type 'int' has no len()" in text, text
    # a library's own lookup that it caught adds nothing
    lookup = hint(
        crash(
            "ValueError",
            "Unknown window type.",
            "firwin(n, 0.3, window='hanning')",
            frames=frames,
            chain=[("KeyError", "'hanning'")],
        )
    )
    assert "after KeyError" not in lookup, lookup


def test_a_library_typeerror_names_the_library_whose_code_raised():
    frames = [
        (f"{SITE}/sklearn/utils/_set_output.py", "wrapped"),
        (f"{SITE}/mlxtend/preprocessing/transactionencoder.py", "fit"),
    ]
    text = hint(
        crash(
            "TypeError",
            "'<' not supported between instances of 'float' and 'str'",
            "te.fit_transform(transactions)",
            frames=frames,
        )
    )
    assert "inside `mlxtend`'s code" in text, text


# ----------------------- 7. patterns of the third blind audit, checked on crashes written here


CONDA = "/opt/conda/lib/python3.10/site-packages"


def test_an_old_cxx_runtime_is_not_sent_to_pip():
    message = (
        "/opt/conda/lib/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by "
        "/opt/conda/lib/python3.10/site-packages/tensorflow/python/_pywrap_tensorflow.so)"
    )
    frames = [(f"{CONDA}/tensorflow/__init__.py", "<module>")]
    text = hint(crash("ImportError", message, "import tensorflow as tf", frames=frames))
    assert "libstdcxx-ng" in text and "%pip install -U" not in text, text


def test_a_version_range_the_message_states_is_the_one_installed():
    frames = [(f"{CONDA}/numba/__init__.py", "_ensure_critical_deps")]
    text = hint(
        crash("ImportError", "Numba needs NumPy 1.21 or less", "import numba", frames=frames)
    )
    assert "'numpy<=1.21'" in text, text


def test_a_pip_name_in_an_import_and_pip3_as_a_magic():
    hyphen = _syntax_hint("import pyexcel-xlsx\nx = 1", "import pyexcel-xlsx")
    assert "cannot contain `-`" in hyphen and "pyexcel_xlsx" in hyphen, hyphen
    pip3 = _syntax_hint("pip3 install seaborn", "pip3 install seaborn")
    assert "`%pip ...`" in pip3 and "%pip3" not in pip3, pip3


PANDAS = [(f"{SITE}/pandas/core/indexing.py", "__getitem__")]


def test_a_label_looked_up_among_the_rows_is_told_so():
    row = hint(crash("KeyError", "'DF'", "df.loc['DF']", frames=PANDAS))
    assert "among the row labels" in row, row
    message = "\"None of [Index(['Freedom', 'Family'], dtype='object')] are in the [index]\""
    swapped = hint(crash("KeyError", message, "f.loc[['Freedom', 'Family'], cols]", frames=PANDAS))
    assert "were looked up among the row labels" in swapped, swapped
    column = hint(crash("KeyError", "'Age'", "df.loc[:, 'Age']", frames=PANDAS))
    assert "row labels" not in column and "df.columns" in column, column


def test_a_message_that_states_its_fix_gets_no_competing_look():
    frames = [(f"{SITE}/tensorflow/python/ops/nn_ops.py", "softmax_cross_entropy_with_logits")]
    message = (
        "Only call `softmax_cross_entropy_with_logits` with named arguments (labels=..., "
        "logits=..., ...)"
    )
    line = "loss = tf.nn.softmax_cross_entropy_with_logits(pred, y)"
    text = hint(crash("ValueError", message, line, frames=frames))
    assert "Do what the message says" in text and "Print the values" not in text, text


def test_protobufs_removed_getprototype_is_a_version_clash_not_the_users_variable():
    message = "'MessageFactory' object has no attribute 'GetPrototype'"
    builder = (f"{CONDA}/google/protobuf/internal/builder.py", "BuildTopDescriptorsAndMessages")
    generated = (f"{CONDA}/tensorflow/core/framework/attr_value_pb2.py", "<module>")
    line = "import tensorflow as tf"
    through = hint(crash("AttributeError", message, line, frames=[generated, builder]))
    assert "`tensorflow` reads" in through and "'protobuf<5'" in through, through
    only_protobuf = hint(crash("AttributeError", message, line, frames=[builder]))
    assert "upgrade `google`" not in only_protobuf, only_protobuf
    saved = ErrorRecord(
        ename="AttributeError", evalue=message, traceback=(f"AttributeError: {message}",), code=line
    )
    text = diagnose(saved).hint
    assert "A package this cell uses" in text and "GetMessageClass" not in text, text


def test_a_pop_inside_an_assignment_is_the_failing_change_of_a_rerun():
    from tests.test_hints_conditions import _rerun

    code = 'y = credit_df.pop("default")'
    text = _rerun(code, "KeyError", "'default'", code)
    assert "more than once" in text, text
    # the pop below the failing line took the key away on the cell's last run
    code = 'X = credit_df.drop("default", axis=1)\ny = credit_df.pop("default")'
    line = 'X = credit_df.drop("default", axis=1)'
    text = _rerun(code, "KeyError", "\"['default'] not found in axis\"", line)
    assert "more than once" in text, text


def test_a_module_whose_names_are_unknown_gets_no_elsewhere_claim():
    text = _module_hint("keras.api._v2.keras.models", "load", "m = keras.models.load('x')")
    assert "numpy" not in text and "torch" not in text, text
