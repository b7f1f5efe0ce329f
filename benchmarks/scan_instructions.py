"""Scan cost in instructions (valgrind's callgrind): the read-only-floor share without timing noise.

    python benchmarks/scan_corpus.py path/to/small --notebooks 700
    python benchmarks/scan_instructions.py path/to/small --tree BEFORE_DIR --tree .

On a machine shared with other work the wall-clock and even the CPU-time shares of
``scan_speed.py --floor`` move by ±0.1 from run to run. The number of instructions a process
executes does not depend on the load: this script counts them (callgrind, ≈50 times slower than
a plain run, so use a few hundred notebooks) for the scan with the real ``diagnose``, the same scan
with the read-only stand-in (scan_speed.py's floor) and a run that only imports and loads the
model, which both scans also do. It prints, per tree, the instructions of each scan, the floor's
instructions as a share of the scan's (an estimate of the ``--jobs 1`` floor share on an idle
core; Python and numpy code need not run at the same instructions per cycle) and the
instructions of one diagnosis. Needs valgrind on the PATH.
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

CHILD = """
import sys
sys.path.insert(0, {root!r})
from jupyterlab_nbcrash.diagnosis.record import Diagnosis
from jupyterlab_nbcrash.scan.run import scan
from jupyterlab_nbcrash.scan.worker import project_diagnose
def read_only(record, model=None):  # the floor, as in scan_speed.py
    return Diagnosis("other", "unknown", "data_preparation", "none", False)
project_diagnose()  # imports and the model: in every mode, so that they cancel out
if {mode!r} != "none":
    result = scan([{corpus!r}], jobs=1, diagnose=read_only if {mode!r} == "read-only" else None)
    print("crashes", result.summary["crashes"])
"""


def callgrind(root: Path, code: str, out: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python under callgrind (profile written to ``out``), in ``root``."""
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    return subprocess.run(
        [*command, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=root,
    )


def instructions(root: Path, corpus: Path, mode: str) -> tuple[int, int]:
    """(instructions executed, crashes scanned) of one fresh process."""
    code = CHILD.format(root=str(root), corpus=str(corpus), mode=mode)
    with tempfile.TemporaryDirectory(prefix="nbcrash-callgrind-") as tmp:
        proc = callgrind(root, code, f"{tmp}/out")
    refs = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode or refs is None:
        sys.exit(f"callgrind failed ({mode}, {root}):\n{proc.stderr[-2000:]}")
    crashes = re.search(r"crashes (\d+)", proc.stdout)
    return int(refs.group(1).replace(",", "")), int(crashes.group(1)) if crashes else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a folder of notebooks (a few hundred)")
    ap.add_argument("--tree", type=Path, action="append", help="nbcrash source trees to count")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    trees = [t.resolve() for t in args.tree] if args.tree else [ROOT]
    for tree in trees:
        base, _ = instructions(tree, args.corpus, "none")
        full, crashes = instructions(tree, args.corpus, "default")
        floor, _ = instructions(tree, args.corpus, "read-only")
        full, floor = full - base, floor - base
        per_crash = (full - floor) / crashes if crashes else 0
        print(
            f"{tree.name}: scan {full / 1e9:.3f} G instructions, read-only floor "
            f"{floor / 1e9:.3f} G, floor share {floor / full:.3f}; {crashes} crashes, "
            f"{per_crash / 1e6:.2f} M instructions a diagnosis"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
