"""Build the wild crash set: real error outputs of public ML notebooks, split by repository.

    python benchmarks/wild/build.py discover SNAPSHOTS OWNER/NAME [...]   # add repositories
    python benchmarks/wild/build.py build SNAPSHOTS [--exclude DEV.jsonl] [--out FILE]

SNAPSHOTS is a directory of git snapshots, one a repository: ``SNAPSHOTS/owner+name/repo`` (the
layout the fetch tool writes), ``SNAPSHOTS/owner+name`` or ``SNAPSHOTS/owner/name``, bare or not.
``discover`` reads each named repository's newest commit and writes one row per notebook with an
error output into ``sources.tsv`` (repository, commit, path, licence, split); ``build`` reads
exactly those (commit, path) blobs again and writes one JSON object per crash, in the
``ErrorRecord`` wire shape plus ``id``, ``repo``, ``path``, ``commit``, ``split``, ``cell_index``
and ``output_index``, into ``build/wild/crashes.jsonl`` (git-ignored: notebooks' licences vary,
so the repository keeps only the list and this script).

Notebooks are read with the scan's reader (``jupyterlab_nbcrash.scan.read``), so both nbformat 3
and 4 are read and oversized fields are clipped the same way. What the scan does not keep, each
cell's output types and the kernel's language, comes from a second look at the parsed JSON.

Selection, all deterministic: only Python notebooks that import an ML or data library
(``ML_LIBRARIES``), no ``.ipynb_checkpoints`` copies, no ``KeyboardInterrupt`` (the user stopped
the cell: not a crash); exact duplicates (ename, evalue, traceback, code) are kept once; crashes
equal to one of ``--exclude`` (ename case-insensitive, ANSI colours and spacing ignored) are
dropped; then at most ``--per-notebook`` crashes a notebook and ``--per-repo`` a repository,
picked in id order, new exception names first.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord, RecordError  # noqa: E402
from jupyterlab_nbcrash.diagnosis.traceback import strip_ansi  # noqa: E402
from jupyterlab_nbcrash.scan.read import (  # noqa: E402
    ERROR_OUTPUT_TYPES,
    SkipFile,
    _v3_cells,
    context_cells,
    parse_notebook,
)
from jupyterlab_nbcrash.scan.worker import with_errors  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources.tsv"
OUT = ROOT / "build" / "wild" / "crashes.jsonl"
COLUMNS = ("repo", "commit", "path", "licence", "split")
PER_NOTEBOOK = 5
PER_REPO = 60
MAX_BLOB = 100 * 1024 * 1024
NOT_CRASHES = frozenset({"KeyboardInterrupt"})
_SPACES = re.compile(r"\s+")
_REPO = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_COMMIT = re.compile(r"[0-9a-f]{40}")
# An ML notebook imports one of these (top-level module -> library family for the stats).
ML_LIBRARIES = {
    "pandas": "pandas",
    "sklearn": "scikit-learn",
    "torch": "pytorch",
    "torchvision": "pytorch",
    "torchtext": "pytorch",
    "torchaudio": "pytorch",
    "pytorch_lightning": "pytorch",
    "lightning": "pytorch",
    "tensorflow": "tensorflow/keras",
    "keras": "tensorflow/keras",
    "tf_keras": "tensorflow/keras",
    "tensorflow_hub": "tensorflow/keras",
    "tensorflow_datasets": "tensorflow/keras",
    "matplotlib": "matplotlib/seaborn",
    "seaborn": "matplotlib/seaborn",
    "numpy": "numpy",
    "xgboost": "xgboost/lightgbm/catboost",
    "lightgbm": "xgboost/lightgbm/catboost",
    "catboost": "xgboost/lightgbm/catboost",
    "transformers": "hugging face",
    "datasets": "hugging face",
    "tokenizers": "hugging face",
    "huggingface_hub": "hugging face",
    "accelerate": "hugging face",
    "peft": "hugging face",
    "diffusers": "hugging face",
    "scipy": "scipy/statsmodels",
    "statsmodels": "scipy/statsmodels",
    "nltk": "nlp (nltk/spacy/gensim)",
    "spacy": "nlp (nltk/spacy/gensim)",
    "gensim": "nlp (nltk/spacy/gensim)",
    "cv2": "vision (opencv/pillow)",
    "PIL": "vision (opencv/pillow)",
    "jax": "jax",
    "flax": "jax",
    "plotly": "plotly",
}
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)|import[ \t]+([^#\n;]+))", re.M)
_PYLAB = re.compile(r"^[ \t]*%pylab\b", re.M)


# --- the split -------------------------------------------------------------------------------


def split_of(repo: str) -> str:
    """``study`` or ``heldout``: the parity of the repository name's sha256 (case-insensitive,
    as GitHub names are), so a repository never changes sides when others are added."""
    digest = hashlib.sha256(repo.lower().encode("utf-8")).digest()
    return "study" if digest[-1] % 2 == 0 else "heldout"


def crash_id(repo: str, path: str, cell_index: int, output_index: int) -> str:
    key = f"{repo.lower()}\0{path}\0{cell_index}\0{output_index}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --- snapshots -------------------------------------------------------------------------------


def snapshot_gitdir(snapshots: Path, repo: str) -> Path:
    """The git directory of ``owner/name`` under ``snapshots``; FileNotFoundError if absent."""
    owner, _, name = repo.partition("/")
    for candidate in (
        snapshots / f"{owner}+{name}" / "repo",
        snapshots / f"{owner}+{name}",
        snapshots / owner / name,
    ):
        for gitdir in (candidate, candidate / ".git"):
            if (gitdir / "HEAD").is_file() and (gitdir / "objects").is_dir():
                return gitdir
    raise FileNotFoundError(f"no snapshot of {repo} under {snapshots}")


def _git(gitdir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(gitdir), *args], check=True, capture_output=True
    ).stdout


def head_commit(gitdir: Path) -> str:
    return _git(gitdir, "rev-parse", "HEAD").decode().strip()


def tree_paths(gitdir: Path, commit: str) -> list[str]:
    raw = _git(gitdir, "ls-tree", "-r", "-z", "--name-only", commit)
    return [p.decode("utf-8", "surrogateescape") for p in raw.split(b"\0") if p]


def read_blobs(gitdir: Path, commit: str, paths: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of each path at ``commit`` that the snapshot holds; paths it lacks (a
    snapshot has no files of 4 MiB and more) or cannot name on one line are left out."""
    proc = subprocess.Popen(
        ["git", "--git-dir", str(gitdir), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        for path in paths:
            if "\n" in path:
                continue
            proc.stdin.write(f"{commit}:{path}\n".encode("utf-8", "surrogateescape"))
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if not header or header[-1] in (b"missing", b"ambiguous"):  # "<name> missing"
                continue
            _, kind, size = header  # "<sha> <type> <size>", then the content and a newline
            data = proc.stdout.read(int(size))
            proc.stdout.read(1)
            if kind == b"blob" and len(data) <= MAX_BLOB:
                yield path, data
    finally:
        proc.stdin.close()
        proc.wait()


def licence_of(gitdir: Path, commit: str) -> str:
    """An SPDX-like name of the top-level licence file, "other" if unrecognised, "none" if none."""
    names = [p for p in tree_paths(gitdir, commit) if "/" not in p]
    files = [p for p in names if re.match(r"(?i)(licen[cs]e|copying)(\b|[._-])", p)]
    texts = [data.decode("utf-8", "replace") for _, data in read_blobs(gitdir, commit, files)]
    if not files:
        return "none"
    return next((spdx for spdx in map(_spdx, texts) if spdx), "other")


_LICENCES = (  # (SPDX id, pattern), most specific first
    ("AGPL-3.0", r"GNU AFFERO GENERAL PUBLIC LICENSE"),
    ("LGPL-3.0", r"GNU LESSER GENERAL PUBLIC LICENSE Version 3"),
    ("LGPL-2.1", r"GNU LESSER GENERAL PUBLIC LICENSE Version 2\.1"),
    ("GPL-3.0", r"GNU GENERAL PUBLIC LICENSE Version 3"),
    ("GPL-2.0", r"GNU GENERAL PUBLIC LICENSE Version 2"),
    ("Apache-2.0", r"Apache License,? Version 2\.0"),
    ("MPL-2.0", r"Mozilla Public License,? (Version|v\.?) ?2\.0"),
    ("CC-BY-SA-4.0", r"Attribution-ShareAlike 4\.0"),
    ("CC-BY-NC-SA-4.0", r"Attribution-NonCommercial-ShareAlike 4\.0"),
    ("CC-BY-NC-4.0", r"Attribution-NonCommercial 4\.0"),
    ("CC-BY-4.0", r"Attribution 4\.0 International"),
    ("CC0-1.0", r"CC0 1\.0|Creative Commons Zero"),
    ("Unlicense", r"This is free and unencumbered software released into the public domain"),
    ("BSD-3-Clause", r"Neither the name of .{0,200}? nor the names of"),
    ("BSD-2-Clause", r"Redistribution and use in source and binary forms"),
    ("MIT", r"Permission is hereby granted, free of charge"),
    ("WTFPL", r"DO WHAT THE FUCK YOU WANT TO"),
)


def _spdx(text: str) -> str | None:
    flat = _SPACES.sub(" ", text)  # the patterns' spaces match any line breaks of the file
    for spdx, pattern in _LICENCES:
        if re.search(pattern, flat, re.I):
            return spdx
    return None


# --- a notebook's crashes --------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    path: str
    licence: str = "none"
    split: str = ""


def is_candidate(path: str) -> bool:
    """A notebook file worth reading: checkpoints are stale copies of another notebook."""
    return path.lower().endswith(".ipynb") and ".ipynb_checkpoints/" not in f"/{path}"


def notebook_crashes(data: bytes, source: Source) -> list[dict]:
    """Every error output of one notebook's bytes as a crash record: none for a notebook of
    another language or without an ML or data library; ``SkipFile`` if it is not a notebook."""
    nb = parse_notebook(data)
    if not nb.errors:
        return []
    doc = json.loads(data.decode("utf-8-sig"))  # parse_notebook accepted it: valid JSON
    if not _is_python(doc.get("metadata")) or not imported_modules(nb.cells) & ML_LIBRARIES.keys():
        return []
    outputs = _output_types(doc, nb.nbformat)
    places = [  # (cell index, output index) of each error output, in the reader's order
        (i, j)
        for i, types in enumerate(outputs)
        for j, t in enumerate(types)
        if t in ERROR_OUTPUT_TYPES
    ]
    if len(places) != len(nb.errors):  # cannot happen with the same document; never mislabel
        raise SkipFile("mismatch", "error outputs counted differently")
    # Each cell with its saved error output, as the scan sends them (`worker.with_errors`): the
    # notebook analysis reads which earlier cells failed ("run cell N first" must not name one).
    saved = {cell.index: cell.error for cell in with_errors(nb) if cell.error is not None}
    cells = [
        dict(cell, output_types=outputs[cell["index"]])
        | ({"error": _error_dict(saved[cell["index"]])} if cell["index"] in saved else {})
        for cell in nb.cells
    ]
    crashes = []
    for (cell_index, output_index), err in zip(places, nb.errors, strict=True):
        if err.ename in NOT_CRASHES:
            continue
        cell = nb.cells[cell_index]
        record = {
            "id": crash_id(source.repo, source.path, cell_index, output_index),
            "repo": source.repo,
            "path": source.path,
            "commit": source.commit,
            "split": split_of(source.repo),
            "cell_index": cell_index,
            "output_index": output_index,
            "ename": err.ename,
            "evalue": err.evalue,
            "traceback": list(err.traceback),
            "code": cell["source"],
            "cell_id": cell["id"],
            "execution_count": cell["execution_count"],
            "notebook": {"path": source.path, "cells": list(context_cells(cells, cell_index))},
        }
        try:
            ErrorRecord.from_dict(record)
        except RecordError:  # e.g. an output with neither name, message nor traceback
            continue
        crashes.append(record)
    return crashes


def _error_dict(error) -> dict:
    """A saved error output in the wire shape of ``Cell.error`` (a JSON list for the traceback)."""
    return {"ename": error.ename, "evalue": error.evalue, "traceback": list(error.traceback)}


def imported_modules(cells: Iterable[dict]) -> set[str]:
    """Top-level modules the code cells import (``%pylab`` imports numpy and matplotlib)."""
    modules: set[str] = set()
    for cell in cells:
        if cell.get("cell_type", "code") != "code":
            continue
        source = cell.get("source") or ""
        for frm, names in _IMPORT.findall(source):
            if frm:
                modules.add(frm)
            for name in names.split(","):
                first = name.strip().split(" ")[0].split(".")[0]
                if first.isidentifier():
                    modules.add(first)
        if _PYLAB.search(source):
            modules |= {"numpy", "matplotlib"}
    return modules


def _is_python(metadata) -> bool:
    """False only when the notebook names another language (R, Julia, Scala, ...)."""
    if not isinstance(metadata, dict):
        return True
    names = []
    for key, field in (("language_info", "name"), ("kernelspec", "language")):
        value = metadata.get(key)
        if isinstance(value, dict) and isinstance(value.get(field), str):
            names.append(value[field].lower())
    if isinstance(metadata.get("language"), str):
        names.append(metadata["language"].lower())
    return not names or any("python" in n for n in names)


def _output_types(doc: dict, nbformat: int | None) -> list[list[str]]:
    """Each cell's output types, in the cell order of ``parse_notebook``."""
    raw = doc["cells"] if isinstance(doc.get("cells"), list) else _v3_cells(doc["worksheets"])
    types = []
    for cell in raw:
        outputs = cell.get("outputs")
        outputs = outputs if isinstance(outputs, list) else []
        types.append(
            [str(o.get("output_type", ""))[:100] if isinstance(o, dict) else "" for o in outputs]
        )
    return types


# --- selection -------------------------------------------------------------------------------


def dedupe_key(crash: dict) -> tuple[str, str, str]:
    """What makes two crashes the same error output, whatever the colours and spacing."""
    tb = crash.get("traceback") or []
    tb = "\n".join(tb) if isinstance(tb, list) else str(tb)
    return (
        (crash.get("ename") or "").lower(),
        _SPACES.sub(" ", strip_ansi(crash.get("evalue") or "")).strip(),
        _SPACES.sub(" ", strip_ansi(tb)).strip(),
    )


def pick(crashes: list[dict], limit: int) -> list[dict]:
    """At most ``limit`` crashes in id order, one of each exception name first (variety)."""
    ordered = sorted(crashes, key=lambda c: c["id"])
    seen: set[str] = set()
    first = []
    for crash in ordered:
        if crash["ename"] not in seen:
            seen.add(crash["ename"])
            first.append(crash)
    firsts = {c["id"] for c in first}
    rest = [c for c in ordered if c["id"] not in firsts]
    chosen = {c["id"] for c in (first + rest)[:limit]}
    return [c for c in ordered if c["id"] in chosen]


def select(
    crashes: Iterable[dict],
    exclude: set[tuple[str, str, str]],
    per_notebook: int = PER_NOTEBOOK,
    per_repo: int = PER_REPO,
) -> tuple[list[dict], Counter]:
    """The crashes kept, and how many were dropped for what."""
    dropped: Counter = Counter()
    seen: set = set()
    by_notebook: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for crash in crashes:
        key = dedupe_key(crash)
        if (key, crash["code"]) in seen:
            dropped["duplicate in the set"] += 1
            continue
        seen.add((key, crash["code"]))
        if key in exclude:
            dropped["duplicate of --exclude"] += 1
            continue
        by_notebook[crash["repo"], crash["path"]].append(crash)
    by_repo: dict[str, list[dict]] = defaultdict(list)
    for (repo, _), group in by_notebook.items():
        kept = pick(group, per_notebook)
        dropped["over the notebook cap"] += len(group) - len(kept)
        by_repo[repo].extend(kept)
    chosen = []
    for group in by_repo.values():
        kept = pick(group, per_repo)
        dropped["over the repository cap"] += len(group) - len(kept)
        chosen.extend(kept)
    chosen.sort(
        key=lambda c: (c["split"], c["repo"].lower(), c["path"], c["cell_index"], c["output_index"])
    )
    return chosen, dropped


def exclusion_keys(path: Path) -> set[tuple[str, str, str]]:
    """The dedupe keys of a JSON-lines file of crashes (ename, evalue, traceback)."""
    keys = set()
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if line.strip():
                try:
                    keys.add(dedupe_key(json.loads(line)))
                except (json.JSONDecodeError, AttributeError) as err:
                    raise SystemExit(f"{path}:{n}: not a JSON object: {err}") from None
    return keys


# --- sources.tsv -----------------------------------------------------------------------------


def read_sources(path: Path) -> list[Source]:
    """The rows of ``sources.tsv``; ``SystemExit`` naming the line of a malformed one."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise SystemExit(f"{path}: missing column(s) {', '.join(missing)}")
        sources = []
        for line, row in enumerate(reader, 2):
            source = Source(**{c: row[c] or "" for c in COLUMNS})
            if not _REPO.fullmatch(source.repo) or not _COMMIT.fullmatch(source.commit):
                raise SystemExit(f"{path}:{line}: not an owner/name and a 40-hex commit")
            # The split is the name's hash; a hand-edited split would leak across the halves.
            if source.split != split_of(source.repo):
                raise SystemExit(
                    f"{path}:{line}: split of {source.repo} is {split_of(source.repo)}"
                )
            sources.append(source)
    return sources


def write_sources(path: Path, sources: Iterable[Source]) -> None:
    rows = sorted(sources, key=lambda s: (s.repo.lower(), s.path))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows((s.repo, s.commit, s.path, s.licence, s.split) for s in rows)


def discover(snapshots: Path, repo: str) -> tuple[list[Source], Counter]:
    """The notebooks of ``repo``'s newest commit that hold at least one crash."""
    gitdir = snapshot_gitdir(snapshots, repo)
    commit = head_commit(gitdir)
    licence = licence_of(gitdir, commit)
    found, skipped = [], Counter()
    paths = [p for p in tree_paths(gitdir, commit) if is_candidate(p) and "\t" not in p]
    for path, data in read_blobs(gitdir, commit, paths):
        if b'"ename"' not in data:  # cheap: no error output at all
            continue
        source = Source(repo, commit, path, licence, split_of(repo))
        try:
            if notebook_crashes(data, source):
                found.append(source)
        except SkipFile as skip:
            skipped[skip.kind] += 1
    return found, skipped


def build(snapshots: Path, sources: list[Source]) -> tuple[list[dict], Counter]:
    """Every crash of the listed notebooks (before selection), and what could not be read."""
    problems: Counter = Counter()
    by_commit: dict[tuple[str, str], list[Source]] = defaultdict(list)
    for s in sources:
        by_commit[s.repo, s.commit].append(s)
    crashes = []
    for (repo, commit), group in by_commit.items():
        try:
            gitdir = snapshot_gitdir(snapshots, repo)
        except FileNotFoundError:
            problems["repository without a snapshot"] += 1
            continue
        wanted = {s.path: s for s in group}
        got = 0
        for path, data in read_blobs(gitdir, commit, wanted):
            got += 1
            try:
                crashes.extend(notebook_crashes(data, wanted[path]))
            except SkipFile:
                problems["notebook no longer readable"] += 1
        problems["notebook missing at its commit"] += len(wanted) - got
    return crashes, +problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("discover", help="add repositories' notebooks with crashes to the list")
    d.add_argument("snapshots", type=Path)
    d.add_argument("repos", nargs="+", help="owner/name")
    d.add_argument("--sources", type=Path, default=SOURCES)
    b = sub.add_parser("build", help="rebuild the crash set from the list")
    b.add_argument("snapshots", type=Path)
    b.add_argument("--sources", type=Path, default=SOURCES)
    b.add_argument("--out", type=Path, default=OUT)
    b.add_argument("--exclude", type=Path, action="append", default=[], help="JSON lines")
    b.add_argument("--per-notebook", type=int, default=PER_NOTEBOOK)
    b.add_argument("--per-repo", type=int, default=PER_REPO)
    args = parser.parse_args(argv)
    if not args.snapshots.is_dir():
        parser.error(f"{args.snapshots}: not a directory")
    for path in [
        *getattr(args, "exclude", []),
        *([args.sources] if args.command == "build" else []),
    ]:
        if not path.is_file():
            parser.error(f"{path}: no such file")
    if args.command == "discover":
        return _discover(args)
    return _build(args)


def _discover(args) -> int:
    known = read_sources(args.sources) if args.sources.exists() else []
    named = {r.lower() for r in args.repos}
    rows = [s for s in known if s.repo.lower() not in named]
    for repo in args.repos:
        try:
            found, skipped = discover(args.snapshots, repo)
        except (FileNotFoundError, subprocess.CalledProcessError) as err:
            print(f"{repo}: skipped: {err}", file=sys.stderr)
            continue
        rows.extend(found)
        extra = f" (unreadable: {dict(skipped)})" if skipped else ""
        print(f"{repo}\t{len(found)} notebooks with crashes{extra}")
    write_sources(args.sources, rows)
    return 0


def _build(args) -> int:
    sources = read_sources(args.sources)
    exclude: set = set()
    for path in args.exclude:
        exclude |= exclusion_keys(path)
    crashes, problems = build(args.snapshots, sources)
    chosen, dropped = select(crashes, exclude, args.per_notebook, args.per_repo)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for crash in chosen:
            out.write(json.dumps(crash, ensure_ascii=False) + "\n")
    per_split = Counter(c["split"] for c in chosen)
    print(f"{len(crashes)} error outputs in {len(sources)} notebooks; kept {len(chosen)}")
    print(f"  per split: {dict(sorted(per_split.items()))}")
    if args.exclude:  # reported even when 0: the set must share no crash with those files
        dropped["duplicate of --exclude"] += 0
    for what, n in sorted(dropped.items()):
        print(f"  dropped {n}: {what}")
    for what, n in sorted(problems.items()):
        print(f"  {what}: {n}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
