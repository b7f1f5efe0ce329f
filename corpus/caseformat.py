"""Read the case files of the corpus (``corpus/cases/<group>/<name>.case``).

A case file is a tiny notebook in "percent" form. Header comments hold the expected labels and the
exception the last executed cell must raise; ``# %%`` lines start cells, in notebook order::

    # crash_type: key_error
    # root_cause: data_confusion
    # stage: data_preparation
    # library: pandas
    # ml_bug: true
    # expect: KeyError
    # match: Price                 (optional regex the evalue must contain)
    # order: 1,2,2                 (optional execution order of cells, 1-based; default all)
    # %%
    import pandas as pd
    # %% raises                    (this cell is expected to fail: an earlier cell's error)
    # %% norun                     (in the notebook, never executed)
    # %% crash                     (the failing cell; default: the last executed one)

Files use the ``.case`` extension rather than ``.py`` because many hold deliberate syntax errors
and undefined names that a linter must not see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LABEL_KEYS = ("crash_type", "root_cause", "stage", "library", "ml_bug")
HEADER_KEYS = (*LABEL_KEYS, "notebook_cause", "expect", "match", "order", "note")
CELL_RE = re.compile(r"^# %%(?P<flags>[ \w,-]*)$")
HEADER_RE = re.compile(r"^# (?P<key>[a-z_]+): (?P<value>.*)$")


class CaseError(ValueError):
    """A malformed case file; the message names the file."""


@dataclass
class CaseCell:
    source: str
    flags: frozenset[str] = frozenset()


@dataclass
class Case:
    id: str
    path: Path
    labels: dict
    expect: str
    match: str = ""
    notebook_cause: str | None = None
    cells: list[CaseCell] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # 0-based cell indexes, in execution order

    @property
    def crash_index(self) -> int:
        return self.order[-1]

    @property
    def code(self) -> str:
        return self.cells[self.crash_index].source


def _bool(text: str, where: str) -> bool:
    low = text.strip().lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    raise CaseError(f"{where}: ml_bug must be true or false, not {text!r}")


def parse_case(path: Path, root: Path) -> Case:
    case_id = path.relative_to(root).with_suffix("").as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and not CELL_RE.match(lines[i]):
        line = lines[i]
        m = HEADER_RE.match(line)
        if m and m["key"] in HEADER_KEYS:
            header[m["key"]] = m["value"].strip()
        elif line.strip() and not line.startswith("#"):
            raise CaseError(f"{case_id}: code before the first '# %%' line")
        i += 1
    cells: list[CaseCell] = []
    current: list[str] | None = None
    flags: frozenset[str] = frozenset()
    for line in lines[i:]:
        m = CELL_RE.match(line)
        if m:
            if current is not None:
                cells.append(CaseCell("\n".join(current).strip("\n"), flags))
            current = []
            flags = frozenset(f for f in re.split(r"[ ,]+", m["flags"].strip()) if f)
        else:
            assert current is not None
            current.append(line)
    if current is not None:
        cells.append(CaseCell("\n".join(current).strip("\n"), flags))
    if not cells:
        raise CaseError(f"{case_id}: no cells")
    missing = [k for k in (*LABEL_KEYS, "expect") if k not in header]
    if missing:
        raise CaseError(f"{case_id}: header lacks {', '.join(missing)}")
    unknown = {f for c in cells for f in c.flags} - {"raises", "norun", "crash"}
    if unknown:
        raise CaseError(f"{case_id}: unknown cell flag(s) {sorted(unknown)}")
    if "order" in header:
        try:
            order = [int(x) - 1 for x in header["order"].split(",")]
        except ValueError:
            raise CaseError(f"{case_id}: order must be comma-separated cell numbers") from None
        if any(not 0 <= k < len(cells) for k in order):
            raise CaseError(f"{case_id}: order names a cell that does not exist")
    else:
        crash = [k for k, c in enumerate(cells) if "crash" in c.flags]
        last = crash[0] if crash else len(cells) - 1
        order = [k for k in range(last + 1) if "norun" not in cells[k].flags]
    labels = {k: header[k] for k in LABEL_KEYS}
    labels["ml_bug"] = _bool(header["ml_bug"], case_id)
    return Case(
        id=case_id,
        path=path,
        labels=labels,
        expect=header["expect"],
        match=header.get("match", ""),
        notebook_cause=header.get("notebook_cause") or None,
        cells=cells,
        order=order,
    )


def load_cases(root: Path) -> list[Case]:
    """All cases under ``root``, sorted by id."""
    cases = [parse_case(p, root) for p in sorted(root.rglob("*.case"))]
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise CaseError(f"duplicate case id {case.id}")
        seen.add(case.id)
    return cases
