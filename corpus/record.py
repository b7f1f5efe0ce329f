"""Record the corpus: run every case in a real IPython kernel and store the error it raises.

    python corpus/record.py                  # record all cases (2 kernels in parallel)
    python corpus/record.py --only 'torch/*' # re-record some cases (glob or substring of the id)
    python corpus/record.py --resume         # only cases that are new or whose code changed

Each case runs in a fresh kernel (``--python``: the interpreter of the corpus venv, which holds
torch, tensorflow-cpu, pandas, scikit-learn, ...) inside its own working directory with the seeded
data files of ``datafiles.py``. Cells run in the case's execution order; the error of the last
execution is taken verbatim from the kernel's iopub ``error`` message (ANSI codes and all). A case
fails when its last cell does not raise the expected exception, or an earlier cell raises without
being marked ``raises``. Results are merged into ``jupyterlab_nbcrash/data/corpus.jsonl`` (sorted
by id); the interpreter and library versions go to ``corpus_versions.json``.
"""

from __future__ import annotations

import argparse
import fcntl
import fnmatch
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from caseformat import Case, load_cases  # noqa: E402
from datafiles import write_data_files  # noqa: E402

REPO = HERE.parent
CASES = HERE / "cases"
DATA = REPO / "jupyterlab_nbcrash" / "data"
CORPUS = DATA / "corpus.jsonl"
VERSIONS = DATA / "corpus_versions.json"
DEFAULT_PYTHON = HERE / ".venv" / "bin" / "python"  # the corpus venv (see README.md)
KERNEL_NAME = "nbcrash-corpus"
WORKROOT = Path(tempfile.gettempdir()) / "nbcrash-corpus"
LOCK = Path(tempfile.gettempdir()) / "nbcrash-corpus.lock"
LIBRARIES = [
    "numpy",
    "pandas",
    "sklearn",
    "scipy",
    "matplotlib",
    "seaborn",
    "torch",
    "tensorflow",
    "keras",
    "statsmodels",
    "xgboost",
    "requests",
    "IPython",
    "ipykernel",
]
CELL_TIMEOUT = 180
# Keeps runs comparable: no GPU probing, quiet TensorFlow, a non-interactive plotting backend.
KERNEL_ENV = {
    "MPLBACKEND": "Agg",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "TF_ENABLE_ONEDNN_OPTS": "0",
    "PYTHONHASHSEED": "0",
    "CUDA_VISIBLE_DEVICES": "",
    "OMP_NUM_THREADS": "1",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}


class CaseFailure(Exception):
    """The case did not crash the way its file says."""


def _kernel_spec_dir(python: str) -> str:
    root = Path(tempfile.mkdtemp(prefix="nbcrash-kernels-"))
    spec = root / KERNEL_NAME
    spec.mkdir()
    argv = [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "nbcrash corpus", "language": "python"})
    )
    return str(root)


def _execute(kc, code: str) -> tuple[dict, dict | None]:
    """Run one cell; return (execute_reply content, iopub error content or None)."""
    errors: list[dict] = []

    def hook(msg: dict) -> None:
        if msg["header"]["msg_type"] == "error":
            errors.append(msg["content"])

    reply = kc.execute_interactive(
        code, store_history=True, output_hook=hook, timeout=CELL_TIMEOUT, allow_stdin=False
    )
    return reply["content"], (errors[-1] if errors else None)


def _base_prefix(python: str) -> str:
    """sys.base_prefix of the kernel's interpreter (where its standard library is)."""
    out = subprocess.run(
        [python, "-c", "import sys; print(sys.base_prefix)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def _anonymise(text: str, places: dict[str, str]) -> str:
    for path, shown in places.items():
        text = text.replace(path, shown)
    return text


def run_case(case: Case, python: str, workroot: str) -> dict:
    """Execute a case in a fresh kernel and build its corpus entry (raises CaseFailure)."""
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager

    workdir = Path(workroot) / case.id.replace("/", "__")
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    write_data_files(workdir)
    ksm = KernelSpecManager(kernel_dirs=[_kernel_spec_dir(python)])
    km = KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=ksm)
    env = {**os.environ, **KERNEL_ENV}
    km.start_kernel(cwd=str(workdir), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    # Execution counts like a notebook in use: a few cells ran before, some re-ran in between.
    rng = random.Random(int(hashlib.sha256(case.id.encode()).hexdigest()[:12], 16))
    try:
        kc.wait_for_ready(timeout=120)
        counts: dict[int, int] = {}
        history: list[dict] = []
        error: dict | None = None
        for step, index in enumerate(case.order):
            for _ in range(rng.randint(0, 12) if step == 0 else rng.choice((0, 0, 0, 1, 2))):
                _execute(kc, "pass")
            cell = case.cells[index]
            reply, error = _execute(kc, cell.source)
            counts[index] = reply.get("execution_count")
            last = step == len(case.order) - 1
            entry = {"cell_id": f"c{index}", "execution_count": counts[index], "ok": error is None}
            if error is not None:
                entry.update(ename=error["ename"], evalue=error["evalue"])
            history.append(entry)
            if not last and error is not None and "raises" not in cell.flags:
                raise CaseFailure(
                    f"cell {index + 1} raised {error['ename']}: {error['evalue'][:200]}"
                )
            if not last and error is None and "raises" in cell.flags:
                raise CaseFailure(f"cell {index + 1} is marked 'raises' but did not raise")
        if error is None:
            raise CaseFailure("the last cell did not raise")
        if error["ename"] != case.expect:
            raise CaseFailure(
                f"expected {case.expect}, got {error['ename']}: {error['evalue'][:300]}"
            )
        if case.match and not re.search(case.match, error["evalue"]):
            raise CaseFailure(f"evalue does not match {case.match!r}: {error['evalue'][:300]}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(ksm.kernel_dirs[0], ignore_errors=True)
    crash = case.crash_index
    # The recording machine's paths (the venv, the case's folder) would be in every traceback:
    # write them as a user's home-relative paths, as IPython prints them for a venv in ~.
    places = {str(Path(python).resolve().parent.parent): "~/.venv", str(workdir): "~/notebook"}
    # The standard library lives under the base interpreter (pyenv, conda): where that is in the
    # home folder, write it home-relative, as IPython prints the frames' file names.
    base = Path(_base_prefix(python))
    if base.is_relative_to(Path.home()):
        places.setdefault(str(base), f"~/{base.relative_to(Path.home())}")
    error = {**error, "evalue": _anonymise(error["evalue"], places)}
    error["traceback"] = [_anonymise(line, places) for line in error["traceback"]]
    for entry in history:
        if "evalue" in entry:
            entry["evalue"] = _anonymise(entry["evalue"], places)
    record = {
        "id": case.id,
        "ename": error["ename"],
        "evalue": error["evalue"],
        "traceback": list(error["traceback"]),
        "code": case.code,
        **case.labels,
        "notebook_cause": case.notebook_cause,
        "cell_id": f"c{crash}",
        "execution_count": counts[crash],
    }
    if len(case.cells) > 1:
        record["cells"] = [
            {
                "id": f"c{k}",
                "index": k,
                "source": c.source,
                "execution_count": counts.get(k),
                "cell_type": "code",
            }
            for k, c in enumerate(case.cells)
        ]
        record["history"] = history
    return record


def run_with_retry(case: Case, python: str, workroot: str, attempts: int = 3) -> dict:
    """``run_case``, retried when the kernel itself fails (dies at start-up, times out)."""
    for attempt in range(1, attempts + 1):
        try:
            started = time.monotonic()
            record = run_case(case, python, workroot)
            record["_seconds"] = round(time.monotonic() - started, 1)
            return record
        except CaseFailure:
            raise
        except Exception:
            if attempt == attempts:
                raise
            time.sleep(2)
    raise AssertionError("unreachable")


def _versions(python: str) -> dict:
    probe = (
        "import importlib, json, platform, sys\n"
        "out = {'python': platform.python_version(), 'platform': sys.platform}\n"
        f"for name in {LIBRARIES!r}:\n"
        "    try:\n"
        "        out[name] = importlib.import_module(name).__version__\n"
        "    except Exception as err:\n"
        "        out[name] = None\n"
        "print(json.dumps(out))\n"
    )
    env = {**os.environ, **KERNEL_ENV}
    done = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _selected(cases: list[Case], patterns: list[str]) -> list[Case]:
    if not patterns:
        return cases
    return [c for c in cases if any(fnmatch.fnmatch(c.id, p) or p in c.id for p in patterns)]


def _same_code(case: Case, entry: dict) -> bool:
    if entry.get("code") != case.code:
        return False
    cells = entry.get("cells")
    sources = [c["source"] for c in cells] if cells else [case.code]
    return sources == [c.source for c in case.cells]


def _load_corpus() -> dict[str, dict]:
    if not CORPUS.exists():
        return {}
    return {e["id"]: e for e in map(json.loads, CORPUS.read_text().splitlines()) if e}


def _write_corpus(entries: dict[str, dict], cases: list[Case]) -> None:
    by_id = {c.id: c for c in cases}
    lines = []
    for case_id in sorted(entries):
        entry = entries[case_id]
        case = by_id[case_id]
        entry.update(case.labels, notebook_cause=case.notebook_cause)  # labels may be re-edited
        lines.append(json.dumps(entry, ensure_ascii=False))
    DATA.mkdir(parents=True, exist_ok=True)
    CORPUS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def print_stats(entries: dict[str, dict]) -> None:
    """Label counts of the recorded corpus, per dimension, most frequent first."""
    print(f"{len(entries)} cases")
    for dim in ("crash_type", "root_cause", "notebook_cause", "stage", "library", "ml_bug"):
        counts = Counter(str(e.get(dim)) for e in entries.values())
        print(f"{dim}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATTERN",
        help="record only cases whose id matches (glob or substring); repeatable",
    )
    parser.add_argument(
        "--resume", action="store_true", help="skip cases already recorded with the same code"
    )
    parser.add_argument("--jobs", type=int, default=2, help="kernels run in parallel (default 2)")
    parser.add_argument(
        "--python",
        default=str(DEFAULT_PYTHON) if DEFAULT_PYTHON.exists() else sys.executable,
        help="interpreter the kernels run (the corpus venv)",
    )
    parser.add_argument("--list", action="store_true", help="list the selected cases and exit")
    parser.add_argument(
        "--stats", action="store_true", help="print label counts of the recorded corpus and exit"
    )
    parser.add_argument(
        "--relabel",
        action="store_true",
        help="only copy the case files' labels into the recorded corpus (no kernels) and exit",
    )
    args = parser.parse_args(argv)

    if args.stats:
        print_stats(_load_corpus())
        return 0
    cases = load_cases(CASES)
    selected = _selected(cases, args.only)
    if args.only and not selected:
        print(f"no case matches {args.only}", file=sys.stderr)
        return 2
    entries = _load_corpus()
    known = {c.id for c in cases}
    entries = {k: v for k, v in entries.items() if k in known}
    if args.resume:
        selected = [c for c in selected if c.id not in entries or not _same_code(c, entries[c.id])]
    if args.list:
        print("\n".join(c.id for c in selected))
        return 0
    if args.relabel:
        # A label fix needs no kernel and must not touch corpus_versions.json.
        _write_corpus(entries, cases)
        return 0

    lock = open(LOCK, "w")  # noqa: SIM115 - held until the process ends
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("another corpus/record.py is running; wait for it", file=sys.stderr)
        return 2
    start = time.monotonic()
    failures: dict[str, str] = {}
    # A fixed place, so paths that end up in error messages are the same on every run.
    workroot = str(WORKROOT)
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run_with_retry, c, args.python, workroot): c for c in selected}
        for n, future in enumerate(as_completed(futures), 1):
            case = futures[future]
            try:
                entry = future.result()
                seconds = entry.pop("_seconds")
                entries[case.id] = entry
                status = f"{entry['ename']} ({seconds:.1f}s)"
            except Exception as err:  # a failed case must not stop the others
                entries.pop(case.id, None)
                failures[case.id] = f"{type(err).__name__}: {err}"
                status = "FAILED " + failures[case.id]
            print(f"[{n}/{len(selected)}] {case.id}: {status}", flush=True)
    shutil.rmtree(workroot, ignore_errors=True)
    _write_corpus(entries, cases)
    versions = _versions(args.python)
    VERSIONS.write_text(json.dumps(versions, indent=2, sort_keys=True) + "\n")
    took = time.monotonic() - start
    done = len(selected) - len(failures)
    where = CORPUS.relative_to(REPO)
    print(
        f"recorded {done}/{len(selected)} in {took:.0f}s; "
        f"{where}: {len(entries)}/{len(cases)} cases"
    )
    for case_id, why in sorted(failures.items()):
        print(f"FAILED {case_id}: {why}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
