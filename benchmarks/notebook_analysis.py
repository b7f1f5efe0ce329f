"""How long the notebook analysis takes on large notebooks.

    python benchmarks/notebook_analysis.py [--cells 5000] [--history 9999]

Goals, at the largest size (5,000 cells, the record's limit, and 9,999 executions plus the crash):
each analysis ≤ 250 ms cold and warm, peak memory ≤ 20 MiB. Exits 1 when one is missed.

Builds a notebook of realistic cells (imports, assignments, functions, loops, magics, a few cells
that do not parse), an execution history, and a NameError on a name defined near the end; then
times ``analyse`` cold (empty per-cell cache) and warm (same sources again), at several sizes to
show that the time grows linearly.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import tracemalloc

from jupyterlab_nbcrash.diagnosis.cells import clear_cache
from jupyterlab_nbcrash.diagnosis.notebook import analyse
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse

TEMPLATES = [
    "import numpy as np\nimport pandas as pd\nv{i} = np.arange({i})",
    "df{i} = pd.DataFrame({{'a': range(10), 'b': range(10)}})\ndf{i} = df{i}.drop(columns=['a'])",
    "def f{i}(x, y=2):\n    z = x * y\n    for k in range(3):\n        z += k\n    return z",
    "%matplotlib inline\n!echo {i}\nres{i} = !ls\nres{i}?",
    "%%time\nacc{i} = [j * j for j in range({i} % 50)]\nacc{i}.append(1)",
    "class Model{i}:\n    def __init__(self):\n        self.w = {i}\n\nm{i} = Model{i}()",
    "for j in range(3):\n    if j > 1:\n        t{i} = j\n    else:\n        t{i} = -j",
    "print 'python 2 cell {i}'\nbroken{i} = (\nok{i} = 1",
    "with open('f{i}.txt') as fh{i}:\n    lines{i} = fh{i}.readlines()",
    "x{i}, (y{i}, *z{i}) = 1, (2, 3, 4)\nif (w{i} := x{i} + 1) > 1:\n    del x{i}",
]


# (crashing cell's code, ename, evalue, expected related cell offset from the end or None)
CASES = {
    "defined below": ("print(target)", "NameError", "name 'target' is not defined", 10),
    "defined nowhere": ("print(targte)", "NameError", "name 'targte' is not defined", None),
    "re-run changed": ("d.pop('k')", "KeyError", "'k'", 0),
}


def notebook(cells: int, history: int, case: str) -> dict:
    code, ename, evalue, _ = CASES[case]
    sources = [TEMPLATES[i % len(TEMPLATES)].format(i=i) for i in range(cells)]
    sources[-10] = "target = 42"
    crash = cells // 2
    sources[crash] = code
    wire = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": None, "cell_type": "code"}
        for i, s in enumerate(sources)
    ]
    runs = []
    for n in range(history):
        i = (n * 7) % cells
        if i == cells - 10 or (i == crash and case != "re-run changed"):
            i = 0
        wire[i]["execution_count"] = n + 1
        runs.append({"cell_id": f"c{i}", "execution_count": n + 1, "ok": n % 13 != 0})
    wire[crash]["execution_count"] = history + 1
    runs.append({"cell_id": f"c{crash}", "execution_count": history + 1, "ok": False})
    return {
        "ename": ename,
        "evalue": evalue,
        "traceback": [f"Cell In[{history + 1}], line 1\n----> 1 {code}\n", f"{ename}: {evalue}"],
        "cell_id": f"c{crash}",
        "execution_count": history + 1,
        "notebook": {"cells": wire, "history": runs},
    }


GOAL_MS = 250
GOAL_MIB = 20


def measure(cells: int, history: int, case: str, repeat: int = 3) -> tuple[float, float, float]:
    record = ErrorRecord.from_dict(notebook(cells, history, case))
    parsed = parse(record)
    clear_cache()
    start = time.perf_counter()
    finding = analyse(record, parsed)
    cold = time.perf_counter() - start
    clear_cache()
    tracemalloc.start()  # a second cold run for memory: tracemalloc slows what it watches
    analyse(record, parsed)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    warm = min(_timed(record, parsed) for _ in range(repeat))
    offset = CASES[case][3]
    expected = None if offset is None else (cells // 2 if offset == 0 else cells - offset)
    assert finding is not None, case
    assert (finding.related_cell or {}).get("index") == expected, finding
    print(
        f"{case:16} cells={cells:>5} history={history:>5}  cold {cold * 1000:8.1f} ms  "
        f"warm {warm * 1000:7.1f} ms  peak {peak / 2**20:6.1f} MiB  "
        f"-> {finding.root_cause}/{finding.notebook_cause}"
    )
    return cold * 1000, warm * 1000, peak / 2**20


def _timed(record, parsed) -> float:
    start = time.perf_counter()
    analyse(record, parsed)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--history", type=int, default=9_999)
    args = parser.parse_args()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{platform.node()} ({os.cpu_count()} CPUs, Python {platform.python_version()}), "
        f"load average {load}"
    )
    missed = []
    for case in CASES:
        for fraction in (10, 4, 1):
            cells, history = max(20, args.cells // fraction), max(1, args.history // fraction)
            cold, warm, mib = measure(cells, history, case)
        if max(cold, warm) > GOAL_MS or mib > GOAL_MIB:
            missed.append(f"{case}: {max(cold, warm):.0f} ms, {mib:.1f} MiB")
    print(
        f"goals: ≤ {GOAL_MS} ms and ≤ {GOAL_MIB} MiB per analysis at {args.cells} cells: "
        + ("missed by " + "; ".join(missed) if missed else "met")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
