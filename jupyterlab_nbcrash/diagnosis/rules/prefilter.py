"""The pattern rules' literal prefilters as one matcher over the message.

Each pattern rule carries literals one of which any match of its regex contains (``needed``,
see ``base.required_literals``). Testing them rule by rule cost a crash a few hundred ``in``
tests and as many loop steps for ≈85 candidate rules; a few searches of one trie-shaped regex
over the literals' first characters find the few rules that may fire.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter

# Literals are searched by their first characters (the trie's keys), then tested whole for the
# few rules whose key is found: the regex of whole literals (≈8,500 characters) cost ≈180 M
# instructions to compile at import, this one ≈80 M, for ≈0.02 M more a crash.
KEY_LENGTH = 8


class LiteralIndex:
    """Which of a sequence of rules' prefilters a message passes: ``passing(message)`` is the
    set of the indices ``i`` with ``needed[i]`` not None and one of its literals in the message
    (the same as ``any(lit in message for lit in needed[i])``)."""

    def __init__(self, needed: Sequence[tuple[str, ...] | None], key_length: int = KEY_LENGTH):
        self._needed = needed
        by_key: dict[str, set[int]] = {}
        for i, literals in enumerate(needed):
            for literal in literals or ():
                by_key.setdefault(literal[:key_length], set()).add(i)
        # The trie's search reports the longest key that starts at a position; every other
        # key starting there is one of its prefixes, so a found key stands for itself and its
        # prefixes (``_rules_of``). Keys that start inside a found one are found by the next
        # search, one position on.
        self._regex = re.compile(_trie_pattern(by_key)) if by_key else None
        self._rules_of = {
            found: frozenset(
                i for end in range(1, len(found) + 1) for i in by_key.get(found[:end], ())
            )
            for found in by_key
        }

    def passing(self, message: str) -> set[int]:
        out: set[int] = set()
        if self._regex is None:
            return out
        search, rules_of, seen = self._regex.search, self._rules_of, set()
        m = search(message)
        while m is not None:
            found = m.group()
            if found not in seen:
                seen.add(found)
                out |= rules_of[found]
            m = search(message, m.start() + 1)
        # A key is a literal's start: the rules whose key is in the message, and whose whole
        # literal is too.
        needed = self._needed
        return {i for i in out if any(literal in message for literal in needed[i])}


def _trie_pattern(literals: Iterable[str]) -> str:
    """A regex matching the longest of ``literals`` that starts at a position, written as a
    trie: a plain alternation makes the engine try every literal at every position (slower
    than the ``in`` tests it replaces); a trie tries one branch per character."""
    rest = sorted(literals)
    ends = bool(rest) and rest[0] == ""  # one literal ends here ("" sorts first)
    branches = []
    for _, group in itertools.groupby(rest[ends:], key=itemgetter(0)):
        words = list(group)
        # The run they share (characters, not path parts): one literal string, no branches.
        common = os.path.commonprefix(words)  # noqa: RUF071
        branches.append(re.escape(common) + _trie_pattern([w[len(common) :] for w in words]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer literal is tried first, the one ending here is the fallback.
    return f"(?:{body})?" if ends else body
