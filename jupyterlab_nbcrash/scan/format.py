"""What the terminal table and the HTML page of a scan share: headings, label titles, the
distributions, the notebooks worth listing and number wording.

report.py (table, JSON, CSV, and the choice of renderer) and html.py (the page) both import from
here; neither imports the other's internals.
"""

from __future__ import annotations

import heapq

from .. import taxonomy
from .result import ScanResult
from .summary import order_flags

# Dimensions shown as distributions: (summary key, heading).
DISTRIBUTION_HEADINGS = (
    ("crash_type", "Crash type"),
    ("root_cause", "Root cause"),
    ("notebook_cause", "Notebook cause (of notebook-specific crashes)"),
    ("stage", "ML pipeline stage"),
    ("library", "Library"),
    ("ename", "Exception"),
)
ORDER_HEADINGS = (
    ("out_of_order", "execution counts out of order"),
    ("gaps", "gaps in the execution counts"),
    ("never_run", "never-run code cells among run ones"),
)


def label_title(dim: str, label: str) -> str:
    """Readable title of a summary key; exception names and unknown ids are shown as they are."""
    if dim == "ename":
        return label
    try:
        return taxonomy.title(dim, label) or label
    except KeyError:
        return label


def distribution(summary: dict, dim: str) -> tuple[int, list[tuple[str, str, int, float]]]:
    """(denominator, [(id, title, count, share)]) of one summary distribution."""
    counts = summary.get(dim) or {}
    if dim == "notebook_cause":
        total = (summary.get("root_cause") or {}).get("notebook_specific", 0)
    elif dim == "ename":
        total = summary.get("crashes", 0)
    else:
        total = summary.get("diagnosed", 0)
    total = max(total, sum(counts.values()))
    rows = [(k, label_title(dim, k), n, n / total if total else 0.0) for k, n in counts.items()]
    return total, rows


def headline(summary: dict) -> str:
    """The final line: notebooks read, crashes found, files skipped."""
    return (
        f"{plural(summary['notebooks_read'], 'notebook')} read, "
        f"{plural(summary['crashes'], 'crash')} found in "
        f"{plural(summary['notebooks_with_crashes'], 'notebook')}, "
        f"{plural(summary['files_skipped'], 'file')} skipped"
    )


def top_notebooks(result: ScanResult, n: int = 10) -> list[dict]:
    """The ``n`` notebooks with the most crashes (ties in scan order), in constant memory."""
    ranked = ((nb["crashes"], -i, nb) for i, nb in enumerate(result.notebooks()) if nb["crashes"])
    return [nb for _, _, nb in heapq.nlargest(n, ranked, key=lambda t: (t[0], t[1]))]


def order_notebooks(result: ScanResult, flag: str = "out_of_order"):
    for nb in result.notebooks():
        flags = order_flags(nb.get("saved_order"))
        if flags and flags[flag]:
            yield nb


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else ('es' if noun.endswith('sh') else 's')}"


def pct(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%" if total else "–"
