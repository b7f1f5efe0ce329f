"""Instructions of each part of a diagnosis (callgrind): parse, rules, tokens, notebook analysis.

    python benchmarks/scan_corpus.py path/to/corpus --notebooks 5000
    python benchmarks/diagnosis_parts.py path/to/corpus --tree BEFORE_DIR --tree .

``scan_instructions.py`` counts a whole scan; between two runs of the same tree its count of a
diagnosis moves by ±0.1 M, as much as most single changes. This script counts the parts apart,
each over every crash of the folder: the crashes are read as the scan reads them, then each part
runs over all of them inside a C function of its own (parse in ``itertools.starmap``, the rules
in ``itertools.accumulate``, the tokens in ``functools.reduce``, the notebook analysis in
``itertools.filterfalse``; the package uses none of these), whose inclusive cost callgrind
reports. Prints, per tree, the instructions a crash of each part. Needs valgrind and
``callgrind_annotate`` on the PATH.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_instructions import callgrind  # noqa: E402

PARTS = {
    "parse": "itertoolsmodule.c:starmap_next",
    "rules": "itertoolsmodule.c:accumulate_next",
    "tokens": "_functoolsmodule.c:functools_reduce",
    "notebook analysis": "itertoolsmodule.c:filterfalse_next",
}

CHILD = """
import functools, itertools, sys
sys.path.insert(0, {root!r})
from jupyterlab_nbcrash.diagnosis.diagnose import rule_matches
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import Diagnosis
from jupyterlab_nbcrash.diagnosis.tokens import tokens
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.scan.run import scan
from jupyterlab_nbcrash.scan.worker import project_diagnose
project_diagnose()
records = []
def keep(record, model=None):  # the records the scan would diagnose
    records.append(record)
    return Diagnosis("other", "unknown", "data_preparation", "none", False)
scan([{corpus!r}], jobs=1, diagnose=keep)
parsed = list(itertools.starmap(parse, ((r,) for r in records)))
matches = list(itertools.accumulate(parsed, lambda _, p: rule_matches(p), initial=None))[1:]
functools.reduce(lambda _, pm: tokens(*pm), zip(parsed, matches), None)
list(itertools.filterfalse(lambda rp: analyse(*rp), zip(records, parsed)))
print("crashes", len(records))
"""


def part_costs(root: Path, corpus: Path) -> tuple[dict[str, int], int]:
    """(inclusive instructions of each part, crashes) of one fresh process."""
    code = CHILD.format(root=str(root), corpus=str(corpus))
    with tempfile.TemporaryDirectory(prefix="nbcrash-parts-") as tmp:
        out = f"{tmp}/out"
        proc = callgrind(root, code, out)
        crashes = re.search(r"crashes (\d+)", proc.stdout)
        if proc.returncode or crashes is None:
            sys.exit(f"callgrind failed ({root}):\n{proc.stderr[-2000:]}")
        report = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
            capture_output=True,
            text=True,
        ).stdout
    costs = {}
    for part, function in PARTS.items():
        m = re.search(rf"^\s*([\d,]+) .*{re.escape(function)} ", report, re.M)
        costs[part] = int(m.group(1).replace(",", "")) if m else 0
    return costs, int(crashes.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a folder of notebooks")
    ap.add_argument("--tree", type=Path, action="append", help="nbcrash source trees to count")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        sys.exit("valgrind (with callgrind_annotate) is not installed")
    for tree in [t.resolve() for t in args.tree] if args.tree else [ROOT]:
        costs, crashes = part_costs(tree, args.corpus)
        each = ", ".join(f"{part} {n / max(crashes, 1) / 1e6:.3f} M" for part, n in costs.items())
        print(f"{tree.name}: {crashes} crashes; a crash: {each}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
