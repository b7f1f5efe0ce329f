"""What the cells that define a NameError's name bind it to, read from their statements: a plain
value the failing line calls as a function, or the failing line itself retyped with another name
where it read its own target. Either way, running that cell first is not the whole cure."""

from __future__ import annotations

import ast

from .cells import python_tree, to_python
from .finding import cell_name, short
from .record import Cell

# Values no call can be made on: `x = (a, b)`, `x = [..]`, `x = 3`, `x = f"..."`.
_PLAIN_VALUES = (
    ast.Tuple,
    ast.List,
    ast.Dict,
    ast.Set,
    ast.Constant,
    ast.JoinedStr,
    ast.ListComp,
    ast.DictComp,
    ast.SetComp,
)
_KINDS = {
    ast.Tuple: "a tuple",
    ast.List: "a list",
    ast.Dict: "a dict",
    ast.Set: "a set",
    ast.JoinedStr: "a string",
    ast.ListComp: "a list",
    ast.DictComp: "a dict",
    ast.SetComp: "a set",
}


def _tree(source: str) -> ast.Module | None:
    code, _dynamic, _defs = to_python(source)
    return python_tree(code) if code else None


def _assignments(cell: Cell, name: str) -> list[ast.Assign] | None:
    """The cell's top-level `name = value` statements; None when the cell binds ``name`` in any
    other way too (a `def`, an import, a loop, an unpacking) or does not parse."""
    tree = _tree(cell.source)
    if tree is None:
        return None
    found = []
    for statement in tree.body:
        if _is_assignment_to(statement, name):
            found.append(statement)
            continue
        if _binds_otherwise(statement, name):
            return None
    return found


def _binds_otherwise(statement: ast.stmt, name: str) -> bool:
    """``statement`` binds ``name`` other than as `name = value` (an unpacking, a loop, a
    `def`, a `class`, an import)."""
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            return True
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            if node.name == name:
                return True
        elif isinstance(node, ast.alias) and (node.asname or node.name.split(".")[0]) == name:
            return True
    return False


def called_plain_value(line: str, name: str, definers: list[Cell]) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the failing line calls ``name(...)``, no
    definer makes it a function (`def`, `lambda`, an import: only `name = value` statements)
    and one sets it to a plain value (`concat_data = (a, b)`): running that one first turns
    this NameError into "'tuple' object is not callable". Else ()."""
    tree = python_tree(line.strip())
    calls = tree is not None and any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
        for node in ast.walk(tree)
    )
    if not calls or not definers:
        return ()
    first = None
    for cell in definers:
        assignments = _assignments(cell, name)
        if not assignments or any(isinstance(a.value, ast.Lambda) for a in assignments):
            return ()
        plain = [a for a in assignments if isinstance(a.value, _PLAIN_VALUES)]
        first = first or (plain and (cell, plain[-1]))
    if not first:
        return ()
    cell, statement = first
    value = statement.value
    kind = _KINDS.get(type(value)) or f"a `{type(value.value).__name__}`"
    text = short(ast.get_source_segment(_source_of(cell), statement) or "", 60)
    number = cell.index + 1
    hint = (
        f"This line calls `{name}` as a function, but no cell defines it as one and cell "
        f"{number} sets it to {kind} (`{text}`), which cannot be called: call the function you "
        f"meant (running cell {number} first would only make this call fail on {kind})."
    )
    return cell, hint, f"{cell_name(cell)} sets `{name}` to {kind}, and this line calls it"


def _source_of(cell: Cell) -> str:
    return to_python(cell.source)[0]


def retyped_self_reference(line: str, name: str, definers: list[Cell]) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the failing line sets ``name``
    from itself (`z = z + y`) and a definer has the same statement with another name in that
    place (`z = x + y`): the line may be that one mistyped, or meant to build on its result
    (both readings). Else ()."""
    tree = python_tree(line.strip())
    if tree is None or len(tree.body) != 1 or not _is_assignment_to(tree.body[0], name):
        return ()
    value = tree.body[0].value
    if not any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value)):
        return ()
    for cell in definers:
        for statement in _assignments(cell, name) or ():
            other = _one_name_swapped(value, statement.value, name)
            if other:
                text = short(ast.get_source_segment(_source_of(cell), statement) or "", 60)
                hint = (
                    f"This line sets `{name}` from `{name}` itself, which has no value yet, and "
                    f"cell {cell.index + 1} has the same line with `{other}` there (`{text}`): "
                    f"if `{other}` is meant, write it here; if this line should build on that "
                    f"cell's `{name}`, run cell {cell.index + 1} first."
                )
                return cell, hint, f"{cell_name(cell)} has the same line with `{other}`: `{text}`"
    return ()


def _is_assignment_to(statement: ast.stmt, name: str) -> bool:
    return (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id == name
    )


def _one_name_swapped(mine: ast.expr, theirs: ast.expr, name: str) -> str:
    """The one name ``theirs`` reads wherever ``mine`` reads ``name``, when the two expressions
    are otherwise the same; else ""."""
    ours, others = list(ast.walk(mine)), list(ast.walk(theirs))
    if len(ours) != len(others):
        return ""
    swapped = set()
    for a, b in zip(ours, others, strict=True):
        if type(a) is not type(b):
            return ""
        if isinstance(a, ast.Name):
            if a.id == name and b.id != name:
                swapped.add(b.id)
            elif a.id != b.id:
                return ""
        elif _differs_in_place(a, b):
            return ""
    return swapped.pop() if len(swapped) == 1 else ""


def _differs_in_place(a: ast.AST, b: ast.AST) -> bool:
    """Two nodes of one type that differ in what they hold: a constant's value, an attribute's
    name, a keyword's name."""
    if isinstance(a, ast.Constant):
        return a.value != b.value
    if isinstance(a, ast.Attribute | ast.keyword):
        return getattr(a, "attr", None) != getattr(b, "attr", None) or getattr(
            a, "arg", None
        ) != getattr(b, "arg", None)
    return False
