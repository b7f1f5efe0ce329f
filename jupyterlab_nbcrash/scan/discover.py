"""Find the notebooks under the scanned paths, in a stable order, safe against symlink loops.

Directories are walked depth-first with entries sorted by name, so two scans of the same tree (and a
local and a Dask scan) see the files in the same order. Symlinks are followed; a directory reached
again through a link to one of its ancestors is a loop, and a file or directory reached twice is
scanned once. Whatever cannot be scanned comes out as a ``Skipped`` with its reason.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

NOTEBOOK_SUFFIX = ".ipynb"
ALWAYS_EXCLUDED = (".ipynb_checkpoints",)


@dataclass(frozen=True)
class Found:
    """A notebook to read: ``path`` as shown to the user, ``real`` absolute for the readers."""

    path: str
    real: str


@dataclass(frozen=True)
class Skipped:
    """A file or folder that is not scanned. ``kind`` groups reasons for the summary."""

    path: str
    kind: str
    reason: str

    def to_dict(self) -> dict:
        return {"path": self.path, "kind": self.kind, "reason": self.reason}


def missing_paths(paths: Iterable[str]) -> list[str]:
    """The paths that do not exist at all (a broken symlink given by name exists)."""
    return [p for p in paths if not os.path.lexists(p)]


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Found | Skipped]:
    """Yield every notebook under ``paths``; a file named on its own counts whatever its name."""
    patterns = (*ALWAYS_EXCLUDED, *exclude)
    seen_files: dict[tuple[int, int], str] = {}
    seen_dirs: dict[tuple[int, int], str] = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError as err:
            yield _stat_failure(path, err)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st, patterns, seen_files, seen_dirs, ancestors=set())
        else:
            yield _file(path, st, seen_files)


def _walk(
    folder: str,
    st: os.stat_result,
    patterns: tuple[str, ...],
    seen_files: dict,
    seen_dirs: dict,
    ancestors: set,
) -> Iterator[Found | Skipped]:
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        yield Skipped(folder, "symlink_loop", "symlink loop: links back to a folder above it")
        return
    if key in seen_dirs:
        yield Skipped(folder, "duplicate", f"same folder as {seen_dirs[key]}, scanned once")
        return
    seen_dirs[key] = folder
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield Skipped(folder, "unreadable", f"cannot list folder: {err.strerror or err}")
        return
    ancestors = ancestors | {key}
    for entry in entries:
        if any(fnmatch.fnmatch(entry.name, p) for p in patterns):
            continue
        path = os.path.join(folder, entry.name)
        is_notebook = entry.name.lower().endswith(NOTEBOOK_SUFFIX)
        try:
            est = entry.stat()  # follows symlinks
        except OSError as err:
            # A dangling link is worth reporting when it looks like a notebook, a loop always.
            if is_notebook or err.errno == errno.ELOOP:
                yield _stat_failure(path, err)
            continue
        if stat.S_ISDIR(est.st_mode):
            yield from _walk(path, est, patterns, seen_files, seen_dirs, ancestors)
        elif is_notebook:
            yield _file(path, est, seen_files)


def _file(path: str, st: os.stat_result, seen_files: dict) -> Found | Skipped:
    if not stat.S_ISREG(st.st_mode):
        return Skipped(path, "not_a_file", "not a regular file (device, FIFO or socket)")
    key = (st.st_dev, st.st_ino)
    if key in seen_files:
        return Skipped(path, "duplicate", f"same file as {seen_files[key]}, scanned once")
    seen_files[key] = path
    return Found(path, os.path.abspath(path))


def _stat_failure(path: str, err: OSError) -> Skipped:
    if err.errno == errno.ELOOP:
        return Skipped(path, "symlink_loop", "symlink loop: the link points back to itself")
    if err.errno == errno.ENOENT and os.path.islink(path):
        return Skipped(path, "broken_link", f"broken symlink to {os.readlink(path)}")
    if err.errno in (errno.EACCES, errno.EPERM):
        return Skipped(path, "unreadable", f"permission denied: {err.strerror}")
    return Skipped(path, "unreadable", f"cannot stat: {err.strerror or err}")
