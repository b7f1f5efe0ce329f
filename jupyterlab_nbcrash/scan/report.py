"""Render a ScanResult as a terminal table, JSON (complete, re-renderable), CSV (a row a crash)
or a self-contained HTML page (html.py).

The table shows readable titles, and a label the diagnosis is less sure of than the threshold
(``--confidence-threshold``) as the panel shows it: "A or b — not sure (55% / 26%)"
(``uncertainty.py``). JSON and CSV keep the taxonomy ids and the numbers, which are what a
program reading them wants.
"""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Callable
from typing import TextIO

from ..uncertainty import DEFAULT_THRESHOLD, label_text, sureness
from . import study
from .format import (
    DISTRIBUTION_HEADINGS,
    ORDER_HEADINGS,
    distribution,
    headline,
    label_title,
    order_notebooks,
    pct,
    plural,
    top_notebooks,
)
from .html import render_html
from .result import FORMAT_NAME, FORMAT_VERSION, ScanResult

FORMATS = ("table", "json", "csv", "html")
SUFFIXES = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html", ".txt": "table"}
CSV_COLUMNS = (
    "notebook",
    "cell_index",
    "cell_id",
    "execution_count",
    "ename",
    "evalue",
    "crash_type",
    "root_cause",
    "notebook_cause",
    "stage",
    "library",
    "ml_bug",
    "confidence",
    "hint",
    "error",
)


def render(result: ScanResult, fmt: str, out: TextIO, threshold: float = DEFAULT_THRESHOLD) -> None:
    """Write the scan in ``fmt``; the readable formats hedge labels below ``threshold``."""
    renderers: dict[str, Callable[[ScanResult, TextIO], None]] = {
        "table": lambda r, o: render_table(r, o, threshold),
        "json": render_json,
        "csv": render_csv,
        "html": lambda r, o: render_html(r, o, threshold),
    }
    renderers[fmt](result, out)


# --- JSON ----------------------------------------------------------------------------------------


def render_json(result: ScanResult, out: TextIO) -> None:
    """The whole scan, one row per line in the lists, streamed (``report`` reads it back)."""

    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    out.write("{\n")
    out.write(f' "format": {dump(FORMAT_NAME)},\n "version": {FORMAT_VERSION},\n')
    out.write(f' "meta": {dump(result.meta)},\n "summary": {json.dumps(result.summary, indent=1)}')
    for key, rows in (
        ("skipped", iter(result.skipped)),
        ("notebooks", result.notebooks()),
        ("crashes", result.crashes()),
    ):
        out.write(f',\n "{key}": [')
        for i, row in enumerate(rows):
            out.write(("," if i else "") + "\n  " + dump(row))
        out.write("\n ]")
    out.write("\n}\n")


# --- CSV -----------------------------------------------------------------------------------------


def render_csv(result: ScanResult, out: TextIO) -> None:
    """One row a crash; ``confidence`` is the crash type's. Skipped files are not crashes: the
    command lists them on stderr."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for crash in result.crashes():
        row = dict(crash)
        row["confidence"] = (crash.get("confidence") or {}).get("crash_type", "")
        row["ml_bug"] = "" if crash.get("ml_bug") is None else str(bool(crash["ml_bug"])).lower()
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in CSV_COLUMNS])


# --- terminal table ------------------------------------------------------------------------------


def render_table(result: ScanResult, out: TextIO, threshold: float = DEFAULT_THRESHOLD) -> None:
    width = max(80, min(shutil.get_terminal_size((120, 24)).columns, 200))
    bar = "█" if "utf" in (getattr(out, "encoding", None) or "utf-8").lower() else "#"
    s = result.summary
    w = out.write
    w(f"nbcrash scan of {', '.join(result.meta.get('paths', [])) or '?'}\n")
    w(headline(s) + "\n")
    model_error = (result.meta.get("model") or {}).get("error")
    if model_error:
        w(f"warning: the trained model was not loaded: {model_error}\n")
    w("\n")
    _crash_table(result, out, width, threshold)
    w("\nSummary\n")
    _kv(out, "notebooks read", f"{s['notebooks_read']:,} of {s['files']:,} files")
    with_crashes = s["notebooks_with_crashes"]
    _kv(out, "with crashes", f"{with_crashes:,} ({pct(with_crashes, s['notebooks_read'])})")
    cpn = s["crashes_per_notebook"]
    _kv(
        out,
        "crashes",
        f"{s['crashes']:,} ({cpn['mean']:.2f} per notebook with crashes; "
        f"median {cpn['median']:g}, max {cpn['max']})",
    )
    ml, py = s["ml_bug"]["ml"], s["ml_bug"]["python"]
    _kv(out, "ML bugs", f"{ml:,} ({pct(ml, ml + py)}; study {100 * study.ML_BUG_SHARE:.0f}%)")
    _kv(out, "plain-Python bugs", f"{py:,} ({pct(py, ml + py)})")
    if s["undiagnosed"]:
        _kv(out, "not diagnosed", f"{s['undiagnosed']:,} (see the 'error' of those crashes)")
    _kv(out, "files skipped", f"{s['files_skipped']:,}")
    for dim, heading in DISTRIBUTION_HEADINGS:
        total, rows = distribution(s, dim)
        if not rows:
            continue
        shown = rows[:15] if dim in ("library", "ename") else rows
        compare = dim in study.SHARES
        title_line = f"{heading} (n = {total:,})"
        w(f"\n{title_line:<44}{'share':>7}{'study' if compare else '':>8}".rstrip() + "\n")
        top = max(n for _, _, n, _ in rows)
        for label_id, title, n, share in shown:
            ref = study.share(dim, label_id) if compare else None
            line = f"  {_fit(title, 34):<34} {n:>7,} {100 * share:5.1f}%"
            if compare:
                line += f"  {100 * ref:5.1f}%" if ref is not None else "       –"
            w(f"{line}  {bar * _bar(n, top, 24)}\n")
        if len(rows) > len(shown):
            w(f"  … {len(rows) - len(shown)} more\n")
    if cpn["notebooks"]:
        w("\nCrashes per notebook (notebooks with crashes)\n")
        top = max(cpn["histogram"].values(), default=0)
        for label, n in cpn["histogram"].items():
            line = f"  {label:>5} {n:>7,} {pct(n, cpn['notebooks']):>6}  {bar * _bar(n, top, 24)}"
            w(line.rstrip() + "\n")
        w("\nNotebooks with the most crashes\n")
        for nb in top_notebooks(result):
            w(f"  {nb['crashes']:>5,}  {nb['path']}\n")
    _order_section(result, out)
    if result.skipped:
        w(f"\nSkipped files ({len(result.skipped):,})\n")
        for kind, n in s["skipped"].items():
            w(f"  {kind:<16} {n:>7,}\n")
        for entry in result.skipped:
            w(f"  {entry['path']}: {entry['reason']}\n")


def _order_section(result: ScanResult, out: TextIO) -> None:
    order = result.summary["execution_order"]
    analysed = order["analysed"]
    scope = "all notebooks read" if result.meta.get("parse_all") else "the notebooks with crashes"
    out.write(f"\nSaved execution order ({analysed:,} notebooks analysed: {scope})\n")
    if not analysed:
        out.write("  not analysed\n")
        return
    for flag, text in ORDER_HEADINGS:
        out.write(f"  {text:<40} {order[flag]:>7,} {pct(order[flag], analysed):>6}\n")
    listed = 0
    for nb in order_notebooks(result):
        if listed == 0:
            out.write("\nNotebooks with out-of-order execution counts\n")
        if listed < 50:
            out.write(f"  {nb['path']} ({plural(nb['crashes'], 'crash')})\n")
        listed += 1
    if listed > 50:
        out.write(f"  … {listed - 50:,} more (all of them in --format json or html)\n")


# The labels the table may hedge, with the names the panel gives them.
_HEDGED = (("crash_type", "Crash type"), ("root_cause", "Root cause"), ("stage", "Stage"))
_HEDGED += (("library", "Library"),)


def _crash_table(result: ScanResult, out: TextIO, width: int, threshold: float) -> None:
    """A row of labels a crash, then the exception, the labels it is not sure of (a "?" marks
    them in the row; the columns are too narrow for "A or b — not sure") and the hint indented
    below it."""
    cols = [("CELL", 4), ("EXEC", 4), ("CRASH TYPE", 22), ("ROOT CAUSE", 22), ("STAGE", 18)]
    cols += [("LIBRARY", 12), ("ML", 3), ("CONF", 4)]
    cols.insert(0, ("NOTEBOOK", max(20, width - sum(n + 1 for _, n in cols) - 1)))
    numeric = (1, 2, 8)
    n = 0
    for crash in result.crashes():
        if n == 0:
            out.write(f"Crashes ({result.summary['crashes']:,})\n")
            out.write(_row([h for h, _ in cols], cols, numeric))
        n += 1
        conf = (crash.get("confidence") or {}).get("crash_type")
        ml = crash.get("ml_bug")
        cause = crash.get("notebook_cause") or crash.get("root_cause")
        cause_dim = "notebook_cause" if crash.get("notebook_cause") else "root_cause"
        unsure = {
            dim: name
            for dim, name in _HEDGED
            if crash.get(dim) and not sureness(crash, dim, threshold).sure
        }
        mark = {dim: "?" if dim in unsure else "" for dim, _ in _HEDGED}
        values = [
            _fit(crash["notebook"], cols[0][1], left=True),
            crash["cell_index"],
            "" if crash.get("execution_count") is None else crash.get("execution_count"),
            _marked(label_title("crash_type", crash.get("crash_type")), mark["crash_type"], 22)
            if crash.get("crash_type")
            else "—",
            _marked(label_title(cause_dim, cause), mark["root_cause"], 22) if cause else "—",
            _marked(label_title("stage", crash.get("stage")), mark["stage"], 18)
            if crash.get("stage")
            else "—",
            _marked(_library(crash.get("library")), mark["library"], 12),
            "" if ml is None else ("yes" if ml else "no"),
            "" if conf is None else f"{conf:.2f}",
        ]
        out.write(_row(values, cols, numeric))
        message = f"{crash['ename']}: {crash['evalue']}" if crash["evalue"] else crash["ename"]
        out.write(f"{'':6}{_fit(message, width - 7)}\n")
        for dim, name in unsure.items():
            first = _cause_title(crash) if dim == "root_cause" else None
            text = f"{name}: {label_text(crash, dim, threshold, label_title, first)}"
            out.write(f"{'':6}? {_fit(text, width - 9)}\n")
        note = crash.get("error") or crash.get("hint")
        if note:  # the whole hint, wrapped: it is the point of the diagnosis
            lines = textwrap.wrap(" ".join(note.split()), width - 9, max_lines=4, placeholder=" …")
            out.write(
                "".join(f"{'':6}{'↳' if i == 0 else ' '} {ln}\n" for i, ln in enumerate(lines))
            )
    if n == 0:
        out.write("No crashes found.\n")


def _marked(title: str, mark: str, width: int) -> str:
    """A title with its "?" kept visible when the column cuts the title short."""
    return _fit(title, width - len(mark)) + mark if mark else title


def _cause_title(crash: dict) -> str:
    """The cause as the panel words it: the notebook cause with its root cause in brackets."""
    root = label_title("root_cause", crash.get("root_cause"))
    nb = crash.get("notebook_cause")
    return f"{label_title('notebook_cause', nb)} ({root})" if nb else root


def _library(library: str | None) -> str:
    if not library:
        return "—"
    return "none" if library == "none" else label_title("library", library)


def _row(values: list, cols: list[tuple[str, int]], numeric: tuple[int, ...]) -> str:
    cells = (
        _cell(v, w, i in numeric) for i, (v, (_, w)) in enumerate(zip(values, cols, strict=True))
    )
    return " ".join(cells).rstrip() + "\n"


def _cell(value, width: int, right: bool = False) -> str:
    text = _fit(str(value), width)
    return text.rjust(width) if right else text.ljust(width)


def _fit(text: str, width: int, left: bool = False) -> str:
    """Shorten to ``width`` characters with an ellipsis (at the start for paths)."""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :] if left else text[: width - 1] + "…"


def _kv(out: TextIO, key: str, value: str) -> None:
    out.write(f"  {key:<20} {value}\n")


def _bar(n: int, top: int, width: int) -> int:
    return max(1, round(width * n / top)) if n and top else 0
