"""Templates speak only where their conditions hold (issue 12, wave 14a: a re-run that keeps
the missing key or fails on a removed API, a metric given an empty list, pandas' "Column(s) …
do not exist", a letter taken from a string literal, a file a cell writes elsewhere, `.iloc`
columns, a one-item list fitted, 'None' in data rows, and a test table of another dataset).
Each test pairs a crash where a template must speak with one where it must not, or where
another, truer one speaks.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules.attribute_reads import removed_member
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions67 import _crash
from tests.test_notebook_saved import run, saved

PANDAS_GET = (
    "pandas/core/frame.py | DataFrame.__getitem__ | indexer = self.columns.get_loc(key)",
    "pandas/core/indexes/base.py | Index.get_loc | raise KeyError(key) from err",
)

# ------------------------------------------ 1. a re-run that rewrites the long key it misses

LONG = "customer_lifetime_value_in_dollars"


def test_a_rewrite_of_a_long_key_cut_in_the_evidence_is_still_no_rerun_cause():
    # the change's text is cut at 80 characters, inside the right-hand side's key
    line = f'frame["{LONG}"] = frame["{LONG}"].str.replace("&", "")'
    found = run(saved(["frame = load()", line], [1, 3], crash=2, error=("KeyError", f"'{LONG}'")))
    assert found is None or "each time it runs" not in found.hint, found


def test_a_drop_of_the_long_key_before_the_read_is_still_a_rerun_cause():
    code = f"frame = frame.drop(columns=['{LONG}'])\nprint(frame['{LONG}'])"
    line = f"print(frame['{LONG}'])"
    error = ("KeyError", f"'{LONG}'")
    found = run(saved(["frame = load()", code], [1, 3], crash=2, error=error, line=line))
    assert found is not None and "each time it runs" in found.hint, found


# ------------------------------- 2. a cell that ran later but failed before setting the key

NAME_ERROR_TB = [
    "NameError                                 Traceback (most recent call last)",
    "Cell In[5], line 1\n----> 1 sales['total'] = sales[total].fillna(0)\n",
    "NameError: name 'total' is not defined",
]


def test_a_later_cell_whose_run_failed_before_its_store_is_not_to_run_first():
    sources = ["sales = load()", "print(sales['total'])", "sales['total'] = sales[total].fillna(0)"]
    found = run(
        saved(sources, [1, 2, 5], crash=2, error=("KeyError", "'total'"), errors={3: NAME_ERROR_TB})
    )
    assert found is None or "Run cell 3 first" not in found.hint, found


def test_a_later_cell_that_ran_cleanly_is_still_to_run_first():
    sources = ["sales = load()", "print(sales['total'])", "sales['total'] = sales['a'] + 1"]
    found = run(saved(sources, [1, 2, 5], crash=2, error=("KeyError", "'total'")))
    assert found is not None and "Run cell 3 first: it sets `sales['total']`" in found.hint, found


# ---------------------------------------------- 3. a removed API is no state a re-run changed


def test_a_removed_pandas_method_is_told_removed_not_a_rerun():
    error = ("AttributeError", "'DataFrame' object has no attribute 'append'")
    line = "rows = rows.append(item, ignore_index=True)"
    found = run(saved(["rows = pd.DataFrame()", line], [1, 3], crash=2, error=error))
    assert found is None or "each time it runs" not in found.hint, found
    record = saved(["rows = pd.DataFrame()", line], [1, 3], crash=2, error=error)
    assert "pd.concat" in diagnose(record).hint


def test_only_members_the_tables_list_as_removed_count_as_removed():
    assert removed_member("'DataFrame' object has no attribute 'append'")
    assert removed_member("module 'numpy' has no attribute 'float'")
    assert not removed_member("'DataFrame' object has no attribute 'appendd'")
    assert not removed_member("'NoneType' object has no attribute 'append'")


# -------------------------------------------- 4. a metric given an empty list of predictions

SAMPLES = "Found input variables with inconsistent numbers of samples: [120, 0]"


def _cut(code: str) -> str:
    """A saved crash whose traceback kept only its first line (no failing line)."""
    record = {"ename": "ValueError", "evalue": SAMPLES, "traceback": ["-" * 75], "code": code}
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_cut_traceback_names_the_empty_side_only_of_a_cell_whose_one_check_is_a_metric():
    alone = _cut("print(classification_report(labels, guesses))")
    assert "`guesses` is empty (0 values against 120 in `labels`)" in alone, alone
    assert "train_test_split" not in alone, alone
    # a fit checks lengths too: the cut traceback does not say which call failed
    fitted = _cut("clf.fit(X, y)\nprint(classification_report(labels, guesses))")
    assert "is empty" not in fitted, fitted


def test_a_metric_line_shown_in_the_traceback_names_the_empty_side():
    code = "acc = accuracy_score(labels, guesses)"
    validation = "sklearn/utils/validation.py | check_consistent_length | raise ValueError("
    metric = "sklearn/metrics/_classification.py | accuracy_score | _check_targets(y_true, y_pred)"
    text = _crash("ValueError", SAMPLES, code, code, metric, validation)
    assert "`guesses` is empty" in text, text
    other = _crash("ValueError", SAMPLES.replace("0]", "7]"), code, code, metric, validation)
    assert "is empty" not in other and "120 and 7 values" in other, other


# ------------------------------------------- 5. pandas' "Column(s) [...] do not exist" (agg)


def test_an_agg_dict_on_missing_columns_names_the_column_not_the_sentence():
    message = "\"Column(s) ['Ticket'] do not exist\""
    code = "stats = people.groupby('Pclass').agg({'Ticket': 'count'})"
    apply = "pandas/core/apply.py | normalize_dictlike_arg | raise KeyError("
    text = _crash("KeyError", message, code, code, apply)
    assert "'Ticket'" in text and "Column(s)" not in text, text


# --------------------------------------------- 6. a letter taken from a string literal itself


def test_a_string_literal_indexed_on_the_line_gives_its_own_letter():
    code = "table = df.pivot_table(values='score', index='reviewDate'[0][:2])"
    text = _crash("KeyError", "'r'", code, code, *PANDAS_GET)
    assert "`'reviewDate'[0]` indexes the text 'reviewDate' itself" in text, text
    assert "looped over" not in text, text


def test_a_string_passed_whole_keeps_the_looped_over_letters_hint():
    code = "table = summarize(df, 'region')"
    text = _crash("KeyError", "'r'", code, code, *PANDAS_GET)
    assert "first letter of 'region'" in text and "indexes the text" not in text, text


# ------------------------------------------------------- 7. a file a cell writes elsewhere

NO_FILE = "[Errno 2] No such file or directory: 'data/scores.json'"
READ = "with open('data/scores.json') as fd:\n    scores = json.load(fd)"


def _missing_file(writer: str) -> str:
    cells = [(writer, 4, None), (READ, 5, None)]
    return notebook_hint("FileNotFoundError", NO_FILE, READ.splitlines()[0], cells, 1, count=5)


@pytest.mark.parametrize(
    ("writer", "told"),
    [
        (
            "with open('scores.json', 'w') as fd:\n    json.dump(scores, fd)",
            "a cell writes `scores.json`",
        ),
        ("pd.Series(scores).to_json('data/scores.json')", "a file the notebook writes itself"),
        ("scores = {'a': 1}\nprint(json.dumps(scores))", None),
    ],
)
def test_a_missing_file_a_cell_writes_is_told_by_the_path_written(writer, told):
    text = _missing_file(writer)
    if told is None:
        assert "writes" not in text, text
    else:
        assert told in text and "upload" not in text, text


def test_a_file_the_failing_cell_itself_writes_after_reading_is_no_cell_to_run_first():
    code = f"{READ}\nsave(open('data/scores.json', 'w'))"
    cells = [("import json", 1, None), (code, 2, None)]
    text = notebook_hint("FileNotFoundError", NO_FILE, code.splitlines()[0], cells, 1, count=2)
    assert "writes" not in text, text


# ------------------------------------------------------------- 8. `.iloc[:, …]` on columns

OUT_OF_BOUNDS = "positional indexers are out-of-bounds"
ILOC = (
    "pandas/core/indexing.py | _iLocIndexer._getitem_tuple | tup = self._validate_key(tup)",
    "pandas/core/indexing.py | _iLocIndexer._validate_key | raise IndexError(",
)


def test_iloc_of_every_row_misses_a_column_position():
    code = "picked = [0, 3, 15]\nframe = frame.iloc[:, picked]"
    text = _crash("IndexError", OUT_OF_BOUNDS, code, code.splitlines()[1], *ILOC)
    assert "`frame.iloc[:, …]` asks for a column position" in text, text
    assert "a second run indexes the smaller frame" in text and "filter" not in text, text


def test_iloc_of_rows_keeps_the_row_or_column_hint():
    code = "first = frame.iloc[[0, 40]]"
    text = _crash("IndexError", OUT_OF_BOUNDS, code, code, *ILOC)
    assert "row or column position" in text and "asks for a column position" not in text, text


# ------------------------------------------------------------- 9. a one-item list is one row

ONE_SAMPLE = "Found array with 1 sample(s) (shape=(1, 20)) while a minimum of 2 is required."
CHECK = "sklearn/utils/validation.py | check_array | raise ValueError("


def test_a_fitted_one_item_list_is_told_one_row():
    code = "sample = [features[0]]\ngmm.fit(sample)"
    text = _crash("ValueError", ONE_SAMPLE, code, "gmm.fit(sample)", CHECK)
    assert "`sample` is built as a list of one item (`sample = [features[0]]`)" in text, text
    assert "filter or split" not in text, text


def test_a_fitted_filtered_frame_keeps_the_filter_hint():
    code = "sample = features[features['y'] > 9]\ngmm.fit(sample)"
    text = _crash("ValueError", ONE_SAMPLE, code, "gmm.fit(sample)", CHECK)
    assert "list of one item" not in text and "filter or split" in text, text


# ------------------------------------------------- 10. 'None' in data rows, names= given

NOT_INT = "invalid literal for int() with base 10: '{}'"
CAST = "pandas/core/dtypes/cast.py | astype_nansafe | return lib.astype_intsafe(arr.ravel(), dtype)"


def _cast(value: str, read: str) -> str:
    code = f"{read}\nbooks['year'] = books.year.astype(int)"
    line = "books['year'] = books.year.astype(int)"
    return _crash("ValueError", NOT_INT.format(value), code, line, CAST)


@pytest.mark.parametrize(
    ("value", "read", "header"),
    [
        ("None", "books = pd.read_csv('b.csv', header=None)", False),
        ("title", "books = pd.read_csv('b.csv', header=None,\n    names=['title', 'year'])", False),
        ("title", "books = pd.read_csv('b.csv', header=None)", True),
    ],
)
def test_a_header_line_is_told_only_of_a_word_read_without_names(value, read, header):
    text = _cast(value, read)
    assert ("header=None" in text) is header, text


# ------------------------------------------------ 11. a test table of another dataset

FIT_NAMES = (
    "The feature names should match those that were passed during fit.\n"
    "Feature names unseen at fit time:\n{}\nFeature names seen at fit time, yet now missing:\n{}\n"
)
PREDICT = (
    "sklearn/ensemble/_forest.py | ForestClassifier.predict_proba | X = self._validate_X(X)",
    "sklearn/base.py | BaseEstimator._check_feature_names | raise ValueError(message)",
)


def _names(unseen: list[str], missing: list[str]) -> str:
    message = FIT_NAMES.format(
        "\n".join(f"- {n}" for n in unseen), "\n".join(f"- {n}" for n in missing)
    )
    code = "proba = forest.predict_proba(holdout)"
    return _crash("ValueError", message, code, code, *PREDICT)


def test_new_and_missing_names_with_nothing_alike_are_another_table():
    text = _names(["mileage", "brand"], ["glucose", "insulin"])
    assert "the file that matches the training data" in text, text


def test_an_encoded_column_against_its_source_keeps_the_same_steps_hint():
    text = _names(["colour"], ["colour_red", "colour_blue"])
    assert "the file that matches" not in text and "same steps" in text, text
