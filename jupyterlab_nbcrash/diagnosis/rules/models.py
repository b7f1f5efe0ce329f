"""Model state: used before fitting, building or compiling, or built twice."""

from __future__ import annotations

import re

from ..where import failing_call
from .base import Template, pattern_rule

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
TORCH_MODULE_INIT = "models.torch_module_init"
GRAPH_DISCONNECTED = "models.graph_disconnected"
NOT_FITTED = "models.not_fitted"
NOT_FITTED_ERROR = "models.not_fitted_error"
NOT_BUILT = "models.not_built"
NOT_COMPILED = "models.not_compiled"
DUPLICATE_LAYERS = "models.duplicate_layers"

_M = "model_initialization_error"


def _model_facts(parsed, m):
    est = re.search(
        r"This (\w+) instance is not fitted|The ([\w -]+?) is not fitted", parsed.message
    )
    return {"estimator": est.group(1) or est.group(2)} if est else {}


def _torch_init(parsed, m):
    return {"what": "super_init"} if "__init__" in m.group(0) else {"what": "parameters"}


RULES = (
    pattern_rule(
        TORCH_MODULE_INIT,
        _M,
        r"cannot assign module before Module\.__init__\(\) call"
        r"|cannot assign parameter before Module\.__init__\(\) call"
        r"|optimizer got an empty parameter list",
        library="torch",
        ml_bug=True,
        confidence=0.9,
        facts=_torch_init,
    ),
    pattern_rule(
        GRAPH_DISCONNECTED,
        _M,
        r"Graph disconnected|is not connected to `inputs`",
        library="tensorflow",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"what": "graph"},
    ),
    pattern_rule(
        NOT_FITTED,
        _M,
        r"instance is not fitted yet|is not fitted yet|has not been fitted|must be fitted before"
        r"|Call 'fit' with appropriate arguments|not fitted|fit\(\) must be called",
        ml_bug=True,
        confidence=0.95,
        facts=_model_facts,
    ),
    pattern_rule(
        NOT_FITTED_ERROR,
        _M,
        enames={"NotFittedError"},
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=_model_facts,
    ),
    pattern_rule(
        NOT_BUILT,
        _M,
        r"has not yet been built|has not been built|model has never been called|isn't built"
        r"|Weights for model .* have not yet been created|Build the model first"
        r"|You must provide an? `?input_shape`? argument|You tried to call `count_params`"
        r"|This model has not yet been built",
        library="tensorflow",
        ml_bug=True,
        confidence=0.93,
        facts=lambda p, m: {"what": "build"},
    ),
    pattern_rule(
        NOT_COMPILED,
        _M,
        r"You must compile (?:your|a) model before|must compile .* before (?:training|testing)"
        r"|You must call `compile\(\)` before"
        r"|model (?:has not been|was never) compiled|compile\(\) must be called",
        library="tensorflow",
        ml_bug=True,
        confidence=0.95,
        facts=lambda p, m: {"what": "compile"},
    ),
    pattern_rule(
        DUPLICATE_LAYERS,
        _M,
        r"All layer names should be unique|The name \"?[\w/]+\"? is used \d+ times in the model"
        r"|should have unique names|is already the name of a layer in this model"
        r"|Variable [\w/]+ already exists, disallowed|already exists in the (?:graph|scope)",
        library="tensorflow",
        ml_bug=True,
        confidence=0.85,
        facts=lambda p, m: {"what": "rerun"},
    ),
)


# ----------------------------------------------------------- hints: the words the user reads


def _torch_module_init(p, f):
    if f.get("what") == "super_init":
        return (
            "Call `super().__init__()` as the first line of your `nn.Module`'s `__init__`, before "
            "assigning layers."
        )
    return (
        "The optimizer got no parameters: create it from `model.parameters()` after the model's "
        "layers are assigned as attributes (`self.fc = nn.Linear(...)`)."
    )


def _keras_graph_disconnected(p, f):
    return (
        "The model's outputs are not computed from its `inputs`: build every layer on the tensors "
        "that start at your `keras.Input(...)` and pass that same Input to `Model(...)`."
    )


def _unbound_method(p) -> str | None:
    """Python 2's "unbound method fit() must be called with C instance as first argument":
    `fit` was read from the class itself (`logr = C` without `()`), not from a fitted-or-not
    object, so fitting is not what is missing."""
    m = re.match(r"unbound method (\w+)\(\) must be called with (\w+) instance", p.message)
    if m is None:
        return None
    return (
        f"`{m.group(1)}()` was called on the class `{m.group(2)}` itself, not on an object of it: "
        f"create one with `{m.group(2)}()` (with the parentheses) and call `.{m.group(1)}(...)` "
        "on that."
    )


def _not_fitted(p, f):
    """When: the estimator says it is not fitted. The object is named from the failing call
    (``vec.transform(...)`` -> ``vec``), its class from the message."""
    unbound = _unbound_method(p)
    if unbound:
        return unbound
    est = f.get("estimator", "")
    call = failing_call(p)
    owner = call.function.rsplit(".", 1)[0] if call is not None and "." in call.function else ""
    if owner and re.fullmatch(r"[A-Za-z_]\w*", owner):
        who = f"`{owner}`" + (f" ({est})" if est else "")
    else:
        who = f"The {est or 'model'}"
    if owner and _loaded_from_a_file(p, owner):
        # Fitting a loaded object anew makes features the saved model never saw.
        return (
            f"{who} was loaded from a file that holds it unfitted: it was saved before its "
            "`.fit(...)` (or another object was saved). Save it again after fitting it, where the "
            "model was trained, and load that file; fitting it anew here would not match the model."
        )
    return (
        f"{who} has not been fitted: call `.fit(...)` on this same object before "
        "predict/transform (a new or re-created estimator starts unfitted, and so does one saved "
        "before fitting)."
    )


_LOADS = r"(?:pickle|joblib|dill|cloudpickle|cPickle|pkl)\.loads?|load"


def _loaded_from_a_file(p, owner: str) -> bool:
    """Every assignment of ``owner`` the code seen makes is a `pickle.load(...)` (or joblib's,
    dill's, a bare `load(...)`): the object is what the file holds."""
    code = p.code_seen
    values = re.findall(rf"^\s*{re.escape(owner)}\s*=(?!=)\s*(.+)$", code, re.M)
    return bool(values) and all(re.match(rf"(?:{_LOADS})\s*\(", v) for v in values)


def _keras_not_built(p, f):
    return (
        "The Keras model has no weights yet: give its first layer `input_shape=...` (or an "
        "`Input`), or call `model.build(...)`/fit it before `summary()`."
    )


def _keras_not_compiled(p, f):
    return "Compile the model first: `model.compile(optimizer='adam', loss=..., metrics=[...])`."


def _layers_built_twice(p, f):
    return (
        "The model-building cell ran more than once, so layers or variables are duplicated: call "
        "`tf.keras.backend.clear_session()` (or restart) and build the model once."
    )


HINTS: dict[str, Template] = {
    TORCH_MODULE_INIT: _torch_module_init,
    GRAPH_DISCONNECTED: _keras_graph_disconnected,
    NOT_FITTED: _not_fitted,
    NOT_FITTED_ERROR: _not_fitted,
    NOT_BUILT: _keras_not_built,
    NOT_COMPILED: _keras_not_compiled,
    DUPLICATE_LAYERS: _layers_built_twice,
}
