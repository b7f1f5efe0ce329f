"""JupyterLab start-up time added by the nbcrash server extension (issue 7).

Two measurements:

1. end to end: ``jupyter lab`` (no browser) from process start until ``/api/status`` answers,
   with and without nbcrash enabled, ``--runs`` times each, alternating; reports the medians and
   their difference (noisy: a whole server start is ~1-3 s, the difference is milliseconds);
2. in process: the time ``_load_jupyter_server_extension`` takes (import of the routes module
   plus handler registration), ``--runs`` fresh interpreters, median. This is the precise part.

    python benchmarks/server_startup.py --runs 7

Goal: <= 50 ms added; the diagnosis code and the model load on first use, not at start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server_process import REPO, Server, machine

# Time the extension's load hook the way the server calls it, in a fresh interpreter that has
# already imported jupyter_server (as a server has by then).
IN_PROCESS = """
import time, json, sys
from jupyter_server.serverapp import ServerApp
app = ServerApp()
app.initialize(argv=["--ServerApp.jpserver_extensions={}", "--ServerApp.log_level=ERROR"],
               find_extensions=False, new_httpserver=False)
t0 = time.perf_counter()
import jupyterlab_nbcrash
jupyterlab_nbcrash._load_jupyter_server_extension(app)
t1 = time.perf_counter()
heavy = ("numpy", "sklearn", "scipy", "jupyterlab_nbcrash.diagnosis")
heavy = sorted(m for m in heavy if m in sys.modules)
print(json.dumps({"load_ms": (t1 - t0) * 1000, "heavy_modules_loaded": heavy}))
"""


def in_process(runs: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "JUPYTER_NO_CONFIG": "1"}
    times, heavy = [], set()
    for _ in range(runs):
        out = (
            subprocess.run(
                [sys.executable, "-c", IN_PROCESS],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        data = json.loads(out)
        times.append(data["load_ms"])
        heavy.update(data["heavy_modules_loaded"])
    return {"load_median_ms": round(statistics.median(times), 1), "heavy_modules": sorted(heavy)}


def end_to_end(runs: int) -> dict:
    with_ext, without = [], []
    for _ in range(runs):
        for nbcrash, bucket in ((True, with_ext), (False, without)):
            with Server(
                nbcrash=nbcrash, app="jupyterlab", extra_extensions={"jupyterlab": True}
            ) as s:
                bucket.append(s.started_in * 1000)
    a, b = statistics.median(with_ext), statistics.median(without)
    return {
        "lab_start_with_ms": round(a, 1),
        "lab_start_without_ms": round(b, 1),
        "lab_start_added_ms": round(a - b, 1),
        "lab_start_stdev_ms": round(statistics.pstdev(with_ext + without), 1),
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = {**in_process(args.runs), **end_to_end(args.runs), "machine": machine()}
    missed = []
    if result["load_median_ms"] > 50:
        missed.append(f"extension load {result['load_median_ms']} ms > 50 ms")
    if result["heavy_modules"]:
        missed.append(f"loaded at start-up: {', '.join(result['heavy_modules'])}")
    if args.json:
        print(json.dumps(result))
    else:
        print(f"JupyterLab start-up on {result['machine']}")
        print(
            f"  nbcrash load hook (import + routes), median of {args.runs}: "
            f"{result['load_median_ms']} ms; heavy modules imported: "
            f"{result['heavy_modules'] or 'none'}"
        )
        print(
            f"  jupyter lab until /api/status answers, median of {args.runs}: "
            f"{result['lab_start_with_ms']} ms with, {result['lab_start_without_ms']} ms without "
            f"(difference {result['lab_start_added_ms']} ms; run-to-run stdev "
            f"{result['lab_start_stdev_ms']} ms)"
        )
        print("  goals: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
