"""What the type of the object tells about an attribute it lacks, whatever the notebook holds:
a private `__name` read from outside its class, a tuple asked to change, a regressor asked for
probabilities, an Axes asked to `show()`, a module's alias that now holds something else.

Each check speaks only when the message's type and attribute are that case; else it returns ""
and the generic "check the name" hint speaks.
"""

from __future__ import annotations

import re

from ..text import article
from ..traceback import ParsedError

__all__ = ["type_tells"]

# What Python programs conventionally import under these names.
_MODULE_ALIASES = {
    "np": "numpy",
    "pd": "pandas",
    "plt": "matplotlib.pyplot",
    "sns": "seaborn",
    "tf": "tensorflow",
}
_TUPLE_CHANGES = frozenset(
    {"append", "extend", "insert", "remove", "pop", "sort", "reverse", "clear"}
)
_REGRESSORS = frozenset({"SVR", "LinearSVR", "NuSVR", "Lasso", "LassoCV", "Ridge", "RidgeCV",
                         "ElasticNet", "ElasticNetCV"})  # fmt: skip


def _is_regressor(kind: str) -> bool:
    """A scikit-learn-style regressor's class name (`LinearRegression`, `XGBRegressor`), not
    `LogisticRegression`, which is a classifier."""
    if kind.startswith("Logistic"):
        return False
    return kind.endswith(("Regression", "RegressionCV", "Regressor")) or kind in _REGRESSORS


_AXES = frozenset({"Axes", "AxesSubplot", "Axes3D", "PolarAxes"})


def type_tells(p: ParsedError, name: str, owner: str, attr: str) -> str:
    """The hint the type ``owner`` of the object ``name`` (as the line reads it, or "") gives
    for the missing ``attr``, or ""."""
    kind = owner.rsplit(".", 1)[-1]
    return (
        _module_alias_rebound(p, name, owner)
        or _private_outside_its_class(p, kind, attr)
        or _tuple_changed(name, kind, attr)
        or _regressor_probabilities(name, kind, attr)
        or _axes_show(kind, attr)
        or _array_counts(name, kind, attr)
        or _number_missing_check(name, kind, attr)
        or _pandas_method_on_plain_value(name, kind, attr)
    )


def _module_alias_rebound(p: ParsedError, name: str, owner: str) -> str:
    """`np.sin(x)` where `np` is an int: a line gave the module's alias another value, after
    the code seen imported the module under it (`tf = TfidfVectorizer()` with no TensorFlow
    imported is a variable of the user's, no alias)."""
    module = _MODULE_ALIASES.get(name)
    if module is None or owner in ("module", "") or owner.split(".")[0] == module.split(".")[0]:
        return ""
    top = re.escape(module.split(".")[0])
    imported = rf"^\s*(?:import\s+{top}[\w.]*|from\s+{top}[\w.]*\s+import\s+\w+)\s+as\s+{name}\b"
    if not re.search(imported, p.code_seen, re.M):
        return ""
    return (
        f"`{name}` holds {article(owner)} `{owner}` here, not `{module}`: a line assigned `{name}` "
        f"(`{name} = …`), hiding the import; give that value another name, then run `import "
        f"{module} as {name}` again."
    )


def _private_outside_its_class(p: ParsedError, kind: str, attr: str) -> str:
    """`P.__hello` where class `Person` sets `self.__hello`: Python stores it as
    `_Person__hello`, so from outside the class it is not found under the written name."""
    if not (attr.startswith("__") and not attr.endswith("__")) or not kind.isidentifier():
        return ""
    if re.search(rf"(?<![\w.])self\.{re.escape(attr)}\b", p.user_line):
        return ""  # read inside a method: mangled alike, so it was never set
    defined = rf"self\.{re.escape(attr)}\s*=(?!=)|def\s+{re.escape(attr)}\s*\("
    found = [_class_around(p.code_seen, m.start()) for m in re.finditer(defined, p.code_seen)]
    if not found:
        return ""
    # Python names it after the class whose body writes it: a base class of `kind`, maybe
    # (a copy of the line in the traceback has no class around it)
    owners = set(found) - {""}
    if len(owners) != 1:
        return ""
    owner = owners.pop()
    stored = f"_{owner.lstrip('_')}{attr}"
    return (
        f"`{attr}` is private to the class `{owner}`: Python stores it as `{stored}` (name "
        "mangling), so outside the class that name finds nothing; read it through a method or "
        "property of the class, or name it with a single `_`."
    )


def _class_around(code: str, at: int) -> str:
    """The name of the class whose body holds the position ``at`` of ``code`` (the last
    `class` statement before it, indented less than the line), or ""."""
    line_start = code.rfind("\n", 0, at) + 1
    indent = len(code[line_start:at]) - len(code[line_start:at].lstrip())
    for m in reversed(list(re.finditer(r"^([ \t]*)class\s+(\w+)", code[:line_start], re.M))):
        if len(m.group(1)) < indent:
            return m.group(2)
    return ""


def _tuple_changed(name: str, kind: str, attr: str) -> str:
    if kind != "tuple" or attr not in _TUPLE_CHANGES:
        return ""
    what = f"`{name}`" if name and name.isidentifier() else "This value"
    return (
        f"{what} is a tuple, which cannot change: make it a list (`list(...)`, or build it with "
        f"`[...]`) to `{attr}` to it."
        if attr in ("append", "extend", "insert")
        else f"{what} is a tuple, which cannot change: make it a list (`list(...)`) first."
    )


def _regressor_probabilities(name: str, kind: str, attr: str) -> str:
    if attr not in ("predict_proba", "predict_log_proba") or not _is_regressor(kind):
        return ""
    model = f"`{name}`" if name and name.isidentifier() else "The model"
    call = f"`{name}.predict(X)`" if name and name.isidentifier() else "`.predict(X)`"
    return (
        f"{model} is a regressor (`{kind}`), which predicts values, not class probabilities: use "
        f"{call}, or a classifier (e.g. `LogisticRegression`) for probabilities."
    )


def _axes_show(kind: str, attr: str) -> str:
    if kind not in _AXES or attr != "show":
        return ""
    return "An Axes has no `show()`: call `plt.show()` (pyplot's) to display the figure."


def _array_counts(name: str, kind: str, attr: str) -> str:
    """`labels.value_counts()` on a NumPy array: pandas' method, which arrays do not have."""
    if kind != "ndarray" or attr != "value_counts":
        return ""
    x = name if name and len(name) <= 40 else "x"
    return (
        f"{'`' + name + '`' if name else 'The value'} is a NumPy array, which has no "
        f"`value_counts` (a pandas Series has): use `pd.Series({x}).value_counts()` or "
        f"`np.unique({x}, return_counts=True)`."
    )


_NUMBERS = frozenset({"float", "int", "bool", "float64", "float32", "int64", "int32", "bool_"})


def _number_missing_check(name: str, kind: str, attr: str) -> str:
    """`m.isna()` on one number (a mean, a cell's value): pandas' test is a function for it."""
    if kind not in _NUMBERS or attr not in ("isna", "isnull", "notna", "notnull"):
        return ""
    x = name if name and len(name) <= 40 else "x"
    return (
        f"{'`' + name + '`' if name else 'The value'} is a single number (`{kind}`), which has no "
        f"`.{attr}()`: test it with `pd.{attr}({x})` (or `np.isnan({x})`)."
    )


# Python's own values, and pandas methods that none of them (nor a NumPy array) has: `a.to_excel`
# on an int or a list is a method of the frame the data was meant to be in.
_PLAIN = _NUMBERS | {"str", "list", "dict", "tuple", "set", "bytes"}
_FRAME_ONLY_METHODS = frozenset(
    {"to_csv", "to_excel", "to_json", "to_sql", "to_parquet", "to_numpy", "head", "tail", "iloc",
     "loc", "groupby", "value_counts", "fillna", "dropna", "describe", "drop", "sort_values",
     "reset_index", "set_index", "merge", "info", "columns", "iterrows", "nunique", "dtypes",
     "isnull", "notnull", "apply", "rename", "drop_duplicates", "duplicated", "pivot_table"}
)  # fmt: skip


def _pandas_method_on_plain_value(name: str, kind: str, attr: str) -> str:
    """`a.to_excel(...)` where `a` is an int or a list: a DataFrame's member (`columns` is no
    method, and not every one is a Series' too) read of a plain value."""
    if kind not in _PLAIN or attr not in _FRAME_ONLY_METHODS:
        return ""
    who = f"`{name}`" if name and len(name) <= 40 else "The value"
    return (
        f"{who} holds {article(kind)} `{kind}`, and `.{attr}` belongs to a pandas DataFrame "
        "(some of these to a Series too): make the data one first (`pd.DataFrame(...)`), or check "
        f"where {who if name else 'it'} got this value."
    )
