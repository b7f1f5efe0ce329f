"""One self-rewriting status line on a terminal: files done, crashes found, rate, ETA.

Own code rather than rich or tqdm: neither is a dependency of the project, and one line is all a
scan needs. Silent when the stream is not a terminal (a pipe, a CI log) or when disabled.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self, total: int, stream: TextIO | None = None, enabled: bool = True, every: float = 0.1
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and _is_tty(self.stream)
        self.total = total
        self.every = every
        self.start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def update(self, done: int, crashes: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and done < self.total and now - self._last < self.every:
            return
        self._last = now
        self.stream.write("\r\x1b[K" + line(done, self.total, crashes, now - self.start))
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        """Erase the line so that the final message starts on a clean line."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def line(done: int, total: int, crashes: int, elapsed: float) -> str:
    """``scanning 1,200/5,000 notebooks (24%) · 173 crashes · 812/s · ETA 0:05``."""
    rate = done / elapsed if elapsed > 0 else 0.0
    pct = f" ({100 * done // total}%)" if total else ""
    eta = f" · ETA {_clock((total - done) / rate)}" if rate > 0 and total > done else ""
    return f"scanning {done:,}/{total:,} notebooks{pct} · {crashes:,} crashes · {rate:,.0f}/s{eta}"


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _is_tty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
