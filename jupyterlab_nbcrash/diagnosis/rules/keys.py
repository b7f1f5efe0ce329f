"""KeyError and pandas' "not in index": a key or column label that does not exist."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named

_MISSING_LABELS = re.compile(
    r"not in index|not found in axis|None of \[.*\] are in the \[(?:columns|index)\]"
    r"|are in the \[columns\]|not contained in the index",
    re.S,
)
_PANDAS_FRAME = re.compile(r"pandas[\\/]")


@named("keys.key_error", "keys.key_error", "keys.missing_label")
def key_error(parsed: ParsedError) -> RuleMatch | None:
    listed = _MISSING_LABELS.search(parsed.message)
    if parsed.ename != "KeyError" and not (listed and parsed.ename in ("ValueError", "IndexError")):
        return None
    facts: dict[str, str] = {}
    keys = list(parsed.keys)
    if listed and (not keys or re.match(r"None of \[|\[", keys[0])):
        # pandas lists the missing labels: "None of [Index(['a', 'b'], dtype=...)] are in ..."
        keys = [k for k in re.findall(r"'([^']+)'", parsed.message) if k != "object"][:10] or keys
    if keys:
        facts["key"] = keys[0]
        facts["keys"] = ", ".join(repr(k) for k in keys[:5])
    pandas = "pandas" in parsed.libraries or bool(listed)
    if pandas:
        facts["container"] = "DataFrame"
    elif re.search(r"\.history\b|history\[", parsed.user_line):
        facts["container"] = "history"
    elif parsed.libraries:
        facts["container"] = parsed.libraries[-1]
    else:
        facts["container"] = "dict"
    if keys and re.fullmatch(r"-?\d+", keys[0]) and pandas:
        facts["integer_key"] = "yes"
    return RuleMatch(
        rule="keys.missing_label" if listed else "keys.key_error",
        crash_type="key_error",
        library=None,
        confidence=0.95 if parsed.ename == "KeyError" else 0.8,
        facts=facts,
    )


@named("keys.formula_column")
def formula_column(parsed: ParsedError) -> RuleMatch | None:
    """A statsmodels/patsy formula names a column the DataFrame does not have."""
    if parsed.ename != "PatsyError":
        return None
    m = re.search(r"name '([^']+)' is not defined", parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule="keys.formula_column",
        crash_type="key_error",
        library="statsmodels",
        confidence=0.85,
        facts={"key": m.group(1), "container": "formula"},
    )


RULES = (key_error, formula_column)
