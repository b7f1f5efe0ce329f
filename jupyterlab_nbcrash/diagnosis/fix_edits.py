"""Where a one-click fix edits a cell: exact spans of a name, an attribute or a keyword in the
cell's source, where an import line goes, and the edits of the wire format (``fixes.py`` decides
which fix a crash gets; this module only finds text and builds edits).

Spans come from Python's tokenizer, so a name inside a string or a comment is never touched. A
cell the tokenizer cannot read (a cell magic such as ``%%bash``, broken syntax) has no spans: no
fix. Offsets are ``str`` (code point) offsets into the cell's source, as the frontend applies them.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import io
import keyword
import re
import tokenize

from .cells import python_tree

# Cell magics whose body is still Python (the first line is masked, the rest tokenized).
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture", "%%prun")
# Lines IPython rewrites before Python sees them: `%magic`, `!shell`, `x = !ls`, `obj?`.
_IPYTHON_LINE = re.compile(r"^\s*(?:[%!]|\w+\s*=\s*[%!])|\?\s*$")
# Leading lines an inserted import goes after: IPython and shell lines, comments, blank lines.
_PREAMBLE = re.compile(r"^\s*(?:[%!#].*)?$")
_FSTRING = re.compile(r"^[rRbB]?[fF][rR]?['\"]")


def code_sha1(code: str) -> str:
    """The hash the frontend compares with the cell's current source before applying a fix."""
    return hashlib.sha1(code.encode("utf-8", "surrogatepass")).hexdigest()


def masked(code: str) -> str | None:
    """``code`` with IPython-only lines blanked (same length, so offsets hold); None when the
    cell is not Python (``%%bash``, ``%%writefile``)."""
    lines = code.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        if not lines[0].lstrip().startswith(_PYTHON_CELL_MAGICS):
            return None
        lines[0] = " " * len(lines[0])
    return "\n".join(" " * len(line) if _IPYTHON_LINE.search(line) else line for line in lines)


def _tokens(code: str) -> list[tokenize.TokenInfo] | None:
    text = masked(code)
    if text is None:
        return None
    try:
        return list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None


def _line_starts(code: str) -> list[int]:
    """The offset of each line's first character (lines split at "\\n", as the tokenizer's
    ``readline`` splits them)."""
    starts = [0]
    for line in code.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def name_spans(code: str, name: str) -> list[tuple[int, int]] | None:
    """Every use of the variable ``name`` in ``code`` as a word: not an attribute (``a.name``), not
    a keyword argument's name (``f(name=1)``), not in a string or a comment. None when the code
    cannot be tokenized or an f-string mentions ``name`` (Python 3.11 tokenizes it as one string,
    so its use there could not be edited)."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    starts = _line_starts(code)
    spans = []
    # (the name's pattern is compiled only for an f-string that holds the name: every new
    # name is a compile of ≈60 µs, a good part of a diagnosis)
    word = rf"(?<![\w.]){re.escape(name)}\b"
    for i, tok, depth in _with_depth(tokens):
        if (
            tok.type == tokenize.STRING
            and name in tok.string
            and _FSTRING.match(tok.string)
            and re.search(word, tok.string)
        ):
            return None
        if tok.type == tokenize.NAME and tok.string == name:
            before = tokens[i - 1] if i else None
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if before is not None and before.type == tokenize.OP and before.string == ".":
                continue
            if depth and after is not None and after.type == tokenize.OP and after.string == "=":
                continue
            start = starts[tok.start[0] - 1] + tok.start[1]
            spans.append((start, start + len(name)))
    return spans


def _with_depth(tokens: list[tokenize.TokenInfo]):
    """(index, token, how many brackets are open around it) for each token."""
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.OP and tok.string in "([{":
            depth += 1
        elif tok.type == tokenize.OP and tok.string in ")]}":
            depth = max(0, depth - 1)
        yield i, tok, depth


def attribute_spans(code: str, owners: set[str], attribute: str) -> list[tuple[int, int]] | None:
    """Spans of ``owner.attribute`` (``np.float``) for any of ``owners``, from the owner's first
    character to the attribute's last; None when the code cannot be tokenized."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    starts = _line_starts(code)
    spans = []
    for i in range(len(tokens) - 2):
        owner, dot, attr = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            owner.type == tokenize.NAME
            and owner.string in owners
            and dot.string == "."
            and attr.type == tokenize.NAME
            and attr.string == attribute
            and not (i and tokens[i - 1].string == ".")  # `self.np.float` is another object
        ):
            start = starts[owner.start[0] - 1] + owner.start[1]
            end = starts[attr.end[0] - 1] + attr.end[1]
            spans.append((start, end))
    return spans


def keyword_spans(code: str, name: str, first: int, last: int) -> list[tuple[int, int]] | None:
    """Spans of the keyword argument ``name`` (``name=`` inside brackets) on lines ``first`` to
    ``last`` (1-based); None when the code cannot be tokenized."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    starts = _line_starts(code)
    spans = []
    for i, tok, depth in _with_depth(tokens):
        if (
            tok.type == tokenize.NAME
            and tok.string == name
            and depth
            and first <= tok.start[0] <= last
            and i + 1 < len(tokens)
            and tokens[i + 1].string == "="
            and _previous(tokens, i).string in ("(", ",")
        ):
            start = starts[tok.start[0] - 1] + tok.start[1]
            spans.append((start, start + len(name)))
    return spans


_LAYOUT = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)


def _previous(tokens: list[tokenize.TokenInfo], i: int) -> tokenize.TokenInfo:
    """The token before ``tokens[i]`` that is not layout (a line break inside brackets)."""
    for tok in reversed(tokens[:i]):
        if tok.type not in _LAYOUT:
            return tok
    return tokens[i]


def string_spans(code: str, text: str) -> list[tuple[int, int]] | None:
    """Spans of ``text`` inside plain string literals of ``code`` whose whole value is ``text``
    (`"data/x.csv"`, not an f-string, bytes or a string with escapes); None when the code cannot
    be tokenized."""
    tokens = _tokens(code)
    if tokens is None:
        return None
    starts = _line_starts(code)
    spans = []
    for tok in tokens:
        if tok.type != tokenize.STRING or tok.start[0] != tok.end[0]:
            continue
        m = re.fullmatch(r"([rRuU]?)(['\"])(.*)\2", tok.string)
        if m and m.group(3) == text and "\\" not in text:
            start = starts[tok.start[0] - 1] + tok.start[1] + len(m.group(1)) + 1
            spans.append((start, start + len(text)))
    return spans


def _tree(code: str) -> ast.Module | None:
    """The syntax tree of a cell (IPython lines blanked); None when it is not Python. Parsed once
    for this module and the notebook analysis (``cells.python_tree``): a cell without IPython
    lines is the same text for both."""
    text = masked(code)
    if text is None:
        return None
    return python_tree(text)


def statement_lines(code: str, lineno: int) -> tuple[int, int] | None:
    """The first and last line (1-based) of the top-level statement of ``code`` that holds line
    ``lineno``; None when the code does not parse or no statement holds it."""
    tree = _tree(code)
    if tree is None:
        return None
    for node in tree.body:
        end = getattr(node, "end_lineno", None) or node.lineno
        if node.lineno <= lineno <= end:
            return node.lineno, end
    return None


@functools.lru_cache(maxsize=512)
def bound_names(code: str) -> frozenset[str] | None:
    """The names ``code`` binds at any level: assignments, loop and ``with`` targets, function
    and class names, imports, ``global`` declarations (not parameters: they exist only inside
    their function). None when it does not parse."""
    tree = _tree(code)
    if tree is None:
        return None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.Global):
            names.update(node.names)
    return frozenset(names)


@functools.lru_cache(maxsize=512)
def read_names(code: str) -> frozenset[str] | None:
    """The names ``code`` reads when it runs: loaded at the top level, in loops, conditions and
    comprehensions, not inside a function's or class's body (they are read when it is called).
    None when it does not parse."""
    tree = _tree(code)
    if tree is None:
        return None
    names: set[str] = set()
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            todo.extend(getattr(node, "decorator_list", []))
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            names.add(node.id)
        todo.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def deletes(code: str, name: str) -> bool:
    """True when ``code`` has ``del name`` (at any level), or cannot be read."""
    tree = _tree(code)
    if tree is None:
        return True  # cannot tell: assume the worst
    return any(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Del)
        for node in ast.walk(tree)
    )


def import_offset(code: str) -> int:
    """Where an import line goes in ``code``: at the start of the first line that is not an
    IPython line, a shell line, a comment or blank (so `%matplotlib inline` and a cell's heading
    comment stay on top)."""
    offset = 0
    for line in code.split("\n"):
        if not _PREAMBLE.match(line):
            return offset
        offset += len(line) + 1
    return len(code)  # only preamble: append after it


def is_identifier(text: str) -> bool:
    return text.isidentifier() and not keyword.iskeyword(text)


def replace(cell_id: str, code: str, start: int, end: int, new: str) -> dict:
    """One ``replace`` edit of the wire format."""
    return {
        "op": "replace",
        "cell_id": cell_id,
        "start": start,
        "end": end,
        "old": code[start:end],
        "new": new,
    }


def last_first(edits: list[dict]) -> list[dict]:
    """Replace edits of one cell ordered so that each leaves the offsets of the next valid: the
    latest span first; an insertion (empty span) after a replacement starting at the same place."""
    return sorted(edits, key=lambda e: (e["start"], e["end"] > e["start"]), reverse=True)


def apply_edits(code: str, edits: list[dict]) -> str:
    """``code`` after the ``replace`` edits (in the order given), checking each span's ``old``
    text: what the frontend does, for tests and benchmarks. Raises ValueError on a mismatch."""
    for edit in edits:
        if edit["op"] != "replace":
            continue
        start, end = edit["start"], edit["end"]
        if code[start:end] != edit["old"]:
            raise ValueError(f"span {start}:{end} is {code[start:end]!r}, not {edit['old']!r}")
        code = code[:start] + edit["new"] + code[end:]
    return code
