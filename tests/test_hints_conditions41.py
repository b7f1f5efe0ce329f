"""Speak-only-when pairs for the fifteenth audit's changed hints that graders found wrong:
each condition with a crash where the template speaks and one where it must not.

- A key quoted in the `groupby([...])` that made a Series names a level of its MultiIndex:
  `.reset_index()`, not `.xs(key, level=1)` (which looks for a label and fails again).
"""

from __future__ import annotations

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
