"""SyntaxErrors whose text, not a slip of code, is what Python could not read: a string that a
word's apostrophe closed early, a folder tree drawn with box characters, a block whose body is
only comments. Each check speaks only when the marked line (or the cell's lines around it)
shows that reading; else it returns "" and the syntax template goes on with its other cases.
"""

from __future__ import annotations

import re

__all__ = ["apostrophe_ends_string", "comment_only_body", "drawn_tree"]

# A string opened with `'` where a value starts (`f('`, `x = '`, `, '`), whose next quote
# stands between two letters: a word's apostrophe (`they've`), not the string's end.
_OPENED_THEN_APOSTROPHE = re.compile(
    r"(?:^|[(\[{=,:])\s*[rRuUbBfF]{0,2}'[^'\"]*?(?<=[A-Za-z])'(?=[A-Za-z])"
)


def apostrophe_ends_string(line: str) -> str:
    """The hint when a word's apostrophe (`they've`) closes a string written in single quotes,
    and a quote further on is the one meant to close it; "" otherwise."""
    m = _OPENED_THEN_APOSTROPHE.search(line)
    if m is None or "'" not in line[m.end() :]:
        return ""
    word = re.search(r"[A-Za-z]+'[A-Za-z]+$", line[: m.end() + 3].rstrip("'")) or re.search(
        r"[A-Za-z]+'[A-Za-z]*", line[m.end() - 12 : m.end() + 3]
    )
    shown = word.group() if word else "'"
    quotes = "triple quotes (`'''...'''`)" if '"' in line else 'double quotes (`"..."`)'
    return (
        f"The apostrophe in `{shown}` ends the string opened with `'` before it, so the rest of "
        f"the text reads as code: write that string in {quotes}."
    )


# Unicode's box-drawing characters (`│`, `├`, `─`, `└`): what `tree` prints and tables are
# drawn with; Python accepts none of them outside a string.
_BOX_DRAWING = re.compile(r"[\u2500-\u257f]")


def drawn_tree(line: str) -> str:
    """The hint when the marked line holds box-drawing characters: a folder tree or a table
    pasted as text, which retyping one character would not make Python; "" otherwise."""
    signs = "".join(dict.fromkeys(_BOX_DRAWING.findall(line)))
    if not signs:
        return ""
    return (
        f"The marked line is drawn with box characters (`{signs[:4]}`): a folder tree or table "
        "pasted as text, not Python. Move those lines to a Markdown cell, or start each with `#`."
    )


def comment_only_body(lines: list[str], number: int) -> tuple[str, str] | None:
    """(the block line, its first comment) when the code line nearest above line ``number``
    (from 1) of ``lines`` opens a block, only comments indented deeper than that block line
    stand between them, and line ``number`` is no deeper than the block line: the block's body
    is a placeholder of comments, and the marked line comes after the block, not in it."""
    if not 0 < number <= len(lines):
        return None
    marked = lines[number - 1]
    above = lines[: number - 1]
    between = []
    while above and (not above[-1].strip() or above[-1].lstrip().startswith("#")):
        between.append(above.pop())
    if not above or not above[-1].split("#", 1)[0].rstrip().endswith(":"):
        return None
    opener = above[-1]
    depth = _depth(opener)
    comments = [c for c in reversed(between) if c.strip() and _depth(c) > depth]
    if not comments or _depth(marked) > depth:
        return None
    return opener.strip(), comments[0].strip()


def _depth(line: str) -> int:
    return len(line) - len(line.lstrip())
