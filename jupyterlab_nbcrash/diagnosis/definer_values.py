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
    all_plain = True  # a call's value (`functools.partial(...)`) may be a function after all
    for cell in definers:
        assignments = _assignments(cell, name)
        if not assignments or any(isinstance(a.value, ast.Lambda) for a in assignments):
            return ()
        plain = [a for a in assignments if isinstance(a.value, _PLAIN_VALUES)]
        all_plain = all_plain and len(plain) == len(assignments)
        first = first or (plain and (cell, plain[-1]))
    if not first:
        return ()
    cell, statement = first
    value = statement.value
    kind = _KINDS.get(type(value)) or f"a `{type(value.value).__name__}`"
    text = short(ast.get_source_segment(_source_of(cell), statement) or "", 60)
    number = cell.index + 1
    none = " no cell defines it as one and" if all_plain else ""
    hint = (
        f"This line calls `{name}` as a function, but{none} cell {number} sets it to {kind} "
        f"(`{text}`), which cannot be called: call the function you meant (running cell "
        f"{number} first would only make this call fail on {kind})."
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
    found = _first_assignment(
        definers, name, lambda cell, statement: _one_name_swapped(value, statement.value, name)
    )
    if found is None:
        return ()
    cell, statement, text = found
    other = _one_name_swapped(value, statement.value, name)
    hint = (
        f"This line sets `{name}` from `{name}` itself, which has no value yet, and cell "
        f"{cell.index + 1} has the same line with `{other}` there (`{text}`): if `{other}` is "
        f"meant, write it here; if this line should build on that cell's `{name}`, run cell "
        f"{cell.index + 1} first."
    )
    return cell, hint, f"{cell_name(cell)} has the same line with `{other}`: `{text}`"


def retyped_in_the_next_run(line: str, name: str, crash: Cell, cells: list[Cell]) -> tuple:
    """(cell, other name) when the cell whose saved count follows the crash's (the user's very
    next run) holds the failing ``line`` with one other name where it reads ``name``, and ran
    without an error (`t[1:4]` failed at [13], `tu[1:4]` ran at [14]): the user retyped the
    name, which says the line meant that one. Else (), and when another cell shows the count
    [k] or [k+1] too (the saved counts of several sessions)."""
    count = crash.execution_count
    failing = python_tree(line.strip()) if count else None
    if failing is None or len(failing.body) != 1:
        return ()
    mine = failing.body[0]
    if _is_assignment_to(mine, name):
        return ()  # `z = z + y` beside `z = x + y`: it may build on `z` (both readings, above)
    counts = [c.execution_count for c in cells]
    if counts.count(count) > 1 or counts.count(count + 1) > 1:
        # counts of several kernel sessions: which [k+1] followed this [k] is not known
        return ()
    for cell in cells:
        if cell is crash or cell.execution_count != count + 1 or cell.error is not None:
            continue
        tree = python_tree(_source_of(cell))
        for statement in tree.body if tree is not None else ():
            other = _one_name_swapped(mine, statement, name)
            if other:
                return cell, other
    return ()


def _first_assignment(cells: list[Cell], name: str, keep) -> tuple[Cell, ast.Assign, str] | None:
    """The first `name = value` statement of ``cells`` that ``keep(cell, statement)`` accepts,
    with its cell and its text (shortened); None when none does."""
    for cell in cells:
        for statement in _assignments(cell, name) or ():
            if keep(cell, statement):
                text = ast.get_source_segment(_source_of(cell), statement) or ""
                return cell, statement, short(text, 60)
    return None


def updated_before_its_maker(
    line: str, name: str, definers: list[Cell], crash_index: int
) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the failing line updates ``name`` from itself
    (`img = cv2.drawContours(img, …)`: it means a value made before it), every definer lies
    below the crash cell, and the nearest that makes ``name`` afresh computes it from other
    values (`img = cv2.imread('hand.jpg')`, no start value such as `z = ''`): that cell's value
    may be a later step's, not the one this line updates (both readings). Else ()."""
    tree = python_tree(line.strip())
    if tree is None or len(tree.body) != 1 or not _is_assignment_to(tree.body[0], name):
        return ()
    if name not in _names_in(tree.body[0].value, ast.Load):
        return ()
    if any(cell.index < crash_index for cell in definers):
        return ()
    found = _first_assignment(
        sorted(definers, key=lambda c: c.index),
        name,
        lambda cell, statement: name not in _names_in(statement.value, ast.Load),
    )
    if found is None or isinstance(found[1].value, _PLAIN_VALUES):
        # a start value (`z = ''`, `total = 0`) is what such a line builds on: run it first
        return ()
    cell, _statement, text = found
    hint = (
        f"This line updates `{name}` from `{name}` itself, but no cell above sets it; cell "
        f"{cell.index + 1}, below, makes it (`{text}`): if that is the `{name}` meant, run it "
        f"first; else set `{name}` above this line to the value it should update."
    )
    return cell, hint, f"{cell_name(cell)}, below, makes `{name}`: `{text}`"


def made_from_an_unread_name(
    crash: Cell | None, lineno: int, name: str, definers: list[Cell]
) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the crash cell assigns a name above its failing line
    (line ``lineno``) and never reads it (`r = requests.get(url)`), and a definer holds that
    same statement and then makes ``name`` from that very name (`x = r.json()`): another version
    of this cell, so the failing line may mean this cell's own value, mistyped, or that
    definer's result (both readings). Else ()."""
    tree = _tree(crash.source) if crash is not None and lineno > 0 else None
    if tree is None or name in _names_in(tree, ast.Store):
        return ()
    read = _names_in(tree, ast.Load)
    unread = {
        statement.targets[0].id: ast.dump(statement)
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
        and statement.targets[0].id not in read
        and statement.end_lineno < lineno
    }
    if not unread:
        return ()

    def repeats_and_builds_on(cell: Cell, statement: ast.Assign) -> bool:
        # the definer holds the very statement that assigns the one unread name it builds on
        theirs = _tree(cell.source)
        shared = {ast.dump(s) for s in theirs.body} if theirs else set()
        used = [n for n in _names_in(statement.value, ast.Load) if n in unread]
        return len(used) == 1 and unread[used[0]] in shared

    found = _first_assignment(definers, name, repeats_and_builds_on)
    if found is None:
        return ()
    cell, statement, text = found
    other = next(n for n in _names_in(statement.value, ast.Load) if n in unread)
    number = cell.index + 1
    hint = (
        f"This cell assigns `{other}` as cell {number} does, but never reads it, and cell "
        f"{number} makes `{name}` from it (`{text}`): if this line means this cell's `{other}`, "
        f"write `{other}` here; if it needs that cell's `{name}`, run cell {number} first."
    )
    return (
        cell,
        hint,
        f"{cell_name(cell)} has this cell's `{other} = …` and makes `{name}`: `{text}`",
    )


def _names_in(node: ast.AST, context: type) -> set[str]:
    """The names ``node`` stores (``ast.Store``) or reads (``ast.Load``)."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, context)}


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


# Nodes whose bodies are scopes of their own: what they bind is no name of the cell's top level.
_SCOPES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _top_level_nodes(tree: ast.Module) -> list[ast.AST]:
    """The nodes of the cell's own scope: not those inside a `def`, class, lambda or
    comprehension (a `def`'s own node is one, with its name)."""
    nodes, stack = [], list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        nodes.append(node)
        if not isinstance(node, _SCOPES):
            stack.extend(ast.iter_child_nodes(node))
    return nodes


def _top_level_bindings(tree: ast.Module, name: str) -> set[str]:
    """How the cell binds ``name`` at its top level: "loop" (a `for` target), "other" (any
    other way), an empty set when it does not."""
    nodes = _top_level_nodes(tree)
    loop_targets = {
        id(n)
        for node in nodes
        if isinstance(node, ast.For | ast.AsyncFor)
        for n in ast.walk(node.target)
        if isinstance(n, ast.Name)
    }
    kinds = set()
    for node in nodes:
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            kinds.add("loop" if id(node) in loop_targets else "other")
        elif _bound_name(node) == name:
            kinds.add("other")
    return kinds


def _bound_name(node: ast.AST) -> str:
    """The name a `def`, class, import alias or `except … as` binds, "" for other nodes."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name
    if isinstance(node, ast.alias):
        return node.asname or node.name.split(".")[0]
    if isinstance(node, ast.ExceptHandler):
        return node.name or ""
    return ""


def read_from_another_cells_loop(
    name: str, function: str, definers: list[Cell]
) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when a function of the user's (``function``, as the traceback
    names it) reads ``name``, which every definer binds only as its own `for` loop's variable
    (`for batch_num in range(n):`): the function reads a value it was never given, and running
    that cell first would leave it only the loop's last value. Else ()."""
    if not definers or function in ("", "<module>") or function.startswith("<"):
        return ()
    for cell in definers:
        tree = _tree(cell.source)
        if tree is None or _top_level_bindings(tree, name) != {"loop"}:
            return ()
    short_name = function.rsplit(".", 1)[-1]
    cells = " and ".join(f"cell {c.index + 1}" for c in definers[:2])
    more = " (and others)" if len(definers) > 2 else ""
    hint = (
        f"`{name}` is read inside `{function}()`, which neither takes it as a parameter nor "
        f"assigns it, and {cells}{more} bind it only as a loop's variable (`for {name} in …`). "
        f"Make `{name}` a parameter of `{short_name}` and pass it in the call: running such a "
        "cell first would leave only the loop's last value."
    )
    why = f"{cell_name(definers[0])} binds `{name}` only as its `for` loop's variable"
    return definers[0], hint, why


def local_read_below_its_def(crash: Cell, name: str, lineno: int | None) -> tuple[str, str]:
    """(hint, evidence) when the crash cell's failing top-level statement comes right after a
    `def` of the same cell whose body assigns ``name``, and the cell binds ``name`` nowhere at
    its top level: the lines that read it lost their indentation and fell out of the function
    (`print(y)` under `def loader(): for y in data: ...`). Else ()."""
    tree = _tree(crash.source) if lineno else None
    if tree is None or _top_level_bindings(tree, name):
        return ()
    body = tree.body
    at = next(
        (i for i, s in enumerate(body) if s.lineno <= lineno <= (s.end_lineno or s.lineno)), 0
    )
    before = body[at - 1] if at else None
    if not isinstance(before, ast.FunctionDef | ast.AsyncFunctionDef):
        return ()
    assigned = any(
        isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
        for n in ast.walk(before)
    )
    if not assigned:
        return ()
    first = short((_source_of(crash).splitlines() or [""])[body[at].lineno - 1].strip(), 40)
    a = before.args
    takes = a.posonlyargs or a.args or a.kwonlyargs or a.vararg or a.kwarg
    function, call = before.name, f"{before.name}({'...' if takes else ''})"
    hint = (
        f"`{name}` exists only inside `{function}()`, whose body assigns it, and the code from "
        f"`{first}` on is outside that function (not indented under it). If it belongs to the "
        f"function, indent it into the body and call `{call}`; if not, return "
        f"`{name}` from the function and use the result."
    )
    return hint, f"this cell assigns `{name}` only inside `{function}()`, right above the line"


def imported_only_in_a_def(crash: Cell, name: str, lineno: int | None) -> tuple[str, str]:
    """(hint, evidence) when the crash cell's failing statement is top-level code, the cell
    binds ``name`` nowhere at its top level, and a `def` of the cell above that statement
    imports it in its body (`def area(r): import math …` then `math.sqrt(10)`): an import in
    a function binds the name in that function only, whatever other cells import. Else ()."""
    tree = _tree(crash.source) if lineno else None
    if tree is None or _top_level_bindings(tree, name):
        return ()
    for statement in tree.body:
        if statement.lineno > lineno:
            break
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if lineno <= (statement.end_lineno or statement.lineno):
            return ()  # the failing line is in this function: its own import story
        found = next(
            (
                node
                for node in ast.walk(statement)
                if isinstance(node, ast.Import | ast.ImportFrom)
                and any(_bound_name(alias) == name for alias in node.names)
            ),
            None,
        )
        if found is not None:
            text = short(ast.get_source_segment(_source_of(crash), found) or "", 50)
            hint = (
                f"`{name}` is imported only inside `{statement.name}()`, and an import in a "
                f"function binds the name in that function only: put `{text}` at the top of "
                "this cell, outside the function."
            )
            return hint, f"this cell imports `{name}` only inside `{statement.name}()`"
    return ()


def loop_over_another_variable(
    crash: Cell, name: str, lineno: int | None, definers: list[Cell]
) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the failing line lies in a top-level `for` loop of the
    crash cell whose variable is another plain name (`for point in range(n): … iloc[i]`), the
    cell binds ``name`` nowhere at its top level, and every definer binds ``name`` only as its
    own `for` loop's variable: running that cell first would leave the other loop's last value
    in every pass of this one. Else ()."""
    tree = _tree(crash.source) if lineno and definers else None
    if tree is None or _top_level_bindings(tree, name):
        return ()
    loop = next(
        (
            s
            for s in tree.body
            if isinstance(s, ast.For) and s.body[0].lineno <= lineno <= (s.end_lineno or 0)
        ),
        None,
    )
    if loop is None or not isinstance(loop.target, ast.Name) or loop.target.id == name:
        return ()
    for cell in definers:
        other = _tree(cell.source)
        if other is None or _top_level_bindings(other, name) != {"loop"}:
            return ()
    own = loop.target.id
    hint = (
        f"This cell's loop runs over `{own}` (`for {own} in …`), but the line reads `{name}`, "
        f"which cell {definers[0].index + 1} sets only as its own loop's variable: if the line "
        f"means this loop's current value, write `{own}` (or loop with `for {name} in …`); "
        "running that cell first would give every pass its last value."
    )
    why = f"{cell_name(definers[0])} binds `{name}` only as its `for` loop's variable"
    return definers[0], hint, why


# The Python type of a plain value's node: what a method read on it is checked against.
_PLAIN_TYPES = {
    ast.Tuple: tuple,
    ast.List: list,
    ast.Dict: dict,
    ast.Set: set,
    ast.JoinedStr: str,
    ast.ListComp: list,
    ast.DictComp: dict,
    ast.SetComp: set,
}


def method_missing_on_value(
    line: str, name: str, definers: list[Cell], cells: list[Cell]
) -> tuple[Cell, str, str]:
    """(definer, hint, evidence) when the failing line reads `name.attr` and every definer sets
    ``name`` to a plain value, or to the result of a function of ``cells`` that returns a
    variable it sets to one (`model = build_model(3)`, whose `model = {}` it returns), whose
    type has no `attr`: running that cell first only turns this NameError into an
    AttributeError. Else ()."""
    tree = python_tree(line.strip())
    read = sorted(
        node.attr
        for node in (ast.walk(tree) if tree is not None else ())
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == name
    )
    if not read or not definers:
        return ()
    kinds = []
    for cell in definers:
        for statement in _assignments(cell, name) or [None]:
            kind = _plain_type(statement.value, cells) if statement is not None else None
            if kind is None:
                return ()
            kinds.append((cell, statement, kind))
    missing = next((a for a in read if all(not hasattr(k, a) for _c, _s, k in kinds)), "")
    if not missing:
        return ()
    cell, statement, kind = kinds[0]
    text = short(ast.get_source_segment(_source_of(cell), statement) or "", 50)
    hint = (
        f"The `{name}` of cell {cell.index + 1} (`{text}`) is a {kind.__name__}, which has no "
        f"`.{missing}`: running that cell first would only turn this error into an "
        f"AttributeError; this line needs the object that has `.{missing}`, made before it."
    )
    return cell, hint, f"{cell_name(cell)} sets `{name}` to a {kind.__name__}"


def _plain_type(value: ast.expr, cells: list[Cell]) -> type | None:
    """The type of a plain value, or of what a call of the notebook's own function returns when
    it returns a name it sets to a plain value (and to nothing else); None when not known."""
    if isinstance(value, ast.Constant):
        return type(value.value)
    if type(value) in _PLAIN_TYPES:
        return _PLAIN_TYPES[type(value)]
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)):
        return None
    function = value.func.id
    defs = [
        node
        for cell in cells
        if function in cell.source
        for node in ast.walk(_tree(cell.source) or ast.Module(body=[], type_ignores=[]))
        if isinstance(node, ast.FunctionDef) and node.name == function
    ]
    if len(defs) != 1:
        return None
    returned = {
        node.value.id if isinstance(node.value, ast.Name) else ""
        for node in ast.walk(defs[0])
        if isinstance(node, ast.Return)
    }
    if len(returned) != 1 or "" in returned:
        return None
    variable = returned.pop()
    values = [
        node.value
        for node in ast.walk(defs[0])
        if isinstance(node, ast.Assign) and _is_assignment_to(node, variable)
    ]
    bound = [
        node
        for node in ast.walk(defs[0])
        if isinstance(node, ast.Name) and node.id == variable and isinstance(node.ctx, ast.Store)
    ]
    if not values or len(bound) != len(values):
        return None  # also bound by a loop, an unpacking or `+=`: its value is not known
    types = {_PLAIN_TYPES.get(type(v)) for v in values}
    return types.pop() if len(types) == 1 and None not in types else None
