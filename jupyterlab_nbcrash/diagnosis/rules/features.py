"""Feature mismatch: the features at predict/transform time differ from those seen at fit time."""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import code_strings, suggest
from ..where import failing_call
from .base import Template, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
NAMES_MISMATCH = "features.names_mismatch"
COUNT_MISMATCH = "features.count_mismatch"
SEABORN_COLUMN = "features.seaborn_column"

_F = "feature_name_mismatch"


def _feature_facts(parsed, m):
    facts = {}
    counts = re.search(
        r"X has (\d+) features(?: per sample)?[,;] (?:but \w+ is )?expecting (\d+)", parsed.message
    )
    if counts:
        facts.update(got=counts.group(1), expected=counts.group(2))
    unseen = re.search(r"Feature names unseen at fit time:\s*\n?((?:- .*\n?)+)", parsed.message)
    if unseen:
        facts["unseen"] = ", ".join(x.strip("- ").strip() for x in unseen.group(1).splitlines()[:5])
    missing = re.search(
        r"Feature names seen at fit time, yet now missing:\s*\n?((?:- .*\n?)+)", parsed.message
    )
    if missing:
        facts["missing"] = ", ".join(
            x.strip("- ").strip() for x in missing.group(1).splitlines()[:5]
        )
    lists = re.match(r"feature_names mismatch: \[([^\]]*)\] \[([^\]]*)\]", parsed.message)
    if lists:  # XGBoost: the model's names, then the data's
        facts.update(
            expected=str(lists.group(1).count(",") + 1), got=str(lists.group(2).count(",") + 1)
        )
    cols = re.search(r"columns are missing: \{(.*?)\}", parsed.message)
    if cols:
        facts["missing"] = cols.group(1)[:200]
    return facts


RULES = (
    pattern_rule(
        NAMES_MISMATCH,
        _F,
        r"feature names should match those that were passed during fit|Feature names unseen at fit"
        r"|Feature names seen at fit time, yet now missing|Feature names must be in the same order"
        r"|feature_names mismatch|columns are missing:|The feature names should match",
        ml_bug=True,
        confidence=0.97,
        facts=_feature_facts,
    ),
    pattern_rule(
        COUNT_MISMATCH,
        _F,
        r"X has \d+ features(?: per sample)?[,;] (?:but \w+ is )?expecting \d+ features"
        r"|X has \d+ features per sample; expecting \d+"
        r"|Number of features of the model must match the input"
        r"|query data dimension must match training data dimension"
        r"|number of features (?:in|of) .* (?:does not|doesn't|must) match"
        r"|The number of features in data \(\d+\) is not the same as it was in training data",
        ml_bug=True,
        confidence=0.95,
        facts=_feature_facts,
    ),
    pattern_rule(
        SEABORN_COLUMN,
        _F,
        r"Could not interpret (?:input|value) [`']?(?P<column>[^'`]+)[`']?",
        library="seaborn",
        ml_bug=True,
        confidence=0.6,
        facts=lambda p, m: {"column": m.group("column")},
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _feature_names_differ(p, f):
    """When: the message says the columns differ; the new/missing names or the two counts are
    named when it lists them."""
    extra = ""
    if f.get("unseen"):
        extra = f" (new: {f['unseen']})"
    elif f.get("missing"):
        extra = f" (missing: {f['missing']})"
    elif f.get("got") and f.get("expected") and f["got"] != f["expected"]:
        extra = f" ({f['got']} columns given, {f['expected']} at fit time)"
    model, data = _model_and_data(p)
    if f.get("missing") and model and data:
        # Selecting the fit columns would fail: the data lacks some of them.
        return (
            f"`{model}` was fitted with columns that `{data}` lacks (missing: {f['missing']}): "
            f"prepare `{data}` with the same steps as the training data, or fit `{model}` again "
            "on data without them."
        )
    if f.get("unseen") and model and data:
        return (
            f"`{data}` has columns `{model}` did not see when fitted (new: {f['unseen']}): pass "
            f"only its fit columns (`{data}[{model}.feature_names_in_]`), or check that "
            f"`{model}` is the model fitted on data like `{data}`."
        )
    return (
        f"The columns given at predict time differ from those at fit time{extra}: apply the same "
        "preprocessing, e.g. `X_test = X_test[X_train.columns]`."
    )


def _model_and_data(p) -> tuple[str, str]:
    """`gb.predict(df1)` on the failing line: the model's and the data's names, else ""."""
    call = failing_call(p)
    if call is None or "." not in call.function:
        return "", ""
    model = call.function.rsplit(".", 1)[0]
    data = call.args[0] if call.args else ""
    names = re.compile(r"[A-Za-z_]\w*")
    if not names.fullmatch(model):
        return "", ""
    return model, data if names.fullmatch(data) else ""


def _feature_count_differs(p, f):
    """When: the message says the number of features differs (and names both counts)."""
    counts = ""
    if f.get("got") and f.get("expected"):
        counts = f" ({f['got']} given, {f['expected']} expected)"
    model, _ = _model_and_data(p)
    cells = _cells_fitting(p, model)
    if len(cells) > 1:
        # Another fit of the same name replaced the one the data was prepared for.
        return (
            f"`{model}` is fitted in more than one cell and now expects another number of "
            f"features{counts}: if its last fit was on other data, run the fit meant for this "
            "data again (or give each model its own name); else prepare this data like that one."
        )
    if not any(".fit_transform(" in code for code in (*p.notebook_code, p.user_code)):
        return (
            f"The model was fitted on a different number of features{counts}: give it data "
            "with the same columns, prepared the same way, as the data it was fitted on."
        )
    return (
        f"The model was fitted on a different number of features{counts}: prepare new data with "
        "the same columns and the transformers fitted on the training data (`.transform`, not a "
        "new `.fit_transform`)."
    )


def _cells_fitting(p, model: str) -> list[str]:
    """The notebook's cells that call `model.fit(...)` (none when the model is not named)."""
    if not model:
        return []
    fit = re.compile(rf"\b{re.escape(model)}\.fit\(")
    return [code for code in p.notebook_code if fit.search(code)]


# The values the seaborn calls pass as x=, y= or hue=: other attempts, not known column names.
_PLOT_ARGUMENT = re.compile(r"""\b(?:x|y|hue)\s*=\s*['"]([^'"\n]+)['"]""")


def _seaborn_column_missing(p, f):
    column = f.get("column", "")
    tried = set(_PLOT_ARGUMENT.findall("\n".join((*p.notebook_code, p.user_code))))
    close = ""
    # The cell's own strings first; the notebook's (where the columns were named) only when
    # the cell offers none.
    for source in (p, replace(p, user_code="\n".join(p.notebook_code))):
        close = close or suggest(
            column, [s for s in code_strings(source) if s not in tried and "`" not in s]
        )
    extra = f" Did you mean {close}?" if close else ""
    # Keyword advice only where the call passes them by position.
    keywords = "" if re.search(r"\b[xy]\s*=", p.user_line) else " and pass `x=`, `y=` as keywords"
    return (
        f"seaborn found no column `{column}` in `data=`: check the exact name in "
        f"`df.columns`{keywords}.{extra}"
    )


HINTS: dict[str, Template] = {
    NAMES_MISMATCH: _feature_names_differ,
    COUNT_MISMATCH: _feature_count_differs,
    SEABORN_COLUMN: _seaborn_column_missing,
}
