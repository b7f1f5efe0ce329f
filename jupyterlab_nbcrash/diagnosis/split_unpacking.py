"""A train/test split unpacked in another order than it returns its parts.

`train_test_split(X, y)` returns `X_train, X_test, y_train, y_test`; Keras' `load_data()`
returns `(x_train, y_train), (x_test, y_test)`. Unpacked as `X_train, y_train, X_test, y_test`
(or `(x_train, x_test), (y_train, y_test)`), the two middle names hold each other's part: the
one named as features holds labels and the other way round. The shape, value and index
templates consult this one check before blaming the value's shape on the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .shape_text import SPLIT_INTO_FOUR
from .traceback import ParsedError

_SPLIT = re.compile(SPLIT_INTO_FOUR, re.M)
_LOAD_DATA = re.compile(
    r"^[ \t]*\(\s*(\w+)\s*,\s*(\w+)\s*\)\s*,\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)\s*=\s*"
    r"(?:[\w.]+\.)?load_data\(",
    re.M,
)


def _role(name: str) -> str:
    """ "x" for a name that reads as features (`X_train`, `train_x`), "y" for labels."""
    low = name.lower()
    parts = low.split("_")
    if low[0] == "x" or parts[-1] == "x":
        return "x"
    if low[0] == "y" or parts[-1] == "y":
        return "y"
    return ""


@dataclass(frozen=True)
class Misordered:
    """One unpacking out of order, and the name asked about."""

    function: str  # "train_test_split" or "load_data"
    written: str  # the names as the code unpacks them
    fixed: str  # the same names in the order the function returns
    name: str
    holds_labels: bool  # the name reads as features but holds labels

    def hint(self) -> str:
        if self.function == "load_data":
            returns, call = "`(x_train, y_train), (x_test, y_test)`", "...load_data()"
        else:
            returns, call = "`X_train, X_test, y_train, y_test`", "train_test_split(...)"
        holds = "labels" if self.holds_labels else "features"
        return (
            f"`{self.function}` returns {returns} in that order, but the code unpacks "
            f"`{self.written}`, so `{self.name}` holds {holds}, not what its name says: write "
            f"`{self.fixed} = {call}`."
        )


def misordered_unpacking(p: ParsedError, name: str) -> Misordered | None:
    """The notebook's (or the cell's) unpacking of a split whose features and labels names
    stand in each other's place, when ``name`` is one of the two that holds the other part and
    no later line rebinds it from something else; else None."""
    if not name or not re.fullmatch(r"[A-Za-z_]\w*", name):
        return None
    code = p.code_seen
    found = None
    for m in _SPLIT.finditer(code):
        a, b, c, d = m.groups()
        if [_role(n) for n in (a, b, c, d)] == ["x", "y", "x", "y"] and name in (b, c):
            found = Misordered(
                "train_test_split",
                f"{a}, {b}, {c}, {d}",
                f"{a}, {c}, {b}, {d}",
                name,
                name == c,
            )
            end = m.end()
    for m in _LOAD_DATA.finditer(code):
        a, b, c, d = m.groups()
        if [_role(n) for n in (a, b, c, d)] == ["x", "x", "y", "y"] and name in (b, c):
            found = Misordered(
                "load_data",
                f"({a}, {b}), ({c}, {d})",
                f"({a}, {c}), ({b}, {d})",
                name,
                name == b,
            )
            end = m.end()
    if found is None:
        return None
    # `def load_data(): ... return (x_tr, x_te), (y_tr, y_te)`: the notebook's own function
    # returns its parts in the order it writes them, not the library's.
    if re.search(rf"^[ \t]*def[ \t]+{found.function}[ \t]*\(", code, re.M):
        return None
    # `y_train = df['target']` after it: the name no longer holds the split's part.
    n = re.escape(name)
    for line in re.finditer(rf"^[ \t]*{n}[ \t]*=(?!=)(.*)$", code[end:], re.M):
        if not re.search(rf"\b{n}\b", line.group(1)):
            return None
    return found
