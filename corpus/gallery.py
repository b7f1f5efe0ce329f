"""Write the instructor gallery ``examples/crash_gallery.ipynb``.

    python corpus/gallery.py            # (re)write the notebook
    python corpus/gallery.py --check    # exit 1 when the committed notebook is out of date

One short section per crash type of the study (docs/TAXONOMY.md) and per notebook cause: a
two-sentence explanation and a cell that really crashes on small built-in data (scikit-learn toy
data sets or generated arrays; no torch/tensorflow, which users do not have). Each crashing cell is
tagged ``raises-exception`` so that "Run all" walks through the whole taxonomy, and carries the
expected exception in ``metadata.nbcrash_gallery`` for tests/test_corpus_gallery.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "examples" / "crash_gallery.ipynb"
NOTEBOOK_CAUSE_IDS = ("previous_cell_error", "out_of_order_execution")

INTRO = """# nbcrash crash gallery

One short section per crash type of the study *Why do Machine Learning Notebooks Crash?*
(Wang et al., IEEE TSE 2025) and per notebook cause. Every red cell crashes on purpose, on small
built-in data: choose **Run ▸ Run All Cells** and watch the nbcrash panel fill up — each crash
gets its type, root cause, pipeline stage and a hint. The crashing cells are tagged
`raises-exception`, so "Run all" does not stop at the first one."""

SETUP = """import warnings

import numpy as np
import pandas as pd
from sklearn.datasets import load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import train_test_split

warnings.filterwarnings("ignore")
iris = load_iris(as_frame=True)
iris_df = iris.frame
X, y = iris.data.to_numpy(), iris.target.to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
iris_df.head()"""

# (crash type id or notebook cause, title, two-sentence explanation, [(code, expected ename|None)])
SECTIONS: list[tuple[str, str, str, list[tuple[str, str | None]]]] = [
    (
        "variable_not_found",
        "Variable not found",
        "A name is used before anything assigned it — here a typo in `X_train`. The fix is the "
        "spelling; nbcrash names the closest defined variable.",
        [('print("training rows:", X_tarin.shape[0])  # noqa: F821', "NameError")],
    ),
    (
        "name_error",
        "Name error (function or class)",
        "A function or class is called that is not defined: a typo or a missing import. Import it "
        "from its module (here `sklearn.ensemble`) or fix the name.",
        [("forest = RandomForestClasifier(n_estimators=50)  # noqa: F821", "NameError")],
    ),
    (
        "module_not_found",
        "Module not found",
        "The import names a module that is not installed — or, as here, that a newer release "
        "removed (`sklearn.cross_validation` became `sklearn.model_selection`). Install the "
        "package or import from its new home.",
        [("from sklearn.cross_validation import train_test_split", "ModuleNotFoundError")],
    ),
    (
        "environment_error",
        "Environment error",
        "The module exists but the name imported from it does not in this version: "
        "`plot_confusion_matrix` was removed in scikit-learn 1.2. Use "
        "`ConfusionMatrixDisplay.from_estimator` instead or pin the old version.",
        [
            (
                "from sklearn.metrics import plot_confusion_matrix\n\n"
                "plot_confusion_matrix(LogisticRegression().fit(X_train, y_train), X_test, y_test)",
                "ImportError",
            )
        ],
    ),
    (
        "io_error",
        "File or I/O error",
        "The data file is not where the notebook looks for it: relative paths are resolved from "
        "the notebook's folder. Check the working directory with `%pwd` and the file name.",
        [('measurements = pd.read_csv("data/measurements_2024.csv")', "FileNotFoundError")],
    ),
    (
        "request_error",
        "Request error",
        "A download or web request failed: no server answers at that address (offline, wrong "
        "port, blocked). Check the URL and the connection, or keep a local copy of the data.",
        [
            (
                "from urllib.request import urlopen\n\n"
                'raw = urlopen("http://127.0.0.1:9/iris.csv", timeout=3).read()',
                "URLError",
            )
        ],
    ),
    (
        "key_error",
        "Key error (missing column)",
        "The column label does not exist — labels are case-sensitive and often contain units. "
        "Look at `df.columns`; nbcrash suggests the closest existing label.",
        [('iris_df["Species"].value_counts()', "KeyError")],
    ),
    (
        "attribute_error",
        "Attribute error (removed API)",
        "The object has no such method, often because a library removed it: `DataFrame.append` "
        "is gone since pandas 2.0. Use `pd.concat([df, new_rows])` instead.",
        [
            (
                'scores = pd.DataFrame({"model": ["knn"], "accuracy": [0.93]})\n'
                'scores = scores.append({"model": "svm", "accuracy": 0.95}, ignore_index=True)',
                "AttributeError",
            )
        ],
    ),
    (
        "invalid_argument",
        "Invalid argument",
        "A library call got a keyword it does not know — a typo or an argument of another "
        "version. Check the signature with `train_test_split?`.",
        [("parts = train_test_split(X, y, test_sizes=0.2)", "TypeError")],
    ),
    (
        "value_error",
        "Value error (failed conversion)",
        "The value has the right type but unusable content: this column mixes numbers with "
        "text. Clean it first, e.g. `pd.to_numeric(col, errors='coerce')`.",
        [
            (
                'heights = pd.Series(["1.72", "1.80", "unknown", "1.65"])\n'
                "heights.astype(float).mean()",
                "ValueError",
            )
        ],
    ),
    (
        "type_error",
        "Type error",
        "An object is used as something it is not: `shape` is a tuple attribute, not a method. "
        "Drop the parentheses.",
        [("n_rows, n_cols = X.shape()", "TypeError")],
    ),
    (
        "index_error",
        "Index error",
        "The index is past the end: the iris features have columns 0 to 3. Check the shape "
        "before indexing.",
        [("petal_width = X[:, 4]", "IndexError")],
    ),
    (
        "tensor_shape_mismatch",
        "Shape mismatch",
        "The shapes do not fit the operation: a model trained on 4 features gets a weight "
        "vector of 3. Compare `X.shape` with what the model or layer expects.",
        [("weights = np.ones(3)\nscores = X @ weights", "ValueError")],
    ),
    (
        "unsupported_broadcast",
        "Unsupported broadcast",
        "Element-wise arithmetic needs shapes that broadcast: (150, 4) and (150,) do not. "
        "Reshape the second operand to (150, 1) or use the matching axis.",
        [("row_means = X.mean(axis=1)\ncentred = X - row_means", "ValueError")],
    ),
    (
        "data_value_violation",
        "Data value violation (NaN)",
        "The data breaks the estimator's contract: scikit-learn's linear models do not accept "
        "missing values. Impute (`SimpleImputer`) or drop the rows first.",
        [
            (
                "X_gaps = X_train.copy()\n"
                "X_gaps[::10, 2] = np.nan\n"
                "LogisticRegression(max_iter=500).fit(X_gaps, y_train)",
                "ValueError",
            )
        ],
    ),
    (
        "feature_name_mismatch",
        "Feature name mismatch",
        "The model was fitted on some columns and asked to predict on others. Select the same "
        "columns, in the same order, at fit and predict time.",
        [
            (
                "fitted = LinearRegression().fit(\n"
                '    iris_df[["sepal length (cm)", "sepal width (cm)"]],\n'
                '    iris_df["petal length (cm)"],\n'
                ")\n"
                'fitted.predict(iris_df[["sepal length (cm)", "petal width (cm)"]])',
                "ValueError",
            )
        ],
    ),
    (
        "model_initialization_error",
        "Model initialisation error (not fitted)",
        "The model is used before it was trained. Call `fit` first — or re-run the cell that "
        "fits it if the kernel was restarted.",
        [("fresh = LogisticRegression()\nfresh.predict(X_test)", "NotFittedError")],
    ),
    (
        "out_of_memory",
        "Out of memory",
        "The array would need hundreds of terabytes: a full pairwise matrix over many rows grows "
        "with the square. Work in batches, use sparse matrices or sample the data.",
        [("pairwise = np.empty((10_000_000, 10_000_000))", "MemoryError")],
    ),
    (
        "runtime_error",
        "Runtime error",
        "A library gave up at run time: SciPy's optimiser hit its limit of function evaluations "
        "before converging. Give better starting values (`p0`) or a larger `maxfev`.",
        [
            (
                "from scipy.optimize import curve_fit\n\n\n"
                "def logistic(x, a, b, c):\n"
                "    return a / (1 + np.exp(-b * (x - c)))\n\n\n"
                "xs = np.linspace(0, 10, 50)\n"
                "curve_fit(logistic, xs, (xs > 5).astype(float), p0=[1, -50, 100], maxfev=2)",
                "RuntimeError",
            )
        ],
    ),
    (
        "other",
        "Other (division by zero)",
        "Plain Python errors such as division by zero, syntax errors or failed assertions make "
        "up the rest. Here a class that is missing from the counts ends up in a denominator.",
        [
            (
                'counts = {"setosa": 50, "versicolor": 50, "virginica": 0}\n'
                'ratio = counts["setosa"] / counts["virginica"]',
                "ZeroDivisionError",
            ),
        ],
    ),
    (
        "previous_cell_error",
        "Notebook cause: previous cell error",
        "The first cell below crashes before it assigns `wine_df`, so the next cell fails on a "
        "name that was never defined. Fix and re-run the first failing cell, not the one below.",
        [
            ('wine_df = pd.read_csv("data/wine_quality.csv")', "FileNotFoundError"),
            ('wine_df.groupby("quality").mean()', "NameError"),
        ],
    ),
    (
        "out_of_order_execution",
        "Notebook cause: out-of-order execution",
        "This cell uses `petal_ratio`, which the cell below defines: it only worked while the "
        "cells were run bottom-up. Move the definition above its first use and Run All again.",
        [
            ('iris_df["petal ratio"] = petal_ratio  # noqa: F821\niris_df.head()', "NameError"),
            ('petal_ratio = iris_df["petal length (cm)"] / iris_df["petal width (cm)"]', None),
        ],
    ),
]


def _source(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def build() -> dict:
    """The gallery notebook as an nbformat 4 dict (deterministic: fixed cell ids)."""
    cells: list[dict] = []

    def markdown(text: str) -> None:
        cells.append(
            {
                "cell_type": "markdown",
                "id": f"md-{len(cells):02d}",
                "metadata": {},
                "source": _source(text),
            }
        )

    def code(text: str, expect: str | None, label: str) -> None:
        meta: dict = {}
        if expect:
            meta = {
                "tags": ["raises-exception"],
                "nbcrash_gallery": {"section": label, "ename": expect},
            }
        cells.append(
            {
                "cell_type": "code",
                "id": f"code-{len(cells):02d}",
                "metadata": meta,
                "execution_count": None,
                "outputs": [],
                "source": _source(text),
            }
        )

    markdown(INTRO)
    code(SETUP, None, "setup")
    for number, (label, title, text, snippets) in enumerate(SECTIONS, 1):
        kind = "notebook_cause" if label in NOTEBOOK_CAUSE_IDS else "crash_type"
        markdown(f"## {number}. {title}\n\n{text}\n\n*nbcrash {kind}:* `{label}`")
        for snippet, expect in snippets:
            code(snippet, expect, label)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write examples/crash_gallery.ipynb.")
    parser.add_argument("--check", action="store_true", help="only check it is up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = NOTEBOOK.read_text(encoding="utf-8") if NOTEBOOK.exists() else ""
        if current != text:
            print(f"{NOTEBOOK.relative_to(REPO)} is out of date: run corpus/gallery.py")
            return 1
        return 0
    NOTEBOOK.parent.mkdir(parents=True, exist_ok=True)
    NOTEBOOK.write_text(text, encoding="utf-8")
    print(f"wrote {NOTEBOOK.relative_to(REPO)} ({len(SECTIONS)} sections)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
