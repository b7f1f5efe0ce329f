"""Validation errors of parameter-checking libraries (botocore's "Parameter validation failed",
pydantic's "validation error for Model"), read into the hint's words."""

from __future__ import annotations

import re


def pydantic_words(lines: list[str]) -> str:
    """pydantic's "1 validation error for Model / field / Value error, …": the model, the field
    and what it said."""
    head = next(
        (i for i, ln in enumerate(lines) if re.search(r"validation errors? for \w+", ln)), -1
    )
    if head < 0 or head + 1 >= len(lines):
        return ""
    model = re.search(r"validation errors? for (\w+)", lines[head]).group(1)
    field, said = "", lines[head + 1]
    if re.fullmatch(r"[\w.\[\]]+", said) and head + 2 < len(lines):
        field, said = f" `{said}`", lines[head + 2]
    said = re.sub(r"^Value error, |\s*\[type=.*$", "", said).strip()
    said = said if len(said) <= 150 else said[:149] + "…"
    return f"`{model}` rejected its parameter{field}: {said.rstrip('.')}."


def parameter_validation_words(line: str) -> str:
    """botocore's detail line under "Parameter validation failed:" (the parameter, and the type
    it got and the ones it accepts, or that it is missing or unknown) as a hint, or ""."""
    m = re.match(
        r"(Invalid type|Invalid length|Missing required|Unknown) (?:for )?parameter"
        r"(?: in input)?:? \"?(\w+)",
        line,
    )
    valid = re.search(r"type: <class '(\w+)'>, valid types: (.+)$", line)
    if m and valid:
        allowed = ", ".join(re.findall(r"<class '(\w+)'>", valid.group(2)))
        fix = (
            "pass the one field you need, not the whole dict"
            if valid.group(1) == "dict"
            else "convert the value first"
        )
        return (
            f"The parameter `{m.group(2)}` got a `{valid.group(1)}`, but accepts {allowed}: {fix}."
        )
    if m:
        what = {"Missing required": "is required but missing", "Unknown": "is not known"}
        return (
            f"The parameter `{m.group(2)}` {what.get(m.group(1), 'has an invalid value')}: "
            "check the parameter names and types in the service's API documentation."
        )
    return ""
