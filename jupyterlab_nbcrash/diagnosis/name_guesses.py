"""What an undefined name most likely means, read from the notebook's imports and the failing
cell: the conventional `device` of PyTorch code, a library name typed with one slip, or the
name a line just above gave the value (`words_dict` for `words`, `rror` for `Error`).

Each guess speaks only when it is the single reading the notebook allows; else it returns ""
and the notebook analysis keeps its generic hint.
"""

from __future__ import annotations

import re

from .rules.tables.known_imports import KNOWN_IMPORTS
from .text import edit_distance

__all__ = [
    "assigned_counterpart",
    "first_letter_slip",
    "imported_as",
    "misspelt_library_name",
    "quoted_definition",
    "torch_device_hint",
    "typed_twice",
]


def _imports_module(sources: list[str], top: str) -> bool:
    """Some cell imports the module ``top`` (or a submodule of it)."""
    pattern = re.compile(rf"^[ \t]*(?:import|from)[ \t]+{re.escape(top)}\b", re.M)
    return any(pattern.search(source) for source in sources)


def torch_device_hint(name: str, sources: list[str]) -> str:
    """`.to(device)` in a notebook that imports torch and never sets `device`: PyTorch code
    names the target device so by convention, and the notebook left out the line that sets
    it (the caller checks that no cell defines it)."""
    if name != "device" or not _imports_module(sources, "torch"):
        return ""
    return (
        "`device` is not defined anywhere in the notebook; PyTorch code sets it before use: "
        "add `device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')` and run it."
    )


def misspelt_library_name(name: str, sources: list[str]) -> tuple[str, str]:
    """`tranforms` in a notebook that imports torchvision: the one known library name
    (`transforms`) one typing slip from ``name`` whose module some cell imports, with its
    import statement; ("", "") when there is none or more than one."""
    if len(name) < 4:
        return "", ""  # `pt`, `sn`: too short to tell a slip from another name
    near = [
        (known, statement)
        for known, statement in KNOWN_IMPORTS.items()
        if abs(len(known) - len(name)) <= 1 and _typed_with_one_slip(name, known)
    ]
    near = [(k, s) for k, s in near if _imports_module(sources, _module_of(s))]
    return near[0] if len(near) == 1 else ("", "")


def _module_of(statement: str) -> str:
    """The top module of an import statement (`torchvision` of `from torchvision import x`)."""
    return statement.split()[1].split(".")[0]


def _typed_with_one_slip(name: str, known: str) -> bool:
    """One letter added, dropped or changed inside the word, case kept (`tranforms`): not a
    plural or singular (`model` is a variable, not torchvision's `models`), not a digit
    (`df2`), and not the first letter."""
    if name == known or name[0] != known[0] or edit_distance(name, known, 1) > 1:
        return False
    if name.rstrip("s") == known.rstrip("s") or name.lower() == known.lower():
        return False
    return not any(c.isdigit() for c in name + known)


def assigned_counterpart(name: str, lines_above: list[str]) -> str:
    """The one variable the code above the failing line assigns whose name is ``name``
    shortened or lengthened (`val_preds` for `valid_preds`, `words_dict` for `words`): the
    value the line meant, under the name it was given. "" when none or more than one does."""
    assigned = {
        found.group(1)
        for line in lines_above
        if (found := re.match(r"\s*([A-Za-z_]\w*)\s*=(?!=)", line.split("#", 1)[0]))
    }
    near = [
        a
        for a in assigned
        if a != name and (_counterpart(name.split("_"), a.split("_")) or first_letter_slip(name, a))
    ]
    return near[0] if len(near) == 1 else ""


def first_letter_slip(name: str, other: str) -> bool:
    """`rror = []` above `Error.append(...)`: the first letter dropped, added or changed, the
    rest the same (a slip the notebook-wide close-name look leaves out, since a name of
    another first letter elsewhere is most often another variable)."""
    if min(len(name), len(other)) < 3 or name.lower() == other.lower():
        return False
    return name[1:] == other or other[1:] == name or (name[1:] == other[1:] and len(name) >= 5)


def _counterpart(words: list[str], other: list[str]) -> bool:
    """``other`` is ``words`` with words added at the end (`words_dict`), or, in a name of
    several words, with one of them cut short or written out (`val` and `valid`; three letters
    at least)."""
    if "" in words or "" in other:
        return False  # `_x`, `x__y`: private or odd names are no one's slip
    if len(other) > len(words):
        return other[: len(words)] == words and len("_".join(words)) >= 4
    if len(other) != len(words) or len(words) < 2:
        # `mindegintrain` beside `mindeg`: a one-word name cut short is two names run
        # together as often as an abbreviation
        return False
    differ = [(w, o) for w, o in zip(words, other, strict=True) if w != o]
    if len(differ) != 1:
        return False
    short, long = sorted(differ[0], key=len)
    # `model` and `models`: a one and a list of them (`models.append(model)`), not one name
    return len(short) >= 3 and long.startswith(short) and long != short + "s"


def imported_as(name: str, sources: list[str]) -> tuple[int, str, str]:
    """`numpy.std(x)` where the notebook says `import numpy as np`: the module is bound only
    under its alias, so the name itself is undefined whether or not that cell ran. (index of
    the cell, the alias, the import line); (-1, "", "") when no cell imports ``name`` under
    one alias (two different aliases: which one is meant is a guess)."""
    pattern = re.compile(
        rf"^[ \t]*((?:from[ \t]+[\w.]+[ \t]+)?import[ \t]+(?:[\w.]+\.)?{re.escape(name)}"
        r"[ \t]+as[ \t]+([A-Za-z_]\w*))[ \t]*(?:#.*)?$",
        re.M,
    )
    found = [
        (i, m.group(2), m.group(1).strip())
        for i, src in enumerate(sources)
        for m in pattern.finditer(src)
    ]
    aliases = {alias for _, alias, _ in found}
    if len(aliases) != 1 or name in aliases:
        return -1, "", ""
    return found[0]


_TRIPLE_QUOTED = re.compile(r"(?s)(\"\"\"|\'\'\')(.*?)\1")


def quoted_definition(name: str, sources: list[str]) -> tuple[int, str]:
    """(index of the cell, the line) where ``name`` is assigned or defined only inside a
    triple-quoted string (a block of code switched off with quotes, which Python reads as
    text); (-1, "") when there is none (the caller checks that no cell binds the name)."""
    n = re.escape(name)
    line = re.compile(
        rf"^[ \t]*(?:{n}[ \t]*(?:,[^=\n]*)?=(?!=)|(?:def|class)[ \t]+{n}\b)[^\n]*", re.M
    )
    for index, source in enumerate(sources):
        if '"""' not in source and "'''" not in source:
            continue
        for string in _TRIPLE_QUOTED.finditer(source):
            if source[: string.start()].rstrip().endswith(":"):
                continue  # a docstring under its `def`/`class`: its examples are no code to run
            found = line.search(string.group(2))
            if found:
                return index, found.group().strip()
    return -1, ""


def typed_twice(name: str) -> str:
    """``name`` with a part of three characters or more that is typed twice in a row written
    once (`eps2eps2_01` → `eps2_01`, `x_trainain` → `x_train`), or "" when none is."""
    once = re.sub(r"([A-Za-z_][A-Za-z0-9_]{2,}?)\1", r"\1", name, count=1)
    return once if once != name else ""
