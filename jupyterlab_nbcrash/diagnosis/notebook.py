"""Notebook-aware diagnosis: was the crash caused by the order cells ran in, not by the code?

``analyse`` looks at the crashing notebook — its cells (what each defines, uses and changes, see
``cells.py``) and the executions of the current and the previous kernel session — and decides:

- a NameError on a name that some cell defines: that cell is below and has not run, was skipped,
  failed before the definition, or ran only before the last kernel restart (notebook-specific);
- a NameError on a name that no cell defines: a typo or a forgotten import (implementation error);
- a KeyError / AttributeError / shape error on state that a re-run (``df = df.drop(...)`` twice) or
  a cell below changed (notebook-specific).

A notebook without a history in this session (a saved file, reopened or scanned) is judged by
``saved.py`` from its execution counts and saved error outputs instead.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
from functools import lru_cache

from . import saved
from .cells import CellNames, Mutation, analyse_cell, python_tree, repeats_harmlessly, to_python
from .definer_values import (
    called_plain_value,
    imported_only_in_a_def,
    local_read_below_its_def,
    loop_over_another_variable,
    made_from_an_unread_name,
    method_missing_on_value,
    read_from_another_cells_loop,
    retyped_in_the_next_run,
    retyped_self_reference,
    updated_before_its_maker,
)
from .definitions import (
    compared_instead_of_assigned,
    function_parameters,
    imports_name,
    passed_as_own_keyword,
)
from .finding import (
    IMPLEMENTATION,
    NOTEBOOK,
    OUT_OF_ORDER,
    PREVIOUS_ERROR,
    NotebookFinding,
    creates,
    needs_a_cell_from_the_crash_on,
)
from .finding import cell_name as _cell_name
from .finding import count_label as _count
from .finding import deleted_hint as _deleted_hint
from .finding import finding as _finding
from .finding import key_stores as _key_stores
from .finding import nearest as _nearest
from .finding import not_run as _not_run
from .finding import only_conditional as _only_conditional
from .finding import short as _short
from .finding import unrun_branch as _unrun_branch
from .finding import weigh_change as _weigh_change
from .name_guesses import (
    assigned_counterpart,
    first_letter_slip,
    imported_as,
    misspelt_library_name,
    quoted_definition,
    torch_device_hint,
    typed_twice,
)
from .name_on_line import column_read_as_attribute, keyword_compared
from .name_reads import has_word
from .record import Cell, ErrorRecord, Execution
from .rules.attribute_reads import removed_member
from .rules.data_values import table_to_a_label_encoder
from .rules.imports import importer_is_library, strptime_of_a_column
from .rules.install import install_line, install_not_taken_hint
from .rules.module_names import is_known_module
from .rules.names import (
    adds_to_itself,
    commented_definition,
    commented_hint,
    compared_hint,
    deletes_name,
    fitted_attribute_hint,
    indexed_by_variables_hint,
    is_misspelling,
    live_twin,
    missing_import_hint,
    quotes_hint,
    special_name_hint,
    start_number,
    subscript_of,
    top_level_assignment,
)
from .rules.tables import members
from .rules.tables.known_imports import ALIASES, import_for
from .rules.tables.removed_apis import removed_function
from .text import close_matches
from .traceback import ParsedError
from .where import call_arguments

__all__ = ["NotebookFinding", "analyse"]

_NOT_DEFINED = re.compile(
    r"name '([^']+)' is not defined|free variable '([^']+)' referenced before assignment"
    r"|cannot access free variable '([^']+)'"
)
# `'param': a [best_params],`: a lone letter in a value's place, a space, then a list
_STRAY_LETTER = re.compile(r"(?:^|[:=(,])\s*([A-Za-z])[ \t]+(\[[^\[\]]*\])")


def _stray_letter(name: str, line: str) -> str:
    """The list that follows ``name`` when ``name`` is one letter standing where a value goes
    (after `:`, `=`, `(` or `,`) with a space before a `[...]` (`'param': a [best_params]`), else
    "": no one spaces an index away from its name, so the letter is likely a stray keystroke."""
    found = [m for m in _STRAY_LETTER.finditer(line) if m.group(1) == name]
    return found[0].group(2) if len(name) == 1 and found else ""


# `data=pandas.core.frame.DataFrame,`: a module's class path given as an argument's value
_CLASS_PATH_VALUE = re.compile(
    r"(?<![=!<>])=(?!=)\s*(\w+)(?:\.\w+)*\.(?!(?:Inf|NaN|NaT|NA|Infinity)\b)[A-Z][a-z]\w*"
    r"\s*[,)]"
)


def _class_path_passed(name: str, line: str) -> str:
    """The line passes a class of module ``name`` by its dotted path as a value
    (`portfolio_data=pandas.core.frame.DataFrame,`): writing the import's alias fixes the name,
    yet the call still gets the class where it most likely wanted data of that class. Returns
    the path, or ""."""
    found = [
        m
        for m in _CLASS_PATH_VALUE.finditer(line)
        if m.group(1) == name
        and not _COLOR_KEYWORD.search(line[: m.start()])
        and not _COLOR_MODULE.search(m.group(0))
    ]
    return found[0].group(0).lstrip("=").strip().rstrip(",)").strip() if found else ""


# `cmap=matplotlib.cm.Blues`: a colormap (an instance, not a class) is what these keywords want
_COLOR_KEYWORD = re.compile(r"(?:cmap|colormap|palette|colou?rs?\w*)\s*$", re.I)
_COLOR_MODULE = re.compile(r"\.(?:cm|colors|colormaps)\.")


_PYTHON_SUGGESTS = re.compile(r"Did you mean: '([^']+)'\?")
_KEY_MESSAGE = re.compile(r"not in index|not found in axis|KeyError", re.I)
_SHAPE_MESSAGE = re.compile(
    r"shape|dimension|broadcast|inconsistent numbers? of samples|size of tensor|features, but"
    r"|must have the same (?:length|size)|length of values|mismatch|cannot reshape|axis \d+ is out"
    r"|out of bounds|index \d+ is out",
    re.I,
)
# Crashes whose cause can be state that an earlier execution changed.
_STATE_ERRORS = frozenset(
    {
        "KeyError",
        "AttributeError",
        "IndexError",
        "ValueError",
        "TypeError",
        "RuntimeError",
        "InvalidArgumentError",
        "AssertionError",
    }
)
_IDENT = re.compile(r"[A-Za-z_]\w*")
_QUOTED = re.compile(r"'([^'\n]{1,100})'")
_LINE_WORD = re.compile(r"(?<![\w.'\"])[A-Za-z_]\w*\b(?!['\"])")
# Only cells that mention one of these can bind names that their code does not spell out.
_DYNAMIC_HINT = re.compile(
    r"import\s*\*|%run|%pylab|%store|%load\b|\bexec\b|\bglobals\b|%%(?:sql|R|local)"
)
# The frontend sends at most this much of one cell's source, and blanks the sources of the cells
# farthest from the crash in a very large notebook (src/record.ts): such cells are unseen.
SENT_SOURCE_LIMIT = 50_000
_BUILTIN_NAMES = frozenset(n for n in dir(builtins) if not n.startswith("_")) | frozenset(
    keyword.kwlist
)
# A builtin function under its name without the first letter (`rint` -> `print`)
_CLIPPED_BUILTINS = {
    n[1:]: n
    for n in dir(builtins)
    if len(n) > 3 and n.islower() and not n.startswith("_") and callable(getattr(builtins, n))
}


# --------------------------------------------------------------------------------- live crashes


# pandas' indexers, read as `df.loc[...]`: never a name of their own.
_PANDAS_INDEXERS = frozenset({"loc", "iloc"})


def analyse(record: ErrorRecord, parsed=None) -> NotebookFinding | None:
    """The notebook's verdict on one crash, or None when it has nothing to say."""
    if record.notebook is None:
        return None
    nb = _Notebook(record)
    if not nb.cells:
        return None
    ename = getattr(parsed, "ename", "") or record.ename
    message = getattr(parsed, "message", "") or record.evalue
    if ename == "UnboundLocalError":
        return None  # a function's own local: a plain code bug inside the function
    if ename == "NameError" or _NOT_DEFINED.search(message):
        name = _missing_name(message, parsed)
        if not name or (isinstance(parsed, ParsedError) and special_name_hint(parsed, name)):
            # Raised inside a library's or another file's code, `__file__`, or deleted by this
            # very cell: the other cells do not matter, the hint of the NameError says it.
            return None
        line = getattr(parsed, "user_line", "") or ""
        frames = getattr(parsed, "frames", ()) or ()
        top = next((f for f in frames if f.is_user), None)  # the crash cell's own statement
        inner = next((f for f in reversed(frames) if f.is_user), None)  # where it was raised
        nb.crash_lineno = (top.lineno or 0) if top is not None else 0
        return _unrun_branch(nb, name, top) or _undefined_name_finding(
            nb, name, message, line, inner, top
        )
    if ename in _STATE_ERRORS or _SHAPE_MESSAGE.search(message):
        return _changed_state(nb, ename, message, parsed)
    missing = _NO_MODULE.search(message)
    if missing and isinstance(parsed, ParsedError) and not importer_is_library(parsed):
        return _install_not_taken(nb, missing.group(1))
    return None


_NO_MODULE = re.compile(r"No module named '([\w.]+)'")


def _ran(nb: _Notebook, cell: Cell) -> str:
    """Whether ``cell`` ran "before" the crash, "after" it, "not" at all, or "" (unknown): from
    this session's history when there is one, else from the saved execution counts."""
    if nb.live:
        return {"ok": "before", "failed": "before", "never": "not"}.get(nb.state(cell), "")
    crash = nb.crash.execution_count if nb.crash is not None else None
    count = cell.execution_count
    if count is None:
        return "not" if crash is not None else ""
    if crash is None:
        return ""
    if count < crash and any(c is not cell and c.execution_count == count for c in nb.cells):
        # another cell shows the same count: the saved counts are of several sessions (a
        # restart, a new Colab runtime), and the install may have run in an earlier one
        return ""
    return "before" if count < crash else "after"


def _install_not_taken(nb: _Notebook, module: str) -> NotebookFinding | None:
    """A cell of the notebook installs the missing module's package (`!pip install x`): the
    package is not missing from the notebook, its install did not reach this kernel."""
    for cell in nb.cells:
        if cell is nb.crash:
            continue  # the crash cell's own install: the import hint says it
        line = install_line(cell.source, module)
        if line:
            ran = "failed" if _failed_on_module(nb, cell, module) else _ran(nb, cell)
            return _finding(
                "environment_setting",
                None,
                True,
                install_not_taken_hint(module, line, _cell_name(cell), ran),
                [f"notebook: {_cell_name(cell)} installs `{module.split('.')[0]}`: {line}"],
                cell,
            )
    return None


def _failed_on_module(nb: _Notebook, cell: Cell, module: str) -> bool:
    """The installing cell's own last run failed with this very "No module named": its install
    ran and did not give the module, whatever the kernel (the install failed, or gives another
    module), so running it again is no cure."""
    if nb.live:
        runs = nb.now.get(cell.id) or [(0, r) for r in nb.before.get(cell.id, ())]
        evalue = runs[-1][1].evalue if runs and not runs[-1][1].ok else ""
    else:
        evalue = cell.error.evalue if cell.error is not None else ""
    found = _NO_MODULE.search(evalue or "")
    return bool(found) and found.group(1).split(".")[0] == module.split(".")[0]


def _missing_name(message: str, parsed) -> str | None:
    match = _NOT_DEFINED.search(message)
    if match:
        return next(group for group in match.groups() if group)
    names = getattr(parsed, "names", ())
    return names[0] if names else None


class _Notebook:
    """The crash's notebook: the code cells, the crashing cell, and what ran in which session."""

    def __init__(self, record: ErrorRecord):
        context = record.notebook
        self.all_cells = context.cells
        self.cells: list[Cell] = [c for c in context.cells if c.cell_type == "code"]
        self.crash = self._find_crash(record)
        history = list(context.history)
        # The history may already hold the crash itself: only what ran before it counts.
        if self.crash is not None:
            for i in range(len(history) - 1, -1, -1):
                run = history[i]
                if run.cell_id == self.crash.id and not run.ok:
                    same = record.execution_count in (None, run.execution_count)
                    if same or run.execution_count is None:
                        history = history[:i]
                    break
        self.live = bool(context.history or context.previous_history)
        self.now: dict[str, list[tuple[int, Execution]]] = {}
        for order, run in enumerate(history):
            self.now.setdefault(run.cell_id, []).append((order, run))
        self.before: dict[str, list[Execution]] = {}
        for run in context.previous_history:
            self.before.setdefault(run.cell_id, []).append(run)
        self._names: dict[str, CellNames] = {}
        self.failing_line = ""  # the crash cell's failing line, once a state error reads it
        self.crash_lineno = 0  # its number in the cell, once a NameError reads it (0: unknown)
        self.error_message = self.error_name = ""

    @property
    def partial(self) -> bool:
        """True when the record holds only some of the notebook's cells (their indices skip
        some, or do not start at the first cell): a name may be defined in the others."""
        indices = [c.index for c in self.all_cells]
        return bool(indices) and indices != list(range(len(indices)))

    @property
    def unseen(self) -> list[Cell]:
        """Cells whose source we do not (fully) have: blank although they ran, or cut short."""
        return [
            c
            for c in self.cells
            if (c.execution_count is not None and not c.source.strip())
            or len(c.source) >= SENT_SOURCE_LIMIT
        ]

    def _find_crash(self, record: ErrorRecord) -> Cell | None:
        if record.cell_id:
            for cell in self.cells:
                if cell.id == record.cell_id:
                    return cell
        candidates = [
            c
            for c in self.cells
            if (record.execution_count is not None and c.execution_count == record.execution_count)
            or (record.code and c.source == record.code)
        ]
        if record.code:
            candidates = [c for c in candidates if c.source == record.code] or candidates
        return candidates[-1] if candidates else None

    def mentioning(self, *names: str) -> list[Cell]:
        """Cells whose source contains one of ``names`` as a word: the only ones that can bind
        or change it, so only those need the (cached, but not free) syntax analysis."""
        if len(names) == 1:  # the usual case: one `in` test a cell, and no pattern to compile
            name = names[0]
            return [c for c in self.cells if name in c.source and has_word(c.source, name, False)]
        return [
            c
            for c in self.cells
            # `in` is fast; map(), not a generator: this runs for every cell of every crash
            if any(map(c.source.__contains__, names))
            and any(has_word(c.source, name, False) for name in names if name in c.source)
        ]

    def names(self, cell: Cell) -> CellNames:
        if cell.id not in self._names:
            self._names[cell.id] = analyse_cell(cell.source)
        return self._names[cell.id]

    def ok_runs(self, cell: Cell) -> list[tuple[int, Execution]]:
        return [(order, run) for order, run in self.now.get(cell.id, ()) if run.ok]

    def state(self, cell: Cell) -> str:
        """'ok', 'failed', 'before_restart' or 'never' in this kernel session."""
        runs = self.now.get(cell.id, ())
        if any(run.ok for _, run in runs):
            return "ok"
        if runs:
            return "failed"
        return "before_restart" if cell.id in self.before else "never"

    def is_above(self, cell: Cell) -> bool | None:
        return None if self.crash is None else cell.index < self.crash.index

    def where(self) -> str:
        return "this cell" if self.crash is None else f"this cell ({_cell_name(self.crash)})"


# ------------------------------------------------------------------------------------ NameError


def _undefined_name_finding(
    nb: _Notebook, name: str, message: str, line: str = "", inner=None, top=None
) -> NotebookFinding | None:
    if deletes_name(line, name):
        return None  # `del df` of a name already gone: the rule's hint says so
    slip = _line_slip(nb, name, line, inner, top)
    if slip:
        # `df.pd.read_csv(...)`, or a lone `l` in a function's body: the failing line itself is
        # the slip, and no cell run first makes it work
        hint, why = slip
        return _finding(IMPLEMENTATION, None, True, hint, [why])
    definers = [c for c in nb.mentioning(name) if c is not nb.crash and name in nb.names(c).defines]
    evidence = [f"`{name}` is not defined when {nb.where()} ran"]
    own_code = nb.crash is not None and top is not None and top is inner
    fell_out = (
        local_read_below_its_def(nb.crash, name, top.lineno)
        or imported_only_in_a_def(nb.crash, name, top.lineno)
        if own_code
        else ()
    )
    if fell_out:
        # the line reads a local of the `def` right above it (or a module only a `def` of
        # the cell imports): whatever other cells hold, the indentation that put it outside
        # the function, or the import kept inside one, is what fails
        hint, why = fell_out
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence)
    # (a definer that failed, or ran in this session, has its own story: the analysis below)
    told = any(c.error is not None or (nb.live and nb.state(c) != "never") for c in definers)
    crash_count = nb.crash.execution_count if nb.crash is not None else None
    ran_after = crash_count and any((c.execution_count or 0) > crash_count for c in definers)
    renamed = None if told or ran_after else _renamed_here(nb, name, definers)
    if renamed is not None:
        # `z = 'pqrs'` here, `x = 'pqrs'` in cell 19, and the loop still reads `x`: a renamed
        # copy, or a cell to run first. Not when a definer ran after this cell or failed: the
        # counts tell that story (a renamed copy guessed there sent users to the wrong name)
        cell, other, value = renamed
        evidence.append(f"{nb.where()} assigns `{other} = {value}`, as {_cell_name(cell)} `{name}`")
        hint = (
            f"This cell assigns `{other} = {value}`, the value cell {cell.index + 1} gives "
            f"`{name}`: if `{other}` is meant, use it here; else run cell {cell.index + 1} first."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    # a top-level definer above that never ran is the plain story (run it): the function's
    # own variable of the same name is then only one more place the name is made
    skipped = any(nb.is_above(c) and c.execution_count is None for c in definers)
    copied = None if told or skipped else _copied_from_function(nb, name, line)
    if copied is not None:
        # `for obj in ws.OLEObjects():` copied out of a function whose own `ws` it needs: a
        # top-level `ws` of another cell may be another kind of object
        cell, function, assignment = copied
        evidence.append(
            f"{_cell_name(cell)}'s `{function}()` has the same line and assigns `{name}`"
        )
        # failing inside another function: calling that one gives its local to no other code
        inside = inner is not None and top is not None and inner is not top
        hint = (
            f"The failing line is a copy of one in `{function}()` of cell {cell.index + 1}, where "
            f"`{name}` is that function's own variable (`{assignment}`): create `{name}` the same "
            "way before this line" + ("." if inside else ", or call the function.")
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    if not definers and adds_to_itself(line, name) and not _misspelt_accumulator(nb, name, line):
        # `a += A` beside `A = ...`: an accumulator never given its start value, not a typo of
        # the other case (`A += A` would double `A`)
        evidence.append(f"the failing line changes `{name}` from its own value")
        op = adds_to_itself(line, name)
        number = start_number(op)
        start = f"`{name} = {number or '…'}`" + (", or an empty list" if op == "+=" else "")
        hint = (
            f"`{name} {op} …` changes `{name}` before anything gave it a value: set its start "
            f"value ({start}) above this line, outside any loop it is in."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence)
    moved = _moved_and_ran_later(nb, top.failing_line) if top is not None and not nb.live else None
    if moved is not None:
        # the saved cell is empty and its failing line ran later in another cell, cleanly:
        # whatever was missing then was there by that run
        evidence.append(f"{nb.where()} is empty; {_cell_name(moved)} has its failing line")
        hint = (
            f"This cell is empty now: its failing line stands in cell {moved.index + 1}"
            f"{_count(moved.execution_count)}, which ran later without an error, so `{name}` "
            "was defined by then: this empty cell's error is an old one (clear it or delete "
            "the cell)."
        )
        return _finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, moved)
    edited = top is not None and top is inner and _edited_away(nb, name, top.failing_line)
    if edited and (definers or _case_twins(nb, name)):
        # `model_tf = Model_tf(...)` ran, the saved cell has `model_tf = Model(...)`: the line
        # that failed is gone, and the other-case name it assigns is no fix of the new code;
        # `dump(rf)` is now `dump(rf1)`: another cell's `rf` is no cure of the new code either
        # (with no cell of `x` at all, the line's own slip, a typo or an import, is still told)
        evidence.append(f"the saved code of {nb.where()} no longer reads `{name}`")
        reads = (
            f"reads `{name}` before setting it"
            if has_word(nb.crash.source, name)
            else f"reads `{name}`"
        )
        hint = (
            f"This cell's saved code no longer has the failing line nor {reads}: it was "
            "edited after that run; run it again to see whether anything still fails."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence)
    if top is not None and top is inner and nb.crash is not None:
        commented = _commented_out(nb, top.failing_line, evidence)
        if commented is not None:
            # the saved cell runs none of the failing line: whatever cells define the name,
            # the error is an old run's, and no other cell's value is what it needs now
            return commented
    retyped = _retyped_by_the_next_run(nb, name, top, inner, definers, evidence)
    if retyped is not None:
        # the user's own next run retyped the name, whatever cells of other sessions assign
        return retyped
    twin = _twin_here(nb, name)
    if twin is not None:
        # `S = pd.Series(...)` then `s['e']`, or `logs_dors = …` then `writer(logs_dirs)`: the
        # cell made the value under another spelling, whatever other cells hold
        why, hint = twin
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence)
    compared = compared_instead_of_assigned(line, name, nb.crash.source if nb.crash else "")
    if compared:
        # `key == cv2.waitKey()` alone on its line: `=` was meant, and running the cell that
        # defines `key` would leave the line comparing, never updating it
        evidence.append(f"the failing line compares `{name}` with `==` and drops the result")
        return _finding(IMPLEMENTATION, None, True, compared_hint(name, compared), evidence)
    annotated = None if definers else _annotated_only(nb, name)
    if annotated is not None:
        # `boys_table: pd.DataFrame({...})`: a colon where `=` was meant binds nothing, so
        # running the cell again fails the same way
        cell, number, text = annotated
        evidence.append(f"{_cell_name(cell)} line {number} only annotates `{name}`: `{text}`")
        where = "This cell's" if cell is nb.crash else f"Cell {cell.index + 1}'s"
        hint = (
            f"{where} line {number} (`{text}`) only annotates `{name}`, with a colon, and gives "
            f"it no value: write `{name} = …` there instead of `{name}: …`."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    if not definers:
        return _defined_nowhere(nb, name, message, evidence, line, inner)
    for reading in (called_plain_value, retyped_self_reference):
        # `concat_data(a, b)` where the cells set `concat_data = (a, b)`, or `z = z + y` beside
        # `z = x + y`: running that cell first is not the whole cure
        found = reading(line, name, definers)
        if found:
            cell, hint, why = found
            evidence.append(why)
            return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    found = method_missing_on_value(line, name, definers, nb.cells)
    if found:
        # `model.get_params()` where cell 12's `model` is the dict `build_model()` returns:
        # running it first leads to "'dict' object has no attribute 'get_params'"
        cell, hint, why = found
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    found = made_from_an_unread_name(nb.crash, nb.crash_lineno, name, definers)
    if not found and nb.crash is not None:
        found = updated_before_its_maker(line, name, definers, nb.crash.index)
    if found:
        # `r = requests.get(url)` then `read_json(x.text)`, where cell 21 has `x = r.json()`:
        # the line may mean `r`, which running that cell first does not give it; or
        # `img = f(img)` where only cells below make `img`, maybe for a later step
        cell, hint, why = found
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    late = _assigned_after_the_call(nb, name, top, inner)
    if late:  # this cell's own value comes one line too late, whatever other cells hold
        evidence.append(f"{nb.where()} assigns `{name}` below the line whose call reads it")
        return _finding(IMPLEMENTATION, None, True, late, evidence)
    own_variable = _own_variable_hint(nb, name, line, top, inner, definers)
    if own_variable is not None:  # the cell or function has its own value of what it reads
        hint, why, cell = own_variable
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    found = (
        loop_over_another_variable(nb.crash, name, top.lineno, definers)
        if nb.crash is not None and top is not None and top is inner
        else ()
    )
    if found:  # `for point in …: iloc[i]` beside another cell's `for i in …`
        cell, hint, why = found
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    looped = read_from_another_cells_loop(
        name, inner.function if inner is not None and inner is not top else "", definers
    )
    if looped:  # a function reads another cell's loop variable: it needs a parameter
        cell, hint, why = looped
        evidence.append(why)
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    own = _own_assignment_hint(nb, name, defined_elsewhere=True)
    if own:  # the cell reads the name above its own assignment: that fails whatever ran before
        evidence.append(f"{nb.where()} reads `{name}` above the line that assigns it")
        return _finding(IMPLEMENTATION, None, True, own, evidence)
    method = _method_definer(nb, name, definers)
    if method is not None:
        # `def f(self, ...)` pasted at top level: running it binds a function that wants an
        # object first, so running that cell does not make this call work
        evidence.append(f"{_cell_name(method)} defines `{name}` with `self` as first parameter")
        hint = (
            f"Cell {method.index + 1} defines `{name}(self, …)`, a method of a class: running it "
            f"does not make this call work; call it on an object of that class "
            f"(`obj.{name}(…)`), or put this code back inside the class's methods."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence, method)
    later = _definer_needing_this_cell(nb, name, definers)
    if later is not None:
        # every definer sits below and reads what this cell makes: running it first fails too
        cell, needed = later
        evidence.append(f"{_cell_name(cell)} defines `{name}` but reads `{needed}` of {nb.where()}")
        hint = (
            f"`{name}` is defined only below, in cell {cell.index + 1}, which itself needs "
            f"`{needed}` from this cell: define `{name}` in this cell before the line that uses it."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)
    switched_off = "" if told else _own_commented_maker(nb, name, line)
    if switched_off:
        # `# te_sub = pred_combined.loc[...]` above this cell's `te_sub.loc[...] = ...`: the
        # cell made its own value, which another cell's (made from other data) need not be
        evidence.append(f"{nb.where()} has the commented-out line `# {switched_off}`")
        other = definers[-1]
        made = top_level_assignment([other.source], name)
        also = f" (cell {other.index + 1} makes it too" + (f": `{made}`)" if made else ")")
        hint = (
            f"This cell's own line that made `{name}` is commented out (`# {switched_off}`), "
            f"yet the cell still reads `{name}`: restore that line, or make `{name}` there in "
            f"its place{also}."
        )
        return _finding(IMPLEMENTATION, None, True, hint, evidence)
    evidence.append(
        f"`{name}` is defined in {', '.join(_cell_name(c) for c in definers[:5])}"
        + (f" and {len(definers) - 5} more" if len(definers) > 5 else "")
    )
    if not nb.live:
        return saved.undefined_name(nb, name, definers, evidence)

    by_state: dict[str, list[Cell]] = {}
    for cell in definers:
        by_state.setdefault(nb.state(cell), []).append(cell)
    if "ok" in by_state:
        return _defined_but_gone(nb, name, by_state["ok"], evidence)
    if "failed" in by_state:
        cell = max(by_state["failed"], key=lambda c: nb.now[c.id][-1][0])
        run = nb.now[cell.id][-1][1]
        evidence.append(f"{_cell_name(cell, run.execution_count)} ran in this session and failed")
        label = f"Cell {cell.index + 1}{_count(run.execution_count)}"
        if run.ename == "KeyboardInterrupt":
            hint = f"{label} was interrupted before defining `{name}`: run it to the end first."
        else:
            error = f"{run.ename}: {_short(run.evalue, 60)}" if run.ename else "an error"
            hint = f"{label} failed ({error}) before defining `{name}`: fix that first, then "
            hint += "run it again."
            about = saved.import_failure_hint(run.ename, run.evalue, (), cell.source)
            if about:  # `from google.colab import files` off Colab: no fixing that import
                hint = f"{label} failed on an import before defining `{name}`. {about}"
        return _finding(NOTEBOOK, PREVIOUS_ERROR, True, hint, evidence, cell)
    if "before_restart" in by_state:
        cell = _nearest(nb, by_state["before_restart"])
        evidence.append(f"{_cell_name(cell)} ran before the last kernel restart, not since")
        hint = (
            f"The kernel restarted since cell {cell.index + 1} defined `{name}`: run cell "
            f"{cell.index + 1} again (or Run All Above) first."
        )
        return _finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell)
    cell = _nearest(nb, by_state["never"], name)
    return _not_run(nb, name, cell, evidence, "has not run in this kernel session")


# `df.pd.read_csv(...)`: the statement starts with a name, a module's alias read as its
# attribute, and that module's function called: `=` typed as `.`.
_DOT_FOR_ASSIGN = re.compile(r"\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.(\w+)\(")


def _line_slip(nb: _Notebook, name: str, line: str, inner, top) -> tuple[str, str] | None:
    """(hint, evidence) when the failing line itself is the slip, whatever cells define the
    name: `df.pd.read_csv(...)` for `df = pd.read_csv(...)` (the undefined name starts the
    statement, then a module alias the code imports, then its call); or the name alone on its
    own line in a function's body (a bare name does nothing there: a stray or unfinished
    line). None otherwise."""
    m = _DOT_FOR_ASSIGN.match(line or "")
    known = m is not None and (name in ALIASES or is_known_module(name))
    if m and m.group(1) == name and not known and top is not None and top is inner:
        # (`matplotlib.pyplot.plot(...)`: a module's submodule, an import missing)
        alias, function = m.group(2), m.group(3)
        if alias in ALIASES or any(imports_name(c.source, alias) for c in nb.cells):
            return (
                f"`{name}.{alias}.{function}(...)` reads `{alias}` as an attribute of `{name}`, "
                f"which does not exist yet: to make `{name}` from that call, write "
                f"`{name} = {alias}.{function}(...)`."
            ), f"the failing line reads the module `{alias}` as an attribute of `{name}`"
    if inner is None or top is None or inner is top or not inner.function:
        return None
    if inner.failing_line.split("#")[0].strip().rstrip(";").strip() != name:
        return None
    if _continues_a_statement(inner):
        return None  # `return np.array([\n  r.x,\n  yy\n])`: an item of a statement above
    where = f"Line {inner.lineno}" if inner.lineno else "A line"
    return (
        f"{where} of `{inner.function}()` is only `{name}`, which does nothing in a function: a "
        "stray or unfinished line. Delete it or finish that statement, then run the cell that "
        f"defines `{inner.function}` again."
    ), f"the failing line of `{inner.function}()` is `{name}` alone"


def _continued(frame, line: str) -> str:
    """``line`` with the frame's shown lines below it that its open brackets carry on into
    (at most eight), else ``line`` itself."""
    lines = list(frame.code_lines) if frame is not None else []
    if not line or frame is None or frame.failing_line not in lines:
        return line
    text = line
    for more in lines[lines.index(frame.failing_line) + 1 :][:8]:
        if sum(text.count(c) for c in "([{") <= sum(text.count(c) for c in ")]}"):
            break
        text += "\n" + more
    return text


def _continues_a_statement(frame) -> bool:
    """Whether the frame's shown lines above its failing line leave a bracket open, or the
    line just above ends with a comma, an operator or a backslash: the failing line is then
    part of a statement begun above (an item of a list, an argument), not a line alone."""
    lines = list(frame.code_lines)
    if frame.failing_line not in lines:
        return False
    above = [ln.split("#")[0].rstrip() for ln in lines[: lines.index(frame.failing_line)]]
    above = [ln for ln in above if ln.strip()]
    if not above:
        return False
    text = "\n".join(above)
    depth = sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")
    return depth > 0 or above[-1].endswith((",", "\\", "+", "-", "*", "/", "=", "(", "[", "{"))


def _retyped_by_the_next_run(
    nb: _Notebook, name: str, top, inner, definers: list[Cell], evidence: list[str]
):
    """ "Did you mean `tu`?" when a saved notebook's next count after the crash's shows its
    failing line with `tu` for `t`, run cleanly (`t[1:4]` at [13], `tu[1:4]` at [14]); else
    None. Not when a cell that sets `t` never ran or ran after the crash: `plt.plot(val_loss)`
    run next beside `plt.plot(train_loss)` is the other curve's line, and the cell of
    `train_loss` still to run is as likely the cure."""
    if top is None or top is not inner or nb.crash is None or nb.live:
        return None
    crash_count = nb.crash.execution_count or 0
    if any(not c.execution_count or c.execution_count > crash_count for c in definers):
        return None
    found = retyped_in_the_next_run(top.failing_line, name, nb.crash, nb.cells)
    if not found:
        return None
    cell, other = found
    evidence.append(f"{_cell_name(cell)}, the next run, has the failing line with `{other}`")
    label = f"Cell {cell.index + 1}{_count(cell.execution_count)}"
    # what the next run did, not a typo claimed: `names` may be a value still to make, and the
    # next run may have worked around it (a grader's C on "Did you mean `colors_series`?")
    hint = (
        f"{label}, numbered next, has the same line with `{other}` in place of `{name}` and ran "
        f"without an error: if `{other}` is what this line means, use it here; else create "
        f"`{name}` first."
    )
    return _finding(IMPLEMENTATION, None, True, hint, evidence, cell)


def _defined_but_gone(nb: _Notebook, name: str, cells: list[Cell], evidence: list[str]):
    """A definer ran fine in this session, yet the name is gone: deleted, conditional or edited."""
    last_def = max(order for c in cells for order, _ in nb.ok_runs(c))
    for cell in nb.mentioning(name):
        if name in nb.names(cell).deletes and any(o > last_def for o, _ in nb.ok_runs(cell)):
            evidence.append(f"{_cell_name(cell)} deletes `{name}` and ran after it was defined")
            hint = _deleted_hint(cell, name, nb)
            return _finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell)
    conditional = _only_conditional(nb, name, cells, evidence)
    if conditional is not None:
        return conditional
    cell = _nearest(nb, cells)
    evidence.append(f"{_cell_name(cell)} ran in this session, yet `{name}` is not defined")
    hint = (
        f"Cell {cell.index + 1} defines `{name}` in its current code but probably did not when it "
        "last ran (edited since?): run it again."
    )
    return _finding(NOTEBOOK, OUT_OF_ORDER, False, hint, evidence, cell)


def _reads_itself(source: str, line: int, name: str) -> bool:
    """Line ``line`` (1-based) of ``source`` assigns ``name`` from an expression that reads it."""
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return False
    m = re.match(rf"\s*{re.escape(name)}\s*(?:[-+*/%@&|^]|//|\*\*)?=(?!=)(.*)", lines[line - 1])
    return m is not None and re.search(rf"(?<![\w.]){re.escape(name)}\b", m.group(1)) is not None


def _class_body_uses_itself(source: str, name: str) -> bool:
    """A top-level `class name:` whose own body, outside its methods, reads ``name``."""
    tree = python_tree(to_python(source)[0])
    for node in tree.body if tree is not None else ():
        if not (isinstance(node, ast.ClassDef) and node.name == name):
            continue
        todo = [n for n in node.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        while todo:
            item = todo.pop()
            if isinstance(item, ast.Name) and item.id == name and isinstance(item.ctx, ast.Load):
                return True
            if not isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                todo.extend(ast.iter_child_nodes(item))
    return False


def _assigned_after_the_call(nb: _Notebook, name: str, top, inner) -> str:
    """The hint when the crash cell calls a function that reads the global ``name`` (raised
    inside it) on a line above the cell's own unconditional assignment of ``name``
    (`c = add()`, then `d = 4`): the assignment is meant for that call. "" otherwise."""
    if nb.crash is None or top is None or inner is None or inner is top or not top.lineno:
        return ""
    crash = nb.names(nb.crash)
    assigned = crash.def_lines.get(name)
    if assigned is None or assigned <= top.lineno or name in crash.conditional:
        return ""
    lines = nb.crash.source.splitlines()
    if len(lines) < top.lineno or lines[top.lineno - 1].strip() != top.failing_line.strip():
        return ""  # the saved code is not what ran: its line numbers say nothing
    function = inner.function.rsplit(".", 1)[-1]
    runs = "runs code" if function.startswith("<") else f"calls `{function}`,"
    return (
        f"This cell assigns `{name}` on line {assigned}, after line {top.lineno} {runs} which "
        f"reads it: move that assignment above line {top.lineno}."
    )


def _own_variable_hint(nb: _Notebook, name: str, line: str, top, inner, definers: list[Cell]):
    """(hint, evidence, the definer) when the crash cell fills an array of its own, or the
    function that raised has a look-alike variable of its own: another cell's `name` may not be
    the one meant, whatever order the cells ran in. Else None."""
    filled = _fills_its_own(nb, name, line, top, definers)
    if filled is not None:
        cell, inputs = filled
        hint = (
            f"This cell fills `{name}` item by item but never creates it, and it computes its "
            f"own {inputs} (cell {cell.index + 1} makes its `{name}` from other ones): create "
            f"`{name}` in this cell first, e.g. an array of the size it fills."
        )
        return hint, f"{nb.where()} assigns {inputs}, all that {_cell_name(cell)} reads", cell
    alike = _own_local_alike(inner, name)
    if not alike:
        return None
    # `tokens = sentence.split()` in the function, then `for w in text_tokens`: its own
    # variable misnamed, or a global it relies on; both readings, the cell named
    cell = _nearest(nb, definers, name)
    function = inner.function.rsplit(".", 1)[-1]
    hint = (
        f"`{function}` reads a global `{name}` (cell {cell.index + 1} assigns it) while it "
        f"has its own `{alike}`: if it means `{alike}`, use that; else run cell "
        f"{cell.index + 1} first."
    )
    return hint, f"`{function}` has its own `{alike}`", cell


def _fills_its_own(nb: _Notebook, name: str, line: str, top, definers: list[Cell]):
    """(the definer, its inputs in words) when the failing line stores into an item of ``name``
    (`c[i][j] = a[i][j] + b[j]`) and the crash cell, above that line, assigns every variable
    that the nearest definer's `name = ...` reads (`c = a*b`): the cell redoes that computation
    on values of its own, so the other cell's `name` is not the one it fills. Else None."""
    if nb.crash is None or top is None or not top.lineno or "[" not in line:
        return None
    if not re.match(rf"\s*{re.escape(name)}\s*(?:\[[^\]]*\]\s*)+=(?!=)", line):
        return None
    cell = _nearest(nb, definers, name)
    made = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=(?!=)([^\n#]*)", cell.source, re.M)
    if made is None:
        return None
    inputs = set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\b(?!\s*[.(])", made.group(1)))
    inputs -= _BUILTIN_NAMES | {name}
    crash = nb.names(nb.crash)
    own = {n for n, at in crash.def_lines.items() if at < top.lineno}
    if not inputs or not inputs <= own:
        return None
    return cell, ", ".join(f"`{n}`" for n in sorted(inputs))


def _own_local_alike(inner, name: str) -> str:
    """A variable of the notebook function that raised (a parameter, or assigned in its shown
    lines) whose name is a whole part of ``name`` or has ``name`` as one (`tokens` for
    `text_tokens`): the function may mean its own variable, not the global. "" otherwise."""
    if inner is None or not inner.function or inner.function.startswith("<"):
        return ""
    function = inner.function.rsplit(".", 1)[-1]
    own: list[str] = []
    for line in inner.code_lines:
        code = line.split("#", 1)[0]
        if re.match(rf"\s*global\b.*\b{re.escape(name)}\b", code):
            return ""  # declared global: the global is meant
        header = re.match(rf"\s*(?:async\s+)?def\s+{re.escape(function)}\s*\((.*)", code)
        if header:
            own += re.findall(r"(?:^|,)\s*\*{0,2}([A-Za-z_]\w*)", header.group(1))
        assigned = re.match(r"^\s*([A-Za-z_]\w*)\s*=(?!=)(.*)", code)
        if assigned and re.search(rf"\b{re.escape(name)}\b", assigned.group(2)) is None:
            # `user_input = Input(...)` is made from `name`: it cannot be what `name` meant
            own.append(assigned.group(1))
    if name in own:
        return ""
    parts = name.lower().split("_")
    for local in dict.fromkeys(own):
        mine = local.lower().split("_")
        if local != name and len(local) >= 4 and (_within(mine, parts) or _within(parts, mine)):
            return local
    return ""


def _own_sibling(inner, name: str) -> str:
    """A variable the raising function assigns in its shown lines that shares a first or last
    word with ``name`` and holds another one (`mean_accuracy` beside `mean_recall`): ``name`` is
    one more result of that kind the function never computed. The shared word must name the
    call that computes it (`np.mean(scores)`): `y_pred = model.predict(X_test)` beside `y_test`,
    `X_train = ...` beside `y_train` share the data's role, and ``name`` is an input, not a
    result. "" otherwise."""
    words = name.lower().split("_")
    if len(words) < 2:
        return ""
    for line in inner.code_lines:
        code = line.split("#", 1)[0]
        found = re.match(r"\s*([A-Za-z_]\w*)\s*=(?!=)", code)
        other = found.group(1).lower().split("_") if found else []
        if len(other) != len(words) or other == words:
            continue
        shared = {w for w, o in ((words[0], other[0]), (words[-1], other[-1])) if w == o}
        called = re.findall(r"([A-Za-z_]\w*)\s*\(", code[found.end() :])
        if shared & {w for call in called for w in call.lower().split("_")}:
            return found.group(1)
    return ""


def _within(part: list[str], whole: list[str]) -> bool:
    """``part`` is a run of ``whole``'s words (`["tokens"]` of `["text", "tokens"]`)."""
    n = len(part)
    return n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _own_assignment_hint(nb: _Notebook, name: str, defined_elsewhere: bool) -> str | None:
    """The crashing cell assigns `name` itself: below its first use (used before assigned), or
    above it (then the saved code is not what ran: the cell was edited since). With other cells
    defining `name`, only a use above the cell's own assignment is certain."""
    crash = nb.names(nb.crash) if nb.crash else None
    if not crash or name not in crash.defines:
        return None
    if _class_body_uses_itself(nb.crash.source, name):
        # the body runs while the class is built, before its name is bound
        return (
            f"Code in the body of class `{name}` (outside its methods) uses `{name}` itself, "
            f"and a class body runs before the class exists: dedent that code out of the class "
            "(below it), or move it into a method."
        )
    line, used = crash.def_lines[name], crash.use_lines.get(name)
    if defined_elsewhere and (
        used is None
        or used >= line
        or name in crash.conditional
        or _reads_itself(nb.crash.source, line, name)  # changes the other cell's value
    ):
        return None
    if used and used > line:
        # `import torch` on line 4, `torch.randn` on line 7, yet a NameError: not this code ran
        return (
            f"This cell assigns `{name}` on line {line}, above its use on line {used}, yet "
            f"`{name}` was undefined when it ran: the cell was edited since (or line {line} "
            "did not run); run it again."
        )
    where = f" on line {used}" if used else ""
    if _reads_itself(nb.crash.source, line, name):
        # `data = data[cols]` derives `data` from itself: moving it up cannot help.
        return (
            f"`{name}` is used{where} before anything creates it: line {line} of this cell "
            f"only changes an existing `{name}`, and no cell of the notebook creates it; "
            f"create or load `{name}` first."
        )
    return (
        f"`{name}` is used{where} before it is assigned on line {line} of this cell: "
        "assign it first."
    )


def _all_code(nb: _Notebook) -> str:
    """The source of every code cell of the notebook, one after another."""
    return "\n".join(c.source for c in nb.cells)


_PLAIN_KERAS = re.compile(r"^[ \t]*(?:from[ \t]+keras\b|import[ \t]+keras\b)", re.M)


def _plain_keras(nb) -> bool:
    """The notebook imports the standalone `keras` and never names `tensorflow`."""
    sources = [c.source for c in nb.cells]
    return any(_PLAIN_KERAS.search(s) for s in sources) and not any(
        "tensorflow" in s for s in sources
    )


def _removed_as_called(name: str, line: str):
    """`removed_function(name)` when the line's call fits the removed API: scikit-learn's
    `plot_confusion_matrix(estimator, X, y)` took a model and the data (three values by
    position), while mlxtend's `plot_confusion_matrix(conf_mat=cm)` and the documentation's
    recipe `plot_confusion_matrix(cm, classes=...)`, which notebooks define themselves, take a
    matrix: those are other functions, and the replacement would not fit."""
    removed = removed_function(name)
    if removed is None or "from_estimator(" not in removed[1].use:
        return removed
    call = re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", line)
    if call is None:
        return None
    passed = call_arguments(line[call.start() :])
    positional = [a for a in passed if not re.match(r"\s*\w+\s*=(?!=)", a)]
    return removed if len(positional) >= 3 else None


def _defined_nowhere(
    nb: _Notebook, name: str, message: str, evidence: list[str], line: str, inner=None
):
    evidence.append(f"none of the notebook's {len(nb.cells)} code cells defines `{name}`")
    dynamic = [c for c in nb.cells if _may_be_dynamic(c.source) and nb.names(c).dynamic]
    if dynamic:
        evidence.append(f"{_cell_name(dynamic[0])} may define names unseen (`import *`, `%run`)")
    # The crashing cell's own code is known from the traceback's line even when its source
    # came blank (edited after it ran): only the other cells can hide a definition.
    unseen = [c for c in nb.unseen if c is not nb.crash]
    if unseen:
        evidence.append(f"{len(unseen)} cells came without (all of) their source")
    partial = nb.partial
    if partial:
        evidence.append("the record holds only some of the notebook's cells")
    decisive = not dynamic and not unseen and not partial
    own = _own_assignment_hint(nb, name, defined_elsewhere=False)
    if own:
        return _finding(IMPLEMENTATION, None, decisive, own, evidence)
    variant = _case_variant_nearby(inner, name)
    if variant and nb.crash is not None and _read_together(nb.crash.source, name, variant):
        variant = ""  # `n[0] / N`: the cell reads both, two values (`N` was never set)
    if variant:
        # `age = cols[0]` above `if pd.isnull(Age):` in the same function: the spelling, not a
        # column, is what differs
        evidence.append(f"the failing code assigns `{variant}`, `{name}` in another case")
        hint = (
            f"`{name}` is not defined, but the code around the failing line assigns `{variant}`: "
            "Python names are case-sensitive; write the same name in both places."
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    on_line = keyword_compared(name, line) or column_read_as_attribute(
        name,
        line,
        lambda n: any(imports_name(c.source, n) for c in nb.cells),
        _continued(inner, line),
    )
    if on_line:
        # `df['a', axis==1]`, `df.Genre.value_counts().sort_values(Genre)`: the failing line
        # itself shows what the name is, whatever the other cells hold
        evidence.append(f"the failing line shows `{name}` is no variable")
        return _finding(IMPLEMENTATION, None, decisive, on_line, evidence)
    column = _column_named_like(nb, name)
    own_commented = commented_definition(nb.crash.source, name, line) if column and nb.crash else ""
    if own_commented:
        # `# island = input(...)` above the failing line of this very cell: the line that gave
        # the value was switched off, which says more than a column of the same name elsewhere
        evidence.append(f"{nb.where()} has the commented-out line `# {own_commented}`")
        return _finding(IMPLEMENTATION, None, True, commented_hint(name, own_commented), evidence)
    if column:
        # No cell binds it at the top level, and the notebook reads it as a column: the line
        # uses the column's name as if it were a variable.
        evidence.append(f"the notebook reads `{column}['{name}']`")
        hint = _column_hint(name, column, subscript_of(line, name))
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    local = next((c for c in nb.mentioning(name) if name in nb.names(c).local_only), None)
    failing_function = inner.function if inner is not None else ""
    if local is not None and local is nb.crash and _defs_below_failing_line(nb, name, line):
        # `print(ages[mask])` above this cell's own `def bcd(ages)`: the line ran before any
        # def, so it needs a top-level value, not one of that function
        local = None
    below = local is not None and nb.crash is not None and local.index > nb.crash.index
    hint = None
    close = _numbered_twin(nb, name) if local is not None else ""
    if close:
        # `X_resampled` a parameter of a def, `X_resampled1` a top-level name: a slip of the
        # latter is as likely as a read of the former, so the hint names both
        evidence.append(f"`{close}` is defined and looks close")
        hint = (
            f"`{name}` has a value only inside a function of cell {local.index + 1}, and "
            f"`{close}` is defined and looks close: did you mean `{close}`?"
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence, local)
    read, parameter = _attribute_parameter(nb, name, failing_function, inner)
    if parameter:
        # `img.shape` read in `def f(fit, img_shape)`: the value was passed in, under a name of
        # its own; another cell's `img` would only hide that slip
        evidence.append(f"`{failing_function}()` takes `{parameter}`")
        hint = (
            f"`{name}` is no variable of `{failing_function}()`, which takes `{parameter}`: "
            f"did you mean that parameter where this line reads `{read}`?"
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    # only when the cell's own top-level line reads the name: a function it calls (`train()`
    # reading a global) is not mended by moving the cell into the `def`
    split_from = (
        _body_split_from(nb, local, name)
        if local is not None and not below and failing_function in ("", "<module>")
        else ""
    )
    if split_from:
        # an indented cell right after a cell that ends in `def f(...)`: the rest of that
        # function's body, cut off into its own cell, where every local of `f` is missing
        hint = (
            f"This cell is indented like the rest of `{split_from}()`'s body, and `{name}` is "
            f"local to that function in {_cell_name(local)}: move this code back inside the "
            f"`def` (at the end of that cell), then call `{split_from}(...)`."
        )
    elif local is not None:
        other = _other_top_level_def(nb, failing_function, name)
        hint = _local_hint(local, name, below, line, failing_function, other)
    if hint:
        evidence.append(f"{_cell_name(local)} assigns `{name}` only inside a function or class")
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence, local)
    # How the failing line (else the cell) uses the name picks the import: glob(...), glob.glob(...)
    statement = import_for(name, line or (nb.crash.source if nb.crash else ""))
    if passed_as_own_keyword(line, name):
        statement = None  # `explode=explode`: a variable, not pyspark's `explode`
    if statement and statement.startswith("from tensorflow.keras.") and _plain_keras(nb):
        # `from keras.layers import Dense` in the notebook: tf.keras' `Layer` mixed with the
        # standalone Keras' layers is no layer to it (and Keras 3 may run without TensorFlow)
        statement = statement.replace("from tensorflow.keras.", "from keras.", 1)
    suggestion = _close_name(nb, name, message, line)
    if statement and suggestion in _BUILTIN_NAMES:
        suggestion = None  # `global` near `glob`: only the notebook's own names can be the typo
    member = "" if statement else _member_of_imported(nb, name, line)
    matlab = _written_like_matlab(nb, name, member) if member else []
    if matlab:
        # `subplot(1,2,1,'Parent',p)` over `x = linspace(0,10,50);`: fixing the first name
        # leaves the next bare call (and MATLAB's own arguments) to fail
        evidence.append("the cell's lines end in `;` and call several functions bare")
        calls = ", ".join(f"`{m}(...)`" for m in matlab[:3])
        hint = (
            "This cell is written like MATLAB (lines ending in `;`, functions called bare): in "
            f"Python each function comes from its module ({calls}), and takes the arguments "
            "that library documents, not MATLAB's."
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    clipped = _first_letter_lost(nb, name, line, member) if name in _CLIPPED_BUILTINS else ""
    if clipped:
        # `rint(x.shape)` among `print(...)` lines: the `p` lost, not NumPy's `rint`
        evidence.append(f"`{name}` is `{suggestion}` without its first letter")
        return _finding(IMPLEMENTATION, None, decisive, clipped, evidence)
    if member and (suggestion is None or suggestion in _BUILTIN_NAMES):
        # `arange(7)` with `import numpy as np`: NumPy's function, not `range`
        evidence.append(f"`{member}` exists and the notebook imports its module")
        alias, _, _ = member.partition(".")
        hint = (
            f"`{name}` is defined nowhere in the notebook, but the module it imports as "
            f"`{alias}` has it: write `{member}(...)`."
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    if name in _PANDAS_INDEXERS and re.search(rf"(?<![\w.]){name}\s*\[", line or ""):
        # `loc[1]`: pandas' indexer written without the table it belongs to
        evidence.append(f"`{name}[...]` is how pandas' indexer is written after a table")
        hint = (
            f"`{name}` is no variable but the indexer of a pandas DataFrame or Series: write it "
            f"after one, `df.{name}[...]` (a list or an array is indexed directly, `a[1]`)."
        )
        return _finding(IMPLEMENTATION, None, decisive, hint, evidence)
    if suggestion and not _member_fits(nb, suggestion, name, line):
        suggestion = None  # `plot.learning_curve` for `plt`: pyplot has no `learning_curve`
    if suggestion and _collection_of(nb, suggestion, name):
        suggestion = None  # `models.append(model)`: the list, not a misspelt `model`
    if suggestion and _class_for_other_builtin(name, suggestion):
        suggestion = None  # `Sound(...)` near `round`: a class never imported, not a typo
    if suggestion and decisive and assigned_counterpart(name, _lines_above(nb, inner, line)):
        # `digits_matrix = …` just above `digits[i][j] += 1`: the value the line reads, under
        # the name it was given, not the loop's `digit` that only looks close
        suggestion = None
    if suggestion:
        evidence.append(f"`{suggestion}` is defined and looks close")
    # What the notebook shows: all its cells, or only some (then the hint stays humble).
    nowhere = (
        f"`{name}` is not defined anywhere in the notebook"
        if decisive
        else f"No cell shown here defines `{name}`"
    )
    commented = _commented_out(nb, line, evidence) if nb.crash is not None else None
    if commented is not None:
        return commented
    obj = subscript_of(line, name)
    commented = next(
        (
            (c, found)
            for c in ([nb.crash] if nb.crash else []) + nb.mentioning(name)
            if (found := commented_definition(c.source, name, line if c is nb.crash else ""))
        ),
        None,
    )
    if commented is not None and _reads_names_no_cell_binds(nb, commented[1]):
        commented = None  # `# X_tr, X_te = split(X, y)` with `X` commented out too: not enough
    method = _column_method_called(nb, name, line) if not statement else ""
    if method:
        evidence.append(f"`{name}` is a method of pandas objects, called with a column's name")
        hint = method
    elif not statement and not suggestion and (column := _column_read_as_object(nb, name, line)):
        evidence.append(f"the code names a column `'{name}'`, read here without quotes")
        hint = column
    elif commented is not None and not suggestion:
        cell, found = commented
        where = "this cell" if cell is nb.crash else f"cell {cell.index + 1}"
        evidence.append(f"{_cell_name(cell)} has the commented-out line `# {found}`")
        twin = live_twin(cell.source, found) if cell is not nb.crash else ""
        hint = commented_hint(name, found, where, twin)
    elif statement and _failed_import_of(nb, suggestion):
        # `from tensorflow.keras.layers import LSTN` failed: the slip is in that import
        cell = _failed_import_of(nb, suggestion)
        evidence.append(f"{_cell_name(cell)} failed importing `{suggestion}`")
        hint = (
            f"Cell {cell.index + 1} failed to import `{suggestion}`, a misspelling of `{name}`: "
            f"write `{name}` in that import and run it again."
        )
    elif statement and strptime_of_a_column(line, name):
        # importing the name would only move the error on: `strptime` takes one string
        hint = strptime_of_a_column(line, name)
    elif (
        not statement
        and not suggestion
        and name.endswith("_")  # every fitted attribute does: no join of the cells for others
        and (fitted := fitted_attribute_hint(name, _code_with_crash(nb)))
    ):
        # `print(best_params_)`: the attribute of a fitted search, read without its object
        evidence.append(f"`{name}` is an attribute scikit-learn sets on fitted objects")
        hint = fitted
    elif not statement and not suggestion and (removed := _removed_as_called(name, line)):
        # `plot_roc_curve(model, X, y)` copied without its import: the import fails too on a
        # scikit-learn that removed it, so the replacement is the fix
        owner, hit = removed
        evidence.append(f"`{owner}.{name}` is a removed scikit-learn API")
        hint = f"{nowhere}; it was scikit-learn's `{owner}.{name}`, {hit.note}: use `{hit.use}`."
    elif statement and not imported_as(name, [c.source for c in nb.cells])[1]:
        # `models` for the notebook's `model`: a typo that is a library's name as well.
        # (`numpy.mean(x)` where a cell has `import numpy as np`: the alias below says more)
        hint = missing_import_hint(name, statement, suggestion or "")
    elif suggestion:
        hint = f"{nowhere}: did you mean `{suggestion}`?"
    elif decisive and (quoted := quoted_definition(name, [c.source for c in nb.cells]))[1]:
        # `norm_data = ...` inside a `'''...'''` block: code switched off with quotes
        index, found = quoted
        number = nb.cells[index].index + 1
        evidence.append(f"cell {number} has `{found}` inside a triple-quoted string")
        hint = (
            f"`{name}` is assigned only inside a triple-quoted string in cell {number} "
            f"(`{found[:60]}`), which Python reads as text: remove the quotes around that code "
            "and run it."
        )
    elif decisive and (meant := _twice_typed_name(nb, name)):
        # `eps2eps2_01` for the `eps2_01` a cell defines: a part typed twice
        evidence.append(f"`{meant}` is defined; `{name}` types a part of it twice")
        hint = f"{nowhere}: did you mean `{meant}` (a part of the name is typed twice)?"
    elif (aliased := imported_as(name, [c.source for c in nb.cells]))[1] and (
        passed := _class_path_passed(name, line)
    ):
        # `data=pandas.core.frame.DataFrame,`: the alias mends the name, yet the argument
        # would still get the class, where a call most often wants data of that class
        index, alias, statement = aliased
        number = nb.cells[index].index + 1
        evidence.append(f"cell {number} has `{statement}`; the line passes `{passed}`")
        hint = (
            f"`{name}` itself is never bound (cell {number} imports it as `{alias}`), and "
            f"`{passed}` is a class, not data: if the argument wants your data, pass the "
            f"variable that holds it; if it wants the class, write `{alias}` for `{name}`."
        )
    elif (aliased := imported_as(name, [c.source for c in nb.cells]))[1]:
        # `numpy.std(psi)` with `import numpy as np`: the alias is the name that exists
        index, alias, statement = aliased
        number = nb.cells[index].index + 1
        evidence.append(f"cell {number} has `{statement}`")
        hint = (
            f"`{name}` itself is never bound: cell {number} imports it as `{alias}` "
            f"(`{statement}`); write `{alias}` here in place of `{name}`."
        )
    elif decisive and _library_slip(nb, name):
        # `tranforms` in a notebook that imports torchvision: its `transforms`, one slip off
        known, statement = _library_slip(nb, name)
        evidence.append(f"`{known}` is a name of a module the notebook imports")
        hint = f"{nowhere}: did you mean `{known}` (`{statement}`)?"
    elif decisive and assigned_counterpart(name, _lines_above(nb, inner, line)):
        # `words_dict = {...}` two lines above `plt.bar(words.keys(), ...)`: the value the
        # line reads, under the name it was given
        meant = assigned_counterpart(name, _lines_above(nb, inner, line))
        evidence.append(f"the code above the failing line assigns `{meant}`")
        hint = f"{nowhere}, but the code above the failing line assigns `{meant}`: " + (
            "one of the two is misspelt; write the same name in both places."
            if first_letter_slip(name, meant)
            else f"did you mean `{meant}`?"
        )
    elif decisive and torch_device_hint(name, [c.source for c in nb.cells]):
        evidence.append("the notebook imports torch and no cell sets `device`")
        hint = torch_device_hint(name, [c.source for c in nb.cells])
    elif _loop_part(nb, name):
        # `for key in keys: d[word_key]`: the loop's own variable is a part of the name
        part = _loop_part(nb, name)
        hint = f"{nowhere}, and a `for` loop of this cell binds `{part}`: did you mean `{part}`?"
    elif obj and indexed_by_variables_hint(line, obj, name, nowhere, _all_code(nb)):
        # `l[i], l[j] = l[j], l[ii]`: the line's other subscripts of `l` are variables
        hint = indexed_by_variables_hint(line, obj, name, nowhere, _all_code(nb))
    elif obj:
        hint = f"{nowhere}: {quotes_hint(obj, name)}; if it is a variable, assign it first."
    elif stray := _stray_letter(name, (inner.failing_line if inner else "") or line):
        # `'param': a [best_params],`: one letter, then a space, then a list where a value
        # stands: a stray keystroke before the list reads as indexing a name nothing defines
        hint = (
            f"{nowhere}, and this line reads `{name} {stray}`, which indexes `{name}`: if the "
            f"`{name}` is a stray keystroke, delete it to leave the list `{stray}`; else define "
            f"`{name}` first."
        )
    elif (
        _raising_function(inner)
        and not _calls(inner.failing_line or line, name)
        and _own_sibling(inner, name)
    ):
        # `mean_recall` read beside the function's own `mean_accuracy = np.mean(scores)`: one
        # of a set of results it computes, never computed; no other name or caller holds it
        function, sibling = _raising_function(inner), _own_sibling(inner, name)
        cells = "no cell" if decisive else "no cell shown here"
        hint = (
            f"`{function}()` computes `{sibling}` but not `{name}`, and {cells} sets `{name}` "
            f"at its top level: compute `{name}` in the function before this line."
        )
    elif _raising_function(inner) and _mirrored_call(nb, name, inner.failing_line or line):
        # `func = step(y, t, c)` beside `def step(y, t, c)`: the signature copied into a call,
        # where a solver (`odeint(step, …)`) is what supplies `y`; "pass it in" misleads
        called = _mirrored_call(nb, name, inner.failing_line or line)
        hint = (
            f"`{called}(…)` is given `{name}` under the name it has in `def {called}`, and "
            f"nothing here gives `{name}` a value: if a solver or library is to call `{called}` "
            f"with its own `{name}` (as `odeint(f, …)` does), pass the function itself, "
            f"`{called}`, without calling it; else compute `{name}` before this line."
        )
    elif _raising_function(inner) and not _calls(inner.failing_line or line, name):
        # (a name the line calls is a function or class to define or import, not a value to
        # pass in)
        # `model.predict(...)` in a function whose fold model is `rankModel`: a global `model`
        # defined for it would run, on the wrong object
        function = _raising_function(inner)
        cells = "no cell" if decisive else "no cell shown here"
        hint = (
            f"`{name}` is neither a parameter nor a variable of `{function}()`, where it is read, "
            f"and {cells} sets it at its top level: if the function holds that value under "
            "another name (a parameter or a variable it assigns), use that name; else pass it in "
            "as an argument."
        )
    elif _ends_in_open(name, line):
        # `pickle.dump(lr_open('m.pkl', 'wb'))`: `lr` and `open(...)`, their comma lost
        value = name[: -len("_open")]
        hint = (
            f"{nowhere}, and its name ends in the built-in `open`: if you meant two arguments, "
            f"put a comma between them (`{value}, open(...)`); else define it first."
        )
    elif _comma_for_dot(nb, name, line):
        # `range(X_train, shape[0])` beside `X_train.shape[0]` elsewhere: a `.` typed as `,`
        meant = _comma_for_dot(nb, name, line)
        evidence.append(f"the notebook reads `{meant}` elsewhere")
        hint = (
            f"{nowhere}, but the notebook reads `{meant}` elsewhere: if you meant that here, "
            f"write `{meant}` (a `.` where this line has `, `)."
        )
    elif decisive and _stray_name_line(nb, name, line):
        # `aeaa` alone on a line, a name no other cell mentions: stray text more often than code
        hint = (
            f"{nowhere}, and this line is that name alone, which does nothing even when defined: "
            "if it is stray text, delete the line; else define it first."
        )
    else:
        hint = f"{nowhere}: define it (or import it) first, or check its spelling."
    return _finding(IMPLEMENTATION, None, decisive, hint, evidence)


def _attribute_parameter(nb: _Notebook, name: str, function: str, inner) -> tuple[str, str]:
    """(`img.shape`, `img_shape`): the failing line of ``function`` reads an attribute of the
    undefined ``name`` and the function takes a parameter named after both; ("", "")."""
    if inner is None or function in ("", "<module>"):
        return "", ""
    for attribute in re.findall(rf"(?<![\w.]){re.escape(name)}\.(\w+)", inner.failing_line):
        parameter = f"{name}_{attribute}"
        headers = (p for c in nb.cells for p in function_parameters(c.source, function))
        if any(parameter in header for header in headers):
            return f"{name}.{attribute}", parameter
    return "", ""


def _comma_for_dot(nb: _Notebook, name: str, line: str) -> str:
    """`X_train, shape` on the failing line where another line reads `X_train.shape`: the
    attribute meant, with its `.` typed as a comma; or ""."""
    for owner in re.findall(rf"(?<![\w.])([A-Za-z_]\w*),[ \t]*{re.escape(name)}\b", line or ""):
        dotted = f"{owner}.{name}"
        if any(re.search(rf"(?<![\w.]){re.escape(dotted)}\b", c.source) for c in nb.cells):
            return dotted
    return ""


def _stray_name_line(nb: _Notebook, name: str, line: str) -> bool:
    """The failing line is the undefined name alone, code follows it in the cell (so it
    displays nothing: the last line of a cell would show its value), and no other cell mentions
    it: text typed by accident or a value never made."""
    if nb.crash is None or (line or "").strip().rstrip(";").strip() != name:
        return False
    lines = [text.split("#")[0].strip() for text in nb.crash.source.splitlines()]
    alone = [i for i, text in enumerate(lines) if text.rstrip(";").strip() == name]
    if not alone or not any(lines[alone[-1] + 1 :]):
        return False
    return all(c is nb.crash for c in nb.mentioning(name))


# Methods of a column that read its values and take no required argument: `mean("rooms")` is
# one of them called on the column it names.
_COLUMN_METHODS = frozenset(
    {
        "mean", "median", "mode", "std", "var", "sem", "skew", "kurt", "nunique", "unique",
        "value_counts", "describe", "count", "idxmax", "idxmin", "cumsum", "hist", "plot",
        "isnull", "isna", "notnull", "notna",
    }
)  # fmt: skip
_IMPORTS_PANDAS = re.compile(r"^[ \t]*(?:import|from)[ \t]+pandas\b", re.M)


def _column_method_called(nb: _Notebook, name: str, line: str) -> str:
    """`df[mean("rooms")]`: a method of pandas objects called as a function with a column's
    name, in a notebook that imports pandas. The column's frame is the one name the notebook
    subscripts with that text (`df2["rooms"]`), else the frame the line subscripts. "" when
    the name is no such method or the call passes anything but one string."""
    if name not in _COLUMN_METHODS or name not in members.PANDAS_OBJECT or hasattr(builtins, name):
        return ""  # (`to_csv("out.csv")`, `groupby("g")`, `query("a > 1")`: a frame's, no column's)
    called = re.search(rf"(?<![\w.]){re.escape(name)}\(\s*(['\"])([^'\"\n]+)\1\s*\)", line)
    if called is None or not any(_IMPORTS_PANDAS.search(c.source) for c in nb.cells):
        return ""
    column = called.group(2)
    quoted = rf"(?<![\w.])([A-Za-z_]\w*)\[\s*['\"]{re.escape(column)}['\"]\s*\]"
    frames = {m.group(1) for c in nb.cells for m in re.finditer(quoted, c.source)}
    around = re.match(rf"\s*([A-Za-z_]\w*)\[\s*{re.escape(name)}\(", line)
    frame = next(iter(frames)) if len(frames) == 1 else (around.group(1) if around else "df")
    return (
        f"`{name}` is no function of its own but a method of pandas columns: call it on the "
        f"column, `{frame}['{column}'].{name}()`."
    )


# `df[Genre.value_counts()]`: a frame subscripted with a name's method call
_FRAME_OF_NAME_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\[\s*([A-Za-z_]\w*)\.(\w+)\(\s*\)\s*\]")


def _code_with_crash(nb: _Notebook) -> str:
    """The sources of the notebook's cells and of the crash cell."""
    return "\n".join(c.source for c in [nb.crash, *nb.cells] if c is not None)


def _first_letter_lost(nb: _Notebook, name: str, line: str, member: str) -> str:
    """The hint when ``name`` is a builtin function without its first letter (`rint` for
    `print`) and the line calls it: the letter was lost, whatever module also has the name.
    Said as sure only when the crash's cell calls that builtin on another line; else both
    readings when an imported module has the name (`np.rint`). "" otherwise."""
    builtin = _CLIPPED_BUILTINS[name]
    if re.search(rf"(?<![\w.]){name}\s*\(", line) is None:
        return ""
    source = nb.crash.source if nb.crash is not None else ""
    others = [s for s in source.splitlines() if s.strip() != line.strip()]
    if any(re.search(rf"(?<![\w.]){builtin}\s*\(", s) for s in others):
        return (
            f"`{name}` is `{builtin}` with its first letter lost (this cell calls `{builtin}` "
            f"on its other lines): write `{builtin}(...)`."
        )
    if not member:
        return ""
    return (
        f"`{name}` is not defined: if it is `{builtin}` with its first letter lost, write "
        f"`{builtin}(...)`; if it is the imported module's function, `{member}(...)`."
    )


def _column_read_as_object(nb: _Notebook, name: str, line: str) -> str:
    """`df[Genre.value_counts()]` where the code names a column `'Genre'` (quoted in a
    subscript or a list of columns): the column was meant, `df['Genre'].value_counts()`."""
    if f"[{name}." not in line.replace(" ", ""):
        return ""
    found = next((m for m in _FRAME_OF_NAME_CALL.finditer(line) if m.group(2) == name), None)
    if found is None or found.group(3) not in members.PANDAS_OBJECT:
        return ""
    quoted = (f"'{name}'", f'"{name}"')
    if not any(q in c.source for c in [nb.crash, *nb.cells] if c is not None for q in quoted):
        return ""
    frame, method = found.group(1), found.group(3)
    return (
        f"`{name}` is no variable but a column's name (the code writes it in quotes "
        f"elsewhere): take the column from the frame, `{frame}['{name}'].{method}()`."
    )


def _lines_above(nb: _Notebook, inner, line: str) -> list[str]:
    """The code lines above the failing line: those the traceback shows in the frame that
    raised (a few around it), and the crashing cell's own (when its saved code holds it)."""
    shown = list(inner.code_lines) if inner is not None else []
    above = (
        shown[: shown.index(inner.failing_line)] if inner and inner.failing_line in shown else []
    )
    source = nb.crash.source.splitlines() if nb.crash is not None else []
    stripped = [s.strip() for s in source]
    if line.strip() in stripped:
        above += source[: stripped.index(line.strip())]
    return above


def _twice_typed_name(nb: _Notebook, name: str) -> str:
    """The name some cell defines that ``name`` is, once a part typed twice is written once."""
    meant = typed_twice(name)
    if not meant or len(meant) < 3:
        return ""
    return meant if any(meant in nb.names(c).defines for c in nb.mentioning(meant)) else ""


def _library_slip(nb: _Notebook, name: str) -> tuple[str, str] | None:
    """The known library name one slip from ``name`` whose module the notebook imports, with
    its import statement, or None. A name some cell defines (`plt` for `plot`) is left to the
    close-name look, which weighs how the line uses it."""
    known, statement = misspelt_library_name(name, [c.source for c in nb.cells])
    if not known or any(known in nb.names(c).defines for c in nb.mentioning(known)):
        return None
    return known, statement


def _ends_in_open(name: str, line: str) -> bool:
    """`f(lr_open(...))`: a name ending in `_open`, called where an argument goes."""
    if not name.endswith("_open") or name == "_open":
        return False
    return re.search(rf"[(,]\s*{re.escape(name)}\s*\(", line) is not None


def _numbered_twin(nb: _Notebook, name: str) -> str:
    """A name some cell binds at its top level that is ``name`` with a number after it
    (`X_resampled1` for `X_resampled`), or ""."""
    twin = re.compile(rf"{re.escape(name)}_?\d+")
    for cell in nb.cells:
        for word in nb.names(cell).defines:
            if twin.fullmatch(word) and word not in nb.names(cell).local_only:
                return word
    return ""


def _calls(line: str, name: str) -> bool:
    """``line`` calls ``name`` (`name(...)`, not `obj.name(...)`)."""
    return re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", line) is not None


def _mirrored_call(nb: _Notebook, name: str, line: str) -> str:
    """The notebook function that ``line`` calls with ``name`` and at least one more argument
    in the very places its `def` has parameters of those names (`step(y, t, c)` beside
    `def step(y, t, c)`): its signature copied into a call. "" otherwise."""
    tree = python_tree(line.strip()) if name in line else None
    code = "\n".join(c.source for c in nb.cells)
    for call in ast.walk(tree) if tree is not None else ():
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
            continue
        given = [a.id if isinstance(a, ast.Name) else None for a in call.args]
        signatures = function_parameters(code, call.func.id) if name in given else []
        mirrored = [
            {arg for arg, param in zip(given, params, strict=False) if arg == param}
            for params in signatures
        ]
        if mirrored and all(name in m and len(m) >= 2 for m in mirrored):
            return call.func.id
    return ""


def _misspelt_accumulator(nb: _Notebook, name: str, line: str) -> bool:
    """`totl += v` beside `total = 0`: a name the notebook sets that is a slip of ``name`` in
    more than its case is likely the accumulator meant, whose start value exists already."""
    close = _close_name(nb, name, "", line)
    return bool(close) and close.lower() != name.lower() and close not in _BUILTIN_NAMES


def _raising_function(inner) -> str:
    """The name of the notebook's function the NameError was raised in (not a cell's own
    top-level code), else ""."""
    if inner is None or inner.function in ("", "<module>") or inner.function.startswith("<"):
        return ""
    name = inner.function.split("(")[0].rsplit(".", 1)[-1].strip()
    return name if name.isidentifier() else ""


# Modules whose public names the tables list, by the name they are imported as.
_MEMBER_TABLES = {
    "numpy": members.NUMPY,
    "pandas": members.PANDAS,
    "matplotlib.pyplot": members.PYPLOT,
    "torch": members.TORCH,
}


def _aliases(nb: _Notebook, tabled: bool = True) -> dict[str, str]:
    """alias → module of the notebook's `import numpy as np` lines (only the tabled modules
    unless ``tabled`` is False)."""
    code = "\n".join(c.source for c in nb.cells)
    pattern = r"^[ \t]*import[ \t]+([\w.]+)[ \t]+as[ \t]+(\w+)"
    return {
        alias: module
        for module, alias in re.findall(pattern, code, re.M)
        if module in _MEMBER_TABLES or not tabled
    }


def _member_of_imported(nb: _Notebook, name: str, line: str) -> str:
    """`np.arange` when the line calls `name`, a public name of a module the notebook imports
    under an alias (the first such module of the tables' order; a builtin's name is no slip)."""
    if name in _BUILTIN_NAMES or not re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", line):
        return ""
    aliases = _aliases(nb)
    for module, names in _MEMBER_TABLES.items():
        alias = next((a for a, m in aliases.items() if m == module), None)
        if alias and name in names:
            return f"{alias}.{name}"
    return ""


def _written_like_matlab(nb: _Notebook, name: str, member: str) -> list[str]:
    """The module members (`plt.subplot`, `np.linspace`) the crash cell calls bare, ``member``
    first, when it calls at least two more of them bare and at least two of its lines end in
    `;` (MATLAB's way of silencing a line): code translated from MATLAB in part, where naming
    one function's module is not the whole fix. Else []."""
    source = nb.crash.source if nb.crash is not None else ""
    ended = [ln for ln in source.splitlines() if ln.split("#", 1)[0].rstrip().endswith(";")]
    if len(ended) < 2:
        return []
    called = dict.fromkeys(re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", source))
    defined = set().union(*(nb.names(c).defines for c in nb.cells))
    others = [
        found
        for word in called
        if word not in (name, *defined) and (found := _member_of_imported(nb, word, source))
    ]
    return [member, *others] if len(others) >= 2 else []


def _reads_names_no_cell_binds(nb: _Notebook, statement: str, name: str = "") -> bool:
    """The commented-out assignment ``statement`` (cut at 80 characters: its last word may be
    cut too) reads ``name`` itself (`df = df.dropna()` needs `df` already), or a name that no
    cell's live code binds: uncommenting it alone fails anew."""
    _, eq, value = statement.partition("=")
    value = re.sub(r"(['\"]).*?\1", "", value) if eq else ""  # strings' words are no names
    words = re.findall(r"(?<![\w.])([A-Za-z_]\w*)\b(?!\s*=)", value)
    if len(statement) >= 80 and words and value.rstrip().endswith(words[-1]):
        words = words[:-1]
    return name in words or any(
        not keyword.iskeyword(w)
        and w not in _BUILTIN_NAMES
        and not any(w in nb.names(c).defines for c in nb.mentioning(w))
        for w in words
    )


def _class_for_other_builtin(name: str, suggestion: str) -> bool:
    """A capitalised name (a class's) whose close built-in starts with another letter: a typo
    keeps the first letter far more often than it capitalises another one."""
    return (
        suggestion in _BUILTIN_NAMES
        and name[:1].isupper()
        and name[:1].lower() != suggestion[:1].lower()
    )


def _member_fits(nb: _Notebook, suggestion: str, name: str, line: str) -> bool:
    """A close name used as `name.attr` on the line fits only if its module has `attr` (when the
    tables list that module's names)."""
    used = re.search(rf"(?<![\w.]){re.escape(name)}\.(\w+)", line)
    if used is None:
        # `plt.colorbar(plot, ...)`: a module is no value to pass, so `plt` is not meant
        return suggestion not in _aliases(nb, tabled=False)
    module = _aliases(nb).get(suggestion)
    return module is None or used.group(1) in _MEMBER_TABLES[module]


def _collection_of(nb: _Notebook, plural: str, name: str) -> bool:
    """``plural`` is ``name`` + s and the notebook appends to it, or imports it: a list of such
    things, or the module that makes them (`from keras import models`), a sibling of another
    kind rather than a misspelling (`models` of `model`)."""
    if plural not in (f"{name}s", f"{name}es"):
        return False
    appends = re.compile(rf"(?<![\w.]){re.escape(plural)}\.(?:append|extend|insert)\(")
    return any(
        appends.search(c.source) or imports_name(c.source, plural) for c in nb.mentioning(plural)
    )


def _own_commented_maker(nb: _Notebook, name: str, line: str) -> str:
    """The commented-out assignment of the crash cell that would make ``name``, when it stands
    above the cell's first read of ``name`` and no live line of the cell creates it; else ""."""
    if nb.crash is None:
        return ""
    found = commented_definition(nb.crash.source, name, line)
    names = nb.names(nb.crash)
    used = names.use_lines.get(name)
    if not found or used is None or creates(nb, nb.crash, name):
        return ""
    if found.startswith(("import ", "from ", "def ", "class ")):
        return ""  # another cell's `import sys` or `def` gives the same thing: no value of its own
    if _reads_names_no_cell_binds(nb, found, name):
        return ""  # `# df = clean(raw)` with no `raw` anywhere: restoring it fails in turn
    for number, text in enumerate(nb.crash.source.splitlines(), 1):
        stripped = text.strip()
        if stripped.startswith("#") and " ".join(stripped.lstrip("#").split()).startswith(found):
            return found if number < used else ""
    return ""


def _annotated_only(nb: _Notebook, name: str) -> tuple[Cell, int, str] | None:
    """(cell, line number, its text) of a top-level `name: value` without `=` (an annotation,
    which binds nothing) in the crash cell, else in another cell; None when there is none."""
    cells = [nb.crash] if nb.crash is not None else []
    cells += [c for c in nb.mentioning(name) if c is not nb.crash]
    for cell in cells:
        tree = python_tree(to_python(cell.source)[0])
        for statement in tree.body if tree is not None else ():
            if (
                isinstance(statement, ast.AnnAssign)
                and statement.value is None
                and isinstance(statement.target, ast.Name)
                and statement.target.id == name
            ):
                text = cell.source.splitlines()[statement.lineno - 1].strip()
                return cell, statement.lineno, _short(text, 50)
    return None


def _moved_and_ran_later(nb: _Notebook, line: str) -> Cell | None:
    """The cell holding the traceback's failing ``line`` when the saved crash cell is empty
    (its code moved there), and that cell ran after the crash without an error; else None."""
    crash = nb.crash
    wanted = line.strip()
    if crash is None or crash.source.strip() or not wanted or not crash.execution_count:
        return None
    for cell in nb.cells:
        later = (cell.execution_count or 0) > crash.execution_count
        if (
            later
            and cell.error is None
            and wanted in {ln.strip() for ln in cell.source.splitlines()}
        ):
            return cell
    return None


def _edited_away(nb: _Notebook, name: str, line: str) -> bool:
    """The crash cell's saved code holds neither the traceback's failing ``line`` nor a read of
    ``name`` before the cell gives it a value (`df = df.read_csv(…)` ran, `df = pd.read_csv(…)`
    is saved): the cell was edited after the run that failed."""
    source = nb.crash.source if nb.crash is not None else ""
    wanted = line.strip()
    if not source.strip() or not wanted:
        return False
    lines = {ln.strip() for ln in source.splitlines()}
    return wanted not in lines and (not has_word(source, name) or creates(nb, nb.crash, name))


def _commented_out(nb: _Notebook, line: str, evidence: list[str]) -> NotebookFinding | None:
    """The finding when the traceback's failing ``line`` stands in the crash cell's saved code
    only behind a `#`: the error is from a run before that edit. Else None."""
    if not _commented_since(nb.crash.source, line):
        return None
    evidence.append("the failing line is commented out in the cell's saved code")
    hint = (
        "The failing line is commented out in this cell's saved code: the error comes from "
        "a run before that edit; run the cell again to see whether anything still fails."
    )
    return _finding(IMPLEMENTATION, None, True, hint, evidence)


def _commented_since(source: str, line: str) -> bool:
    """``line`` (the traceback's failing line) stands in ``source`` only behind a `#`."""
    wanted = line.strip()
    if not wanted:
        return False
    lines = [ln.strip() for ln in source.splitlines()]
    return wanted not in lines and any(ln.lstrip("# ").strip() == wanted for ln in lines)


def _loop_part(nb: _Notebook, name: str) -> str:
    """A `for` variable of the crashing cell that is one `_`-part of ``name`` (`key` of
    `word_key`), else ""."""
    if nb.crash is None or "_" not in name:
        return ""
    parts = set(name.split("_"))
    loops = re.findall(r"^[ \t]*for[ \t]+(\w+)[ \t]+in\b", nb.crash.source, re.M)
    return next((v for v in loops if v in parts and len(v) >= 3 and v != name), "")


def _failed_import_of(nb: _Notebook, name: str | None) -> Cell | None:
    """The cell whose saved error is the failed import of ``name`` ("cannot import name 'LSTN'")."""
    if not name:
        return None
    failed = re.compile(rf"cannot import name '{re.escape(name)}'")
    for cell in nb.cells:
        if cell.error is None:
            continue
        # Colab saves "ignored" for the message: the traceback still says it
        texts = (cell.error.evalue or "", *(cell.error.traceback or ()))
        if any(failed.search(text[:2_000]) for text in texts):
            return cell
    return None


def _may_be_dynamic(source: str) -> bool:
    cheap = "*" in source or "%" in source or "exec" in source or "globals" in source
    return cheap and _DYNAMIC_HINT.search(source) is not None


def _close_name(nb: _Notebook, name: str, message: str, line: str = "") -> str | None:
    suggested = _PYTHON_SUGGESTS.search(message)
    if suggested:
        return suggested.group(1)
    # Close words first (cheap), then keep the first that is a builtin or some cell defines.
    letters = set(name.lower())
    # difflib on tens of thousands of words is slow: keep plausible ones only (which also keeps
    # the suggestions within two letters of the name's length).
    by_length = _words_by_length(nb.cells)
    enough = 0.6 * len(letters)
    shared = letters.intersection  # takes the word's letters as they are: no set built a word
    words = {
        w
        for size in range(len(name) - 2, len(name) + 3)
        for w in by_length.get(size, ())
        if w != name and len(shared(w.lower())) >= enough
    }
    close = close_matches(name, words, n=5, ignore_case=False)
    # Then names that differ only in case (after the close ones: `models` before `Model`).
    close += [w for w in words if w.lower() == name.lower() and w not in close]
    called = re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", line) is not None
    assigned = _ASSIGNED.match(line)
    targets = set(_IDENT.findall(assigned.group(1))) if assigned else set()
    for word in close:
        if word in _BUILTIN_NAMES:
            # A keyword is never a value, and a builtin function is a typo only where the line
            # calls the name (`pritn(...)`, not `le` for `len`).
            if _builtin_fits(word, called):
                return word
        elif is_misspelling(name, word) and word not in targets:
            definers = [c for c in nb.mentioning(word) if word in nb.names(c).defines]
            # Not a sibling of the same family (`svc`/`svc2`, `pretrain_x`/`posttrain_x`), nor a
            # name made from the missing one (`df_ = df.dropna()`: `df` is meant, not `df_`).
            if definers and not all(name in nb.names(c).uses for c in definers):
                return word
    return None


# The last notebook's words: the crashes of one scanned notebook share their cells, so its words
# are gathered once, not once a crash. Keyed by the cells themselves (frozen; compared by
# identity first), so the answer is the one a fresh computation gives; one slot read and
# written whole, so threads cannot mix two notebooks.
_last_words: list = [((), {})]


def _words_by_length(cells: list[Cell]) -> dict[int, list[str]]:
    """The builtins and every identifier of the code cells, by length."""
    key = tuple(cells)
    cached_key, by_length = _last_words[0]
    if cached_key != key or not key:
        words = set(_BUILTIN_NAMES)
        for cell in cells:
            words.update(_IDENT.findall(cell.source))
        by_length = {}
        for w in words:
            by_length.setdefault(len(w), []).append(w)
        _last_words[0] = (key, by_length)
    return by_length


# The targets of an assignment line (`df_ = df.dropna()`): the line makes them, from its names.
_ASSIGNED = re.compile(r"^\s*([A-Za-z_][\w\s,()\[\]]*?)\s*=(?!=)")


def _builtin_fits(word: str, called: bool) -> bool:
    if keyword.iskeyword(word):
        return word in ("True", "False", "None") and not called
    return called == callable(getattr(builtins, word, None))


# --------------------------------------------------------------------- state changed by a re-run


def _locals_of(nb: _Notebook, frame) -> set[str]:
    """Names local to the notebook's function that ``frame`` runs, as far as its failing line
    shows: its parameters (of every `def` of its name) and what that line assigns."""
    function = frame.function.split("(")[0].rsplit(".", 1)[-1].strip()
    if not function.isidentifier():
        return set()
    sources = [c.source for c in nb.mentioning(function)]
    found = {p for code in sources for ps in function_parameters(code, function) for p in ps}
    try:
        tree = ast.parse(frame.failing_line.strip())
    except SyntaxError:
        return found
    stored = (
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    )
    return found | set(stored)


# A KeyError's message that is a tuple of two labels or more: `('LotAreaLog', 'GarageCars')`.
_TUPLE_KEY = re.compile(r"\((?:'[^']*'|\"[^\"]*\"|[-\w.]+)(?:, (?:'[^']*'|\"[^\"]*\"|[-\w.]+))+\)")


def _changed_state(nb: _Notebook, ename: str, message: str, parsed) -> NotebookFinding | None:
    if nb.crash is None:
        return None
    if ename == "AttributeError" and removed_member(message):
        return None  # no run of any cell gives a DataFrame the `append` pandas 2.0 removed
    is_key = ename == "KeyError" or bool(_KEY_MESSAGE.search(message))
    if not (nb.live or saved.worth_a_look(nb, unrun_matter=is_key)):
        return None
    # The failing lines of every notebook frame: `train(df)` in this cell, then `data["y"]`
    # inside the function another cell defined.
    frames = [f for f in getattr(parsed, "frames", ()) if f.is_user and f.failing_line]
    lines = [f.failing_line for f in frames] or [getattr(parsed, "user_line", "") or ""]
    names = set().union(*(_line_names(line) for line in lines if line))
    # `pred = lr.predict_proba(df[cols])` inside `def appendPred(df)` reads the function's own
    # `df` and sets its own `pred`, no names of the notebook: what changed is what the call
    # passed (read on the caller's line)
    names -= {n for f in frames[1:] for n in _locals_of(nb, f)} - _line_names(lines[0])
    names = names or set(nb.names(nb.crash).uses)
    names -= _BUILTIN_NAMES
    if not names:
        return None
    keys = set(getattr(parsed, "keys", ()) or ())
    if ename == "KeyError" and not keys:
        keys = {message.strip().strip("'\"")}
    if not (ename == "KeyError" and _TUPLE_KEY.fullmatch(message.strip())):
        # ("None of [Index(['color'])] are in the [columns]"); not KeyError: ('a', 'b'), where
        # `df['a', 'b']` looked up the tuple itself: a cell that sets `df['a']` cannot make it
        keys |= set(_QUOTED.findall(message))
    # Shape errors and failed asserts check exactly the state that a repeated change breaks.
    checks = bool(_SHAPE_MESSAGE.search(message)) or ename == "AssertionError"
    if checks and table_to_a_label_encoder(parsed):
        # `le.fit_transform(df)`: a label encoder refuses any table of two columns or more, on
        # the first run as on a re-run, so the shape check says nothing of a repeated change
        checks = False
    # The crash cell's own failing line: a change below it is what a re-run makes it read.
    nb.failing_line = lines[0]
    # what the error is about, for `finding.weigh_change`
    nb.error_message, nb.error_name = message, ename
    if not nb.live:
        return saved.changed_state(nb, ename, names, keys, is_key, checks, message)
    derived = _sources_of(nb, names)
    best = None
    for cell in nb.mentioning(*sorted(names | set(derived))):
        info = nb.names(cell)
        for mutation in info.mutations:
            if mutation.name not in names and mutation.name not in derived:
                continue
            via = None if mutation.name in names else derived[mutation.name]
            candidate = _rerun_candidate(nb, cell, info, mutation, keys, is_key, checks, via)
            if candidate and (best is None or candidate[0] > best[0]):
                best = candidate
    if best is None or not best[1]:
        failed = _failed_rebinding(nb, names, message, keys if is_key else set())
        if failed is not None and (failed.decisive or best is None):
            return failed
    if best is None:
        return _missing_key_store(nb, names, keys) if is_key and keys else None
    _, decisive, cell, mutation, runs, evidence = best
    used = mutation.name if mutation.name in names else derived[mutation.name][0]
    evidence.insert(0, f"{ename} on `{used}` in {nb.where()}")
    if not decisive:
        evidence.append("the error type alone does not tie the crash to that change")
    if cell is nb.crash or runs >= 2:
        who = f"Cell {cell.index + 1}" + (" (this cell)" if cell is nb.crash else "")
        hint = (
            f"{who} ran {runs} times and changed `{mutation.name}` each time "
            f"(`{_short(mutation.text, 50)}`): restart the kernel and run the cells in order."
        )
    else:
        hint = (
            f"Cell {cell.index + 1}, below this one, already ran and changed `{mutation.name}` "
            f"(`{_short(mutation.text, 50)}`): restart the kernel and run the cells in order."
        )
    return _finding(NOTEBOOK, OUT_OF_ORDER, decisive, hint, evidence, cell)


def _column_named_like(nb, name: str) -> str:
    """The DataFrame whose column the notebook reads as `df['name']` (the last such), or ""."""
    key = re.compile(rf"""\b([A-Za-z_]\w*)\[\s*['"]{re.escape(name)}['"]\s*\]""")
    found = [m.group(1) for c in nb.cells for m in key.finditer(c.source or "")]
    return found[-1] if found else ""


_ASSIGNMENT = re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*(.+?)[ \t]*$", re.M)


def _twin_here(nb: _Notebook, name: str) -> tuple[str, str] | None:
    """(evidence, hint) when the crash cell assigns, above its read of ``name``, the name in
    another case (`S` for `s`), or a slip of it that it never reads (`logs_dors` for
    `logs_dirs`; another cell's `logs_dirs`, run first, may hold something else). Else None."""
    cased = _other_case_here(nb, name)
    if cased:
        return (
            f"{nb.where()} assigns `{cased}` above its use of `{name}`",
            f"This cell assigns `{cased}`, not `{name}`, and names are case-sensitive: did you "
            f"mean `{cased}`?",
        )
    typo = _unread_twin_above(nb, name)
    if typo:
        return (
            f"{nb.where()} assigns `{typo}` above its read of `{name}`, never reads it",
            f"This cell assigns `{typo}` above the failing line and never reads it, then reads "
            f"`{name}`: one of the two names is misspelt; write the same name in both places.",
        )
    return None


def _other_case_here(nb: _Notebook, name: str) -> str:
    """The name the crash cell assigns that differs from ``name`` only in case (`S` for `s`),
    bound above the line that reads ``name``; else ""."""
    if nb.crash is None:
        return ""
    names = nb.names(nb.crash)
    used = names.use_lines.get(name)
    if used is None:
        # the saved cell no longer reads `name` (`Model_tf(...)` is now `Model(...)`): it was
        # edited since that run, and its other-case name may be what the line assigns
        return ""
    return next(
        (
            o
            for o in _case_twins(nb, name)
            if names.def_lines[o] < used and not _read_together(nb.crash.source, name, o)
        ),
        "",
    )


def _read_together(source: str, name: str, other: str) -> bool:
    """One line of ``source`` reads both names (`win = n[0] / N`): the code means two values,
    not one name written in two cases."""
    for line in source.splitlines():
        value = re.sub(r"^\s*[\w.]+\s*(?:\[[^\]]*\]\s*)?[-+*/]?=(?!=)", "", line)
        if has_word(value, name) and has_word(value, other):
            return True
    return False


def _unread_twin_above(nb: _Notebook, name: str) -> str:
    """A name the crash cell assigns above its first read of ``name``, and reads nowhere, one
    slip of the keyboard from ``name`` (a letter changed or two swapped, `logs_dors` for
    `logs_dirs`), when the cell never assigns ``name``: the value was made under a misspelt
    name. Else ""."""
    if nb.crash is None or len(name) < 4:
        return ""
    names = nb.names(nb.crash)
    used = names.use_lines.get(name)
    if used is None or name in names.defines:
        return ""
    elsewhere = any(name in nb.names(c).defines for c in nb.cells if c is not nb.crash)
    return next(
        (
            other
            for other in sorted(names.def_lines)
            if names.def_lines[other] < used
            and other not in names.uses
            and _one_slip_apart(other, name)
            and _slip_in_a_word(other, name, elsewhere)
        ),
        "",
    )


_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _slip_in_a_word(a: str, b: str, elsewhere: bool) -> bool:
    """The letter where ``a`` and ``b`` differ lies in a word of the name long enough for a
    slip of the keyboard (`dirs`/`dors`), not in a short tag that names a sibling variable:
    `scaler_x` and `scaler_y` never, `train_ds` and `train_dl` only when no other cell binds
    ``b`` (one that does holds the sibling the line reads)."""
    at = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    word = next((m.group() for m in _WORDS.finditer(b) if m.start() <= at < m.end()), "")
    return len(word) >= 4 or (len(word) >= 2 and not elsewhere)


def _one_slip_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` have one length of six or more and differ in one letter or in two
    neighbours swapped, past the first letter and not only in case: `cost` and `lost`, `x1` and
    `x2` are two variables; a case twin has its own hint."""
    if len(a) != len(b) or len(a) < 6 or a.lower() == b.lower():
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if differ[0] == 0 or not all(a[i].isalpha() and b[i].isalpha() for i in differ):
        return False
    if len(differ) == 1:
        return True
    first, second = differ if len(differ) == 2 else (0, 0)
    return second == first + 1 and a[first] == b[second] and a[second] == b[first]


def _case_twins(nb: _Notebook, name: str) -> list[str]:
    """The names the crash cell assigns that differ from ``name`` only in case."""
    if nb.crash is None:
        return []
    names = nb.names(nb.crash)
    return [
        other
        for other in sorted(names.defines)
        if other != name and other.lower() == name.lower() and other in names.def_lines
    ]


def _method_definer(nb: _Notebook, name: str, definers: list[Cell]) -> Cell | None:
    """The definer when every definer binds ``name`` as a top-level `def name(self, ...)`: a
    method copied out of its class."""
    found = None
    for cell in definers:
        tree = python_tree(to_python(cell.source)[0])
        defs = [
            node
            for node in (tree.body if tree is not None else ())
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name
        ]
        if not defs or any(not d.args.args or d.args.args[0].arg != "self" for d in defs):
            return None
        found = found or cell
    return found


def _definer_needing_this_cell(nb: _Notebook, name: str, definers: list[Cell]):
    """(the nearest definer, a name it reads) when every definer of ``name`` is below the
    crash cell and the nearest reads, before binding it, a name only the crash cell (or cells
    below it) binds: running it first fails as well."""
    if nb.crash is None or any(nb.is_above(c) is not False for c in definers):
        return None
    cell = min(definers, key=lambda c: c.index)
    here = nb.names(nb.crash).defines
    names = nb.names(cell)
    for needed in sorted(here & names.uses):
        if needed == name or needed in names.local_only:
            continue
        bound, used = names.def_lines.get(needed), names.use_lines.get(needed)
        if used is None or (bound is not None and bound < used):
            continue
        above = [
            c for c in nb.mentioning(needed) if nb.is_above(c) and needed in nb.names(c).defines
        ]
        if not above:
            return cell, needed
    return None


def _renamed_here(nb: _Notebook, name: str, definers: list[Cell]):
    """(definer, other name, value) when the crash cell assigns another name the very value a
    definer gives ``name`` (a copy of that cell with the variable renamed, one use left)."""
    if nb.crash is None:
        return None
    here = {value: target for target, value in _ASSIGNMENT.findall(nb.crash.source)}
    for cell in definers:
        for target, value in _ASSIGNMENT.findall(cell.source):
            other = here.get(value)
            reads_name = re.search(rf"(?<![\w.]){re.escape(name)}\b", value)
            if target == name and other and other != name and len(value) >= 4 and not reads_name:
                return cell, other, value
    return None


def _copied_from_function(nb: _Notebook, name: str, line: str):
    """(cell, function, the assignment) when the failing ``line`` also stands in the body of a
    function of another cell that assigns ``name`` itself above it; else None."""
    wanted = line.strip()
    if len(wanted) < 12 or nb.crash is None:
        return None  # a short line (`print(x)`) recurs by chance
    for cell in nb.mentioning(name):
        if cell is nb.crash or wanted not in cell.source:
            continue
        try:
            tree = python_tree(to_python(cell.source)[0])
        except (RecursionError, MemoryError):
            continue
        lines = cell.source.splitlines()
        for node in ast.walk(tree) if tree is not None else ():
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            body = range(node.lineno, (node.end_lineno or node.lineno) + 1)
            at = next((n for n in body if n <= len(lines) and lines[n - 1].strip() == wanted), 0)
            stores = [
                n.lineno
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
            ]
            if at and stores and min(stores) < at:
                return cell, node.name, lines[min(stores) - 1].strip()
    return None


def _column_hint(name: str, column: str, subscripted: str) -> str:
    """`name` is read as a variable, and the notebook reads `column['name']`. When the failing
    line itself subscripts with it (`bike_train[cnt]`), the quotes go there, on that object."""
    if subscripted:
        return (
            f"`{name}` is no variable here, but the notebook uses '{name}' as a column or key: "
            f"put it in quotes, `{subscripted}['{name}']`."
        )
    return (
        f"`{name}` is no variable here, but the notebook uses '{name}' as a column or key "
        f"(`{column}['{name}']`): read it from there (`{column}['{name}']`), or use the "
        "variable that holds it."
    )


def _case_variant_nearby(inner, name: str) -> str:
    """A name that differs from ``name`` only in case and that the failing frame's shown code
    assigns above the failing line (`age = cols[0]` for `Age`), else "". Not the failing line's
    own target: `game = GAME(...)` names the result after the missing class."""
    if inner is None or inner.failing_line not in inner.code_lines:
        return ""
    assigned = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:[-+*/]?=)(?!=)")
    for code in inner.code_lines[: inner.code_lines.index(inner.failing_line)]:
        m = assigned.match(code)
        if m and m.group(1) != name and m.group(1).lower() == name.lower():
            return m.group(1)
    return ""


_DATA_VALUES = (ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.JoinedStr)


def _other_top_level_def(nb: _Notebook, function: str, name: str) -> bool:
    """A cell defines ``function`` at its top level without a parameter ``name`` (`def
    greet(text)` beside `def greet(message)`): another definition that may be the one that ran.
    False for a method's name (`Net.forward(self, x)` raised, a top-level `def forward(inputs)`
    is no other version of it)."""
    for cell in nb.cells if function.isidentifier() else ():
        try:
            tree = python_tree(to_python(cell.source)[0])
        except (RecursionError, MemoryError):
            tree = None
        for node in tree.body if tree is not None else ():
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function:
                a = node.args
                params = [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]
                if all(p is None or p.arg != name for p in params):
                    return True
    return False


def _defs_below_failing_line(nb: _Notebook, name: str, line: str) -> bool:
    """Every function or class of the crash cell that binds ``name`` starts below the failing
    top-level ``line`` (found in the cell by its text, else by the traceback's number)."""
    if nb.crash is None:
        return False
    lines = [text.strip() for text in nb.crash.source.splitlines()]
    wanted = line.strip()
    at = lines.index(wanted) + 1 if wanted and wanted in lines else nb.crash_lineno
    if not at:
        return False
    tree = python_tree(to_python(nb.crash.source)[0])
    owners = [
        node
        for node in (tree.body if tree is not None else ())
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and any(
            getattr(inner, "id", getattr(inner, "arg", None)) == name for inner in ast.walk(node)
        )
    ]
    return bool(owners) and all(node.lineno > at for node in owners)


def _body_split_from(nb: _Notebook, local: Cell, name: str) -> str:
    """The function whose body the crash cell continues, else "": the crash cell's first code
    line is indented, and the code cell right before it ends with a top-level `def` that binds
    ``name``. IPython runs an indented cell as if dedented, so its lines read a function's
    locals at the top level."""
    crash = nb.crash
    if crash is None or local not in nb.cells or crash not in nb.cells:
        return ""
    if nb.cells.index(crash) != nb.cells.index(local) + 1:
        return ""
    first = next(
        (t for t in crash.source.splitlines() if t.strip() and not t.lstrip().startswith("#")),
        "",
    )
    if not first[:1].isspace():
        return ""
    try:
        tree = python_tree(to_python(local.source)[0])
    except (RecursionError, MemoryError):
        return ""
    last = tree.body[-1] if tree is not None and tree.body else None
    if not isinstance(last, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return ""
    binds = any(
        isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id == name
        for n in ast.walk(last)
    )
    return last.name if binds else ""


def _local_hint(
    cell: Cell,
    name: str,
    below: bool = False,
    line: str = "",
    failing_function: str = "",
    redefined: bool = False,
) -> str | None:
    """How `name` is bound only inside a def or class of ``cell``: a parameter has a value only
    while its function runs, a class attribute is read through the class; a local variable can be
    returned. "Return it" is said only for the last. None when that binding cannot be what the
    failing line meant: a class's plain value where the line calls the name, a parameter of
    another function than the one the name is missing in, or of one no other `def` of which
    shows (a method of that name may have run)."""
    where = f"cell {cell.index + 1}"
    called = re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", line) is not None
    in_function = failing_function not in ("", "<module>")
    try:  # IPython, not Python: a `%matplotlib inline` line must not hide the defs
        tree = python_tree(to_python(cell.source)[0])
    except (RecursionError, MemoryError):
        tree = None
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            a = node.args
            params = [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]
            if any(p is not None and p.arg == name for p in params):
                if in_function and getattr(node, "name", "") != failing_function:
                    # missing inside `lmagic()`, a parameter of `cmagic()`: not this binding
                    return None
                if in_function and node not in tree.body:
                    return None  # a method's parameter: another class's method may have raised
                if in_function and not redefined:
                    return None  # no other `def` of it shows: a method of that name may have run
                if in_function:
                    # a parameter has a value inside its function: the `func()` that raised
                    # is another definition of it (`def func(string)` run later)
                    return (
                        f"`{name}` is a parameter of `{node.name}()` in {where}, but the "
                        f"`{node.name}()` that ran is another definition, which reads `{name}` "
                        f"without taking it: run {where} again if its `{node.name}()` is the one "
                        f"meant, else define `{name}` before calling it."
                    )
                owner = f"`{node.name}()`" if not isinstance(node, ast.Lambda) else "a lambda"
                return (
                    f"`{name}` is a parameter of {owner} in {where}: it has a value only inside "
                    "that function while it runs; outside it, use the value you pass in, or "
                    f"create `{name}` at the top level of a cell."
                )
        values = [
            stmt.value
            for stmt in (node.body if isinstance(node, ast.ClassDef) else ())
            if isinstance(stmt, (ast.Assign, ast.AnnAssign))
            for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target])
            if isinstance(t, ast.Name) and t.id == name
        ]
        if values:
            if called and all(isinstance(v, _DATA_VALUES) for v in values):
                # `name(a)` where the class holds `name = ""`: a string is no function to call
                return None
            return (
                f"`{name}` is an attribute of the class `{node.name}` in {where}: read it as "
                f"`{node.name}.{name}` (or `self.{name}` inside its methods)."
            )
    if below:
        # a later cell's function that never ran for this cell: its local is no value this cell
        # could have had; the top-level step that makes it is what is missing
        return (
            f"`{name}` is assigned only inside a function or class in {where}, below this one, "
            f"where it is local: no cell creates it at the top level; create `{name}` above this "
            "cell (or return it from that function and assign the result)."
        )
    if _returned_by_a_function(tree, name):
        return None  # `return [points, portfolio]` already: "return it" is done, the bug is not
    return (
        f"`{name}` is only assigned inside a function or class in {where}, so it is local "
        "there: return it, or assign it at the top level of a cell."
    )


def _returned_by_a_function(tree: ast.AST | None, name: str) -> bool:
    """A function of ``tree`` already returns ``name`` as one item of a list or tuple (`return
    [points, portfolio]`): "return it" is done, and which item the code wants is its own
    business. A lone `return x` keeps the hint (its caller may just not keep the result)."""
    returned = (
        n.value.elts
        for n in (ast.walk(tree) if tree is not None else ())
        if isinstance(n, ast.Return) and isinstance(n.value, ast.List | ast.Tuple)
    )
    return any(isinstance(v, ast.Name) and v.id == name for values in returned for v in values)


@lru_cache(maxsize=256)  # failing lines recur: a helper function's line in several crashes
def _line_names(line: str) -> frozenset[str]:
    """Variables read on the failing line (not attributes, keywords or words in strings)."""
    try:
        tree = ast.parse(line.strip())
    except SyntaxError:  # part of a multi-line statement: fall back to the words
        return frozenset(_LINE_WORD.findall(line)) - _BUILTIN_NAMES
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))


def _sources_of(nb: _Notebook, names: set[str]) -> dict[str, tuple[str, Cell]]:
    """One step back along the data: `X` on the failing line came from `df` when the cell that
    last set `X` (`X = df.values`) reads `df`. Maps each such source to (`X`, that cell)."""
    out: dict[str, tuple[str, Cell]] = {}
    for name in sorted(names):
        latest = None
        for cell in nb.mentioning(name):
            ok = nb.ok_runs(cell)
            if cell is nb.crash or not ok or name not in nb.names(cell).defines:
                continue
            if latest is None or ok[-1][0] > latest[1]:
                latest = (cell, ok[-1][0])
        if latest is not None:
            for source in sorted(nb.names(latest[0]).uses - _BUILTIN_NAMES - names):
                out.setdefault(source, (name, latest[0]))
    return out


def _rerun_candidate(nb, cell, info, mutation: Mutation, keys, is_key, checks, via=None):
    """(score, decisive, cell, mutation, runs, evidence) when this change explains the crash.

    ``via`` = (name, cell) when the changed name is not used here but feeds one that is."""
    ok = nb.ok_runs(cell)
    crash_runs = [o for o, _ in nb.ok_runs(nb.crash)] if cell is not nb.crash else []
    if cell is nb.crash:
        runs = len(ok) + 1  # this crash is one more run of the same cell
        if len(ok) < 1 or repeats_harmlessly(mutation, cell.source, nb.failing_line):
            return None
        times = "once" if len(ok) == 1 else f"{len(ok)} times"
        why = f"{nb.where()} changes `{mutation.name}` and already ran {times} before"
    elif len(ok) >= 2 and not mutation.idempotent:
        runs = len(ok)
        why = f"{_cell_name(cell)} changes `{mutation.name}` and ran {runs} times in this session"
    elif ok and nb.is_above(cell) is False and (not crash_runs or ok[-1][0] > crash_runs[0]):
        runs = len(ok)
        why = f"{_cell_name(cell)}, below {nb.where()}, changes `{mutation.name}` and already ran"
    else:
        return None
    decisive, key_match, evidence = _weigh_change(
        nb, cell, info, mutation, keys, is_key, checks, via, why
    )
    score = (decisive, via is None, key_match, cell is nb.crash, runs)
    return score, decisive, cell, mutation, runs, evidence


def _failed_rebinding(nb: _Notebook, names: set[str], message: str, keys: set[str]):
    """A cell that should have (re)set a name used here failed, so the name holds stale state
    (`model = None` above, `model = build()` failed, then `model.fit()`)."""
    best = None
    for cell in nb.mentioning(*sorted(names)):
        runs = nb.now.get(cell.id)
        if cell is nb.crash or not runs or runs[-1][1].ok:
            continue
        bound = sorted(n for n in names if n in nb.names(cell).defines)
        if bound and (best is None or runs[-1][0] > best[1]):
            best = (cell, runs[-1][0], runs[-1][1], bound[0])
    if best is None:
        return None
    cell, order, run, name = best
    # Only if nothing set the name successfully after that failure.
    for other in nb.mentioning(name):
        if name in nb.names(other).defines and any(o > order for o, _ in nb.ok_runs(other)):
            return None
    none_value = "'NoneType'" in message or "NoneType" in message
    key_match = bool(keys & nb.names(cell).strings)
    evidence = [
        f"{_cell_name(cell, run.execution_count)} sets `{name}` but failed "
        f"({run.ename or 'error'}) in this session, and nothing set `{name}` since",
    ]
    if none_value:
        evidence.append(f"the crash is about a None value: `{name}` kept its placeholder")
    if key_match:
        evidence.append(f"the missing key {sorted(keys & nb.names(cell).strings)[0]!r} is in it")
    hint = (
        f"Cell {cell.index + 1}{_count(run.execution_count)} failed ({run.ename or 'an error'}) "
        f"before setting `{name}`, so `{name}` still holds an older value: fix that cell first."
    )
    return _finding(NOTEBOOK, PREVIOUS_ERROR, none_value or key_match, hint, evidence, cell)


def _missing_key_store(nb: _Notebook, names: set[str], keys: set[str]):
    """A KeyError on a key that a cell stores (`df["y"] = ...`) but that cell did not run right."""
    for cell, name, key, evidence in _key_stores(nb, names, keys):
        state = nb.state(cell)
        if state == "failed":
            run = nb.now[cell.id][-1][1]
            evidence.append(f"{_cell_name(cell, run.execution_count)} failed in this session")
            hint = (
                f"Cell {cell.index + 1}{_count(run.execution_count)} failed ({run.ename or 'error'}"
                f") before setting `{name}[{key!r}]`: fix that first."
            )
            return _finding(NOTEBOOK, PREVIOUS_ERROR, True, hint, evidence, cell)
        if state == "before_restart":
            evidence.append(f"{_cell_name(cell)} ran before the last kernel restart, not since")
            hint = (
                f"The kernel restarted since cell {cell.index + 1} set `{name}[{key!r}]`: run it "
                "again first."
            )
            return _finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell)
        if state == "never" and needs_a_cell_from_the_crash_on(nb, cell):
            continue  # it reads what the crashing cell (or one below it) makes: no fix to run
        if state == "never":
            evidence.append(f"{_cell_name(cell)} has not run in this kernel session")
            hint = f"Run cell {cell.index + 1} first: it sets `{name}[{key!r}]`."
            return _finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell)
    return None
