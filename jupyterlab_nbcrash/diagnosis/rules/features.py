"""Feature mismatch: the features at predict/transform time differ from those seen at fit time."""

from __future__ import annotations

import re
from collections import Counter

from ..text import suggest
from ..where import failing_call, failing_line_number, own_lines
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
    # XGBoost's tail "expected a, b in input data": the data lacks them.
    lacking = re.search(r"\nexpected (.+?) in input data", parsed.message)
    if lacking:
        facts["missing"] = ", ".join(lacking.group(1).split(", ")[:5])
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


def _unrelated_names(f) -> bool:
    """The message lists new names and missing ones, and none of them are alike."""
    if not (f.get("unseen") and f.get("missing")):
        return False
    return not _names_alike(f["unseen"].split(", "), f["missing"].split(", "))


def _names_alike(new: list[str], missing: list[str]) -> bool:
    """Some new name shares a word with a missing one, or one starts the other (`color_red`
    and `color`, `Age ` and `age`): one table's columns, renamed or encoded."""

    def words(name: str) -> set[str]:
        return {w for w in re.split(r"[\W_]+", name.lower()) if len(w) > 1}

    for a in new:
        for b in missing:
            la, lb = a.strip().lower(), b.strip().lower()
            if la.startswith(lb) or lb.startswith(la) or words(a) & words(b):
                return True
    return False


# `y = df['price']`, `target = df.price`: a name for the target taken from one column.
_TARGET_FROM_COLUMN = re.compile(
    r"^[ \t]*((?:y|Y|target|label|labels)\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)"
    r"(?:\[[ \t]*['\"]([^'\"\n]+)['\"][ \t]*\]|\.([A-Za-z_]\w*))[ \t]*$",
    re.M,
)


def _missing_target(p, f) -> str:
    """`y = df['tip']` (the code's assignment) when the one column the data lacks is the
    column the code takes as its target: the features were fitted with the target in them."""
    missing = f.get("missing", "")
    if not missing or "," in missing:
        return ""
    for m in _TARGET_FROM_COLUMN.finditer(p.code_seen):
        if (m.group(3) or m.group(4)) == missing:
            return m.group(0).strip()
    return ""


# `df[[feature]]`, `df[['area']]`: a table of one column selected by a one-item list.
_ONE_COLUMN = re.compile(r"[A-Za-z_][\w.]*\[\[\s*(?:[A-Za-z_]\w*|'[^',]*'|\"[^\",]*\")\s*\]\]")


def _one_column_given(p, f) -> str:
    """`reg.predict(df[[feature]])` when the message lists columns the data lacks: the line
    hands the model one column selected from a table, while it was fitted with more."""
    if not f.get("missing") or f.get("unseen"):
        return ""  # a column unseen at fit time: the fit may have had one other column
    call = failing_call(p)
    if (
        call is None
        or not call.args
        or not re.search(r"\.(?:predict\w*|transform|score)$", call.function)
    ):
        return ""
    if not _ONE_COLUMN.fullmatch(call.args[0].strip()):
        return ""
    return (
        f"`{call.text}` passes one column (`{call.args[0].strip()}`), but the model was fitted "
        f"with more (missing: {f['missing']}): pass all the columns it was fitted with, or fit "
        "a separate model on this one column."
    )


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
    unnamed = _unnamed_side(p, f, model, data)
    if unnamed:
        return unnamed
    one = _one_column_given(p, f)
    if one:
        return one
    target = _missing_target(p, f)
    if target:
        # `y = df['tip']` and the features kept 'tip': the fit learnt from the target itself
        return (
            f"The missing column is the target (`{target}`), which the features were fitted "
            f"with too: drop `{f['missing']}` from the features (X) and fit the transformer and "
            "model again; new data then need not have it."
        )
    if _unrelated_names(f) and model and data:
        # no new name is a renamed or encoded missing one (`color_red` of `color`): the
        # columns of two unrelated tables, not one table prepared two ways
        return (
            f"`{data}` has columns `{model}` never saw (new: {f['unseen']}) and lacks the "
            f"ones it was fitted with (missing: {f['missing']}), none alike: check that "
            f"`{data}` is read from the file that matches the training data, and made by "
            "the same steps."
        )
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
    if f.get("missing") or (f.get("got") and int(f["got"]) < int(f.get("expected") or 0)):
        # the data lacks columns of the fit: selecting the fit's columns would fail again
        lacking = f" (missing: {f['missing']})" if f.get("missing") else extra
        return (
            f"The data given lacks columns the model was fitted with{lacking}: build them for "
            "this data with the same steps as for the training data."
        )
    return (
        f"The columns given at predict time differ from those at fit time{extra}: apply the same "
        "preprocessing, e.g. `X_test = X_test[X_train.columns]`."
    )


# XGBoost's names for the columns of data that has none (a NumPy array): f0, f1, …
_XGB_DEFAULT = re.compile(r"f\d+")


def _xgboost_names(p) -> tuple[list[str], list[str]]:
    """XGBoost's two lists in "feature_names mismatch: [fit's] [data's]", else two empty."""
    m = re.match(r"feature_names mismatch: \[([^\]]*)\] \[([^\]]*)\]", p.message)
    if m is None:
        return [], []
    fitted, given = (re.findall(r"'([^']*)'", m.group(i)) for i in (1, 2))
    return fitted, given


def _unnamed_side(p, f, model: str, data: str) -> str:
    """XGBoost names the columns of an array f0, f1, …: when one side holds only those names,
    that side had no names at all, and `X_test[X_train.columns]` means nothing. Both sides
    unnamed: only their counts differ. One side: an array on one side, a DataFrame on the
    other."""
    fitted, given = _xgboost_names(p)
    if not fitted or not given:
        return ""
    fit_bare = all(_XGB_DEFAULT.fullmatch(n) for n in fitted)
    data_bare = all(_XGB_DEFAULT.fullmatch(n) for n in given)
    if fit_bare and data_bare:
        return _feature_count_differs(p, f) if len(fitted) != len(given) else ""
    if not fit_bare and not data_bare:
        return ""
    who = f"`{model}`" if model else "The model"
    what = f"`{data}`" if data else "the data"
    counts = (
        ""
        if len(fitted) == len(given)
        else f", and {what} has {len(given)} columns where {len(fitted)} were fitted"
    )
    if fit_bare:
        change = f"`{data}.values`" if data and not counts else "an array prepared the same way"
        return (
            f"{who} was fitted on an array without column names (XGBoost calls them f0, f1, …) "
            f"and now gets named columns (a DataFrame){counts}: pass the same kind of data both "
            f"times, e.g. {change}, or fit {who} on the DataFrame."
        )
    return (
        f"{who} was fitted on a DataFrame with named columns and now gets an array without "
        f"names (XGBoost calls them f0, f1, …){counts}: pass a DataFrame with the fit's columns "
        "in their order (`pd.DataFrame(X, columns=...)`), prepared the same way."
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


def _other_model_fitted_on(p, model: str, data: str) -> str:
    """The one other name the crashing cell assigns a `.fit(...)` of ``data`` to above the failing
    line, when the cell does not assign ``model`` itself there; "" otherwise."""
    if not (model and data):
        return ""
    above = own_lines(p)[: failing_line_number(p) - 1]
    if any(re.match(rf"\s*{model}\s*=(?!=)", line) for line in above):
        return ""
    fitted = {
        m.group(1)
        for line in above
        if (m := _FIT_ASSIGNED.match(line)) and re.search(rf"(?<![\w.]){data}\b", line)
    }
    fitted.discard(model)
    return fitted.pop() if len(fitted) == 1 else ""


# `model_1 = sm.OLS(y, X).fit()`, `m2 = LinearRegression().fit(X, y)`: a name given the fit
# of a model made on that line (`history = model.fit(X, y)` is Keras' History, no model; a
# fitted scaler, encoder or PCA has no `.predict`).
_FIT_ASSIGNED = re.compile(
    r"\s*(?!\w*(?:hist|scal|enc|pca|vect|imput|transf|norm|select|tfidf|svd|poly))"
    r"([A-Za-z_]\w*)\s*=(?!=)(?!.*(?:Scaler|Encoder|PCA|Vectorizer|Imputer|Transformer"
    r"|Normalizer|Selector|SVD|Polynomial|Binarizer|Discretizer))[^\n]*\)\s*\.fit\(",
    re.I,
)


# `name = t.fit_transform(...)`, `t.fit(...)`: a transformer's fits in the code seen.
_FIT_TRANSFORM_INTO = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)\.fit_transform\(", re.M
)
_FITS_OF = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.fit(?:_transform)?\(")


def _refitted_transformer(p, data: str) -> str:
    """The transformer `t` whose `t.fit_transform(...)` last made ``data`` in the code seen,
    when the code fits `t` on another line too (the training data's fit): "" otherwise."""
    if not data:
        return ""
    code = p.code_seen
    made = [m for m in _FIT_TRANSFORM_INTO.finditer(code) if m.group(1) == data]
    if not made:
        return ""
    last = made[-1]
    if any(m.group(1) == data and m.start() > last.start() for m in _ASSIGNED.finditer(code)):
        return ""  # `data` is made again afterwards by something else
    t = last.group(2)
    made_by = re.search(rf"^[ \t]*{re.escape(t)}[ \t]*=[ \t]*(?:\w+\.)*(\w+)\(", code, re.M)
    if made_by and _SAME_COLUMNS.search(made_by.group(1)):
        return ""  # a scaler or imputer gives the columns it is given: a refit changes none
    fits = [m for m in _FITS_OF.finditer(code) if m.group(1) == t]
    return t if any(abs(m.start() - last.start()) > len(last.group(0)) for m in fits) else ""


# Transformers whose output has one column per input column (or a fixed number): fitted again,
# they give as many columns as before, so a count that differs comes from the data given.
_SAME_COLUMNS = re.compile(
    r"Scaler$|^Normalizer$|Imputer$|^PowerTransformer$|^QuantileTransformer$|^OrdinalEncoder$"
    r"|^LabelEncoder$|^Binarizer$|^PCA$|^TruncatedSVD$|^FunctionTransformer$"
)


# `name = ...`: an assignment of a plain name.
_ASSIGNED = re.compile(r"^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)", re.M)


def _feature_count_differs(p, f):
    """When: the message says the number of features differs (and names both counts)."""
    counts = ""
    if f.get("got") and f.get("expected"):
        counts = f" ({f['got']} given, {f['expected']} expected)"
    model, data = _model_and_data(p)
    typed = _typed_values(p, data)
    literal = _sample_typed_in_call(p) if model and not data else None
    if literal and literal[1] == f.get("got") and len(_cells_fitting(p, model)) > 1:
        # `model.predict([[0, 1, 3400]])`, the sample typed on the line: another fit is one
        # reading, the data of the last fit (a column dropped by a cell run twice) or the
        # values typed are the others
        return (
            f"`{literal[0]}` holds {literal[1]} values, and `{model}` (fitted in more than one "
            f"cell) now expects {f.get('expected')} columns. Print the `.shape[1]` of the data "
            "its last fit used: if that fit was meant for other data, or that data lost a "
            "column, fit again on the right data; else give one value per column."
        )
    if typed and typed == f.get("got") and model:
        # the new sample is typed by hand: one value per column of the training data is missing
        # or too many, whatever ran before
        return (
            f"`{data}` is typed by hand with {typed} values, and `{model}` was fitted on "
            f"{f.get('expected')} columns: give one value per training column, in the order of "
            "the training data's columns."
        )
    refit = _refitted_transformer(p, data)
    if refit:
        # `new_X = vec.fit_transform(texts)` after `vec` was fitted on the training data: the
        # second fit made other columns (a new vocabulary), whatever the model was fitted on
        return (
            f"`{data}` is made by `{refit}.fit_transform(...)`, which fits `{refit}` again on "
            f"that data and so gives other columns{counts}: write `{refit}.transform(...)` to "
            "keep the columns of its fit on the training data."
        )
    other = _other_model_fitted_on(p, model, data)
    if other:
        # `model_1 = sm.OLS(y, X).fit()` above, then `model.predict(X)`: the older model of a
        # like name, fitted on other columns, was called
        return (
            f"This cell fits `{other}` on `{data}` just above, but the line predicts with "
            f"`{model}`, a model fitted before on other columns{counts}: if `{other}` is meant, "
            f"call `{other}.predict({data})`."
        )
    cells = _cells_fitting(p, model)
    if len(cells) > 1 and not _fitted_above(p, model):
        # Another fit of the same name replaced the one the data was prepared for.
        return (
            f"`{model}` is fitted in more than one cell and now expects another number of "
            f"features{counts}: if its last fit was on other data, run the fit meant for this "
            "data again (or give each model its own name); else prepare this data like that one."
        )
    fitted_on = _fitted_once_on(p, model, cells)
    if fitted_on and data and fitted_on != data:
        # the notebook fits it once, on data of another name: that data's columns are the ones
        return (
            f"`{model}` is fitted on `{fitted_on}` in the notebook and expects its number of "
            f"features{counts}: pass data with the same columns as `{fitted_on}`, or fit "
            f"`{model}` on data like `{data}`."
        )
    if data and f.get("got") == "1" and int(f.get("expected") or 0) > 1:
        # one column of a variable: one sample's values laid out as a column, or a single
        # feature selected (a literal `[[3]]` is visibly one row)
        return (
            f"`{data}` has 1 column where the model expects {f['expected']}: if it holds one "
            "sample's values as a column, pass it as a row (`.T`, or `.reshape(1, -1)`); else "
            "give it the training data's columns."
        )
    if _grid_of_two_axes(p, f):
        # a decision-boundary plot: the grid's two axes are 2 features, the model wants more;
        # no preparation of columns makes a 2-D grid into the training data's shape
        return (
            f"The grid of this plot gives 2 features, and the model was fitted on "
            f"{f['expected']}: a 2-D decision boundary needs a model fitted on 2 features "
            "(two chosen columns, or a 2-component PCA of the training data)."
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


def _sample_typed_in_call(p) -> tuple[str, str] | None:
    """(the literal, how many numbers it holds) when the failing call's first argument is one
    sample typed by hand, `[[0, 1, 3400]]` or `np.array([[...]])`."""
    call = failing_call(p)
    first = call.args[0].strip() if call is not None and call.args else ""
    m = re.fullmatch(r"(?:np\.array\(\s*)?\[\s*\[([-\d.,\s]+)\]\s*\]\s*\)?", first)
    if m is None:
        return None
    return first, str(len([v for v in m.group(1).split(",") if v.strip()]))


def _typed_values(p, data: str) -> str:
    """How many numbers the cell's `data = np.array([1, 0, 25]).reshape(1, -1)` (or
    `data = [[1, 0, 25]]`) types by hand, as text; "" when `data` is not assigned such a
    literal."""
    if not data:
        return ""
    literal = re.search(
        rf"^\s*{re.escape(data)}\s*=\s*(?:np\.array\(\s*)?\[\s*\[?([-\d.,\s]+)\]",
        p.user_code,
        re.M,
    )
    if literal is None:
        return ""
    return str(len([v for v in literal.group(1).split(",") if v.strip()]))


def _fitted_above(p, model: str) -> bool:
    """The crashing cell fits ``model`` on a line above the failing one: that fit is the last,
    whatever other cells fit under the same name."""
    failing = failing_line_number(p)
    fit = re.compile(rf"\b{re.escape(model)}\.fit\(")
    return failing > 0 and any(fit.search(line) for line in own_lines(p)[: failing - 1])


def _fitted_once_on(p, model: str, cells: list[str]) -> str:
    """The data name of the notebook's only `model.fit(D, …)` (one cell, one call), else ""."""
    if len(cells) != 1:
        return ""
    fits = re.findall(rf"\b{re.escape(model)}\.fit\(\s*([A-Za-z_]\w*)\s*[,)]", cells[0])
    return fits[0] if len(set(fits)) == 1 else ""


def _cells_fitting(p, model: str) -> list[str]:
    """The notebook's cells that call `model.fit(...)` (none when the model is not named)."""
    if not model:
        return []
    fit = re.compile(rf"\b{re.escape(model)}\.fit\(")
    return [code for code in p.notebook_code if fit.search(code)]


_STRING = re.compile(r"""['"]([^'"\n]{1,80})['"]""")
# Strings a plot or a print shows as text (titles, axis labels, legends): no column's name.
_DISPLAYED = re.compile(
    r"""(?:\b(?:title|xlabel|ylabel|suptitle|set_title|set_xlabel|set_ylabel|legend|print|"""
    r"""set_xlabels|set_ylabels|set_axis_labels|set_titles)\(\s*"""
    r"""|\b(?:label|title)\s*=\s*)f?['"]([^'"\n]{1,80})['"]"""
)
# The values the seaborn calls pass as x=, y= or hue=: other attempts, not known column names.
_PLOT_ARGUMENT = re.compile(r"""\b(?:x|y|hue)\s*=\s*['"]([^'"\n]+)['"]""")


def _seaborn_call_without_data(p) -> str:
    """The seaborn call as written when it passes no frame: no `data=` and no positional
    argument but quoted text (`sns.barplot('Salary')`); else "". Without a frame, seaborn
    cannot read a name as a column, whatever columns the frame meant has."""
    call = failing_call(p)
    if call is None or not call.closed or "data" in call.keywords():
        return ""
    if any(a.startswith("*") for a in call.arguments):
        return ""  # `**kwargs` may carry the frame
    if not all(re.fullmatch(r"""[rbuf]?(['"]).*\1""", a.strip()) for a in call.args):
        return ""
    return call.function


def _longer_plot_name(p, column: str) -> tuple[str, str] | None:
    """(name, frame) when the notebook's other seaborn calls pass exactly one longer name that
    starts with ``column`` as x=, y= or hue=, next to one `data=frame`: ``column`` is that name
    cut short."""
    names, frames = set(), set()
    for code in p.notebook_code:
        for call in re.finditer(r"\bsns\.\w+\(([^()]*)\)", code):
            data = re.search(r"\bdata\s*=\s*([A-Za-z_]\w*)", call.group(1))
            given = [n for n in _PLOT_ARGUMENT.findall(call.group(1)) if n.startswith(column)]
            if data and given:
                names.update(given)
                frames.add(data.group(1))
    if column in names:
        return None  # the name itself is plotted elsewhere: it is whole
    if len(names) == 1 and len(frames) == 1 and column:
        return names.pop(), frames.pop()
    return None


def _other_frame_with_column(code: str, column: str, frame: str) -> str:
    """The name the code subscripts most often with `column` (`df['is_fraud']` beside
    `data=df_unclean`), when it never subscripts `frame` with it: else ""."""
    read = re.compile(rf"""\b([A-Za-z_]\w*)\[\s*['"]{re.escape(column)}['"]\s*\]""")
    frames = Counter(m.group(1) for m in read.finditer(code))
    if not frames or frame in frames:
        return ""
    return frames.most_common(1)[0][0]


def _seaborn_column_missing(p, f):
    column = f.get("column", "")
    unframed = _seaborn_call_without_data(p)
    longer = _longer_plot_name(p, column) if unframed else None
    if longer:
        # Other cells plot `x='Survived', data=df`: 'Sur' is that name cut short, so a frame
        # alone would fail next on the name.
        name, frame = longer
        kw = re.search(rf"""\b(\w+)\s*=\s*['"]{re.escape(column)}['"]""", p.user_line)
        return (
            f"`{unframed}(...)` is given no frame (`data=`), and `'{column}'` looks cut short: "
            f"other cells plot `'{name}'` with `data={frame}`; write "
            f"`{unframed}({kw.group(1) if kw else 'x'}='{name}', data={frame})`."
        )
    if unframed:
        return (
            f"`{unframed}(...)` is given no frame (`data=`), so seaborn cannot read "
            f"`'{column}'` as a column name: pass the frame and the names as keywords "
            f"(`{unframed}(data=df, x='{column}', ...)`), or the values themselves "
            f"(`x=df['{column}']`)."
        )
    tried = set(_PLOT_ARGUMENT.findall(p.code_seen))
    close = ""
    # The cell's own strings first; the notebook's (where the columns were named) only when
    # the cell offers none. Titles and axis labels (`plt.ylabel('Purpose')`) name no column.
    for code in (p.user_code, "\n".join(p.notebook_code)):
        shown = set(_DISPLAYED.findall(code))
        strings = _STRING.findall(code[:50_000])
        close = close or suggest(
            column, [s for s in strings if s not in tried and s not in shown and "`" not in s]
        )
    extra = f" Did you mean {close}?" if close else ""
    # Keyword advice only where the call passes them by position.
    keywords = "" if re.search(r"\b[xy]\s*=", p.user_line) else " and pass `x=`, `y=` as keywords"
    built = re.search(r"\bdata\s*=\s*([A-Za-z_][\w.]*)\s*\(", p.user_code)
    counted = re.search(r"\bdata\s*=\s*[A-Za-z_][\w.]*\.value_counts\([^()]*\)\s*[,)]", p.user_line)
    if built and built.group(1).endswith(".value_counts") and counted:
        # the failing call passes the counts themselves (not `.reset_index()` of them, a frame)
        # `data=kill.city.value_counts()`: a Series of counts, with no columns at all
        return (
            f"`data=` receives `{built.group(1)}()`, a Series of counts with no column "
            f"`{column}`: pass the DataFrame itself (`countplot` counts its rows), or plot the "
            "counts with `barplot(x=counts.index, y=counts.values)`."
        )
    if built:
        # `data=df.melt(...)`: the frame seaborn got is made on the line, with other columns
        # than the frame it was made from
        return (
            f"seaborn found no column `{column}` in the frame `data=` receives, made by "
            f"`{built.group(1)}(…)`: print that frame's columns (a reshape such as `melt` "
            f"renames them) and use one of them.{extra}"
        )
    data = re.search(r"\bdata\s*=\s*([A-Za-z_]\w*)\s*[,)]", p.user_line)
    frame = data.group(1) if data else "df"
    other = _other_frame_with_column(p.code_seen, column, frame) if data else ""
    if other:
        # the code reads the very name from another frame: spelt right, on the wrong frame
        return (
            f"seaborn found no column `{column}` in `{frame}`, and the code reads "
            f"`{other}['{column}']` from another frame: pass `data={other}`, or add the column "
            f"to `{frame}` first."
        )
    if not data:
        given = _DATA_EXPRESSION.search(p.user_line)
        if given:
            # `data=counts[:10]`: a slice of some object the line names, maybe no frame of
            # `df`'s columns at all (a Series has none): name what seaborn got, not `df`
            return (
                f"seaborn found no column `{column}` in what `data=` receives "
                f"(`{given.group(1)}`): print it and check the exact name of its columns"
                f"{keywords}.{extra}"
            )
    return (
        f"seaborn found no column `{column}` in `data=`: check the exact name in "
        f"`{frame}.columns`{keywords}.{extra}"
    )


_DATA_EXPRESSION = re.compile(r"\bdata\s*=\s*([A-Za-z_][\w.]*\[[^\[\]]*\])\s*[,)]")


HINTS: dict[str, Template] = {
    NAMES_MISMATCH: _feature_names_differ,
    COUNT_MISMATCH: _feature_count_differs,
    SEABORN_COLUMN: _seaborn_column_missing,
}


def _grid_of_two_axes(p, f) -> bool:
    """`model.predict(np.c_[xx.ravel(), yy.ravel()])` of a `np.meshgrid` cell, given 2 features
    where the model was fitted on more."""
    return (
        f.get("got") == "2"
        and int(f.get("expected") or 0) > 2
        and "meshgrid(" in p.user_code
        and len(re.findall(r"\.ravel\(\)", p.user_line)) == 2
    )
