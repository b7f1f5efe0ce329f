"""Imports: a module that is not installed, a name that cannot be imported, a broken install,
and a well-known module alias (``np``, ``pd``, ``plt``) used before its import ran."""

from __future__ import annotations

import re

from ..text import as_code, close_matches
from ..traceback import ParsedError
from .base import Facts, RuleMatch, Template, named
from .tables.known_imports import ALIASES, import_for
from .tables.packages import KNOWN_SUBMODULES, MISNAMED, PIP_NAMES
from .tables.removed_apis import lookup, lookup_module

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
MODULE_NOT_FOUND = "imports.module_not_found"
OPTIONAL_DEPENDENCY = "imports.optional_dependency"
NOT_A_PACKAGE = "imports.not_a_package"
CANNOT_IMPORT_NAME = "imports.cannot_import_name"
BROKEN_INSTALL = "imports.broken_install"
ALIAS_NOT_IMPORTED = "imports.alias_not_imported"

_NOT_A_PACKAGE = re.compile(r"No module named '?([\w.]+)'?; '?([\w.]+)'? is not a package")
_CANNOT_IMPORT = re.compile(
    r"cannot import name '?([\w.]+)'?(?: from '?([\w.]+)'?)?(?: \((?P<path>[^)]*)\))?"
)
_BROKEN = re.compile(
    r"DLL load failed|cannot open shared object file|undefined symbol|Could not load "
    r"dynamic library|WinError 126|The specified module could not be found|Error loading .*\.dll"
    r"|compiled (?:using|against) (?:NumPy|API version)|numpy\.core\.multiarray failed to import"
    r"|_ARRAY_API not found|partially initialized module|circular import|Please install"
    r"|requires the .* package|is not installed|install (?:it|the)",
    re.I,
)


def _known_modules() -> set[str]:
    known = set(PIP_NAMES) | set(KNOWN_SUBMODULES)
    for statement in ALIASES.values():
        known.add(statement.split()[1])
    return {k for k in known if not k.startswith("(")}


def misspelt_module(module: str) -> str | None:
    """The import name the user probably meant: a near miss of a well-known module, or the pip
    name written instead of the import name (``scikit_learn`` for ``sklearn``)."""
    by_pip = {v.split(" ")[0].lower().replace("-", "_"): k for k, v in PIP_NAMES.items()}
    top = module.split(".")[0]
    if top in MISNAMED or top.lower() in MISNAMED:
        return MISNAMED.get(top, MISNAMED.get(top.lower())) + module[len(top) :]
    if top.lower() in by_pip and by_pip[top.lower()] != top:
        return by_pip[top.lower()] + module[len(top) :]
    if module in _KNOWN:
        return None
    close = close_matches(module, _KNOWN, n=1, cutoff=0.85, ignore_case=False)
    return close[0] if close else None


def package_for(module: str) -> str:
    """The pip package that provides the import name ``module``."""
    for candidate in (module, module.split(".")[0]):
        if candidate in PIP_NAMES:
            return PIP_NAMES[candidate]
    return module.split(".")[0].replace("_", "-")


@named(MODULE_NOT_FOUND)
def module_not_found(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ModuleNotFoundError", "ImportError") and (
        "No module named" not in parsed.message
    ):
        return None
    m = re.search(r"No module named ['\"]?([\w.]+)['\"]?", parsed.message)
    if m is None:
        return None
    if _NOT_A_PACKAGE.search(parsed.message):
        return None  # a local file shadows a package: environment_error below
    module = m.group(1)
    facts = {"module": module, "top_module": module.split(".")[0], "package": package_for(module)}
    moved = lookup_module(module)
    typo = None if moved else misspelt_module(module)
    if moved is not None:
        facts.update(replacement=moved.use, replaced_library=moved.library, note=moved.note)
    elif typo is not None:
        facts["suggestion"] = typo
    elif "." in module and parsed.user_line:
        # "No module named 'pkg.sub'" while 'pkg' imports fine: a renamed submodule.
        facts["submodule"] = "yes"
    return RuleMatch(
        rule=MODULE_NOT_FOUND,
        crash_type="module_not_found",
        root_cause="environment_setting" if moved is None and typo is None else None,
        library="none",
        confidence=0.97,
        facts=facts,
    )


@named(NOT_A_PACKAGE)
def not_a_package(parsed: ParsedError) -> RuleMatch | None:
    m = _NOT_A_PACKAGE.search(parsed.message)
    if m is None:
        return None
    return RuleMatch(
        rule=NOT_A_PACKAGE,
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.9,
        facts={"module": m.group(1), "shadow": m.group(2)},
    )


@named(CANNOT_IMPORT_NAME)
def cannot_import_name(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "ImportError" and "cannot import name" not in parsed.message:
        return None
    m = _CANNOT_IMPORT.search(parsed.message)
    if m is None:
        return None
    name, module = m.group(1), m.group(2) or ""
    facts = {"name": name, "module": module}
    if m.group("path") and "site-packages" not in m.group("path"):
        facts["local_path"] = m.group("path")
    hit = lookup(module, name) if module else None
    if hit is None and not module:
        fm = re.search(r"from\s+([\w.]+)\s+import", parsed.user_line)
        if fm:
            module = fm.group(1)
            facts["module"] = module
            hit = lookup(module, name)
    if hit is not None:
        facts.update(replacement=hit.use, note=hit.note, replaced_library=hit.library)
    if "partially initialized module" in parsed.message or "circular import" in parsed.message:
        facts["circular"] = "yes"
    return RuleMatch(
        rule=CANNOT_IMPORT_NAME,
        crash_type="environment_error",
        root_cause=None,
        confidence=0.85,
        facts=facts,
    )


@named(BROKEN_INSTALL)
def broken_install(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename not in ("ImportError", "OSError", "RuntimeError", "AttributeError"):
        return None
    if parsed.ename != "ImportError" and not re.search(
        r"DLL load failed|cannot open shared object file|compiled (?:using|against) NumPy"
        r"|numpy\.core\.multiarray failed to import|_ARRAY_API not found|WinError 126"
        r"|Error loading \"?[^\"]*\.dll",
        parsed.message,
    ):
        return None
    if re.search(
        r"No module named|cannot import name|Missing optional dependency|`Import [\w.]+` failed",
        parsed.message,
    ):
        return None
    m = _BROKEN.search(parsed.message)
    facts = {"detail": m.group(0)} if m else {}
    pm = re.search(r"pip3? install ([\w.\-\[\]]+)", parsed.message)
    if pm:
        facts["package"] = pm.group(1)
    return RuleMatch(
        rule=BROKEN_INSTALL,
        crash_type="environment_error",
        root_cause="environment_setting",
        confidence=0.8 if m else 0.6,
        facts=facts,
    )


@named(ALIAS_NOT_IMPORTED)
def alias_not_imported(parsed: ParsedError) -> RuleMatch | None:
    """NameError on ``np``/``pd``/``plt``...: the module's import has not run in this kernel."""
    if parsed.ename != "NameError":
        return None
    m = re.search(r"name '(\w+)' is not defined", parsed.message)
    if m is None or m.group(1) not in ALIASES:
        return None
    alias = m.group(1)
    statement = import_for(alias, parsed.user_line or parsed.user_code)
    return RuleMatch(
        rule=ALIAS_NOT_IMPORTED,
        crash_type="module_not_found",
        library="none",
        ml_bug=None,
        confidence=0.85,
        facts={"name": alias, "import": statement, "module": statement.split()[1]},
    )


@named(OPTIONAL_DEPENDENCY)
def optional_dependency(parsed: ParsedError) -> RuleMatch | None:
    """pandas & co. name the optional package they need ("Missing optional dependency 'x'")."""
    m = re.search(
        r"Missing optional dependency '([\w.\-]+)'|`Import ([\w.]+)` failed"
        r"|Can't find model '([\w.\-]+)'",
        parsed.message,
    )
    if m is None:
        return None
    module = m.group(1) or m.group(2)
    if module:
        facts = {"module": module, "top_module": module, "package": package_for(module)}
    else:  # spaCy's language models are pip packages, downloaded with spacy
        facts = {"module": m.group(3), "spacy_model": m.group(3)}
    return RuleMatch(
        rule=OPTIONAL_DEPENDENCY,
        crash_type="module_not_found",
        root_cause="environment_setting",
        confidence=0.85,
        facts=facts,
    )


_KNOWN = sorted(_known_modules())
_KNOWN_TOPS = frozenset(k.split(".")[0] for k in _KNOWN)


def is_known_module(top: str) -> bool:
    """Whether a top-level module is one whose package nbcrash knows (not a user's own file)."""
    return top in _KNOWN_TOPS


RULES = (
    module_not_found,
    optional_dependency,
    not_a_package,
    cannot_import_name,
    broken_install,
    alias_not_imported,
)


# ----------------------------------------------------------- hints: the words the user reads


def module_not_found_hint(p: ParsedError, f: Facts) -> str:
    """The hint of a missing module (the generic module_not_found hint uses it too)."""
    module, package = f.get("module", ""), f.get("package", "")
    if f.get("replacement"):
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{module}` no longer exists{note}: import from {as_code(f['replacement'])} instead."
        )
    if package.startswith("(only available on"):
        return (
            f"`{module}` exists only {package[1:-1].replace('only available ', '')}: outside it, "
            "remove this import and read your files from a local path instead."
        )
    top = f.get("top_module", module)
    if f.get("suggestion"):
        return (
            f"There is no module `{module}`: did you mean `{f['suggestion']}`? Check the spelling "
            "of the import (the pip name and the import name can differ)."
        )
    alias = re.fullmatch(rf"import ([\w.]+) as {re.escape(top)}", ALIASES.get(module, ""))
    if alias and alias.group(1) != top:
        # `import tf` for `import tensorflow as tf`: the short name is only an alias.
        return f"`{top}` is only the usual short name, not a module: write `{alias.group(0)}`."
    if "." in module and f.get("submodule"):
        # Python names the first part it cannot find: `top` itself was found.
        return (
            f"`{top}` is there, but has no submodule `{module}`: it was renamed or removed in "
            "your version (or is misspelt); look up its current location in the documentation."
        )
    if top == "google":
        return (
            "`google` is the shared prefix of many packages: install the one this import needs, "
            "e.g. `%pip install google-cloud-storage` for `google.cloud.storage`, then restart the "
            "kernel (`google.colab` exists only on Colab)."
        )
    guessed = package.replace("-", "_").lower() == top.lower()
    renamed = "" if guessed else f" (the package is called `{package}`)"
    # A name we know nothing of may as well be the user's own file (`utils`, `task`).
    own = (
        f" If `{top}` is your own `{top}.py`, put it in the notebook's folder instead."
        if guessed and not is_known_module(top)
        else ""
    )
    return (
        f"The module `{top}` is not installed in this kernel's environment{renamed}: run "
        f"`%pip install {package.split(' ')[0]}` in a cell, then restart the kernel.{own}"
    )


def _optional_package_missing(p, f):
    if f.get("spacy_model"):
        return (
            f"The spaCy model `{f['spacy_model']}` is not downloaded: run "
            f"`!python -m spacy download {f['spacy_model']}`, then restart the kernel."
        )
    return (
        f"This function needs the optional package `{f.get('module')}`: run "
        f"`%pip install {f.get('package', f.get('module'))}`, then restart the kernel."
    )


def _alias_not_imported(p: ParsedError, f: Facts) -> str:
    return (
        f"`{f['name']}` is normally imported, but no cell run in this kernel imported it: run "
        f"`{f['import']}` (or your imports cell) first."
    )


def _package_shadowed(p: ParsedError, f: Facts) -> str:
    shadow = f.get("shadow", "")
    return (
        f"Python found a `{shadow}` that is not the package you mean, usually your own "
        f"`{shadow}.py` next to the notebook: rename that file and restart the kernel."
    )


def _name_not_in_module(p: ParsedError, f: Facts) -> str:
    name, module = f.get("name", ""), f.get("module", "")
    if f.get("replacement"):
        note = f" ({f['note']})" if f.get("note") else ""
        return (
            f"`{name}` is no longer in `{module}`{note}: use {as_code(f['replacement'])} instead."
        )
    if f.get("circular"):
        return (
            f"`{module}` is only partly imported (a circular import): most often a file of yours "
            f"has the same name as the library; rename it and restart the kernel."
        )
    if f.get("local_path"):
        return (
            f"Your module `{module}` has no `{name}`: check the spelling, and restart the kernel "
            "if you edited the file (Python keeps the old version imported)."
        )
    top = module.split(".")[0] if module else "the library"
    return (
        f"The installed `{top}` has no `{name}`: it was renamed or removed in your version. "
        f"Compare `{top}.__version__` with the version the code was written for."
    )


def _broken_install(p: ParsedError, f: Facts) -> str:
    if f.get("package"):
        return (
            f"This needs an extra package: run `%pip install {f['package']}`, then restart "
            "the kernel."
        )
    if "libGL" in p.message or "libgthread" in p.message:
        return (
            "OpenCV needs system graphics libraries that are missing: use "
            "`%pip install opencv-python-headless` (or install libgl1 with apt)."
        )
    if not re.search(
        r"DLL|shared object|symbol|dynamic library|compiled|ARRAY_API|multiarray",
        f.get("detail", "") + p.message,
    ):
        return (
            "An import failed although the module exists: read the message for the package it "
            "needs, install or upgrade it with `%pip install -U ...`, then restart the kernel."
        )
    return (
        "A compiled part of a library failed to load: its installed version does not fit the "
        "others (often NumPy 2 vs. a package built for NumPy 1). Upgrade them together with "
        "`%pip install -U ...` and restart the kernel."
    )


HINTS: dict[str, Template] = {
    MODULE_NOT_FOUND: module_not_found_hint,
    OPTIONAL_DEPENDENCY: _optional_package_missing,
    ALIAS_NOT_IMPORTED: _alias_not_imported,
    NOT_A_PACKAGE: _package_shadowed,
    CANNOT_IMPORT_NAME: _name_not_in_module,
    BROKEN_INSTALL: _broken_install,
}
