"""What a plain "invalid syntax" means where the caret `^` stands: slips whose reading the
marked line itself proves, each with the words the user reads.

Each check takes the marked line and the caret's column and speaks only when the text at the
caret is that slip and nothing else (`&&` at the caret, a slice's `:` inside a list or a call,
a single `=` inside a parenthesised test); else it returns "" and the family's caret hint
speaks ("Python could not read the marked line from … on").
"""

from __future__ import annotations

import builtins
import keyword
import re

from ..where import code_chars

__all__ = ["caret_slip"]


def caret_slip(code: str, column: int, seen: str = "") -> str:
    """The hint for the slip at ``column`` of the marked line ``code``, or "" (``seen``: the
    code the notebook shows, to tell a variable from a word)."""
    if not 0 <= column < len(code):
        return ""
    return (
        _lost_comment_sign(code)
        or _double_logic(code, column)
        or _doubled_keyword(code, column)
        or _slice_outside_subscript(code, column)
        or _assignment_in_a_test(code, column)
        or _dotted_column_with_spaces(code, column, seen)
        or _comma_in_module_path(code, column)
    )


_FROM_WITH_COMMA = re.compile(r"\s*from\s+([\w.]+)\s*,\s*([\w.]+)\s+import\b")


def _comma_in_module_path(code: str, column: int) -> str:
    """`from sklearn,linear_model import X`: a comma where the module path takes a dot (a
    `from` names one module; the caret stands on the comma or just after it)."""
    m = _FROM_WITH_COMMA.match(code)
    if not m or not m.end(1) <= column <= m.start(2):
        return ""
    first, second = m.groups()
    if second.split(".")[0] == first.split(".")[0]:
        # `from sklearn.metrics, sklearn.model_selection import ...`: two modules, not one path
        return (
            f"A `from` import names one module: `{first}` and `{second}` are two, so write one "
            f"`from ... import ...` line for each."
        )
    module = f"{m.group(1)}.{m.group(2)}"
    return (
        f"A module's path is written with dots, not a comma: `from {module} import ...` "
        f"(`{m.group(1)},{m.group(2)}` is no module name)."
    )


def _lost_comment_sign(code: str) -> str:
    """`-*- coding: utf-8 -*-` at a line's start: the encoding comment without its `#`."""
    if not re.match(r"\s*-\*-\s*coding[:=]", code):
        return ""
    return (
        "The marked line is an encoding comment that lost its `#`: write `# -*- coding: utf-8 "
        "-*-`, or delete it (Python 3 reads code as UTF-8 anyway)."
    )


def _double_logic(code: str, column: int) -> str:
    """`a && b`, `a || b`: C's and JavaScript's logic, which Python spells otherwise."""
    # (Python's caret stands on the first sign or, as often, on the second)
    twos = (code[column : column + 2], code[max(column - 1, 0) : column + 1])
    pair = next((two for two in twos if two in ("&&", "||")), "")
    if not pair:
        return ""
    if re.fullmatch(r"\s*[A-Za-z][\w.-]*\s*", code[: code.index(pair)]):
        return ""  # `make && make install`: a shell command (`!make && …`), no Python test
    one, word = pair[0], "and" if pair == "&&" else "or"
    return (
        f"Python has no `{pair}`: in a pandas or NumPy filter write `{one}` with each comparison "
        f"in parentheses, `(a == 1) {one} (b == 2)`; between plain True/False values write "
        f"`{word}`."
    )


_TWICE = re.compile(r"\b(in|and|or|not|is|for|if|else|import|from|return|def)\s+\1\b")


def _doubled_keyword(code: str, column: int) -> str:
    """`for epoch in in range(...)`: the caret on the second of a keyword written twice."""
    for found in _TWICE.finditer(code):
        if found.start() < column <= found.end() and column >= found.start(1) + len(found.group(1)):
            word = found.group(1)
            return f"`{word}` is written twice on the marked line (`{word} {word}`): remove one."
    return ""


def _opener(code: str, column: int) -> int:
    """The index of the innermost bracket still open at ``column`` (strings skipped), or -1."""
    opened: dict[int, int] = {}  # depth after an opening bracket -> its index
    depth = 0
    for i, c, depth in code_chars(code[:column], 0):
        if c in "([{":
            opened[depth] = i
    return opened.get(depth, -1) if depth > 0 else -1


def _closer(code: str, start: int) -> int:
    """The index of the bracket that closes the one at ``start``, or -1 (strings skipped)."""
    return next((i for i, c, depth in code_chars(code, start) if c in ")]}" and depth == 0), -1)


def _enclosing(code: str, column: int) -> tuple[int, int]:
    """(the innermost bracket open at ``column``, the one that closes it); -1 for a missing one."""
    start = _opener(code, column)
    return start, _closer(code, start) if start >= 0 else -1


def _ends_a_value(text: str) -> bool:
    """``text`` ends with a name, a number or a closing bracket: a bracket written right after
    it is a call or a subscript, not a tuple or a list of its own."""
    return bool(text) and (text[-1].isalnum() or text[-1] in "_)]")


_BOUND = r"\s*-?[A-Za-z0-9_.]*\s*"  # numbers or names (`Day:1일` is text, not a slice)
_SLICE = re.compile(rf"{_BOUND}:{_BOUND}(?::{_BOUND})?")


def _slice_outside_subscript(code: str, column: int) -> str:
    """`np.array([0:12])`, `np.array(1:3)`, `df.drop([10:85])`, `cars.iloc[[4:6]]`: a slice's
    `:` where the innermost bracket is a list or a call, not a subscript."""
    if code[column] != ":":
        return ""
    start, end = _enclosing(code, column)
    if end < 0 or code[start] not in "([":
        return ""
    inside = code[start + 1 : end]
    if not _SLICE.fullmatch(inside) or not re.search(r"\w", inside):
        return ""
    before = code[:start].rstrip()
    if code[start] == "[" and _ends_a_value(before):
        return ""  # a subscript: a slice is allowed there, the slip is elsewhere
    outer = _opener(code, start)
    if code[start] == "[" and outer >= 0 and code[outer] == "[":
        head = re.search(r"[\w.]+$", code[:outer].rstrip())
        if head:
            # `cars.iloc[[4:6]]`: the subscript's own slice, wrapped in a list
            fixed = f"{head.group()}[{inside.strip()}]"
            return (
                f"`[{inside.strip()}]` inside the brackets makes a list, where a slice cannot "
                f"stand: drop the inner brackets, `{fixed}`."
            )
    callee = re.search(r"(?<![\w.])[A-Za-z_]\w*$", before) if code[start] == "(" else None
    if callee and hasattr(builtins, callee.group()):
        callee = None  # `range(1:10)`: a built-in function, whose arguments a slice was meant as
    if callee and not keyword.iskeyword(callee.group()):
        # `arr(4:)`: a plain name called with a slice, where its subscript was meant
        name = callee.group()
        return (
            f"`{name}({inside.strip()})` calls `{name}`, and a slice goes only in a subscript: "
            f"`{name}[{inside.strip()}]` if `{name}` holds a list, an array or a table."
        )
    parts = [part.strip() for part in inside.split(":")]
    if not all(re.fullmatch(r"-?\d+", part) for part in parts if part) or not parts[1]:
        return (
            f"`{inside.strip()}` is a slice, which only a subscript takes (`x[{inside.strip()}]`): "
            "for a run of numbers as a list or an argument, use `range(...)` or `np.arange(...)`."
        )
    numbers = ", ".join(part or "0" for part in parts)
    return (
        f"`{inside.strip()}` is a slice, which only a subscript takes (`x[{inside.strip()}]`): "
        f"for those numbers as a list or an argument, write `range({numbers})` (or "
        f"`np.arange({numbers})`)."
    )


_OPERAND_LEFT = re.compile(r"[A-Za-z_]\w*(?:\.\w+|\[[^\[\]]+\])+\s*$")


def _assignment_in_a_test(code: str, column: int) -> str:
    """`df[(df.year = 2018)]`: a single `=` right after a column, inside parentheses that
    group a condition (no function call): a comparison was meant."""
    if code[column] != "=" or code[column + 1 : column + 2] == "=":
        return ""
    if column and code[column - 1] in "=<>!+-*/%&|^:":
        return ""
    start, end = _enclosing(code, column)
    if end < 0 or code[start] != "(":
        return ""
    before = code[:start].rstrip()
    if _ends_a_value(before):
        return ""  # a call's keyword argument, `f(x.y = 1)`: not a grouped test
    left = code[start + 1 : column]
    if not _OPERAND_LEFT.match(left.strip()) or "[" not in code[:start]:
        return ""
    test = code[start : end + 1]
    fixed = test[: column - start] + "=" + test[column - start :]
    return f"`=` assigns, and a condition cannot assign: compare with `==`, `{fixed}`."


def _names_a_variable(word: str, seen: str) -> bool:
    """``word`` reads as a variable, not a word of a column's name: written like code (`_`, one
    letter, a capital inside: `X_train`, `x`, `xTrain`) or bound in ``seen`` (the code the
    notebook shows), also as one of several targets (`X, y = ...`)."""
    if "_" in word or len(word) == 1 or any(c.isupper() for c in word[1:]):
        return True
    target = rf"(?:[\w.\[\]'\" ]+,[ \t]*)*{re.escape(word)}[ \t]*(?:,[^=\n]*)?=(?!=)"
    named = rf"(?:for|def|class)[ \t]+{re.escape(word)}\b"
    return bool(re.search(rf"^[ \t]*(?:{target}|{named})", seen, re.M))


def _dotted_column_with_spaces(code: str, column: int, seen: str = "") -> str:
    """`df.test_score(out of 10)`: a column's name with spaces or signs written after a dot,
    which Python reads as a call of `df.test_score` with odd arguments."""
    for found in re.finditer(r"(?<![\w.])([A-Za-z_]\w*)\.(\w+)\(([^()]*)\)", code):
        args = found.group(3)
        if not found.start(3) <= column <= found.end(3):
            continue
        if not (re.search(r"[A-Za-z]\w*\s+[A-Za-z0-9]", args) or "$" in args or "%" in args):
            return ""
        if "=" in args or "," in args or "'" in args or '"' in args:
            return ""
        if any(_names_a_variable(word, seen) for word in re.findall(r"[A-Za-z_]\w*", args)):
            return ""  # `model.fit(X_train y_train)`: a call whose comma is missing
        frame, name = found.group(1), f"{found.group(2)}({args})"
        return (
            f"If `{name}` is the name of a column, read it with brackets, `{frame}['{name}']`: "
            "after a dot Python reads only a name of letters, digits and `_`."
        )
    return ""
