"""Model state: used before fitting, building or compiling, or built twice."""

from __future__ import annotations

import re

from .base import pattern_rule

_M = "model_initialization_error"


def _model_facts(parsed, m):
    est = re.search(r"This (\w+) instance is not fitted", parsed.message)
    return {"estimator": est.group(1)} if est else {}


def _torch_init(parsed, m):
    return {"what": "super_init"} if "__init__" in m.group(0) else {"what": "parameters"}


RULES = (
    pattern_rule(
        "models.torch_module_init",
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
        "models.graph_disconnected",
        _M,
        r"Graph disconnected|is not connected to `inputs`",
        library="tensorflow",
        ml_bug=True,
        confidence=0.75,
        facts=lambda p, m: {"what": "graph"},
    ),
    pattern_rule(
        "models.not_fitted",
        _M,
        r"instance is not fitted yet|is not fitted yet|has not been fitted|must be fitted before"
        r"|Call 'fit' with appropriate arguments|not fitted|fit\(\) must be called",
        ml_bug=True,
        confidence=0.95,
        facts=_model_facts,
    ),
    pattern_rule(
        "models.not_fitted_error",
        _M,
        enames={"NotFittedError"},
        library="sklearn",
        ml_bug=True,
        confidence=0.95,
        facts=_model_facts,
    ),
    pattern_rule(
        "models.not_built",
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
        "models.not_compiled",
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
        "models.duplicate_layers",
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
