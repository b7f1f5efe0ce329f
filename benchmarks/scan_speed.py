"""Scan speed and memory: notebooks/s, crashes/s and peak memory for --jobs 1 and --jobs 2.

    python benchmarks/scan_speed.py                      # generate 5,000 notebooks in a temp dir
    python benchmarks/scan_speed.py --notebooks 20000    # a bigger corpus (memory must stay flat)
    python benchmarks/scan_speed.py --corpus DIR --jobs 1 2 4
    python benchmarks/scan_speed.py --floor --tree OLD_CHECKOUT --tree .   # before/after, same run

Each run is a fresh Python process doing what `jupyter nbcrash scan DIR --format json -o FILE`
does, with the real ``diagnose``; it reports the scan time, the time including writing the JSON
report, and peak resident memory of the main process and of the largest worker. The corpus comes
from scan_corpus.py (study-like sizes, base64 plots, ~10% of notebooks with ~1.4 crashes each).
Files are read from the page cache (the corpus was just written or read by the previous run).

Wall-clock rates depend on what else runs on the machine, so the load average is printed and the
CPU time (main process + workers) too: notebooks per CPU-second is the rate one idle core gives.
`--floor` also times the read-only floor: the same scan with a stand-in diagnose that answers at
once (reading, parsing, the order analysis, the rows and the report, but no diagnosis), and prints
the scan's rate as a share of it. `--tree DIR` (repeatable) times other source trees of nbcrash
(e.g. an export of an older commit) in the same run, alternating with this one run by run, so that
before and after see the same load.

Exits 1 when a goal is missed: --goal notebooks/s with 2 processes (default mode), --max-rss MB
per process, --floor-share of the read-only floor (this repository's tree).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from jupyterlab_nbcrash.diagnosis.record import Diagnosis
from jupyterlab_nbcrash.scan.run import scan
from jupyterlab_nbcrash.scan.output import write
def read_only(record, model=None):  # the floor: every step of a scan but the diagnosis
    return Diagnosis("other", "unknown", "data_preparation", "none", False)
def cpu():
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)
c0 = cpu()
t0 = time.perf_counter()
result = scan([{corpus!r}], jobs={jobs}, parse_all={parse_all},
              diagnose=read_only if {read_only} else None)
t1 = time.perf_counter()
c1 = cpu()
write(result, "json", {out!r})
t2 = time.perf_counter()
s = result.summary
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{
    "cpu_s": c1 - c0,
    "scan_s": t1 - t0, "total_s": t2 - t0, "files": s["files"], "read": s["notebooks_read"],
    "crashes": s["crashes"], "undiagnosed": s["undiagnosed"], "skipped": s["files_skipped"],
    "main_rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024,
}}))
"""


def measure(corpus: Path, jobs: int, parse_all: bool, out: Path, root: Path = ROOT,
            read_only: bool = False) -> dict:  # fmt: skip
    code = CHILD.format(root=str(root), corpus=str(corpus), jobs=jobs, parse_all=parse_all,
                        out=str(out), read_only=read_only)  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    if proc.returncode:
        sys.exit(f"scan failed (--jobs {jobs}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


HEADER = (
    f"{'tree':<14} {'mode':<10} {'jobs':>4} {'files':>7} {'crashes':>7} {'scan s':>7} "
    f"{'nb/s':>7} {'crash/s':>8} {'+json s':>7} {'cpu s':>6} {'nb/cpu-s':>8} {'main MB':>8} "
    f"{'worker MB':>9}  nb/s range"
)


def report(name: str, mode: str, jobs: int, results: list[dict]) -> float:
    """Print the best run of one setting (and the range of its rates); return its rate."""
    rates = sorted(r["files"] / r["scan_s"] for r in results)
    r = min(results, key=lambda r: r["scan_s"])
    print(
        f"{name[:14]:<14} {mode:<10} {jobs:>4} {r['files']:>7,} {r['crashes']:>7,} "
        f"{r['scan_s']:>7.2f} {rates[-1]:>7,.0f} {r['crashes'] / r['scan_s']:>8,.0f} "
        f"{r['total_s']:>7.2f} {r['cpu_s']:>6.2f} {r['files'] / r['cpu_s']:>8,.0f} "
        f"{r['main_rss_mb']:>8.0f} {r['worker_rss_mb']:>9.0f}  {rates[0]:,.0f}–{rates[-1]:,.0f}"
    )
    if r["undiagnosed"]:
        print(f"  note: {r['undiagnosed']} crashes could not be diagnosed")
    return rates[-1]


def floor_share(name: str, jobs: int, full: list[dict], floor: list[dict]) -> float:
    """The scan's best rate as a share of the read-only floor's best rate (printed, with the
    same share of CPU time, which the load of other processes disturbs less)."""
    share = max(r["files"] / r["scan_s"] for r in full) / max(
        r["files"] / r["scan_s"] for r in floor
    )
    cpu = min(r["cpu_s"] for r in floor) / min(r["cpu_s"] for r in full)
    print(f"  {name}, --jobs {jobs}: {share:.2f} of the read-only floor (CPU time: {cpu:.2f})")
    return share


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="scan this folder instead of generating one")
    ap.add_argument("--notebooks", type=int, default=5000)
    ap.add_argument("--crash-share", type=float, default=0.1)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--parse-all", action="store_true", help="also time --parse-all")
    ap.add_argument("--repeat", type=int, default=2, help="runs per setting; the best is shown")
    ap.add_argument(
        "--goal", type=float, default=500, help="notebooks/s wanted with 2 processes (default 500)"
    )
    ap.add_argument(
        "--max-rss", type=float, default=200, help="MB allowed per process (default 200)"
    )
    ap.add_argument("--floor", action="store_true", help="also time the read-only floor")
    ap.add_argument(
        "--floor-share",
        type=float,
        default=0.7,
        help="with --floor: the scan's rate wanted as a share of the floor's (default 0.7)",
    )
    ap.add_argument(
        "--tree",
        type=Path,
        action="append",
        help="an nbcrash source tree to time (repeatable; default: this repository)",
    )
    args = ap.parse_args(argv)
    trees = [t.resolve() for t in args.tree] if args.tree else [ROOT]
    names = {tree: tree.name if tree != ROOT else "this tree" for tree in trees}
    missed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="nbcrash-scan-bench-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from scan_corpus import generate

            corpus = Path(tmp) / "corpus"
            t = generate(corpus, args.notebooks, args.crash_share)
            print(
                f"corpus: {t['notebooks']:,} notebooks, {t['with_crashes']:,} with crashes, "
                f"{t['crashes']:,} crashes, {t['bytes'] / 1e6:,.0f} MB "
                f"(mean {t['bytes'] / t['notebooks'] / 1e3:.0f} KB)"
            )
        measure(corpus, 1, False, Path(tmp) / "warm.json")  # warm the page cache and imports
        modes = [False, True] if args.parse_all else [False]
        print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(HEADER)
        kinds = [False, True] if args.floor else [False]
        for parse_all in modes:
            for jobs in args.jobs:
                runs: dict[tuple, list[dict]] = {}
                for _ in range(args.repeat):  # alternate trees and kinds: they share the load
                    for tree in trees:
                        for read_only in kinds:
                            out = Path(tmp) / "out.json"
                            r = measure(corpus, jobs, parse_all, out, tree, read_only)
                            runs.setdefault((tree, read_only), []).append(r)
                for (tree, read_only), results in runs.items():
                    mode = "read-only" if read_only else "parse-all" if parse_all else "default"
                    rate = report(names[tree], mode, jobs, results)
                    ours = tree == ROOT and not parse_all and not read_only
                    if ours and jobs == 2 and rate < args.goal:
                        missed.append(
                            f"{rate:,.0f} notebooks/s with 2 processes < {args.goal:,.0f}"
                        )
                    if (
                        max(max(r["main_rss_mb"], r["worker_rss_mb"]) for r in results)
                        > args.max_rss
                    ):
                        missed.append(f"peak memory over {args.max_rss:,.0f} MB (--jobs {jobs})")
                for tree in trees if args.floor else ():
                    share = floor_share(names[tree], jobs, runs[(tree, False)], runs[(tree, True)])
                    if tree == ROOT and not parse_all and share < args.floor_share:
                        missed.append(
                            f"--jobs {jobs}: {share:.2f} of the floor < {args.floor_share}"
                        )
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}"
    )
    for goal in missed:
        print(f"GOAL MISSED: {goal}")
    if not missed:
        print(f"goals met: ≥{args.goal:,.0f} notebooks/s with 2 processes, ≤{args.max_rss:,.0f} MB")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
