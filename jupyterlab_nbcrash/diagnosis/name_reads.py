"""A name's places on a line, read without compiling the name into a pattern.

Each new name in `re.search(rf"...{re.escape(name)}...")` is a compile of ≈60 µs (the module's
cache of 512 patterns turns over on a folder of notebooks), and a NameError's diagnosis asked
several: these readers give what those patterns give (property tests hold them to the patterns).
"""

from __future__ import annotations

import re


def is_word(char: str) -> bool:
    """``re``'s ``\\w`` for one character of a str."""
    return char.isalnum() or char == "_"


def followers(name: str, line: str) -> set[str]:
    """The characters among `(`, `.`, `[` that follow a use of ``name`` on ``line`` (after any
    spaces): what `(?<![\\w.])(?=NAME\\s*([(.\\[]))` finds at each place, read without a pattern
    (a new name's pattern is a compile of ≈60 µs, a fifth of a diagnosis)."""
    if not name.isidentifier():
        use = rf"(?<![\w.])(?={re.escape(name)}\s*([(.\[]))"
        return {m.group(1) for m in re.finditer(use, line)}
    out = set()
    at = line.find(name)
    while at >= 0:
        if not (at and (line[at - 1] == "." or is_word(line[at - 1]))):
            end = at + len(name)
            while end < len(line) and line[end].isspace():
                end += 1
            if end < len(line) and line[end] in "(.[":
                out.add(line[end])
        at = line.find(name, at + 1)
    return out


def leads(name: str, line: str) -> bool:
    """``line`` starts with ``name`` (after spaces), or with an assignment to it (`x, y =
    NAME`): `re.match(r"\\s*(?:[\\w, ]+=\\s*)?NAME\\b", line)` read without a pattern."""
    if not name.isidentifier():
        return re.match(rf"\s*(?:[\w, ]+=\s*)?{re.escape(name)}\b", line) is not None
    start = 0
    while start < len(line) and line[start].isspace():
        start += 1
    if word_at(line, start, name):
        return True
    end = start
    while end < len(line) and (is_word(line[end]) or line[end] in ", "):
        end += 1
    # the run before `=` may also begin in the leading spaces (the class holds a space)
    if (end == start and not (start and line[start - 1] == " ")) or line[end : end + 1] != "=":
        return False
    end += 1
    while end < len(line) and line[end].isspace():
        end += 1
    return word_at(line, end, name)


def word_at(line: str, at: int, name: str) -> bool:
    """``name`` stands at ``at`` and ends at a word boundary."""
    end = at + len(name)
    return line.startswith(name, at) and not (end < len(line) and is_word(line[end]))


def assigns_a_call_of(line: str, name: str) -> bool:
    """``line`` holds `= NAME (` (spaces allowed around the name): what the `=` slip's pattern
    needs, read without compiling the name into one."""
    at = line.find("=")
    while at >= 0:
        start = at + 1
        while start < len(line) and line[start].isspace():
            start += 1
        if line.startswith(name, start):
            end = start + len(name)
            while end < len(line) and line[end].isspace():
                end += 1
            if line[end : end + 1] == "(":
                return True
        at = line.find("=", at + 1)
    return False


def has_word(text: str, name: str, after_dot: bool = True) -> bool:
    """``name`` stands in ``text`` as a whole word: `re.search(rf"\\b{NAME}\\b", text)`, or with
    ``after_dot=False`` `(?<![\\w.])NAME\\b` (not an attribute `x.NAME`), read without a pattern."""
    if not name.isidentifier():
        before = r"\b" if after_dot else r"(?<![\w.])"
        return re.search(rf"{before}{re.escape(name)}\b", text) is not None
    at = text.find(name)
    while at >= 0:
        previous = text[at - 1] if at else ""
        bound = previous and (is_word(previous) or (previous == "." and not after_dot))
        if not bound and word_at(text, at, name):
            return True
        at = text.find(name, at + 1)
    return False
