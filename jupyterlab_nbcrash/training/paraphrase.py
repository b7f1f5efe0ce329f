"""Close paraphrases of a labelled crash: the same mistake written by someone else.

``paraphrase(obj, seed)`` takes a labelled object (the dev file's format) and returns a copy whose
user code says the same thing with other words: the user's variable and function names renamed,
its string literals (column names, keys) and file paths changed, its numbers shifted — in the
message, in the user's own frames of the traceback and in ``code``, consistently (a KeyError's
key is renamed where the code writes it too). The library frames, the exception and the message's
wording stay: they are what makes it the same crash. Used by ``benchmarks/feedback_retrain.py`` to
ask whether a user's correction also fixes the near duplicates of the crash it was given on.
"""

from __future__ import annotations

import builtins
import keyword
import re

import numpy as np

from ..diagnosis.tokens import ALIASES, STAGE_CUES, STDLIB_NAMES

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_USER_FRAME = re.compile(r"<ipython-input-|Cell In\s*\[|Input In\s*\[|^\s*File <")
# A numbered source line of a frame: "----> 2 df['price']" or "      3 x = 1".
_CODE_LINE = re.compile(r"^(\s*-*>?\s*\d+\s)(.*)$")
_NAME = re.compile(r"(?<![\w.'\"])([A-Za-z_]\w*)(?!\w)")
_STRING = re.compile(r"""(['"])([^'"\n]{1,80})\1""")
_NUMBER = re.compile(r"(?<![\w.\[])(\d+)(?![\w\]])")
_PATH = re.compile(r"[/\\]|\.(csv|txt|json|xlsx?|png|jpe?g|h5|pkl|npy|parquet)$", re.IGNORECASE)
# Neutral names: a stage cue (``train``, ``score``, ``plot``…) would change what the crash says.
_NEUTRAL = "alpha beta gamma zeta theta kappa sigma omega foo baz qux thing stuff blob var obj node"
_WORDS = tuple(w for w in _NEUTRAL.split() if w not in STAGE_CUES)
_KEEP = (
    set(keyword.kwlist)
    | set(dir(builtins))
    | set(ALIASES)
    | set(STDLIB_NAMES)
    | {"self", "cls", "np", "pd", "plt", "sns", "tf", "torch", "Image", "In", "Out"}
)


def paraphrase(obj: dict, seed: int = 0) -> dict:
    """A copy of the labelled object ``obj`` with the user's names, strings and numbers
    changed (see the module doc); the labels are kept."""
    rng = np.random.default_rng(seed)
    # Without colours: the traceback's text is what is paraphrased (and what the model reads).
    traceback = [_ANSI.sub("", str(t)) for t in obj.get("traceback") or []]
    user_code = [line for entry in traceback if _is_user(entry) for line in _code_of(entry)]
    user_code += str(obj.get("code") or "").splitlines()
    names = _user_names(user_code)
    # The user's own strings: keys and column names (subscripts) and file paths; other literals
    # (a plot's format, an option's value) are someone's API and stay.
    strings = {
        m.group(2)
        for line in user_code
        for m in _STRING.finditer(line)
        if _PATH.search(m.group(2)) or _is_subscript(line, m)
    }
    evalue = str(obj.get("evalue") or "")
    # A quoted name of the message the code writes too (a key, a missing name) is the user's.
    for m in _STRING.finditer(evalue):
        quoted = m.group(2)
        if quoted in strings or (_PATH.search(quoted) and " " not in quoted):
            strings.add(quoted)
    used: set[str] = set()
    rename = {name: _new_name(name, rng, used) for name in sorted(names)}
    restring = {s: _new_string(s, rng, used) for s in sorted(strings)}
    shift = int(rng.integers(1, 8))

    def _quoted(text: str) -> str:
        return restring.get(text, rename.get(text, text))

    def change(text: str, numbers: bool) -> str:
        text = _STRING.sub(lambda m: m.group(1) + _quoted(m.group(2)) + m.group(1), text)
        text = _NAME.sub(lambda m: rename.get(m.group(1), m.group(1)), text)
        if numbers:
            text = _NUMBER.sub(lambda m: _shifted(m.group(1), shift), text)
        return text

    out = dict(obj)
    new_evalue = change(evalue, numbers=True)
    out["evalue"] = new_evalue
    new_tb = []
    for entry in traceback:
        if _is_user(entry):
            entry = _change_code_lines(entry, lambda line: change(line, numbers=True))
        elif evalue and evalue in entry:
            entry = entry.replace(evalue, new_evalue)
        else:
            entry = change(entry, numbers=False) if rename or restring else entry
        new_tb.append(entry)
    out["traceback"] = new_tb
    if obj.get("code"):
        out["code"] = change(str(obj["code"]), numbers=True)
    if "id" in obj:
        out["id"] = f"{obj['id']}~p{seed}"
    return out


def _shifted(number: str, shift: int) -> str:
    """Another number; 0 and 1 stay (an axis, a flag, an index base say something)."""
    return number if int(number) < 2 or len(number) > 9 else str(int(number) + shift)


def _is_user(entry: str) -> bool:
    first = entry.lstrip("\n").split("\n", 1)[0]
    return bool(_USER_FRAME.search(first))


def _code_of(entry: str) -> list[str]:
    return [m.group(2) for line in entry.split("\n")[1:] if (m := _CODE_LINE.match(line))]


def _change_code_lines(entry: str, change) -> str:
    lines = entry.split("\n")
    for i in range(1, len(lines)):
        m = _CODE_LINE.match(lines[i])
        if m:
            lines[i] = m.group(1) + change(m.group(2))
    return "\n".join(lines)


def _is_subscript(line: str, m: re.Match) -> bool:
    return line[: m.start()].rstrip().endswith("[") and line[m.end() :].lstrip()[:1] in "],"


def _user_names(lines: list[str]) -> set[str]:
    out, imported, called, defined = set(), set(), set(), set()
    for line in lines:
        code = _STRING.sub("''", line.split("#", 1)[0])  # names, not words inside strings
        if re.match(r"\s*(import|from)\s", code):  # module names are libraries, not the user's
            imported.update(m.group(1) for m in _NAME.finditer(code))
            continue
        for m in _NAME.finditer(code):
            name = m.group(1)
            if name in _KEEP or len(name) < 2 or name.startswith("__"):
                continue
            before = code[: m.start()].rstrip()[-1:]
            after = code[m.end() :].lstrip()[:2]
            if (
                before and before in "(," and after[:1] == "=" and after != "=="
            ):  # someone's API's keyword
                continue
            if after[:1] == "(":
                called.add(name)
            if (after[:1] == "=" and after != "==") or code[: m.start()].rstrip().endswith("def"):
                defined.add(name)
            out.add(name)
    # A function or class called but not defined in the code shown is imported: a library's.
    return out - imported - (called - defined)


def _new_name(name: str, rng, used: set[str]) -> str:
    while True:
        word = str(rng.choice(_WORDS))
        new = word.capitalize() if name[:1].isupper() else word
        new = f"{new}_{int(rng.integers(1, 99))}" if new in used or new in _KEEP else new
        if new not in used and new != name:
            used.add(new)
            return new


def _new_string(text: str, rng, used: set[str]) -> str:
    if _PATH.search(text):
        suffix = re.search(r"\.\w+$", text)
        return f"data/{_new_name('x', rng, used)}{suffix.group(0) if suffix else ''}"
    if re.fullmatch(r"[\w ]+", text):
        return _new_name(text, rng, used)
    return text
