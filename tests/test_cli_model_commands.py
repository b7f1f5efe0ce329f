"""`jupyter nbcrash classify | train | evaluate` end to end, through cli.main."""

from __future__ import annotations

import io
import json

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.cli import main
from jupyterlab_nbcrash.diagnosis import model as M
from jupyterlab_nbcrash.diagnosis.corrections import Corrections
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.training.data import CORPUS_PATH

GOOD = {
    "id": "a",
    "ename": "ModuleNotFoundError",
    "evalue": "No module named 'sklearn'",
    "traceback": ["----> 1 import sklearn\n", "ModuleNotFoundError: No module named 'sklearn'"],
}
GOOD2 = {"id": 7, "ename": "nameerror", "evalue": "name 'df' is not defined", "traceback": []}


@pytest.fixture
def tiny(tmp_path):
    """40 labelled crashes of the recorded corpus, in the dev file's format."""
    lines = [line for line in CORPUS_PATH.read_text(encoding="utf-8").splitlines() if line][::7]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
    return path


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_good_and_bad_lines_in_order(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            [
                json.dumps(GOOD),
                "{not json",
                json.dumps({"id": "b", "ename": 3}),
                "",
                json.dumps(GOOD2),
            ]
        )
        + "\n"
    )
    code, out, err = run_cli(capsys, "classify", str(src))
    assert code == 1  # bad input, although every good line was diagnosed
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", 7]
    assert rows[0]["crash_type"] == "module_not_found" and "scikit-learn" in rows[0]["hint"]
    assert "line 2: not JSON" in rows[1]["error"]
    assert "'ename' must be a string" in rows[2]["error"] and set(rows[2]) == {"id", "error"}
    for row in (rows[0], rows[3]):
        for dim in taxonomy.DIMENSIONS:
            assert taxonomy.is_valid(dim, row[dim])
        assert {"confidence", "evidence", "crash_id", "created", "taxonomy_version"} <= set(row)
        assert row["alternatives"]["stage"][0] == {
            "id": row["stage"],
            "p": row["confidence"]["stage"],
        }
    assert "2 line(s) could not be diagnosed" in err


def test_classify_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(GOOD2) + "\n"))
    code, out, _ = run_cli(capsys, "classify", "--rules-only")
    assert code == 0 and json.loads(out)["crash_type"] in ("variable_not_found", "name_error")


def test_classify_missing_file_is_a_one_line_error(tmp_path, capsys):
    code, out, err = run_cli(capsys, "classify", str(tmp_path / "nope.jsonl"))
    assert code == 2 and out == ""
    assert err.startswith("jupyter nbcrash classify: error: cannot read") and err.count("\n") == 1


def test_train_into_a_folder_then_classify_and_evaluate_with_it(tmp_path, tiny, capsys):
    out_dir = tmp_path / "model"
    code, out, _ = run_cli(capsys, "train", "--no-corpus", "--data", str(tiny), "-o", str(out_dir))
    assert code == 0 and "training on 40 examples" in out
    model = M.Model.load(out_dir)
    assert model.meta["trained_on"] == {"tiny.jsonl": 40}

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    code, out, _ = run_cli(capsys, "classify", "--model", str(out_dir), str(src))
    assert code == 0 and json.loads(out)["crash_type"] == "module_not_found"

    code, out, _ = run_cli(capsys, "evaluate", "--model", str(out_dir), str(tiny))
    assert code == 0
    assert out.splitlines()[0] == f"40 crashes of {tiny}"
    for dim in ("crash_type", "root_cause", "stage", "library", "ml_bug"):
        assert any(line.startswith(dim) for line in out.splitlines())

    code, out, _ = run_cli(capsys, "evaluate", "--model", str(out_dir), "--json", str(tiny))
    report = json.loads(out)["report"]
    assert 0.0 <= report["crash_type"]["accuracy"] <= 1.0
    assert 0.0 <= report["stage"]["macro_f1"] <= 1.0


def test_evaluate_cross_validation(tiny, capsys):
    code, out, _ = run_cli(capsys, "evaluate", "--cv", "2", "--no-corpus", "--json", str(tiny))
    assert code == 0
    result = json.loads(out)
    assert result["title"].startswith("2-fold cross-validation (random split) on 40 crashes")
    assert set(result["report"]) == {"crash_type", "root_cause", "stage", "library", "ml_bug"}
    root = result["report"]["root_cause"]
    assert set(root) >= {"coverage", "top2", "ece", "tv"}
    assert root["top2"] >= root["accuracy"] and 0.0 <= root["ece"] <= 1.0
    assert {g["goal"] for g in result["goals"]} >= {"root_cause top2 ≥ 0.80"}


def test_evaluate_grouped_split(tiny, capsys):
    code, out, _ = run_cli(capsys, "evaluate", "--cv", "2", "--split", "family", str(tiny))
    assert code == 0
    assert "(family split)" in out and "@50%" in out and "goals: " in out
    code, _, err = run_cli(
        capsys, "evaluate", "--cv", "2", "--split", "source", "--no-corpus", str(tiny)
    )
    assert code != 0 and "source" in err


def test_train_with_data_and_feedback_writes_corrections_beside_the_model(
    tmp_path, tiny, capsys, monkeypatch
):
    # The model learns the labelled file alone; the feedback becomes the corrections next to it,
    # and the corrected crash gets the corrected label from them.
    record = json.loads(tiny.read_text().splitlines()[0])
    predicted = {k: record[k] for k in ("crash_type", "root_cause", "stage", "library")}
    entry = {
        "feedback_id": 1,
        "correct": False,
        "record": record,
        "predicted": predicted,
        "corrected": dict(predicted, root_cause="library_cause"),
    }

    class StandInStore:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def entries(self):
            # the second teaches nothing usable (no verdict, only a fix's outcome): skipped,
            # not fatal
            return [entry, dict(entry, feedback_id=2, correct=None)]

    opened = []
    monkeypatch.setattr(
        "jupyterlab_nbcrash.store.FeedbackStore.open",
        classmethod(lambda cls, path=None: opened.append(path) or StandInStore()),
    )
    out_dir = tmp_path / "model"
    store = tmp_path / "nbcrash.sqlite3"
    store.touch()
    code, out, err = run_cli(
        capsys,
        "train",
        "--no-corpus",
        "--data",
        str(tiny),
        "--with-feedback",
        "--store",
        str(store),
        "-o",
        str(out_dir),
    )
    assert code == 0 and opened == [str(store)]
    assert "skipped 1 feedback entry" in err and "learnt 1 correction(s)" in out
    model = M.Model.load(out_dir)
    assert model.meta["trained_on"] == {"tiny.jsonl": 40}
    layer = Corrections.load(out_dir / "corrections.json")
    answer = diagnose(ErrorRecord.from_dict(record), model, corrections=layer)
    assert answer.root_cause == "library_cause"


def test_train_with_feedback_from_a_store_that_does_not_exist(tmp_path, tiny, capsys, monkeypatch):
    # A mistyped --store must not read as "no feedback" (nor create an empty database there),
    # and nothing is trained or written before it is found.
    user = tmp_path / "user-model"
    monkeypatch.setattr(M, "user_model_dir", lambda: user)
    missing = tmp_path / "typo.sqlite3"
    code, _, err = run_cli(
        capsys,
        "train",
        "--no-corpus",
        "--data",
        str(tiny),
        "--with-feedback",
        "--store",
        str(missing),
    )
    assert code == 2
    assert err.strip() == f"jupyter nbcrash train: error: no nbcrash store at {missing}"
    assert not missing.exists() and not user.exists()


def test_train_defaults_to_the_user_model_dir(tmp_path, tiny, capsys, monkeypatch):
    user = tmp_path / "user-model"
    monkeypatch.setattr(M, "user_model_dir", lambda: user)
    code, out, _ = run_cli(capsys, "train", "--no-corpus", "--data", str(tiny))
    assert code == 0 and (user / "model.npz").is_file() and "used from now on" in out
    assert "train --reset" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "tiny.jsonl:1: not JSON"),
        ('{"ename": "E", "crash_type": "nope"}\n', "'crash_type' is 'nope'"),
    ],
)
def test_bad_training_data_is_a_one_line_error(tmp_path, capsys, content, message):
    bad = tmp_path / "tiny.jsonl"
    bad.write_text(content)
    train = ["train", "--no-corpus", "-o", str(tmp_path / "m"), "--data", str(bad)]
    for argv in (train, ["evaluate", str(bad)]):
        code, _, err = run_cli(capsys, *argv)
        assert code == 2 and message in err and err.count("\n") == 1


def test_evaluate_rejects_bad_fold_counts(tiny, capsys):
    code, _, err = run_cli(capsys, "evaluate", "--cv", "1", str(tiny))
    assert code == 2 and "--cv needs" in err
