"""AttributeError: an object or module has no such attribute, often a removed or renamed API."""

from __future__ import annotations

import re

from ..text import as_code, code_strings, suggest
from ..traceback import ParsedError
from .base import RuleMatch, Template, named
from .tables.removed_apis import lookup

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
ATTRIBUTE_ERROR = "attributes.attribute_error"
NONE_ATTRIBUTE = "attributes.none_attribute"
REMOVED_API = "attributes.removed_api"
MODULE_ATTRIBUTE = "attributes.module_attribute"
ARRAY_NOT_FRAME = "attributes.array_not_frame"
PANDAS_ACCESSOR = "attributes.pandas_accessor"

_ATTR = re.compile(
    r"(?:(?P<mod>module) '(?P<module>[\w.]+)'|(?P<type>type object) '(?P<cls>[\w.]+)'"
    r"|'(?P<obj>[\w.]+)' object)(?: \(most likely due to a circular import\))?"
    r" has no attribute '(?P<attr>\w+)'"
)
_DID_YOU_MEAN = re.compile(r"Did you mean:? '?([\w.]+)'?\??")
# The owning library of common class names, for the label when no library frame is shown.
CLASS_LIBRARIES = {
    "DataFrame": "pandas",
    "Series": "pandas",
    "Index": "pandas",
    "DataFrameGroupBy": "pandas",
    "SeriesGroupBy": "pandas",
    "Timestamp": "pandas",
    "ndarray": "numpy",
    "numpy.ndarray": "numpy",
    "Tensor": "torch",
    "Sequential": "tensorflow",
    "Functional": "tensorflow",
    "Model": "tensorflow",
    "History": "tensorflow",
    "EagerTensor": "tensorflow",
    "AxesSubplot": "matplotlib",
    "Axes": "matplotlib",
    "Figure": "matplotlib",
    "FacetGrid": "seaborn",
    "PairGrid": "seaborn",
}


@named(
    "attributes.missing_attribute",
    ATTRIBUTE_ERROR,
    NONE_ATTRIBUTE,
    REMOVED_API,
    MODULE_ATTRIBUTE,
    ARRAY_NOT_FRAME,
    PANDAS_ACCESSOR,
)
def missing_attribute(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "AttributeError":
        return None
    m = _ATTR.search(parsed.message)
    facts: dict[str, str] = {}
    library = None
    rule = ATTRIBUTE_ERROR
    confidence = 0.9
    if m:
        owner = m.group("module") or m.group("cls") or m.group("obj")
        kind = "module" if m.group("mod") else ("type" if m.group("type") else "object")
        attr = m.group("attr")
        facts.update(owner=owner, attribute=attr, kind=kind)
        short_owner = owner.rsplit(".", 1)[-1] if kind != "module" else owner
        if owner == "NoneType":
            rule = NONE_ATTRIBUTE
            facts["none"] = "yes"
        hit = lookup(short_owner, attr)
        if hit is not None:
            rule = REMOVED_API
            facts.update(replacement=hit.use, note=hit.note)
            library = None if hit.library == "none" else hit.library
            confidence = 0.95
        elif kind == "module":
            rule = MODULE_ATTRIBUTE
        else:
            library = CLASS_LIBRARIES.get(short_owner) or CLASS_LIBRARIES.get(owner)
            if attr.endswith("_") and not attr.startswith("_"):
                facts["fitted_attribute"] = "yes"  # scikit-learn sets these in fit()
            if owner in ("numpy.ndarray", "ndarray") and attr in (
                "columns",
                "iloc",
                "loc",
                "head",
                "values",
                "info",
                "iteritems",
                "describe",
                "index",
                "to_csv",
                "dropna",
                "fillna",
                "isnull",
                "plot",
                "corr",
                "apply",
            ):
                facts["expected"] = "DataFrame"
                rule = ARRAY_NOT_FRAME
    accessor = re.search(r"Can only use \.(\w+) accessor with", parsed.message)
    if accessor:
        rule = PANDAS_ACCESSOR
        facts["accessor"] = accessor.group(1)
        library = "pandas"
    did = _DID_YOU_MEAN.search(parsed.message)
    if did:
        facts["suggestion"] = did.group(1)
    return RuleMatch(
        rule=rule,
        crash_type="attribute_error",
        library=library,
        confidence=confidence,
        facts=facts,
    )


RULES = (missing_attribute,)


# ----------------------------------------------------------- hints: the words the user reads


def _removed_api(p, f):
    upgrade = re.match(r"pip install (-U )?(\S+)(?: \((needs [^)]*)\))?$", f.get("replacement", ""))
    if upgrade:
        needs = f" ({upgrade.group(3)})" if upgrade.group(3) else ""
        return (
            f"`{f.get('attribute')}` is newer than your {f.get('owner')}{needs}: run "
            f"`%pip install -U {upgrade.group(2)}`, then restart the kernel."
        )
    note = f" ({f['note']})" if f.get("note") else ""
    return (
        f"`{f.get('attribute')}` was removed from {f.get('owner')}{note}: use "
        f"{as_code(f['replacement'])} instead."
    )


def _pandas_accessor_dtype(p, f):
    convert = {
        "str": "`.astype(str)`",
        "dt": "`pd.to_datetime(...)`",
        "cat": "`.astype('category')`",
    }.get(f.get("accessor", ""), "the right dtype")
    return (
        f"The `.{f.get('accessor')}` accessor needs a column of the matching dtype: convert it "
        f"first with {convert} (check `df.dtypes`; a re-run cell may have converted it already)."
    )


def _attribute_of_none(p, f):
    if "imread" in p.user_code:
        return (
            "`cv2.imread` returned None: the image path is wrong or the file unreadable; "
            "check the path and `img is not None` before using it."
        )
    return (
        f"You call `.{f.get('attribute')}` on None: the step before returned nothing (e.g. "
        "`inplace=True`, `.sort()`, a function without `return`); use its object instead."
    )


def _array_not_frame(p, f):
    return (
        f"This is a NumPy array, which has no `.{f.get('attribute')}` (scalers and "
        "`.values` return "
        "arrays): wrap it with `pd.DataFrame(X, columns=...)` or use array indexing."
    )


def _missing_attribute(p, f):
    owner, attr = f.get("owner", "the object"), f.get("attribute", "")
    if "partially initialized module" in p.message or "circular import" in p.message:
        return (
            f"`{owner}` is only partly imported: a file of yours is probably named "
            f"`{owner.split('.')[0]}.py` and shadows the library; rename it and restart the kernel."
        )
    if f.get("suggestion"):
        return f"`{owner}` has no attribute `{attr}`. Did you mean `{f['suggestion']}`?"
    if owner in ("DataFrame", "Series") and attr:
        close = suggest(attr, code_strings(p))
        if close:
            return (
                f"`{attr}` is not a DataFrame attribute; did you mean the column {close} "
                f"(`df[{close[1:-1]!r}]`)?"
            )
        return (
            f"The {owner} has no attribute or column `{attr}`: for columns use `df['{attr}']` and "
            "check `df.columns`; for methods check the pandas docs of your version."
        )
    if f.get("kind") == "module":
        return (
            f"The module `{owner}` has no `{attr}`: check the spelling and your installed version, "
            f"and that no file of yours is named `{owner.split('.')[0]}.py`."
        )
    if f.get("fitted_attribute"):
        return (
            f"`{attr}` exists only after fitting: call `.fit(...)` on this {owner} first (and "
            "check the name: scikit-learn's fitted attributes end with `_`)."
        )
    if owner in ("Tensor", "EagerTensor", "SymbolicTensor") and attr == "numpy":
        return (
            "`.numpy()` works only eagerly: inside `tf.function`/`model.fit` code the tensor is "
            "symbolic; use TensorFlow ops there, or call it outside."
        )
    if owner in ("numpy.ndarray", "ndarray") and attr == "append":
        return "NumPy arrays have no `.append`: use a Python list, or `arr = np.append(arr, x)`."
    if owner in ("Series", "DataFrame") and attr in ("reshape", "ravel"):
        return f"pandas objects have no `.{attr}`: use `.to_numpy().{attr}(...)`."
    if owner in ("list", "tuple") and attr in ("shape", "reshape", "astype", "mean", "sum", "size"):
        return f"A Python {owner} has no `.{attr}`: convert it first with `np.array(...)`."
    if attr:
        return (
            f"A `{owner}` object has no attribute `{attr}`: check the spelling and what type "
            "the variable really holds."
        )
    return "The object has no such attribute: check the spelling and the variable's type."


HINTS: dict[str, Template] = {
    REMOVED_API: _removed_api,
    PANDAS_ACCESSOR: _pandas_accessor_dtype,
    NONE_ATTRIBUTE: _attribute_of_none,
    ARRAY_NOT_FRAME: _array_not_frame,
    MODULE_ATTRIBUTE: _missing_attribute,
    ATTRIBUTE_ERROR: _missing_attribute,
}
