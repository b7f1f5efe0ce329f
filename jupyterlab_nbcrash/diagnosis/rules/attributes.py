"""AttributeError: an object or module has no such attribute, often a removed or renamed API."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import RuleMatch, named
from .removed_apis import lookup

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
    "attributes.attribute_error",
    "attributes.none_attribute",
    "attributes.removed_api",
    "attributes.module_attribute",
    "attributes.array_not_frame",
    "attributes.pandas_accessor",
)
def missing_attribute(parsed: ParsedError) -> RuleMatch | None:
    if parsed.ename != "AttributeError":
        return None
    m = _ATTR.search(parsed.message)
    facts: dict[str, str] = {}
    library = None
    rule = "attributes.attribute_error"
    confidence = 0.9
    if m:
        owner = m.group("module") or m.group("cls") or m.group("obj")
        kind = "module" if m.group("mod") else ("type" if m.group("type") else "object")
        attr = m.group("attr")
        facts.update(owner=owner, attribute=attr, kind=kind)
        short_owner = owner.rsplit(".", 1)[-1] if kind != "module" else owner
        if owner == "NoneType":
            rule = "attributes.none_attribute"
            facts["none"] = "yes"
        hit = lookup(short_owner, attr)
        if hit is not None:
            rule = "attributes.removed_api"
            facts.update(replacement=hit.use, note=hit.note)
            library = None if hit.library == "none" else hit.library
            confidence = 0.95
        elif kind == "module":
            rule = "attributes.module_attribute"
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
                rule = "attributes.array_not_frame"
    accessor = re.search(r"Can only use \.(\w+) accessor with", parsed.message)
    if accessor:
        rule = "attributes.pandas_accessor"
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
