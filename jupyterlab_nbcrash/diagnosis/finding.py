"""The notebook analysis's verdict on a crash, and the phrases its live and saved halves share.

``notebook.py`` judges a crash from the kernel session's history, ``saved.py`` from a saved file's
execution counts and error outputs; both answer with a ``NotebookFinding`` built here, so a cell is
named, and a never-run definer explained, the same way in both.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass

from .cells import analyse_cell, python_tree, to_python
from .definitions import case_twin, imports_name
from .record import Cell

NOTEBOOK = "notebook_specific"
OUT_OF_ORDER = "out_of_order_execution"
PREVIOUS_ERROR = "previous_cell_error"
IMPLEMENTATION = "implementation_error"

# The finer notebook causes (``NotebookFinding.kind``): the taxonomy has two ids, the user's fix
# differs between these.
KIND_PREVIOUS_ERROR = "previous_error"  # a cell that should have set the state failed
KIND_OUT_OF_ORDER = "out_of_order"  # a cell not run (yet), run later, or run below and changing
KIND_RERUN = "rerun"  # a cell that changes state in place ran more than once
KIND_RESTART = "restart"  # the state came from a kernel session before a restart

DECIDED_LIVE = "root cause decided from the notebook's cells and execution history"
DECIDED_SAVED = "root cause decided from the saved notebook's cells, execution counts and errors"


@dataclass(frozen=True)
class NotebookFinding:
    """What the notebook says about a crash; ``decisive`` findings override the text model."""

    root_cause: str
    notebook_cause: str | None
    decisive: bool
    hint: str
    evidence: tuple[str, ...] = ()
    related_cell: dict | None = None  # {"id", "index", "execution_count"} for "Go to cell"
    kind: str = ""  # one of the KIND_* above when the finding names a notebook cause


def cell_name(cell: Cell, count: int | None = None) -> str:
    count = cell.execution_count if count is None else count
    return f"cell {cell.index + 1}{count_label(count)}"  # "cell 3 [7]", as the panel labels cells


def count_label(count: int | None) -> str:
    return f" [{count}]" if count is not None else ""


def related(cell: Cell) -> dict:
    return {"id": cell.id, "index": cell.index, "execution_count": cell.execution_count}


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def finding(
    root: str,
    cause: str | None,
    decisive: bool,
    hint: str,
    evidence,
    cell=None,
    *,
    kind: str = "",
    decided: str = DECIDED_LIVE,
) -> NotebookFinding:
    if decisive:  # say why this overrides the text model
        evidence = [*evidence, decided]
    return NotebookFinding(
        root_cause=root,
        notebook_cause=cause,
        decisive=decisive,
        hint=hint,
        evidence=tuple(evidence),
        related_cell=related(cell) if cell is not None else None,
        kind=kind,
    )


def nearest(nb, cells: list[Cell], name: str = "") -> Cell:
    """The definer the code most likely relies on: the nearest above the crash, else the first.
    With ``name``, a cell that creates it comes before one that only changes it (`df =
    df.interpolate()` needs `df` already): running the latter first cannot define it."""
    if name:
        cells = [c for c in cells if creates(nb, c, name)] or cells
    above = [c for c in cells if nb.is_above(c)]
    return above[-1] if above else cells[0]


def creates(nb, cell: Cell, name: str) -> bool:
    """``cell`` binds ``name`` before (not from) reading it."""
    names = nb.names(cell)
    used, bound = names.use_lines.get(name), names.def_lines.get(name)
    return bound is not None and (used is None or used > bound)


def not_run(nb, name: str, cell: Cell, evidence: list[str], why: str, decided=DECIDED_LIVE):
    """`name` is defined in ``cell``, which did not run: run it first (and where it is). None
    when ``cell``, below, redoes the crash cell's own work (no step to run before it)."""
    if not creates(nb, cell, name):
        # `flightdata = flightdata[...]` reads the name before binding it: run, it fails alike
        return None
    above = nb.is_above(cell)
    if above is False and redoes_the_crash_cell(nb, cell):
        return None  # another version of this cell's whole work: no step to run before it
    place = {True: "above", False: "below"}.get(above, "elsewhere")
    evidence.append(f"{cell_name(cell)} is {place} {nb.where()} and {why}")
    hint = f"Run cell {cell.index + 1} first: it defines `{name}`"
    if above:
        hint += " (it is above this cell but was skipped; Run All Above runs every cell above)."
    elif above is False and _import_of(cell.source, name):
        # an import in a later cell (often another script): this cell needs the import itself
        statement = _import_of(cell.source, name)
        hint = (
            f"`{name}` is imported in cell {cell.index + 1}, below this one, which has not run: "
            f"add `{statement}` to this cell (or above it)."
        )
    elif past_cells_that_ran(nb, cell) and (unkept := unkept_fit(nb, name)):
        # `history.history` read, and a cell above trains without keeping what `fit` returns
        fitted, call = unkept
        evidence.append(f"{cell_name(fitted)} calls `{call}` without keeping its result")
        hint = (
            f"`{name}` should hold what `{call}(...)` returns, and cell {fitted.index + 1} "
            f"calls it without keeping it: write `{name} = {call}(...)` there and run it again."
        )
    elif past_cells_that_ran(nb, cell):
        # the cells between ran and this one did not: another part of the notebook, whose
        # `name` may be another object than the one this cell needs (both readings)
        if len(name) == 1:
            return None  # `x`, `y` there are a plot's or a loop's of another part: a guess
        hint = another_part_hint(cell, name)
    elif above is False:
        hint += ". Then consider moving it above this cell, so the notebook runs top to bottom."
    else:
        hint += "."
    return finding(
        NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER, decided=decided
    )


# A cell that binds this many of the crash cell's own names, and a third of them at least,
# redoes its work (an alternative pipeline pasted below it), whatever else it makes.
_REDONE_NAMES = 10


def redoes_the_crash_cell(nb, cell: Cell) -> bool:
    """``cell`` binds a good part of what the crash cell itself binds (another version of the
    same pipeline): the name it makes is that version's, and running it "first" runs the whole
    alternative, not a step the crash cell builds on."""
    if nb.crash is None:
        return False
    own = nb.names(nb.crash).defines
    shared = own & nb.names(cell).defines
    return len(shared) >= _REDONE_NAMES and 3 * len(shared) >= len(own)


# `model.fit_generator(train, epochs=5)` as a statement: the History it returns is dropped
_UNKEPT_FIT = re.compile(r"^[ \t]*([A-Za-z_][\w.]*\.fit(?:_generator)?)\(", re.M)


def unkept_fit(nb, name: str) -> tuple[Cell, str] | None:
    """(cell, `model.fit`) when the crash cell reads `name.history` (Keras's History) and the
    nearest cell above that trains a model (`epochs`) calls `.fit(...)` without assigning its
    result; None when that cell keeps it."""
    if nb.crash is None or f"{name}.history" not in nb.crash.source:
        return None
    trains = [c for c in nb.cells if ".fit" in c.source and nb.is_above(c)]
    # Keras's training (its `epochs`, `fit_generator`), not a scaler's or estimator's `fit`
    for c in reversed([c for c in trains if "epochs" in c.source or "_generator(" in c.source]):
        # the model's own call (its `epochs`), not `scaler.fit(X)` a line above it
        found = next((m for m in _UNKEPT_FIT.finditer(c.source) if _trains(c.source, m)), None)
        return (c, found.group(1)) if found else None
    return None


def _trains(source: str, call: re.Match) -> bool:
    """The `.fit(` call ``call`` found in ``source`` is Keras's training: a `fit_generator`, or
    `epochs` among its arguments (up to its closing parenthesis)."""
    if call.group(1).endswith("_generator"):
        return True
    depth, end = 1, call.end()
    while end < len(source) and depth:
        depth += {"(": 1, ")": -1}.get(source[end], 0)
        end += 1
    return "epochs" in source[call.end() : end]


def another_part_hint(cell: Cell, name: str) -> str:
    """Both readings of a definer below the crash, past cells that ran: the value this cell
    needs, or another part's own `name`."""
    return (
        f"`{name}` is assigned in cell {cell.index + 1}, below this one and past cells that "
        f"ran without it: if that `{name}` is the one meant here, run it first (and move it "
        f"above this cell); else create `{name}` before this line."
    )


def ran_down_the_page_to(nb, cell: Cell) -> bool:
    """``cell`` is below the crash cell, and every code cell between them that shows a count
    ran after the crash and before ``cell`` (one at least): the notebook was run on down the
    page, and ``cell`` is a later part of it, not a step skipped."""
    if not past_cells_that_ran(nb, cell) or not nb.crash.execution_count:
        return False
    low, high = nb.crash.execution_count, cell.execution_count or 0
    between = [c for c in nb.cells if nb.crash.index < c.index < cell.index and c.execution_count]
    return all(low < c.execution_count < high for c in between)


def past_cells_that_ran(nb, cell: Cell) -> bool:
    """``cell`` is below the crash cell, and a code cell between them shows a run."""
    if nb.is_above(cell) is not False:
        return False
    low, high = nb.crash.index, cell.index
    return any(low < c.index < high and c.execution_count for c in nb.cells)


def _import_of(source: str, name: str) -> str:
    """The one-line import statement of ``source`` that binds ``name``, or ""."""
    for line in source.splitlines():
        if len(line) <= 80 and imports_name(line, name):
            return line.strip()
    return ""


def weigh_change(
    nb, cell: Cell, info, mutation, keys, is_key: bool, checks: bool, via, why: str, inferred=False
):
    """(decisive, key_match, evidence) of a change by ``cell`` that may explain the crash.

    Decisive when the missing key is written in the changing cell, when the crash checks a shape
    or an assert (exactly what a repeated change breaks), or when the crashing cell changed the
    name itself; a re-run of the crashing cell that is only ``inferred`` from saved counts needs
    its failing statement to be the change. ``via`` = (name, cell) when the changed name feeds
    the one used here."""
    key_match = is_key and any(k in info.strings for k in keys)
    shape = checks and mutation.kind != "del"
    if cell is nb.crash and inferred:
        # A re-run of the crashing cell that only its saved counts suggest explains the crash
        # only when its failing statement is that change (or the message names what it
        # changed): a key or a shape check alone is as likely a bug of every run (five of five
        # such hints were wrong on real saved notebooks).
        decisive = via is None and (
            _fails_on(nb, mutation)
            or (key_match and _is_failing_statement(nb, mutation))
            or _removes_missing_key(mutation, keys)
        )
    else:
        decisive = (
            key_match or shape or (cell is nb.crash and via is None and _fails_on(nb, mutation))
        )
    evidence = [why, f"`{short(mutation.text, 60)}` ({mutation.kind})"]
    if via is not None:
        evidence.append(f"`{via[0]}` comes from `{mutation.name}` ({cell_name(via[1])})")
    if key_match:
        evidence.append(f"the missing key {sorted(keys & info.strings)[0]!r} appears in that cell")
    return decisive, key_match, evidence


def _fails_on(nb, mutation) -> bool:
    """The crash cell's change is what failed: the failing line is the changing statement
    itself (`df.drop('a', inplace=True)`, `X = X.values`), or the message names the changed
    name, or a type error follows a statement that rebinds the name from itself. Otherwise the
    error would come on every run as well, and a re-run explains nothing."""
    type_error = getattr(nb, "error_name", "") in _TYPE_ERRORS
    if re.match(rf"\s*{re.escape(mutation.name)}\s*\[", mutation.text):
        # `X[cols] = f(X[cols])` stores into the object: a second run stores the same again
        return bool(re.search(rf"'{re.escape(mutation.name)}'", getattr(nb, "error_message", "")))
    if _is_failing_statement(nb, mutation):
        # `df.drop('a', inplace=True)`, `del d['k']` fail on what their last run removed;
        # `x += f(x)`, `W = step(W)` fail in the call as well on a first run, unless the
        # object became another kind (`X = X.values` twice). A missing key that the cell
        # names is weighed apart (`key_match`).
        if type_error and (
            _called_but_never_callable(nb, mutation) or _calls_itself_for_a_class(nb, mutation)
        ):
            return False
        return mutation.kind in ("inplace", "del") or (type_error and _self_narrowing(mutation))
    if mutation.kind == "reassign" and type_error and _self_narrowing(mutation):
        # `rows = rows[0]` then `rows[0]`: a second run makes it another kind of object
        return True
    return bool(re.search(rf"'{re.escape(mutation.name)}'", getattr(nb, "error_message", "")))


def _removes_missing_key(mutation, keys) -> bool:
    """The change removes the very key that is missing (`y = df.pop("default")` below a failing
    `df.drop("default", axis=1)`): its last run took it away."""
    return bool(
        keys
        and re.search(r"\.(?:pop|drop)\(|^\s*del\b", mutation.text)
        and any(repr(k)[1:-1] in mutation.text for k in keys)
    )


def _is_failing_statement(nb, mutation) -> bool:
    """The failing line is the changing statement itself (`d.pop('a')` fails on its re-run)."""
    line = " ".join((nb.failing_line or "").split())
    change = " ".join(mutation.text.split())[:60]
    # `y = credit_df.pop("default")`: the change may be the call inside an assignment
    return bool(line and change and (line.startswith(change) or f"= {change}" in line))


def _self_narrowing(mutation) -> bool:
    """`X = X.values`, `rows = rows[0]`, `s = s.split()`: the name becomes a part or another
    form of itself, so a second run applies the step to its result (another kind of object).
    `h = h - lr * h.grad` or `y = f(y)` fail the same way on a first run."""
    name = re.escape(mutation.name)
    step = r"(?:\.\w+|\[[^\[\]]*\]|\(\s*[^()]*\))"
    return bool(re.match(rf"\s*{name}\s*=\s*{name}\s*{step}+\s*$", mutation.text))


def _called_but_never_callable(nb, mutation) -> bool:
    """`df = df(mask)` failing with "'DataFrame' object is not callable": a second run explains
    that only if `df` once held a function, and no cell defines one by that name."""
    name = re.escape(mutation.name)
    if "not callable" not in getattr(nb, "error_message", "") or not re.search(
        rf"(?<![\w.]){name}\s*\(", mutation.text.split("=", 1)[-1]
    ):
        return False
    defines = re.compile(rf"^\s*(?:def|class)\s+{name}\b|^\s*{name}\s*=\s*lambda\b", re.M)
    return not any(defines.search(c.source) for c in getattr(nb, "cells", ()))


def _calls_itself_for_a_class(nb, mutation) -> bool:
    """`model = model(inputs=…, outputs=…)` with `Model` imported: the call meant the class
    whose name differs only in case, and fails the same way on a first run as on a re-run."""
    name = mutation.name
    if not re.match(rf"\s*{re.escape(name)}\s*=\s*{re.escape(name)}\s*\(", mutation.text):
        return False
    return bool(case_twin(name, [c.source for c in getattr(nb, "cells", ())]))


# Errors about what kind of object a name holds: what a repeated `x = x[0]` changes.
_TYPE_ERRORS = frozenset({"TypeError", "AttributeError", "IndexError"})


def deleted_hint(cell: Cell, name: str, nb=None) -> str:
    """The hint when ``cell``'s `del name` ran after `name` was defined. "Run the cells in
    order" mends it only when that order does not delete it again: not when, on the page, the
    `del` lies below the last cell above the crash that defines the name and above the crash
    (`a = 1`, then `del a`, then `print(a)`): that definer is to be run again after it."""
    definer = _redefined_by(nb, cell, name) if nb is not None else None
    if definer is not None:
        return (
            f"Cell {cell.index + 1} deletes `{name}` (`del {name}`) after cell "
            f"{definer.index + 1} defines it, and both lie above this cell, so running the cells "
            f"in order deletes it again: run cell {definer.index + 1} again right before this "
            "one, or remove the `del`."
        )
    return (
        f"Cell {cell.index + 1} deleted `{name}` (`del {name}`) after it was defined: "
        "restart the kernel and run the cells in order."
    )


def _redefined_by(nb, cell: Cell, name: str) -> Cell | None:
    """The cell that defines ``name`` last above the crash, when the deleting ``cell`` lies
    between it and the crash on the page; else None."""
    crash = getattr(nb, "crash", None)
    if crash is None or cell.index >= crash.index:
        return None
    above = [
        c
        for c in nb.mentioning(name)
        if c is not cell and c.index < crash.index and name in nb.names(c).defines
    ]
    last = max(above, key=lambda c: c.index, default=None)
    return last if last is not None and last.index < cell.index else None


def only_conditional(nb, name: str, cells: list[Cell], evidence: list[str]):
    """The finding when every definer that ran binds ``name`` only under a condition (a code
    problem, not the order), else None."""
    if not all(name in nb.names(c).conditional for c in cells):
        return None
    cell = nearest(nb, cells)
    evidence.append(f"{cell_name(cell)} ran, but assigns `{name}` only under a condition")
    hint = (
        f"Cell {cell.index + 1} assigns `{name}` only inside an if/try/while block that did "
        f"not run: make sure `{name}` is always assigned."
    )
    return finding(IMPLEMENTATION, None, False, hint, evidence, cell)


def key_stores(nb, names, keys):
    """(cell, name, key, evidence) for each other cell that stores a missing key in a name used
    here (`df["y"] = ...`): the cell whose run the KeyError says went wrong."""
    for cell in nb.mentioning(*sorted(names)):
        if cell is nb.crash:
            continue
        stores = {(n, k) for n, k in nb.names(cell).key_stores if n in names and k in keys}
        if stores:
            name, key = sorted(stores)[0]
            sets = f"{cell_name(cell)} sets `{name}[{key!r}]`"
            yield cell, name, key, [f"KeyError {key!r} on `{name}`", sets]


def needs_a_cell_from_the_crash_on(nb, cell) -> bool:
    """``cell`` lies below the crashing cell and reads a name that no cell above the crashing
    one binds, but the crashing cell or one between them does: run first, it would fail too
    (`train['Age'] = train.apply(fill_age)` with `fill_age` defined below the crash)."""
    crash = nb.crash
    if crash is None or cell.index <= crash.index:
        return False
    info = nb.names(cell)
    before = set().union(*(nb.names(c).defines for c in nb.cells if c.index < crash.index))
    wanted = info.uses - info.defines - before - _BUILTINS
    between = (c for c in nb.cells if crash.index <= c.index < cell.index)
    return any(wanted & nb.names(c).defines for c in between)


_BUILTINS = frozenset(dir(builtins))


# The block keyword that makes an assignment conditional, and what its not running means.
_BRANCHES = {
    "try": "inside a `try` block, which failed before assigning it (the cell's output shows why)",
    "except": "only in an `except` branch, which did not run",
    "if": "only in an `if` branch, which did not run",
    "elif": "only in an `elif` branch, which did not run",
    "else": "only in an `else` branch, which did not run",
    "while": "only inside a `while` loop, which did not run",
}


def _loop_only_binding(tree: ast.Module, name: str):
    """The line of the first binding of ``name`` among ``tree``'s module-level statements when
    every such binding sits in a `for` loop's body; else None."""
    found = None

    def visit(node, loop) -> bool:  # False: a binding outside any loop's body
        nonlocal found
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return True  # their own scope
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store):
            if loop is None:
                return False
            found = found or node.lineno
            return True
        if isinstance(node, (ast.For, ast.AsyncFor)):
            # the loop's own variable is bound by the loop statement, whatever its body does
            # (its `else:` runs even when the body never does: it is outside the loop)
            outer = visit(node.target, loop) and visit(node.iter, loop)
            outer = outer and all(visit(child, loop) for child in node.orelse)
            return outer and all(visit(child, node) for child in node.body)
        return all(visit(child, loop) for child in ast.iter_child_nodes(node))

    return found if visit(tree, None) and found else None


def _unrun_loop(cell, above: list[str], name: str, failing: int) -> NotebookFinding | None:
    """The crash cell binds ``name`` above its failing line only inside `for` loops' bodies:
    that assignment did not run (the loop's sequence was empty, or the body skipped it)."""
    try:
        tree = python_tree(to_python("\n".join(above))[0])
    except (RecursionError, MemoryError):
        return None
    bound = _loop_only_binding(tree, name) if tree is not None else None
    if bound is None:
        return None
    line = bound
    evidence = [f"line {line} of {cell_name(cell)} assigns `{name}` only inside a `for` loop"]
    hint = (
        f"`{name}` is assigned on line {line} of this cell only inside a `for` loop, which never "
        f"ran that line (an empty sequence?): make sure `{name}` is assigned before line "
        f"{failing} runs."
    )
    return finding(IMPLEMENTATION, None, True, hint, evidence)


def unrun_branch(nb, name: str, frame) -> NotebookFinding | None:
    """The crash cell binds ``name`` above its failing line only inside a branch (if/try/while),
    and ``frame`` (the cell's top-level frame) fails on reading it: that assignment did not run.
    The cause is in this cell, whatever other cells define."""
    cell = nb.crash
    if cell is None or frame is None or not frame.lineno:
        return None
    lines = cell.source.splitlines()
    failing = frame.lineno
    if not 0 < failing <= len(lines) or lines[failing - 1].strip() != frame.failing_line.strip():
        return None  # the cell was edited since it ran: its lines are not the ones that ran
    above = analyse_cell("\n".join(lines[: failing - 1]))
    if name in above.deletes or not above.parsed:
        return None
    if name not in above.conditional:
        return _unrun_loop(cell, lines[: failing - 1], name, failing)
    line = above.def_lines.get(name, 0)
    if not 0 < line < failing:
        return None
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    block = ""
    for text in reversed(lines[: line - 1]):  # the block the assignment sits in
        stripped = text.lstrip()
        if stripped and not stripped.startswith("#") and len(text) - len(stripped) < indent:
            block = re.match(r"\w*", stripped).group(0)
            break
    where = _BRANCHES.get(block, "only inside a block that did not run or failed before it")
    evidence = [f"line {line} of {cell_name(cell)} assigns `{name}` {where.split(',')[0]}"]
    hint = (
        f"`{name}` is assigned on line {line} of this cell {where}: make sure `{name}` is "
        f"assigned before line {failing} runs."
    )
    return finding(IMPLEMENTATION, None, True, hint, evidence)
