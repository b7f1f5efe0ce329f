"""How a package gets installed in a notebook: the line of the notebook that installs a missing
module, the hint when that install did not reach the kernel, and the packages a message asks
to install."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from .module_names import PROJECT_NAMES, is_known_module, misspelt_module, pip_name
from .tables.removed_apis import lookup_module

# A line that installs packages: `!pip install x`, `%pip install -q x==1.0`, `!conda install x`.
_INSTALL_LINE = re.compile(
    r"^[ \t]*[!%][ \t]*(?:pip3?|python3?\s+-m\s+pip|conda|mamba)\s+install\b([^\n#]*)", re.M
)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def install_line(source: str, module: str) -> str:
    """The line of ``source`` that installs the package providing ``module`` (by its import or
    its pip name), or "". Only for a top-level module nbcrash cannot read as a typo: a missing
    submodule of an installed package is no missing install."""
    wanted = _installed_as(module)
    if not wanted or "install" not in source:  # the notebook analysis asks cell by cell
        return ""
    for m in _INSTALL_LINE.finditer(source):
        for token in m.group(1).split():
            if token.startswith("-"):
                continue
            name = re.split(r"[\[<>=!~;@ ]", token.strip("'\""), maxsplit=1)[0]
            if _norm(name) in wanted:
                return m.group(0).strip()
    return ""


# An install line of any shape a cell may hold: `pip install x` (automagic) too.
_ANY_INSTALL = re.compile(r"^[ \t]*[!%]?[ \t]*pip3?[ \t]+install\b([^\n#]*)", re.M)


def installed_alike(sources, module: str) -> str:
    """A package a cell of ``sources`` installs whose name shares its first two words with
    ``module`` but is another (`app_store_scraper` beside `import app_store_reviews`): the
    library the notebook set up, under another module name. "" otherwise, and when the module
    only adds words to the installed name (`torch_geometric_temporal` beside `torch-geometric`:
    an add-on, a package of its own)."""
    words = _norm(module).split("-")
    if len(words) < 3:
        return ""
    for source in sources:
        for m in _ANY_INSTALL.finditer(source if "install" in source else ""):
            for token in m.group(1).split():
                name = re.split(r"[\[<>=!~;@ ]", token.strip("'\""), maxsplit=1)[0]
                if token.startswith("-") or _norm(name) == _norm(module):
                    continue
                installed = _norm(name).split("-")
                if installed == words[: len(installed)]:
                    continue  # `torch-geometric` beside `torch_geometric_temporal`: an add-on
                if installed[:2] == words[:2]:
                    return name
    return ""


@lru_cache(maxsize=256)
def _installed_as(module: str) -> frozenset[str]:
    """The package names (normalised) whose install provides ``module``; none for a submodule,
    a typo or a moved module."""
    if "." in module or misspelt_module(module) or lookup_module(module):
        return frozenset()
    if module in getattr(sys, "stdlib_module_names", ()):
        # `winsound` on Linux: a standard module of another system, which no pip install gives.
        return frozenset()
    names = {_norm(module), _norm(pip_name(module))}
    if len(names) == 1:
        # no pip name known: a project often publishes its module `x` as `x-lib` or `x-python`
        # (`Riskfolio-Lib` for `riskfolio`), names no other package takes
        names |= {f"{_norm(module)}{suffix}" for suffix in _PIP_SUFFIXES}
    return frozenset(names)


_PIP_SUFFIXES = ("-lib", "-python")


def install_not_taken_hint(module: str, line: str, where: str, ran: str = "before") -> str:
    """The hint when the notebook installs the missing module's package itself (``line``, in
    ``where``). ``ran``: "before" the failing import (the install did not reach this kernel),
    "after" it or "not" at all (run it first), "failed" (it ran, and its own import of the
    module failed the same way), or "" when the notebook does not tell."""
    top = module.split(".")[0]
    pip = pip_name(module)
    if PROJECT_NAMES.search(top) and not is_known_module(top):
        # `src`, `utils`: most often a folder of the project the notebook came from, which no
        # install gives; a package of that name is usually another one
        return (
            f"`{line}` in {where} installs a package named `{top}`, but `{top}` is most often a "
            "folder of the notebook's own project, which no install gives: run the notebook from "
            f"the folder that holds `{top}` (or add that folder to `sys.path`), then restart the "
            "kernel."
        )
    if _norm(pip) != _norm(top) and not re.search(rf"(?<![\w-]){re.escape(pip)}\b", line, re.I):
        # Installed by its import name, which is another package's pip name (or none): running
        # that line first, as the hint below says, would not give the module either.
        return (
            f"`{line}` in {where} installs a package named `{top}`, but the module `{top}` "
            f"comes from the package `{pip}`: run `%pip install {pip}`, then restart the kernel."
        )
    if ran == "failed":
        # that cell's own import failed the same way after its install ran: the install did
        # not give the module (failed, another Python, or a module of another name)
        return (
            f"`{line}` in {where} ran, yet that cell's own import of `{top}` failed the same way, "
            f"so running it again will not help. Read what the install printed (without `-q` or "
            f"`%%capture`): it may have failed (then install `{top}` as its project documents), "
            "or gone into another Python (then `%pip install` and restart the kernel)."
        )
    if ran in ("after", "not"):
        when = "ran only after this error" if ran == "after" else "has not run"
        return (
            f"`{line}` in {where} installs `{top}` but {when}: run it first, then this import "
            "again (restart the kernel if it still fails)."
        )
    if not ran and line.lstrip().startswith("%"):
        # already the kernel's own pip: a reset runtime (Colab) lost what it installed
        return (
            f"`{line}` in {where} installs `{top}`: run it before this import (again if the "
            "kernel or runtime was restarted since it ran), and restart the kernel if the import "
            "still fails."
        )
    if not ran:
        return (
            f"`{line}` in {where} installs `{top}`: run it before this import; if it already "
            "ran, the install did not reach this kernel, so use `%pip install` and restart the "
            "kernel."
        )
    if line.lstrip().startswith("!"):
        # a shell install may have gone into another Python, but it may as well have failed
        # (no such package) or given a module of another name (pystan 3 gives `stan`)
        return (
            f"`{line}` in {where} installs `{top}`, yet this kernel does not find it: either "
            f"the install failed or gives no module named `{top}` (read that cell's output), or "
            "it went into another Python (then use `%pip install` and restart the kernel)."
        )
    return (
        f"`{line}` in {where} installs `{top}`, yet this kernel does not find it: the install "
        "did not reach this kernel. Restart the kernel and run the imports again; if it is still "
        f"missing, the install failed (read that cell's output) or the package installs no "
        f"module named `{top}`."
    )


_INSTALL_ASK = re.compile(
    r"\b(pip install|install|reinstall|update|upgrade)\s+((?:[A-Za-z][\w.\-\[\]]*"
    r"(?:,\s*|\s+and\s+|\s+or\s+)?)+)",
    re.I,
)
_NOT_PACKAGES = frozenset(
    {
        "it",
        "the",
        "them",
        "a",
        "an",
        "this",
        "that",
        "for",
        "to",
        "with",
        "and",
        "or",
        "via",
        "using",
        "from",
        "in",
        "on",
        "of",
        "your",
        "numpy's",
        "package",
        "packages",
        "version",
        "please",
        "first",
        "again",
        "manually",
        "instead",
        "then",
        "be",
        "is",
    }
)


def asked_packages(message: str) -> tuple[str, list[str]]:
    """The packages a message asks to install, update or reinstall ("You must install pydot
    and graphviz", "Please update jupyter and ipywidgets", "reinstall numpy"), with the verb."""
    # Colab appends its own "NOTE: ... manually install dependencies" to every import failure:
    # the library's words end before it.
    own = message[:2_000].split("NOTE: If your import is failing", 1)[0]
    for m in _INSTALL_ASK.finditer(own):
        words = re.split(r",\s*|\s+", m.group(2))
        names = []
        for word in words:
            word = word.strip(".")
            if word.lower() in ("and", "or"):
                continue
            if not word or word.lower() in _NOT_PACKAGES:
                break
            names.append(word)
        if names:
            return m.group(1).lower(), names
    return "", []
