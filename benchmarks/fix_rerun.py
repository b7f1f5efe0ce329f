"""Do one-click fixes remove the crash? Apply each fix and re-run in a real kernel (issue 16).

    python benchmarks/fix_rerun.py [--only GLOB] [--kernel python3] [--list] [--gallery]

For every crash of our corpus (``jupyterlab_nbcrash/data/corpus.jsonl``: real failing code recorded
in real kernels), diagnose it as JupyterLab sends it (its notebook's cells, and the execution
history when the case has several cells) and count the fixes by kind. Then, for each fix that edits
or runs cells, replay the case in a fresh kernel (nbclient, the case's data files in its working
directory) twice:

- control: the recorded runs, unchanged — the crash must come back, else the case cannot be
  judged here (a library this environment lacks, e.g. TensorFlow) and is counted apart;
- fixed: the same runs up to the crash, then the fix as the frontend applies it (the edits on the
  cell's source, the cells it runs) and the crashing cell again.

``--gallery`` also runs the crash gallery (``examples/crash_gallery.ipynb``) top to bottom,
diagnoses each crash as ``jupyter nbcrash scan`` reads the saved notebook, and replays its fixes
the same way (the cells above the crash in order, then the fix).

The fixed run ends in no error, another error, or the same error (same exception and message: the
fix did nothing). ``install`` fixes are never run (the new cell is for the user to run) and
``go_to_cell`` only navigates: both are counted, not replayed.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.datafiles import write_data_files  # noqa: E402
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose  # noqa: E402
from jupyterlab_nbcrash.diagnosis.fix_edits import apply_edits  # noqa: E402
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord  # noqa: E402

CORPUS = ROOT / "jupyterlab_nbcrash" / "data" / "corpus.jsonl"
GALLERY = ROOT / "examples" / "crash_gallery.ipynb"
NOT_REPLAYED = ("install", "go_to_cell")


def as_sent(entry: dict) -> dict:
    """The corpus entry as the frontend sends it: always with its notebook's cells."""
    if "gallery_cells" in entry:  # a saved notebook, as the scan reads it
        rest = {k: v for k, v in entry.items() if not k.startswith("gallery_")}
        return {**rest, "notebook": {"cells": entry["gallery_cells"]}}
    cells = entry.get("cells") or [
        {"id": entry["cell_id"], "index": 0, "source": entry["code"], "cell_type": "code"}
    ]
    notebook = {"cells": cells, "history": entry.get("history", [])}
    return {
        **{k: v for k, v in entry.items() if k not in ("cells", "history")},
        "notebook": notebook,
    }


def runs(entry: dict) -> list[str]:
    """The cell ids in the order the case ran them, the crashing cell last."""
    if "gallery_runs" in entry:
        return entry["gallery_runs"]
    history = entry.get("history") or [{"cell_id": entry["cell_id"]}]
    return [h["cell_id"] for h in history]


def fixed_runs(entry: dict, fix: dict) -> tuple[dict[str, str], list[str]]:
    """The cells' sources after the fix and the cell ids run after the crash."""
    sources = {c["id"]: c["source"] for c in as_sent(entry)["notebook"]["cells"]}
    then: list[str] = []
    for edit in fix["edits"]:
        if edit["op"] == "replace":
            sources[edit["cell_id"]] = apply_edits(sources[edit["cell_id"]], [edit])
        elif edit["op"] == "run_cells":
            then.extend(edit["cell_ids"])
    if fix["rerun"]:
        then.append(fix["cell_id"])
    return sources, then


def execute(steps: list[str], kernel: str, timeout: int) -> list[dict | None]:
    """Run the sources ``steps`` one after the other in a fresh kernel, in a folder with the
    corpus's data files; each one's error ({"ename", "evalue"}) or None."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in steps],
        metadata={"kernelspec": {"name": kernel, "display_name": kernel, "language": "python"}},
    )
    with tempfile.TemporaryDirectory(prefix="nbcrash-fix-") as work:
        write_data_files(Path(work))
        for attempt in range(3):
            client = NotebookClient(
                nb,
                kernel_name=kernel,
                timeout=timeout,
                allow_errors=True,
                resources={"metadata": {"path": work}},
            )
            try:
                client.execute()
                break
            except RuntimeError as exc:
                # A kernel that dies before its first reply (on a busy machine another process
                # can take the port it picked) says nothing about the fix: start a new one.
                if "Kernel died" not in str(exc) or attempt == 2:
                    raise
                for cell in nb.cells:
                    cell.outputs = []
    out = []
    for cell in nb.cells:
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        out.append({"ename": errors[0]["ename"], "evalue": errors[0]["evalue"]} if errors else None)
    return out


def first_line(error: dict | None) -> tuple[str, str]:
    if error is None:
        return ("", "")
    return error["ename"], (error["evalue"].strip().splitlines() or [""])[0]


def missing_library(errors: list[dict | None], expected: set[int]) -> str:
    """The module this environment lacks, when a step raised ModuleNotFoundError that the
    recorded runs did not (the case needs e.g. TensorFlow): such a case cannot be judged here."""
    for i, error in enumerate(errors):
        if i not in expected and error is not None and error["ename"] == "ModuleNotFoundError":
            return error["evalue"]
    return ""


def same(a: dict | None, b: dict | None) -> bool:
    return (
        a is not None and b is not None and (a["ename"], a["evalue"]) == (b["ename"], b["evalue"])
    )


def gallery_cases(kernel: str, timeout: int) -> list[dict]:
    """The gallery's crashes as corpus-like entries: run top to bottom once, each crash with the
    code cells above it as its recorded runs (and, as the scan reads the saved file, no history)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(GALLERY, as_version=4)
    with tempfile.TemporaryDirectory(prefix="nbcrash-gallery-") as work:
        NotebookClient(
            nb,
            kernel_name=kernel,
            timeout=timeout,
            allow_errors=True,
            resources={"metadata": {"path": work}},
        ).execute()
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    cells = [
        {
            "id": c.id,
            "index": i,
            "source": c.source,
            "execution_count": c.execution_count,
            "cell_type": "code",
            "error": next(
                (
                    {"ename": o.ename, "evalue": o.evalue, "traceback": o.traceback}
                    for o in c.outputs
                    if o.output_type == "error"
                ),
                None,
            ),
        }
        for i, c in code
    ]
    entries = []
    for k, cell in enumerate(cells):
        if cell["error"] is None:
            continue
        entries.append(
            {
                "id": f"gallery/{cell['id']}",
                **{key: cell["error"][key] for key in ("ename", "evalue", "traceback")},
                "code": cell["source"],
                "cell_id": cell["id"],
                "execution_count": cell["execution_count"],
                "gallery_cells": cells,
                "gallery_runs": [c["id"] for c in cells[: k + 1]],
            }
        )
    return entries


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", default=[], help="case ids (glob), repeatable")
    ap.add_argument("--kernel", default="python3")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--list", action="store_true", help="count the fixes only, run nothing")
    ap.add_argument("--gallery", action="store_true", help="the crash gallery's crashes too")
    args = ap.parse_args(argv)

    entries = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    if args.gallery:
        entries += gallery_cases(args.kernel, args.timeout)
    if args.only:
        entries = [e for e in entries if any(fnmatch.fnmatch(e["id"], p) for p in args.only)]
    kinds: Counter = Counter()
    fixed = []
    for entry in entries:
        fix = diagnose(ErrorRecord.from_dict(as_sent(entry))).fix
        if fix is not None:
            kinds[fix["kind"]] += 1
            fixed.append((entry, fix))
    print(f"{len(entries)} crashes, {sum(kinds.values())} with a fix: {dict(kinds)}")
    if args.list:
        for entry, fix in fixed:
            print(f"  {entry['id']}: {fix['kind']}: {fix['title']}")
        return 0

    outcome: Counter = Counter()
    start = time.perf_counter()
    for entry, fix in fixed:
        if fix["kind"] in NOT_REPLAYED:
            outcome[f"not replayed ({fix['kind']})"] += 1
            continue
        sources = {c["id"]: c["source"] for c in as_sent(entry)["notebook"]["cells"]}
        order = runs(entry)
        recorded = [sources[i] for i in order]
        # The steps the recording saw fail: the crash, and cells marked `raises`.
        failed = {len(order) - 1} | {
            k for k, h in enumerate(entry.get("history") or []) if h.get("ok") is False
        }
        failed |= {  # the gallery's cells above that crash too (every section crashes)
            k for k, c in enumerate(entry.get("gallery_cells", [])[: len(order)]) if c["error"]
        }
        control = execute(recorded, args.kernel, args.timeout)
        lacking = missing_library(control, failed)
        if lacking or first_line(control[-1]) != first_line(entry):
            outcome["not reproducible here"] += 1
            why = lacking or ": ".join(first_line(control[-1])) or "no error"
            print(f"  {entry['id']}: the recorded crash does not come back here ({why}): skipped")
            continue
        # The recorded runs, the crash included, then what the button does.
        new_sources, then = fixed_runs(entry, fix)
        errors = execute(recorded + [new_sources[i] for i in then], args.kernel, args.timeout)
        lacking = missing_library(errors, failed)
        if lacking:
            outcome["not reproducible here"] += 1
            print(f"  {entry['id']}: the fixed run needs a library missing here ({lacking})")
            continue
        after = errors[-1]
        if after is None:
            result = "no error"
        elif same(after, control[-1]):
            result = "same error"
        else:
            result = "other error"
        outcome[result] += 1
        detail = "" if after is None else f": {after['ename']}: {after['evalue'][:80]}"
        print(f"  {entry['id']}: {fix['kind']}: {fix['title']} -> {result}{detail}")
    replayed = sum(outcome[k] for k in ("no error", "other error", "same error"))
    print(f"\nreplayed {replayed} fixes in real kernels ({time.perf_counter() - start:.0f} s):")
    for key in ("no error", "other error", "same error"):
        print(f"  {key}: {outcome[key]}")
    for key in sorted(k for k in outcome if k not in ("no error", "other error", "same error")):
        print(f"  {key}: {outcome[key]}")
    print("goal: 0 fixes that leave the same error")
    return 1 if outcome["same error"] else 0


if __name__ == "__main__":
    sys.exit(main())
