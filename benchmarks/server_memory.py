"""Resident memory the nbcrash extension adds to a Jupyter server (issue 7).

Starts `jupyter server` twice: once without nbcrash (the baseline) and once with it. For the
second, sends 10,000 diagnose requests, reads the server's RSS, sends 10,000 more and reads it
again. Reports the memory added (RSS with nbcrash after 10,000 diagnoses minus the baseline
server's RSS) and the growth between 10,000 and 20,000 diagnoses:

    python benchmarks/server_memory.py            # 2 x 10,000 diagnoses
    python benchmarks/server_memory.py --per-round 2000

Goals: added <= 80 MB after 10,000 diagnoses; no growth (we allow 2 MB of allocator noise).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_diagnose import run_load, warm_up
from server_process import Server, machine

MB = 2**20


def rss(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / MB


def settle(pid: int) -> float:
    """RSS once the server is idle (let in-flight work and the allocator settle)."""
    time.sleep(1.0)
    return rss(pid)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-round", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with Server(nbcrash=False) as server:
        baseline = settle(server.pid)
    result = {"baseline_server_mb": round(baseline, 1)}
    with Server(nbcrash=True) as server:
        result["nbcrash_idle_mb"] = round(settle(server.pid), 1)
        warm_up(server)
        result["nbcrash_after_first_diagnosis_mb"] = round(settle(server.pid), 1)
        for n in (1, 2):
            load = asyncio.run(run_load(server, args.per_round, args.concurrency, 900))
            if load["errors"]:
                raise SystemExit(f"errors during round {n}: {load['first_errors']}")
            result[f"after_{n * args.per_round}_mb"] = round(settle(server.pid), 1)
    first, second = (result[f"after_{n * args.per_round}_mb"] for n in (1, 2))
    result["added_mb"] = round(first - baseline, 1)
    result["added_at_idle_mb"] = round(result["nbcrash_idle_mb"] - baseline, 1)
    result["growth_mb"] = round(second - first, 1)
    result["machine"] = machine()
    missed = []
    if result["added_mb"] > 80:
        missed.append(f"added {result['added_mb']} MB > 80 MB")
    if result["growth_mb"] > 2:
        missed.append(f"grew {result['growth_mb']} MB between rounds")
    if args.json:
        print(json.dumps(result))
    else:
        n = args.per_round
        print(f"server RSS on {result['machine']}")
        print(f"  without nbcrash: {result['baseline_server_mb']} MB")
        print(
            f"  with nbcrash, idle: {result['nbcrash_idle_mb']} MB "
            f"(+{result['added_at_idle_mb']} MB: nothing loaded before first use)"
        )
        print(
            f"  after the first diagnosis (model loaded): "
            f"{result['nbcrash_after_first_diagnosis_mb']} MB"
        )
        print(f"  after {n} diagnoses: {first} MB (+{result['added_mb']} MB over the baseline)")
        print(f"  after {2 * n} diagnoses: {second} MB (growth {result['growth_mb']} MB)")
        print("  goals: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
