"""Characters Python does not accept in code, read from the marked line of a SyntaxError: an
invisible one pasted with the text, a full-width sign typed with an East Asian input method,
curly quotes and dashes from a word processor. No rules or templates here (see `other.py`)."""

from __future__ import annotations

import re
import unicodedata

from ..where import leaves_bracket_open

# Zero-width spaces and joiners, the word joiner, a byte-order mark, a no-break space.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00a0")
TYPOGRAPHIC = frozenset("‘’‚‛“”„‟–—−")
# The full-width forms of ASCII's signs (`：` for `:`) are ASCII's plus this offset.
_FULL_WIDTH = range(0xFF01, 0xFF5F)
_WIDE_OFFSET = 0xFEE0
_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-"})
# `2z`, `4x`: a number written against a name, math's product; no number Python reads itself
# (`1e-3`, `2j`, `0x1F`), which a line cut from a longer statement may hold
_JUXTAPOSED = re.compile(
    r"(?<![\w.])(?!\d+(?:[eE][-+]?\d|[jJ]\b)|0[xXoObB][\da-fA-F])(\d+[A-Za-z]\w*)"
)
# `x+y-2z = 9`: an `=` whose left side is an expression (an operator before it)
_EQUATION = re.compile(r"^[^=]*[-+*/][^=]*(?<![=<>!])=(?!=)")


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
    equation = math_equation(line)
    if equation:
        return equation
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


def math_equation(line: str) -> str:
    """The hint for a line of math pasted as code (`x+y−2z=9`): its dashes are minus signs, and
    with them retyped as `-` it still is no Python (a number against a name, an equation's `=`).
    "" when the line has curly quotes, or compiles once its dashes are retyped."""
    if not any(c in "–—−" for c in line) or any(c in TYPOGRAPHIC - set("–—−") for c in line):
        return ""
    fixed = line.strip().translate(_DASHES)
    try:
        compile(fixed, "<line>", "exec")
    except (SyntaxError, ValueError):
        pass
    else:
        return ""
    if leaves_bracket_open(fixed):
        # `plt.plot(t, np.exp(−t / tau), label='decay',`: the first line of a call the lines
        # below go on with, no equation (its `=` names an argument)
        return ""
    product = _JUXTAPOSED.search(fixed)
    reasons = [f"`{product.group(1)}` is no product" if product else ""]
    if _EQUATION.match(fixed):
        reasons.append("`=` assigns a value rather than state an equation")
    reasons = [r for r in reasons if r]
    if not reasons:
        return ""
    dash = next(c for c in line if c in "–—−")
    shown = line.strip() if len(line.strip()) <= 40 else line.strip()[:39] + "…"
    written = re.sub(r"^(\d+)", r"\1*", product.group(1)) if product else ""
    example = f"`{written}`; " if written else ""
    return (
        f"The marked line is math (`{shown}`), not Python: retyping its `{dash}` as `-` is not "
        f"enough, since {' and '.join(reasons)}. Put the equations in a Markdown cell, or write "
        f"them as code ({example}`np.linalg.solve` for a linear system)."
    )
