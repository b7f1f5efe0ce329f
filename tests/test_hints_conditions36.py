"""Safe hints whose "what to look at" was wrong on crashes nobody tuned on (the fourteenth audit):
VS Code's "session has been disposed" read as a lost message, `pip install` of a standard module,
a missing system library (a driver, a database client) read as the call's inputs, the library
that called another named after the inner one, a constructor misspelt `__int__`, an option value
a library looked up, a did-you-mean the call already passes, pandas' advice for another library's
inner call, two quoted strings compared inside `.query()`, seaborn's wide-form data, and Python
2's "No JSON object could be decoded".

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions import _ipython7

SITE = "/usr/local/lib/python3.10/site-packages"


def _no_traceback(lines: list[str]) -> str:
    """An output VS Code saved with no error name: its own words where a traceback would be."""
    return diagnose(ErrorRecord(ename="", evalue="", traceback=tuple(lines), code="x = 1")).hint


def _with_code(ename: str, message: str, line: str, code: str, frames=()) -> str:
    tb = ["-" * 75, f"{ename}                      Traceback (most recent call last)"]
    tb.append(f"Cell In[4], line 9\n----> 9 {line}\n")
    tb += [
        f"File {path}:10, in {function}()\n---> 10 {source}\n" for path, function, source in frames
    ]
    tb.append(f"{ename}: {message}")
    return diagnose(ErrorRecord(ename=ename, evalue=message, traceback=tuple(tb), code=code)).hint


# ------------------------------------------------------------ VS Code's own kernel messages


@pytest.mark.parametrize(
    "words",
    [
        "Cannot execute code, session has been disposed. Please try restarting the Kernel.",
        "コードを実行できません。セッションは破棄されました。カーネルを再起動してください。",
    ],
)
def test_a_disposed_session_is_a_dead_kernel_not_a_lost_message(words):
    text = _no_traceback([words, "View Jupyter [log](command:jupyter.viewOutput) for details."])
    assert "Restart the kernel" in text and "no message" not in text, text


def test_a_kernel_without_a_standard_module_is_not_told_to_pip_install_it():
    words = "The kernel failed to start due to the missing module 'sqlite3'. Install it."
    text = _no_traceback([words])
    assert "pip cannot install" in text and "pip install sqlite3" not in text, text


def test_a_kernel_without_a_package_is_still_told_to_install_it():
    words = "The kernel failed to start due to the missing module 'pandas'. Consider installing it."
    assert "`pip install pandas`" in _no_traceback([words])


# ------------------------------------------------------------ libraries outside Python


def test_a_missing_database_client_library_is_no_input_of_the_call():
    message = (
        'DPI-1047: Cannot locate a 64-bit Oracle Client library: "libclntsh.so: cannot open '
        'shared object file: No such file or directory". See https://cx-oracle.readthedocs.io'
    )
    text = _ipython7("DatabaseError", message, "conn = cx_Oracle.connect(user, pw, dsn)", [])
    assert "system library" in text and "Check the inputs" not in text, text


def test_a_missing_nvidia_library_means_no_gpu_here():
    message = "NVML Shared Library Not Found"
    frames = [
        (
            f"{SITE}/pynvml/nvml.py",
            "_LoadNvmlLibrary",
            "raise NVMLError(NVML_ERROR_LIBRARY_NOT_FOUND)",
        )
    ]
    text = _ipython7("NVMLError_LibraryNotFound", message, "pynvml.nvmlInit()", frames)
    assert "no NVIDIA driver" in text and "GPU" in text, text


# ------------------------------------------------------------ which library's account


def test_the_account_is_the_library_the_user_called():
    frames = [
        (f"{SITE}/healpy/fitsfunc.py", "read_map", "filehdu = pf.open(filename)"),
        (f"{SITE}/astropy/io/fits/hdu/hdulist.py", "__getitem__", "raise ValueError(msg)"),
    ]
    text = _ipython7(
        "ValueError", "Available hdu in [0-1]", "m = hp.read_map('map.fits', hdu=2)", frames
    )
    # healpy's own words: its HDU count (w5a), never astropy's account
    assert "inside healpy" in text and "no `hdu=2`" in text and "astropy" not in text, text


# ------------------------------------------------------------ a constructor misspelt


def test_a_class_with_int_for_init_takes_no_arguments():
    code = "class Point:\n    def __int__(self, x):\n        self.x = x\n\np = Point(3)"
    text = _with_code("TypeError", "Point() takes no arguments", "p = Point(3)", code)
    assert "`__int__`, not `__init__`" in text, text


def test_a_class_without_any_init_like_method_gets_no_rename():
    code = "class Point:\n    def __repr__(self):\n        return 'p'\n\np = Point(3)"
    text = _with_code("TypeError", "Point() takes no arguments", "p = Point(3)", code)
    assert "rename" not in text, text


# ------------------------------------------------------------ option values a library looked up


SKLEARN_TREE = [
    (f"{SITE}/sklearn/tree/_classes.py", "_fit", "criterion = CRITERIA_REG[self.criterion]")
]


def test_an_option_value_the_code_passes_is_named_for_a_library_keyerror():
    code = "tree = DecisionTreeRegressor(criterion='entropy')\ntree.fit(X, y)"
    text = _with_code("KeyError", "'entropy'", "tree.fit(X, y)", code, SKLEARN_TREE)
    assert "`criterion='entropy'`" in text and "df.columns" not in text, text


def test_a_key_the_code_never_passes_gets_no_option_reading():
    code = "tree = DecisionTreeRegressor()\ntree.fit(X, y)"
    text = _with_code("KeyError", "'entropy'", "tree.fit(X, y)", code, SKLEARN_TREE)
    # the library's line still shows the setting; only the claim about the user's code goes
    assert "Your code passes" not in text and "`criterion`" in text, text


# ------------------------------------------------------------ the message's own advice


def test_a_did_you_mean_the_call_already_passes_is_not_repeated():
    message = (
        "`output_latex` is not a valid keyword argument for Regressor. Did you mean `output_jax`?"
    )
    line = "model = Regressor(output_jax=True, output_latex=True)"
    text = _with_code("TypeError", message, line, line)
    assert "already passed" in text and "remove `output_latex=...`" in text, text


def test_a_did_you_mean_not_yet_passed_is_relayed():
    message = (
        "`output_latex` is not a valid keyword argument for Regressor. Did you mean `output_jax`?"
    )
    line = "model = Regressor(output_latex=True)"
    text = _with_code("TypeError", message, line, line)
    assert "already passed" not in text and "output_jax" in text, text


PANDAS_FRAME = [
    (f"{SITE}/seaborn/axisgrid.py", "jointplot", "grid = JointGrid(data=data, x=x, y=y)"),
    (f"{SITE}/seaborn/axisgrid.py", "__init__", "plot_data = pd.DataFrame(data)"),
    (f"{SITE}/pandas/core/internals/construction.py", "_extract_index", "raise ValueError(msg)"),
]


def test_pandas_scalar_advice_inside_seaborn_asks_for_columns():
    message = "If using all scalar values, you must pass an index"
    line = "sns.jointplot(stats)"
    text = _with_code("ValueError", message, line, f"import seaborn as sns\n{line}", PANDAS_FRAME)
    assert "x='col_a'" in text and "Do what the message says" not in text, text


def test_pandas_scalar_advice_for_the_users_own_dataframe_call_is_relayed():
    message = "If using all scalar values, you must pass an index"
    frames = PANDAS_FRAME[2:]
    line = "df = pd.DataFrame({'a': 1, 'b': 2})"
    text = _with_code("ValueError", message, line, line, frames)
    assert "x='col_a'" not in text, text


# ------------------------------------------------------------ query strings and seaborn's forms


def test_two_quoted_strings_compared_in_query_make_one_string():
    message = "expr must be a string to be evaluated, <class 'bool'> given"
    frames = [(f"{SITE}/pandas/core/frame.py", "query", "raise ValueError(msg)")]
    line = "fruit = df.query('category'=='fruit')"
    text = _with_code("ValueError", message, line, line, frames)
    assert """.query("category == 'fruit'")""" in text and ".dtype" not in text, text


def test_seaborn_wide_form_asks_for_named_columns():
    message = "The following variable cannot be assigned with wide-form data: `hue`"
    frames = [(f"{SITE}/seaborn/_oldcore.py", "assign_variables", "raise ValueError(err)")]
    line = "sns.kdeplot(df['petal_width'], hue=df['species'])"
    text = _with_code("ValueError", message, line, line, frames)
    assert "wide-form" in text and "hue='group'" in text and "Check `hue" not in text, text


def test_python2_json_says_the_text_is_no_json():
    line = "data = json.loads(page)"
    text = _with_code("ValueError", "No JSON object could be decoded", line, line)
    assert "does not start like JSON" in text and ".dtype" not in text, text
