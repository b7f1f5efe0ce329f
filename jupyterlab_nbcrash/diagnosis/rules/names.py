"""NameError: a function or class that is not defined (name_error) versus a variable used as a
value (variable_not_found). The user's failing line tells the two apart: ``f(`` is a call."""

from __future__ import annotations

import difflib
import re

from ..text import CLOSE, as_code, possibly_close, suggest
from ..traceback import ParsedError
from .base import Facts, RuleMatch, Template, named, user_calls
from .tables.known_imports import ALIASES, LIBRARY_NAMES, import_for

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
UNDEFINED_VARIABLE = "names.undefined_variable"
UNDEFINED_FUNCTION = "names.undefined_function"
UNDEFINED_CLASS = "names.undefined_class"
UNBOUND_LOCAL = "names.unbound_local"
_UNDEFINED = {
    "variable": UNDEFINED_VARIABLE,
    "function": UNDEFINED_FUNCTION,
    "class": UNDEFINED_CLASS,
}

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


@named("names.undefined", *_UNDEFINED.values())
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
        rule=_UNDEFINED[kind],
        crash_type=ctype,
        library="none",
        confidence=confidence,
        facts=facts,
    )


@named(UNBOUND_LOCAL)
def unbound_local(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("UnboundLocalError", "NameError"):
        return None
    m = _FREE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=UNBOUND_LOCAL,
        crash_type="variable_not_found",
        root_cause="implementation_error",
        library="none",
        confidence=0.9,
        facts={"name": m.group(1)},
    )


RULES = (undefined, unbound_local)


# ----------------------------------------------------------- hints: the words the user reads


_ASSIGNED = re.compile(r"^\s*([A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)*(?:=[^=]|\+=|-=)", re.M)
_DEFINED = re.compile(
    r"^\s*(?:def|class)\s+([A-Za-z_]\w*)|\bas\s+([A-Za-z_]\w*)|\bfor\s+(\w+)\s+in", re.M
)
_IDENTS = re.compile(r"\b[A-Za-z_]\w*\b")


def _code_names(parsed: ParsedError, callables: bool = False) -> list[str]:
    """Names the user's code defines or uses; only called/defined ones when ``callables``.

    A name that the failing line only uses (``y_train`` in ``fit(X_train, y_train)``) is no
    candidate: the user wrote both on purpose, and it may be just as undefined."""
    code = parsed.user_code[:50_000]
    if callables:
        names = re.findall(r"^\s*(?:def|class)\s+([A-Za-z_]\w*)", code, re.M)
        names += re.findall(r"(?<![\w.])([A-Za-z_]\w*)\s*\(", code)
        return names + list(LIBRARY_NAMES)
    names = list(_ASSIGNED.findall(code))
    for groups in _DEFINED.findall(code):
        names.extend(g for g in groups if g)
    failing = parsed.user_line.strip()
    for line in code.splitlines():
        if not failing or line.strip() != failing:
            names.extend(_IDENTS.findall(line))
    return names


_NAME_TOKENS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _is_misspelling(name: str, other: str) -> bool:
    """True when ``other`` looks like ``name`` mistyped, not a sibling variable of the same
    family (``count1``/``count2``, ``d_optimizer``/``g_optimizer``, ``df18``/``df18b``) and not
    the class an instance is named after (``model``/``Model``)."""
    if name.lower().replace("_", "") == other.lower().replace("_", ""):
        return not (name.islower() and is_class_name(other))
    a = [t.lower() for t in _NAME_TOKENS.findall(name)]
    b = [t.lower() for t in _NAME_TOKENS.findall(other)]
    if a == b:
        return True  # only case or underscores differ
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            return False  # a whole word added or dropped
        x, y = a[i1], b[j1]
        if x.isdigit() or y.isdigit() or min(len(x), len(y)) < 3:
            return False  # another number or letter of a family
        if (x in y or y in x) and abs(len(x) - len(y)) > 1:
            return False  # a prefix or suffix word: noncore vs core
        if difflib.SequenceMatcher(None, x, y).ratio() < CLOSE:
            return False
    return True


def missing_import_hint(name: str, statement: str, suggestion: str = "") -> str:
    """The one wording of a forgotten import, for these hints and the notebook analysis (which
    adds a close name some cell defines, when the name may as well be a typo of it)."""
    hint = f"`{name}` must be imported before use: add `{statement}` and run it"
    return hint + (f", or did you mean `{suggestion}`?" if suggestion else ".")


def undefined_name_hint(p: ParsedError, f: Facts, what: str) -> str:
    """The hint of an undefined name used as a ``what`` (variable, function or class): its
    import, a Python 3 replacement, a close name of the user's code, or where to define it."""
    name = f.get("name", "")
    if f.get("replacement"):
        return f"`{name}` is Python 2; in Python 3 use {as_code(f['replacement'])}."
    statement = import_for(name, p.user_line or p.user_code)
    if statement:
        return missing_import_hint(name, statement)
    did = re.search(r"Did you mean:? '?(\w+)'?", p.message)
    if did:
        suggestion = f"`{did.group(1)}`"
    else:
        # Only names that close_matches could return at all are weighed as misspellings: a big
        # cell has thousands of identifiers, and this runs on every NameError.
        candidates = [
            c
            for c in possibly_close(name, _code_names(p, callables=what != "variable"))
            if _is_misspelling(name, c)
        ]
        suggestion = suggest(name, candidates)
    if suggestion:
        todo = "assigns" if what == "variable" else "defines or imports"
        return (
            f"`{name}` has no value in this kernel. Did you mean {suggestion}? If not, run the "
            f"cell that {todo} it first."
        )
    if what == "variable":
        return (
            f"`{name}` has no value in this kernel: run the cell that assigns it first (and check "
            "that cell did not fail), or check its spelling."
        )
    return (
        f"The {what} `{name}` is not defined: run the cell with its definition or import it, and "
        "check the spelling."
    )


def _undefined_variable(p, f):
    return undefined_name_hint(p, f, "variable")


def _undefined_function(p, f):
    return undefined_name_hint(p, f, "function")


def _undefined_class(p, f):
    return undefined_name_hint(p, f, "class")


def _read_before_assignment(p, f):
    return (
        f"`{f.get('name')}` is assigned inside the function, so Python treats it as local there, "
        "but it is read before that line: pass it in as an argument (or declare it `global`)."
    )


HINTS: dict[str, Template] = {
    UNDEFINED_VARIABLE: _undefined_variable,
    UNDEFINED_FUNCTION: _undefined_function,
    UNDEFINED_CLASS: _undefined_class,
    UNBOUND_LOCAL: _read_before_assignment,
}
