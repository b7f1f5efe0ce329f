"""Slips in the cell's own code that explain a crash whatever the library says about it: a
trailing comma that turned a number into a tuple (``size = 6,``), which a library reports
deep inside its code ("can only concatenate tuple (not "int") to tuple")."""

from __future__ import annotations

import ast
import re

from .traceback import ParsedError

# The message is about a tuple where something else was expected.
_TUPLE = re.compile(r"\btuple\b", re.I)


def trailing_comma_tuple(code: str) -> tuple[str, str, str] | None:
    """(name, line, value) of the first top-level ``name = value,`` in ``code`` (a one-element
    tuple written without parentheses) whose name the cell uses afterwards; else None."""
    if "," not in code:
        return None
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
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


def code_slip_hint(parsed: ParsedError) -> str:
    """The hint for a crash about a tuple in a cell that makes one by a trailing comma; else ""."""
    if parsed.ename not in ("TypeError", "ValueError") or not _TUPLE.search(parsed.message[:500]):
        return ""
    slip = trailing_comma_tuple(parsed.user_code)
    if slip is None:
        return ""
    name, line, value = slip
    return (
        f"`{line}` ends with a comma, which makes `{name}` the tuple `({value},)` rather than "
        f"`{value}`: remove the trailing comma and run the cell again."
    )
