"""Speak-only-when pairs for notebook-analysis and NameError hints that blind graders called wrong
(written here by hand, in Python's wording and IPython's layout, never copied from a notebook):

- A definer below that redoes the crash cell's whole work (another version of its pipeline):
  no "run it first".
- A parameter of the function that raised: the function that ran is another definition.
- A failed definer numbered after the crash while another definer ran between them: which one
  the crash cell relies on is not known.
- A name read beside the function's own result of the same kind (`mean_accuracy`,
  `mean_recall`): compute it, not "pass it in".
- A definer of another session below the crash's own session from [1]: no "the kernel
  restarted"; the failing line retyped with another name by the next run: "did you mean".
- A missing file whose failing call the edited cell still makes: no "the cell was edited".
- `'function' object has no attribute` on a name the cells build from a call: no "call it".
- A saved cell that now sets the name before reading it: edited since, not `x = x` retyped.
- `stats['mean']`: a value indexed by text, not `from scipy import stats`.

Each crash is built twice, with the condition and without it: one table row per side.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions53 import _hint, _not_defined

SAFE_NAME = "has no value in this kernel"


def _head(ename: str) -> list[str]:
    return ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]


def _cell_only(ename: str, message: str, frame: str, code: str) -> str:
    """The hint of a crash with no notebook: one cell frame (``frame``) and the cell's code."""
    traceback = [*_head(ename), frame, f"{ename}: {message}"]
    record = {"ename": ename, "evalue": message, "traceback": traceback, "code": code}
    return diagnose(ErrorRecord.from_dict(record)).hint


# ---------------------------------------------- a definer below that redoes the whole cell


def _pipeline(extra: str) -> str:
    steps = "\n".join(f"stage_{i} = step_{i}(data)" for i in range(12))
    return f"import pandas as pd\ndata = pd.read_csv('pairs.csv')\n{steps}\n{extra}"


def _below(definer: str) -> str:
    line = "print(f'{tiers.get(1, 0)} critical')"
    cells = [("!pip install geo", None, None), (_pipeline(line), None, None), (definer, None, None)]
    return _hint("NameError", _not_defined("tiers"), cells, 1, line, None, lineno=15, tb_count=4)


# --------------------------------------------- a parameter of the function that raised


def _redefined_function(raised_in: str) -> str:
    frames = [
        *_head("NameError"),
        "Cell In[14], line 1\n----> 1 greet('hi')\n",
        f"Cell In[13], line 2, in {raised_in}(text)\n      1 def {raised_in}(text):\n"
        "----> 2     print(message)\n",
        "NameError: name 'message' is not defined",
    ]
    cells = [
        ("def greet(text):\n    print(message)", 13, None),
        ("greet('hi')", 14, None),
        ("def greet(message):\n    print(message)", 12, None),
    ]
    message = _not_defined("message")
    return notebook_hint("NameError", message, "greet('hi')", cells, 1, 14, traceback=frames)


# ------------------------------- a failed definer after the crash, another one tried between


def _tried_after(between: int | None) -> str:
    fits = "ValueError", "\nAll the 5 fits failed.\nIt is very likely that your model is wrong."
    cells = [
        ("import pandas as pd\ndf = pd.read_csv('heart.csv')", 27, None),
        ("scores = cross_val_score(BaggingClassifier(), X, y, cv=5)", 52, fits),
        ("scores.mean()", 25, None),
        ("scores = cross_val_score(RandomForestClassifier(), X, y, cv=5)", between, fits),
    ]
    return _hint("NameError", _not_defined("scores"), cells, 2, "scores.mean()", 25)


# -------------------------------------------- a sibling result the function never computed


def _reported(sibling: str) -> str:
    shown = "print(f'{mean_accuracy:.2f} {mean_recall:.2f}')"
    frames = [
        *_head("NameError"),
        "Cell In[62], line 8\n----> 8 report([1, 2, 3])\n",
        f"Cell In[62], line 6, in report(depths)\n      5     {sibling} = np.mean(scores)\n"
        f"----> 6     {shown}\n",
        "NameError: name 'mean_recall' is not defined",
    ]
    source = (
        "import numpy as np\n\ndef report(depths):\n    for depth in depths:\n"
        f"        scores = cross_val_score(make(depth), X, y, cv=5)\n"
        f"        {sibling} = np.mean(scores)\n        {shown}\n\nreport([1, 2, 3])"
    )
    cells = [("from sklearn.model_selection import cross_val_score", 3, None), (source, 62, None)]
    message = _not_defined("mean_recall")
    return notebook_hint("NameError", message, "report([1, 2, 3])", cells, 1, 62, traceback=frames)


# ------------------------------------- a definer of a later session below the crash's own


def _sessions(definer_first: bool) -> str:
    """`t = [...]` of another session: below the crash's own [1] to [3], or above it showing
    the crash's own count (no session of the crash's from its start is known then)."""
    cells = [("x, y = 2, 3", 1, None), ("tu = (23, 'abc', 4.5)", 2, None), ("t[1:4]", 3, None)]
    if definer_first:
        cells.insert(0, ("t = [1, 2, 4, 5]", 3, None))
    else:
        cells += [("tu[0]", 4, None), ("s = 'text'", 1, None), ("t = [1, 2, 4, 5]", 2, None)]
    return _hint("NameError", _not_defined("t"), cells, 3 if definer_first else 2, "t[1:4]", 3)


# ------------------------------------------ the failing line retyped by the next run


def _next_run(next_line: str, error=None) -> str:
    cells = [("tu = (23, 'abc', 4.5)", 1, None), ("t[1:4]", 2, None), (next_line, 3, error)]
    cells.append(("t = [1, 2, 4, 5]", 1, None))
    return _hint("NameError", _not_defined("t"), cells, 1, "t[1:4]", 2)


# ------------------------------------- a missing file whose call the edited cell still makes


def _renamed(code: str) -> str:
    message = (
        "[Errno 2] No such file or directory: 'data/interim/3f2a-report' -> "
        "'data/interim/annual_report_2019'"
    )
    frame = "Cell In[17], line 1\n----> 1 report = os.rename(old_name, new_name)\n      2 report\n"
    return _cell_only("FileNotFoundError", message, frame, code)


# --------------------------------- a function where the cells build a frame under that name


def _grouped(maker: str) -> str:
    message = "'function' object has no attribute 'reset_index'"
    cells = [
        ("import pandas as pd\ndf = pd.DataFrame({'a': [1, 2], 'b': [3, 4]})", 1, None),
        ("grouped = grouped.reset_index()", 39, None),
        (maker, 43, None),
    ]
    return notebook_hint("AttributeError", message, cells[1][0], cells, 1, 39)


# ------------------------------------------ a saved cell that now sets the name first


def _edited_reader(saved: str) -> str:
    cells = [
        ("import numpy as np\nimport pandas as pd", None, None),
        ("pwd", 4, None),
        (saved, 8, None),
        ("df = pd.read_csv('players.csv')", None, None),
    ]
    line = "df = df.read_csv('players.csv')"
    return _hint("NameError", _not_defined("df"), cells, 2, line, 8)


# ----------------------------------------------------- a value indexed by text, no module


def _statistics(line: str) -> str:
    frame = f"Cell In[26], line 3\n      2 info = df['TAVG'].describe()\n----> 3 {line}\n"
    code = f"df = load()\ninfo = df['TAVG'].describe()\n{line}"
    return _cell_only("NameError", _not_defined("stats"), frame, code)


# (crash, words the hint must hold or None, words it must not hold or None)
PAIRS = [
    pytest.param(
        lambda: _below(_pipeline("tiers = data['tier'].value_counts()")),
        SAFE_NAME,
        "Run cell 3 first",
        id="definer-below-redoing-the-cell",
    ),
    pytest.param(
        lambda: _below("import pandas as pd\ntiers = pd.read_csv('t.csv')['tier'].value_counts()"),
        "Run cell 3 first: it defines `tiers`",
        None,
        id="definer-below-of-its-own-step",
    ),
    pytest.param(
        lambda: _redefined_function("greet"),
        "the `greet()` that ran is another definition",
        "outside it, use the value you pass in",
        id="parameter-of-the-function-that-raised",
    ),
    pytest.param(
        lambda: _redefined_function("shout"),
        None,
        "is a parameter of",
        id="parameter-of-another-function",
    ),
    pytest.param(
        lambda: _tried_after(26), SAFE_NAME, "Cell 2 [52]", id="another-definer-tried-between"
    ),
    pytest.param(
        lambda: _tried_after(None),
        "Cell 2 [52] defines `scores` but ran only after this cell ([25])",
        None,
        id="one-failed-definer-after-the-crash",
    ),
    pytest.param(
        lambda: _reported("mean_accuracy"),
        "computes `mean_accuracy` but not `mean_recall`",
        "pass it in",
        id="sibling-result-never-computed",
    ),
    pytest.param(
        lambda: _reported("average"),
        "else pass it in as an argument",
        None,
        id="no-sibling-result",
    ),
    pytest.param(
        lambda: _sessions(False), None, "restarted", id="definer-of-a-session-begun-below"
    ),
    pytest.param(
        lambda: _sessions(True),
        "The kernel probably restarted since cell 1 [3]",
        None,
        id="definer-showing-the-crashs-own-count",
    ),
    pytest.param(
        lambda: _next_run("tu[1:4]"),
        "Cell 3 [3], numbered next, has the same line with `tu` in place of `t`",
        "restarted",
        id="failing-line-retyped-by-the-next-run",
    ),
    pytest.param(
        lambda: _next_run("tu[1:4]", ("TypeError", "'tuple' object is not callable")),
        None,
        "numbered next",
        id="retyped-line-that-failed-too",
    ),
    pytest.param(lambda: _next_run("tu[0]"), None, "numbered next", id="next-run-of-another-line"),
    pytest.param(
        lambda: _renamed("os.rename(old_name, new_name)"),
        None,
        "The cell was edited",
        id="edit-keeping-the-failing-call",
    ),
    pytest.param(
        lambda: _renamed("shutil.copy(source, target)"),
        "The cell was edited after this error",
        None,
        id="edit-dropping-the-failing-call",
    ),
    pytest.param(
        lambda: _grouped("grouped = df.groupby(by='a', as_index=False).agg(total=('b', 'sum'))"),
        None,
        "call it first",
        id="function-the-cells-build-from-a-call",
    ),
    pytest.param(
        lambda: _grouped("def grouped():\n    return df.groupby('a').sum()"),
        "is a function, not the object it returns: call it first",
        None,
        id="function-the-cells-define",
    ),
    pytest.param(
        lambda: _edited_reader("df = pd.read_csv('players.csv')\ndf.head()"),
        "no longer has the failing line nor reads `df` before setting it",
        "from `df` itself",
        id="saved-cell-now-setting-the-name-first",
    ),
    pytest.param(
        lambda: _edited_reader("df = df.read_csv('players.csv')"),
        "This line sets `df` from `df` itself",
        None,
        id="saved-cell-still-holding-the-line",
    ),
    pytest.param(
        lambda: _statistics("limit = stats['mean'] + 3 * stats['std']"),
        None,
        "from scipy import stats",
        id="name-indexed-by-text",
    ),
    pytest.param(
        lambda: _statistics("z = stats.zscore(df['TAVG'])"),
        "from scipy import stats",
        None,
        id="name-used-as-a-module",
    ),
]


@pytest.mark.parametrize(("crash", "wanted", "unwanted"), PAIRS)
def test_a_hint_speaks_only_when_its_condition_holds(crash, wanted, unwanted):
    text = crash()
    assert wanted is None or wanted in text, text
    assert unwanted is None or unwanted not in text, text
