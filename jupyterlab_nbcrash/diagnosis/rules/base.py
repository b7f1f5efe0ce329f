"""What a rule is, what it returns, and what a hint template is.

A rule is a small function ``(ParsedError) -> RuleMatch | None``. Most rules are "this exception
and/or this message pattern means this crash type", built with ``pattern_rule``; the few that need
more logic are plain functions given a ``rule_name`` with ``named``. A hint template is a function
``(ParsedError, facts) -> str | None`` that words the hint of the rule ids it is registered for in
its family's ``HINTS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..name_reads import followers
from ..traceback import ParsedError

try:  # Python >= 3.11
    import re._constants as _sre_constants
    import re._parser as _sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

_LITERAL = _sre_constants.LITERAL
_BRANCH = _sre_constants.BRANCH
_SUBPATTERN = _sre_constants.SUBPATTERN

Facts = Mapping[str, str]


@dataclass(frozen=True)
class RuleMatch:
    """A rule that fired: the crash type it decides and the specifics for the hint."""

    rule: str
    crash_type: str
    root_cause: str | None = None
    stage: str | None = None
    library: str | None = None
    ml_bug: bool | None = None
    confidence: float = 0.5
    facts: Facts = field(default_factory=dict, hash=False)  # a mapping is not hashable

    def __post_init__(self):
        # Read-only facts without empty values: a match is shared by the model features, the hint
        # and the evidence.
        facts = {str(k): str(v) for k, v in dict(self.facts).items() if v}
        object.__setattr__(self, "facts", MappingProxyType(facts))


Rule = Callable[[ParsedError], "RuleMatch | None"]
# A hint template: the parsed error and the match's facts -> the hint (None: use the generic one).
Template = Callable[[ParsedError, Facts], "str | None"]


def named(name: str, *emits: str) -> Callable[[Callable], Callable]:
    """Give a hand-written rule function its id ("family.name") and the rule ids its matches
    carry (``emits``; by default the id itself)."""

    def wrap(func: Callable) -> Callable:
        func.rule_name = name
        func.emits = emits or (name,)
        return func

    return wrap


def pattern_rule(
    name: str,
    crash_type: str,
    pattern: str | None = None,
    *,
    enames: Iterable[str] | None = None,
    confidence: float = 0.9,
    root_cause: str | None = None,
    stage: str | None = None,
    library: str | None = None,
    ml_bug: bool | None = None,
    flags: int = 0,
    facts: Callable[[ParsedError, re.Match | None], Mapping[str, str] | None] | None = None,
) -> Rule:
    """A rule that fires when the exception is one of ``enames`` (if given) and the message
    matches ``pattern`` (if given). ``facts`` turns the match into hint specifics; returning None
    from it vetoes the rule."""
    regex = re.compile(pattern, flags) if pattern else None
    wanted = frozenset(enames) if enames else None
    # Substrings one of which any match must contain: a fast `in` test skips most regex searches.
    needed = required_literals(pattern) if pattern and not flags & re.I else None

    def rule(parsed: ParsedError) -> RuleMatch | None:
        if wanted is not None and parsed.ename not in wanted:
            return None
        m = None
        if regex is not None:
            message = parsed.message
            if needed is not None:
                for literal in needed:  # a loop, not any(): this runs ~80 times a crash
                    if literal in message:
                        break
                else:
                    return None
            m = regex.search(message)
            if m is None:
                return None
        found = facts(parsed, m) if facts else {}
        if found is None:
            return None
        return RuleMatch(
            rule=name,
            crash_type=crash_type,
            root_cause=root_cause,
            stage=stage,
            library=library,
            ml_bug=ml_bug,
            confidence=confidence,
            facts=found,
        )

    rule.rule_name = name
    rule.emits = (name,)
    rule.enames = wanted  # matching_rules skips the rule for other exceptions
    rule.regex, rule.needed = regex, needed  # for tests of the prefilter
    return rule


def required_literals(pattern: str, minimum: int = 3) -> tuple[str, ...] | None:
    """Literal substrings, one of which every match of ``pattern`` contains; None when the
    pattern has a branch without a literal run of ``minimum`` characters (or cannot be read)."""
    try:
        found = _branch_literals(_sre_parser.parse(pattern), minimum)
    except Exception:  # the private parser differs between Python versions: just don't prefilter
        return None
    return tuple(sorted(found)) if found else None


def _branch_literals(seq, minimum: int) -> set[str] | None:
    """Required literals of a sequence: its longest literal run, else those of a required group."""
    best, run, groups = "", [], []
    for op, av in [*list(seq), (None, None)]:
        if op is _LITERAL:
            run.append(chr(av))
            continue
        if len(run) > len(best):
            best = "".join(run)
        run = []
        if op is _SUBPATTERN:
            groups.append(av[-1])
        elif op is _BRANCH:
            groups.append([(op, av)])
    if len(best) >= minimum:
        return {best}
    for group in groups:
        items = list(group)
        if len(items) == 1 and items[0][0] is _BRANCH:
            out: set[str] = set()
            for branch in items[0][1][1]:
                lits = _branch_literals(branch, minimum)
                if lits is None:
                    out = set()
                    break
                out |= lits
            if out:
                return out
        else:
            lits = _branch_literals(group, minimum)
            if lits:
                return lits
    return None


def group_facts(**names: str | int) -> Callable[[ParsedError, re.Match | None], dict[str, str]]:
    """Facts from named or numbered regex groups: ``group_facts(column="col", shape_a=1)``."""

    def get(parsed: ParsedError, m: re.Match | None) -> dict[str, str]:
        if m is None:
            return {}
        out = {}
        for key, group in names.items():
            try:
                value = m.group(group)
            except IndexError:  # the pattern has no such group
                value = None
            if value:
                out[key] = value.strip()
        return out

    return get


def user_calls(parsed: ParsedError, name: str) -> bool:
    """True when the failing user line calls ``name(...)``."""
    return bool(name) and "(" in followers(name, parsed.user_line)
