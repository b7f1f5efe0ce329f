"""Slips in the cell's own code that explain a crash whatever the library says about it: a
trailing comma that turned a number into a tuple (``size = 6,``), which a library reports
deep inside its code ("can only concatenate tuple (not "int") to tuple"); a second positional
argument that lands in ``dtype`` (``np.zeros(2, 2)``, ``np.array([1, 2], [3, 4])``); a file
name with dashes written without quotes (``iris-data-set.csv``), read as subtractions."""

from __future__ import annotations

import ast
import builtins
import itertools
import re

from .cells import python_tree
from .definitions import binds, case_twin, dashed_file_name, file_read_into, seen_code
from .traceback import ParsedError
from .where import closing_bracket

# The message is about a tuple where something else was expected.
_TUPLE = re.compile(r"\btuple\b", re.I)


def trailing_comma_tuple(code: str) -> tuple[str, str, str] | None:
    """(name, line, value) of the first top-level ``name = value,`` in ``code`` (a one-element
    tuple written without parentheses) whose name the cell uses afterwards; else None."""
    tree = python_tree(code) if "," in code else None
    if tree is None:
        return None
    lines = code.splitlines()
    for i, node in enumerate(tree.body):
        value = node.value if isinstance(node, ast.Assign) else None
        if not isinstance(value, ast.Tuple) or len(value.elts) != 1 or len(node.targets) != 1:
            continue
        target = node.targets[0]
        line = lines[value.lineno - 1] if value.lineno <= len(lines) else ""
        if not isinstance(target, ast.Name) or line[value.col_offset : value.col_offset + 1] == "(":
            continue  # `x = (6,)` is written as a tuple on purpose
        used = any(
            isinstance(n, ast.Name) and n.id == target.id and isinstance(n.ctx, ast.Load)
            for later in tree.body[i + 1 :]
            for n in ast.walk(later)
        )
        if used:
            return target.id, line.strip(), ast.get_source_segment(code, value.elts[0]) or ""
    return None


_LAST_NUMBER = re.compile(r"(\d+)\s*$")
_FIRST_NUMBER = re.compile(r"^\s*(\d+)")


def decimal_comma_tuple(code: str, line: str) -> tuple[str, str] | None:
    """(name, "0,5") when ``code`` assigns ``name = a*0,5*b`` (a comma written for a decimal
    point between two digits, which makes a tuple of the two sides) and ``line`` reads
    ``name``; else None."""
    tree = python_tree(code) if "," in code else None
    if tree is None:
        return None
    words = set(re.findall(r"[A-Za-z_]\w*", line))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target, value = node.targets[0], node.value
        if not isinstance(target, ast.Name) or target.id not in words:
            continue
        if not isinstance(value, ast.Tuple) or len(value.elts) < 2:
            continue
        parts = [ast.get_source_segment(code, e) or "" for e in value.elts]
        if not any(isinstance(e, ast.BinOp) for e in value.elts):
            continue  # `a, b = 1, 2`-like values are tuples on purpose
        lines = code.splitlines()
        for (left, right), (e1, e2) in zip(
            itertools.pairwise(parts), itertools.pairwise(value.elts), strict=True
        ):
            # `0,5` is written without a space; `rows*2, 3` (a shape) with one
            between = ""
            if e1.end_lineno == e2.lineno == e1.lineno:
                between = lines[e1.lineno - 1][e1.end_col_offset : e2.col_offset]
            if between != ",":
                continue
            a, b = _LAST_NUMBER.search(left), _FIRST_NUMBER.search(right)
            if a and b and left[: a.start()].rstrip()[-1:] in ("*", "+", "-", "/", "("):
                return target.id, f"{a.group(1)},{b.group(1)}"
    return None


# NumPy and pandas reading a value as a data type: the message's own words.
_AS_DTYPE = re.compile(
    r"data type not understood|Cannot interpret '.*' as a data type|Field elements must be 2- or "
    r"3-tuples|dtype '.*' not understood|data type .* not understood"
)
# Constructors whose second positional parameter is `dtype` (pandas': `index`, then `columns`).
_DTYPE_SECOND = re.compile(r"\b(?:np|numpy)\.(?:array|asarray|zeros|ones|empty)\s*\(")


def dtype_slot_hint(parsed: ParsedError) -> str:
    """`np.zeros(2, 2)`: the second positional argument is the dtype, which the message refuses."""
    if parsed.ename not in ("TypeError", "ValueError") or not _AS_DTYPE.search(parsed.message):
        return ""
    m = _DTYPE_SECOND.search(parsed.user_line)
    if m is None:
        return ""
    call = parsed.user_line[m.start() :]
    try:
        node = ast.parse(call.strip().rstrip(":"), mode="eval").body
    except SyntaxError:
        node = None
        for end in range(len(call), 0, -1):  # the call is followed by more of the line
            try:
                node = ast.parse(call[:end], mode="eval").body
                break
            except SyntaxError:
                continue
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    if not isinstance(node, ast.Call) or len(node.args) < 2:
        return ""
    function = ast.get_source_segment(call, node.func) or "np.array"
    second = ast.get_source_segment(call, node.args[1]) or "…"
    items = ", ".join(ast.get_source_segment(call, a) or "…" for a in node.args)
    if function.endswith(("array", "asarray")):
        fix = f"[{items}]"
    elif isinstance(node.args[0], (ast.Tuple, ast.List)):
        # `np.ones((2, 2), 1)`: the shape is already one argument, the second is no dimension.
        return (
            f"`{function}` takes its second positional argument as the data type, so it read "
            f"`{second}` as a dtype: drop it (or pass `dtype=...`), or use "
            f"`np.full(shape, {second})` for another fill value."
        )
    else:
        fix = f"({items})"
    return (
        f"`{function}` takes its second positional argument as the data type, so it read "
        f"`{second}` as a dtype: pass the values as one argument, `{function}({fix})`."
    )


# `model = model(` : a name rebound from a call of itself.
_CALLS_ITSELF = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*\1\s*\(")


def case_slip_hint(parsed: ParsedError) -> str:
    """`model = model(inputs=…, outputs=…)` with `Model` imported: the line calls the object the
    name holds, not the class spelt with a capital, and fails on every run."""
    m = _CALLS_ITSELF.match(parsed.user_line)
    if parsed.ename != "TypeError" or m is None:
        return ""
    name = m.group(1)
    code, _ = seen_code(parsed)
    twin = case_twin(name, [code])
    if not twin:
        return ""
    return (
        f"The line calls `{name}`, the object that name holds, not `{twin}`, which your code "
        f"imports or defines: names are case-sensitive, so write `{name} = {twin}(...)`."
    )


def dashed_file_hint(parsed: ParsedError) -> str:
    """`iris-data-set.csv.tail()`: a file name with dashes, unquoted, on the failing line. Every
    word of it is defined (else a NameError), so Python subtracted variables, and whatever
    failed there failed on that arithmetic, not on the file."""
    if parsed.ename == "NameError":
        return ""  # the NameError's own hint reads the names (`name_slip`)
    if re.match(r"\s*[!%]", parsed.user_line) or parsed.user_code.lstrip().startswith("%%"):
        return ""  # a shell or magic line (`%run fit.py my-data.csv`) takes words as text
    written = dashed_file_name(parsed.user_line)
    if not written:
        return ""
    code, _ = seen_code(parsed)
    if not _subtraction_failed(parsed, written, code):
        return ""
    frame = file_read_into(code, written)
    use = (
        f"use `{frame}`, the frame your code read it into"
        if frame
        else f"read the file into a variable first (`df = pd.read_csv('{written}')`) and use it"
    )
    subtraction = " - ".join(written.split("-"))
    return (
        f"Python reads `{written}` as subtractions of variables (`{subtraction}`), not as the "
        f"file, so the error comes from those variables: {use}."
    )


# What the subtraction of a dashed name's words raises: the suffix read as an attribute
# ("has no attribute 'csv'"), an operand refused, pandas' or NumPy's arithmetic.
_ARITHMETIC_FAILED = re.compile(
    r"unsupported operand|operands could not be broadcast|coerce to (?:Series|DataFrame)"
    r"|bad operand type"
)
_ARITHMETIC_FRAME = re.compile(
    r"/ops/|arraylike\.py|(?:^|\.)(?:__r?sub__|_?arith_method\w*|r?sub)$"
)


def _subtraction_failed(parsed: ParsedError, written: str, code: str) -> bool:
    """The error comes from the dashed name's arithmetic: the message or a library frame shows
    it, or every word before the suffix is a name the code seen binds (or a builtin). Else the
    line may have failed before Python reached the name (`model.fit(X); save(my-model.h5)`)."""
    suffix = written.rsplit(".", 1)[-1]
    if re.search(rf"attribute '{re.escape(suffix)}'", parsed.message):
        return True
    if _ARITHMETIC_FAILED.search(parsed.message):
        return True
    if any(
        _ARITHMETIC_FRAME.search(fr.filename) or _ARITHMETIC_FRAME.search(fr.function)
        for fr in parsed.frames
        if not fr.is_user
    ):
        return True
    words = written.rsplit(".", 1)[0].split("-")
    return all(hasattr(builtins, w) or binds(code, w) for w in words)


# An operator right after a whole `print(...)` at the line's start: it works on print's None.
_AFTER_PRINT = re.compile(r"\s*(\||&|\+|-|\*|/|%|<|>|==|!=)")


def print_closed_early_hint(parsed: ParsedError) -> str:
    """`print(a < b) | (a > c)`: the parenthesis that closes `print` stands before an operator,
    so the operator gets print's `None` (pandas: "Cannot perform 'ror_' … [NoneType]")."""
    if parsed.ename != "TypeError" or "None" not in parsed.message[:500]:
        return ""
    line = parsed.user_line.strip()
    if not line.startswith("print("):
        return ""
    end = closing_bracket(line, len("print"))
    after = _AFTER_PRINT.match(line[end + 1 :]) if end > 0 else None
    if after is None:
        return ""
    sign = after.group(1)
    return (
        f"`print(...)` closes before `{sign}`, so `{sign}` works on what `print` returns "
        "(`None`): move the closing parenthesis of `print` to the end of the line."
    )


def code_slip_hint(parsed: ParsedError) -> tuple[str, str]:
    """(hint, evidence) for a crash that a slip in the cell's code explains; else ("", "")."""
    dashed = dashed_file_hint(parsed)
    if dashed:
        return dashed, "a file name with dashes is written without quotes"
    dtype = dtype_slot_hint(parsed)
    if dtype:
        return dtype, "a second positional argument of the call is read as its dtype"
    case = case_slip_hint(parsed)
    if case:
        return case, "the line calls its own name where a name of other capitals is defined"
    early = print_closed_early_hint(parsed)
    if early:
        return early, "`print(...)` closes before an operator that goes on with its result"
    if parsed.ename not in ("TypeError", "ValueError") or not _TUPLE.search(parsed.message[:500]):
        return "", ""
    decimal = decimal_comma_tuple(parsed.user_code, parsed.user_line)
    if decimal:
        name, written = decimal
        point = written.replace(",", ".")
        return (
            f"`{written}` in the assignment of `{name}` uses a comma as the decimal point, "
            f"which makes `{name}` a tuple of the two sides: write `{point}`."
        ), "a comma between two digits is written for a decimal point"
    slip = trailing_comma_tuple(parsed.user_code)
    if slip is None:
        return "", ""
    name, line, value = slip
    return (
        f"`{line}` ends with a comma, which makes `{name}` the tuple `({value},)` rather than "
        f"`{value}`: remove the trailing comma and run the cell again."
    ), "the cell makes a one-element tuple with a trailing comma"
