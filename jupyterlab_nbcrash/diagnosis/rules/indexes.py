"""IndexError and friends: an index out of range (1-d or n-d) or an unusable indexer."""

from __future__ import annotations

import re

from .base import pattern_rule


def _index_facts(parsed, m):
    facts = {}
    axis = re.search(
        r"index (-?\d+) is out of bounds for (?:axis|dimension) (\d+) with size (\d+)",
        parsed.message,
    )
    if axis:
        facts.update(index=axis.group(1), axis=axis.group(2), size=axis.group(3))
    kind = re.search(r"\b(list|tuple|string|str) index out of range", parsed.message)
    if kind:
        facts["container"] = kind.group(1)
    return facts


RULES = (
    pattern_rule(
        "indexes.zero_dim_tensor",
        "index_error",
        r"invalid index of a 0-dim tensor",
        library="torch",
        confidence=0.95,
        facts=lambda p, m: {"fix": "tensor.item()"},
    ),
    pattern_rule(
        "indexes.embedding_index",
        "index_error",
        r"index out of range in self",
        library="torch",
        confidence=0.9,
        facts=lambda p, m: {"op": "embedding"},
    ),
    pattern_rule(
        "indexes.tf_gather",
        "index_error",
        r"indices\[[\d,]+\] = -?\d+ is not in \[\d+, \d+\)",
        library="tensorflow",
        confidence=0.9,
        facts=lambda p, m: {"op": "embedding"},
    ),
    pattern_rule(
        "indexes.iloc_out_of_bounds",
        "index_error",
        r"single positional indexer is out-of-bounds|positional indexers are out-of-bounds",
        library="pandas",
        confidence=0.95,
        facts=_index_facts,
    ),
    pattern_rule(
        "indexes.out_of_range",
        "index_error",
        r"index (?:-?\d+ )?(?:is )?out of (?:range|bounds)|too many indices for"
        r"|invalid index to scalar variable|arrays used as indices must be of integer"
        r"|Too many indexers|Unalignable boolean|out of range|boolean index did not match",
        enames={"IndexError", "IndexingError"},
        confidence=0.95,
        facts=_index_facts,
    ),
    pattern_rule(
        "indexes.index_error",
        "index_error",
        enames={"IndexError", "IndexingError"},
        confidence=0.9,
        facts=_index_facts,
    ),
    pattern_rule(
        "indexes.bad_indices_type",
        "index_error",
        r"(?:string|slice|list|tuple) indices must be integers",
        enames={"TypeError"},
        confidence=0.5,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
)
