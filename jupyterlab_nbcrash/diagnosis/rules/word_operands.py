"""What the text side of an operator holds when the code writes it as words: a name or a column
(`df['outlook']`) that every assignment the code shows sets to quoted words, read through one
call of the user's own function (`chi_square(df['outlook'], …)` gives its `observed`). Such text
is no number written as text, so "convert it first" cannot be the fix."""

from __future__ import annotations

import ast
import re

from ..cells import python_tree, to_python
from ..where import own_lines

# The operators of "unsupported operand type(s) for -" and "'<' not supported between".
_BINARY = {
    "+": ast.Add,
    "-": ast.Sub,
    "*": ast.Mult,
    "/": ast.Div,
    "//": ast.FloorDiv,
    "%": ast.Mod,
    "**": ast.Pow,
    "@": ast.MatMult,
}
_COMPARE = {"<": ast.Lt, ">": ast.Gt, "<=": ast.LtE, ">=": ast.GtE}
# A word of text: letters (any script), no digit, which no `float(...)` reads as a number
# (`float('nan')` and `float('inf')` do read theirs).
_WORD = re.compile(r"^(?!(?:nan|inf|infinity)$)[^\W\d_][^\d]*$", re.I)
# Functions that build a DataFrame from a dict of columns.
_FRAME_MAKERS = frozenset({"DataFrame", "pd.DataFrame", "pandas.DataFrame"})


def text_operand_words(p, op: str, left: str, right: str) -> tuple[str, str, str] | None:
    """(the text side as the line writes it, the value it stands for when that is another
    expression (a parameter's argument) else "", the words it holds quoted) when the line
    applies ``op`` once, its text side (``left``/``right`` are the message's types) is a name or
    a column, and every binding of it the code shows is quoted words; else None."""
    pair = _operands(p.user_line, op)
    if pair is None or "str" not in (left, right) or left == right:
        return None
    side = pair[0] if left == "str" else pair[1]
    if not isinstance(side, ast.Name | ast.Subscript):
        return None
    written = ast.unparse(side)
    value = _argument_for_parameter(p, side)
    if value is None and _in_a_function(p):
        return None  # a local of the function: the cells' top-level assignments are not it
    words = _words_bound(p, value or side)
    if not words:
        return None
    return written, ast.unparse(value) if value is not None else "", words


def _operands(line: str, op: str) -> tuple[ast.expr, ast.expr] | None:
    """The two sides of the one use of ``op`` on the line; None when it has none or several."""
    tree = _statement(line)
    if tree is None:
        return None
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and op in _BINARY and isinstance(node.op, _BINARY[op]):
            found.append((node.left, node.right))
        elif isinstance(node, ast.Compare) and op in _COMPARE:
            sides = [node.left, *node.comparators]
            found += [
                (sides[i], sides[i + 1])
                for i, each in enumerate(node.ops)
                if isinstance(each, _COMPARE[op])
            ]
    return found[0] if len(found) == 1 else None


def _statement(line: str) -> ast.Module | None:
    """The line as a statement: a block's header (`while i < v:`) gets a body to parse."""
    text = line.strip()
    if text.startswith("elif "):
        text = text[2:]
    for candidate in (text, text + " pass"):
        try:
            return ast.parse(candidate)
        except (SyntaxError, ValueError):
            continue
    return None


def _user_frames(p) -> list:
    return [f for f in p.frames if f.is_user]


def _in_a_function(p) -> bool:
    """The failing line is in a function of the user's (`f`, a method `Model.run` in Python
    3.11's names, a `<lambda>`, a `<listcomp>`), not at a cell's top level (`<module>`,
    `<cell line: 5>`)."""
    frames = _user_frames(p)
    function = frames[-1].function if frames else ""
    return function not in ("", "<module>") and not function.startswith("<cell line")


def _argument_for_parameter(p, side: ast.expr) -> ast.expr | None:
    """The argument a cell's call passed for the parameter ``side`` names, when the failing
    line is in the user's function and the frame above it calls that function by name with
    positional or keyword arguments (`chi_square(df["outlook"], df["Labels"])`)."""
    frames = _user_frames(p)
    if not isinstance(side, ast.Name) or len(frames) < 2 or not _in_a_function(p):
        return None
    function = frames[-1].function
    parameters = _parameters(_trees(p), function)
    if side.id not in parameters:
        return None
    call = _call_of(frames[-2].failing_line, function)
    if call is None or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    for keyword in call.keywords:
        if keyword.arg == side.id:
            return keyword.value
    at = parameters.index(side.id)
    return call.args[at] if at < len(call.args) else None


def _parameters(trees: list[ast.Module], function: str) -> list[str]:
    """The positional parameters of the one `def function(...)` the code shows, else []."""
    defs = [
        node
        for cell in trees
        for node in ast.walk(cell)
        if isinstance(node, ast.FunctionDef) and node.name == function
    ]
    if len(defs) != 1:
        return []
    arguments = defs[0].args
    return [a.arg for a in (*arguments.posonlyargs, *arguments.args)]


def _call_of(line: str, function: str) -> ast.Call | None:
    """The one call of ``function`` by its name on ``line``, else None."""
    tree = _statement(line or "")
    calls = [
        node
        for node in (ast.walk(tree) if tree is not None else ())
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == function
    ]
    return calls[0] if len(calls) == 1 else None


def _trees(p) -> list[ast.Module]:
    """The notebook's code cells and the crashing cell as trees, one each: a cell that does not
    parse (IPython's magics aside) does not hide the others."""
    cell = "\n".join(own_lines(p))  # the traceback's copies of lines before it do not parse
    sources = (*p.notebook_code, cell)
    return [tree for tree in (python_tree(to_python(s)[0]) for s in sources) if tree is not None]


def _words_bound(p, value: ast.expr) -> str:
    """The words (quoted, the first two) that every top-level binding the code shows gives
    ``value``, a name or a column `frame['col']`; "" when one binding is anything else."""
    statements = [s for tree in _trees(p) for s in tree.body]
    if isinstance(value, ast.Name):
        return _name_words(statements, value.id)
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        key = value.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return _column_words(statements, value.value.id, key.value)
    return ""


def _name_words(statements: list[ast.stmt], name: str) -> str:
    """The words of the top-level `name = '...'` statements when they are all words and no
    statement binds ``name`` otherwise."""
    found = []
    for statement in statements:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in statement.targets
        ):
            found.append(_words(statement.value))
        elif _binds(statement, name):
            return ""
    return found[0] if found and all(found) else ""


def _column_words(statements: list[ast.stmt], frame: str, column: str) -> str:
    """The words of `frame[column] = [...]` or `frame = pd.DataFrame({column: [...]})` when
    these are the column's only sources and `frame` is made by nothing but `DataFrame(...)`."""
    found = []
    for statement in statements:
        for node in ast.walk(statement):
            targets = node.targets if isinstance(node, ast.Assign) else ()
            if isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = (node.target,)
            if any(_is_column(t, frame, column) for t in targets):
                found.append(_words(node.value) if isinstance(node, ast.Assign) else "")
        made = _frame_made(statement, frame, column)
        if made is None:
            return ""
        found += [made] if made != "" else []
    return found[0] if found and all(found) else ""


def _frame_made(statement: ast.stmt, frame: str, column: str) -> str | None:
    """What a top-level statement that binds ``frame`` gives ``column``: the words of
    `frame = pd.DataFrame({column: [...]})`, "" for a statement that does not bind it or a
    `DataFrame(...)` without that column; None for any other binding (`pd.read_csv`, a loop)
    or a column that is not words."""
    if not _binds(statement, frame):
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == frame for t in statement.targets
        ):
            return _frame_column(statement.value, column)
        return ""
    return None


def _is_column(target: ast.expr, frame: str, column: str) -> bool:
    return (
        isinstance(target, ast.Subscript)
        and isinstance(target.value, ast.Name)
        and target.value.id == frame
        and isinstance(target.slice, ast.Constant)
        and target.slice.value == column
    )


def _frame_column(value: ast.expr, column: str) -> str | None:
    """For `pd.DataFrame(...)`: the words its dict gives ``column``, "" when it gives none (an
    empty frame, other columns); None for a column of anything else, or any other value."""
    if not isinstance(value, ast.Call) or ast.unparse(value.func) not in _FRAME_MAKERS:
        return None
    if not value.args:
        return "" if not value.keywords else None
    table = value.args[0]
    if not isinstance(table, ast.Dict):
        return None
    for key, item in zip(table.keys, table.values, strict=True):
        if isinstance(key, ast.Constant) and key.value == column:
            return _words(item) or None
    return ""


def _words(value: ast.expr) -> str:
    """The quoted words a literal holds (`'aeiou'`, `['rainy', 'sunny', …]`), else ""."""
    items = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
    texts = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    if not texts or len(texts) != len(items) or not all(_WORD.match(t.strip()) for t in texts):
        return ""
    distinct = list(dict.fromkeys(texts))
    shown = ", ".join(f"`{t!r}`" for t in distinct[:2])
    return f"{shown}, …" if len(distinct) > 2 else shown


def _binds(statement: ast.stmt, name: str) -> bool:
    """``statement`` binds ``name`` anywhere in it other than as its own `name = value` (a loop,
    an unpacking, `+=`, a `with … as`, a `def`, an import, an assignment in a block)."""
    for node in ast.walk(statement):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            if getattr(node, "name", None) == name:
                return True
        elif isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            if not (isinstance(statement, ast.Assign) and node in statement.targets):
                return True
        elif isinstance(node, ast.alias) and (node.asname or node.name.split(".")[0]) == name:
            return True
    return False
