"""NameError: a function or class that is not defined (name_error) versus a variable used as a
value (variable_not_found). The user's failing line tells the two apart: ``f(`` is a call."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named, user_calls
from .known_imports import ALIASES, LIBRARY_NAMES

_NAME = re.compile(r"name '([^']+)' is not defined")
_FREE = re.compile(
    r"(?:local variable|free variable|cannot access (?:local|free) variable) '(\w+)'"
    r".*(?:referenced before assignment|not associated with a value)"
)
# Python 2 builtins that no longer exist: a NameError on them is a version problem.
PY2_BUILTINS = {
    "xrange": "range",
    "raw_input": "input",
    "unicode": "str",
    "basestring": "str",
    "long": "int",
    "unichr": "chr",
    "reduce": "functools.reduce (from functools import reduce)",
    "reload": "importlib.reload (from importlib import reload)",
    "execfile": "exec(open(path).read())",
    "file": "open",
    "cmp": "(a > b) - (a < b)",
    "izip": "zip",
}


def is_class_name(name: str) -> bool:
    # CamelCase with a lower-case letter: a class (Dense, StratifiedKFold); ALL_CAPS is a constant.
    return name[:1].isupper() and any(c.islower() for c in name)


@named("names.undefined", *(f"names.undefined_{k}" for k in ("variable", "function", "class")))
def undefined(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "NameError":
        return None
    m = _NAME.search(parsed.message)
    if m is None:
        return None
    name = m.group(1)
    if name in ALIASES:
        return None  # imports.alias_not_imported
    facts = {"name": name}
    if name in PY2_BUILTINS:
        facts["replacement"] = PY2_BUILTINS[name]
    called = user_calls(parsed, name)
    if name in LIBRARY_NAMES and not called:
        # A library's function or class (train_test_split, StandardScaler) used before import.
        kind, ctype, confidence = (
            "class" if is_class_name(name) else "function",
            "name_error",
            0.8,
        )
    elif called or (not parsed.user_line and is_class_name(name)):
        kind, ctype = ("class" if is_class_name(name) else "function"), "name_error"
        confidence = 0.85 if called else 0.6
    elif is_class_name(name) and re.search(rf"\b{re.escape(name)}\s*\(", parsed.user_code):
        kind, ctype, confidence = "class", "name_error", 0.7
    else:
        kind, ctype = "variable", "variable_not_found"
        confidence = 0.9 if parsed.user_line else 0.75
    facts["kind"] = kind
    return RuleMatch(
        rule=f"names.undefined_{kind}",
        crash_type=ctype,
        library="none",
        confidence=confidence,
        facts=facts,
    )


@named("names.unbound_local")
def unbound_local(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("UnboundLocalError", "NameError"):
        return None
    m = _FREE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule="names.unbound_local",
        crash_type="variable_not_found",
        root_cause="implementation_error",
        library="none",
        confidence=0.9,
        facts={"name": m.group(1)},
    )


RULES = (undefined, unbound_local)
