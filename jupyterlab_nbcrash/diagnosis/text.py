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


def article(word: str) -> str:
    """The indefinite article before ``word``: "an" before a vowel, else "a"."""
    return "an" if word[:1].lower() in "aeiou" else "a"


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


_SEPARATORS = re.compile(r"[\s_\-]+")
_PARTS = re.compile(r"[A-Za-z]+|\d+")


def spelled_alike(word: str, other: str) -> bool:
    """True when ``other`` reads as a slip in typing ``word``: the same but for case, spaces, `_`
    or `-`, or one letter missing, extra, replaced or two swapped (two slips in names of nine
    letters or more).

    Stricter than ``close_matches``: "Customer ID" is close to "Customer Name" but is another
    column. A different number or one-letter part (`x1`/`x2`, `X_train`/`y_train`) names another
    thing, not a slip."""
    if not word or not other or word == other:
        return False
    a, b = _SEPARATORS.sub("", word.lower()), _SEPARATORS.sub("", other.lower())
    if a == b:
        return True
    shortest = min(len(a), len(b))
    limit = 2 if shortest >= 9 else 1 if shortest >= 4 else 0
    if abs(len(a) - len(b)) > limit or _another_part(word, other):
        return False
    return edit_distance(a, b, limit) <= limit


def _another_part(word: str, other: str) -> bool:
    """The two differ only in parts that are numbers or single letters (`x1`/`x2`, `a_b`/`a_c`),
    in an axis letter (`xlabel`/`ylabel`), or one has a whole part more
    (`borrower_score`/`co-borrower_score`)."""
    left, right = _PARTS.findall(word.lower()), _PARTS.findall(other.lower())
    if left and right and (set(left) < set(right) or set(right) < set(left)):
        return True
    if len(left) != len(right):
        return False
    if len(word) == len(other):  # `xlabel`/`ylabel`, `col1`/`col2`: an axis or a number
        diff = [(x, y) for x, y in zip(word.lower(), other.lower(), strict=True) if x != y]
        if len(diff) == 1 and (set(diff[0]) <= set("xyz") or "".join(diff[0]).isdigit()):
            return True
    changed = [(x, y) for x, y in zip(left, right, strict=True) if x != y]
    return bool(changed) and all(
        (x.isdigit() and y.isdigit()) or (len(x) == 1 and len(y) == 1) for x, y in changed
    )


def edit_distance(a: str, b: str, limit: int) -> int:
    """Typing slips (insert, delete, replace, swap two neighbours) from ``a`` to ``b``; any value
    above ``limit`` means "more than the limit"."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


# Keyword arguments whose string values name columns or keys (pandas, seaborn, plotly).
_KEY_KEYWORDS = frozenset(
    {
        "x", "y", "hue", "by", "on", "left_on", "right_on", "columns", "column", "subset",
        "index", "values", "col", "row", "key", "keys", "labels", "id_vars", "value_vars",
        "usecols", "names", "index_col", "parse_dates", "size", "style", "color",
    }
)  # fmt: skip
# Methods whose first string argument names a column or key.
_KEY_METHODS = frozenset(
    {
        "get", "pop", "drop", "groupby", "sort_values", "set_index", "pivot_table", "pivot",
        "nlargest", "nsmallest",
    }
)  # fmt: skip


def key_strings(code: str) -> list[str]:
    """The string literals of ``code`` that stand where keys and column names stand: subscripts
    and list items (`df['a']`, `df[['a', 'b']]`), dict keys (`{'a': 1}`), column keywords
    (`x='a'`, `by='a'`) and the first argument of `.get`/`.drop`/`.groupby`… Comments, messages,
    titles and labels are left out: they are no candidates for a misspelt key."""
    found: list[str] = []
    stack: list[str] = []  # open brackets
    i, n = 0, min(len(code), 50_000)
    while i < n:
        c = code[i]
        if c == "#":
            end = code.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "([{":
            stack.append(c)
        elif c in ")]}":
            if stack:
                stack.pop()
        elif c in "'\"":
            quote = code[i : i + 3] if code[i : i + 3] in ("'''", '"""') else c
            end = code.find(quote, i + len(quote))
            while end > 0 and code[end - 1] == "\\" and len(quote) == 1:
                end = code.find(quote, end + 1)
            if end < 0:
                break
            if len(quote) == 1 and not _string_prefix(code, i):
                text = code[i + 1 : end]
                if text and "\n" not in text and _at_key_position(code, i, end + 1, stack):
                    found.append(text)
            i = end + len(quote)
            continue
        i += 1
    return list(dict.fromkeys(found))


def _string_prefix(code: str, start: int) -> bool:
    """An f-string or bytes literal (`f'…'`, `b'…'`): no key."""
    return start > 0 and code[start - 1] in "fFbB" and not code[start - 2 : start - 1].isalnum()


def _at_key_position(code: str, start: int, end: int, stack: list[str]) -> bool:
    before = code[max(0, start - 40) : start].rstrip()
    after = code[end : end + 3].lstrip()
    if stack and stack[-1] == "[":
        return True
    if stack and stack[-1] == "{" and after.startswith(":"):
        return True
    m = re.search(r"(?:\b(\w+)\s*=|\.(\w+)\s*\()$", before)
    if m is None:
        return False
    return (m.group(1) or "") in _KEY_KEYWORDS or (m.group(2) or "") in _KEY_METHODS


def expression_before(line: str, end: int, limit: int = 40) -> str:
    """The expression of ``line`` that ends just before index ``end``: the object a subscript or
    an attribute applies to (`g.get_object(pepsi_id)` in `g.get_object(pepsi_id)['likes']`).
    "" when it is longer than ``limit`` or not a name, call or subscript chain."""
    depth, i = 0, end - 1
    while i >= 0:
        c = line[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and not (c.isalnum() or c in "_."):
            break
        i -= 1
    if depth:  # a bracket closed on this line but opened on an earlier one
        return ""
    expr = line[i + 1 : end].strip()
    return expr if 0 < len(expr) <= limit and re.match(r"[A-Za-z_]", expr) else ""


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
    words = [a or b for a, b in re.findall(quoted, listed)]
    following = re.match(r"[^\[]{0,40}\[([^\]]*)\]", text[m.end() - 1 :])
    if not words and listed.rstrip().endswith(":") and following:
        # "One of the following named colorscales:" and the list in brackets on the next lines
        words = [a or b for a, b in re.findall(quoted, following.group(1))]
    words = words or re.findall(r"[A-Za-z_][\w.-]*", listed.split(" ", 3)[-1])
    outside = text[: m.start()] + text[m.start() + len(listed) :]
    given = [a or b for a, b in re.findall(quoted, outside)]
    received = re.search(r"Received value: " + quoted, text)
    if received:
        # plotly quotes the property's name too: only the received value was refused.
        given = [received.group(1) or received.group(2)]
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


# The line that opens a message's list of every valid name (plotly's "Valid properties:").
_VALID_LIST = re.compile(r"\n\s*(?:Valid|Allowed|Available|Supported|Possible) \w+(?: are)?:")


def before_valid_list(message: str) -> str:
    """The message without the list of valid names some libraries append to it."""
    return _VALID_LIST.split(message, maxsplit=1)[0]


# Keras lists every argument a layer's call received after its error ("Arguments received by
# BasicDecoder.call(): • initial_state=…"; Keras 2: "Call arguments received by layer …"): the
# list names what was passed, not what is wrong.
_KERAS_ARGUMENTS = re.compile(r"^\s*(?:Call a|A)rguments received by ", re.M)
_OBJECT_REPR = re.compile(r"\b[A-Z]\w*\((?:[^()]|\([^()]*\))*\w+=(?:[^()]|\([^()]*\))*\)")


def named_arguments(parsed: ParsedError, arguments, text: str) -> list[str]:
    """``name=value`` items of the user's call (or, when it has none, of the cell's code) whose
    parameter the message ``text`` names: the values to check first. A list of the valid names
    that follows the message ("Valid properties: … x … y") names none of the user's."""
    # An object's repr (`Tensor("split:0", shape=(), dtype=int32)`) lists its fields, not
    # the call's parameters.
    text = _OBJECT_REPR.sub("", before_valid_list(_KERAS_ARGUMENTS.split(text[:4_000], 1)[0]))

    def quoted(name: str) -> bool:
        if name not in text:
            return False  # (no compile of the name's pattern where it cannot match)
        n = re.escape(name)
        return bool(re.search(rf"['\"`]{n}['\"`]|(?<![\w/\\.]){n}(?:=| (?:must|should) )", text))

    def named(name: str) -> bool:
        # Unquoted, a name of four letters or more (or `n_estimators`, `x2`) as the subject of
        # the message ("Unknown window type", "No axis named 2"), not after a preposition:
        # "not contained in axis" names no `axis=1`, "a string" no `a=...`, "hue levels" no hue.
        return quoted(name) or (
            name not in _COMMON_WORDS
            and (len(name) >= 4 or bool(re.search(r"[_\d]", name)))
            and bool(
                re.search(
                    rf"(?<!\bin )(?<!\bon )(?<!\bof )(?<!\bfor )(?<!\bto )(?<!\balong )"
                    rf"(?<![\w/\\.]){re.escape(name)}(?![\w/\\])",
                    text,
                )
            )
        )

    if parsed.ename == "CalledProcessError":
        return []  # the message quotes a command line: its words are the program's arguments
    if parsed.ename == "KeyError":
        return []  # the message is the key looked up (a label 'x'), no parameter `x=`

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
