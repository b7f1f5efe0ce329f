"""Syntax, indentation and argument hints whose claim did not hold on the crash (session 17d):
a word's apostrophe that closes a string, a folder tree drawn with box characters, a cloud
tool's command line, a Python 2 file of an installed package, a block whose body is only
comments.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's wording and the
layout IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import _syntax_hint
from tests.test_hints_conditions28 import _hint as _hint28

# --------------------------------------------- a word's apostrophe closes a string early


def test_an_apostrophe_in_a_word_is_told_to_close_the_string():
    marked = "summarize('The results are in, they've improved a lot since we changed the model')"
    text = _syntax_hint(marked, marked, "invalid syntax. Perhaps you forgot a comma?")
    assert "apostrophe in `they've`" in text and "double quotes" in text, text


def test_a_sentence_with_an_apostrophe_and_no_string_is_still_text():
    marked = "We'll now train the model on the whole data set and compare it"
    text = _syntax_hint(marked, marked, "unterminated string literal (detected at line 1)")
    assert "apostrophe in" not in text, text


# ---------------------------------------------- a folder tree drawn with box characters


def test_a_pasted_folder_tree_is_told_to_leave_the_code():
    cell = "# the data folder\n├── train\n│   ├── cats\n"
    text = _syntax_hint(cell, "├── train", "invalid character '├' (U+251C)")
    assert "box characters" in text and "Markdown cell" in text, text


def test_a_curly_quote_is_no_drawing():
    cell = "name = ’Alice’\n"
    text = _syntax_hint(cell, "name = ’Alice’", "invalid character '’' (U+2019)")
    assert "box characters" not in text, text


# -------------------------------------------------------------- a cloud tool's command line


def test_a_bigquery_command_is_told_to_run_in_the_shell():
    marked = "bq mk my_dataset.events user_id:STRING,event_time:TIMESTAMP"
    text = _syntax_hint(marked, marked)
    assert "`bq` is a shell command" in text and "`!bq ...`" in text, text


def test_a_sentence_about_a_tool_is_no_command():
    marked = "Then the bq tool makes the table for us"
    text = _syntax_hint(marked, marked)
    assert "shell command" not in text, text


# ----------------------------------------------- a Python 2 file of an installed package


def _compiled_library_hint(message: str, marked: str) -> str:
    """Colab hides the message's place ("ignored"): the traceback names the package's file."""
    place = '  File "/usr/local/lib/python3.7/dist-packages/oldpkg/core.py", line 12\n'
    traceback = (f"{place}    {marked}\n        ^\nSyntaxError: invalid syntax\n",)
    record = ErrorRecord("SyntaxError", message, traceback, code="from oldpkg.core import Reader")
    return diagnose(record).hint


def test_python_2_print_in_an_installed_package_is_the_packages():
    text = _compiled_library_hint("ignored", 'print "cannot read %s" % name')
    assert "`core.py` (line 12)" in text and "Python 2 code" in text, text
    assert "write `print(...)`" not in text, text


def test_python_2_print_in_the_cell_is_still_the_cells():
    marked = 'print "cannot read %s" % name'
    text = _syntax_hint(marked, marked, "invalid syntax")
    assert "write `print(...)`" in text and "core.py" not in text, text


# -------------------------------------------------------- a block whose body is only comments

EXERCISE = (
    "def descend(X, y, theta):\n"
    "    for step in range(100):\n"
    "        # Your code here\n"
    "        # update theta\n"
    "    return theta\n"
)


def _indented_at(cell: str, number: int, message: str) -> str:
    marked = cell.splitlines()[number - 1].strip()
    evalue = f"{message} (<ipython-input-5-1a>, line {number})"
    traceback = (f'  File "<ipython-input-5-1a>", line {number}\n    {marked}\n    ^\n',)
    return diagnose(ErrorRecord("IndentationError", evalue, traceback, code=cell)).hint


def test_a_loop_whose_body_is_comments_is_told_to_get_a_body():
    text = _indented_at(EXERCISE, 5, "expected an indented block")
    assert "The body of `for step in range(100):` is only comments" in text, text
    assert "should be the indented body" not in text, text


def test_stub_functions_with_placeholder_comments_have_not_lost_their_indentation():
    cell = (
        "def clean(frame):\n    # ... (as before)\n\n"
        "def score(frame):\n    # ... (as before)\n\nscore(clean(df))\n"
    )
    text = _indented_at(cell, 4, "expected an indented block after function definition on line 1")
    assert "The body of `def clean(frame):` is only comments" in text, text
    assert "lost their indentation" not in text, text


def test_a_body_left_unindented_is_still_told_to_indent():
    cell = "for step in range(100):\n# move one step\ntheta = theta - rate\n"
    text = _indented_at(cell, 3, "expected an indented block")
    assert "is only comments" not in text, text


# ------------------------------------------- too many positional arguments, no optional ones


def _too_many(message: str, line: str, code: str | None = None) -> str:
    return hint(crash("TypeError", message, line, code=code))


def test_a_function_that_takes_no_positional_argument_is_told_to_check_it_is_the_one_meant():
    message = "list_styles() takes 0 positional arguments but 1 was given"
    text = _too_many(message, "list_styles('a')")
    assert "takes no positional argument" in text and "the function you meant" in text, text
    assert "optional ones by name" not in text, text


def test_a_method_of_a_class_out_of_view_is_told_its_count_besides_self():
    message = "Buffer.add() takes 3 positional arguments but 6 were given"
    text = _too_many(message, "buf.add(state, action, reward, nxt, done)", "buf = make_buffer()")
    assert "takes 2 values besides `self`, but the call passes 5" in text, text
    assert "optional ones by name" not in text, text


def test_one_extra_argument_to_a_library_function_keeps_the_by_name_advice():
    text = _too_many("rc() takes 1 positional argument but 2 were given", "plt.rc('font', 14)")
    assert "optional ones by name" in text, text


# ----------------------------------------------- a date looked up in an index of text labels

_BASE = "/opt/conda/lib/python3.8/site-packages/pandas/core/indexes/base.py"
_INDEXING = "/opt/conda/lib/python3.8/site-packages/pandas/core/indexing.py"
_SERIES = "/opt/conda/lib/python3.11/site-packages/pandas/core/series.py"


def _loc_frames(engine: str) -> list:
    return [
        (_INDEXING, "__getitem__", [], "return self._getitem_axis(maybe_callable, axis=axis)"),
        (_BASE, "get_loc", [], "return self._engine.get_loc(casted_key)"),
        ("pandas/_libs/index.pyx", f"pandas._libs.index.{engine}.get_loc", [], ""),
    ]


def test_a_month_looked_up_in_an_index_of_text_is_told_to_parse_the_dates():
    frames = _loc_frames("ObjectEngine")
    text = _hint28("KeyError", "'Mar 2019'", "prices.loc['Mar 2019'].head()", frames=frames)
    assert "reads as a date" in text and "pd.to_datetime(prices.index)" in text, text


def test_a_month_missing_from_a_datetime_index_is_not_told_to_parse():
    frames = _loc_frames("DatetimeEngine")
    text = _hint28("KeyError", "'Mar 2019'", "prices.loc['Mar 2019'].head()", frames=frames)
    assert "reads as a date" not in text, text


def test_an_array_of_numbers_as_a_series_key_is_told_mask_or_positions():
    frames = [(_SERIES, "__setitem__", [], "self._set_with_engine(key, value)")]
    message = "'[ 91000  87000 120000] not in index'"
    text = _hint28("KeyError", message, "cleaned[extremes] = fill", frames=frames)
    assert "s[s.isin(values)]" in text and "`.iloc[...]`" in text, text
    assert "DataFrame it came from" not in text, text


def test_one_missing_label_of_a_series_keeps_its_hint():
    frames = [(_SERIES, "__getitem__", [], "return self._get_value(key)")]
    text = _hint28("KeyError", "'Poids'", "weights['Poids']", frames=frames)
    assert "isin" not in text, text


# ------------------------------------------------------- an inverted check before `exit()`

_EXIT_TB = ["An exception has occurred, use %tb to see the full traceback.\n", "SystemExit\n"]


def test_an_exit_under_a_success_check_that_reports_a_failure_is_inverted():
    code = "cam = cv2.VideoCapture(0)\nif cam.isOpened():\n    print('camera failed')\n    exit()"
    text = _hint28("SystemExit", "", code, tb=_EXIT_TB)
    assert "write `if not cam.isOpened():`" in text, text


def test_an_exit_under_a_negated_check_is_not_inverted():
    code = "cam = cv2.VideoCapture(0)\nif not cam.isOpened():\n    print('failed')\n    exit()"
    text = _hint28("SystemExit", "", code, tb=_EXIT_TB)
    assert "inverted" not in text, text


# --------------------------------------------- VS Code cannot reach a remote Jupyter server


def test_an_unreachable_jupyter_server_is_no_exception_without_a_message():
    words = (
        "Failed to connect to the remote Jupyter Server 'http://127.0.0.1:8890/'. Verify the "
        "server is running and reachable. (Forbidden)."
    )
    record = ErrorRecord(ename="", evalue="", traceback=(words,), code="import numpy as np")
    text = diagnose(record).hint
    assert "could not reach the Jupyter server `http://127.0.0.1:8890/`" in text, text
    assert "without a message" not in text, text


# ------------------------------------------------- exactly so many of a list of parameters

_RANGE = "Of the four parameters: start, end, periods, and freq, exactly three must be specified"
_DATE_RANGE = [("/usr/lib/python3/site-packages/pandas/core/indexes/datetimes.py", "date_range")]


def _library_hint(message: str, line: str, frames: list, ename: str = "ValueError") -> str:
    """The hint of ``line`` raising ``ename`` in the library ``frames`` (path, function)."""
    return hint(crash(ename, message, line, frames=frames))


def _range_hint(line: str) -> str:
    return _library_hint(_RANGE, line, _DATE_RANGE)


def test_all_four_range_parameters_are_told_to_drop_one():
    text = _range_hint(
        "days = pd.date_range(start='2020-01-01', end='2020-03-01', periods=60, freq='D')"
    )
    assert "passes 4 of them" in text and "remove 1" in text, text
    assert "the arguments the message names" not in text, text


def test_two_range_parameters_are_told_to_add_one_and_a_positional_one_is_not_counted():
    text = _range_hint("days = pd.date_range(start='2020-01-01', freq=None, end='2020-03-01')")
    assert "passes 2 of them (`start`, `end`)" in text and "add one of `periods`" in text, text
    text = _range_hint("days = pd.date_range('2020-01-01', end='2020-03-01', periods=60, freq='D')")
    assert "of them" not in text, text


# --------------------------------------------------- Keras' `Model` given `Input=` or `input=`

_NETWORK = [("/usr/lib/python3/site-packages/keras/engine/network.py", "__init__")]


def test_a_keras_model_given_input_is_told_inputs():
    message = "_init_subclassed_network() got an unexpected keyword argument 'Input'"
    text = _library_hint(message, "encoder = Model(Input=inp)", _NETWORK, "TypeError")
    assert "`inputs=` and `outputs=`" in text and "write `inputs=`" in text, text


def test_another_keyword_refused_by_a_keras_model_is_not_told_inputs():
    message = "_init_subclassed_network() got an unexpected keyword argument 'verbose'"
    text = _library_hint(message, "encoder = Model(verbose=1)", _NETWORK, "TypeError")
    assert "`inputs=`" not in text, text


# ------------------------------------ scikeras: a model function's parameter in a search grid

_SCIKERAS = [
    ("/usr/lib/python3/site-packages/sklearn/model_selection/_validation.py", "_fit_and_score"),
    ("/usr/lib/python3/site-packages/scikeras/wrappers.py", "set_params"),
]


def test_scikeras_own_fix_is_in_the_hint():
    message = (
        "Invalid parameter dropout for estimator KerasClassifier.\nThis issue can likely be "
        "resolved by setting this parameter in the KerasClassifier constructor:\n"
        "`KerasClassifier(dropout=0.2)`\nCheck the list of available parameters with "
        "`estimator.get_params().keys()`"
    )
    text = _library_hint(message, "search.fit(X, y)", _SCIKERAS)
    assert "`KerasClassifier(..., dropout=...)`" in text and "`model__dropout`" in text, text


def test_an_unknown_parameter_without_that_advice_keeps_the_step_hint():
    message = (
        "Invalid parameter dropout for estimator LogisticRegression(). Check the list of "
        "available parameters with `estimator.get_params().keys()`."
    )
    text = _library_hint(message, "search.fit(X, y)", _SCIKERAS)
    assert "`model__dropout`" not in text, text


# ------------------------------------------- a saved model's bytecode of another Python version

_LOAD = [
    ("/usr/lib/python3/site-packages/keras/src/saving/saving_api.py", "load_model"),
    ("/usr/lib/python3/site-packages/keras/src/utils/generic_utils.py", "func_load"),
]


_LOADING = "net = load_model('encoder.h5')"


def test_bad_marshal_data_is_told_another_python_version():
    text = _library_hint("bad marshal data (unknown type code)", _LOADING, _LOAD)
    assert "another Python version" in text and "load_weights" in text, text


def test_another_rejected_file_keeps_the_library_version_advice():
    text = _library_hint("Unknown layer: FixedDropout", _LOADING, _LOAD)
    assert "marshal" not in text, text


# ------------------------------------------------------ a joblib worker process that died

_TERMINATED = (
    "A worker process managed by the executor was unexpectedly terminated. This could be "
    "caused by a segmentation fault while calling the function or by an excessive memory "
    "usage causing the Operating System to kill the worker.\n\nThe exit codes of the "
    "workers are {SIGKILL(-9)}"
)
_JOBLIB = [
    ("/usr/lib/python3/site-packages/lightgbm/sklearn.py", "fit"),
    ("/usr/lib/python3/site-packages/joblib/parallel.py", "__call__"),
]


def test_a_terminated_worker_is_no_input_to_check():
    line = "booster.fit(X_train, y_train)"
    text = _library_hint(_TERMINATED, line, _JOBLIB, "TerminatedWorkerError")
    assert "A worker process died" in text and "`n_jobs=1`" in text, text
    assert "Check the inputs" not in text, text
