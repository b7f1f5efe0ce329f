"""The study's tables, counted while the results stream past (memory does not grow with crashes).

Shares are computed when rendering, from the counts kept here: crash type, root cause, notebook
cause, stage and library over the diagnosed crashes; ML vs plain-Python bugs; crashes per notebook;
notebooks whose saved execution counts are out of order; skipped files by reason.
"""

from __future__ import annotations

from collections import Counter

DISTRIBUTIONS = ("crash_type", "root_cause", "notebook_cause", "stage", "library", "ename")
# Buckets of crashes per notebook (with at least one crash), as (label, lowest, highest).
PER_NOTEBOOK_BUCKETS = (("1", 1, 1), ("2", 2, 2), ("3", 3, 3), ("4-5", 4, 5), ("6-10", 6, 10))
ORDER_FLAGS = ("out_of_order", "gaps", "never_run")


class Summary:
    def __init__(self) -> None:
        self.files = 0
        self.read = 0
        self.parsed = 0
        self.skipped: Counter[str] = Counter()
        self.crashes = 0
        self.undiagnosed = 0
        self.ml_bug = 0
        self.python_bug = 0
        self.per_notebook: Counter[int] = Counter()
        self.order_analysed = 0
        self.order: Counter[str] = Counter()
        self.order_with_crashes: Counter[str] = Counter()
        self.counts: dict[str, Counter[str]] = {d: Counter() for d in DISTRIBUTIONS}

    def add_skipped(self, kind: str) -> None:
        self.files += 1
        self.skipped[kind] += 1

    def add(self, result: dict) -> None:
        """Count one file's result row (see worker.scan_file)."""
        if result["status"] != "read":
            self.add_skipped(result["kind"])
            return
        self.files += 1
        self.read += 1
        self.parsed += bool(result.get("parsed"))
        crashes = result["crashes"]
        if crashes:
            self.per_notebook[len(crashes)] += 1
        flags = order_flags(result.get("saved_order"))
        if flags is not None:
            self.order_analysed += 1
            for flag in ORDER_FLAGS:
                if flags[flag]:
                    self.order[flag] += 1
                    if crashes:
                        self.order_with_crashes[flag] += 1
        for crash in crashes:
            self.crashes += 1
            self.counts["ename"][crash["ename"] or "(none)"] += 1
            if crash.get("error") or not crash.get("crash_type"):
                self.undiagnosed += 1
                continue
            for dim in DISTRIBUTIONS[:-1]:
                label = crash.get(dim)
                if label is not None:
                    self.counts[dim][label] += 1
            if crash.get("ml_bug"):
                self.ml_bug += 1
            else:
                self.python_bug += 1

    def to_dict(self) -> dict:
        with_crashes = sum(self.per_notebook.values())
        total = sum(n * k for n, k in self.per_notebook.items())
        return {
            "files": self.files,
            "notebooks_read": self.read,
            "notebooks_parsed": self.parsed,
            "notebooks_with_crashes": with_crashes,
            "files_skipped": sum(self.skipped.values()),
            "skipped": _sorted(self.skipped),
            "crashes": self.crashes,
            "diagnosed": self.crashes - self.undiagnosed,
            "undiagnosed": self.undiagnosed,
            "ml_bug": {"ml": self.ml_bug, "python": self.python_bug},
            **{dim: _sorted(self.counts[dim]) for dim in DISTRIBUTIONS},
            "crashes_per_notebook": {
                "notebooks": with_crashes,
                "mean": round(total / with_crashes, 3) if with_crashes else 0.0,
                "median": _median(self.per_notebook),
                "max": max(self.per_notebook, default=0),
                "histogram": _buckets(self.per_notebook),
            },
            "execution_order": {
                "analysed": self.order_analysed,
                **{flag: self.order[flag] for flag in ORDER_FLAGS},
                "with_crashes": {flag: self.order_with_crashes[flag] for flag in ORDER_FLAGS},
            },
        }


def order_flags(saved: dict | None) -> dict[str, bool] | None:
    """The saved-order analysis (diagnosis.saved.analyse_saved) as the summary's three flags:
    a count lower than one above it (out of order), jumps between counts, never-run cells among
    run ones."""
    if saved is None:
        return None
    return {
        "out_of_order": bool(saved.get("decreasing")),
        "gaps": bool(saved.get("gaps")),
        "never_run": bool(saved.get("skipped")),
    }


def _sorted(counter: Counter) -> dict[str, int]:
    """Most frequent first, ties by id: the same order for the same counts on every run."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _median(hist: Counter[int]) -> float:
    n = sum(hist.values())
    if not n:
        return 0.0
    values = []
    seen = 0
    for value in sorted(hist):
        for target in ((n - 1) // 2, n // 2):
            if seen <= target < seen + hist[value]:
                values.append(value)
        seen += hist[value]
    return float(sum(values) / len(values))


def _buckets(hist: Counter[int]) -> dict[str, int]:
    out = {label: 0 for label, _, _ in PER_NOTEBOOK_BUCKETS}
    out["11+"] = 0
    for value, count in hist.items():
        label = next((lbl for lbl, lo, hi in PER_NOTEBOOK_BUCKETS if lo <= value <= hi), "11+")
        out[label] += count
    return out
