"""Notebook causes of a crash in a saved notebook, from the file alone.

A saved notebook keeps, for every code cell, the execution count and the outputs of its last run,
and nothing else of the kernel sessions that produced them. ``notebook.py`` hands such a notebook
(no history in this session: a file read by ``scan``, or an error output restored in a reopened
notebook) to ``undefined_name`` and ``changed_state`` here. What the file can tell, and how sure:

- no count: the cell never ran (or its outputs were cleared);
- an error output: the cell's last run failed; its traceback says on which line, so whether the
  failure came before the line that assigns what the crash needs;
- within one kernel session counts are unique and grow: a count above the crash's ran after it;
- two cells showing the same count: the notebook ran in more than one kernel session (a restart);
  and when the cells above the crash show [1] … [n] in order down to it, that is the crash's
  session from its start: a cell showing a count up to the crash's outside that run is from
  another session;
- a count that no cell shows: that execution's cell ran again later (or was deleted). The cell
  right after such a jump, or one that ran after a cell below it, *probably* ran more than once.
  A likelihood, never a fact: the hints say "probably" and the evidence shows the counts.

``analyse_saved`` summarises a notebook's counts for the scan's report.
"""

from __future__ import annotations

import ast
import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .cells import (
    CellNames,
    Mutation,
    analyse_cell,
    assigned_on_the_way,
    local_of_a_function,
    python_tree,
    repeats_harmlessly,
    to_python,
)
from .definitions import only_closes
from .finding import (
    DECIDED_SAVED,
    KIND_OUT_OF_ORDER,
    KIND_PREVIOUS_ERROR,
    KIND_RERUN,
    KIND_RESTART,
    NOTEBOOK,
    OUT_OF_ORDER,
    PREVIOUS_ERROR,
    NotebookFinding,
    another_part_hint,
    cell_name,
    count_label,
    creates,
    deleted_hint,
    finding,
    key_stores,
    nearest,
    needs_a_cell_from_the_crash_on,
    not_run,
    only_conditional,
    past_cells_that_ran,
    ran_down_the_page_to,
    short,
    weigh_change,
)
from .message_words import one_sentence
from .name_reads import has_word
from .record import Cell, ErrorRecord
from .rules.attribute_reads import misspelled_member
from .rules.imports import module_not_found, module_not_found_hint
from .rules.keys import drop_found_some
from .traceback import COLAB_PLACEHOLDER, parse

# Errors raised before any statement of the cell ran.
_NOTHING_RAN = frozenset({"SyntaxError", "IndentationError", "TabError"})


@dataclass(frozen=True)
class SavedOrder:
    """What a saved notebook's execution counts say about the order its cells ran in."""

    code_cells: int
    run_cells: int
    decreasing: bool  # a cell shows a lower count than a cell above it
    gaps: bool  # counts jump between neighbouring run cells (re-runs, deleted or moved cells)
    skipped: bool  # a code cell was never run although cells above and below were
    in_order: bool  # none of the above
    decreasing_cells: tuple[int, ...] = ()  # index of each cell whose count dropped
    gap_cells: tuple[int, ...] = ()  # index of each cell that follows a jump
    skipped_cells: tuple[int, ...] = ()  # index of each never-run cell among run ones
    missing_counts: int = 0  # counts between 1 and the highest that no cell shows


def analyse_saved(cells: Sequence[Cell]) -> SavedOrder:
    """Execution-order anomalies of a saved notebook, from its execution counts alone."""
    code = [c for c in cells if c.cell_type == "code" and c.source.strip()]
    run = [c for c in code if c.execution_count is not None]
    decreasing, gaps = [], []
    for previous, cell in itertools.pairwise(run):
        if cell.execution_count < previous.execution_count:
            decreasing.append(cell.index)
        elif cell.execution_count > previous.execution_count + 1:
            gaps.append(cell.index)
    skipped = []
    if run:
        first, last = run[0].index, run[-1].index
        skipped = [c.index for c in code if c.execution_count is None and first < c.index < last]
    counts = {c.execution_count for c in run if c.execution_count > 0}
    missing = max(0, max(counts) - len(counts)) if counts else 0
    return SavedOrder(
        code_cells=len(code),
        run_cells=len(run),
        decreasing=bool(decreasing),
        gaps=bool(gaps),
        skipped=bool(skipped),
        in_order=not (decreasing or gaps or skipped),
        decreasing_cells=tuple(decreasing),
        gap_cells=tuple(gaps),
        skipped_cells=tuple(skipped),
        missing_counts=missing,
    )


# ------------------------------------------------------------------------- what the counts say


def worth_a_look(nb, unrun_matter: bool) -> bool:
    """Can the file show a notebook cause of a state error at all? Not when the cells that ran
    show [1], [2], … top to bottom, without an error output other than the crash's: then the
    state is what running them in order gives (the common case, answered without analysing
    cells). Cells never run matter only when they may store a missing key (``unrun_matter``)."""
    crash = nb.crash
    if crash is None or not crash.execution_count:
        return True  # nothing to compare with: let the analysis look
    previous = 0
    for cell in nb.cells:
        if not cell.source.strip():
            continue
        count = cell.execution_count
        if count is None:
            if unrun_matter:
                return True
            continue
        if count != previous + 1 or (cell.error and cell is not crash):
            return True
        previous = count
    return False


class _Counts:
    """The saved counts around one crash (``nb`` is notebook.py's view of the crash's notebook)."""

    def __init__(self, nb):
        self.nb = nb
        self.crash: Cell | None = nb.crash
        self.count = self.crash.execution_count if self.crash is not None else None
        self.run = [c for c in nb.cells if (c.execution_count or 0) > 0]
        self.by_count: dict[int, list[Cell]] = {}
        for cell in self.run:
            self.by_count.setdefault(cell.execution_count, []).append(cell)
        self.distinct = sorted(self.by_count)

    @cached_property
    def session(self) -> list[Cell]:
        """The crash's session from its start, when the cells above the crash show [1] … [n]
        in order down to it (cells without a count in between are skipped); else []."""
        if self.crash is None or not self.count or self.crash not in self.run:
            return []
        chain = [self.crash]
        above = [c for c in self.run if c.index < self.crash.index]
        for cell in reversed(above):
            if cell.execution_count != chain[-1].execution_count - 1:
                break
            chain.append(cell)
        return chain if chain[-1].execution_count == 1 else []

    @cached_property
    def duplicate(self) -> tuple[Cell, Cell] | None:
        """Two cells showing the same count (the first such pair), if any."""
        for cells in self.by_count.values():
            if len(cells) > 1:
                return cells[0], cells[1]
        return None

    def restart_evidence(self) -> str | None:
        pair = self.duplicate
        if pair is None:
            return None
        return (
            f"{cell_name(pair[0])} and {cell_name(pair[1])} show the same count: the notebook "
            "ran in more than one kernel session"
        )

    def other_session(self, cell: Cell) -> str | None:
        """Why ``cell``'s count cannot be from the crash's session before the crash, or None."""
        count = cell.execution_count
        if not count or not self.count or cell is self.crash:
            return None
        if count == self.count:
            return (
                f"{cell_name(cell)} shows the same count as {self.nb.where()}: they ran in "
                "different kernel sessions"
            )
        if self.session and count < self.count and cell not in self.session:
            start = self.session[-1]
            return (
                f"{cell_name(start)} to {cell_name(self.crash)} show [1] to [{self.count}] in "
                f"order: that is this cell's kernel session from its start, so {cell_name(cell)} "
                "ran in another one"
            )
        return None

    def may_show_a_change(self) -> bool:
        """Some count shows a re-run before the crash, or a cell below it that ran first."""
        if not self.count:
            return False
        if self.missing_below(self.count) is not None:
            return True
        below = (c for c in self.run if c.index > self.crash.index)
        return any(c.execution_count < self.count for c in below)

    def ran_before(self, cell: Cell) -> bool:
        """The cell's count shows it ran before the crash, in the crash's kernel session."""
        count = cell.execution_count
        return bool(count and self.count and count < self.count and not self.other_session(cell))

    def missing_below(self, count: int) -> int | None:
        """The highest count below ``count`` that no cell shows, or None."""
        shown = bisect.bisect_left(self.distinct, count) - bisect.bisect_left(self.distinct, 1)
        if shown >= count - 1:
            return None
        for k in range(count - 1, 0, -1):  # some count below is missing: find the nearest
            if k not in self.by_count:
                return k
        return None

    def rerun_evidence(self, cell: Cell) -> str | None:
        """Why ``cell`` probably ran more than once before the crash, from the counts, or None:
        a count right before its own that no cell shows, or it ran after a cell below it while
        some earlier count is missing."""
        count = cell.execution_count
        if not count:
            return None
        missing = self.missing_below(count)
        if missing is None:
            return None
        shown = bisect.bisect_left(self.distinct, count) - bisect.bisect_left(self.distinct, 1)
        if shown < (count - 1) / 2:
            # Most counts below are missing (cells deleted, outputs cleared, a partial save):
            # one more missing count says nothing about this cell.
            return None
        if missing == count - 1:
            at = bisect.bisect_left(self.distinct, missing)  # the highest count shown below it
            before = self.distinct[at - 1] if at and self.distinct[at - 1] > 0 else None
            jump = f" (the counts jump from [{before}] to [{count}])" if before else ""
            return f"no cell shows [{missing}], the count before {cell_name(cell)}{jump}"
        for below in self.nb.cells:
            if below.index > cell.index and missing < (below.execution_count or 0) < count:
                return (
                    f"{cell_name(cell)} ran after {cell_name(below)} below it, and no cell shows "
                    f"[{missing}]"
                )
        return None


@lru_cache(maxsize=256)
def _saved_message(cell: Cell) -> str:
    """The message of the cell's saved error: Colab saves "ignored" in its place, and the
    traceback's last line still says it."""
    error = cell.error
    if error is None or error.evalue != COLAB_PLACEHOLDER:
        return error.evalue if error is not None else ""
    parsed = parse(ErrorRecord(ename=error.ename, evalue=error.evalue, traceback=error.traceback))
    return parsed.message


@lru_cache(maxsize=256)  # asked for each name a failed cell might have set
def _failure(cell: Cell) -> tuple[int | None, str]:
    """(first line of the statement that failed in the cell's last run, or None when unknown;
    what failed, for the evidence). 0 when nothing of the cell ran."""
    error = cell.error
    message = _saved_message(cell)
    label = (
        f"{error.ename}: {one_sentence(short(message, 60))}" if message else error.ename or "error"
    )
    if error.ename in _NOTHING_RAN:
        return 0, label
    parsed = parse(ErrorRecord(ename=error.ename, evalue=error.evalue, traceback=error.traceback))
    frame = next((f for f in parsed.frames if f.is_user), None)
    # The cell's own code, not a function it called: "<module>", or "<cell line: 5>" (IPython 8.0)
    top = frame is not None and (
        frame.function in ("", "<module>") or "cell line" in frame.function
    )
    if not top or not frame.lineno:
        return None, label
    try:
        tree = python_tree(to_python(cell.source)[0])  # the text the cell's analysis parsed
    except (RecursionError, MemoryError):
        tree = None
    if tree is None:
        return frame.lineno, label
    for statement in tree.body:  # a failure inside a loop or a block fails the whole statement
        if statement.lineno <= frame.lineno <= (statement.end_lineno or statement.lineno):
            return statement.lineno, label
    return frame.lineno, label


def _done_before_failure(cell: Cell) -> CellNames | None:
    """What the statements before the failing one did (they completed), or None when the cell
    has no error output or the failing line is unknown."""
    if cell.error is None:
        return None
    line, _ = _failure(cell)
    if line is None:
        return None
    return analyse_cell("\n".join(cell.source.splitlines()[: max(line - 1, 0)]))


def _failed_before(cell: Cell, name: str) -> bool:
    """The cell's last run failed before it assigned ``name`` (or we cannot tell where)."""
    if cell.error is None:
        return False
    done = _done_before_failure(cell)
    return done is None or name not in done.defines or name in done.conditional


def _failed(cell: Cell, what: str, evidence: list[str], decisive=True, so="") -> NotebookFinding:
    """The previous-cell-error finding: ``cell``'s saved error output came before ``what``
    (``so``: what that left behind)."""
    line, label = _failure(cell)
    evidence.append(f"{cell_name(cell)} shows an error output ({label}): its last run failed")
    if line:
        evidence.append(f"it failed in the statement starting on line {line}, before {what}")
    head = f"Cell {cell.index + 1}{count_label(cell.execution_count)}"
    if cell.error.ename == "KeyboardInterrupt":
        hint = f"{head} was interrupted before {what}: run it to the end first."
    else:
        hint = f"{head} failed ({label}) before {what}{so}: fix that first, then run it again."
    return _saved_finding(
        NOTEBOOK, PREVIOUS_ERROR, decisive, hint, evidence, cell, kind=KIND_PREVIOUS_ERROR
    )


def _failed_definer(cell: Cell, name: str, evidence: list[str], counts=None) -> NotebookFinding:
    """The finding for ``cell``, which failed before defining ``name``: an import that failed
    (`from google.colab import files`) is worded by the import's own hint, since "fix that"
    may be impossible (a module of Colab only, `import python`). A failure numbered after the
    crash (``counts``: the crash's) did not leave the name undefined then: the cell had not
    run yet, and the hint says so before its failure."""
    found = _failed(cell, f"defining `{name}`", evidence)
    error = cell.error
    about = import_failure_hint(error.ename, error.evalue, error.traceback, cell.source)
    head = f"Cell {cell.index + 1}{count_label(cell.execution_count)}"
    later = counts is not None and counts.count and (cell.execution_count or 0) > counts.count
    if later:
        when = f"ran only after this cell ([{counts.count}])"
        if counts.duplicate:  # two sessions: the higher count may be the other one's
            when = f"ran after this cell ([{counts.count}]) or in another kernel session"
        head = f"{head} defines `{name}` but {when}, and"
        if about:
            hint = f"{head} failed on its import. {about}"
        elif error.ename == "KeyboardInterrupt":
            hint = f"{head} was interrupted before that line: run it to the end, then this cell."
        else:
            hint = (
                f"{head} failed ({_failure(cell)[1]}) before that line: fix that, then run it "
                "and this cell again."
            )
        found = dataclasses.replace(found, hint=hint)
    elif about:
        hint = f"{head} failed on an import before defining `{name}`. {about}"
        found = dataclasses.replace(found, hint=hint)
    return found


def _failed_and_ran_later(nb, name: str, failed: Cell, later: Cell, evidence: list[str]):
    """One definer failed before defining ``name`` and another ran cleanly, but only after the
    crash: both would give the name, and which one the code means is not known, so the hint
    names the one that already works first and the failure second."""
    label = _failure(failed)[1]
    evidence.append(f"{cell_name(failed)} shows an error output ({label}): its last run failed")
    evidence.append(f"{cell_name(later)} defines `{name}` without an error, after {nb.where()}")
    hint = (
        f"Cell {later.index + 1}{count_label(later.execution_count)} defines `{name}` but ran "
        f"only after this cell: run it first. Cell {failed.index + 1}"
        f"{count_label(failed.execution_count)}, which defines it too, "
        + (
            "was interrupted before that line."
            if failed.error.ename == "KeyboardInterrupt"
            else f"failed ({label}) before that line."
        )
    )
    return _saved_finding(
        NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, later, kind=KIND_OUT_OF_ORDER
    )


def import_failure_hint(ename: str, evalue: str, traceback, source: str) -> str:
    """What the import hint says of a cell's failed import ("No module named 'x'"), when it is
    one sentence (a hint that names the cell before it stays within two); else ""."""
    if "No module named" not in (evalue or ""):
        return ""
    parsed = parse(ErrorRecord(ename=ename, evalue=evalue, traceback=list(traceback), code=source))
    match = module_not_found(parsed)
    about = module_not_found_hint(parsed, match.facts) if match is not None else ""
    return about if len(re.findall(r"[.?!](?:\s|$)", about)) == 1 else ""


def _saved_finding(root, cause, decisive, hint, evidence, cell=None, *, kind: str = ""):
    return finding(root, cause, decisive, hint, evidence, cell, kind=kind, decided=DECIDED_SAVED)


# ------------------------------------------------------------------------------------ NameError


def undefined_name(nb, name: str, definers: list[Cell], evidence: list[str]):
    """A NameError on ``name``, which ``definers`` (other cells) assign."""
    counts = _Counts(nb)
    evidence.append("no execution history: judged from the saved execution counts and errors")
    groups: dict[str, list[Cell]] = {}
    # A cell whose own saved error is this NameError (`df = df.dropna()` run before `df` was
    # read) needs the name as much as this one: it is no definer to fix or run first.
    needs = re.compile(rf"\bname '{re.escape(name)}' is not defined")
    sources = [c for c in definers if c.error is None or not needs.search(c.error.evalue)]
    pool = sources or definers
    for cell in pool:
        state = _definer_state(counts, cell, name)
        if state == "failed" and not _failure_matters(nb, cell, pool, name):
            state = "moot"  # its failure explains nothing, and another cell creates the name
        groups.setdefault(state, []).append(cell)
    if groups.keys() == {"moot"}:
        groups["failed"] = groups.pop("moot")  # nothing else to tell: the failures, after all
    failed = groups.get("failed", [])
    if "ran" in groups and not _failed_since(counts, name, groups["ran"], failed):
        return _defined_but_gone(nb, counts, name, groups["ran"], evidence)
    if "ran" in groups:  # the last attempt before the crash failed: that run is the one to fix
        cell = max(
            (c for c in failed if (c.execution_count or 0) < counts.count),
            key=lambda c: c.execution_count,
        )
        return _failed_definer(cell, name, evidence)
    if "failed" in groups:
        cell = max(groups["failed"], key=lambda c: (c.execution_count or 0, -c.index))
        skipped = _nearest_definer_above_never_ran(nb, name, pool, groups.get("never", []))
        if skipped is not None:
            # `nums = [10, 17, 17, 3]` right above, never run: page order says it is the one
            # this cell relies on, not a failed or later definer elsewhere in the notebook
            why = "was never run (it has no execution count)"
            return not_run(nb, name, skipped, evidence, why, decided=DECIDED_SAVED)
        clean = [
            c
            for c in groups.get("later", [])
            if c.error is None and creates(nb, c, name) and not _made_from(nb, c, name)
        ]
        if clean and nb.is_above(cell) and not nb.is_above(nearest(nb, clean)):
            # `predictions = nb.predict(X_test)` failed just above; a cell below that makes
            # `predictions` from another model ran later: the failure above is this cell's story
            clean = []
        if clean:
            return _failed_and_ran_later(nb, name, cell, nearest(nb, clean), evidence)
        if _another_ran_between(counts, cell, pool):
            # another definer was tried after the crash, sooner: the failure named would be a
            # guess among them (the safe hint says it)
            return None
        return _failed_definer(cell, name, evidence, counts)
    if "other" in groups:
        cell = nearest(nb, groups["other"])
        if nb.is_above(cell) is False and counts.session:
            # the crash's session ran from [1] down to it, and the definer's session shows
            # below: a session begun further down the page as likely came after (a restart
            # that lost the name is not known)
            return None
        evidence.append(counts.other_session(cell))
        hint = (
            f"The kernel probably restarted since cell {cell.index + 1}"
            f"{count_label(cell.execution_count)} defined `{name}`: run cell {cell.index + 1} "
            "again (or Run All Above) first."
        )
        return _saved_finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_RESTART)
    if "unknown" in groups:
        cell = nearest(nb, groups["unknown"])
        evidence.append(f"{cell_name(cell)} ran, but the crash's own count is not known")
        hint = f"Cell {cell.index + 1} defines `{name}`: run it again first, then this cell."
        return _saved_finding(NOTEBOOK, OUT_OF_ORDER, False, hint, evidence, cell)
    pending = groups.get("later", []) + groups.get("never", [])
    # A cell that creates the name first (`img = img_edit(img)` needs `img` already: run first,
    # it fails the same way), then a definer without a saved error: running it gives the name
    # and nothing to fix (`import numpy as np` alone, not the cell that imports it and then
    # reads a missing file).
    makers = [c for c in pending if creates(nb, c, name)] or pending
    cell = nearest(nb, [c for c in makers if c.error is None] or makers, name)
    if python_tree(to_python(cell.source)[0]) is None:
        return None  # `sem = ` left unfinished: running that cell gives a SyntaxError, no `sem`
    if _bound_only_to_inplace_results(cell, name):
        return None  # `y = data.rename(..., inplace=True)`: running it makes `y` None
    if _bound_only_to_a_class(cell, name, nb.crash):
        return None  # `lr = LinearRegression` (no call): running it gives no model to fit
    if nb.crash is not None and local_of_a_function(nb.crash.source, name):
        return None  # `def step(): psi_new = ...` in this very cell: its own name, not another's
    first = _first_in_fresh_kernel(nb, counts, name, pending)
    above = [c for c in makers if nb.is_above(c)]
    if first is not None and len(above) > 1:
        # several cells above define it and none had run: which one the code relies on is
        # not known, and the nearest may need others (its own imports) in turn
        evidence.append(f"{nb.where()} ran first in its kernel session ([1])")
        numbers = [str(n) for n in sorted({c.index + 1 for c in above})]
        # each maker by its number ("3 … 9" for cells 3, 5 and 9 read as all cells 3 to 9)
        named = (
            f"{', '.join(numbers[:-1])} and {numbers[-1]}"
            if len(numbers) <= 5
            else f"{', '.join(numbers[:3])} and {len(numbers) - 3} more"
        )
        hint = (
            f"This cell ran first in a fresh kernel ([1]), so no cell above had run: use Run "
            f"All Above (cells {named} define `{name}`)."
        )
        return _saved_finding(
            NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, first, kind=KIND_RESTART
        )
    # no cell shows a count (a notebook saved with its counts cleared), or the crash cell shows
    # none (its count cleared since): what ran before the crash is not known, so no cell can be
    # said not to have run before it
    unmet = _unmet_need(nb, counts, cell, name) if counts.run and counts.count else None
    skipped = cell.execution_count is None and nb.is_above(cell)
    if unmet is not None and skipped and name not in nb.names(unmet[1]).use_lines:
        unmet = None  # a skipped cell above: "Run All Above", which that hint says, runs both
    if unmet is not None and cell.execution_count is None and past_cells_that_ran(nb, cell):
        # a definer far below, past cells that ran without it: another part of the notebook,
        # whose `name` may be another object; not_run's hint gives both readings
        unmet = None
    if unmet is not None and _another_session_may_hold_it(counts, makers, cell):
        return None  # `tweet_sentiment` from cell 44 [30] or cell 52 [14]: the safe hint says it
    if unmet is not None and _failed_before(cell, name):
        # its own last run failed before it set `name`: that run may lack more than `needed`
        # (names no cell above sets), so running the two in order is no known cure
        _, label = _failure(cell)
        evidence.append(f"{cell_name(cell)} shows an error output ({label}): its last run failed")
        hint = (
            f"Cell {cell.index + 1} defines `{name}`, but its own last run failed before setting "
            f"it ({label}): make that cell run without error first, then run this cell."
        )
        lacked = re.fullmatch(r"name '(\w+)' is not defined", _saved_message(cell).strip())
        setters = [
            c
            for c in nb.cells
            if c is not cell and c is not nb.crash and lacked and creates(nb, c, lacked.group(1))
        ]
        if cell.error.ename == "NameError" and lacked and setters:
            # its run failed on a name another cell sets (`table`, cell 4): that cell is the cure
            source = nearest(nb, setters, lacked.group(1))
            hint = (
                f"Cell {cell.index + 1} defines `{name}`, but its own last run failed before "
                f"setting it ({label}): run cell {source.index + 1}, which sets "
                f"`{lacked.group(1)}`, then cell {cell.index + 1}, then this cell."
            )
        return _saved_finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell)
    if unmet is not None:
        return _definer_needs_unrun_cell(nb, name, cell, *unmet, evidence)
    if not cell.execution_count:  # none, or [0] (a file written without real counts)
        why = "was never run (it has no execution count)"
        return not_run(nb, name, cell, evidence, why, decided=DECIDED_SAVED)
    return _ran_later(nb, counts, name, cell, evidence)


def _another_ran_between(counts: _Counts, failed: Cell, definers: list[Cell]) -> bool:
    """``failed`` ran after the crash, and another definer ran after the crash before it
    (cell 25 at [26], cell 23 at [52], the crash at [25]): several cells were tried after the
    crash, and which one the crash cell relies on the counts do not tell."""
    if not counts.count or (failed.execution_count or 0) <= counts.count:
        return False
    return any(
        c is not failed and counts.count < (c.execution_count or 0) < failed.execution_count
        for c in definers
    )


def _another_session_may_hold_it(counts: _Counts, makers: list[Cell], cell: Cell) -> bool:
    """Two kernel sessions show in the counts, and another clean maker than ``cell`` ran after
    the crash and before ``cell`` (`[4]`, then cell 52 at [14], cell 44 at [30]): ``cell``'s
    higher count may be the other session's, and which maker the crash's session ran (and what
    each needs there) the counts cannot tell, so no chain of cells to run is named."""
    if not counts.duplicate or not counts.count or not cell.execution_count:
        return False
    return any(
        c is not cell
        and c.error is None
        and counts.count < (c.execution_count or 0) < cell.execution_count
        for c in makers
    )


def _nearest_definer_above_never_ran(nb, name: str, definers, never) -> Cell | None:
    """The definer nearest above the crash cell, when it never ran and creates ``name``."""
    above = [c for c in definers if nb.is_above(c)]
    if not above:
        return None
    last = max(above, key=lambda c: c.index)
    return last if last in never and creates(nb, last, name) else None


def _unmet_need(nb, counts: _Counts, cell: Cell, name: str) -> tuple[str, Cell] | None:
    """(a name ``cell`` reads before binding it, the cell that sets it) when every cell that sets
    that name, like ``cell`` itself, did not run before the crash: running ``cell`` alone, as
    "run cell N first" says, would fail on that name in turn."""
    names = nb.names(cell)
    if names.dynamic:
        return None  # `from sympy import *` may give it whatever it reads (`sin`)
    # only what it reads before binding `name`, or to work on it later (`model.fit(X)`), keeps
    # it from giving `name`: `soup = f(html)` on line 2 is made even when `daiso = d[i]` on
    # line 5 then fails on `i` (unless the crash cell reads that name too: needed either way)
    binds_at = names.def_lines.get(name)
    crash = nb.names(nb.crash) if nb.crash is not None else None
    crash_defines = crash.defines if crash is not None else frozenset()
    # what the crash cell read on a line above its failing one existed: that line ran
    read_before = {
        n
        for n, line in (crash.use_lines.items() if crash is not None else ())
        if line < nb.crash_lineno
    }
    for needed, used in sorted(names.use_lines.items(), key=lambda item: item[1]):
        bound = names.def_lines.get(needed)
        if needed == name or needed in crash_defines or (bound is not None and bound < used):
            continue
        if (
            binds_at is not None
            and used > binds_at
            and (crash is None or needed not in crash.uses)
            and not _read_together(cell, name, needed)
        ):
            continue
        if needed in read_before:
            continue
        sources = [
            c
            for c in nb.mentioning(needed)
            if c is not cell and c is not nb.crash and needed in nb.names(c).defines
        ]
        if (
            sources
            and not any(counts.ran_before(c) for c in sources)
            and not _comprehension_variable(cell, needed)  # (parsed last: the rarest case)
        ):
            # run in page order, `cell` reads the value of the nearest setter above it; a
            # module (`pd`) from the cell that only imports, not from a long cell that imports
            # it on the way (any import of it gives the same module)
            feeding = [c for c in sources if c.index < cell.index]
            importers = [c for c in feeding if _only_imports(c)]
            if importers:
                return needed, importers[-1]
            return needed, (feeding[-1] if feeding else nearest(nb, sources, needed))
    return None


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _comprehension_variable(cell: Cell, name: str) -> bool:
    """Every read of ``name`` in ``cell`` is inside a comprehension that binds it (`[w.lower()
    for w in words]` reads no outer `w`): the cell needs no value of it from another cell."""
    tree = python_tree(to_python(cell.source)[0])
    if tree is None:
        return False
    reads = {
        id(n)
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
    }
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, _COMPREHENSIONS) and any(
            isinstance(t, ast.Name) and t.id == name
            for g in node.generators
            for t in ast.walk(g.target)
        ):
            # (the first `in` is read outside it: `[i for i in range(i)]` needs an outer `i`)
            outer = {id(n) for n in ast.walk(node.generators[0].iter)}
            inside |= {
                id(n)
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and n.id == name and id(n) not in outer
            }
    return bool(reads) and reads <= inside


def _only_imports(cell: Cell) -> bool:
    """Every statement of ``cell`` is an import (magics and comments aside)."""
    tree = python_tree(to_python(cell.source)[0])
    body = [s for s in tree.body if not isinstance(s, ast.Pass)] if tree is not None else []
    return bool(body) and all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in body)


def _read_together(cell: Cell, name: str, other: str) -> bool:
    """A top-level statement of ``cell`` reads ``other`` and touches ``name`` (`history =
    model.fit(train_features)`); True as well when the cell does not parse."""
    tree = python_tree(to_python(cell.source)[0])
    if tree is None:
        return True
    for statement in tree.body:
        words = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
        if name in words and other in words:
            return True
    return False


def _definer_needs_unrun_cell(nb, name: str, cell: Cell, needed: str, source: Cell, evidence):
    """The hint when the definer to run first needs a name that no cell set before the crash."""
    never = cell.execution_count is None
    why = "was never run" if never else "ran only after this cell"
    evidence.append(f"{cell_name(cell)} {why} and reads `{needed}`, which {cell_name(source)} sets")
    evidence.append(f"no cell that sets `{needed}` ran before {nb.where()}")
    hint = _order_to_run(nb, name, cell, needed, source, why)
    return _saved_finding(
        NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER
    )


def _order_to_run(nb, name: str, cell: Cell, needed: str, source: Cell, why: str) -> str:
    """What to run, and in which order, when ``cell`` defines ``name`` from ``needed``, which
    ``source`` sets and which did not run before the crash either."""
    n, m = cell.index + 1, source.index + 1
    # `source` makes `needed` from `name` only when it reads `name` at or above its binding of
    # `needed` (a loop's `for i in range(...)` below a read of `soup` does not make `i` from it)
    made = nb.names(source)
    read, bound = made.use_lines.get(name), made.def_lines.get(needed)
    from_name = read is not None and (bound is None or read <= bound)
    origin = _first_maker(nb, name, cell, source) if from_name else None
    if origin is not None:
        # `test = read_csv(...)` in cell 83, `cat1 = test[...]` in 84, `test = concat(cat1, ...)`
        # in 88: no cycle, a chain that starts at the first maker
        above = " (or Run All Above)" if nb.is_above(cell) else ""
        return (
            f"Cell {n} defines `{name}` from `{needed}`, which cell {m} makes from the `{name}` "
            f"of cell {origin.index + 1}: run cells {origin.index + 1}, {m} and {n} in "
            f"order{above}, not cell {n} alone."
        )
    if from_name:
        # `phiX = f(X_t)` in one cell, `X_t = phiX[train]` in the other: neither can run first,
        # so `X_t` must be made before them (the line that first did may be gone)
        return (
            f"Cell {n} defines `{name}` from `{needed}`, but cell {m} makes `{needed}` from "
            f"`{name}`: neither can run first, so create `{name}` before cell {m} (the line that "
            "first made it may have been edited away), then run them in order."
        )
    above = ", or Run All Above" if nb.is_above(cell) and nb.is_above(source) else ""
    return (
        f"Cell {n} defines `{name}` but {why}, and it reads `{needed}`, which cell {m} sets and "
        f"which did not run before this cell either: run the cells that build them in order "
        f"(cell {m} before cell {n}{above}), not cell {n} alone."
    )


def _first_maker(nb, name: str, cell: Cell, source: Cell) -> Cell | None:
    """The last cell above ``source`` that creates ``name`` itself (not ``cell``, which makes
    it from what ``source`` makes of it): where the chain starts. None for a true cycle."""
    makers = [
        c
        for c in nb.mentioning(name)
        if c is not cell and c is not nb.crash and c.index < source.index and creates(nb, c, name)
    ]
    return makers[-1] if makers else None


def _first_in_fresh_kernel(nb, counts: _Counts, name: str, definers: list[Cell]) -> Cell | None:
    """The first cell above that creates ``name`` when the crash cell's count is [1]: it ran
    first after a (re)start, so whatever counts the definers show come from later runs or
    another session, and the cells above are what it needed. None otherwise."""
    if counts.count != 1:
        return None
    above = [c for c in definers if nb.is_above(c) and creates(nb, c, name)]
    return min(above, key=lambda c: c.index) if above else None


def _failed_since(counts: _Counts, name: str, ran: list[Cell], failed: list[Cell]) -> bool:
    """A definer failed (before defining ``name``) after the last successful definer's run and
    before the crash: the last attempt to define it failed, which the NameError bears out (a
    successful run in the crash's session would have left the name defined). Not when a cell
    deleted the name after that run: then the deletion is the story."""
    last = max(c.execution_count for c in ran)
    if not any(last < (c.execution_count or 0) < (counts.count or 0) for c in failed):
        return False
    return not any(
        name in counts.nb.names(c).deletes and counts.ran_before(c) and c.execution_count > last
        for c in counts.nb.mentioning(name)
    )


def _failure_matters(nb, cell: Cell, definers: list[Cell], name: str) -> bool:
    """A failed definer's failure can explain the undefined name only if the cell creates it
    (`df = df.drop(...)` needs `df` already: another cell creates it) and no other cell that
    creates it sits between it and the crash (that nearer one is what the crash cell lacks)."""
    creators = [c for c in definers if creates(nb, c, name)]
    if not creates(nb, cell, name):
        return not creators  # no cell creates it: the failed one is all there is to tell
    crash = nb.crash.index if nb.crash is not None else None
    if crash is None or cell.index > crash:
        return True
    return not any(
        cell.index < other.index < crash and not _made_from(nb, other, name) for other in creators
    )


def _made_from(nb, cell: Cell, name: str) -> bool:
    """``cell`` builds ``name`` from another name that a cell makes from ``name``
    (`df = orig_df.copy()` where `orig_df = df.copy()`): it needs the failed creator's result
    too, so it does not make that failure moot."""
    return any(
        name in nb.names(other).uses
        for used in nb.names(cell).uses - {name}
        for other in nb.mentioning(used)
        if used in nb.names(other).defines and other is not cell
    )


def _definer_state(counts: _Counts, cell: Cell, name: str) -> str:
    """'ran' (before the crash, in its session), 'failed', 'other' (session), 'later', 'never'
    or 'unknown' (the crash's count is not known)."""
    count = cell.execution_count
    if _failed_before(cell, name) and (
        not count or not counts.count or count < counts.count or counts.nb.is_above(cell)
    ):
        return "failed"
    if not count:
        return "never"
    if not counts.count:
        return "unknown"
    if counts.other_session(cell):
        return "other"
    return "later" if count > counts.count else "ran"


def _values_assigned(cell: Cell, name: str) -> list[ast.expr]:
    """The values of every `name = ...` in ``cell`` (none when it does not parse)."""
    tree = python_tree(to_python(cell.source)[0])
    return [
        node.value
        for node in (ast.walk(tree) if tree is not None else ())
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ]


def _bound_only_to_a_class(cell: Cell, name: str, crash: Cell | None) -> bool:
    """Every assignment of ``name`` in ``cell`` names a class without calling it (`lr =
    LinearRegression`), and the crashing cell calls a method of ``name`` (`lr.fit(X, y)`):
    running that cell gives the class, not an instance, and the call fails anew."""
    values = _values_assigned(cell, name)
    classes = bool(values) and all(
        isinstance(v, ast.Name) and re.fullmatch(r"[A-Z]\w*[a-z]\w*", v.id) for v in values
    )
    return classes and crash is not None and bool(re.search(rf"\b{name}\.\w+\(", crash.source))


def _bound_only_to_inplace_results(cell: Cell, name: str) -> bool:
    """Every assignment of ``name`` in ``cell`` takes the result of a call with `inplace=True`,
    which is None: running the cell gives the name, but not an object to use."""
    values = _values_assigned(cell, name)
    return bool(values) and all(
        isinstance(v, ast.Call)
        and any(
            k.arg == "inplace" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in v.keywords
        )
        for v in values
    )


def _ran_later(nb, counts: _Counts, name: str, cell: Cell, evidence: list[str]):
    if nb.crash is not None and only_closes(nb.crash.source, name):
        return None  # `conn.close()` before `conn` was made: nothing to close yet
    evidence.append(
        f"{cell_name(cell)} ran after {nb.where()} ([{cell.execution_count}] > [{counts.count}])"
    )
    restart = counts.restart_evidence()
    when = "it only ran after this cell"
    if restart:
        evidence.append(restart)
        when = "it ran after this cell, or before a kernel restart"
    hint = f"Run cell {cell.index + 1} first: it defines `{name}` ({when})."
    if counts.count == 1 and nb.is_above(cell) and cell.error is None:
        # [1]: the first cell its kernel ran, so no other cell's name exists there, not only
        # this one; naming the one definer leaves the user to meet the next NameError
        hint = (
            f"This cell was the first to run in its kernel ([1], a new kernel or a restart), so "
            f"nothing the other cells define exists there yet, `{name}` from cell "
            f"{cell.index + 1} included: run the cells above first (Run All Above)."
        )
    elif not restart and nb.crash is not None and ran_down_the_page_to(nb, cell):
        # cells 14-16 ran after this one and before the definer, in page order: the definer is
        # a later part of the notebook, whose `km` may be another object (both readings)
        if len(name) == 1:
            return None  # `x`, `y` there are a plot's or a loop's of another part: a guess
        hint = another_part_hint(cell, name)
    elif cell.error is not None and re.search(rf"'{re.escape(name)}'", cell.error.evalue or ""):
        # `import matpotlib` failed on the very name: running it first cannot define it
        hint = (
            f"Cell {cell.index + 1} would define `{name}`, but its last run failed on that very "
            f"name ({_failure(cell)[1]}): fix that first (the name's spelling, or what it "
            "needs), then run it and this cell."
        )
    elif cell.error is not None:
        hint += f" Its last run failed too ({_failure(cell)[1]}): fix that as well."
    kind = KIND_RESTART if restart else KIND_OUT_OF_ORDER
    return _saved_finding(NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=kind)


def _defined_but_gone(nb, counts: _Counts, name: str, cells: list[Cell], evidence: list[str]):
    """A definer ran before the crash in its session, yet the name is gone."""
    last = max(c.execution_count for c in cells)
    for cell in nb.mentioning(name):
        deleted_after = counts.ran_before(cell) and cell.execution_count > last
        if name in nb.names(cell).deletes and deleted_after:
            evidence.append(
                f"{cell_name(cell)} deletes `{name}` and ran after it was defined "
                f"([{last}] < [{cell.execution_count}] < [{counts.count}])"
            )
            hint = deleted_hint(cell, name, nb)
            return _saved_finding(
                NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER
            )
    conditional = only_conditional(nb, name, cells, evidence)
    if conditional is not None:
        return conditional
    cell = nearest(nb, cells)
    evidence.append(f"{cell_name(cell)} ran before {nb.where()}, yet `{name}` is not defined")
    # Two sessions, and nothing shows that this definer ran in the crash's: maybe a restart.
    restart = counts.restart_evidence() if cell not in counts.session else None
    if restart:
        evidence.append(restart)
    hint = (
        f"Cell {cell.index + 1} defines `{name}` in its current code but probably did not when it "
        "last ran (edited since, or the kernel restarted?): run it again."
    )
    return _saved_finding(
        NOTEBOOK,
        OUT_OF_ORDER,
        False,
        hint,
        evidence,
        cell,
        kind=KIND_RESTART if restart else KIND_OUT_OF_ORDER,
    )


# --------------------------------------------------------------------- state changed by a re-run


# TensorFlow's words for tensors of two graphs used together.
_GRAPH_MISMATCH = re.compile(r"must be from the same graph|is not an element of this graph")


def changed_state(nb, ename: str, names, keys, is_key: bool, checks: bool, message: str):
    """A KeyError, AttributeError, shape error … on ``names`` (read on the failing lines)."""
    counts = _Counts(nb)
    mentioning = nb.mentioning(*sorted(names))
    # Only a count that no cell shows (a re-run) or a cell below that ran first can show a
    # change; most saved crashes have neither, and skip the cells' analysis.
    best, derived = None, {}
    if counts.may_show_a_change():
        best, derived = _best_change(nb, counts, names, mentioning, keys, is_key, checks)
    if best is not None and _change_keeps_what_failed(
        _statement_text(best[2], best[3]), keys if is_key else set(), message
    ):
        best = None  # a change that leaves the missing key, or the rows, as they were
    if best is None or not best[1]:
        failed = _failed_rebinding(
            nb, counts, names, mentioning, message, keys if is_key else set()
        )
        if failed is not None and (failed.decisive or best is None):
            return failed
    if (best is None or not best[1]) and keys:
        # `df['Open']` read without error by an earlier run, `df = pd.read_csv(…)` run since:
        # the key was there, a spelling check misleads (surer than a change the error type
        # alone does not tie to the crash)
        found = _read_fine_before(nb, counts, names, keys)
        if found is not None:
            return found
    if best is None:
        return _missing_key_store(nb, counts, names, keys) if is_key and keys else None
    _, decisive, cell, mutation, kind, evidence = best
    used = mutation.name if mutation.name in names else derived[mutation.name][0]
    evidence.insert(0, f"{ename} on `{used}` in {nb.where()}")
    if not decisive:
        evidence.append("the error type alone does not tie the crash to that change")
    change = f"`{mutation.name}` (`{short(mutation.text, 50)}`)"
    label = f"Cell {cell.index + 1}{count_label(cell.execution_count)}"
    if kind == KIND_RERUN and cell is nb.crash and misspelled_member(message):
        return None  # `df.sort_value`: a slip every run makes, whatever ran before
    if mutation.kind == "augmented" and _GRAPH_MISMATCH.search(message):
        # `grads /= f(grads)` computes in the graph `grads` already belongs to: running it
        # (again, or out of order) changes its value, never its graph, so it cannot mix two.
        return None
    removed = _removed_above(nb, mutation.name, keys) if kind == KIND_RERUN and is_key else None
    if removed is not None and cell is nb.crash:
        # `df.pop('flag')` in a cell above too: in order, that one removes the key first, so
        # "restart and run in order" fails the same way; one of the removals is too many
        above, text, key = removed
        hint = (
            f"Cell {above.index + 1}{count_label(above.execution_count)} above (`{text}`) "
            f"already removes {key!r} from `{mutation.name}`, so this line fails even when the "
            "cells run in order: keep only one of the two removals."
        )
        evidence.append(f"cell {above.index + 1} removes {key!r} before this cell, in order")
        return _saved_finding(NOTEBOOK, OUT_OF_ORDER, decisive, hint, evidence, cell, kind=kind)
    if kind == KIND_RERUN and cell is nb.crash:
        # Saved counts only suggest a re-run of the crashing cell (graded wrong in 17 of 28
        # audited crashes when said as the cause): both readings are named, each true if it
        # happened.
        hint = (
            f"This cell ({label[0].lower()}{label[1:]}) changes {change} each time it runs, and "
            "the saved counts suggest it ran "
            "more than once: if it did, restart the kernel and run the cells in order; if not, "
            f"`{mutation.name}` never had what this line asks for."
        )
        return _saved_finding(NOTEBOOK, OUT_OF_ORDER, decisive, hint, evidence, cell, kind=kind)
    if kind == KIND_RERUN:
        # As above: counts only suggest the re-run (4 of 4 audited held-out hints that said it
        # as a fact were graded wrong), so the hint says what follows if it happened.
        hint = (
            f"{label} changes {change} each time it runs, and the saved counts suggest it ran "
            "more than once: if it did, restart the kernel and run the cells in order."
        )
    else:
        hint = (
            f"{label}, below this one, ran before it and changed {change}: restart the kernel "
            "and run the cells in order."
        )
    return _saved_finding(NOTEBOOK, OUT_OF_ORDER, decisive, hint, evidence, cell, kind=kind)


def _removed_above(nb, name: str, keys) -> tuple | None:
    """(cell, statement, key) of the last cell above the crash that removes a missing key
    from ``name`` (`name.pop('k')`, `del name['k']`) with no cell after it, still above,
    that stores it again (`name['k'] = …`); None when the cells, run in order, keep it."""
    if nb.crash is None or not name:
        return None
    found = None
    # `df = pd.read_csv(...)` at a cell's top level: the name holds a new object, keys and all
    # (not `df = df.copy()`, which keeps the removal)
    made = re.compile(rf"^{re.escape(name)}\s*=(?!=)(?![^\n]*\b{re.escape(name)}\b)", re.M)
    for key in keys:
        if not isinstance(key, str) or not key:
            continue
        for cell in nb.cells:
            if cell.index >= nb.crash.index:
                continue
            remade = max((m.start() for m in made.finditer(cell.source)), default=-1)
            if key not in cell.source:
                if remade != -1:
                    found = None
                continue
            # the cell's last store and last removal of the key, by place in its source
            last_store, last_removal, removal_text = remade, -1, ""
            for quote in "'\"":
                label = f"{quote}{key}{quote}"
                stored = f"{name}[{label}]"
                at = cell.source.find(stored)
                while at != -1:
                    rest = cell.source[at + len(stored) :].lstrip(" \t")
                    if rest.startswith("=") and not rest.startswith("=="):
                        last_store = max(last_store, at)
                    at = cell.source.find(stored, at + 1)
                for removal in (f"{name}.pop({label})", f"del {name}[{label}]"):
                    at = cell.source.rfind(removal)
                    while at != -1 and _in_a_def(cell.source, at):
                        # a function's own parameter, called on a copy or never: no removal
                        at = cell.source.rfind(removal, 0, at)
                    if at > last_removal:
                        last_removal, removal_text = at, removal
            if last_removal > last_store:
                found = (cell, removal_text, key)
            elif last_store > last_removal:
                found = None  # stored again: in order, the key is there
    return found


def _in_a_def(source: str, at: int) -> bool:
    """The statement at ``at`` of a cell's source lies in the body of a `def` (or a `class`)."""
    lines = source[:at].split("\n")
    indent = len(lines[-1]) - len(lines[-1].lstrip())
    for line in reversed(lines[:-1]):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        depth = len(line) - len(line.lstrip())
        if depth < indent:
            if re.match(r"\s*(?:async\s+def|def|class)\s", line):
                return True
            indent = depth
        if indent == 0:
            return False
    return False


# A length check of rows ("Length of values (6554) does not match length of index (58921)").
_ROW_COUNT = re.compile(
    r"Length of values|does not match length of index|Length mismatch"
    r"|inconsistent numbers of samples"
)
# Changes that keep a frame's rows: a column added or rewritten, renamed, cast or filled; or
# the same items reordered (`y = shuffle(y)`, `df = df.sample(frac=1)`), as many as before.
# A size or shape the crash is about, and changes that keep a value's shape however often they
# run: a fitted transformer applied again (`x = sc.transform(x)`) or arithmetic with a number
# (`x = x / 255`, `x /= 255`); they change values, not how many there are.
_SIZE_MESSAGE = re.compile(
    r"cannot reshape|cannot be reshaped|into shape|shapes? \(|not aligned|could not broadcast"
    r"|operands could not be broadcast|inconsistent numbers of samples|Length mismatch"
)
# (A transformer that makes other columns, `pca`, `vectorizer`, `ohe`, `poly`, `selector`, `ct`,
# changes the width each time it runs again: `X = pca.transform(X)` twice is a re-run cause.)
_KEEPS_SHAPE = re.compile(
    r"^\s*([\w.]+)\s*=\s*(?![\w.]*(?i:pca|svd|vect|tfidf|enc|ohe|poly|sel|kbest|lda|nmf|ica"
    r"|tsne|umap|hash|pipe|ct\b|column|feat|embed|kernel))[\w.]+\.transform\(\s*\1\s*\)\s*(?:#.*)?$"
    r"|^\s*([\w.]+)\s*=\s*\2\s*[*/+-]\s*[\d.]+\s*(?:#.*)?$"
    r"|^\s*[\w.]+\s*[*/+-]=\s*[\d.]+\s*(?:#.*)?$"
    # `df['K'] = df['K'].astype('category')`: one column rewritten from itself, rows and width
    # kept; not a dict's tensor given a new axis (`data['X'] = data['X'].unsqueeze(1)`)
    r"|^\s*([\w.]+)\[\s*(['\"])([^'\"]+)\4\s*\]\s*=\s*\3\[\s*['\"]\5['\"]\s*\]\.(?!(?:reshape"
    r"|unsqueeze|squeeze|view|permute|transpose|repeat|expand|tile|flatten|ravel|swapaxes)\()\w+\("
)
_KEEPS_ROWS = re.compile(
    r"^\s*([\w.]+)\s*=\s*\1\.(?:assign|rename|astype|fillna|replace)\("
    r"|^\s*[\w.]+\[\s*['\"][^'\"]+['\"]\s*\]\s*="
    r"|^\s*([\w.]+)\s*=\s*(?:[\w.]*\.)?(?:shuffle|permutation)\(\s*\2\s*[,)]"
    r"|^\s*([\w.]+)\s*=\s*\3\.sample\(\s*frac\s*=\s*1(?:\.0)?\s*[,)]"
)


def _statement_text(cell: Cell, mutation: Mutation) -> str:
    """The whole line of the change: a mutation's text is cut at 80 characters, which can cut
    the key the right-hand side reads (`df["long_name"] = df["long_na…`)."""
    lines = to_python(cell.source)[0].splitlines()
    if 0 < mutation.line <= len(lines):
        return lines[mutation.line - 1].strip()
    return mutation.text


def _lines_run(source: str) -> list[str]:
    """The lines of ``source`` that running the cell runs: not those of a function's body (a
    `def` that reads `df['Open']` read nothing unless called), whose call is no certain run."""
    lines = source.splitlines()
    tree = python_tree(to_python(source)[0])
    if tree is None:
        return lines
    inside = {
        number
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for number in range(node.lineno, (node.end_lineno or node.lineno) + 1)
    }
    return [line for number, line in enumerate(lines, 1) if number not in inside]


def _read_fine_before(nb, counts: _Counts, names, keys: set[str]):
    """The finding when the failing line reads `name['k']` (or `name.k`), a cell that ran before
    the crash, in its session and without an error, reads the very same, and cells run between
    the two assign ``name`` again (the crash cell not above its failing line): the key was
    there, and one of those assignments gave ``name`` a value without it. Else None."""
    crash, line = nb.crash, nb.failing_line or ""
    fresh = _set_by_crash_cell(nb, names)
    for name, key in itertools.product(sorted(names - fresh), sorted(keys)):
        read = re.compile(
            rf"(?<![\w.]){re.escape(name)}(?:\.{re.escape(key)}\b(?!\s*\()|"
            rf"\[\s*['\"]{re.escape(key)}['\"]\s*\])"
        )  # a method called (`Y.head()`) is no column: its story is the object's type
        if not key.isprintable() or not read.search(line):
            continue
        readers = [
            c
            for c in nb.cells
            if c is not crash
            and c.error is None
            and counts.ran_before(c)
            and not counts.other_session(c)
            and any(read.search(ln.split("#", 1)[0]) for ln in _lines_run(c.source))
        ]
        reader = max(readers, key=lambda c: c.execution_count, default=None)
        since = [
            c
            for c in nb.cells
            if reader is not None
            and c is not crash
            and counts.ran_before(c)
            and c.execution_count > reader.execution_count
            and name in nb.names(c).defines
        ]
        if not since:
            continue
        since.sort(key=lambda c: c.execution_count)
        cells = ", ".join(cell_name(c) for c in since[:3]) + (" …" if len(since) > 3 else "")
        evidence = [
            f"{cell_name(reader)} read `{name}` {key!r} without an error",
            f"{cells} ran after it and assign `{name}`",
        ]
        first = since[0]
        hint = (
            f"Cell {reader.index + 1}{count_label(reader.execution_count)} read {key!r} from "
            f"`{name}` without an error, and cell {first.index + 1}"
            f"{count_label(first.execution_count)}"
            f"{' (and others)' if len(since) > 1 else ''}, run after it, assigned `{name}` again, "
            f"without {key!r}: reload the data that has it (run its loading cell again), or keep "
            "the new value under another name."
        )
        return _saved_finding(
            NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, first, kind=KIND_OUT_OF_ORDER
        )
    return None


# scikit-learn's check_array given an object in place of data: "got scalar array instead:
# array=ColumnTransformer(...)" (an estimator, a function). Storing items into an array
# (`X[:, 0] = f(X[:, 0])`) keeps it an array, however often it runs.
_OBJECT_AS_DATA = re.compile(r"got scalar array instead:\s*array=[A-Z]\w*\(")
_ITEMS_STORED = re.compile(r"\s*[A-Za-z_]\w*\s*\[[^\n]*\]\s*=(?!=)")


def _change_keeps_what_failed(text: str, keys: set[str], message: str) -> bool:
    """A change that cannot have caused the crash, whatever ran when: `df['K'] = f(df['K'])`
    rewrites the key K a KeyError misses (it needs it, never removes it), and a column added
    or rewritten (`df = df.assign(a=…)`) keeps the rows a row-count mismatch is about."""
    for key in keys:
        quoted = rf"""\[\s*['"]{re.escape(key)}['"]\s*\]"""
        if re.match(rf"\s*[\w.]+{quoted}\s*=(?!=).*{quoted}", text):
            return True
    if drop_found_some(text, message):
        return True
    if _OBJECT_AS_DATA.search(message[:300]) and _ITEMS_STORED.match(text):
        return True
    if _SIZE_MESSAGE.search(message[:300]) and _KEEPS_SHAPE.search(text):
        return True
    return bool(_ROW_COUNT.search(message[:300]) and _KEEPS_ROWS.search(text))


def _best_change(nb, counts: _Counts, names, mentioning, keys, is_key: bool, checks: bool):
    """(the best explaining change or None, the names the used ones came from)."""
    # a name the crashing cell binds afresh above its failing line holds this run's value:
    # what other cells did to it is gone, and it comes from what that binding reads
    fresh = _set_by_crash_cell(nb, names)
    derived = _sources_of(nb, counts, names, mentioning, fresh)
    extra = set(derived) - set(names)
    best = None
    for cell in nb.mentioning(*sorted(set(names) | extra)) if extra else mentioning:
        info = nb.names(cell)
        for mutation in info.mutations:
            if mutation.name not in names and mutation.name not in derived:
                continue
            if mutation.name in fresh and cell is not nb.crash:
                continue
            if mutation.kind == "method" and _module_alias(nb, mutation.name):
                continue  # `np.insert(a, 1, x)` returns a new array: the module is unchanged
            via = None if mutation.name in names else derived[mutation.name]
            candidate = _change(nb, counts, cell, info, mutation, keys, is_key, checks, via)
            if candidate and (best is None or candidate[0] > best[0]):
                best = candidate
    return best, derived


_PLAIN_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]+)", re.M)


def _module_alias(nb, name: str) -> bool:
    """A cell binds ``name`` with `import m` or `import m as name`: a module, whose functions
    (`np.insert`, `np.append`) return new values and change nothing of it."""
    for cell in nb.cells:
        for m in _PLAIN_IMPORT.finditer(cell.source):
            for item in m.group(1).split(","):
                words = item.split()
                if words and (words[-1] if "as" in words else words[0].split(".")[0]) == name:
                    return True
    return False


def _sources_of(
    nb, counts: _Counts, names, mentioning, fresh=frozenset()
) -> dict[str, tuple[str, Cell]]:
    """One step back along the data: `X` on the failing line came from `df` when the cell that
    last set `X` before the crash (`X = df.values`) reads `df`; for a name in ``fresh`` (the
    crashing cell binds it above its failing line) that cell is the crashing one. Maps each
    source to (`X`, cell)."""
    out: dict[str, tuple[str, Cell]] = {}
    for name in sorted(names):
        if name in fresh:
            for source in sorted(_read_to_make(nb.crash, name) - set(names)):
                out.setdefault(source, (name, nb.crash))
            continue
        setters = [
            c
            for c in mentioning
            if c is not nb.crash
            and counts.ran_before(c)
            and name in nb.names(c).defines
            and not _failed_before(c, name)
        ]
        if setters:
            latest = max(setters, key=lambda c: c.execution_count)
            for source in sorted(_read_to_make(latest, name) - set(names)):
                out.setdefault(source, (name, latest))
    return out


def _read_to_make(cell: Cell, name: str) -> set[str]:
    """The names that ``cell``'s top-level statements binding ``name`` read (`X = df.values`:
    `df`; `lr = LogisticRegression()` reads no frame of the cell's later lines); every name the
    cell reads when it does not parse."""
    tree = python_tree(to_python(cell.source)[0])
    if tree is None:
        return set(analyse_cell(cell.source).uses)
    read: set[str] = set()
    for statement in tree.body:
        nodes = list(ast.walk(statement))
        stores = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        if name in stores:
            read |= {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return read - {name}


def _change(nb, counts: _Counts, cell, info, mutation: Mutation, keys, is_key, checks, via):
    """(score, decisive, cell, mutation, kind, evidence) when this change explains the crash."""
    if cell is nb.crash:  # this crash is the cell's last run: did it run before?
        if repeats_harmlessly(mutation, cell.source, nb.failing_line):
            return None
        rerun = counts.rerun_evidence(cell)
        if rerun is None:
            return None
        kind = KIND_RERUN
        why = f"{nb.where()} changes `{mutation.name}` and probably ran before: {rerun}"
    elif mutation.idempotent or _rebound_since(nb, counts, cell, mutation.name):
        return None
    elif counts.ran_before(cell) and cell.error is None:
        rerun = counts.rerun_evidence(cell)
        if rerun is not None and _key_removed_above(nb, cell, mutation.name, keys):
            # a cell above the crash renames or drops the key on this name: a restart and a
            # run in order loses it too, so the repeated run is no cause to blame
            return None
        if rerun is not None:
            kind = KIND_RERUN
            why = f"{cell_name(cell)} changes `{mutation.name}` and probably ran more than once: "
            why += rerun
        elif nb.is_above(cell) is False and len(counts.by_count[cell.execution_count]) == 1:
            # (a count another cell shows too is from another kernel session, maybe this one's)
            kind = KIND_OUT_OF_ORDER
            why = (
                f"{cell_name(cell)}, below {nb.where()}, changes `{mutation.name}` and ran "
                f"before it ([{cell.execution_count}] < [{counts.count}])"
            )
        else:
            return None
    else:
        return None
    decisive, key_match, evidence = weigh_change(
        nb, cell, info, mutation, keys, is_key, checks, via, why, inferred=True
    )
    score = (decisive, via is None, key_match, cell is nb.crash, kind == KIND_RERUN)
    return score, decisive, cell, mutation, kind, evidence


def _key_removed_above(nb, cell: Cell, name: str, keys) -> bool:
    """A cell above the crash (in the notebook's order), other than ``cell``, renames a missing
    key of ``name`` away (`df.rename(columns={'k': 'K'})`) or drops it
    (`df.drop(columns=['k'])`)."""
    crash = nb.crash
    if crash is None or not keys:
        return False
    for other in nb.mentioning(name):
        if other is cell or other is crash or other.index >= crash.index:
            continue
        # only the calls' own arguments: the cell may quote the key elsewhere (read it, map
        # it) while it renames or drops other columns
        renames = "\n".join(_call_arguments(other.source, f"{name}.rename("))
        drops = "\n".join(_call_arguments(other.source, f"{name}.drop("))
        if not (renames or drops):
            continue
        for key in keys:
            if not isinstance(key, str):
                continue
            quoted = (f"'{key}'", f'"{key}"')
            if any(f"{q}:" in renames or f"{q} :" in renames for q in quoted):
                return True
            if any(q in drops for q in quoted) and "columns" in drops:
                return True
    return False


def _call_arguments(source: str, opener: str) -> list[str]:
    """The text between each ``opener`` (`df.drop(`) in ``source`` and its closing bracket (to
    the end when it is never closed)."""
    found = []
    start = 0
    while (at := source.find(opener, start)) >= 0:
        start = at + len(opener)
        depth, end = 1, start
        while end < len(source) and depth:
            depth += {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}.get(source[end], 0)
            end += 1
        found.append(source[start:end])
    return found


def _rebound_since(nb, counts: _Counts, cell: Cell, name: str) -> bool:
    """Another cell bound ``name`` afresh (`agent = Agent()`, not from its old value) after
    ``cell`` ran and before the crash: whatever ``cell`` changed in it is gone."""
    after = cell.execution_count or 0
    for other in nb.mentioning(name):
        if other is cell or other is nb.crash or not counts.ran_before(other):
            continue
        info = nb.names(other)
        fresh = name in info.defines and name not in info.conditional
        if (
            fresh
            and other.execution_count > after
            and not info.mutations_of(name)
            and not _failed_before(other, name)
        ):
            return True
    return False


_NONE_ERROR = re.compile(r"'NoneType' object (?:has no attribute|is not)")
# `l = l.remove(3)`: a method that changes its object in place and returns None.
_IN_PLACE_METHODS = "sort|append|extend|insert|reverse|update|clear|remove|shuffle"


def _in_place_result_assigned(cell: Cell, names):
    """The finding when ``cell`` assigns a name of ``names`` the result of its own in-place
    method (`l = l.remove(3)`): that run set it to None, and every later read of it fails."""
    for name in sorted(names):
        n = re.escape(name)
        m = re.search(
            rf"^[ \t]*{n}[ \t]*=[ \t]*({n}\.({_IN_PLACE_METHODS})\([^\n]*\))", cell.source, re.M
        ) or re.search(  # `df = df.dropna(inplace=True)`: pandas returns None then too
            rf"^[ \t]*{n}[ \t]*=[ \t]*({n}\.(\w+)\([^\n#]*\binplace\s*=\s*True[^\n#]*\))",
            cell.source,
            re.M,
        )
        if m is None:
            continue
        call, method = m.group(1).strip(), m.group(2)
        hint = (
            f"Cell {cell.index + 1}{count_label(cell.execution_count)} sets `{name} = {call}`: "
            f"`.{method}` changes `{name}` in place and returns None, so `{name}` became None. "
            f"Write `{call}` alone, and run the cell that builds `{name}` again."
        )
        evidence = [
            f"{cell_name(cell)} assigns `{name}` the result of `.{method}`, which returns None",
            f"its saved error is about a None value too ({_saved_message(cell).strip()[:60]})",
        ]
        return _saved_finding(
            NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER
        )
    return None


def _failed_rebinding(nb, counts: _Counts, names, mentioning, message: str, keys: set[str]):
    """A cell that should have (re)set a name used here shows an error output from before the
    crash, so the name holds stale state (`model = None` above, `model = build()` failed)."""
    best = None
    fresh = _set_by_crash_cell(nb, names)
    for cell in mentioning:
        if cell is nb.crash or cell.error is None or not counts.ran_before(cell):
            continue
        if _saved_message(cell).strip() == message.strip():
            continue  # the very same error: the fault that broke this crash broke that cell too
        if _NONE_ERROR.match(message) and _NONE_ERROR.match(_saved_message(cell)):
            # a None broke that cell too: the name was None before it failed, so its failure
            # left no "older value" behind; an in-place method's result it assigns is the cause
            made_none = _in_place_result_assigned(cell, names)
            if made_none is not None:
                return made_none
            continue
        bound = sorted(
            n
            for n in names
            if n not in fresh
            and n in nb.names(cell).defines
            and _failed_before(cell, n)
            and not _same_none_broke(cell, n, nb.failing_line, message)
            and not ("NoneType" in message and _read_before_failing(nb, cell, n))
        )
        if bound and (best is None or cell.execution_count > best[0].execution_count):
            best = (cell, bound[0])
    if best is None:
        return None
    cell, name = best
    for other in nb.mentioning(name):  # only if nothing set the name successfully since
        if (
            other is not cell
            and name in nb.names(other).defines
            and counts.ran_before(other)
            and other.execution_count > cell.execution_count
            and not _failed_before(other, name)
        ):
            return None
    none_value = "NoneType" in message
    key_match = bool(keys & nb.names(cell).strings)
    evidence = [f"{cell_name(cell)} sets `{name}` and ran before {nb.where()}"]
    if none_value:
        evidence.append(f"the crash is about a None value: `{name}` kept its placeholder")
    if key_match:
        evidence.append(f"the missing key {sorted(keys & nb.names(cell).strings)[0]!r} is in it")
    so = f", so `{name}` still holds an older value"
    return _failed(cell, f"setting `{name}`", evidence, none_value or key_match, so)


def _read_before_failing(nb, cell: Cell, name: str) -> bool:
    """``cell`` reads ``name`` at or above the statement that failed (`x = [f(i) for i in x]`),
    and its error was no None's: ``name`` held a value then, so its failure left no None behind
    (a later assignment made it None)."""
    if _NONE_ERROR.match(_saved_message(cell)):
        return False
    read = nb.names(cell).use_lines.get(name)
    failed, _ = _failure(cell)
    return read is not None and bool(failed) and read <= failed


def _same_none_broke(cell: Cell, name: str, line: str, message: str) -> bool:
    """The None is an attribute read through ``name`` (`h.grad.data`, "'NoneType' object has no
    attribute 'data'"), and ``cell`` failed on a None too, reading that same attribute
    (`h = h - 0.1 * h.grad`): one fault broke both cells, so fixing that cell first is no
    remedy, and its failure is no account of this crash."""
    missing = re.search(r"'NoneType' object has no attribute '(\w+)'", message)
    if missing is None:
        return False
    through = rf"\b{re.escape(name)}(?:\.\w+)+(?=\.{re.escape(missing.group(1))}\b)"
    read = re.search(through, line)
    if read is None or cell.error is None:
        return False
    texts = (cell.error.evalue or "", *(cell.error.traceback or ())[-1:])
    on_none = any("NoneType" in text[-2_000:] for text in texts)
    return on_none and re.search(rf"{re.escape(read.group(0))}\b", cell.source) is not None


def _set_by_crash_cell(nb, names) -> set[str]:
    """The names the crashing cell itself assigns before its failing line (or on it, without
    reading them there): whatever an earlier cell left in them, this run replaced it."""
    if nb.crash is None or not nb.failing_line:
        return set()
    lines = nb.crash.source.splitlines()
    wanted = nb.failing_line.strip()
    at = next((i + 1 for i, line in enumerate(lines) if line.strip() == wanted), None)
    if at is None:
        return set()
    info = nb.names(nb.crash)
    out = set()
    for name in names:
        line = info.def_lines.get(name)
        if name in info.conditional and assigned_on_the_way(nb.crash.source, at, name):
            # `while True: ret, frame = cap.read()` above `frame.shape` in the same loop: the
            # failing line read this pass's value, not one an earlier cell left
            out.add(name)
            continue
        if line is None or name in info.conditional or line > at:
            continue
        if line < at:
            out.add(name)
            continue
        target, _, value = wanted.partition("=")
        if target.strip() == name and not has_word(value, name):
            out.add(name)
    return out


def _missing_key_store(nb, counts: _Counts, names, keys: set[str]):
    """A KeyError on a key that a cell stores (`df["y"] = ...`) but that cell did not run right."""
    for cell, name, key, evidence in key_stores(nb, names, keys):
        what = f"setting `{name}[{key!r}]`"
        done = _done_before_failure(cell)
        failed = cell.error is not None and (done is None or (name, key) not in done.key_stores)
        if failed and (counts.ran_before(cell) or cell.execution_count is None):
            return _failed(cell, what, evidence)
        count = cell.execution_count
        if needs_a_cell_from_the_crash_on(nb, cell) and not (
            count and counts.count and count < counts.count
        ):
            # it reads what the crashing cell (or one below it) makes: running it first would
            # fail too, whether it never ran or ran only later
            continue
        if not count:
            evidence.append(f"{cell_name(cell)} was never run (it has no execution count)")
            hint = f"Run cell {cell.index + 1} first: it sets `{name}[{key!r}]`."
            return _saved_finding(
                NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER
            )
        other = counts.other_session(cell)
        if other:
            evidence.append(other)
            hint = (
                f"The kernel probably restarted since cell {cell.index + 1} set "
                f"`{name}[{key!r}]`: run it again first."
            )
            return _saved_finding(
                NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_RESTART
            )
        if counts.count and count > counts.count and failed:
            # its later run failed before the store: it set nothing then either, so running it
            # again only helps once that failure is fixed
            found = _failed(cell, what, evidence)
            hint = (
                f"Cell {cell.index + 1}{count_label(count)} sets `{name}[{key!r}]` but ran only "
                f"after this cell ([{counts.count}]), and failed ({_failure(cell)[1]}) before "
                "that line: fix that, then run it and this cell again."
            )
            return dataclasses.replace(found, hint=hint)
        if counts.count and count > counts.count:
            evidence.append(f"{cell_name(cell)} ran after {nb.where()}")
            hint = f"Run cell {cell.index + 1} first: it sets `{name}[{key!r}]` (it ran later)."
            return _saved_finding(
                NOTEBOOK, OUT_OF_ORDER, True, hint, evidence, cell, kind=KIND_OUT_OF_ORDER
            )
    return None
