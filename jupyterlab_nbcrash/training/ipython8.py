"""Re-render an IPython 7 traceback the way IPython 8 prints it (what JupyterLab 4 shows).

The study's crashes were saved by IPython 7 (``<ipython-input-5-9f1e> in <module>``); every crash
a user sees live today is printed by IPython 8 (``Cell In[5], line 2``, ``File path:N, in f``).
Cross-validating on re-rendered held-out crashes measures how much a model depends on the style
(``benchmarks/crossval.py --ipython8``). Only the frame headers change; ANSI codes are dropped.
"""

from __future__ import annotations

import re

from ..diagnosis.record import ErrorRecord
from ..diagnosis.traceback import strip_ansi, unrepr

_USER = re.compile(r"^<ipython-input-(\d+)-[0-9a-f]+> in (.+?)\s*$")
_LIBRARY = re.compile(r"^(\S.*?\.(?:py|pyx)) in (.+?)\s*$")
_ARROW = re.compile(r"^\s*-*> ?(\d+)")


def _header(line: str, following: list[str]) -> str | None:
    m = _USER.match(line) or _LIBRARY.match(line)
    if m is None:
        return None
    lineno = "1"
    for nxt in following:
        if _USER.match(nxt) or _LIBRARY.match(nxt):
            break
        arrow = _ARROW.match(nxt)
        if arrow:
            lineno = arrow.group(1)
            break
    func = m.group(2)
    if m.re is _LIBRARY:
        return f"File {m.group(1)}:{lineno}, in {func}"
    head = f"Cell In[{m.group(1)}], line {lineno}"
    return head if func.startswith("<module>") else f"{head}, in {func}"


def _entry(text: str) -> str:
    lines = strip_ansi(text).split("\n")
    return "\n".join(_header(line, lines[i + 1 :]) or line for i, line in enumerate(lines))


def as_ipython8(record: ErrorRecord) -> ErrorRecord:
    """The same error with its traceback's frame headers as IPython 8 prints them."""
    return ErrorRecord.from_dict(
        {
            "ename": record.ename,
            "evalue": record.evalue,
            "traceback": [_entry(t) for t in unrepr(record.traceback) if isinstance(t, str)],
        }
    )
