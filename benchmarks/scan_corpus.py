"""Generate a study-like corpus of notebooks for the scan benchmark.

Sizes, outputs and crash rates follow what the study (Wang et al., TSE 2025) and public notebooks
look like: most files are 50–500 KB, the bulk of that is base64 PNG plots and HTML tables, most
notebooks have no error output, and those that do hold about 1.4 (92,542 crashes in 64,031
notebooks). Tracebacks use the three IPython styles with ANSI colours, as saved by Jupyter.

    python benchmarks/scan_corpus.py OUT_DIR [--notebooks 5000] [--crash-share 0.1] [--seed 1]

Deterministic for a given seed. Prints the number of files, crashes and bytes written.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import random
import sys
from pathlib import Path

RED, GREEN, CYAN, BLUE, RESET = "\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m", "\x1b[0;34m", "\x1b[0m"

CODE = [
    "import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\n%matplotlib inline",
    "df = pd.read_csv('data/train.csv')\ndf.head()",
    "df.describe()",
    "df = df.dropna(subset=['Age'])\ndf['Sex'] = df['Sex'].map({'male': 0, 'female': 1})",
    "X = df.drop(columns=['Survived'])\ny = df['Survived']",
    "from sklearn.model_selection import train_test_split\n"
    "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)",
    "plt.figure(figsize=(10, 6))\nplt.hist(df['Age'], bins=30)\nplt.title('Age')\nplt.show()",
    "import seaborn as sns\nsns.heatmap(df.corr(), annot=True)",
    "from sklearn.ensemble import RandomForestClassifier\n"
    "clf = RandomForestClassifier(n_estimators=100)\nclf.fit(X_train, y_train)",
    "pred = clf.predict(X_test)\nprint(accuracy_score(y_test, pred))",
    "model = keras.Sequential([\n    layers.Dense(64, activation='relu'),\n"
    "    layers.Dense(10, activation='softmax'),\n])\n"
    "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')",
    "history = model.fit(x_train, y_train, epochs=10, validation_split=0.2)",
    "for epoch in range(3):\n    for xb, yb in loader:\n        opt.zero_grad()\n"
    "        loss = criterion(net(xb), yb)\n        loss.backward()\n        opt.step()",
    "print(df.shape)\nprint(df.columns.tolist())",
]

MARKDOWN = [
    "# Exploratory data analysis\n\nWe first look at the data.",
    "## Training\n\nA random forest as a baseline, then a small neural network.",
    "Let's **clean** the data: drop missing ages and encode the categorical columns.",
    "### Results\n\n| model | accuracy |\n|---|---|\n| RF | 0.81 |\n| NN | 0.79 |",
]

# (ename, evalue, code of the failing cell, library frames: [(file, function, line)])
CRASHES = [
    (
        "NameError",
        "name 'accuracy_score' is not defined",
        "pred = clf.predict(X_test)\nprint(accuracy_score(y_test, pred))",
        [],
    ),
    ("NameError", "name 'df_train' is not defined", "df_train.head()", []),
    ("ModuleNotFoundError", "No module named 'xgboost'", "import xgboost as xgb", []),
    (
        "KeyError",
        "'Survived'",
        "y = df['Survived']",
        [
            ("/opt/conda/lib/python3.10/site-packages/pandas/core/frame.py", "__getitem__", 3807),
            (
                "/opt/conda/lib/python3.10/site-packages/pandas/core/indexes/base.py",
                "get_loc",
                3804,
            ),
        ],
    ),
    (
        "ValueError",
        "Found input variables with inconsistent numbers of samples: [712, 891]",
        "clf.fit(X_train, y)",
        [
            ("/usr/local/lib/python3.8/dist-packages/sklearn/ensemble/_forest.py", "fit", 331),
            (
                "/usr/local/lib/python3.8/dist-packages/sklearn/utils/validation.py",
                "check_consistent_length",
                397,
            ),
        ],
    ),
    (
        "ValueError",
        "could not convert string to float: 'male'",
        "clf.fit(X_train, y_train)",
        [
            (
                "/usr/local/lib/python3.8/dist-packages/sklearn/utils/validation.py",
                "check_array",
                746,
            ),
            ("/usr/local/lib/python3.8/dist-packages/numpy/core/_asarray.py", "asarray", 83),
        ],
    ),
    (
        "FileNotFoundError",
        "[Errno 2] No such file or directory: 'data/train.csv'",
        "df = pd.read_csv('data/train.csv')",
        [
            (
                "/opt/conda/lib/python3.10/site-packages/pandas/io/parsers/readers.py",
                "read_csv",
                912,
            ),
            ("/opt/conda/lib/python3.10/site-packages/pandas/io/common.py", "get_handle", 856),
        ],
    ),
    (
        "AttributeError",
        "'DataFrame' object has no attribute 'append'",
        "df = df.append(row, ignore_index=True)",
        [("/opt/conda/lib/python3.10/site-packages/pandas/core/generic.py", "__getattr__", 5989)],
    ),
    (
        "RuntimeError",
        "mat1 and mat2 shapes cannot be multiplied (64x784 and 512x10)",
        "out = net(xb)",
        [
            (
                "/usr/local/lib/python3.10/dist-packages/torch/nn/modules/module.py",
                "_call_impl",
                1501,
            ),
            ("/usr/local/lib/python3.10/dist-packages/torch/nn/modules/linear.py", "forward", 114),
        ],
    ),
    (
        "TypeError",
        "fit() got an unexpected keyword argument 'epoch'",
        "model.fit(x_train, y_train, epoch=10)",
        [
            (
                "/usr/local/lib/python3.10/dist-packages/keras/utils/traceback_utils.py",
                "error_handler",
                70,
            )
        ],
    ),
    ("IndexError", "list index out of range", "print(results[5])", []),
    ("ZeroDivisionError", "division by zero", "ratio = hits / total", []),
    (
        "ValueError",
        "Input contains NaN, infinity or a value too large for dtype('float64').",
        "clf.fit(X_train, y_train)",
        [
            (
                "/usr/local/lib/python3.8/dist-packages/sklearn/utils/validation.py",
                "_assert_all_finite",
                114,
            )
        ],
    ),
]


def _frames(style: str, count: int, code: str, lib_frames: list) -> list[str]:
    """The traceback entries of an error output in one of the three IPython frame styles."""
    lines = code.splitlines()
    last = len(lines)
    body = "".join(
        f"{'----> ' if i == last else '      '}{i} {line}\n" for i, line in enumerate(lines, 1)
    )
    if style == "ipython-input":
        head = f"{CYAN}<ipython-input-{count}-3f2a9c1d8e7b>{RESET} in {CYAN}<module>{RESET}\n"
    elif style == "ipykernel":
        head = f"{CYAN}/tmp/ipykernel_2817/{1000 + count}.py{RESET} in {CYAN}<module>{RESET}\n"
    else:
        head = f"Cell {GREEN}In[{count}], line {last}{RESET}\n"
    entries = [head + body]
    for file, func, lineno in lib_frames:
        entries.append(
            f"File {GREEN}{file}:{lineno}{RESET}, in {CYAN}{func}{RESET}(self, *args)\n"
            f"    {lineno - 1} try:\n{GREEN}--> {lineno}{RESET}     return self._impl(*args)\n"
        )
    return entries


def error_output(rng: random.Random, count: int) -> tuple[dict, str]:
    ename, evalue, code, libs = rng.choice(CRASHES)
    style = rng.choice(["ipython-input", "ipykernel", "cell-in"])
    sep = f"{RED}{'-' * 75}{RESET}"
    tb = [
        sep,
        f"{RED}{ename}{RESET}                                 Traceback (most recent call last)",
        *_frames(style, count, code, libs),
        f"{RED}{ename}{RESET}: {evalue}",
    ]
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}, code


def _image(rng: random.Random, size: int) -> dict:
    raw = rng.randbytes(max(1, size * 3 // 4))
    return {
        "output_type": "display_data",
        "metadata": {"needs_background": "light"},
        "data": {
            "image/png": base64.b64encode(raw).decode("ascii") + "\n",
            "text/plain": ["<Figure size 720x432 with 1 Axes>"],
        },
    }


def _table(rng: random.Random, count: int) -> dict:
    rows = "".join(
        f"    <tr><th>{i}</th><td>{rng.random():.4f}</td><td>{rng.randint(0, 99)}</td></tr>\n"
        for i in range(rng.randint(5, 40))
    )
    return {
        "output_type": "execute_result",
        "execution_count": count,
        "metadata": {},
        "data": {
            "text/html": f'<div><table border="1" class="dataframe">\n  <tbody>\n{rows}'
            "  </tbody>\n</table></div>",
            "text/plain": "   Age  Fare\n0  22.0  7.25\n1  38.0  71.28",
        },
    }


def notebook(rng: random.Random, target_size: int, n_crashes: int) -> tuple[dict, int]:
    """A notebook of about ``target_size`` bytes with ``n_crashes`` error outputs."""
    n_cells = rng.randint(8, 60)
    cells: list[dict] = []
    for i in range(n_cells):
        if rng.random() < 0.3:
            cells.append(
                {
                    "cell_type": "markdown",
                    "id": f"m{i:04d}",
                    "metadata": {},
                    "source": rng.choice(MARKDOWN),
                }
            )
            continue
        src = rng.choice(CODE)
        outputs: list[dict] = []
        if rng.random() < 0.3:
            outputs.append(
                {
                    "output_type": "stream",
                    "name": "stdout",
                    "text": [f"epoch {k}: loss {rng.random():.4f}\n" for k in range(5)],
                }
            )
        if rng.random() < 0.25:
            outputs.append(_table(rng, 0))
        cells.append(
            {
                "cell_type": "code",
                "execution_count": 0,
                "id": f"c{i:04d}",
                "metadata": {},
                "outputs": outputs,
                "source": src.splitlines(keepends=True),
            }
        )
    code_cells = [c for c in cells if c["cell_type"] == "code"]
    # Crashing cells, then execution counts: mostly in order, sometimes run out of order or not.
    crashing = rng.sample(code_cells, min(n_crashes, len(code_cells)))
    counts = list(range(1, len(code_cells) + 1))
    if rng.random() < 0.25:
        a, b = sorted(rng.sample(range(len(counts)), 2)) if len(counts) > 1 else (0, 0)
        counts[a], counts[b] = counts[b], counts[a]
    for cell, count in zip(code_cells, counts, strict=True):
        cell["execution_count"] = None if rng.random() < 0.03 else count
        for out in cell["outputs"]:
            if "execution_count" in out:
                out["execution_count"] = cell["execution_count"]
    for cell in crashing:
        out, code = error_output(rng, cell["execution_count"] or 0)
        cell["source"] = code.splitlines(keepends=True)
        cell["outputs"] = [o for o in cell["outputs"] if o["output_type"] == "stream"] + [out]
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.10.12"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    # Fill up to the target size with plots on cells that did not crash.
    size = len(json.dumps(nb, indent=1))
    plain = [c for c in code_cells if c not in crashing] or code_cells
    while size < target_size:
        chunk = min(target_size - size, rng.randint(15_000, 120_000))
        rng.choice(plain)["outputs"].append(_image(rng, chunk))
        size += chunk + 150
    return nb, len(crashing)


def _target_size(rng: random.Random) -> int:
    """Mostly 50–500 KB (log-uniform), some small notebooks and a few big ones."""
    r = rng.random()
    if r < 0.12:
        return rng.randint(3_000, 50_000)
    if r < 0.97:
        return int(math.exp(rng.uniform(math.log(50_000), math.log(500_000))))
    return rng.randint(500_000, 3_000_000)


def generate(
    out: Path,
    notebooks: int = 5000,
    crash_share: float = 0.1,
    seed: int = 1,
    max_size: int | None = None,
) -> dict:
    rng = random.Random(seed)
    totals = {"notebooks": 0, "with_crashes": 0, "crashes": 0, "bytes": 0}
    for i in range(notebooks):
        n_crashes = 0
        if rng.random() < crash_share:
            n_crashes = 1  # geometric: mean 1/0.7 ≈ 1.43 crashes per crashing notebook
            while rng.random() < 0.3:
                n_crashes += 1
        size = _target_size(rng)
        nb, n = notebook(rng, min(size, max_size) if max_size else size, n_crashes)
        folder = out / f"repo{i // 100:03d}" / ("notebooks" if i % 3 else "")
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        (folder / f"analysis_{i:05d}.ipynb").write_text(data, encoding="utf-8")
        totals["notebooks"] += 1
        totals["with_crashes"] += n > 0
        totals["crashes"] += n
        totals["bytes"] += len(data)
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--notebooks", type=int, default=5000)
    ap.add_argument(
        "--crash-share",
        type=float,
        default=0.1,
        help="share of notebooks with at least one error output (default 0.1)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--max-kb", type=int, help="cap notebook sizes (e.g. many small crashing notebooks)"
    )
    args = ap.parse_args(argv)
    max_size = args.max_kb * 1000 if args.max_kb else None
    t = generate(args.out, args.notebooks, args.crash_share, args.seed, max_size)
    print(
        f"{t['notebooks']} notebooks, {t['with_crashes']} with crashes, {t['crashes']} crashes "
        f"({t['crashes'] / max(1, t['with_crashes']):.2f} per crashing notebook), "
        f"{t['bytes'] / 1e6:.0f} MB (mean {t['bytes'] / max(1, t['notebooks']) / 1e3:.0f} KB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
