"""The rules' literal prefilters in one matcher (``rules.prefilter``): the same rules pass as
with each rule's own ``in`` tests, also where literals overlap or one starts another."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash.diagnosis.rules import RULES
from jupyterlab_nbcrash.diagnosis.rules.prefilter import LiteralIndex

# Literals that overlap, nest and share prefixes, and a rule without a prefilter.
TRICKY = [("abc",), ("bcd", "xyz"), ("ab",), ("abcd e",), None, ("cde", "abc"), ("b.c",)]
RULE_NEEDED = [getattr(rule, "needed", None) for rule in RULES]
REAL_LITERALS = sorted({lit for needed in RULE_NEEDED for lit in needed or ()})


def one_by_one(needed, message):
    return {i for i, lits in enumerate(needed) if lits and any(lit in message for lit in lits)}


@pytest.mark.parametrize("key_length", [1, 2, 8])
def test_overlapping_and_nested_literals(key_length):
    # Short keys: many rules found by their key alone, whose whole literal is not there.
    index = LiteralIndex(TRICKY, key_length)
    for message in ["abcde", "abcd e", "xabcdx", "ab", "b.c", "bxc", "", "zzabcd ezz", "xyz"]:
        assert index.passing(message) == one_by_one(TRICKY, message), message


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", " ", ".", "x", "y", "z"]), max_size=12))
def test_tricky_literals_on_any_text(chars):
    message = "".join(chars)
    for key_length in (2, 8):
        assert LiteralIndex(TRICKY, key_length).passing(message) == one_by_one(TRICKY, message)


REAL_INDEX = LiteralIndex(RULE_NEEDED)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(REAL_LITERALS),
            # a literal cut at either end: a near miss, or the start of a longer one
            st.sampled_from(REAL_LITERALS).map(lambda s: s[1:]),
            st.sampled_from(REAL_LITERALS).map(lambda s: s[:-1]),
            st.text(max_size=4),
        ),
        max_size=8,
    )
)
def test_rules_literals_on_mixed_text(parts):
    message = "".join(parts)
    assert REAL_INDEX.passing(message) == one_by_one(RULE_NEEDED, message)
