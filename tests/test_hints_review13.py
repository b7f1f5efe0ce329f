"""Review of wave 13's conditions: for each one narrowed, a crash (written here by hand, in the
libraries' wording and IPython's layout) where the specific hint was false must not get it, and
the crash it was made for still does:

- a dashed file name without quotes (`merged-data.csv`) on a line that failed before Python
  reached it: no subtractions to blame;
- words in a call that are names the code assigns (`print(name age city salary)`): commas
  missing, no text to quote;
- `import transforms` (torchvision's detection tutorial downloads its own `transforms.py`): no
  `from torchvision import transforms`;
- `to_csv("out.csv")` undefined: a frame's method, no column's;
- `s.hist(by='Sex')`: the grouping meant, no column to plot;
- a path the user's function builds from the typed answer is no answer typed;
- a path printed bare with `\\r` at its end (a Windows line end of a file's line): no escape;
- `Counter(labels)[pred]`, and `Counter(X)` inside a loop over `range(...)`;
- `history = model.fit(...)` or a fitted scaler above: no `.predict` of theirs offered;
- `self.emb(x[:, 0]) * self.emb(x[:, 1])`: one embedding, not several;
- a radar chart whose angles grow by `+=` is no unclosed side;
- "nested renamer" on one grouped column: its keywords name functions, no `('column', ...)`;
- a quoted message's sentence ends: a quoted value's dots and an abbreviation's stay;
- a column filled from a forecast: the label alignment offered as a check, not as the cause;
- a database host that is no host name but holds no `@`: no password advice;
- labels one-hot by `get_dummies` (or an encoder) before `y = to_categorical(y)`: no re-run.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.message_words import one_sentence
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions40 import _syntax
from tests.test_hints_conditions53 import _not_defined
from tests.test_hints_conditions67 import SITE, _crash
from tests.test_hints_conditions69 import CHECK, NAN, _counter
from tests.test_hints_conditions70 import (
    FEATURES,
    LENGTHS,
    PLOT_FRAME,
    PLOT_LINE,
    PREDICT,
    SK_FRAMES,
    _embedding_crash,
    _labels_hint,
)
from tests.test_hints_conditions72 import HIST, _mysql_unreached

FORECAST_MSE = "err = mean_squared_error(test['y'], test['HW'])"

# ------------------------------------------------------------- a dashed file name unquoted

MERGE = "pandas/core/reshape/merge.py | _MergeOperation._get_merge_keys | raise KeyError(key)"


def test_a_dashed_name_after_a_call_that_failed_first_is_not_blamed():
    line = "df.merge(df2, on='id').to_csv(merged-data.csv)"
    hint = _crash("KeyError", "'id'", line, line, MERGE)
    assert "subtractions" not in hint, hint


def test_a_dashed_name_whose_suffix_was_read_as_an_attribute_is_subtractions():
    line = "iris-data.csv.head()"
    hint = _crash("AttributeError", "'DataFrame' object has no attribute 'csv'", line, line)
    assert "`iris - data.csv`" in hint, hint


# ------------------------------------------------------------ words in a call without quotes

COMMA = "invalid syntax. Perhaps you forgot a comma?"
NAMES = "name = 'Ann'\nage = 31\ncity = 'Oslo'\nsalary = 900\nprint(name age city salary)"


def test_names_the_code_assigns_in_a_call_get_no_quotes():
    hint = _syntax(NAMES, 5, COMMA)
    assert "put it in quotes" not in hint, hint


def test_words_no_cell_assigns_are_still_quoted():
    hint = _syntax("name = 'Ann'\nprint(hello my dear friends)", 2, COMMA)
    assert 'put it in quotes, `print("hello my dear friends")`' in hint, hint


# ------------------------------------------------------- a library's submodule imported alone


def _no_module(module: str, line: str) -> str:
    return _crash("ModuleNotFoundError", f"No module named '{module}'", line, line)


def test_import_transforms_is_no_torchvision_submodule_but_stats_is_scipys():
    # torchvision's detection tutorial: `import transforms as T` of its downloaded transforms.py
    hint = _no_module("transforms", "import transforms as T")
    assert "from torchvision import" not in hint, hint
    assert "`from scipy import stats`" in _no_module("stats", "import stats")


# ------------------------------------------------- a pandas method called as a function

PANDAS = "import pandas as pd\nhouses = pd.read_csv('houses.csv')\nhouses[houses['rooms'] > 2]"


def _method(line: str, name: str) -> str:
    cells = [(PANDAS, 1, None), (line, 2, None)]
    return notebook_hint("NameError", _not_defined(name), line, cells, 1, 2)


def test_a_frame_method_called_with_a_file_name_is_no_column_method():
    hint = _method('to_csv("houses_out.csv")', "to_csv")
    assert "method of pandas columns" not in hint, hint


def test_a_column_reduction_called_with_a_column_name_is_still_told():
    assert "`houses['rooms'].median()`" in _method('median("rooms")', "median")


# ------------------------------------------------------------- Series.hist's `by`


def test_a_series_hist_given_by_as_a_keyword_meant_the_grouping():
    line = "titanic['Age'].hist(by='Sex')"
    hint = _crash("KeyError", "'Sex'", line, line, *HIST)
    assert "column='Sex'" not in hint, hint


def test_a_series_hist_given_a_column_names_its_own_frame():
    line = "titanic['Age'].hist('Age')"
    hint = _crash("KeyError", "'Age'", line, line, *HIST)
    assert "`titanic.hist(column='Age')`" in hint, hint


# ------------------------------------------------------------ a path typed at a prompt


def _typed(answer: str, opened: str) -> str:
    code = "name = input('Store: ')\nscore_file(name)"
    message = f"[Errno 2] No such file or directory: '{answer}'"
    traceback = [
        "-" * 75,
        "FileNotFoundError                         Traceback (most recent call last)",
        "Cell In[4], line 2\n      1 name = input('Store: ')\n----> 2 score_file(name)\n",
        "Cell In[3], line 2, in score_file(path)\n      1 def score_file(path):\n"
        f"----> 2     with open({opened}) as f:\n",
        f"FileNotFoundError: {message}",
    ]
    record = {"ename": "FileNotFoundError", "evalue": message, "traceback": traceback, "code": code}
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_path_the_function_builds_from_the_answer_is_not_what_was_typed():
    hint = _typed("data/north.csv", "f'data/{path}.csv'")
    assert "input()" not in hint, hint


def test_an_answer_passed_on_as_it_is_is_still_what_was_typed():
    assert "typed at the `input()` prompt (`name`)" in _typed("north", "path")


# ---------------------------------------------------- a control character in a bare path

READ = "pandas/io/parsers.py | _read | parser = TextFileReader(filepath_or_buffer, **kwds)"


def test_a_line_end_read_with_a_path_is_no_backslash_escape():
    code = "for line in open('files.txt'):\n    df = pd.read_csv(line)"
    message = "File data/north.csv\r does not exist"
    hint = _crash("FileNotFoundError", message, code, "    df = pd.read_csv(line)", READ)
    assert "backslash escape" not in hint, hint


def test_an_escape_typed_in_the_path_is_still_named():
    line = "df = pd.read_csv('ml-1m\\ratings.csv')"
    hint = _crash("FileNotFoundError", "File ml-1m\ratings.csv does not exist", line, line, READ)
    assert "`\\r`" in hint and "raw string" in hint, hint


# -------------------------------------------------------------- Counter of arrays

UNHASHABLE = "unhashable type: 'numpy.ndarray'"


def test_an_array_used_as_a_counter_key_is_no_count_of_rows():
    line = "votes = Counter(labels)[pred]"
    hint = _crash("TypeError", UNHASHABLE, line, line)
    assert "each item is itself an array" not in hint, hint


def test_a_counter_in_a_loop_over_positions_names_no_position_to_count():
    hint = _counter(["    for i in range(len(X)):", "    counter = Counter(X)"])
    assert "Counter(i)" not in hint, hint
    assert "each item is itself an array" in hint, hint


# ------------------------------------------------------ another model fitted just above


def test_a_keras_history_or_a_fitted_scaler_is_no_model_to_predict_with():
    for fitted in ("history = net.fit(X2, y)", "scaler = StandardScaler().fit(X2)"):
        hint = _crash("ValueError", FEATURES, f"{fitted}\n{PREDICT}", PREDICT, *SK_FRAMES)
        assert "This cell fits" not in hint, hint


def test_a_model_made_and_fitted_above_is_still_offered():
    code = f"ols = LinearRegression().fit(X2, y)\n{PREDICT}"
    hint = _crash("ValueError", FEATURES, code, PREDICT, *SK_FRAMES)
    assert "`ols.predict(X2)`" in hint, hint


# ------------------------------------------------------------- several embeddings


def test_columns_into_one_embedding_are_not_several_embeddings():
    line = "score = (emb(xb[:, 0]) * emb(xb[:, 1])).sum(1)"
    hint = _embedding_crash(line, f"for xb, yb in loader:\n    {line}", forward=False)
    assert "feed different embeddings" not in hint, hint


def test_columns_passed_to_one_model_still_feed_several():
    line = "pred = net(users=xb[:, 0], items=xb[:, 1])"
    hint = _embedding_crash(line, f"for xb, yb in loader:\n    {line}")
    assert "feed different embeddings" in hint, hint


# ------------------------------------------------------------- a radar chart's loop


def test_angles_grown_by_plus_equals_are_no_unclosed_side():
    code = (
        "theta = list(np.linspace(0, 2 * np.pi, 6, endpoint=False))\n"
        "theta += theta[:1]\n"
        "scores = df.loc['a'].values\n"
        "scores = np.concatenate((scores, [scores[0]]))\n"
        f"{PLOT_LINE}"
    )
    hint = _crash("ValueError", LENGTHS, code, PLOT_LINE, PLOT_FRAME)
    assert "was closed" not in hint, hint


# ------------------------------------------------------------- nested renamer

AGG = f"{SITE}/pandas/core/groupby/generic.py | SeriesGroupBy.aggregate | raise SpecificationError("


def test_a_dict_to_one_grouped_columns_agg_gets_its_keywords():
    line = "totals = sales.groupby('shop')['price'].agg({'total': 'sum'})"
    hint = _crash("SpecificationError", "nested renamer is not supported", line, line, AGG)
    assert "`.agg(total='sum')`" in hint and "'column'" not in hint, hint


def test_a_dict_to_a_frames_agg_still_gets_named_aggregation():
    line = "totals = sales.groupby('shop').agg({'total': 'sum'})"
    hint = _crash("SpecificationError", "nested renamer is not supported", line, line, AGG)
    assert "`.agg(total=('column', 'sum'))`" in hint, hint


# ---------------------------------------------------------------- one sentence


def test_a_quoted_values_dot_and_an_abbreviations_stay():
    assert one_sentence("could not convert string to float: 'Approx. Total'").endswith(
        "'Approx. Total'"
    )
    assert one_sentence("compare the frame vs. Pandas output") == (
        "compare the frame vs. Pandas output"
    )
    assert one_sentence("No GPU found. A GPU is needed") == "No GPU found; A GPU is needed"
    assert one_sentence("'Column not found. Check it'") == "'Column not found; Check it'"


# ------------------------------------------------------------- a column filled from a forecast


def test_a_forecast_column_is_told_as_a_check_not_as_the_found_cause():
    # `test['HW'] = fit.forecast(len(test))` lines up when test's labels are the forecast's
    # dates: the NaN may be another column's, so the alignment is offered as a check
    code = f"test['HW'] = fit.forecast(len(test))\n{FORECAST_MSE}"
    hint = _crash("ValueError", NAN, code, FORECAST_MSE, CHECK)
    assert "if `test['HW'].isna().sum()` counts them" in hint, hint
    assert "became NaN" not in hint, hint


# ------------------------------------------------------------- a database host malformed


def test_a_host_without_an_at_sign_gets_no_password_advice():
    text = _mysql_unreached("localhost ")
    assert "is no host name" in text and "quote_plus" not in text, text
    assert "quote_plus" in _mysql_unreached("p4ss@localhost")


# ------------------------------------------------------------- labels one-hot encoded again


def test_labels_one_hot_before_to_categorical_are_no_second_run():
    encoding = "y_train = pd.get_dummies(labels).values\ny_train = to_categorical(y_train)"
    hint = _labels_hint(encoding)
    assert "ran again" not in hint, hint
    assert "ran again" in _labels_hint("y_train = to_categorical(y_train)")
