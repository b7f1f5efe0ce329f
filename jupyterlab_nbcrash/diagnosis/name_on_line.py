"""What the failing line itself shows an undefined name to be, whatever the other cells hold: a
method's keyword argument compared inside brackets (`df['a', axis==1]`), or a column that the
same line also reads as an attribute of a frame (`df.Genre.value_counts().sort_values(Genre)`).

Each reading speaks only when the line shows it; else it returns "" and the notebook analysis
keeps its other hints. The patterns are fixed (compiled once): the name is compared, never
compiled into one.
"""

from __future__ import annotations

import builtins
import re

from .rules.tables import members
from .where import code_chars

__all__ = ["column_read_as_attribute", "keyword_compared"]

# Keyword arguments of pandas' and NumPy's methods that code never holds in a variable of the
# same name (`axis=1`, `inplace=True`): compared with `==`, they are read as variables.
_KEYWORDS = ("axis", "inplace", "ascending", "ignore_index", "keepdims")
_COMPARED = re.compile(r"(?<![\w.])(" + "|".join(_KEYWORDS) + r")\s*==\s*([\w'\"]+)")
# `frame['Address', axis==1]`: the frame, the item before the keyword
_FRAME_ITEM = re.compile(
    r"([A-Za-z_][\w.]*)\[\s*((['\"])[^'\"\n]*\3)\s*,\s*(?:" + "|".join(_KEYWORDS) + r")\s*=="
)
# `frame.Genre` (not a method call `frame.head(`): an attribute read of a plain name
_ATTRIBUTE = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b(?!\s*\()")
_CALLS_IN = re.compile(r"\([^()]*\)")
_CHAIN = re.compile(r"(?:\.[A-Za-z_]\w*)+")
# Methods of a Series whose argument is a value, a mapping or the keys worked out from the data,
# which the method cannot do without (`s.fillna(s.median())`, `s.map(codes)`, `s.groupby(s)`):
# a bare name there stands for a value to write out, not one to leave out.
_VALUE_TAKING = frozenset(
    {
        "fillna", "map", "replace", "apply", "where", "mask", "isin", "clip", "combine", "add",
        "sub", "mul", "div", "truediv", "floordiv", "pow", "mod", "eq", "ne", "lt", "gt", "le",
        "ge", "between", "dot", "update", "agg", "aggregate", "transform", "pipe", "astype",
        "groupby",
    }
)  # fmt: skip


def _open_bracket(line: str, at: int) -> tuple[str, int]:
    """The innermost bracket still open at index ``at`` of ``line`` (outside strings), with its
    index; ("", -1) when none is."""
    stack: list[tuple[str, int]] = []
    for i, char, _depth in code_chars(line, 0):
        if i >= at:
            break
        if char in "([{":
            stack.append((char, i))
        elif char in ")]}" and stack:
            stack.pop()
    return stack[-1] if stack else ("", -1)


def keyword_compared(name: str, line: str) -> str:
    """The hint when the failing line writes ``name == value`` for a method's keyword argument
    (`axis==1`): inside `[...]`, which takes no keyword, or as an argument of a call, where the
    keyword takes one `=`. "" otherwise."""
    if "==" not in line:
        return ""
    if name not in _KEYWORDS:
        return _flag_compared(name, line)
    found = next((m for m in _COMPARED.finditer(line) if m.group(1) == name), None)
    if found is None:
        return ""
    bracket, _ = _open_bracket(line, found.start())
    value = found.group(2)
    if bracket == "[":
        item = _FRAME_ITEM.search(line)
        if name == "axis" and item is not None and value in ("1", "'columns'", '"columns"'):
            frame, column = item.group(1), item.group(2)
            return (
                f"`axis` is no variable but a keyword argument of methods (`.drop(..., axis=1)`, "
                f"`.sum(axis=1)`), which `[...]` does not take: to select the column write "
                f"`{frame}[{column}]`, to remove it `{frame}.drop({column}, axis=1)`."
            )
        return (
            f"`{name}` is no variable but a keyword argument of methods, which `[...]` does not "
            f"take: pass it inside the parentheses of the method call meant, with one `=` "
            f"(`{name}={value}`)."
        )
    if bracket == "(":
        return (
            f"`{name}=={value}` compares a variable `{name}`, which does not exist: a keyword "
            f"argument takes one `=`, `{name}={value}`."
        )
    return ""


# `print(df, (index==False))`: a name compared with True/False/None as a call's later argument
# (after a comma, maybe in parentheses of its own), where a keyword flag is passed.
# Keyword flags that library calls take (`to_csv(index=False)`, `read_csv(header=None)`): a
# name outside them compared with True/False (`np.logical_and(a > 0, valid == True)`) is a
# variable compared, whatever is undefined about it.
_FLAGS = frozenset(
    [
        "index",
        "header",
        "inplace",
        "drop",
        "ascending",
        "sort",
        "copy",
        "dropna",
        "normalize",
        "return_counts",
        "verbose",
        "shuffle",
        "sparse",
        "squeeze",
        "skipna",
        "numeric_only",
        "as_index",
        "ignore_index",
        "keepdims",
        "index_col",
        "names",
        "sep",
        "usecols",
        "dtype",
        "columns",
        "hue",
        "legend",
        "grid",
        "sharex",
        "sharey",
        "stratify",
        "return_inverse",
        "with_mean",
        "with_std",
        "fit_intercept",
        "low_memory",
        "parse_dates",
        "dayfirst",
        "expand",
        "regex",
        "na_filter",
        "subplots",
        "kde",
        "bins",
        "annot",
        "cbar",
    ]
)
_FLAG_COMPARED = re.compile(r",\s*\(?\s*([A-Za-z_]\w*)\s*==\s*(True|False|None)\s*\)?\s*(?=[,)])")


def _flag_compared(name: str, line: str) -> str:
    """The hint when the undefined ``name`` is compared with True/False/None as a later
    argument of a call (`f(df, (index==False))`): a keyword flag written with `==`. A first
    argument (`print(flag == True)`) may well be a comparison meant: "" then, and otherwise."""
    if name not in _FLAGS:
        return ""
    found = next((m for m in _FLAG_COMPARED.finditer(line) if m.group(1) == name), None)
    if found is None or _open_bracket(line, found.start())[0] != "(":
        return ""
    value = found.group(2)
    return (
        f"`{name}=={value}` compares a variable `{name}`, which does not exist: for the keyword "
        f"argument write `{name}={value}`, with one `=`, inside the call of the method that "
        "takes it."
    )


# `name.where(`: the method the bare name is the receiver of
_METHOD_AFTER = re.compile(r"\s*\.\s*(\w+)\s*\(")


def column_read_as_attribute(name: str, line: str, is_module, statement: str = "") -> str:
    """The hint when the failing line reads ``name`` both bare and as an attribute of a plain
    name that is no module (`df.Genre`; ``is_module`` tells a name some import binds): that
    object's attribute (a frame's column), not a variable. When the bare name is an argument of
    a method chained on that very attribute with pandas' methods only
    (`df.Genre.value_counts().sort_values(Genre)`), that method already runs on the column.
    "" otherwise, and when the bare name is the receiver of a method that the line (or its
    ``statement``, the line with the lines that continue it) also calls bare."""
    reads = (m for m in _ATTRIBUTE.finditer(line) if m.group(2) == name)
    read = next(
        (m for m in reads if m.group(1) not in ("self", "cls") and not is_module(m.group(1))),
        None,
    )
    bare = _bare_use(name, line) if read is not None else -1
    if read is None or bare < 0 or read.group(1) == name or bare == read.start(1):
        # `history.history['loss']`: the bare use is the object itself, the very name missing
        return ""
    method = _METHOD_AFTER.match(line, bare + len(name))
    if (
        method
        # `sum(sales.qty) / price.sum()`: Python's own `sum` is no function meant as the method
        and not hasattr(builtins, method.group(1))
        and re.search(rf"(?<![\w.]){method.group(1)}\s*\(", statement or line)
    ):
        # `radio.where(c, p1, where(...))`: the line also calls `where(...)` bare, a function
        # (numpy's?) where a method was written: which of the two was meant is not seen here
        return ""
    frame = read.group(1)
    bracket, at = _open_bracket(line, bare)
    if bracket == "(" and at > read.end():
        # the call's receiver, its argument lists dropped: `.value_counts().sort_values`
        receiver = line[read.end() : at]
        while _CALLS_IN.search(receiver):
            receiver = _CALLS_IN.sub("", receiver)
        chain = receiver.replace(" ", "")
        methods = chain.split(".")[1:] if _CHAIN.fullmatch(chain) else []
        if (
            methods
            and all(m in members.PANDAS_OBJECT for m in methods)
            and methods[-1] not in _VALUE_TAKING
        ):
            return (
                f"`{name}` is no variable but the column this line already reads as "
                f"`{frame}.{name}`, and `.{methods[-1]}(...)` runs on that column (a Series), so "
                f"it needs no column passed: leave `{name}` out of its arguments."
            )
    return (
        f"`{name}` is no variable here but an attribute of `{frame}` (this line reads "
        f"`{frame}.{name}`, a column if `{frame}` is a DataFrame): write `{frame}.{name}` where "
        f"the bare `{name}` stands."
    )


def _bare_use(name: str, line: str) -> int:
    """The index of the first use of ``name`` on ``line`` that is no attribute (`x.name`) and
    no keyword (`name=`), outside strings; -1 when there is none."""
    for i, _char, _depth in code_chars(line, 0):
        if not line.startswith(name, i):
            continue
        end = i + len(name)
        before = line[i - 1] if i else ""
        after = line[end:].lstrip()
        if before == "." or (before and (before.isalnum() or before == "_")):
            continue
        if end < len(line) and (line[end].isalnum() or line[end] == "_"):
            continue
        if after.startswith("=") and not after.startswith("=="):
            continue
        return i
    return -1
