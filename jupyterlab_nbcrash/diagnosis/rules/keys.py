"""KeyError and pandas' "not in index": a key or column label that does not exist."""

from __future__ import annotations

import re

from ..text import code_strings, suggest
from ..traceback import ParsedError
from .base import Facts, RuleMatch, Template, named

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
KEY_ERROR = "keys.key_error"
MISSING_LABEL = "keys.missing_label"
FORMULA_COLUMN = "keys.formula_column"

_MISSING_LABELS = re.compile(
    r"not in index|not found in axis|None of \[.*\] are in the \[(?:columns|index)\]"
    r"|are in the \[columns\]|not contained in the index",
    re.S,
)
_PANDAS_FRAME = re.compile(r"pandas[\\/]")


@named(KEY_ERROR, KEY_ERROR, MISSING_LABEL)
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
        rule=MISSING_LABEL if listed else KEY_ERROR,
        crash_type="key_error",
        library=None,
        confidence=0.95 if parsed.ename == "KeyError" else 0.8,
        facts=facts,
    )


@named(FORMULA_COLUMN)
def formula_column(parsed: ParsedError) -> RuleMatch | None:
    """A statsmodels/patsy formula names a column the DataFrame does not have."""
    if parsed.ename != "PatsyError":
        return None
    m = re.search(r"name '([^']+)' is not defined", parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=FORMULA_COLUMN,
        crash_type="key_error",
        library="statsmodels",
        confidence=0.85,
        facts={"key": m.group(1), "container": "formula"},
    )


RULES = (key_error, formula_column)


# ----------------------------------------------------------- hints: the words the user reads


def missing_key_hint(p: ParsedError, f: Facts) -> str:
    """The hint of a missing key or column (the generic key_error hint uses it too)."""
    key = f.get("key", "")
    if len(key) > 60 or "\n" in key:
        key = " ".join(key.split())[:57] + "…"
    container = f.get("container", "dict")
    if container == "history" and key.endswith("acc"):
        return (
            f"Keras now logs accuracy as `{key.replace('acc', 'accuracy')}`: use that key in "
            "`history.history`."
        )
    if container == "formula":
        return (
            f"The formula uses `{key}`, which is not a column of the DataFrame: check "
            "`df.columns`; quote odd names with `Q('name')`."
        )
    if container == "history":
        return (
            f"`history.history` has no `{key}`: print `history.history.keys()`; validation keys "
            "exist only when `validation_data` or `validation_split` was given."
        )
    close = suggest(key, code_strings(p)) if key else ""
    if container == "DataFrame":
        if f.get("integer_key"):
            return (
                f"pandas looked up the label {key}, not position {key}: use `.iloc[{key}]` for "
                "positions (or reset the index)."
            )
        if close:
            return f"The DataFrame has no column or label `{key}`. Did you mean {close}?"
        labels = f.get("keys") if f.get("keys") and len(f["keys"]) <= 80 else repr(key)
        if p.message.lstrip("\"'").startswith("None of ["):
            more = "" if labels == f.get("keys") else ", …"
            return (
                f"None of the labels asked for ({labels}{more}) is in the DataFrame: it is "
                "probably another frame than you think, or its columns were renamed; print "
                "`df.columns`."
            )
        return (
            f"The DataFrame has no column or label {labels}: print `df.columns` "
            "and check spelling, case and spaces."
        )
    if close:
        return f"There is no key `{key}`. Did you mean {close}?"
    return (
        f"There is no key {repr(key) if key else ''} here: print the available keys "
        "(`.keys()`) and check the spelling."
    )


HINTS: dict[str, Template] = {
    KEY_ERROR: missing_key_hint,
    MISSING_LABEL: missing_key_hint,
    FORMULA_COLUMN: missing_key_hint,
}
