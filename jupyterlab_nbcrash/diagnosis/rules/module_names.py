"""Which modules nbcrash knows: the import name a misspelt one meant, the pip package that
installs one, and the names a well-known module holds (for "did you mean")."""

from __future__ import annotations

import re
import sys

from ..definitions import binds, imports_name, seen_code
from ..text import close_matches, edit_distance
from ..traceback import ParsedError
from .tables.known_imports import ALIASES, KNOWN_IMPORTS, import_for
from .tables.packages import KNOWN_SUBMODULES, MISNAMED, PIP_NAMES, WELL_KNOWN


def _known_modules() -> set[str]:
    known = set(PIP_NAMES) | set(KNOWN_SUBMODULES) | set(WELL_KNOWN)
    for statement in ALIASES.values():
        known.add(statement.split()[1])
    return {k for k in known if not k.startswith("(")}


# The standard library's public modules: a near miss of one is a typo (`colections`), the Python
# 2 name of one (`Tkinter`, `cPickle`) or a module this Python build lacks; never a pip package.
STDLIB_TOPS = frozenset(
    m for m in getattr(sys, "stdlib_module_names", ()) if not m.startswith("_") and m != "this"
)


# Import names by their pip name written as a module (`scikit_learn` -> `sklearn`).
_BY_PIP = {v.split(" ")[0].lower().replace("-", "_"): k for k, v in PIP_NAMES.items()}


def misspelt_module(module: str) -> str | None:
    """The import name the user probably meant: a near miss of a well-known module, or the pip
    name written instead of the import name (``scikit_learn`` for ``sklearn``)."""
    top = module.split(".")[0]
    if top in MISNAMED or top.lower() in MISNAMED:
        return MISNAMED.get(top, MISNAMED.get(top.lower())) + module[len(top) :]
    if top in KNOWN_TOPS or top in STDLIB_TOPS:
        if module in _KNOWN or "." not in module:
            return None  # a real module's own name (`prophet`, not `fbprophet` written anew)
    else:
        if top.lower() in _BY_PIP and _BY_PIP[top.lower()] != top:
            return _BY_PIP[top.lower()] + module[len(top) :]
    if len(module) < 3:
        return None
    # One slip (a letter added, dropped, changed, or two swapped), case ignored: `statsmodel`,
    # `salenium`, `PTL` for `PIL`, `Tkinter`; a closer look-alike than that is another package.
    pool = _BY_INITIAL.get(module[0].lower(), ())
    near = [k for k in pool if abs(len(k) - len(module)) <= 1 and _one_slip(module, k)]
    if len(near) > 1:
        # `PTL`: `PIL` (written in capitals too) rather than the standard library's `pty`.
        alike = [k for k in near if k.isupper() == module.isupper() and k not in STDLIB_TOPS]
        near = alike if len(alike) == 1 else near
    if not near:
        near = _first_letters_swapped(module)
    if not near:
        near = _stuttered(module)
    if not near and len(module) >= 9 and module.islower():
        # `mayploylib`: two letters changed in a long name, and only one well-known module of
        # that length reads so. Not a standard module's name: `fontTools`, `contextkit`,
        # `connections` are packages of their own two letters off `functools`, `contextlib`,
        # `collections`; nor a name in capitals, which no slip of the fingers spells
        near = [
            k
            for k in pool
            if len(k) == len(module) and k not in STDLIB_TOPS and _two_changed(module, k)
        ]
    return near[0] if len(near) == 1 else None


def _two_changed(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (same length, case ignored) differ in exactly two letters, none
    the first and none a digit or `_`."""
    a, b = a.lower(), b.lower()
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return a[:1] == b[:1] and len(pairs) == 2 and all(x.isalpha() and y.isalpha() for x, y in pairs)


def _stuttered(module: str) -> list[str]:
    """The known modules ``module`` reads as once a key held down is let go (`pandasssss` for
    `pandas`): three or more of one letter in a row, cut to one or two, make a known name."""
    if not re.search(r"(\w)\1\1", module):
        return []
    cut = {re.sub(r"(\w)\1{2,}", r"\1" * n, module) for n in (1, 2)}
    return sorted(c for c in cut if c in _KNOWN_SET or c in STDLIB_TOPS)


def _first_letters_swapped(module: str) -> list[str]:
    """The known modules ``module`` reads as with its first two letters swapped back (`apndas`
    for `pandas`): the one slip the same-first-letter pool cannot see. Four letters at least, as
    a swap in a shorter name makes another plausible name."""
    if len(module) < 4 or module[0].lower() == module[1].lower():
        return []
    swapped = (module[1] + module[0] + module[2:]).lower()
    return [k for k in _BY_INITIAL.get(swapped[0], ()) if k.lower() == swapped]


def _one_slip(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (case ignored) are at most one typing slip apart (a letter
    added, dropped or changed, or neighbours swapped) after the first letter, and the slip is
    no digit: `task` is no `dask`, `cv3` no `cv2`."""
    a, b = a.lower(), b.lower()
    if a[:1] != b[:1] or edit_distance(a, b, 1) > 1:
        return False
    changed = (
        {c for x, y in zip(a, b, strict=True) if x != y for c in (x, y)}
        if len(a) == len(b)
        else set()
    )
    return not any(c.isdigit() for c in changed)


def package_for(module: str) -> str:
    """The pip package that provides the import name ``module``."""
    root = distribution_root(module)
    return PIP_NAMES.get(root, root.replace("_", "-"))


def distribution_root(module: str) -> str:
    """The part of a dotted module that one package installs: `google.protobuf` of
    `google.protobuf.internal`, `sklearn` of `sklearn.utils`."""
    parts = module.split(".")
    for n in range(len(parts), 1, -1):
        if ".".join(parts[:n]) in PIP_NAMES:
            return ".".join(parts[:n])
    return parts[0]


_KNOWN = sorted(_known_modules())
KNOWN_TOPS = frozenset(k.split(".")[0] for k in _KNOWN)
_KNOWN_SET = frozenset(_KNOWN)
# The names a misspelt module is compared with, by first letter (a slip keeps the first letter).
_BY_INITIAL: dict[str, list[str]] = {}
for _name in sorted(set(_KNOWN) | STDLIB_TOPS):
    _BY_INITIAL.setdefault(_name[0].lower(), []).append(_name)
# What well-known modules hold (from the tables): `pyplot` of `matplotlib`, `Conv2D` of
# `tensorflow.keras.layers`; for "did you mean" when a name cannot be imported from one.
_MEMBERS: dict[str, set[str]] = {}
for _sub in _KNOWN:
    if "." in _sub:
        _MEMBERS.setdefault(_sub.rsplit(".", 1)[0], set()).add(_sub.rsplit(".", 1)[1])
for _statement in KNOWN_IMPORTS.values():
    _m = re.fullmatch(r"from ([\w.]+) import (\w+)", _statement)
    if _m:
        _MEMBERS.setdefault(_m.group(1), set()).add(_m.group(2))


# Names a project gives its own modules (`utils`, `my_model`, `data_loader`, `helpers`).
PROJECT_NAMES = re.compile(
    r"^(?:utils?|helpers?|common|config|settings|tools|functions|lib|src|modules?|models?|model_"
    r"\w+|data|dataset|data_\w+|preprocess(?:ing)?|train(?:ing)?|main|app|my\w*|custom\w*"
    # the packages of research repositories, imported from a clone (latent diffusion's `ldm`)
    r"|ldm|taming|object_detection|mrcnn|slim|nets|networks?|layers|losses|metrics|core"
    r"|scratch|exp|nb_?\d\w*|tests?"
    # a notebook of the user's imported as a module (`import_ipynb`)
    r"|untitled\d*)$"
    # a file named for the project's own work (`sales_analysis`)
    r"|_(?:utils?|helpers?|functions|tools|analysis)$",
    re.I,
)


def is_known_submodule(module: str) -> bool:
    """Whether the tables know a dotted module (`google.colab`, `tensorflow.keras`)."""
    return module in _KNOWN_SET


def is_known_module(top: str) -> bool:
    """Whether a top-level module is one whose package nbcrash knows (not a user's own file)."""
    return top in KNOWN_TOPS


def pip_name(module: str) -> str:
    """The pip name alone of the package that provides ``module`` (without a note)."""
    return package_for(module).split(" ")[0]


def separately_installed(module: str) -> bool:
    """A dotted module that is a package of its own (`google.cloud`, `mpl_toolkits.basemap`)."""
    parts = module.split(".")
    return any(".".join(parts[:n]) in PIP_NAMES for n in range(2, len(parts) + 1))


def class_named_like(module: str) -> tuple[str, str]:
    """`sklearn.kmeans` (or `sklearn.linear_regression`): a submodule named after a class that
    another module of the same package holds (`KMeans` of `sklearn.cluster`); that module and
    the class, or ("", "") when the tables know none, or more than one."""
    top, _, sub = module.partition(".")
    if not sub or "." in sub:
        return "", ""
    flat = sub.replace("_", "").lower()
    found = {
        (holder, name)
        for holder, names in _MEMBERS.items()
        if holder.startswith(top + ".")
        for name in names
        if name != sub and name[:1].isupper() and name.lower() == flat
    }
    return next(iter(found)) if len(found) == 1 else ("", "")


def close_member(module: str, name: str) -> str:
    """A name of ``module`` close to ``name``, from what the tables know the module holds (the
    Keras layers under both `keras` and `tensorflow.keras`)."""
    twin = module[len("tensorflow.") :] if module.startswith("tensorflow.keras") else ""
    twin = twin or (f"tensorflow.{module}" if module.startswith("keras") else "")
    members = _MEMBERS.get(module, set()) | _MEMBERS.get(twin, set())
    close = close_matches(name, members, n=1)
    return close[0] if close else ""


def dropped_prefix_hint(p: ParsedError, name: str) -> str:
    """`nn.l2_loss(w)` in code that reads `tf.nn.l2_loss` elsewhere and imports no `torch`: the
    library's prefix was dropped, and the import the tables give for `nn` (`import torch.nn as
    nn`) would bring a library the notebook does not use. "" otherwise (a standard module is
    only not imported)."""
    statement = import_for(name, p.user_line or p.user_code)
    if not statement or f".{name}" not in p.user_code + "".join(p.notebook_code):
        return ""
    top = statement.split()[1].split(".")[0]
    code, _ = seen_code(p)
    if top in STDLIB_TOPS or re.search(rf"^[ \t]*(?:from|import)[ \t]+{top}\b", code, re.M):
        return ""
    if binds(code, name):
        return ""
    member = re.search(rf"(?<![\w.]){re.escape(name)}\.(\w+)", p.user_line)
    if not member:
        return ""
    # the same member read through an imported module elsewhere (`tf.nn.l2_loss`): `sm.stats`
    # beside a bare `stats.norm` is no sign that scipy's `stats` was not meant
    used = rf"(?<![\w.])([A-Za-z_]\w*)\.{re.escape(name)}\.{member.group(1)}\b"
    prefix = next((x for x in re.findall(used, code) if x != name and imports_name(code, x)), "")
    if not prefix:
        return ""
    written = f"{prefix}.{name}.{member.group(1)}"
    return (
        f"`{name}` alone is not defined, and this notebook imports no `{top}` (whose `{name}` is "
        f"the usual one) but reads `{written}` elsewhere: write `{written}` here too."
    )
