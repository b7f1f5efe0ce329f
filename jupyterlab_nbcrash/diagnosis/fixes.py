"""The one-click fix of a crash, when its cure is mechanical and certain; else None.

``make_fix`` reads what ``diagnose`` already knows (the parsed error, the rules that fired, the
notebook finding, the record's cell code) and returns the ``fix`` of the wire format
(docs/ARCHITECTURE.md, "One-click fixes"): a button title, the edits, whether to re-run. A wrong
fix is worse than none, so each kind states the conditions under which it is sure and refuses
otherwise:

- ``run_first`` / ``go_to_cell``: a decisive notebook finding on a NameError whose defining cell
  did not run (run it, then this one) or failed (go and fix it);
- ``import``: a known name or alias (``np``, ``train_test_split``) that no cell imports;
- ``typo``: a name no cell defines, one slip away from exactly one name the notebook defines or a
  known API name (plus that name's import when no cell imports it);
- ``install``: a missing module nbcrash knows the pip package of (a new ``%pip install`` cell,
  never run by the fix);
- ``removed_api``: a moved module, a removed attribute with a one-name replacement, a renamed
  keyword argument, where the old text is in the cell;
- ``file_path``: a missing file whose name is one slip from exactly one file in its folder, when
  the caller can list the notebook's folder (``folder``; the server can, the record alone not).

``fix_edits.py`` finds the spans and builds the edits.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .finding import KIND_RERUN, OUT_OF_ORDER, PREVIOUS_ERROR, NotebookFinding
from .fix_edits import (
    attribute_spans,
    bound_names,
    code_sha1,
    deletes,
    import_offset,
    is_identifier,
    keyword_spans,
    last_first,
    name_spans,
    read_names,
    replace,
    statement_lines,
    string_spans,
)
from .record import Cell, ErrorRecord
from .rules import RuleMatch
from .rules.arguments import UNEXPECTED_KEYWORD
from .rules.attributes import REMOVED_API
from .rules.files import NOT_FOUND
from .rules.imports import ALIAS_NOT_IMPORTED, MODULE_NOT_FOUND, OPTIONAL_DEPENDENCY, importer
from .rules.module_names import (
    distribution_root,
    dropped_prefix_hint,
    is_known_module,
    package_for,
)
from .rules.names import (
    PY2_BUILTINS,
    UNDEFINED_CLASS,
    UNDEFINED_FUNCTION,
    UNDEFINED_VARIABLE,
    is_class_name,
    is_misspelling,
)
from .rules.tables.known_imports import LIBRARY_NAMES, import_for
from .rules.tables.packages import NOT_MODULES, PIP_NAMES
from .text import close_matches, edit_distance, spelled_alike
from .traceback import ParsedError
from .where import raised_outside_notebook

_UNDEFINED = (UNDEFINED_VARIABLE, UNDEFINED_FUNCTION, UNDEFINED_CLASS, ALIAS_NOT_IMPORTED)
_NAME_ERROR = re.compile(r"name '(\w+)' is not defined")
_PYTHON_SUGGESTS = re.compile(r"Did you mean:? '(\w+)'")
_BUILTINS = frozenset(dir(builtins)) | {"get_ipython", "display", "In", "Out", "exit", "quit"}
_PACKAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")
# Modules a `%pip install` cannot bring (shared prefixes of many packages, Python itself).
_NOT_INSTALLABLE = frozenset({"google", "mpl_toolkits", *NOT_MODULES})


@dataclass(frozen=True)
class _Crash:
    """What the fix builders read about one crash."""

    record: ErrorRecord
    parsed: ParsedError
    matches: dict[str, RuleMatch]
    finding: NotebookFinding | None
    cells: tuple[Cell, ...]

    @property
    def code(self) -> str:
        return self.record.code

    @property
    def cell_id(self) -> str:
        return self.record.cell_id

    def fix(self, title: str, kind: str, edits: list[dict], rerun: bool) -> dict:
        return {
            "title": title,
            "kind": kind,
            "cell_id": self.cell_id,
            "code_sha1": code_sha1(self.code),
            "edits": edits,
            "rerun": rerun,
        }

    def other_cells(self) -> list[Cell]:
        return [c for c in self.cells if c.id != self.cell_id and c.cell_type == "code"]

    def crash_cell(self) -> Cell | None:
        return next((c for c in self.cells if c.id == self.cell_id), None)


def make_fix(
    record: ErrorRecord,
    parsed: ParsedError,
    matches: Sequence[RuleMatch],
    finding: NotebookFinding | None,
    folder: Callable[[str], list[str] | None] | None = None,
) -> dict | None:
    """The fix of this crash (the wire format's ``fix``), or None when its cure needs judgment.

    ``folder(relative)`` lists the names in a folder given relative to the notebook's folder
    (None when it cannot); without it there is no ``file_path`` fix."""
    if not record.code.strip() or not record.cell_id:
        return None  # nothing the frontend could check the fix against
    crash = _Crash(
        record=record,
        parsed=parsed,
        matches={m.rule: m for m in matches},
        finding=finding,
        cells=record.notebook.cells if record.notebook is not None else (),
    )
    for build in (_notebook_fix, _name_fix, _install_fix, _removed_api_fix):
        fix = build(crash)
        if fix is not None:
            return fix
    return _file_fix(crash, folder) if folder is not None else None


# ------------------------------------------------------------------ the notebook analysis' fix


def _notebook_fix(crash: _Crash) -> dict | None:
    """Run the cell that defines the missing name, then this one; or go to the cell whose failure
    left the name undefined."""
    finding = crash.finding
    name = _undefined_name(crash.parsed)
    if finding is None or not finding.decisive or not finding.related_cell or not name:
        return None
    related = finding.related_cell
    cell = next((c for c in crash.cells if c.id == related.get("id")), None)
    if cell is None or cell.id == crash.cell_id:
        return None
    number = cell.index + 1
    if finding.notebook_cause == PREVIOUS_ERROR:
        return crash.fix(
            f"Go to cell {number} (it failed before defining `{name}`)",
            "go_to_cell",
            [{"op": "go_to_cell", "cell_id": cell.id}],
            rerun=False,
        )
    if finding.notebook_cause != OUT_OF_ORDER or finding.kind == KIND_RERUN:
        return None  # a cell run twice: only a restart and a run in order restore the state
    # Running that cell helps only if it binds the name and deletes nothing (the "del" finding
    # names the deleting cell).
    bound = bound_names(cell.source)
    if bound is None or name not in bound or deletes(cell.source, name):
        return None
    plan = _run_plan(crash, cell)
    if not plan:
        return None
    numbers = [str(c.index + 1) for c in plan]
    which = (
        f"cell {numbers[0]}"
        if len(numbers) == 1
        else f"cells {', '.join(numbers[:-1])} and {numbers[-1]}"
    )
    return crash.fix(
        f"Run {which}, then this cell",
        "run_first",
        [{"op": "run_cells", "cell_ids": [c.id for c in plan]}],
        rerun=True,
    )


# More cells than this to run first is no one-click fix: the user should run the notebook.
MAX_RUN_FIRST = 6


def _run_plan(crash: _Crash, definer: Cell) -> list[Cell] | None:
    """The cells to run before the crashing one, in notebook order: ``definer`` and, for each
    name it or the crashing cell reads that no cell run in this session binds, the nearest cell
    above binding it (and so on for that cell). None when more than ``MAX_RUN_FIRST`` are
    needed or a cell does not parse."""
    ran = _ran_ok(crash)
    available: set[str] = set()
    for cell in crash.cells:
        if cell.id in ran:
            available |= bound_names(cell.source) or set()
    plan: dict[str, Cell] = {}
    todo = [definer, crash.crash_cell()]
    while todo:
        cell = todo.pop()
        if cell is None:
            continue
        if cell is definer or cell.id != crash.cell_id:
            plan[cell.id] = cell
        reads = read_names(cell.source)
        if reads is None or len(plan) > MAX_RUN_FIRST:
            return None
        provided = available.union(*(bound_names(c.source) or () for c in plan.values()))
        for name in sorted(reads - provided - _BUILTINS):
            source = _nearest_binding(crash, name, cell)
            if source is not None and source.id not in plan and source.id != crash.cell_id:
                plan[source.id] = source
                todo.append(source)
    return sorted(plan.values(), key=lambda c: c.index)


def _ran_ok(crash: _Crash) -> set[str]:
    """The ids of the cells whose state this kernel session holds: their last run in the session
    went through (live), or, in a saved notebook, they show a count below the crash's and no
    error."""
    notebook = crash.record.notebook
    if notebook is not None and (notebook.history or notebook.previous_history):
        last: dict[str, bool] = {}
        for run in notebook.history:
            last[run.cell_id] = run.ok
        return {cell_id for cell_id, ok in last.items() if ok}
    count = crash.record.execution_count
    return {
        c.id
        for c in crash.cells
        if c.execution_count is not None
        and c.error is None
        and (count is None or c.execution_count < count)
    }


def _nearest_binding(crash: _Crash, name: str, user: Cell) -> Cell | None:
    """The code cell that binds ``name`` nearest above ``user``, else the first below it."""
    binding = [
        c for c in crash.other_cells() if c.id != user.id and name in (bound_names(c.source) or ())
    ]
    above = [c for c in binding if c.index < user.index]
    return above[-1] if above else (binding[0] if binding else None)


# ------------------------------------------------------------------ names: import or typo


def _undefined_name(parsed: ParsedError) -> str:
    if parsed.ename != "NameError":
        return ""
    m = _NAME_ERROR.search(parsed.message)
    return m.group(1) if m else ""


def _raised_in_this_cell(crash: _Crash) -> bool:
    """The failing line is the crashing cell's own (not a function of another cell's or file's):
    an edit of this cell can remove the crash."""
    parsed = crash.parsed
    if raised_outside_notebook(parsed) is not None:
        return False
    last = parsed.last_frame
    if last is None:
        return True
    if not last.is_user:
        return False
    line = (last.failing_line or parsed.user_line).strip()
    return not line or line in crash.code


def _notebook_names(crash: _Crash) -> set[str] | None:
    """The names any cell (this one included) binds; None when this cell does not parse."""
    own = bound_names(crash.code)
    if own is None:
        return None
    names = set(own)
    for cell in crash.other_cells():
        names |= bound_names(cell.source) or set()
    return names


def _name_fix(crash: _Crash) -> dict | None:
    name = _undefined_name(crash.parsed)
    if not name or not any(rule in crash.matches for rule in _UNDEFINED):
        return None
    if name in PY2_BUILTINS or not _raised_in_this_cell(crash):
        return None
    defined = _notebook_names(crash)
    if defined is None or name in defined:
        return None  # a cell defines it: the order of runs, not the text, is the problem
    spans = name_spans(crash.code, name)
    if not spans:
        return None
    statement = import_for(name, crash.parsed.user_line or crash.code)
    if statement and dropped_prefix_hint(crash.parsed, name):
        return None  # `nn.l2_loss` where the notebook reads `tf.nn.l2_loss`: not torch's `nn`
    if statement:
        return crash.fix(
            f"Add `{statement}` to this cell", "import", [_import_edit(crash, statement)], True
        )
    right = _spelling(crash, name, defined)
    if right is None:
        return None
    edits = [replace(crash.cell_id, crash.code, s, e, right) for s, e in spans]
    title = f"Replace `{name}` with `{right}`"
    if right not in defined and right in LIBRARY_NAMES:
        edits.append(_import_edit(crash, LIBRARY_NAMES[right]))
        title += " and import it"
    return crash.fix(title, "typo", last_first(edits), True)


def _import_edit(crash: _Crash, statement: str) -> dict:
    at = import_offset(crash.code)
    return replace(crash.cell_id, crash.code, at, at, statement + "\n")


def _spelling(crash: _Crash, name: str, defined: set[str]) -> str | None:
    """The one name ``name`` is a slip of, or None when there is none or two are as close.

    Candidates: the names the notebook binds, Python's own "Did you mean" (the kernel's names),
    `True`/`False`/`None`, and the known API names (`RandomForestClassifier`) for a name that
    reads as one (a class, or words joined by `_`: a plain lower-case word such as `tokenize`
    is as likely another thing). Among the close ones (``text.close_matches``) only those one
    typing slip away (two in long names) that are no sibling of another family (``x1``/``x2``),
    no instance named after its class, no singular of a plural (`epoch` of `epochs`: the loop
    variable and the count are two things) and that start with the same letter."""
    pool = set(defined) | {"True", "False", "None"}
    if is_class_name(name) or "_" in name.strip("_"):
        pool |= set(LIBRARY_NAMES)
    said = _PYTHON_SUGGESTS.search(crash.parsed.message)
    if said:
        pool.add(said.group(1))
    # A slip keeps the first letter (`_slip_of`): difflib over every known API name would be
    # most of this fix's cost.
    pool = {c for c in pool if c[:1] == name[:1] or c.lower() == name.lower()}
    close = [c for c in close_matches(name, pool, n=5) if _slip_of(name, c)]
    if not close:
        return None
    slips = sorted((edit_distance(name.lower(), c.lower(), 3), c) for c in close)
    if len(slips) > 1 and slips[0][0] == slips[1][0]:
        return None  # `modle`: `model` or `mode`? not certain
    return slips[0][1]


def _slip_of(name: str, other: str) -> bool:
    if other in ("True", "False", "None"):
        return name.lower() == other.lower()  # `true`, `none`
    if not is_identifier(other) or name[:1] != other[:1]:
        return False
    if name.rstrip("s") == other.rstrip("s"):
        return False  # `epochs`/`epoch`, `y_preds`/`y_pred`: a plural is another object
    return spelled_alike(name, other) and is_misspelling(name, other)


# ------------------------------------------------------------------ install a missing package


def _install_fix(crash: _Crash) -> dict | None:
    match = crash.matches.get(MODULE_NOT_FOUND) or crash.matches.get(OPTIONAL_DEPENDENCY)
    if match is None:
        return None
    facts = match.facts
    if any(facts.get(k) for k in ("replacement", "suggestion", "submodule", "spacy_model")):
        return None  # a moved module, a typo, a renamed submodule: installing would not help
    module = facts.get("module", "")
    top = module.split(".")[0]
    if not module or top in _NOT_INSTALLABLE:
        return None
    if "." in module and distribution_root(module) == top:
        return None  # `pkg.sub` missing while `pkg` imports: not a package to install
    if match.rule == MODULE_NOT_FOUND and not (is_known_module(top) or top in PIP_NAMES):
        return None  # perhaps the user's own file or folder: cannot tell
    by = importer(crash.parsed)
    if by is not None and not by.is_user and not by.library:
        return None  # the user's own .py file imports it
    package = package_for(module)
    cell = crash.crash_cell()
    if cell is None or not _PACKAGE.fullmatch(package):
        return None  # "(only available on Colab)", or no place for the new cell
    return crash.fix(
        f"Install `{package}` (adds a `%pip install` cell above)",
        "install",
        [
            {
                "op": "insert_cell",
                "index": cell.index,
                "source": f"%pip install {package}",
                "run": False,
            }
        ],
        rerun=False,
    )


# ------------------------------------------------------------------ removed APIs


def _removed_api_fix(crash: _Crash) -> dict | None:
    for build in (_moved_module, _removed_attribute, _renamed_keyword):
        fix = build(crash)
        if fix is not None:
            return fix
    return None


def _moved_module(crash: _Crash) -> dict | None:
    """`from sklearn.cross_validation import x` → `from sklearn.model_selection import x`; only
    in `from … import` and `import … as …` lines (a bare `import old` is used by its name)."""
    match = crash.matches.get(MODULE_NOT_FOUND)
    if match is None or not match.facts.get("replacement"):
        return None
    old, new = match.facts.get("module", ""), match.facts["replacement"]
    if not re.fullmatch(r"[A-Za-z_][\w.]*", new) or not old:
        return None
    pattern = re.compile(
        rf"^([ \t]*from[ \t]+)({re.escape(old)})([ \t]+import\b)"
        rf"|^([ \t]*import[ \t]+)({re.escape(old)})([ \t]+as[ \t]+\w+[ \t]*(?:#.*)?$)",
        re.M,
    )
    spans = [
        (m.start(2), m.end(2)) if m.group(2) else (m.start(5), m.end(5))
        for m in pattern.finditer(crash.code)
    ]
    if not spans:
        return None
    edits = [replace(crash.cell_id, crash.code, s, e, new) for s, e in spans]
    return crash.fix(
        f"Import from `{new}` instead of `{old}`", "removed_api", last_first(edits), True
    )


# The removed attribute's replacement as the table writes it: another attribute of the same
# module (`np.prod`), or a builtin type (`float (or np.float64)`).
_SAME_MODULE = re.compile(r"(?:np|pd|numpy|pandas|\w+)\.(\w+)")
_BUILTIN_TYPE = re.compile(r"(float|int|bool|object|str|complex)(?: \(or [\w.]+\))?")
_CONVENTIONAL = {"numpy": {"np", "numpy"}, "pandas": {"pd", "pandas"}}


def _removed_attribute(crash: _Crash) -> dict | None:
    match = crash.matches.get(REMOVED_API)
    if match is None or match.facts.get("kind") != "module":
        return None
    module, attr = match.facts.get("owner", ""), match.facts.get("attribute", "")
    use = match.facts.get("replacement", "")
    if not module or not attr:
        return None
    owners = _module_names(crash, module)
    same = _SAME_MODULE.fullmatch(use)
    builtin = _BUILTIN_TYPE.fullmatch(use)
    if same and (use.split(".")[0] in owners or use.split(".")[0] in _CONVENTIONAL.get(module, ())):
        new_attr = same.group(1)
        make = lambda text: text[: text.rindex(".") + 1] + new_attr  # noqa: E731
        shown = f"`{module.split('.')[-1]}.{new_attr}`"
    elif builtin:
        make = lambda text: builtin.group(1)  # noqa: E731
        shown = f"`{builtin.group(1)}`"
    else:
        return None
    spans = attribute_spans(crash.code, owners, attr)
    if not spans:
        return None
    edits = [replace(crash.cell_id, crash.code, s, e, make(crash.code[s:e])) for s, e in spans]
    old = crash.code[spans[0][0] : spans[0][1]]
    return crash.fix(f"Replace `{old}` with {shown}", "removed_api", last_first(edits), True)


def _module_names(crash: _Crash, module: str) -> set[str]:
    """The names the notebook gives ``module`` (`import numpy as np`: {"np"}), and the module's
    own name."""
    names = {module} if "." not in module else set()
    pattern = re.compile(rf"^\s*import\s+{re.escape(module)}(?:\s+as\s+(\w+))?\s*(?:#.*)?$", re.M)
    for source in [crash.code, *(c.source for c in crash.other_cells())]:
        for m in pattern.finditer(source):
            names.add(m.group(1) or module)
    return names


def _renamed_keyword(crash: _Crash) -> dict | None:
    """`Adam(lr=0.01)` → `Adam(learning_rate=0.01)`: the failing statement's keyword renamed."""
    match = crash.matches.get(UNEXPECTED_KEYWORD)
    if match is None:
        return None
    old = match.facts.get("keyword", "")
    m = re.fullmatch(r"(\w+)=\.\.\.", match.facts.get("replacement", ""))
    if m is None or not old:
        return None
    new = m.group(1)
    frames = [f for f in crash.parsed.frames if f.is_user]
    if not frames or frames[-1].lineno is None:
        return None
    frame = frames[-1]
    if frame.failing_line.strip() and frame.failing_line.strip() not in crash.code:
        return None  # another cell's function
    lines = statement_lines(crash.code, frame.lineno)
    spans = keyword_spans(crash.code, old, *lines) if lines else None
    if not spans:
        return None
    edits = [replace(crash.cell_id, crash.code, s, e, new) for s, e in spans]
    return crash.fix(
        f"Rename the argument `{old}=` to `{new}=`", "removed_api", last_first(edits), True
    )


# ------------------------------------------------------------------ a misspelt file name

# Code that moves the kernel away from the notebook's folder: relative paths then point elsewhere.
_MOVES = re.compile(r"\bchdir\b|^\s*%cd\b|^\s*%?pushd\b", re.M)


def _file_fix(crash: _Crash, folder: Callable[[str], list[str] | None]) -> dict | None:
    """`pd.read_csv("data/measurement_2024.csv")` when `data/measurements_2024.csv` exists: the
    one name in that folder one slip away, written into the string literal that names the
    missing file. The kernel runs in the notebook's folder unless a cell changed it."""
    match = crash.matches.get(NOT_FOUND)
    if match is None or crash.parsed.ename != "FileNotFoundError":
        return None
    facts = match.facts
    path = facts.get("path", "")
    if not path or any(facts.get(k) for k in ("absolute", "escape", "writing", "platform")):
        return None
    parts = path.split("/")
    if path.startswith(("/", "~")) or "\\" in path or ".." in parts or "" in parts[:-1]:
        return None
    if any(_MOVES.search(c.source) for c in crash.cells) or _MOVES.search(crash.code):
        return None
    if not _raised_in_this_cell(crash) and not _library_call_of_this_cell(crash):
        return None
    directory, name = "/".join(parts[:-1]), parts[-1]
    names = folder(directory)
    if not names or name in names:
        return None
    close = [c for c in close_matches(name, names, n=3) if spelled_alike(name, c)]
    if len(close) != 1:
        return None
    right = f"{directory}/{close[0]}" if directory else close[0]
    spans = string_spans(crash.code, path)
    if not spans:
        return None
    edits = [replace(crash.cell_id, crash.code, s, e, right) for s, e in spans]
    return crash.fix(f"Use `{right}` (it exists)", "file_path", last_first(edits), True)


def _library_call_of_this_cell(crash: _Crash) -> bool:
    """The cell's own line called the library that could not open the file."""
    frames = [f for f in crash.parsed.frames if f.is_user]
    line = frames[-1].failing_line.strip() if frames else ""
    return bool(line) and line in crash.code
