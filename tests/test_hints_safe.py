"""The safe hint and what it reads: the user's call into the library, the runtime, the fix a
message states, Colab's placeholder messages and cell frames."""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.hints import make_hint, safe_hint
from jupyterlab_nbcrash.diagnosis.message_words import stated_fix
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import CATCH_ALL, HINTS, matching_rules
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.diagnosis.where import failing_call, runtime

# IPython 8, as JupyterLab shows it: the cell's line, then scikit-learn's frames.
SKLEARN_TB = [
    "---------------------------------------------------------------------------",
    "ValueError                                Traceback (most recent call last)",
    "Cell In[7], line 3\n      1 X = df[['a']]\n      2 model = LinearRegression()\n"
    "----> 3 model.fit(X, df['y'], sample_weight=w)\n",
    "File /opt/conda/lib/python3.10/site-packages/sklearn/base.py:1152, in "
    "_fit_context.<locals>.decorator.<locals>.wrapper(estimator, *args, **kwargs)\n"
    "-> 1152     return fit_method(estimator, *args, **kwargs)\n",
    "File /opt/conda/lib/python3.10/site-packages/sklearn/linear_model/_base.py:678, in "
    "LinearRegression.fit(self, X, y, sample_weight)\n"
    "--> 678 X, y = self._validate_data(X, y)\n",
    "ValueError: Input X contains NaN.",
]


def _parsed(ename, evalue, traceback=(), code=""):
    return parse(ErrorRecord(ename=ename, evalue=evalue, traceback=tuple(traceback), code=code))


def test_failing_call_skips_decorator_frames_to_the_called_method():
    call = failing_call(_parsed("ValueError", "Input X contains NaN.", SKLEARN_TB))
    assert call is not None
    assert call.text == "model.fit(X, df['y'], sample_weight=w)"
    assert call.function == "model.fit" and call.library == "sklearn"


def test_failing_call_is_none_when_the_line_does_not_name_the_function():
    tb = [
        "KeyError                                  Traceback (most recent call last)",
        "Cell In[2], line 1\n----> 1 df['prize']\n",
        "File /usr/lib/python3/site-packages/pandas/core/frame.py:3761, in "
        "DataFrame.__getitem__(self, key)\n-> 3761 indexer = self.columns.get_loc(key)\n",
        "KeyError: 'prize'",
    ]
    assert failing_call(_parsed("KeyError", "'prize'", tb)) is None


def test_a_class_called_through_its_init_is_found_by_the_class_name():
    tb = [
        "ValueError                                Traceback (most recent call last)",
        "Cell In[4], line 1\n----> 1 df_X = pd.DataFrame(X2, columns=names)\n",
        "File /x/site-packages/pandas/core/frame.py:827, in DataFrame.__init__(self, data)\n"
        "--> 827 mgr = ndarray_to_mgr(data)\n",
        "ValueError: Shape of passed values is (5, 3), indices imply (5, 2)",
    ]
    call = failing_call(_parsed("ValueError", "Shape of passed values", tb))
    assert call is not None and call.text == "pd.DataFrame(X2, columns=names)"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/kaggle/input/titanic/train.csv", "kaggle"),
        ("/content/drive/MyDrive/data.csv", "colab"),
        ("C:\\Users\\ana\\Desktop\\data.csv", "windows"),
        ("/Users/ana/Desktop/data.csv", "macos"),
        ("data/train.csv", ""),
    ],
)
def test_runtime_from_the_paths_a_crash_shows(path, expected):
    parsed = _parsed("FileNotFoundError", f"[Errno 2] No such file or directory: '{path}'")
    assert runtime(parsed) == expected


def test_colab_placeholder_message_is_replaced_by_the_tracebacks_last_line():
    tb = [
        "AttributeError                            Traceback (most recent call last)",
        "<ipython-input-6-c42a15b2c7cf> in <cell line: 1>()\n----> 1 df.head()\n",
        "AttributeError: 'dict' object has no attribute 'head'",
    ]
    parsed = _parsed("AttributeError", "ignored", tb)
    assert parsed.message == "'dict' object has no attribute 'head'"


def test_colab_temp_file_frames_are_the_users_cell():
    tb = [
        "RemoteEntryNotFoundError                  Traceback (most recent call last)",
        "/tmp/ipython-input-635693387.py in <cell line: 0>()\n      4 # model download\n"
        "----> 5 model_path = hf_hub_download(\n",
        "/usr/local/lib/python3.12/dist-packages/huggingface_hub/file_download.py in "
        "hf_hub_download(repo_id)\n--> 1007     return _hf_hub_download_to_cache_dir(\n",
        "RemoteEntryNotFoundError: 404 Client Error.",
    ]
    parsed = _parsed("RemoteEntryNotFoundError", "404 Client Error.", tb)
    assert parsed.user_line.strip() == "model_path = hf_hub_download("
    assert parsed.frames[0].is_user and not parsed.frames[1].is_user


def test_stated_fix_takes_the_messages_own_advice_but_not_a_pointer_elsewhere():
    assert stated_fix(
        "Expected 2D array, got 1D array instead:\narray=[1 2].\nReshape your data either "
        "using array.reshape(-1, 1) if your data has a single feature."
    ).startswith("Reshape your data either using array.reshape(-1, 1)")
    assert stated_fix("Resource punkt not found.\n  Please use the NLTK Downloader to obtain it")
    assert stated_fix("lbfgs failed to converge. Please also refer to the documentation:") == ""
    assert stated_fix("Something broke. Please report this bug to the developers.") == ""


def test_safe_hint_names_the_call_the_library_and_what_to_look_at():
    hint = safe_hint(_parsed("ValueError", "Input X contains NaN.", SKLEARN_TB))
    assert hint == (
        "`model.fit(X, df['y'], sample_weight=w)` raised ValueError inside scikit-learn: Input X "
        "contains NaN. Print the values in `model.fit(…)` and compare them with what the "
        "message asks for."
    )


def test_safe_hint_quotes_the_messages_fix_first():
    parsed = _parsed(
        "LookupError",
        "Resource punkt not found.\n  Please use the NLTK Downloader to obtain the resource:\n"
        "  >>> nltk.download('punkt')",
    )
    assert safe_hint(parsed) == (
        "The marked line raised LookupError: Resource punkt not found. The message says what to "
        "do: Please use the NLTK Downloader to obtain the resource: `nltk.download('punkt')`."
    )


def test_safe_hint_does_not_quote_a_continuation_line_as_if_it_were_the_statement():
    tb = [
        "ValueError                                Traceback (most recent call last)",
        "Cell In[3], line 2\n      1 model.fit(X,\n----> 2           y,\n",
        "ValueError: bad",
    ]
    assert safe_hint(_parsed("ValueError", "bad", tb)).startswith("The marked line raised")


def test_catch_all_rules_give_way_to_any_other_rules_template():
    assert CATCH_ALL
    parsed = _parsed("ValueError", "Input X contains NaN.", SKLEARN_TB)
    matches = matching_rules(parsed)
    assert any(m.rule in CATCH_ALL for m in matches)
    hint, _ = make_hint(parsed, {"crash_type": "value_error"}, matches)
    best = next(m for m in matches if m.rule not in CATCH_ALL)
    assert hint == " ".join(HINTS[best.rule](parsed, best.facts).split())
