"""Blind hint audits on real crashes: draw a sample, write grading sheets, count the grades.

The grades follow the rubric in ``docs/HINT_RUBRIC.md`` (A specific and right, B right but
generic, C wrong or misleading, D missing). A sheet shows a grader only what the user saw (the
error, the traceback, the cell, an outline of the notebook) and one hint; it never says which
version of nbcrash wrote the hint, and with two versions the items are shuffled together.

    # 1. a random sample nobody tuned on (the wild set's held-out half), never graded before
    python benchmarks/hint_audit.py sample build/wild/crashes.jsonl --split heldout --n 300 \\
        --seed 1205 --exclude benchmarks/audits -o build/audit/sample.jsonl \\
        --ids benchmarks/audits/2026-12-heldout.ids
    # 2. the hints of a version (run from that version's checkout)
    python benchmarks/hint_audit.py hints build/audit/sample.jsonl -o build/audit/after.jsonl
    # 3. blind sheets for K graders (one or two versions, shuffled together)
    python benchmarks/hint_audit.py sheets build/audit/sample.jsonl \\
        --hints build/audit/before.jsonl --hints build/audit/after.jsonl --graders 4 \\
        -o build/audit/sheets
    # 4. graders write sheets/grades-K.tsv (item, grade, note); count per version and crash type
    python benchmarks/hint_audit.py tally build/audit/sheets

The ids of every graded crash go to ``benchmarks/audits/<name>.ids`` (committed), so the next audit
draws a fresh sample with ``--exclude benchmarks/audits`` (which also leaves out crashes that repeat
a graded one: same error, message and cell).

Graded hints the current version still gives, with their grades (every graded version's hints are
recomputed in a temporary worktree of that commit; a few minutes):

    # 5. how many graded crashes still get a hint graded C, A, B; and the hints never graded
    python benchmarks/hint_audit.py carry build/wild/crashes.jsonl --worst 20
    # 6. the graded crashes whose hint changed since, as a sample to grade again
    python benchmarks/hint_audit.py carry build/wild/crashes.jsonl --ungraded build/regrade.jsonl

The crashes graded in an audit are no longer held out once a fix was made from ``carry``'s list:
only a fresh sample measures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
GRADES = ("A", "B", "C", "D")
_RECORD_FIELDS = ("ename", "evalue", "traceback", "code", "cell_id", "execution_count", "notebook")


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def excluded_ids(paths: list[str]) -> set[str]:
    """Crash ids graded before: every line of every ``*.ids`` file under the given paths."""
    out: set[str] = set()
    for p in map(Path, paths):
        if not p.exists():
            raise SystemExit(f"hint_audit: --exclude {p}: no such file or folder")
        for f in sorted(p.glob("*.ids")) if p.is_dir() else [p]:
            out.update(line.strip() for line in f.read_text().splitlines() if line.strip())
    return out


def _same_crash(crash: dict) -> tuple:
    """What makes two crashes the same for a grader: a course copied into two repositories
    saves the same error on the same cell (the build keeps both when their notebooks differ)."""
    return crash.get("ename"), crash.get("evalue"), crash.get("code")


def draw(crashes: list[dict], split: str | None, n: int, seed: int, exclude: set[str]) -> list:
    graded = {_same_crash(c) for c in crashes if c["id"] in exclude}
    pool = [c for c in crashes if (split is None or c.get("split") == split)]
    pool = [c for c in pool if c["id"] not in exclude and _same_crash(c) not in graded]
    pool.sort(key=lambda c: c["id"])  # the input's order must not change the sample
    return random.Random(seed).sample(pool, min(n, len(pool)))


def cmd_sample(args) -> int:
    crashes = _read_jsonl(Path(args.crashes))
    sample = draw(crashes, args.split, args.n, args.seed, excluded_ids(args.exclude or []))
    _write_jsonl(Path(args.output), sample)
    if args.ids:  # the committed list that keeps the next audit's sample fresh
        Path(args.ids).parent.mkdir(parents=True, exist_ok=True)
        Path(args.ids).write_text("".join(c["id"] + "\n" for c in sample))
    print(f"{len(sample)} crashes (split {args.split}, seed {args.seed}) → {args.output}")
    return 0


def cmd_hints(args) -> int:
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    rows = []
    for crash in _read_jsonl(Path(args.sample)):
        record = ErrorRecord.from_dict({k: crash[k] for k in _RECORD_FIELDS if k in crash})
        d = diagnose(record).to_dict()
        rows.append({"id": crash["id"], **{k: d[k] for k in ("crash_type", "root_cause", "hint")}})
    _write_jsonl(Path(args.output), rows)
    print(f"{len(rows)} hints → {args.output}")
    return 0


def render_crash(crash: dict, max_lines: int = 60) -> str:
    """The crash as its user saw it: error, traceback (no colour codes), the cell, the notebook."""
    tb = _ANSI.sub("", "\n".join(crash.get("traceback") or [])).splitlines()
    if len(tb) > max_lines:
        tb = [*tb[:15], f"… ({len(tb) - max_lines} lines left out) …", *tb[15 - max_lines :]]
    code = (crash.get("code") or "").splitlines()
    if len(code) > max_lines:
        code = [*code[:max_lines], f"… ({len(code) - max_lines} more lines)"]
    parts = [f"**{crash.get('ename', '')}**: {crash.get('evalue', '')[:600]}"]
    parts += ["Traceback:", "```", *tb, "```"]
    if code:
        parts += ["The crashing cell:", "```python", *code, "```"]
    cells = (crash.get("notebook") or {}).get("cells") or []
    if cells:
        outline = []
        # Numbered by page position, Markdown cells included, as hints and the panel number
        # cells ("cell 12"): otherwise a grader cannot check a hint that names a cell.
        for position, c in enumerate(cells[:80], start=1):
            if c.get("cell_type", "code") != "code":
                continue
            first = [ln for ln in (c.get("source") or "").splitlines() if ln.strip()][:2]
            count = c.get("execution_count")
            label = f"cell {c.get('index', position - 1) + 1} [{'' if count is None else count}] "
            outline.append(label + " ⏎ ".join(first)[:160])
        parts += [
            "Notebook outline (code cells in page order: cell N counts every cell on the page, "
            "Markdown too; [execution count]; first lines):"
        ]
        parts += ["```", *outline, "```"]
    return "\n".join(parts)


def _item_key(crash_id: str, hint: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}\0{crash_id}\0{hint}".encode()).hexdigest()[:10]


def cmd_sheets(args) -> int:
    crashes = {c["id"]: c for c in _read_jsonl(Path(args.sample))}
    versions = [_read_jsonl(Path(p)) for p in args.hints]
    items: dict[str, dict] = {}
    for v, rows in enumerate(versions):
        for row in rows:
            if row["id"] not in crashes:
                continue
            key = _item_key(row["id"], row["hint"], str(args.seed))
            item = items.setdefault(
                key, {"item": key, "id": row["id"], "hint": row["hint"], "versions": {}}
            )
            item["versions"][str(v)] = row["crash_type"]  # identical hints are graded once
    order = sorted(items)
    random.Random(args.seed).shuffle(order)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out / "key.jsonl", [items[k] for k in order])
    for g in range(args.graders):
        mine = order[g :: args.graders]
        lines = [
            f"# Hint grading sheet {g + 1} ({len(mine)} items)",
            "",
            "Grade each hint with the rubric (A specific & right, B right but generic, C wrong or "
            "misleading, D missing). Write one line per item to grades-"
            f"{g + 1}.tsv: item<TAB>grade<TAB>short reason (for C: what a good hint would say).",
            "",
        ]
        for key in mine:
            item = items[key]
            lines += [f"## item {key}", "", render_crash(crashes[item["id"]]), ""]
            lines += ["**Hint:**", "", f"> {item['hint']}", "", "---", ""]
        (out / f"sheet-{g + 1}.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(order)} items for {args.graders} graders → {out}")
    return 0


def read_grades(folder: Path) -> dict[str, tuple[str, str]]:
    grades = {}
    for f in sorted(folder.glob("grades-*.tsv")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            grade = parts[1].strip().upper() if len(parts) > 1 else ""
            if grade not in GRADES:
                raise SystemExit(f"{f.name}:{n}: grade must be one of {'/'.join(GRADES)}: {line}")
            grades[parts[0].strip()] = (grade, parts[2].strip() if len(parts) > 2 else "")
    return grades


def tally(items: list[dict], grades: dict[str, tuple[str, str]]) -> dict:
    """Grade counts per version, overall and per crash type, and each version's C items."""
    per: dict = defaultdict(lambda: {"all": Counter(), "types": defaultdict(Counter), "C": []})
    missing = 0
    for item in items:
        if item["item"] not in grades:
            missing += 1
            continue
        grade, note = grades[item["item"]]
        for version, crash_type in item["versions"].items():
            per[version]["all"][grade] += 1
            per[version]["types"][crash_type][grade] += 1
            if grade == "C":
                per[version]["C"].append((item["id"], crash_type, item["hint"], note))
    return {"versions": dict(per), "ungraded": missing}


def _share(counter: Counter) -> str:
    total = sum(counter.values()) or 1
    return "  ".join(f"{g} {counter[g]} ({100 * counter[g] / total:.0f}%)" for g in GRADES)


def cmd_tally(args) -> int:
    folder = Path(args.folder)
    result = tally(_read_jsonl(folder / "key.jsonl"), read_grades(folder))
    for version, r in sorted(result["versions"].items()):
        print(f"version {version}: {sum(r['all'].values())} graded — {_share(r['all'])}")
        for crash_type, counter in sorted(r["types"].items(), key=lambda kv: -sum(kv[1].values())):
            print(f"  {crash_type:28s} n={sum(counter.values()):3d}  {_share(counter)}")
        for crash_id, crash_type, hint, note in r["C"][: args.worst]:
            print(f"  C {crash_type}: {hint[:160]}\n     → {note[:200]}  [{crash_id}]")
    if result["ungraded"]:
        print(f"{result['ungraded']} items have no grade yet")
    return 0


# Run inside another version's checkout: its nbcrash diagnoses the crashes of ids it is given.
_HINTS_OF_A_TREE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
fields = json.loads(sys.argv[2])
for line in sys.stdin:
    crash = json.loads(line)
    record = ErrorRecord.from_dict({k: crash[k] for k in fields if k in crash})
    print(json.dumps({"id": crash["id"], "hint": diagnose(record).to_dict()["hint"]}))
"""


def _hints_of_version(version: str, crashes: list[dict]) -> dict[str, str]:
    """The hints that ``version`` (a commit of this repository) gives ``crashes``: it is checked
    out into a temporary worktree and run with this Python."""
    import subprocess
    import tempfile

    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(root)]
        subprocess.run([*git, "worktree", "add", "-q", "--detach", str(tree), version], check=True)
        try:
            out = subprocess.run(
                [sys.executable, "-c", _HINTS_OF_A_TREE, str(tree), json.dumps(_RECORD_FIELDS)],
                input="".join(json.dumps(c) + "\n" for c in crashes),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=True)
    return {row["id"]: row["hint"] for row in map(json.loads, out.splitlines())}


def carried_grades(crashes: dict[str, dict], audits: Path) -> dict[tuple[str, str], list[str]]:
    """(crash id, hint) → the grades graders gave that hint, over every audit of ``audits``
    (``*.grades.tsv``: id, version, grade): each graded version's hints are recomputed."""
    graded: dict[tuple[str, str], list[str]] = defaultdict(list)
    for grades in sorted(audits.glob("*.grades.tsv")):
        rows = [line.split("\t") for line in grades.read_text().splitlines()[1:] if line.strip()]
        by_version: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for crash_id, version, grade, *_ in rows:
            if crash_id in crashes:
                by_version[version.split()[0]].append((crash_id, grade.strip()))
        for version, pairs in sorted(by_version.items()):
            hints = _hints_of_version(version, [crashes[i] for i in sorted({i for i, _ in pairs})])
            for crash_id, grade in pairs:
                if crash_id in hints:
                    graded[(crash_id, hints[crash_id])].append(grade)
    return graded


def _one_grade(grades: list[str]) -> str:
    """A hint graded more than once: C if any grader found it wrong, A if most found it
    specific and right, else B."""
    if "C" in grades:
        return "C"
    return "A" if grades.count("A") > len(grades) / 2 else "B"


def cmd_carry(args) -> int:
    from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
    from jupyterlab_nbcrash.diagnosis.record import ErrorRecord

    crashes = {c["id"]: c for c in _read_jsonl(Path(args.crashes))}
    graded = carried_grades(crashes, Path(args.audits))
    audited = {crash_id for crash_id, _ in graded}
    counts: Counter = Counter()
    wrong, ungraded = [], []
    for crash_id in sorted(audited):
        crash = crashes[crash_id]
        record = ErrorRecord.from_dict({k: crash[k] for k in _RECORD_FIELDS if k in crash})
        hint = diagnose(record).to_dict()["hint"]
        grades = graded.get((crash_id, hint))
        grade = _one_grade(grades) if grades else "new"
        counts[grade] += 1
        if grade == "C":
            wrong.append((crash_id, hint))
        elif grade == "new":
            ungraded.append(crash)
    known = sum(counts[g] for g in GRADES)
    print(
        f"{len(audited)} graded crashes (of this wild set): this version gives {known} of them "
        f"a hint graded before ({_share(Counter({g: counts[g] for g in GRADES}))}), "
        f"{counts['new']} a hint never graded"
    )
    for crash_id, hint in wrong[: args.worst]:
        print(f"  C [{crash_id}] {hint[:200]}")
    if args.ungraded:
        # a sample to grade: fixes changed these hints since they were graded, and a fix made
        # for one crash can be wrong on another (not a measure: these crashes were tuned on)
        _write_jsonl(Path(args.ungraded), ungraded)
        print(f"{len(ungraded)} crashes whose hint was never graded → {args.ungraded}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw a random sample of crashes")
    s.add_argument("crashes")
    s.add_argument("--split", default="heldout", help="'' for every split")
    s.add_argument("--n", type=int, default=300)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--exclude", nargs="*", help="*.ids files or folders of crashes graded before")
    s.add_argument("-o", "--output", required=True)
    s.add_argument(
        "--ids", help="also write the sample's crash ids here (benchmarks/audits/NAME.ids)"
    )
    h = sub.add_parser("hints", help="diagnose a sample with this checkout's nbcrash")
    h.add_argument("sample")
    h.add_argument("-o", "--output", required=True)
    w = sub.add_parser("sheets", help="blind grading sheets")
    w.add_argument("sample")
    w.add_argument("--hints", action="append", required=True, help="a version's hints (repeat)")
    w.add_argument("--graders", type=int, default=4)
    w.add_argument("--seed", type=int, default=0)
    w.add_argument("-o", "--output", required=True)
    t = sub.add_parser("tally", help="count the grades of a sheets folder")
    t.add_argument("folder")
    t.add_argument("--worst", type=int, default=15)
    c = sub.add_parser(
        "carry",
        help="this version's hints on every graded crash: how many were graded before, and how",
    )
    c.add_argument("crashes")
    c.add_argument("--audits", default="benchmarks/audits")
    c.add_argument("--worst", type=int, default=0, help="list this many hints still graded C")
    c.add_argument("--ungraded", help="write the crashes whose hint was never graded here")
    args = ap.parse_args(argv)
    if getattr(args, "split", None) == "":
        args.split = None
    commands = {"sample": cmd_sample, "hints": cmd_hints, "sheets": cmd_sheets, "tally": cmd_tally}
    return {**commands, "carry": cmd_carry}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
