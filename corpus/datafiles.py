"""Seeded data files that the cases read, laid out in each case's working directory.

Small CSV/JSON/text files shaped like what notebooks load (a Titanic-like passenger table, a
housing table with gaps, daily sales, a broken JSON file...). Same bytes on every run.
"""

from __future__ import annotations

import json
import random
from pathlib import Path


def _titanic(rng: random.Random, n: int, with_target: bool) -> str:
    head = ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Fare", "Embarked"]
    if not with_target:
        head.remove("Survived")
    rows = [",".join(head)]
    first = ["Anna", "John", "Mary", "Karl", "Lena", "Omar", "Ines", "Paul", "Rita", "Sven"]
    for i in range(n):
        age = "" if rng.random() < 0.2 else str(rng.randint(1, 80))
        emb = "" if rng.random() < 0.03 else rng.choice("SCQ")
        row = [str(i + 1), str(rng.randint(0, 1)), str(rng.randint(1, 3))]
        if not with_target:
            row.pop(1)
        row += [
            f'"{rng.choice(first)} {chr(65 + i % 26)}."',
            rng.choice(["male", "female"]),
            age,
            str(rng.randint(0, 4)),
            f"{rng.uniform(5, 250):.2f}",
            emb,
        ]
        rows.append(",".join(row))
    return "\n".join(rows) + "\n"


def _housing(rng: random.Random, n: int) -> str:
    rows = ["area,bedrooms,age,city,price"]
    for _ in range(n):
        area = rng.randint(30, 250)
        beds = "" if rng.random() < 0.1 else str(rng.randint(1, 6))
        price = area * rng.uniform(2500, 6000)
        city = rng.choice(["Oslo", "Lund", "Malmo", "Bergen"])
        rows.append(f"{area},{beds},{rng.randint(0, 90)},{city},{price:.0f}")
    return "\n".join(rows) + "\n"


def _sales(rng: random.Random, n: int) -> str:
    rows = ["date;store;category;units;revenue"]
    for d in range(n):
        day = f"2023-{1 + d // 28:02d}-{1 + d % 28:02d}"
        cat = rng.choice(["food", "toys", "books"])
        units = rng.randint(0, 40)
        rows.append(f"{day};S{rng.randint(1, 3)};{cat};{units};{units * rng.uniform(2, 9):.2f}")
    return "\n".join(rows) + "\n"


def _iris() -> str:
    rng = random.Random(7)
    rows = ["sepal_length,sepal_width,petal_length,petal_width,species"]
    for species, base in (("setosa", 5.0), ("versicolor", 5.9), ("virginica", 6.6)):
        for _ in range(50):
            vals = [base + rng.gauss(0, 0.3), 3.0 + rng.gauss(0, 0.3)]
            vals += [base - 3.5 + rng.gauss(0, 0.4), base / 4 - 1 + rng.gauss(0, 0.2)]
            rows.append(",".join(f"{v:.1f}" for v in vals) + f",{species}")
    return "\n".join(rows) + "\n"


def write_data_files(workdir: Path) -> None:
    """Lay out the data files under ``workdir`` (creating ``workdir/data``)."""
    rng = random.Random(20250101)
    data = workdir / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "train.csv").write_text(_titanic(rng, 120, True))
    (data / "test.csv").write_text(_titanic(rng, 40, False))
    (workdir / "housing.csv").write_text(_housing(rng, 80))
    (data / "sales.csv").write_text(_sales(rng, 90))
    (data / "iris.csv").write_text(_iris())
    (data / "config.json").write_text(json.dumps({"lr": 0.01, "epochs": 5, "batch_size": 16}))
    (data / "broken.json").write_text('{"lr": 0.01, "epochs": 5,}\n')
    records = [{"id": i, "text": f"review number {i}", "stars": 1 + i % 5} for i in range(20)]
    (data / "reviews.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (data / "reviews.txt").write_text(
        "".join(f"{r['stars']}\t{r['text']}\n" for r in records), encoding="utf-8"
    )
    (data / "latin1.csv").write_bytes(
        "name,city\nJos\xe9,M\xe1laga\nRen\xe9e,Z\xfcrich\n".encode("latin-1")
    )
    (data / "empty.csv").write_text("")
    (data / "images").mkdir(exist_ok=True)
    (data / "images" / "cat_001.jpg").write_bytes(b"not really a jpeg\n")
