"""The hint a student reads, and the evidence it rests on.

``make_hint(parsed, labels, matches)`` picks the most specific template it can fill: the template
of the rule that fired (each family in ``rules/`` keeps its templates next to its rules, see
``rules.HINTS``), with the specifics the rule found (module, package, shapes, column, replacement
API, ...); failing that, a generic hint for the crash type, with what the parser found where it
helps. Each hint is one or two sentences. Notebook-cause hints (cell order, an earlier failing
cell) come from the notebook analysis, not from here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .rules import HINTS, RuleMatch
from .rules.imports import module_not_found_hint, package_for
from .rules.keys import missing_key_hint
from .rules.names import undefined_name_hint
from .traceback import ParsedError

# A rule's hint is used even when the model chose another crash type, if the rule was this sure.
TRUST_RULE = 0.8


def make_hint(
    parsed: ParsedError, labels: Mapping[str, str | None], matches: Sequence[RuleMatch] = ()
) -> tuple[str, list[str]]:
    """(hint, evidence) for a diagnosed crash; never raises. ``matches`` are the rules that fired
    on it, best first, as ``matching_rules`` returns them."""
    match = matches[0] if matches else None
    crash_type = labels.get("crash_type") or (match.crash_type if match else None) or "other"
    if match is None or (match.crash_type != crash_type and match.confidence < TRUST_RULE):
        # The model chose another crash type than this rule: a rule that agrees with the
        # label, if any fired, knows the specifics for the hint.
        match = next((m for m in matches if m.crash_type == crash_type), None) or match
    evidence = _evidence(parsed, match)
    hint = None
    if match is not None and (match.crash_type == crash_type or match.confidence >= TRUST_RULE):
        template = HINTS.get(match.rule)
        if template is not None:
            try:
                hint = template(parsed, match.facts)
            except Exception:  # pragma: no cover - a template bug must not break a diagnosis
                hint = None
    if not hint:
        hint = _generic_hint(parsed, crash_type)
    return " ".join(hint.split()), evidence


def _generic_hint(parsed: ParsedError, crash_type: str) -> str:
    """Generic hint for the crash type, with what the parser found where it helps."""
    if crash_type in ("variable_not_found", "name_error") and parsed.names:
        return undefined_name_hint(
            parsed,
            {"name": parsed.names[0]},
            "variable" if crash_type == "variable_not_found" else "function",
        )
    if crash_type == "key_error" and parsed.keys:
        return missing_key_hint(
            parsed,
            {
                "key": parsed.keys[0],
                "container": "DataFrame" if "pandas" in parsed.libraries else "dict",
            },
        )
    if crash_type == "module_not_found" and parsed.modules:
        module = parsed.modules[0]
        return module_not_found_hint(
            parsed,
            {"module": module, "top_module": module.split(".")[0], "package": package_for(module)},
        )
    if crash_type in ("tensor_shape_mismatch", "unsupported_broadcast") and len(parsed.shapes) >= 2:
        return (
            f"The shapes {parsed.shapes[0]} and {parsed.shapes[1]} do not fit together here: "
            "print the `.shape` of each input and reshape or transpose one of them."
        )
    return GENERIC.get(crash_type, GENERIC["other"])


# The generic hint of each crash type: when no rule fired, or the model chose another crash type
# than the rules (and none of them was sure).
GENERIC: dict[str, str] = {
    "variable_not_found": (
        "A name used in this cell has no value yet: run the cell that defines it first."
    ),
    "invalid_argument": (
        "A call got an argument it does not accept: check the names, values and types against "
        "the function's documentation."
    ),
    "io_error": (
        "A file could not be read or written: check the path, the file's format and its "
        "permissions."
    ),
    "module_not_found": (
        "A module is not installed: install it with `%pip install <package>` and restart the "
        "kernel."
    ),
    "attribute_error": (
        "The object has no such attribute: check the spelling, the object's type and your "
        "library version."
    ),
    "key_error": (
        "A key or column does not exist: print the available keys or `df.columns` and check "
        "the spelling."
    ),
    "value_error": (
        "A value has the right type but unacceptable content: print the inputs of the failing line."
    ),
    "tensor_shape_mismatch": (
        "Shapes do not fit together: print the `.shape` of every input of the failing line."
    ),
    "type_error": (
        "An object of the wrong type is used: print `type(...)` of the values in the failing line."
    ),
    "index_error": "An index is out of range: check the length or shape before indexing.",
    "name_error": "A function or class is not defined: run its definition or import it first.",
    "data_value_violation": (
        "The data's values may break the function's requirements: check for NaN or infinity, "
        "labels it has not seen, and the number of classes."
    ),
    "out_of_memory": (
        "Memory ran out: use less data at once (smaller batches or a sample) and restart the "
        "kernel."
    ),
    "environment_error": (
        "The environment is broken or mismatched: check the library versions and reinstall, "
        "then restart the kernel."
    ),
    "request_error": (
        "A network call failed: check the connection, the URL and your credentials, then retry."
    ),
    "unsupported_broadcast": (
        "Element-wise shapes cannot be broadcast: make the trailing dimensions equal or 1."
    ),
    "runtime_error": (
        "The library failed while running: read the last line of the message for the specific "
        "cause."
    ),
    # The three below are what the model may choose when no rule knows the message: say the
    # usual cause as a condition, so that an unrelated crash does not get a false statement.
    "feature_name_mismatch": (
        "If the model now gets other features than at fit time: give it the same columns, in the "
        "same order and with the same preprocessing as the training data."
    ),
    "model_initialization_error": (
        "If the model or a layer is used before it is built, compiled or fitted (or built twice "
        "by re-running a cell): run its cells in order, re-creating the model first."
    ),
    "other": "Read the last line of the error and check the marked line of the cell.",
}


def _deepest_library_frame(parsed: ParsedError):
    for frame in reversed(parsed.frames):
        if frame.library:
            return frame
    return None


def _evidence(parsed: ParsedError, match: RuleMatch | None) -> list[str]:
    lines: list[str] = []
    if match is not None:
        lines.append(f"rule {match.rule} fired (confidence {match.confidence:.2f})")
        facts = ", ".join(f"{k}={v}" for k, v in list(match.facts.items())[:4])
        if facts:
            lines.append(f"found: {facts[:200]}")
    head = parsed.message.strip().splitlines()[0] if parsed.message.strip() else ""
    lines.append(f"exception: {parsed.ename or 'unknown'}{': ' + head[:160] if head else ''}")
    frame = _deepest_library_frame(parsed)
    if frame is not None:
        where = f"{frame.function} " if frame.function else ""
        name = re.split(r"[\\/]", frame.filename)[-1]
        lines.append(f"raised inside {frame.library} ({where}in {name})")
    if parsed.user_line:
        lines.append(f"failing line: {parsed.user_line[:160]}")
    if parsed.chain:
        name, msg = parsed.chain[-1]
        first = msg.splitlines()[0][:120] if msg else ""
        lines.append(f"while handling: {name}{': ' + first if first else ''}")
    return lines


def template_count() -> int:
    """How many distinct hint templates exist (rule templates plus generic fallbacks)."""
    return len(set(HINTS.values())) + len(GENERIC)
