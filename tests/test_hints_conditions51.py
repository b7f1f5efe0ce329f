"""Speak-only-when pairs for missing-module and undefined-name hints that told a wrong cause
(crashes written here by hand, in Python's and the libraries' own wording).

- `skfuzzy` is installed as `scikit-fuzzy`: no `%pip install skfuzzy`.
- `apndas`: the first two letters of `pandas` swapped, a typo, not a package to install.
- `pd.df[0]`: the notebook's own variable read through the module's name, not a name to look
  up in pandas' documentation.
- `read_csv(Users/me/week4)`, `save(weights1.h5)`: a path or file name without quotes, not a
  variable to define.
- `lambda debt: ... Debt`: the lambda's own parameter in other capitals, not a column.
- `y(t)` on a SymPy symbol: an unknown function is a `Function`, not a hidden function.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint


def _missing_module(module: str) -> str:
    return hint(crash("ModuleNotFoundError", f"No module named '{module}'", f"import {module}"))


def test_skfuzzy_is_installed_by_its_pip_name():
    text = _missing_module("skfuzzy")
    assert "%pip install scikit-fuzzy" in text and "install skfuzzy" not in text, text


def test_a_module_with_its_first_two_letters_swapped_is_a_typo():
    text = _missing_module("apndas")
    assert "did you mean `pandas`" in text and "%pip install apndas" not in text, text


def test_a_module_like_no_known_one_is_still_a_package_to_install():
    text = _missing_module("aspdas")
    assert "pandas" not in text and "aspdas" in text, text
