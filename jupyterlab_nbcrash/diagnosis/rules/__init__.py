"""Rules: what is certain from the error text, and the hints they feed, one module per family.

Each family module (``memory``, ``imports``, ... ``other``) declares its rule ids once, as
constants, and exports ``RULES`` (the matching functions), ``HINTS`` (rule id -> the template
that words the hint) and ``CATCH_ALL`` (the ids of its rules that fire on an exception class or a
message shape too broad to know the cause: their templates speak only after every other rule's,
and say nothing the message does not). Matching and wording stay separate functions: the rules
are also features of the text model, which reads their ids.

``matching_rules`` returns every rule that fires, most specific first (the model reads them as
features); ``apply_rules`` the best one. Rules decide ``crash_type``; they set ``root_cause``,
``stage``, ``library`` and ``ml_bug`` only where the text makes them certain.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import textwrap

from ..traceback import ParsedError
from . import (
    arguments,
    attributes,
    data_values,
    features,
    files,
    imports,
    indexes,
    keys,
    memory,
    models,
    names,
    network,
    other,
    runtime,
    shapes,
    types,
    values,
)
from .base import Rule, RuleMatch, Template
from .prefilter import LiteralIndex

# Specific families first: on equal confidence the earlier family wins.
FAMILIES = (
    memory,
    imports,
    files,
    network,
    shapes,
    features,
    data_values,
    models,
    runtime,
    arguments,
    names,
    keys,
    attributes,
    indexes,
    types,
    values,
    other,
)

RULES: tuple[Rule, ...] = tuple(rule for family in FAMILIES for rule in family.RULES)
# Every family's templates by rule id (tests check each id is its own family's and has a rule).
HINTS: dict[str, Template] = {
    rule_id: template for family in FAMILIES for rule_id, template in family.HINTS.items()
}

# Rules that fire on an exception class or a broad message shape: last in line for the hint.
CATCH_ALL: frozenset[str] = frozenset(
    rule_id for family in FAMILIES for rule_id in getattr(family, "CATCH_ALL", ())
)


# An exception that carries another one in its message: TensorFlow's py_func errors
# ("InvalidArgumentError: TypeError: ..."), PyTorch's DataLoader workers ("Caught TypeError in
# DataLoader worker process 0. Original Traceback ... TypeError: ..."), Keras's traced functions
# ("in user code: <frames> ValueError: Input 0 of layer ..."), Colab's MessageError, and
# TensorFlow's "Graph execution error:" (frames of the node, then the op's own message).
_EMBEDDED_HEAD = re.compile(r"^\s*([A-Za-z_][\w.]*(?:Error|Exception)): (.+)", re.S)
# The last line that starts an exception ("    ValueError: ..." inside "in user code:").
_EMBEDDED_LAST = re.compile(r"^[ \t]*([A-Za-z_][\w.]*(?:Error|Exception)): ", re.M)
_WRAPPERS = ("Traceback (most recent call last)", "Caught ", "in user code:")
# Keras wraps a layer's error in "Exception encountered when calling layer 'x' (type Y).\n\n"
# and appends the call's arguments: neither is the error.
_KERAS_LAYER_HEAD = re.compile(r"^Exception encountered when calling layer [^\n]*\n\s*")
_KERAS_CALL_ARGS = re.compile(r"\n\s*Call arguments received by layer.*", re.S)
# TensorFlow's graph errors: the op's message stands before "[[{{node ...}}]]", after the frames
# of the node's definition ("Node: 'name'" in TF 2.9-2.11); several root errors are numbered
# "(0) INVALID_ARGUMENT:  message".
_GRAPH_ERROR = "Graph execution error"
_GRAPH_NODE = re.compile(r"\s*\[\[\{?\{?node ")
_ROOT_ERROR = re.compile(r"^\s*\(\d+\)\s+[A-Z_]+:\s+")
# How much less certain a rule is when it judged the embedded error rather than the raised one.
EMBEDDED_DISCOUNT = 0.9


def embedded_error(parsed: ParsedError) -> ParsedError | None:
    """The error carried inside ``parsed``'s message, as a ParsedError, or None."""
    message = parsed.message
    m = _EMBEDDED_HEAD.match(message)
    if m is not None:
        name, rest = m.group(1), m.group(2)
    elif _GRAPH_ERROR in message[:200]:
        name, rest = parsed.ename, _graph_op_message(message)
    elif any(w in message for w in _WRAPPERS):
        found = list(_EMBEDDED_LAST.finditer(message))
        if not found:
            return None
        last = found[-1]
        name, rest = last.group(1), _inner_text(message, last)
    else:
        return None
    short = name.rsplit(".", 1)[-1]
    if not rest or (short == parsed.ename and rest.strip() == message.strip()):
        return None
    return dataclasses.replace(parsed, ename=short, qualified_ename="", message=rest.strip())


def _inner_text(message: str, start: re.Match) -> str:
    """The embedded error's message from ``start`` on: its lines dedented, without Keras's
    layer-call head and arguments."""
    first, _, more = message[start.end() :].partition("\n")
    text = first.strip() + ("\n" + textwrap.dedent(more) if more.strip() else "")
    text = _KERAS_CALL_ARGS.sub("", _KERAS_LAYER_HEAD.sub("", text.strip()))
    return text.strip()


def _graph_op_message(message: str) -> str:
    """The op's own message inside a TensorFlow "Graph execution error": the last line before
    the first "[[{{node ...}}]]" marker (without a "(0) INVALID_ARGUMENT:" prefix)."""
    parts = _GRAPH_NODE.split(message, maxsplit=1)
    lines = [ln for ln in parts[0].splitlines() if ln.strip()]
    if len(parts) < 2 or len(lines) < 2:  # no marker (a cut message): the frames may end it
        return ""
    return _ROOT_ERROR.sub("", lines[-1]).strip()


@functools.lru_cache(maxsize=256)  # keyed by the exception's name, which comes from user data
def _candidates(ename: str) -> tuple[tuple[Rule, tuple[str, ...] | None], ...]:
    """The rules that may fire on an exception called ``ename``, in ``RULES`` order: all but the
    pattern rules made for other exceptions (they would return None at once, but a crash would
    still call some 50 of them). Each with its message prefilter (``pattern_rule``'s literals,
    one of which a match contains; None for rules without one)."""
    return tuple(
        (rule, getattr(rule, "needed", None))
        for rule in RULES
        if getattr(rule, "enames", None) is None or ename in rule.enames
    )


# Every pattern rule's prefilter in one matcher, by index in RULES; built at import, like the
# rules' own regexes.
_LITERALS = LiteralIndex([getattr(rule, "needed", None) for rule in RULES])


@functools.lru_cache(maxsize=256)  # keyed by the exception's name, like _candidates
def _plan(ename: str) -> tuple[tuple[int, ...], frozenset[int]]:
    """The indices in ``RULES`` of ``_candidates(ename)``: those always called (no prefilter)
    and those called only when the message passes their prefilter."""
    always, gated = [], set()
    wanted = {id(rule) for rule, _ in _candidates(ename)}
    for i, rule in enumerate(RULES):
        if id(rule) not in wanted:
            continue
        if getattr(rule, "needed", None) is None:
            always.append(i)
        else:
            gated.add(i)
    return tuple(always), frozenset(gated)


def _fire(parsed: ParsedError) -> list[RuleMatch]:
    found: list[RuleMatch] = []
    always, gated = _plan(parsed.ename)
    # The rules' own first test, done once for all of them: most of the ≈85 candidates of a
    # crash are never called. Sorted indices keep RULES order (the family order of ties).
    passing = _LITERALS.passing(parsed.message) & gated
    for i in sorted((*always, *passing)) if passing else always:
        try:
            match = RULES[i](parsed)
        except Exception:  # pragma: no cover - a rule bug must not take a diagnosis down
            continue
        if match is not None:
            found.append(match)
    return found


def matching_rules(parsed: ParsedError) -> list[RuleMatch]:
    """All rules that fire on ``parsed`` (or on an error embedded in its message), most
    confident (and most specific) first."""
    found = _fire(parsed)
    inner = embedded_error(parsed)
    if inner is not None:
        fired = {m.rule for m in found}
        for m in _fire(inner):
            if m.rule not in fired:
                conf = round(m.confidence * EMBEDDED_DISCOUNT, 3)
                found.append(dataclasses.replace(m, confidence=conf))
    # sorted() is stable: among equal confidences the family order above decides.
    return sorted(found, key=lambda m: -m.confidence)


def apply_rules(parsed: ParsedError) -> RuleMatch | None:
    """The best rule that fires, or None."""
    found = matching_rules(parsed)
    return found[0] if found else None


def rule_names() -> list[str]:
    """Every rule id a match can carry, for documentation and the model's feature vocabulary."""
    return [name for rule in RULES for name in rule.emits]


__all__ = [
    "FAMILIES",
    "HINTS",
    "RULES",
    "RuleMatch",
    "Template",
    "apply_rules",
    "embedded_error",
    "matching_rules",
    "rule_names",
]
