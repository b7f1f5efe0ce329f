"""Characters Python does not accept in code, read from the marked line of a SyntaxError: an
invisible one pasted with the text, a full-width sign typed with an East Asian input method,
curly quotes and dashes from a word processor. No rules or templates here (see `other.py`)."""

from __future__ import annotations

import unicodedata

# Zero-width spaces and joiners, the word joiner, a byte-order mark, a no-break space.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00a0")
TYPOGRAPHIC = frozenset("‘’‚‛“”„‟–—−")
# The full-width forms of ASCII's signs (`：` for `:`) are ASCII's plus this offset.
_FULL_WIDTH = range(0xFF01, 0xFF5F)
_WIDE_OFFSET = 0xFEE0
_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


def full_width_signs(line: str) -> list[str]:
    """The full-width signs of the line, in order, each once (`：`, `（`)."""
    return list(dict.fromkeys(c for c in line if ord(c) in _FULL_WIDTH))


def ascii_of(sign: str) -> str:
    return chr(ord(sign) - _WIDE_OFFSET)


def east_asian_words(line: str) -> bool:
    """The line has letters of Chinese, Japanese or Korean script (then it is notes more often
    than code: names in those scripts are rare)."""
    return any(
        unicodedata.name(c, "").startswith(_SCRIPTS) for c in line if ord(c) not in _FULL_WIDTH
    )


def odd_character_hint(line: str) -> str:
    """What the marked line shows of a character Python rejects; "" when it shows none."""
    if any(c in INVISIBLE for c in line):
        return (
            "The marked line holds an invisible character (a zero-width or no-break space, "
            "pasted with the text): delete that line's spaces, or the whole line, and retype it."
        )
    wide = full_width_signs(line)
    if wide and east_asian_words(line):
        return (
            "The marked line is text (notes), not Python: move it to a Markdown cell or start it "
            "with `#` to make it a comment."
        )
    if wide:
        signs = ", ".join(f"`{c}`" for c in wide[:3])
        plain = ", ".join(f"`{ascii_of(c)}`" for c in wide[:3])
        return (
            f"The marked line has full-width {signs} (typed with an East Asian input method): "
            f"retype {'them' if len(wide) > 1 else 'it'} as {plain}."
        )
    if symbols_around_words(line):
        return (
            "The marked line is a note in words and symbols (a banner or warning), not Python: "
            "start it with `#` to make it a comment, or move it to a Markdown cell."
        )
    if any(c in TYPOGRAPHIC for c in line):
        return (
            "The marked line has curly quotes or dashes (pasted from a web page or a document): "
            "retype the quotes as ' or \" and the dashes as -."
        )
    return ""


def quotes_a_string(line: str) -> bool:
    """The line's typographic quotes quote something: an opening one (`‘`, `“`), a closing `”`,
    or a `’` that is no apostrophe between two letters (`I’ll`)."""
    if any(c in "‘“”‚„‛‟" for c in line):
        return True
    return any(
        not (0 < i < len(line) - 1 and line[i - 1].isalpha() and line[i + 1].isalpha())
        for i, c in enumerate(line)
        if c == "’"
    )


def symbols_around_words(line: str) -> bool:
    """`⚠️ ATTENTION ⚠️ NE PAS EXECUTER`: signs no code has (emoji, pictographs) and, beside
    them, only words separated by spaces, no operator, bracket or quote of Python."""
    signs = [c for c in line if not c.isascii()]
    if not signs or any(c.isalpha() or c in TYPOGRAPHIC or c in INVISIBLE for c in signs):
        return False
    rest = "".join(c for c in line if c.isascii()).split()
    return bool(rest) and all(word.isalpha() for word in rest)
