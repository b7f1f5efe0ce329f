"""The label contract, defined once.

Every id the project emits comes from here; the frontend reads titles and descriptions from
``GET /nbcrash/taxonomy`` and knows no id by heart. ``docs/TAXONOMY.md`` is generated from this
module (``python -m jupyterlab_nbcrash.taxonomy > docs/TAXONOMY.md``; a test keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

TAXONOMY_VERSION = "2025.1"

STUDY = (
    "Wang, Meijer, Hernández López, Nilsson, Varró: 'Why do Machine Learning Notebooks Crash? "
    "An Empirical Study on Public Python Jupyter Notebooks', IEEE TSE 2025 (arXiv 2411.16795)"
)

# id -> (title, one-line description). Order follows the study's shares, most frequent first.
CRASH_TYPES: dict[str, tuple[str, str]] = {
    "variable_not_found": ("Variable not found", "A name used as a value is not defined."),
    "invalid_argument": (
        "Invalid argument",
        "An API got an argument it does not accept: wrong keyword, value or type.",
    ),
    "io_error": (
        "File or I/O error",
        "A file or path is missing, unreadable, of an unsupported type, not permitted or "
        "malformed.",
    ),
    "module_not_found": ("Module not found", "An imported module is not installed."),
    "attribute_error": (
        "Attribute error",
        "An object has no such attribute or method, often a removed or renamed API.",
    ),
    "key_error": ("Key error", "A key or column label does not exist."),
    "value_error": (
        "Value error",
        "A value of the right type but wrong content: a failed cast or an out-of-range value.",
    ),
    "tensor_shape_mismatch": (
        "Tensor shape mismatch",
        "Array, tensor or matrix shapes do not fit an operation or a layer.",
    ),
    "type_error": (
        "Type error",
        "An operation got an object of the wrong type: not callable, not subscriptable, "
        "not iterable.",
    ),
    "index_error": ("Index error", "An index is out of range."),
    "name_error": ("Name error", "A function or class name is not defined."),
    "data_value_violation": (
        "Data value violation",
        "The data's values break an API's constraint: NaN or infinity, unseen labels, "
        "wrong classes.",
    ),
    "out_of_memory": ("Out of memory", "CPU or GPU memory ran out."),
    "environment_error": (
        "Environment error",
        "An import that fails for another reason than absence, or a broken environment set-up.",
    ),
    "request_error": ("Request error", "A network or remote service call failed."),
    "unsupported_broadcast": (
        "Unsupported broadcast",
        "Element-wise shapes cannot be broadcast together.",
    ),
    "runtime_error": ("Runtime error", "A library's RuntimeError not covered by another type."),
    "feature_name_mismatch": (
        "Feature name mismatch",
        "The features at predict/transform time differ from those seen at fit time.",
    ),
    "model_initialization_error": (
        "Model initialisation error",
        "A model or layer used in the wrong order or initialised twice (not built, not fitted).",
    ),
    "other": (
        "Other",
        "Syntax and indentation errors, division by zero, failed assertions and anything else.",
    ),
}

ROOT_CAUSES: dict[str, tuple[str, str]] = {
    "api_misuse": (
        "API misuse",
        "The API or library was misunderstood: wrong arguments, wrong method, wrong call order.",
    ),
    "notebook_specific": (
        "Notebook execution",
        "Caused by notebook semantics, not by the code itself: cell order or an earlier failure.",
    ),
    "implementation_error": (
        "Implementation error",
        "A plain programming mistake: wrong logic, undefined name, typo, forgotten import.",
    ),
    "environment_setting": (
        "Environment setting",
        "The environment: a missing file or module, permissions, library versions.",
    ),
    "data_confusion": (
        "Data confusion",
        "The data's structure was misunderstood: columns, dtypes, shapes, missing values.",
    ),
    "ml_model_confusion": (
        "ML model confusion",
        "The ML model was misunderstood: its input/output form or its training state.",
    ),
    "insufficient_resource": ("Insufficient resources", "Not enough memory, GPU or disk."),
    "library_cause": (
        "Library cause",
        "The library's fault: an API change between versions or a bug inside the library.",
    ),
    "unknown": ("Unknown", "Cannot be told from what is available."),
}

NOTEBOOK_CAUSES: dict[str, tuple[str, str]] = {
    "out_of_order_execution": (
        "Out-of-order execution",
        "Cells ran in an order other than the one the code needs.",
    ),
    "previous_cell_error": (
        "Previous cell error",
        "An earlier cell that should have defined the state crashed.",
    ),
}

STAGES: dict[str, tuple[str, str]] = {
    "environment_setup": (
        "Environment setup",
        "Installing, importing, configuring, locating files.",
    ),
    "data_preparation": (
        "Data preparation",
        "Loading, cleaning, transforming, splitting, feature engineering.",
    ),
    "data_visualization": (
        "Data visualisation",
        "Plotting and displaying data (not model metrics).",
    ),
    "model_construction": (
        "Model construction",
        "Defining, compiling, summarising a model.",
    ),
    "training": ("Training", "Fitting, validation, hyper-parameter search."),
    "evaluation": ("Evaluation", "Prediction, scoring, metric computation and metric plots."),
}

# Libraries get a readable title; any other top-level import name is shown as it is.
LIBRARY_TITLES: dict[str, str] = {
    "none": "None (plain Python)",
    "pandas": "pandas",
    "numpy": "NumPy",
    "sklearn": "scikit-learn",
    "tensorflow": "TensorFlow / Keras",
    "torch": "PyTorch",
    "matplotlib": "Matplotlib",
    "seaborn": "seaborn",
    "transformers": "Hugging Face Transformers",
    "statsmodels": "statsmodels",
    "cv2": "OpenCV",
    "scipy": "SciPy",
    "xgboost": "XGBoost",
    "lightgbm": "LightGBM",
    "plotly": "Plotly",
    "PIL": "Pillow",
    "requests": "requests",
    "nltk": "NLTK",
}

DIMENSIONS = ("crash_type", "root_cause", "stage", "library")

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "crash_type": CRASH_TYPES,
    "root_cause": ROOT_CAUSES,
    "notebook_cause": NOTEBOOK_CAUSES,
    "stage": STAGES,
}


def title(dimension: str, label_id: str | None) -> str:
    """Readable title of an id; a library id without a title is its own title."""
    if label_id is None:
        return ""
    if dimension == "library":
        return LIBRARY_TITLES.get(label_id, label_id)
    return LABELS[dimension][label_id][0]


def is_valid(dimension: str, label_id: str | None) -> bool:
    """True when ``label_id`` is a legal value of ``dimension``."""
    if dimension == "library":
        return _valid_library(label_id)
    if dimension == "notebook_cause":
        return label_id is None or label_id in NOTEBOOK_CAUSES
    return label_id in LABELS.get(dimension, {})


def _valid_library(label_id: str | None) -> bool:
    return isinstance(label_id, str) and bool(label_id) and label_id.strip() == label_id


def validator(dimension: str) -> Callable[[str | None], bool]:
    """``is_valid`` of one of the four ranked dimensions as a one-argument test, without the
    dispatch on the dimension: a diagnosis tests every label the model knows (≈40 a crash)."""
    if dimension == "library":
        return _valid_library
    if dimension in ("crash_type", "root_cause", "stage"):
        return LABELS[dimension].__contains__
    return partial(is_valid, dimension)


def as_json() -> dict:
    """The whole taxonomy as served to the frontend."""

    def entries(table: dict[str, tuple[str, str]]) -> list[dict[str, str]]:
        return [{"id": k, "title": t, "description": d} for k, (t, d) in table.items()]

    return {
        "version": TAXONOMY_VERSION,
        "study": STUDY,
        "crash_type": entries(CRASH_TYPES),
        "root_cause": entries(ROOT_CAUSES),
        "notebook_cause": entries(NOTEBOOK_CAUSES),
        "stage": entries(STAGES),
        "library": [{"id": k, "title": t, "description": ""} for k, t in LIBRARY_TITLES.items()],
    }


def as_markdown() -> str:
    """The taxonomy as the maintainers' document ``docs/TAXONOMY.md``."""
    out = [
        "# The crash taxonomy",
        "",
        "<!-- Generated from jupyterlab_nbcrash/taxonomy.py: edit that module, then run",
        "     python -m jupyterlab_nbcrash.taxonomy > docs/TAXONOMY.md -->",
        "",
        f"Version {TAXONOMY_VERSION}. The labels follow {STUDY}.",
        "",
        "A diagnosis labels a crash in four dimensions, `crash_type`, `root_cause`, `stage`",
        "and `library`, plus `ml_bug` (true when an ML or data-science library raised the crash",
        "or was misused) and `notebook_cause` (set only when `root_cause` is",
        "`notebook_specific`). These ids are the only values the server emits; the frontend",
        "shows their titles.",
    ]
    sections = (
        ("crash_type", "what went wrong", CRASH_TYPES),
        ("root_cause", "why it went wrong", ROOT_CAUSES),
        ("notebook_cause", "which notebook semantics, for `notebook_specific`", NOTEBOOK_CAUSES),
        ("stage", "where in the ML pipeline", STAGES),
    )
    for dimension, question, table in sections:
        out += ["", f"## {dimension}: {question} ({len(table)} ids)", ""]
        out += ["| id | title | description |", "|---|---|---|"]
        out += [f"| `{k}` | {title} | {description} |" for k, (title, description) in table.items()]
    out += [
        "",
        "## library",
        "",
        "The top-level import name of the library the crash is about, `none` for plain Python.",
        "These have a title of their own; any other import name is shown as it is.",
        "",
        "| id | title |",
        "|---|---|",
    ]
    out += [f"| `{k}` | {title} |" for k, title in LIBRARY_TITLES.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(as_markdown(), end="")
