"""Speak-only-when pairs for the fifteenth audit's changed hints that graders found wrong:
each condition with a crash where the template speaks and one where it must not.

- A key quoted in the `groupby([...])` that made a Series names a level of its MultiIndex:
  `.reset_index()`, not `.xs(key, level=1)` (which looks for a label and fails again).
- A saved notebook's definer that needs a cell that did not run either: a name the crash cell
  read above its failing line existed; the definer reads the setter nearest above it; a chain
  that remakes the name (`test` → `cat` → `test`) starts at its first maker, no cycle; a
  notebook whose counts were all cleared claims no input cell unrun.
- A search built on an estimator without `score` (a Pipeline that ends in a transformer): pass
  `scoring=` where the search is built, not the data of `fit`.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint

SITE = "/usr/lib/python3.8/site-packages"

SERIES_MULTI = [
    (f"{SITE}/pandas/core/series.py", "__getitem__"),
    (f"{SITE}/pandas/core/series.py", "_get_value"),
    (f"{SITE}/pandas/core/indexes/multi.py", "get_loc"),
]


def _series_crash(code: str) -> str:
    return hint(crash("KeyError", "'month'", code.splitlines()[-1], SERIES_MULTI, code=code))


def test_a_groupby_key_is_a_level_name_not_a_label():
    code = (
        "sales = df.groupby(['shop', 'month'])['count'].sum()\n"
        "sales['quarter'] = sales['month'] // 3"
    )
    text = _series_crash(code)
    assert "name of a level" in text and "sales.reset_index()" in text, text
    assert ".xs(" not in text, text


def test_a_key_the_groupby_does_not_list_keeps_the_lower_level_reading():
    code = "sales = df.groupby(['shop', 'item'])['count'].sum()\nsales['month']"
    text = _series_crash(code)
    assert "name of a level" not in text and "sales.xs('month', level=1)" in text, text


# ------------------------------------------------------------ the cells to run in order
# A saved notebook's NameError whose definer ran only after the crash and reads a name no cell
# set before it: which names count, which cell feeds the definer, and where a chain starts.


def _saved_name_error(cells, crash: int, line_no: int) -> str:
    """The hint of ``name 'test' is not defined`` raised on line ``line_no`` of cell ``crash``
    of the saved notebook ``cells`` ((source, execution count) pairs)."""
    source, count = cells[crash]
    lines = source.splitlines()
    shown = "".join(
        f"{'---->' if i == line_no else '     '} {i} {text}\n" for i, text in enumerate(lines, 1)
    )
    message = "name 'test' is not defined"
    record = {
        "ename": "NameError",
        "evalue": message,
        "traceback": [
            "-" * 75,
            "NameError                                 Traceback (most recent call last)",
            f"Cell In[{count or 1}], line {line_no}\n{shown}",
            f"NameError: {message}",
        ],
        "code": source,
        "cell_id": str(crash),
        "execution_count": count,
        "notebook": {
            "cells": [
                {"id": str(i), "source": s, "execution_count": n} for i, (s, n) in enumerate(cells)
            ]
        },
    }
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_a_name_the_crash_cell_read_above_its_failing_line_existed():
    cells = [
        ("import pandas as pd", 9),
        ("test = pd.read_csv('t.csv')", 8),
        ("out = pd.DataFrame()\nout['p'] = model.predict(test)", 3),
    ]
    text = _saved_name_error(cells, 2, 2)
    assert "alone" not in text and "cell 2" in text, text


def test_a_name_the_crash_cell_reads_only_below_its_failing_line_still_counts():
    cells = [
        ("import pandas as pd", 9),
        ("test = pd.read_csv('t.csv')", 8),
        ("out = model.predict(test)\nframe = pd.DataFrame(out)", 3),
    ]
    text = _saved_name_error(cells, 2, 1)
    assert "cell 1 before cell 2" in text and "not cell 2 alone" in text, text


def test_the_definer_reads_the_setter_nearest_above_it():
    cells = [
        ("import pandas as pd", 1),
        ("frame = pd.DataFrame({'a': [1]})", None),
        ("model.predict(test)", 2),
        ("frame = pd.read_csv('all.csv')", None),
        ("test = frame.sample(10)", 5),
    ]
    text = _saved_name_error(cells, 2, 1)
    assert "cell 4 before cell 5" in text, text


def test_a_chain_that_remakes_the_name_starts_at_its_first_maker():
    cells = [
        ("import pandas as pd", 1),
        ("test = pd.read_csv('t.csv')", 5),
        ("cat = test[['a']]", 6),
        ("test = pd.concat([cat, cat], axis=1)", 7),
        ("model.predict(test)", 2),
    ]
    text = _saved_name_error(cells, 4, 1)
    assert "run cells 2, 3 and 4 in order" in text and "neither" not in text, text


def test_a_notebook_without_counts_claims_no_unrun_input():
    # counts cleared everywhere: nothing says the cell that sets `frame` did not run
    cells = [
        ("import pandas as pd", None),
        ("frame = pd.read_csv('all.csv')", None),
        ("model.predict(test)", None),
        ("test = frame.sample(10)", None),
    ]
    text = _saved_name_error(cells, 2, 1)
    assert "alone" not in text and "Run cell 4 first" in text, text


# ------------------------------------------------------------ a search without a score

_NO_SCORE = (
    "If no scoring is specified, the estimator passed should have a 'score' method. The "
    "estimator Pipeline(steps=[('tfidf', TfidfVectorizer())]) does not."
)
_SEARCH = [
    (f"{SITE}/sklearn/model_selection/_search.py", "fit"),
    (f"{SITE}/sklearn/metrics/_scorer.py", "check_scoring"),
]


def _search_crash(code: str) -> str:
    return hint(crash("TypeError", _NO_SCORE, code.splitlines()[-1], _SEARCH, code=code))


def test_a_search_built_on_an_estimator_without_score_is_told_where_it_was_built():
    code = (
        "pipe = Pipeline([('tfidf', TfidfVectorizer())])\n"
        "grid = GridSearchCV(pipe, {'tfidf__min_df': [1, 2]})\n"
        "grid.fit(texts)"
    )
    text = _search_crash(code)
    # a Pipeline of a vectorizer alone predicts nothing: no `scoring=` rates it
    # (test_hints_conditions47 has the estimator that `scoring=` fits)
    assert "The estimator `grid` was built with ends in `TfidfVectorizer`" in text, text
    assert "pass `scoring=`" not in text, text


def test_a_module_function_raising_it_gets_no_built_object_reading():
    text = _search_crash("scores = cross_val_score(pipe, texts)")
    assert "was built with" not in text, text
