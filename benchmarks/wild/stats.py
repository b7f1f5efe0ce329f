"""Numbers of the wild crash set, per split: what the README's tables show.

    python benchmarks/wild/stats.py [build/wild/crashes.jsonl] [--top 25] [--markdown]

Crashes, repositories and notebooks; counts by exception name; by library family the notebook
imports (a crash counts once for each family its notebook imports); IPython 7 vs 8 traceback
style; and how many carry the failing cell's code.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ML_LIBRARIES, OUT, imported_modules

SPLITS = ("study", "heldout")
# IPython 8 names the cell ("Cell In[3], line 2"; 8.0-8.4: "Input In [3], in <module>"); IPython 7
# and older name a pseudo-file ("<ipython-input-3-…>", "/tmp/ipykernel_12/34.py" with ipykernel 6,
# "/tmp/ipython-input-3-2538972458.py in <cell line: 0>()" in today's Colab). Colours are stripped
# first: they sit between the words.
_IPYTHON8 = re.compile(r"Cell In ?\[\d*\], line \d+|Input In ?\[\d*\]")
_IPYTHON7 = re.compile(
    r"<ipython-input-\d+-[0-9a-f]+>|ipython-input-\d+(?:-\d+)?\.py|ipykernel_\d+[\\/]\d+\.py"
)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def traceback_style(crash: dict) -> str:
    text = _ANSI.sub("", "\n".join(crash.get("traceback") or []))
    if _IPYTHON8.search(text):
        return "IPython 8"
    if _IPYTHON7.search(text):
        return "IPython 7 or older"
    return "no cell frame"


def libraries(crash: dict) -> set[str]:
    modules = imported_modules((crash.get("notebook") or {}).get("cells") or [])
    return {ML_LIBRARIES[m] for m in modules if m in ML_LIBRARIES}


def summarise(crashes: list[dict]) -> dict:
    by_split = {s: [c for c in crashes if c.get("split") == s] for s in SPLITS}
    by_split["all"] = crashes
    table = {}
    for split, rows in by_split.items():
        table[split] = {
            "crashes": len(rows),
            "repositories": len({c["repo"] for c in rows}),
            "notebooks": len({(c["repo"], c["path"]) for c in rows}),
            "with code": sum(bool((c.get("code") or "").strip()) for c in rows),
            "ename": Counter(c.get("ename") or "(empty)" for c in rows),
            "library": Counter(lib for c in rows for lib in libraries(c)),
            "style": Counter(traceback_style(c) for c in rows),
        }
    return table


def _rows(counter_by_split: dict[str, Counter], top: int | None) -> list[tuple]:
    total = counter_by_split["all"]
    keys = [k for k, _ in total.most_common(top)]
    return [(k, *(counter_by_split[s][k] for s in (*SPLITS, "all"))) for k in keys]


def render(table: dict, top: int, markdown: bool) -> str:
    cols = (*SPLITS, "all")
    out = []

    def emit(title: str, rows: list[tuple]) -> None:
        if markdown:
            out.append(f"\n| {title} | {' | '.join(cols)} |")
            out.append("|---" * (len(cols) + 1) + "|")
            out.extend(f"| {r[0]} | " + " | ".join(f"{v:,}" for v in r[1:]) + " |" for r in rows)
        else:
            out.append(f"\n{title:<34}" + "".join(f"{c:>10}" for c in cols))
            out.extend(f"{r[0]:<34}" + "".join(f"{v:>10,}" for v in r[1:]) for r in rows)

    emit(
        "set",
        [(k, *(table[s][k] for s in cols)) for k in ("crashes", "repositories", "notebooks")]
        + [("failing cell has code", *(table[s]["with code"] for s in cols))],
    )
    for key, title in (
        ("style", "traceback style"),
        ("library", "library (notebook imports)"),
        ("ename", f"exception (top {top})"),
    ):
        emit(title, _rows({s: table[s][key] for s in cols}, top if key == "ename" else None))
    return "\n".join(out).lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("crashes", nargs="?", type=Path, default=OUT)
    parser.add_argument("--top", type=int, default=25, help="exception names shown")
    parser.add_argument("--markdown", action="store_true", help="tables for the README")
    args = parser.parse_args(argv)
    try:
        # one record a line, split on "\n" only: `splitlines` also splits at the U+2028 or
        # U+0085 a notebook's text may hold inside a JSON string
        lines = args.crashes.read_text(encoding="utf-8").split("\n")
    except OSError as err:
        print(f"{args.crashes}: {err.strerror}; run build.py first", file=sys.stderr)
        return 1
    crashes = [json.loads(line) for line in lines if line.strip()]
    print(render(summarise(crashes), args.top, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
