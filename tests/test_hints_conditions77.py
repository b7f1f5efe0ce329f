"""A column store that ran only after the crash, and failed before the store, is told with its
failure (the 23rd audit: "Run cell 3 first: it sets `df['k']`" was right to leave, but the
safe hint that replaced it lost the cell; crashes written here by hand).
"""

from __future__ import annotations

from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions67 import _crash
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


# ---------------------------------- a list compared with a number where one True/False is tested

LIST_LT = "'<' not supported between instances of 'int' and 'list'"


def test_a_list_compared_in_an_if_gets_one_true_false_not_an_array():
    hint = _crash("TypeError", LIST_LT, "ls = [1, 2]\nif 0 < ls:\n    print(1)", "if 0 < ls:")
    assert "the condition needs one True/False" in hint and "np.array" not in hint, hint


def test_a_list_compared_outside_a_condition_keeps_the_array_advice():
    hint = _crash("TypeError", LIST_LT, "ls = [1, 2]\nmask = 0 < ls", "mask = 0 < ls")
    assert "np.array(a) < 2" in hint, hint
