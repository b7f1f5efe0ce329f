"""A scan's result: metadata, summary, skipped files, notebooks of interest and crash rows.

While scanning, crash rows and notebook rows are spooled to an anonymous temporary file (JSON
Lines), so memory stays flat however many crashes a corpus holds; renderers read them back as
iterators. A saved scan (``--format json``) loads into the same shape for ``nbcrash report``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator

from .summary import Summary, order_flags

FORMAT_NAME = "nbcrash-scan"
FORMAT_VERSION = 1


# What the renderers read of a saved scan (checked on load, so a bad file is one clear error).
SUMMARY_KEYS = {
    "files": int,
    "notebooks_read": int,
    "notebooks_with_crashes": int,
    "files_skipped": int,
    "skipped": dict,
    "crashes": int,
    "diagnosed": int,
    "undiagnosed": int,
    "ml_bug": dict,
    "crash_type": dict,
    "root_cause": dict,
    "notebook_cause": dict,
    "stage": dict,
    "library": dict,
    "ename": dict,
    "crashes_per_notebook": dict,
    "execution_order": dict,
}
NESTED_SUMMARY_KEYS = {
    "ml_bug": {"ml": int, "python": int},
    "crashes_per_notebook": {
        "notebooks": int,
        "mean": (int, float),
        "median": (int, float),
        "max": int,
        "histogram": dict,
    },
    "execution_order": {
        "analysed": int,
        "out_of_order": int,
        "gaps": int,
        "never_run": int,
        "with_crashes": dict,
    },
}
CRASH_KEYS = {"notebook": str, "cell_index": int, "ename": str, "evalue": str}
NOTEBOOK_KEYS = {"path": str, "crashes": int, "code_cells": int}
SKIPPED_KEYS = {"path": str, "kind": str, "reason": str}


def _require(row, keys: dict, where: str) -> None:
    if not isinstance(row, dict):
        raise ValueError(f"saved scan: {where} must be an object")
    for key, kind in keys.items():
        if not isinstance(row.get(key), kind):
            name = (
                " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
            )
            raise ValueError(f"saved scan: {where}.{key} must be {name}")


class _Spool:
    """Rows appended once, then read back any number of times."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the result)
        self.count = 0

    def append(self, row: dict) -> None:
        self._file.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        self.count += 1

    def __iter__(self) -> Iterator[dict]:
        self._file.flush()
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


class ScanResult:
    """What renderers read: ``meta``, ``summary``, ``skipped`` and the row iterators."""

    def __init__(self, meta: dict, summary: dict, skipped: list[dict], notebooks, crashes):
        self.meta = meta
        self.summary = summary
        self.skipped = skipped
        self._notebooks = notebooks
        self._crashes = crashes

    def notebooks(self) -> Iterator[dict]:
        """Notebooks with crashes or with execution counts out of order, in scan order."""
        return iter(self._notebooks)

    def crashes(self) -> Iterator[dict]:
        return iter(self._crashes)

    def to_dict(self) -> dict:
        """The whole result in memory (the JSON format streams the same structure)."""
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "meta": self.meta,
            "summary": self.summary,
            "skipped": self.skipped,
            "notebooks": list(self.notebooks()),
            "crashes": list(self.crashes()),
        }

    def close(self) -> None:
        for rows in (self._notebooks, self._crashes):
            if isinstance(rows, _Spool):
                rows.close()

    @classmethod
    def from_dict(cls, data) -> ScanResult:
        """A saved scan; raise ValueError with a one-line reason when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise ValueError('not a saved nbcrash scan (missing "format": "nbcrash-scan")')
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported scan format version {data.get('version')!r}")
        for key, kind in (("meta", dict), ("summary", dict), ("skipped", list),
                          ("notebooks", list), ("crashes", list)):  # fmt: skip
            if not isinstance(data.get(key), kind):
                raise ValueError(f"saved scan: '{key}' must be a {kind.__name__}")
        summary = data["summary"]
        _require(summary, SUMMARY_KEYS, "summary")
        for key, keys in NESTED_SUMMARY_KEYS.items():
            _require(summary[key], keys, f"summary.{key}")
        for key, keys in (("crashes", CRASH_KEYS), ("notebooks", NOTEBOOK_KEYS),
                          ("skipped", SKIPPED_KEYS)):  # fmt: skip
            for i, row in enumerate(data[key]):
                _require(row, keys, f"{key}[{i}]")
        return cls(data["meta"], data["summary"], data["skipped"], data["notebooks"],
                   data["crashes"])  # fmt: skip


class Collector:
    """Receives result rows in scan order and builds the ScanResult."""

    def __init__(self, meta: dict) -> None:
        self.meta = meta
        self.summary = Summary()
        self.skipped: list[dict] = []
        self.notebooks = _Spool()
        self.crashes = _Spool()

    def skip(self, entry: dict) -> None:
        """A path discovery could not scan (it never reached a worker)."""
        self.skipped.append(entry)
        self.summary.add_skipped(entry["kind"])

    def add(self, result: dict) -> None:
        self.summary.add(result)
        if result["status"] != "read":
            self.skipped.append({k: result[k] for k in ("path", "kind", "reason")})
            return
        flags = order_flags(result.get("saved_order"))
        if result["crashes"] or (flags and flags["out_of_order"]):
            self.notebooks.append(
                {
                    "path": result["path"],
                    "crashes": len(result["crashes"]),
                    "nbformat": result["nbformat"],
                    "cells": result["cells"],
                    "code_cells": result["code_cells"],
                    "saved_order": result.get("saved_order"),
                }
            )
        for crash in result["crashes"]:
            self.crashes.append(crash)

    def result(self) -> ScanResult:
        return ScanResult(
            self.meta, self.summary.to_dict(), self.skipped, self.notebooks, self.crashes
        )
