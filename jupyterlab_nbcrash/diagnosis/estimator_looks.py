"""Messages about the model a call runs on, not the values passed to the call: the estimator a
scikit-learn wrapper (a search, an ensemble) was built with, and the categorical features a
CatBoost model was trained with. For them the safe hint's "check the values in the call" points
at the call's arguments, which are not at fault."""

from __future__ import annotations

import re

from .definitions import seen_code
from .traceback import ParsedError
from .where import failing_call

# scikit-learn's check_scoring: "estimator should be an estimator implementing 'fit' method,
# <repr> was passed" (the repr may run over several lines: a DataFrame's).
_NOT_AN_ESTIMATOR = re.compile(
    r"estimator should be an estimator implementing '(\w+)' method,\s*(.*?)\s*was passed", re.S
)
# scikit-learn's check_scoring without `scoring=`: the estimator has no `score` of its own.
_NO_SCORE = re.compile(r"If no scoring is specified, the estimator passed should have a 'score'")
# scikit-learn's ensembles (VotingClassifier, StackingRegressor) check each estimator's kind.
_WRONG_KIND = re.compile(r"^The estimator (\w+) should be an? (classifier|regressor)\.")
# The method called on an object on the user's line: `search = grid.fit(X, y)`.
_METHOD_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.(\w+)\s*\(")
_KERAS_MODELS = frozenset({"Sequential", "Model", "Functional"})


def _called_object(parsed: ParsedError) -> tuple[str, str]:
    """(object, method) of the method call on the user's line (`grid`, `fit` in `grid.fit(X,
    y)`), when the code builds the object with a call (`grid = GridSearchCV(...)`); else ("", "")
    (a module's function, a parameter)."""
    called = _METHOD_CALL.search(parsed.user_line)
    if called is None:
        return "", ""
    name = called.group(1)
    code, _ = seen_code(parsed)
    built = re.search(rf"^[ \t]*{re.escape(name)}[ \t]*=[ \t]*[\w.]+[ \t]*\(", code, re.M)
    return (name, called.group(2)) if built else ("", "")


def _built_as(parsed: ParsedError, name: str) -> str:
    """The class (or function) the code calls to build ``name``, the last such line."""
    code, _ = seen_code(parsed)
    built = re.findall(rf"^[ \t]*{re.escape(name)}[ \t]*=[ \t]*([\w.]+)[ \t]*\(", code, re.M)
    return built[-1] if built else ""


def wrapped_estimator_look(parsed: ParsedError) -> str:
    """A method of a search or an ensemble (`grid.fit(X, y)`) refused the estimator that object
    was built with: the estimator given where it was created is at fault, not `fit`'s data."""
    if parsed.ename not in ("TypeError", "ValueError") or "sklearn" not in parsed.libraries:
        return ""
    opening = parsed.message[:4_000]
    if not (
        _NOT_AN_ESTIMATOR.search(opening)
        or _NO_SCORE.search(opening[:300])
        or _WRONG_KIND.match(opening.strip())
    ):
        return ""  # the messages below first: reading the notebook's code costs more
    name, method = _called_object(parsed)
    if not name:
        return ""
    maker = _built_as(parsed, name) or "..."
    not_one = _NOT_AN_ESTIMATOR.search(parsed.message[:4_000])
    if not_one:
        passed = not_one.group(2)
        table = " (a table, such as a DataFrame of results)" if "\n" in passed.strip() else ""
        return (
            f"The estimator `{name}` was built with is not a model (it has no "
            f"`{not_one.group(1)}` method): the message prints what was given{table}; pass the "
            f"model itself (e.g. your Pipeline) as the estimator where `{name} = {maker}(...)` "
            f"is created; the data given to `{method}` is not at fault."
        )
    if _NO_SCORE.search(parsed.message[:300]):
        # a transformer, or a Pipeline whose last step is one: nothing to rate the search by
        last = _last_step_transformer(parsed.message[:4_000])
        if last:
            # a scorer calls the estimator's predict: `scoring=` cannot rate a transformer
            call = failing_call(parsed)
            alone = call is not None and len(call.arguments) == 1
            targets = f", and give `{method}` the targets too (`{method}(X, y)`)" if alone else ""
            return (
                f"The estimator `{name}` was built with ends in `{last}`, which transforms data "
                "and predicts nothing, so no `scoring=` can rate it: add a model as its last "
                f"step (e.g. a classifier){targets}."
            )
        return (
            f"The estimator `{name}` was built with has no `score` method, so `{name}` cannot "
            f"rate its candidates: pass `scoring=` where `{name} = {maker}(...)` is created, or "
            "an estimator that ends in a model (a Pipeline's last step); the data given to "
            f"`{method}` is not at fault."
        )
    kind = _WRONG_KIND.match(parsed.message.strip())
    if kind is None:
        return ""
    given, wanted = kind.groups()
    return (
        f"`{name}` (`{maker}`) was built with a `{given}` among its estimators, which "
        f"scikit-learn does not see as a {wanted}: {_how_to_make_it(parsed, given, wanted)}"
    )


# The estimator check_scoring prints ("The estimator Pipeline(steps=[…, ('tfidf',
# TfidfVectorizer())]) does not."): its last class, and the names of scikit-learn's transformers
# (no `predict`; a class of another library named alike may have one).
_PRINTED_ESTIMATOR = re.compile(r"The estimator (.*) does not\.", re.S)
_LAST_CLASS = re.compile(r"(\w+)\((?:[^()]|\([^()]*\))*\)\)*\]?\)*\s*$")
_TRANSFORMER_ENDINGS = (
    *("Vectorizer", "Scaler", "Imputer", "Binarizer", "Normalizer", "KBinsDiscretizer"),
    *("ColumnTransformer", "FunctionTransformer", "TfidfTransformer", "PowerTransformer"),
    *("QuantileTransformer", "OneHotEncoder", "OrdinalEncoder", "TruncatedSVD"),
    *("VarianceThreshold", "PolynomialFeatures", "SelectKBest", "SelectPercentile"),
)


def _last_step_transformer(message: str) -> str:
    """The class of the last step of the estimator the message prints, when that class is one
    of scikit-learn's transformers (`TfidfVectorizer`, `StandardScaler`); else ""."""
    printed = _PRINTED_ESTIMATOR.search(message)
    last = _LAST_CLASS.search(printed.group(1)) if printed else None
    if last is None or last.group(1) in ("Pipeline", "make_pipeline"):
        return ""
    return last.group(1) if last.group(1).endswith(_TRANSFORMER_ENDINGS) else ""


def _how_to_make_it(parsed: ParsedError, given: str, wanted: str) -> str:
    """What makes ``given`` an estimator of the kind scikit-learn wants: Keras models through a
    scikit-learn wrapper, a class of the user's through scikit-learn's mixin."""
    code, _ = seen_code(parsed)
    mixin = "ClassifierMixin" if wanted == "classifier" else "RegressorMixin"
    if given in _KERAS_MODELS and re.search(r"\b(?:keras|tensorflow)\b", code):
        wrapper = "KerasClassifier" if wanted == "classifier" else "KerasRegressor"
        return (
            f"a Keras model goes into a scikit-learn ensemble only wrapped "
            f"(`scikeras.wrappers.{wrapper}`), else leave it out of the list."
        )
    if re.search(rf"^[ \t]*class[ \t]+{re.escape(given)}\b", code, re.M):
        return f"make your class inherit `sklearn.base.{mixin}` (before its other bases)."
    return f"put only {wanted}s in the list it was built with (`estimators=`)."


# CatBoost: "'data' is numpy array of floating point numerical type, it means no categorical
# features, but 'cat_features' parameter specifies nonzero number of categorical features".
_FLOAT_DATA_WITH_CATEGORIES = re.compile(
    r"'data' is numpy array of floating point numerical type.*'cat_features' parameter", re.S
)


def float_array_with_categories_look(parsed: ParsedError) -> str:
    """CatBoost got a float NumPy array while the model (or the call) has categorical features:
    a float array cannot hold them, whatever `cat_features` says. A frame's `.values` that made
    the array is named: the frame itself is what to pass."""
    if not _FLOAT_DATA_WITH_CATEGORIES.search(parsed.message[:500]):
        return ""
    called = re.search(r"\.(\w+)\s*\(\s*([A-Za-z_]\w*)\s*[,)]", parsed.user_line)
    data, method = (called.group(2), called.group(1)) if called else ("", "")
    shown = f"`{data}`" if data else "The data"
    predicting = method.startswith("predict") or method in ("score", "eval_metrics")
    has = (
        "the model was trained with categorical features"
        if predicting
        else "`cat_features` names categorical columns"
    )
    code, _ = seen_code(parsed)
    # the last assignment seen: the crash's own cell comes after the notebook's others
    made = (
        list(
            re.finditer(
                rf"^[ \t]*{data}[ \t]*=[ \t]*(.+?)\.(values|to_numpy\(\))[ \t]*$", code, re.M
            )
        )
        if data
        else []
    )
    if made:
        made = made[-1]
        frame = made.group(1).strip()
        return (
            f"{shown} is a NumPy array of floats (`{data} = {frame}.{made.group(2)}` turned every "
            f"column into floats), which holds no categorical columns, but {has}: pass `{frame}` "
            "itself."
        )
    fix = (
        "pass a DataFrame as at training"
        if predicting
        else "pass a DataFrame, or leave out `cat_features` if there are none"
    )
    return (
        f"{shown} is a NumPy array of floats, which holds no categorical columns, but {has}: "
        f"{fix}, its categorical columns of int or str (`.values` of a frame makes them floats)."
    )
