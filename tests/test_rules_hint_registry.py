"""Each rule family's matching and words live together: its module exports RULES and HINTS, every
rule id has a template there, every template belongs to a rule of that family, and each rule id is
typed once in the package."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import jupyterlab_nbcrash
from jupyterlab_nbcrash.diagnosis import rules
from jupyterlab_nbcrash.diagnosis.rules import FAMILIES, HINTS, RULES, rule_names

PACKAGE = Path(jupyterlab_nbcrash.__file__).resolve().parent
RULES_DIR = Path(rules.__file__).resolve().parent

# Rule ids without a template of their own, each with the reason the safe hint of the exception's
# family is the right hint for it.
USES_GENERIC_TEXT: dict[str, str] = {
    "arguments.library_rejected_type": "any TypeError raised inside a library: cause unknown",
    "arguments.library_rejected_value": "any ValueError raised inside a library: cause unknown",
    "values.value_error": "any ValueError: cause unknown",
    "arguments.invalid_argument_generic": "'invalid value', 'must be one of' and the like, in "
    "any library's message (CUDA's 'invalid argument' too): the safe hint quotes the allowed "
    "values and the user's argument the message names",
}


def _family(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def test_every_family_module_is_registered():
    """A module of rules/ that declares rules or templates is a registered family; the others are
    a family's helpers (reading a message, building its words) and declare neither."""
    modules = {p.stem for p in RULES_DIR.glob("*.py")} - {"__init__", "base"}
    declaring = {
        stem
        for stem in modules
        if {"RULES", "HINTS", "CATCH_ALL"}
        & set(vars(importlib.import_module(f"{rules.__name__}.{stem}")))
    }
    assert sorted(declaring) == sorted(_family(f) for f in FAMILIES)
    assert modules - declaring, "helper modules were expected (imports' install wording at least)"


def test_every_rule_id_has_a_template_or_a_reason():
    ids = rule_names()
    assert len(ids) == len(set(ids)) > 100
    without = sorted(set(ids) - set(HINTS))
    assert without == sorted(USES_GENERIC_TEXT), without
    assert all(USES_GENERIC_TEXT.values())  # a reason for each
    assert set(USES_GENERIC_TEXT) <= rules.CATCH_ALL  # only rules that cannot know the cause


def test_every_template_belongs_to_a_rule():
    assert sorted(set(HINTS) - set(rule_names())) == []


@pytest.mark.parametrize("family", FAMILIES, ids=_family)
def test_a_family_words_its_own_rules_only(family):
    name = _family(family)
    emitted = [rule_id for rule in family.RULES for rule_id in rule.emits]
    assert emitted and all(rule_id.startswith(f"{name}.") for rule_id in emitted), emitted
    assert family.HINTS
    for rule_id, template in family.HINTS.items():
        assert rule_id in emitted, f"{rule_id}'s template is in {name}.py, its rule is not"
        assert template.__module__ == family.__name__, f"{rule_id}: {template.__module__}"


def test_the_registry_is_the_families_tables():
    assert sum(len(f.HINTS) for f in FAMILIES) == len(HINTS)
    assert sum(len(f.RULES) for f in FAMILIES) == len(RULES)


def test_each_rule_id_is_typed_once_in_the_package():
    sources = "\n".join(p.read_text() for p in sorted(PACKAGE.rglob("*.py")))
    typed = {
        rule_id: len(re.findall(rf"[\"']{re.escape(rule_id)}[\"']", sources))
        for rule_id in rule_names()
    }
    assert {rule_id: n for rule_id, n in typed.items() if n != 1} == {}
