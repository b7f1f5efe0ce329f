"""Rules: what is certain from the error text, one small module per exception family.

``matching_rules`` returns every rule that fires, most specific first (the model reads them as
features); ``apply_rules`` the best one. Rules decide ``crash_type``; they set ``root_cause``,
``stage``, ``library`` and ``ml_bug`` only where the text makes them certain.
"""

from __future__ import annotations

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
from .base import Rule, RuleMatch

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


def matching_rules(parsed: ParsedError) -> list[RuleMatch]:
    """All rules that fire on ``parsed``, most confident (and most specific) first."""
    found: list[RuleMatch] = []
    for rule in RULES:
        try:
            match = rule(parsed)
        except Exception:  # pragma: no cover - a rule bug must not take a diagnosis down
            continue
        if match is not None:
            found.append(match)
    # sorted() is stable: among equal confidences the family order above decides.
    return sorted(found, key=lambda m: -m.confidence)


def apply_rules(parsed: ParsedError) -> RuleMatch | None:
    """The best rule that fires, or None."""
    found = matching_rules(parsed)
    return found[0] if found else None


def rule_names() -> list[str]:
    """Ids of all rules, for documentation and the model's feature vocabulary."""
    return [getattr(rule, "rule_name", repr(rule)) for rule in RULES]


__all__ = ["RULES", "RuleMatch", "apply_rules", "matching_rules", "rule_names"]
