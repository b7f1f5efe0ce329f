"""IndexError and friends: an index out of range (1-d or n-d) or an unusable indexer."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import Facts, Template, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
ZERO_DIM_TENSOR = "indexes.zero_dim_tensor"
EMBEDDING_INDEX = "indexes.embedding_index"
TF_GATHER = "indexes.tf_gather"
ILOC_OUT_OF_BOUNDS = "indexes.iloc_out_of_bounds"
OUT_OF_RANGE = "indexes.out_of_range"
INDEX_ERROR = "indexes.index_error"
BAD_INDICES_TYPE = "indexes.bad_indices_type"


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
        ZERO_DIM_TENSOR,
        "index_error",
        r"invalid index of a 0-dim tensor",
        library="torch",
        confidence=0.95,
        facts=lambda p, m: {"fix": "tensor.item()"},
    ),
    pattern_rule(
        EMBEDDING_INDEX,
        "index_error",
        r"index out of range in self",
        library="torch",
        confidence=0.9,
        facts=lambda p, m: {"op": "embedding"},
    ),
    pattern_rule(
        TF_GATHER,
        "index_error",
        r"indices\[[\d,]+\] = -?\d+ is not in \[\d+, \d+\)",
        library="tensorflow",
        confidence=0.9,
        facts=lambda p, m: {"op": "embedding"},
    ),
    pattern_rule(
        ILOC_OUT_OF_BOUNDS,
        "index_error",
        r"single positional indexer is out-of-bounds|positional indexers are out-of-bounds",
        library="pandas",
        confidence=0.95,
        facts=_index_facts,
    ),
    pattern_rule(
        OUT_OF_RANGE,
        "index_error",
        r"index (?:-?\d+ )?(?:is )?out of (?:range|bounds)|too many indices for"
        r"|invalid index to scalar variable|arrays used as indices must be of integer"
        r"|Too many indexers|Unalignable boolean|out of range|boolean index did not match",
        enames={"IndexError", "IndexingError"},
        confidence=0.95,
        facts=_index_facts,
    ),
    pattern_rule(
        INDEX_ERROR,
        "index_error",
        enames={"IndexError", "IndexingError"},
        confidence=0.9,
        facts=_index_facts,
    ),
    pattern_rule(
        BAD_INDICES_TYPE,
        "index_error",
        r"(?:string|slice|list|tuple) indices must be integers",
        enames={"TypeError"},
        confidence=0.5,
        facts=lambda p, m: {"detail": m.group(0)},
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _embedding_input_dim_too_small(p, f):
    return (
        "A token id is not below the Embedding's `input_dim`: set `input_dim` to the vocabulary "
        "size (largest id + 1)."
    )


def _indexing_a_scalar_tensor(p, f):
    return (
        "The tensor is a scalar (0-dim): use `tensor.item()` instead of `tensor[0]` or `.data[0]`."
    )


def _embedding_id_too_large(p, f):
    return (
        "A token id is not below the embedding's `num_embeddings`: make it at least the "
        "vocabulary size (largest id + 1) and check the padding index."
    )


def _iloc_position_missing(p, f):
    return (
        "`.iloc` asks for a row or column position that does not exist (the frame may be empty "
        "after a filter): check `len(df)` / `df.shape` first."
    )


def _index_out_of_range(p, f):
    if "boolean index did not match" in p.message or "Unalignable boolean" in p.message:
        return (
            "The boolean mask has another length than the array it selects from: build the mask "
            "from the same array (or the same filtered rows)."
        )
    if "index out of range in self" in p.message:
        return _embedding_id_too_large(p, f)
    if "invalid index to scalar variable" in p.message:
        return (
            "A single number (a NumPy scalar) is indexed with `[...]`: the variable holds one "
            "value, not an array; drop the index or check what the loop gives you."
        )
    if "Too many indexers" in p.message:
        return (
            "More positions than the object's dimensions are given (e.g. `s.iloc[i, j]` on a "
            "Series, which has one): use one index per dimension, or select the column first."
        )
    if "must be of integer (or boolean) type" in p.message:
        return "An array of floats is used as an index: convert it with `idx.astype(int)`."
    if "too many indices" in p.message:
        return (
            "The array has fewer dimensions than the indices used (e.g. `a[i, j]` on a 1-D "
            "array): check `a.ndim` / `a.shape`."
        )
    if f.get("size") == "0":
        return (
            f"The array is empty (size 0 along axis {f.get('axis', '0')}): the filter or loading "
            "step before returned no rows; check it before indexing."
        )
    if f.get("size"):
        return (
            f"Index {f.get('index')} is past the end of axis {f.get('axis')} (size {f['size']}): "
            "valid indices run from 0 to size-1; check loop bounds."
        )
    container = f.get("container", "sequence")
    return (
        f"The code reads past the end of a {container}: check its length with `len(...)` and the "
        "loop's range (indices run from 0 to len-1)."
    )


def non_integer_index_hint(p: ParsedError, f: Facts) -> str:
    """The hint of a container indexed with a non-integer (``types.type_error`` words it too)."""
    m = re.search(
        r"(string|slice|list|tuple) indices must be integers.*?(?:not '?(\w+)'?)?$", p.message
    )
    kind, got = (m.group(1), m.group(2)) if m else ("list", None)
    if kind == "slice":
        return (
            "A slice bound is not a whole number (`a[x:y]` with a float or None-like value): "
            "convert it with `int(...)` or use `//` for division."
        )
    if kind == "string" or got == "str":
        what = "a string" if kind == "string" else f"a {kind}"
        return (
            f"{what[0].upper()}{what[1:]} is indexed by name, like a dict or DataFrame: the "
            "variable holds another type than you think; print it, or use an integer position."
        )
    return (
        f"A {kind} is indexed with a non-integer: use an integer position (`int(...)`), or a "
        "dict / DataFrame if you meant to look up by name."
    )


HINTS: dict[str, Template] = {
    TF_GATHER: _embedding_input_dim_too_small,
    ZERO_DIM_TENSOR: _indexing_a_scalar_tensor,
    EMBEDDING_INDEX: _embedding_id_too_large,
    ILOC_OUT_OF_BOUNDS: _iloc_position_missing,
    OUT_OF_RANGE: _index_out_of_range,
    INDEX_ERROR: _index_out_of_range,
    BAD_INDICES_TYPE: non_integer_index_hint,
}
