"""Scan speed and memory: notebooks/s, crashes/s and peak memory for --jobs 1 and --jobs 2.

    python benchmarks/scan_speed.py                      # generate 5,000 notebooks in a temp dir
    python benchmarks/scan_speed.py --notebooks 20000    # a bigger corpus (memory must stay flat)
    python benchmarks/scan_speed.py --corpus DIR --jobs 1 2 4

Each run is a fresh Python process doing what `jupyter nbcrash scan DIR --format json -o FILE`
does, with the real ``diagnose``; it reports the scan time, the time including writing the JSON
report, and peak resident memory of the main process and of the largest worker. The corpus comes
from scan_corpus.py (study-like sizes, base64 plots, ~10% of notebooks with ~1.4 crashes each).
Files are read from the page cache (the corpus was just written or read by the previous run).

Wall-clock rates depend on what else runs on the machine, so the load average is printed and the
CPU time (main process + workers) too: notebooks per CPU-second is the rate one idle core gives.
Exits 1 when a goal is missed: --goal notebooks/s with 2 processes (default mode), --max-rss MB
per process.
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
from jupyterlab_nbcrash.scan.run import scan
from jupyterlab_nbcrash.scan.output import write
def cpu():
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)
c0 = cpu()
t0 = time.perf_counter()
result = scan([{corpus!r}], jobs={jobs}, parse_all={parse_all})
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


def measure(corpus: Path, jobs: int, parse_all: bool, out: Path) -> dict:
    code = CHILD.format(root=str(ROOT), corpus=str(corpus), jobs=jobs, parse_all=parse_all,
                        out=str(out))  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        sys.exit(f"scan failed (--jobs {jobs}):\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


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
    args = ap.parse_args(argv)
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
        print(
            f"{'mode':<10} {'jobs':>4} {'files':>7} {'crashes':>7} {'scan s':>7} {'nb/s':>7} "
            f"{'crash/s':>8} {'+json s':>7} {'cpu s':>6} {'nb/cpu-s':>8} {'main MB':>8} "
            f"{'worker MB':>9}"
        )
        for parse_all in modes:
            for jobs in args.jobs:
                runs = [
                    measure(corpus, jobs, parse_all, Path(tmp) / "out.json")
                    for _ in range(args.repeat)
                ]
                r = min(runs, key=lambda r: r["scan_s"])
                print(
                    f"{'parse-all' if parse_all else 'default':<10} {jobs:>4} {r['files']:>7,} "
                    f"{r['crashes']:>7,} {r['scan_s']:>7.2f} {r['files'] / r['scan_s']:>7,.0f} "
                    f"{r['crashes'] / r['scan_s']:>8,.0f} {r['total_s']:>7.2f} "
                    f"{r['cpu_s']:>6.2f} {r['files'] / r['cpu_s']:>8,.0f} "
                    f"{r['main_rss_mb']:>8.0f} {r['worker_rss_mb']:>9.0f}"
                )
                if r["undiagnosed"]:
                    print(f"  note: {r['undiagnosed']} crashes could not be diagnosed")
                rate = r["files"] / r["scan_s"]
                if jobs == 2 and not parse_all and rate < args.goal:
                    missed.append(f"{rate:,.0f} notebooks/s with 2 processes < {args.goal:,.0f}")
                if max(r["main_rss_mb"], r["worker_rss_mb"]) > args.max_rss:
                    missed.append(f"peak memory over {args.max_rss:,.0f} MB (--jobs {jobs})")
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
