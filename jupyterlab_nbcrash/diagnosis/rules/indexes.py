"""IndexError and friends: an index out of range (1-d or n-d) or an unusable indexer."""

from __future__ import annotations

import re

from ..definitions import seen_code
from ..name_reads import has_word
from ..shape_text import call_kind
from ..split_unpacking import misordered_unpacking
from ..text import expression_before
from ..traceback import ParsedError
from ..where import (
    call_arguments,
    code_only,
    own_lines,
    raised_by_the_line,
    raised_in_user_code,
)
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
    """When: the gather is an embedding's (its node or a frame says so; a plain `tf.gather` has
    no `input_dim`). A model that predicts or evaluates after a fit or a load in the code seen
    was trained with its `input_dim`: then the data's encoding is what to change, not the
    layer."""
    if not _embedding_lookup(p):
        return None
    m = re.search(r"indices\[[\d,]+\] = (-?\d+) is not in \[0, (\d+)\)", p.message)
    if m and int(m.group(1)) < 0:
        return (
            f"A token id is negative ({m.group(1)}): an embedding takes ids from 0 to "
            f"{int(m.group(2)) - 1}; map unknown or padding tokens to a valid id (e.g. 0)."
        )
    code = seen_code(p)[0]
    categories = _CATEGORY_IDS.search(code) and not _TEXT_IDS.search(code)
    if m and call_kind(p) == "predict" and _TRAINED.search(code) and categories:
        # ids of categories (a label encoder's), not of words: no vocabulary or `num_words`
        return (
            f"The data holds id {m.group(1)}, but the trained Embedding knows only ids below "
            f"{m.group(2)}: the data's values were encoded apart from the training data's, or "
            "hold values it lacked; encode both with one encoder (fit on all their values), "
            "size the embedding from it and train again."
        )
    if m and call_kind(p) == "predict" and _TRAINED.search(code):
        return (
            f"The data holds token id {m.group(1)}, but the trained Embedding knows only ids "
            f"below {m.group(2)}: encode this text as the training data was (the same "
            "vocabulary, `num_words` limit and index offset), mapping other words to the "
            "out-of-vocabulary id."
        )
    if m and call_kind(p) == "predict":
        # a prediction, with no fit or load in the code seen: the model may be trained all the
        # same (in a cell not seen), and then its `input_dim` is fixed
        return (
            f"The data holds token id {m.group(1)}, but the Embedding knows only ids below "
            f"{m.group(2)}: if the model is trained, encode this data as its training data was "
            "(the same vocabulary and `num_words` limit); if not, set `input_dim` to the "
            "vocabulary size (largest id + 1)."
        )
    return (
        "A token id is not below the Embedding's `input_dim`: set `input_dim` to the vocabulary "
        "size (largest id + 1)."
    )


# A model trained or loaded with its weights in the code seen: its `input_dim` is fixed.
# Python allows spaces around the dot and before the parenthesis (`model. fit(`).
_TRAINED = re.compile(r"\.\s*fit(?:_generator)?\s*\(|\bload_model\s*\(|\.\s*load_weights\s*\(")


# Signs that the ids are a text's token ids: a tokenizer, a word index, padded sequences (not a
# `vocabulary_size=` of categories, DeepCTR's `SparseFeat`).
_TEXT_IDS = re.compile(
    r"Tokenizer|tokeniz|texts_to_sequences|pad_sequences|num_words|TextVectorization"
    r"|\bvocab\b|vocab_size|word_index|word2id|word_to_id|\bstoi\b|char2id|char_to_|token2id",
    re.I,
)


# Signs that the ids are codes of a table's categories: an encoder of labels, DeepCTR's sparse
# features, pandas' category codes.
_CATEGORY_IDS = re.compile(
    r"LabelEncoder|OrdinalEncoder|SparseFeat|vocabulary_size\s*=|\bfactorize\(|\.cat\.codes"
)


def _embedding_lookup(p) -> bool:
    """TensorFlow names the op (`{{node embedding_1/embedding_lookup}}`) or a frame is Keras's
    embedding layer."""
    return "embedding" in p.message.lower() or any(
        "embedding" in fr.filename.lower() for fr in p.frames if not fr.is_user
    )


def _indexing_a_scalar_tensor(p, f):
    return (
        "The tensor is a scalar (0-dim): use `tensor.item()` instead of `tensor[0]` or `.data[0]`."
    )


def _embedding_id_too_large(p, f):
    """When: PyTorch's embedding got an id at or above its size. The vocabulary and padding
    advice needs signs of text ids; columns of one tensor passed apart feed several embeddings
    (users and items), where their order decides which ids each gets."""
    boxes = _box_embedding_call(p)
    if boxes:
        return boxes
    lines = [fr.failing_line for fr in p.frames if fr.is_user and fr.failing_line]
    columns = next((c for c in map(_columns_passed, lines) if len(c) >= 2), [])
    if columns:
        shown = " and ".join(f"`{c}`" for c in columns)
        fed = _parameters_fed(p, columns)
        return (
            f"An id is not below the `num_embeddings` of the embedding it goes to: {shown} feed "
            f"different embeddings{fed}; check that each column goes to its own one (the order "
            "`forward` takes them), and size each embedding as its column's largest id + 1."
        )
    if any(_two_embeddings_one_of_positions(line) for line in lines):
        # `self.tok_embedding(src) + self.pos_embedding(pos)`: either lookup may be the one;
        # the positions' runs past `max_length` when the input's length is not its 2nd axis
        return (
            "An index is not below the `num_embeddings` of one of this line's embeddings: the "
            "token embedding needs the vocabulary size (largest id + 1), the position embedding "
            "the longest sequence (`max_length`); check the input's axes too, as a "
            "`[len, batch]` tensor read as `[batch, len]` takes the batch size for its length."
        )
    if _TEXT_IDS.search(seen_code(p)[0]):
        return (
            "A token id is not below the embedding's `num_embeddings`: make it at least the "
            "vocabulary size (largest id + 1) and check the padding index."
        )
    return (
        "An id is not below the `num_embeddings` of the embedding it goes to: compare each "
        "input's largest id (`x.max()`) with that embedding's size (largest id + 1), and check "
        "each input goes to its own embedding."
    )


# `self.pos_embedding(pos)`, `self.position_embeddings(ids)`: a lookup by positions
_POSITION_LOOKUP = re.compile(r"\b\w*pos(?:ition)?\w*_?emb\w*\s*\(", re.I)
_EMBEDDING_LOOKUP = re.compile(r"\b\w*emb\w*\s*\(", re.I)


def _two_embeddings_one_of_positions(line: str) -> bool:
    """The line looks up a position embedding and another embedding besides it
    (`self.tok_embedding(src) + self.pos_embedding(pos)`): either may get the id too large."""
    positions = [
        m
        for m in _POSITION_LOOKUP.finditer(line)
        # `self.pos_emb(tags)`: `pos` the part of speech, an embedding sized by the tag set
        if not re.search(r"tag", m.group(0) + line[m.end() :].split(")", 1)[0], re.I)
    ]
    return bool(positions) and len(_EMBEDDING_LOOKUP.findall(line)) >= 2


# `self.w_position_embeddings(bbox[:, :, 2] - bbox[:, :, 0])`: a 2-D position embedding of a
# layout model (LayoutLM) looked up with the boxes' coordinates, or their widths and heights.
_BOX_LOOKUP = re.compile(r"([\w.]*position_embeddings)\s*\(\s*([^()]*\bbbox\[[^()]*?)\s*\)?\s*$")


def _box_embedding_call(p) -> str:
    """The hint when the last frame above PyTorch's embedding looks a 2-D position embedding up
    with `bbox` values: the ids are box coordinates (normalised to 0-1000 in LayoutLM), not
    token ids."""
    frame = next((fr for fr in reversed(p.frames) if fr.library != "torch"), None)
    if frame is None or not frame.failing_line:
        return ""
    lines = list(frame.code_lines)
    at = lines.index(frame.failing_line) if frame.failing_line in lines else -1
    # a call written over several lines shows its argument alone on the failing line
    text = " ".join(lines[max(at - 1, 0) : at + 1]) if at >= 0 else frame.failing_line
    m = _BOX_LOOKUP.search(text)
    if m is None:
        return ""
    embedding, ids = m.group(1).split(".")[-1], m.group(2).strip()
    sizes = {"w": "the boxes' widths", "h": "the boxes' heights"}
    what = sizes.get(embedding[:1], "the boxes' sizes") if "-" in ids else "box coordinates"
    extra = ", and each box's x1 at least its x0 (y1 at least y0)" if "-" in ids else ""
    return (
        f"`{embedding}` is looked up with `{ids}`, {what}, and some are outside its size: "
        f"give the boxes as (x0, y0, x1, y1) normalised to 0-1000 (`int(1000 * x / width)`)"
        f"{extra}."
    )


def _columns_passed(line: str) -> list[str]:
    """The distinct `x[:, n]` columns one call of the line passes as arguments of their own
    (`model(x[:, 0], x[:, 1])`), in order; [] when none passes two (`self.emb(x[:, 0]) *
    self.emb(x[:, 1])` feeds one embedding both)."""
    for call in re.finditer(r"[\w\])]\s*\(", line):
        written = call_arguments(line[call.end() - 1 :])
        arguments = [re.sub(r"^\w+\s*=(?!=)\s*", "", a.strip()) for a in written]
        columns = [a for a in arguments if _COLUMN_PICK.fullmatch(a)]
        if len(set(columns)) >= 2:
            return list(dict.fromkeys(columns))
    return []


def _parameters_fed(p, columns: list[str]) -> str:
    """ ", as `users` and `movies`" when a frame of the user's `forward` shows its `def` and the
    columns are its first positional arguments after `self`; "" otherwise."""
    for fr in p.frames:
        head = fr.is_user and fr.function.endswith("forward")
        signature = _FORWARD_DEF.search("\n".join(fr.code_lines)) if head else None
        if signature:
            names = [n.split("=")[0].strip() for n in signature.group(1).split(",")][1:]
            if len(names) >= len(columns) and all(n.isidentifier() for n in names):
                taken = " and ".join(f"`{n}`" for n in names[: len(columns)])
                return f", as {taken}"
    return ""


# `def forward(self, users, movies, minmax=None):`: the parameters the call's values fill.
_FORWARD_DEF = re.compile(r"def\s+forward\s*\(([^)]*)\)")


# `x[:, 1]`: one column of a 2-D tensor, picked by its number.
_COLUMN_PICK = re.compile(r"\b[A-Za-z_]\w*\[\s*:\s*,\s*\d+\s*\]")


def _iloc_position_missing(p, f):
    sized = _chained_size(p)
    if sized:
        # NumPy's first error names the position and the length: no guess about an empty frame
        position, size = sized
        if size == "0":
            return "The object indexed is empty (0 rows): check the filter or load that made it."
        bare = ".iloc" not in p.user_line
        how = " (brackets without `.iloc` fall back to positions here)" if bare else ""
        return (
            f"Position {position} is asked for, but there are only {size} rows{how}: positions "
            f"run from 0 to {int(size) - 1}; print the object's length before indexing it."
        )
    columns = _ILOC_COLUMNS.search(p.user_line)
    if columns:
        # `df.iloc[:, [0, 5, 17]]` takes every row: only a column position can be missing
        frame = columns.group("frame")
        again = ""
        if re.match(rf"\s*{re.escape(frame)}\s*=(?!=)", p.user_line):
            again = (
                f" (this line replaces `{frame}` by its pick: a second run indexes the smaller "
                "frame)"
            )
        return (
            f"`{frame}.iloc[:, …]` asks for a column position that `{frame}` lacks: print "
            f"`{frame}.shape[1]` and `{frame}.columns`, and pick positions below that count"
            f"{again}."
        )
    shrunk = _dropped_inside_its_loop(p)
    if shrunk:
        return (
            f"`{shrunk}` loses rows inside the loop (`.drop`), while the loop's "
            f"`range(len({shrunk}))` was counted before: collect the labels to drop in a list "
            "and drop them once after the loop."
        )
    return (
        "`.iloc` asks for a row or column position that does not exist (the frame may be empty "
        "after a filter): check `len(df)` / `df.shape` first."
    )


def _dropped_inside_its_loop(p) -> str:
    """The frame whose `.iloc` fails is, in the crashing cell, looped over by position
    (`for i in range(len(df))`) and loses rows in that loop (`df = df.drop(...)` or
    `df.drop(..., inplace=True)` on a line indented under the `for`): the positions the range
    gives outlive the rows. The frame's name, else ""."""
    used = re.search(r"([A-Za-z_]\w*)\.iloc\[", p.user_line)
    if used is None:
        return ""
    frame = used.group(1)
    lines = [line for line in own_lines(p) if line.strip()]
    for i, line in enumerate(lines):
        loop = _RANGE_LOOP.match(line)
        if loop is None or frame not in loop.group("over") or f"len({frame})" not in line:
            continue
        indent = len(line) - len(line.lstrip())
        for body in lines[i + 1 :]:
            if len(body) - len(body.lstrip()) <= indent:
                break
            code = body.strip()
            if _COLUMNS_DROPPED.search(code):
                continue  # `df.drop(columns=[...])`: the rows stay, the positions hold
            if code.startswith((f"{frame} = {frame}.drop(", f"{frame}={frame}.drop(")) or (
                code.startswith(f"{frame}.drop(") and "inplace=True" in code.replace(" ", "")
            ):
                return frame
    return ""


# `.drop(columns=...)`, `.drop('c', axis=1)`, `.drop('c', axis='columns')`: columns, not rows.
_COLUMNS_DROPPED = re.compile(r"\bcolumns\s*=|\baxis\s*=\s*(?:1\b|['\"]columns['\"])")
# `for i in range(len(df)):` / `for j in range(i + 1, len(df)):`
_RANGE_LOOP = re.compile(r"^\s*for\s+\w+\s+in\s+range\((?P<over>.*)\)\s*:")


# `df.iloc[:, cols]`: every row, columns by position.
_ILOC_COLUMNS = re.compile(r"(?P<frame>[A-Za-z_][\w.]*)\.iloc\[\s*:\s*,")


def _chained_size(p) -> tuple[str, str] | None:
    """(position, size) from the chain's "index 10 is out of bounds for axis 0 with size 3"."""
    for _, text in p.chain:
        m = re.search(r"index (-?\d+) is out of bounds for axis 0 with size (\d+)", text)
        if m:
            return m.group(1), m.group(2)
    return None


_SUBSCRIPT = re.compile(r"\[([^\[\]]*)\]")
_TEXT_LITERAL = re.compile(r"""\s*(?:'[^']*'|"[^"]*")\s*""")


def _indexes_only_by_text(line: str) -> bool:
    """Every subscript of ``line`` is a quoted string (`d['names']['sepal length']`): then the
    index NumPy refused is text, which no `int(...)` converts."""
    subscripts = _SUBSCRIPT.findall(line)
    return bool(subscripts) and all(_TEXT_LITERAL.fullmatch(s) for s in subscripts)


def _index_out_of_range(p, f):
    """When: the message names the problem (a mask of another length, a float index, a scalar
    indexed, too many indices, an axis size), or the failing line itself indexed (then the
    line shows what)."""
    message = p.message
    if "Unalignable boolean" in message:
        return _unalignable_mask(p)
    if "boolean index did not match" in message:
        reduced = _mask_reduced_along_an_axis(p)
        if reduced:
            return reduced
        return (
            "The boolean mask has another length than the array it selects from: build the mask "
            "from the same array (or the same filtered rows)."
        )
    if "index out of range in self" in message:
        return _embedding_id_too_large(p, f)
    if "invalid index to scalar variable" in message:
        return (
            "A single number (a NumPy scalar) is indexed with `[...]`: the variable holds one "
            "value, not an array; drop the index or check what the loop gives you."
        )
    if "Too many indexers" in message:
        return (
            "More positions than the object's dimensions are given (e.g. `s.iloc[i, j]` on a "
            "Series, which has one): use one index per dimension, or select the column first."
        )
    if "must be of integer (or boolean) type" in message:
        return "An array of floats is used as an index: convert it with `idx.astype(int)`."
    if "only integers, slices" in message:
        labelled = _labels_given_to_an_array(p)  # names what was indexed, when it can tell
        if labelled:
            return labelled
        if _indexes_only_by_text(p.user_line):
            return (
                "A NumPy array is indexed with a string on this line, but it takes only integer "
                "positions, slices or integer/boolean arrays: use the position of that item, or "
                "index the DataFrame or dict that has the name."
            )
        written = _float_written_as_index(p.user_line)
        if written:
            # `arr[1, -0.1]`: `int(-0.1)` is 0, the first item; the float itself is the slip
            return (
                f"The index `{written}` on this line is written as a float: positions are whole "
                "numbers (`-1` is the last item, `0` the first); write the position meant."
            )
        divide = " (compute it with `//`, not `/`)" if re.search(r"\[[^\]]*/", p.user_line) else ""
        return (
            "NumPy indexes only with integers, slices and integer or boolean arrays: an index "
            f"on this line is a float or another type; convert it with `int(...)`{divide}."
        )
    dtype = re.search(r"(\w+)\(\): Expected dtype (int64|long) for index", message)
    if dtype:
        # PyTorch's index-dtype check (scatter_, gather): nothing is past an end, the index
        # tensor holds floats or int32
        return (
            f"The index tensor given to `{dtype.group(1)}()` must hold int64 values, and this "
            "one holds another dtype: convert it with `.long()` (e.g. `y.unsqueeze(1).long()`)."
        )
    target = re.search(r"Target (-?\d+) is out of bounds", message)
    if target:
        return (
            f"A target label ({target.group(1)}) is not below the number of classes the model "
            "outputs: give the last layer one output per class, or number the labels from 0 "
            "to classes - 1."
        )
    dim = re.search(
        r"Dimension out of range \(expected to be in range of \[-?\d+, (\d+)\], "
        r"but got (-?\d+)\)",
        message,
    )
    if dim:
        ndim = int(dim.group(1)) + 1
        return (
            f"The tensor has {ndim} dimension{'s' if ndim != 1 else ''}, so dimension "
            f"{dim.group(2)} does not exist (valid: {-ndim} to {ndim - 1}): print its `.shape` "
            "and pass a `dim` it has."
        )
    mask = _mask_with_more_indices(p) if "too many indices" in message else ""
    if mask:
        # A boolean mask takes as many dimensions as it has: a (n, 1) column of True/False
        # and `:` after it index three of a 2-D array.
        return (
            f"`{mask}` is a boolean mask (a comparison), and a mask takes as many dimensions as "
            f"it has, the other indices one more each: print `{mask}.shape` and the array's "
            f"`.shape`; a column mask of shape (n, 1) is flattened with `{mask}.ravel()`."
        )
    if "too many indices" in message:
        return (
            "The array has fewer dimensions than the indices used (e.g. `a[i, j]` on a 1-D "
            "array): check `a.ndim` / `a.shape`."
        )
    if f.get("size") == "0" and not raised_in_user_code(p):
        return None  # a library's own empty array (a model with no coefficients): not the data
    if f.get("size") == "0":
        return (
            f"The array is empty (size 0 along axis {f.get('axis', '0')}): the filter or loading "
            "step before returned no rows; check it before indexing."
        )
    if f.get("size"):
        index, size = int(f["index"]), int(f["size"])
        written = _written_at_axis(p, index, int(f.get("axis") or 0))
        if written == "column":
            # `a[:, 1]` on a one-column array: the data has fewer columns than the line reads.
            return (
                f"Index {index} is past the end of axis {f.get('axis')}, which has size {size}: "
                f"the array has only {size} column{'s' if size != 1 else ''} here, fewer than "
                "the line reads; print its `.shape` where it is made."
            )
        # An off-by-one only when the line writes that very index: a computed one (`i // 3`, a
        # library's own) may be past the end for other reasons (more items than places).
        counted = index == size and written == "literal"
        if counted and _ITEM_ASSIGNED.match(p.user_line):
            # `a[4, :] = row` on 4 rows may mean to add a fifth: an array keeps its size.
            return (
                f"Index {index} is past the end of axis {f.get('axis')}, which has size {size} "
                f"(valid: 0 to {size - 1}), and assigning there does not grow a NumPy array: to "
                f"add one at the end use `np.append(..., axis={f.get('axis')})` (or `np.vstack`), "
                f"to replace the last one write index {size - 1}."
            )
        edge = " (an off-by-one: the last index is size - 1)" if counted else ""
        return (
            f"Index {index} is past the end of axis {f.get('axis')}, which has size {size}: "
            f"valid indices run from 0 to {size - 1}{edge}."
        )
    if not raised_in_user_code(p):
        return None  # inside a library: the safe hint names the call and the message
    if re.search(r"pop from (?:an )?empty", message):
        return "`.pop()` was called on an empty list: check that it has items first (`if items:`)."
    if "assignment index out of range" in message:
        return _list_assignment_past_end(p)
    return _shape_entry_missing(p) or _empty_sequence(p, f) or _past_the_end(p, f)


# `name[index] = value` at the start of the line (the list written into).
_ITEM_ASSIGNED = re.compile(r"^\s*([A-Za-z_][\w.]*)\[([^\[\]]+)\]\s*=(?!=)")


def _list_assignment_past_end(p: ParsedError) -> str:
    """`x[i] = v` past the end of a list. "Append, or make it full length" only when the code
    seen makes the list empty (`x = []`): the line is then filling it. A list that holds items
    (copied, read, built elsewhere) is written past its end: its length and the index are
    what to compare."""
    m = _ITEM_ASSIGNED.match(p.user_line)
    if m is None:
        return (
            "An item assignment writes past the end of a list: print the list's length and the "
            "index; `.append(value)` adds an item at the end."
        )
    name, index = m.group(1), " ".join(m.group(2).split())
    code, _ = seen_code(p)
    if re.search(rf"^\s*{re.escape(name)}\s*=\s*(?:\[\s*\]|list\(\s*\))\s*(?:#.*)?$", code, re.M):
        return (
            "`x[i] = value` cannot add an element past the end of a list: use `.append(value)`, "
            "or create the list with its full length first (`[None] * n`)."
        )
    return (
        f"`{name}[{index}]` is past the end of `{name}`, and an item assignment only replaces "
        f"an existing element: print `len({name})` and the index, and keep the index below it "
        "(or grow the list with `.append(value)`)."
    )


def _written_at_axis(p: ParsedError, index: int, axis: int) -> str:
    """How the raising line (a cell's, or the user's own module's) writes ``index`` at position
    ``axis`` of a subscript: "column" after a full slice (`a[:, 1]`), "literal" (`c[1, 2]`),
    else "" (computed, or inside a library)."""
    last = p.last_frame
    if last is None or last.library:
        return ""
    for m in re.finditer(r"\[([^\[\]]*)\]", last.failing_line or p.user_line):
        parts = [x.strip() for x in m.group(1).split(",")]
        if len(parts) > axis and parts[axis] == str(index):
            # a row selection that is no literal position (`:`, a mask `y == 0`, a loop's
            # `i`) before it: the line reads that column of every row it picks
            rows = all(x == ":" or not x.lstrip("-").isdigit() for x in parts[:axis])
            return "column" if axis and rows else "literal"
    return ""


# `m = np.any(a > 5, axis=0)` / `m = (a > 5).all(axis=1)`: a mask made by reducing along an axis.
_REDUCED_MASK = re.compile(
    r"^\s*(?P<mask>[A-Za-z_]\w*)\s*=(?!=)(?P<made>.*\b(?:any|all)\(.*\baxis\s*=\s*-?\d.*)$"
)
# NumPy's words: "dimension is 3 but corresponding boolean dimension is 5".
_MASK_SIZES = re.compile(
    r"dimension (\d+); dimension is (\d+) but corresponding boolean dimension is (\d+)"
)


def _mask_reduced_along_an_axis(p: ParsedError) -> str:
    """`fdata[k]` where the cell's line above made `k = np.any(fdata > 5, axis=0)`: the mask
    is built from the very array it selects from, reduced along an axis, so it has one value per
    entry of the other axis. Only when the failing line indexes that array with that mask alone
    and the mask's line names the array; else ""."""
    sizes = _MASK_SIZES.search(p.message)
    indexed = re.match(r"\s*([A-Za-z_]\w*)\[\s*([A-Za-z_]\w*)\s*\]\s*$", p.user_line)
    if sizes is None or indexed is None or sizes.group(1) != "0":
        return ""
    array, mask = indexed.groups()
    frame = p.last_frame
    if frame is None or not frame.is_user or frame.failing_line not in frame.code_lines:
        return ""
    above = frame.code_lines[: frame.code_lines.index(frame.failing_line)]
    for line in reversed(above):
        made = _REDUCED_MASK.match(line)
        if made and made.group("mask") == mask:
            if not has_word(made.group("made"), array):
                return ""
            axis = int(re.search(r"\baxis\s*=\s*(-?\d+)", made.group("made")).group(1))
            if axis >= 1 or axis == -1:
                # one value per row already: the rows changed after the mask was made
                return ""
            rows, given = sizes.group(2), sizes.group(3)
            return (
                f"`{mask}` reduces `{array}` along an axis, so it holds one value per entry of "
                f"the other axis ({given}), while `{array}[{mask}]` selects rows ({rows}): "
                f"reduce along the other axis (`axis=1` gives one value per row), or select "
                f"columns with `{array}[:, {mask}]`."
            )
    return ""


def _unalignable_mask(p: ParsedError) -> str:
    """pandas' "Unalignable boolean Series": the mask's index labels are not the rows'. A mask
    made from `.dtypes` (or another per-column Series) is indexed by the columns."""
    if re.search(r"\.dtypes\b|\.isna\(\)\.(?:sum|any|all)\(\)|\.nunique\(\)", p.user_line):
        return (
            "This mask is indexed by the columns (one value per column), but `df[mask]` selects "
            "rows: select columns with `df.loc[:, mask]` (or `df.select_dtypes(...)` for types)."
        )
    return (
        "The boolean Series used as a mask has other index labels than the rows it selects "
        "from: build it from the same DataFrame (after the same filtering), or pass `.values`."
    )


def _shape_entry_missing(p: ParsedError) -> str:
    """`X.shape[1]` on a 1-D array: the shape tuple has no such entry."""
    if "tuple index out of range" not in p.message:
        return ""
    entries = [(m.start(), int(m.group(1))) for m in re.finditer(r"\.shape\[(\d+)\]", p.user_line)]
    if not entries:
        return ""
    start, k = max(entries, key=lambda e: e[1])
    name = expression_before(p.user_line, start)
    if not name:
        return ""
    return (
        f"`{name}.shape` has no entry [{k}]: `{name}` has fewer than {k + 1} dimensions; print "
        "its `.shape` (one feature as a column needs `.reshape(-1, 1)`)."
    )


_LITERAL_INDEX = re.compile(r"\[\s*(-?\d+)\s*\]")


def _empty_sequence(p: ParsedError, f: Facts) -> str:
    """`cards[0]` or `acc[-1]`: element 0 or -1 is missing only from an empty sequence."""
    line = p.user_line
    subscripts = re.findall(r"\[([^\[\]]*)\]", line)
    literal = [m for m in _LITERAL_INDEX.finditer(line) if m.group(1) in ("0", "-1")]
    others = [
        s
        for s in subscripts
        if s.strip() not in ("0", "-1") and not re.fullmatch(r"\s*(['\"]).*\1\s*|[^,]*:[^,]*", s)
    ]
    if not literal or others:
        return ""
    names = list(dict.fromkeys(expression_before(line, m.start()) for m in literal))
    if all(names):
        what = " or ".join(f"`{n}`" for n in names[:2]) + " is empty"
    else:
        what = "The sequence indexed with [0] or [-1] is empty"
    kind = f.get("container", "list")
    return (
        f"{what}: element 0 (or -1) is missing only from an empty {kind}; check the step that "
        "should have filled it (a search or filter that found nothing)."
    )


def _past_the_end(p: ParsedError, f: Facts) -> str:
    container = f.get("container", "sequence")
    return (
        f"The marked line reads past the end of a {container}: print its length (`len(...)`) "
        "and the index used (indices run from 0 to len-1)."
    )


def _labels_given_to_an_array(p: ParsedError) -> str | None:
    """`df[['a', 'b']]` raising NumPy's "only integers" message: what is indexed is no
    DataFrame but an array, or a pandas Index (`df = df.columns` replaced the frame)."""
    # The last text subscript: in `d['names']['petal width']` the array is `d['names']`.
    subscripts = list(re.finditer(r"(?<=[\w\]])\[\s*\[?\s*(['\"])", p.user_line))
    if not subscripts:
        return None
    named = subscripts[-1]
    name = expression_before(p.user_line, named.start())
    who = f"`{name}`" if name else "The value indexed"
    if any(f.package == "pandas" and f.function.startswith("Index.") for f in p.frames):
        return (
            f"{who} is a pandas Index (a list of labels, as `df.columns` gives), not a DataFrame: "
            "text labels cannot select from it; check where it was reassigned (`df = df.columns`)."
        )
    swapped = _split_unpacked_out_of_order(p, name)
    if swapped:
        return swapped
    return (
        f"{who} is a NumPy array, not a DataFrame: it has no column names, so a string cannot "
        "index it; select by position, or keep the DataFrame."
    )


def _split_unpacked_out_of_order(p: ParsedError, name: str) -> str:
    """`X_train, y_train, X_test, y_test = train_test_split(X, y)`: ``name`` is one of the
    two names that hold each other's part (``split_unpacking``)."""
    found = misordered_unpacking(p, name)
    return found.hint() if found else ""


def _float_written_as_index(line: str) -> str:
    """A number with a decimal point written as an item of a subscript on ``line``
    (`arr[1, -0.1]`), else ""."""
    for m in re.finditer(r"(?<=[\w)\]])\[([^\[\]]*)\]", line):
        before = line[: m.start()]
        if before.count("[") > before.count("]"):
            continue  # `arr[q[0.75]]`: a lookup (a Series of quantiles) whose value is the index
        for item in m.group(1).split(","):
            if re.fullmatch(r"\s*-?(?:\d+\.\d*|\.\d+)\s*", item):
                return item.strip()
    return ""


def _list_literal_indexed(line: str) -> str:
    """`[1,2][2,3]` on ``line``: a list literal (no name, `)` or `]` before its `[`) directly
    followed by a subscript with a comma; "" when none."""
    for m in re.finditer(r"\[[^\[\]]*\]\s*\[[^\[\]]*,[^\[\]]*\]", line):
        if not re.search(r"[\w)\]'\"]\s*$", line[: m.start()]):
            return m.group(0)
    return ""


def _selector_of_a_subscript(line: str, rows: str) -> bool:
    """`df.loc[['A','B']['P','Q']]`: the list literal is the whole selector of another
    subscript (or of `.loc(...)`, its call slip), so its two lists are that subscript's row and
    column selectors, not rows of a nested list."""
    before = line[: line.index(rows)]
    return bool(re.search(r"(?:[\w)\]]\[|\.i?loc\()\s*$", before))


def _row_and_column_selectors_hint(line: str, rows: str) -> str | None:
    """The comma between `.loc`'s (`.iloc`'s) row and column selectors is missing; another
    subscript's two lists say nothing sure of what was meant."""
    indexer = re.search(r"\.(i?loc)[\[(]\s*$", line[: line.index(rows)])
    if indexer is None:
        return None
    first = rows[: rows.index("]") + 1]
    second = rows[len(first) :].strip()
    return (
        f"`{rows}` indexes the list `{first}` with a tuple: a comma is missing between the row "
        f"and the column selectors of `.{indexer.group(1)}`; write "
        f"`.{indexer.group(1)}[{first}, {second}]`."
    )


# A string literal subscripted by a condition or a lookup (`'name'[df['t'] == 'x']`), which no
# text takes: the bracket meant to close before it closes after.
_LITERAL_SUBSCRIPTED = re.compile(r"""(['"][^'"\n]*['"])\[(?=[^\]\n]*(?:\[|==|!=|<|>))""")


def _yahoo_reader_raised(p: ParsedError) -> bool:
    """The last frame is pandas_datareader's Yahoo reader (its module in a `yahoo` folder)."""
    last = p.last_frame
    return (
        last is not None
        and not last.is_user
        and "pandas_datareader" in last.filename
        and "yahoo" in last.filename.replace("\\", "/").split("pandas_datareader", 1)[1]
    )


def non_integer_index_hint(p: ParsedError, f: Facts) -> str | None:
    """The hint of a container indexed with a non-integer (``types.type_error`` words it too)."""
    m = re.search(
        # a dotted type too (`not numpy.float64`): else the type goes unread and a name on the
        # line is blamed for the index
        r"(string|slice|list|tuple) indices must be integers.*?(?:not '?([\w.]+?)'?)?$",
        p.message,
    )
    kind, got = (m.group(1), m.group(2)) if m else ("list", None)
    line = p.user_line
    if kind == "string" and _yahoo_reader_raised(p):
        # the reader indexes the page Yahoo sent: Yahoo changed it, so the parsed JSON is a
        # string where the reader expects a dict; no argument of the call is at fault
        return (
            "pandas_datareader's Yahoo reader fails inside its parsing of Yahoo's page, which "
            "Yahoo changed (not your arguments): use the `yfinance` package instead, e.g. "
            "`yf.download(ticker, start=..., end=...)`."
        )
    if kind == "slice":
        if not raised_by_the_line(p):
            return None  # a library slices with a value of the call's (a count given a word)
        return (
            "A slice bound is not a whole number (`a[x:y]` with a float or None-like value): "
            "convert it with `int(...)` or use `//` for division."
        )
    if got == "tuple" or (got is None and re.search(r"\[[^\[\]'\"]*,[^\[\]]*\]", line)):
        if any(fr.function.endswith("ModelOutput.__getitem__") for fr in p.frames):
            return (
                "The model's output is a `ModelOutput` (tuple-like), not a tensor: take the "
                "tensor first (`outputs[0]` or `outputs.last_hidden_state`), then index it."
            )
        if kind == "string":
            return (
                "A string does not take `[i, j]` indexing (that is NumPy's): for a part of the "
                "string use one slice, such as `x[:-1]`."
            )
        if kind == "tuple":
            # A tuple of arrays (a function's several results) is no array of numbers.
            return (
                "A tuple does not take NumPy-style `[i, j]` indexing: if it holds a function's "
                "several results, take the element you need first (`x[0]`), then index it; if "
                "it holds numbers, convert it with `np.array(...)` first."
            )
        rows = _list_literal_indexed(line) if kind == "list" else ""
        if rows and _selector_of_a_subscript(line, rows):
            return _row_and_column_selectors_hint(line, rows)
        if rows:
            # `[1,2][2,3]`: two rows written without the comma and the outer brackets
            return (
                f"`{rows}` indexes the list `{rows[: rows.index(']') + 1]}` with a tuple: a "
                "comma (and the outer brackets) is missing between the rows; write a nested "
                "list such as `[[1, 2], [2, 3]]`."
            )
        return (
            f"A {kind} does not take NumPy-style `[i, j]` indexing: convert it with "
            "`np.array(...)` first, or index one level at a time (`x[i][j]`)."
        )
    literal = _LITERAL_SUBSCRIPTED.search(line)
    if literal and kind == "string" and got in (None, "str", "Series"):
        # `df[['name'[df['type1'] == 'Fire']]]`: a bracket closed late, so the text itself is
        # indexed by what was meant as the rows' condition
        return (
            f"`{literal.group(0)}...]` indexes the text {literal.group(1)} itself (a string "
            "literal): a bracket is misplaced; check where each `[` closes (rows and a column "
            "are `df.loc[condition, 'column']`)."
        )
    named = re.search(r"\[\s*(['\"])([^'\"]*)\1\s*\]", line)
    variable = re.search(r"\[\s*([A-Za-z_]\w*)\s*\]", line)
    if named and variable and got == "str":
        # `d["artists"][i]`: the name or the variable `i` may be the text index.
        return (
            f"A {kind} is indexed with text on this line: either "
            f"`[{named.group(1)}{named.group(2)}{named.group(1)}]` is applied to a {kind}, or "
            f"`{variable.group(1)}` holds text, not an integer position; print both."
        )
    if got == "str" or (got is None and named):
        name = expression_before(line, named.start()) if named else ""
        what = f"`{name}` is a {kind}" if name else f"A {kind} is"
        key = f" (`[{named.group(1)}{named.group(2)}{named.group(1)}]`)" if named else ""
        return (
            f"{what} indexed by name{key}, like a dict or DataFrame: the variable holds another "
            "type than you think; print it, or use an integer position."
        )
    if got is None:
        return None  # the message does not say what the index was
    return (
        f"A {kind} is indexed with a `{got}`: use an integer position (`int(...)`), or a "
        "dict / DataFrame if you meant to look up by name."
    )


# Fire on the exception class alone: their templates speak only where the message or line tells.
CATCH_ALL = frozenset({INDEX_ERROR})

HINTS: dict[str, Template] = {
    TF_GATHER: _embedding_input_dim_too_small,
    ZERO_DIM_TENSOR: _indexing_a_scalar_tensor,
    EMBEDDING_INDEX: _embedding_id_too_large,
    ILOC_OUT_OF_BOUNDS: _iloc_position_missing,
    OUT_OF_RANGE: _index_out_of_range,
    INDEX_ERROR: _index_out_of_range,
    BAD_INDICES_TYPE: non_integer_index_hint,
}


def _mask_with_more_indices(p: ParsedError) -> str:
    """The name the failing line indexes with first, followed by more indices (`data[mask, :]`),
    when the code seen assigns it a comparison (`mask = (labels == 1)`): a boolean mask. Else ""."""
    first = re.search(r"\w\s*\[\s*([A-Za-z_]\w*)\s*,", p.user_line)
    if not first:
        return ""
    name = re.escape(first.group(1))
    values = re.findall(rf"^[ \t]*{name}[ \t]*=(?!=)(.*)$", p.code_seen, re.M)
    if not values:
        return ""
    # the last value given, a comparison at its top level: one inside a call
    # (`np.argmax(s > 0.5)`, `np.where(y == 1)`) or a conditional value is no mask
    value = code_only(values[-1])
    compared = r"\s*\(?[\w.\[\]'\" :,-]*?(?:==|!=|<=|>=|<|>)[^=]"
    if re.search(r"\bif\b", value) or not re.match(compared, value):
        return ""
    return first.group(1)
