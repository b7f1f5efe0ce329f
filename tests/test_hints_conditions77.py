"""A column store that ran only after the crash, and failed before the store, is told with its
failure (the 23rd audit: "Run cell 3 first: it sets `df['k']`" was right to leave, but the
safe hint that replaced it lost the cell; crashes written here by hand).
"""

from __future__ import annotations

from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions73 import NAME_ERROR_TB
from tests.test_notebook_saved import run, saved


def test_a_later_store_that_failed_is_named_with_its_failure():
    sources = ["sales = load()", "print(sales['total'])", "sales['total'] = sales[total].fillna(0)"]
    found = run(
        saved(sources, [1, 2, 5], crash=2, error=("KeyError", "'total'"), errors={3: NAME_ERROR_TB})
    )
    assert found is not None, found
    assert found.hint.startswith("Cell 3 [5] sets `sales['total']` but ran only after this cell")
    assert "failed (NameError: name 'total' is not defined) before that line" in found.hint


def test_a_later_store_that_ran_cleanly_is_no_failure():
    sources = ["sales = load()", "print(sales['total'])", "sales['total'] = sales['a'] + 1"]
    found = run(saved(sources, [1, 2, 5], crash=2, error=("KeyError", "'total'")))
    assert found is not None and "failed" not in found.hint, found


def test_a_file_the_notebook_writes_itself_is_not_said_unrun():
    # the writing cell may have run already (and written nothing): the hint asks to check both
    cells = [
        ("with open('tweets.json', 'a') as f:\n    f.write(stream())", 1, None),
        ("df = pd.read_json('tweets.json')", 2, None),
    ]
    line = "df = pd.read_json('tweets.json')"
    message = "[Errno 2] No such file or directory: 'tweets.json'"
    hint = notebook_hint("FileNotFoundError", message, line, cells, 1, count=2)
    assert "writes itself" in hint and "make sure that cell ran before this one" in hint, hint
