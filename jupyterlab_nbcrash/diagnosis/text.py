"""Wording helpers shared by every family's hints and by the notebook analysis.

Code spans and quoting (``code_span``, ``as_code``), the one close-match helper
(``close_matches``) behind every "did you mean" — of a column, a key, a name, a module or a file
extension — and what a message says about the arguments: the values it allows
(``allowed_values``) and the user's arguments it names (``named_arguments``).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

from .traceback import ParsedError
from .where import keyword_arguments

# difflib ratio from which a candidate counts as close (names, columns, keys).
CLOSE = 0.75


def code_span(text: str, limit: int = 80) -> str:
    """``text`` on one line in backticks, cut after ``limit`` characters."""
    text = " ".join(str(text).split())
    return f"`{text[:limit]}{'…' if len(text) > limit else ''}`"


def as_code(text: str) -> str:
    """Backticks around the code parts of a replacement: "`a()` or `b()`", "`x` (note)",
    while prose ("the tensorflow-addons package") stays plain."""
    parts = re.split(r"\s+or\s+(?![^()]*\))", text)
    return " or ".join(_code_part(part) for part in parts)


def _code_part(part: str) -> str:
    m = re.match(r"^(.*?\S)\s+\(([^()]*(?:\([^()]*\)[^()]*)*)\)$", part)
    if m and _is_code(m.group(1)) and re.search(r"[A-Za-z]{3,} ", m.group(2) + " "):
        return f"`{m.group(1)}` ({m.group(2)})"
    return f"`{part}`" if _is_code(part) else part


def _is_code(text: str) -> bool:
    if text.startswith(("from ", "import ", "%pip ", "!")):
        return True
    bare = text
    for _ in range(5):  # drop (possibly nested) argument lists
        bare = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", bare)
    return " " not in bare.strip() or bool(re.search(r"[=.(]", bare) and " = " in text)


def close_matches(
    word: str,
    candidates: Iterable[str],
    n: int = 3,
    *,
    cutoff: float = CLOSE,
    ignore_case: bool = True,
) -> list[str]:
    """Up to ``n`` candidates whose difflib ratio to ``word`` is at least ``cutoff``, closest
    first; never ``word`` itself.

    ``ignore_case`` (what a user typed: names, columns, keys): candidates equal to ``word`` but
    for case or surrounding spaces come first, and when no candidate is close as written, they
    are compared lower-cased. Without it (module names, file extensions, the notebook's own
    names), only difflib's ratio counts."""
    pool = [c for c in dict.fromkeys(candidates) if c and c != word]
    if not word or not pool:
        return []
    if not ignore_case:
        return difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)
    same_case = [c for c in pool if c.lower() == word.lower() or c.strip() == word.strip()]
    found = difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)
    if not found:
        lowered = {c.lower(): c for c in pool}
        found = [
            lowered[c] for c in difflib.get_close_matches(word.lower(), lowered, n=n, cutoff=cutoff)
        ]
    return list(dict.fromkeys(same_case + found))[:n]


def possibly_close(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidates ``close_matches`` (default cutoff, ``ignore_case``) could return at all, in
    order: a cheap filter before costlier checks of each candidate. It drops only those whose
    letters shared with ``word``, case ignored, bound difflib's ratio below the cutoff (its
    ``quick_ratio``, which case-folding can only raise)."""
    letters = Counter(word.lower())
    out = []
    for c in dict.fromkeys(candidates):
        total = len(word) + len(c)
        if c.lower() == word.lower() or c.strip() == word.strip():
            out.append(c)
        elif 2 * min(len(word), len(c)) >= CLOSE * total:
            shared = sum((letters & Counter(c.lower())).values())
            if 2 * shared >= CLOSE * total:
                out.append(c)
    return out


def suggest(word: str, candidates: Iterable[str]) -> str:
    """The close candidates as "`a` or `b`" (empty when there is none)."""
    found = close_matches(word, candidates)
    return " or ".join(f"`{c}`" for c in found)


_STRINGS = re.compile(r"""['"]([^'"\n]{1,80})['"]""")


def code_strings(parsed: ParsedError) -> list[str]:
    """The string literals of the user's code: candidate column names and keys."""
    return _STRINGS.findall(parsed.user_code[:50_000])


# Where a message lists what it accepts ("must be one of …", "Supported formats: …").
_ALLOWED = re.compile(
    r"((?:must be one of|should be one of|expected one of|is not in the list of allowed values|"
    r"supported formats|supported values are|valid options are|allowed values are|possible "
    r"values are|valid values are|choose from|accepted values are|must be either|one of the "
    r"following|did you mean one of)\b:?\s*(?:\n\s*)?[^\n]{2,160}?)(?:\.\s|\.?\s*$|\n|;)",
    re.I | re.M,
)
# Parameter names that are also plain words of messages ("no numeric data to plot"): only a
# quoted mention counts for them.
_COMMON_WORDS = frozenset(
    {"data", "index", "value", "values", "type", "name", "key", "size", "shape", "input", "path"}
    | {"file", "object", "columns", "format", "mode", "method", "level", "labels", "order", "dtype"}
)


def allowed_values(message: str, gist: str = "") -> str:
    """The part of ``message`` that lists the values it accepts, when the gist does not show it."""
    m = _ALLOWED.search(message[:4_000])
    if m is None:
        return ""
    text = " ".join(m.group(1).split()).rstrip(".,:")
    return "" if text in gist else text


def closest_allowed(message: str, arguments) -> tuple[str, str]:
    """(the user's string value, the allowed value close to it) when the message lists the values
    it allows and the value it got (quoted in the message or a string argument of the call) is a
    near miss ("darkgird" -> "darkgrid"); else ("", "")."""
    text = message[:4_000]
    m = _ALLOWED.search(text)
    if m is None:
        return "", ""
    listed = re.split(r",? but |\. ", m.group(1))[0]
    quoted = r"'([^'\n]{1,40})'|\"([^\"\n]{1,40})\""
    words = [a or b for a, b in re.findall(quoted, listed)] or re.findall(
        r"[A-Za-z_][\w.-]*", listed.split(" ", 3)[-1]
    )
    outside = text[: m.start()] + text[m.start() + len(listed) :]
    given = [a or b for a, b in re.findall(quoted, outside)]
    for arg in arguments:
        value = re.fullmatch(r"""(?:\w+\s*=\s*)?['"]([^'"]{1,40})['"]""", arg.strip())
        if value:
            given.append(value.group(1))
    for value in dict.fromkeys(given):
        if value not in words:
            near = close_matches(value, words, n=1)
            if near:
                return value, near[0]
    return "", ""


def named_arguments(parsed: ParsedError, arguments, text: str) -> list[str]:
    """``name=value`` items of the user's call (or, when it has none, of the cell's code) whose
    parameter the message ``text`` names: the values to check first."""
    text = text[:4_000]

    def quoted(name: str) -> bool:
        n = re.escape(name)
        return bool(re.search(rf"['\"`]{n}['\"`]|(?<![\w/\\.]){n}(?:=| (?:must|should) )", text))

    def named(name: str) -> bool:
        return quoted(name) or (
            name not in _COMMON_WORDS
            and bool(re.search(rf"(?<![\w/\\.]){re.escape(name)}(?![\w/\\])", text))
        )

    found = [f"{k}={v}" for k, v in keyword_arguments(arguments).items() if named(k)]
    if found:
        return found[:2]
    hits: dict[str, set[str]] = {}
    code = parsed.user_code[:50_000]
    for m in re.finditer(r"[(,]\s*(\w+)\s*=(?!=)\s*", code):
        if quoted(m.group(1)):  # elsewhere in the cell: only a name the message marks as one
            value = _argument_value(code, m.end())
            if value:
                hits.setdefault(m.group(1), set()).add(value)
    # A name set to several values in the cell: which one is meant is not certain.
    return [f"{k}={next(iter(v))}" for k, v in hits.items() if len(v) == 1][:2]


def _argument_value(code: str, start: int) -> str:
    """The argument value that starts at ``code[start]``, up to its ``,`` or ``)``; "" when it
    is longer than a hint quotes."""
    depth, quote = 0, ""
    for i in range(start, min(len(code), start + 60)):
        c = code[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}" and depth:
            depth -= 1
        elif c in ",)\n" and depth == 0:
            return code[start:i].strip()
    return ""


_LITERAL = re.compile(r"""[-+]?[\d.]+(?:e[-+]?\d+)?|'[^']*'|"[^"]*"|True|False|None""")


def literal_argument(argument: str) -> bool:
    """True when a call's argument (``x``, or ``name=x``) is written as a literal: a number, a
    string, True, False or None."""
    return bool(_LITERAL.fullmatch(argument.split("=", 1)[-1].strip()))
