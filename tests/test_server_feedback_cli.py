"""`jupyter nbcrash feedback list|export`, on a store filled the way the server fills it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jupyterlab_nbcrash.cli import main
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.store import CrashHistory, Database, FeedbackStore

REPO = Path(__file__).resolve().parent.parent
DIAGNOSIS = {
    "crash_type": "module_not_found",
    "root_cause": "environment_setting",
    "notebook_cause": None,
    "stage": "environment_setup",
    "library": "none",
    "ml_bug": False,
}


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "nbcrash.sqlite3"
    with Database(path) as db:
        history, feedback = CrashHistory(db), FeedbackStore(db)
        for i, (correct, labels) in enumerate(
            [(True, None), (False, {"library": "seaborn", "root_cause": "api_misuse"})]
        ):
            rec = ErrorRecord.from_dict(
                {
                    "ename": "ModuleNotFoundError",
                    "evalue": f"No module named 'm{i}'\nsecond line",
                    "traceback": [f"ModuleNotFoundError: No module named 'm{i}'"],
                    "code": f"import m{i}",
                }
            )
            crash = history.get(history.add(rec, DIAGNOSIS)["crash_id"])
            feedback.add(crash, correct, labels)
    return path


def test_list_prints_one_line_per_feedback(store, capsys):
    assert main(["feedback", "list", "--store", str(store)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert "No module named 'm0' second line" in lines[0] and "right:" in lines[0]
    assert "wrong:" in lines[1] and "library none -> seaborn" in lines[1]
    assert "root_cause environment_setting -> api_misuse" in lines[1]
    assert "2 feedback entries" in err


def test_fix_results_are_listed_and_never_exported_as_labels(store, capsys):
    with Database(store) as db:
        history, feedback = CrashHistory(db), FeedbackStore(db)
        rec = ErrorRecord.from_dict({"ename": "NameError", "evalue": "name 'np' is not defined"})
        crash = history.get(history.add(rec, DIAGNOSIS)["crash_id"])
        feedback.add(crash, fix={"applied": True, "rerun_ok": True})
        feedback.add(history.get(1), fix={"applied": True, "rerun_ok": False})
    assert main(["feedback", "list", "--store", str(store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "right:" in lines[0] and "fix applied, re-run failed" in lines[0]
    assert "no verdict; fix applied, re-run ok" in lines[2]
    assert main(["feedback", "export", "--store", str(store)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["ename"] for r in rows] == ["ModuleNotFoundError", "ModuleNotFoundError"]
    # "Undo fix" in the panel keeps `applied: false` in place of the earlier result.
    with Database(store) as db:
        FeedbackStore(db).add(crash, fix={"applied": False, "rerun_ok": None})
    assert main(["feedback", "list", "--store", str(store)]) == 0
    assert capsys.readouterr().out.splitlines()[2].count("no verdict; fix undone]") == 1


def test_export_writes_dev_format_jsonl(store, tmp_path, capsys):
    out_file = tmp_path / "out" / "feedback.jsonl"
    out_file.parent.mkdir()
    assert main(["feedback", "export", "--store", str(store), "-o", str(out_file)]) == 0
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["library"] for r in rows] == ["none", "seaborn"]
    assert [r["root_cause"] for r in rows] == ["environment_setting", "api_misuse"]
    assert rows[1]["traceback"] == ["ModuleNotFoundError: No module named 'm1'"]
    assert rows[1]["code"] == "import m1"
    assert "wrote 2 labelled records" in capsys.readouterr().err
    # The same to standard output.
    assert main(["feedback", "export", "--store", str(store)]) == 0
    assert [json.loads(x) for x in capsys.readouterr().out.splitlines()] == rows


def test_missing_explicit_store_is_a_one_line_error(tmp_path, capsys):
    assert main(["feedback", "list", "--store", str(tmp_path / "nope.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no nbcrash store at" in err


def test_unwritable_output_is_a_one_line_error(store, tmp_path, capsys):
    target = tmp_path / "no-such-dir" / "out.jsonl"
    assert main(["feedback", "export", "--store", str(store), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err
    assert not target.parent.exists()


def test_not_a_database_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    assert main(["feedback", "export", "--store", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nbcrash store" in err


def test_default_store_comes_from_the_server_config(store, tmp_path):
    """No --store: the path c.NbCrashConfig.store_path names in jupyter_server_config.json."""
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "jupyter_server_config.json").write_text(
        json.dumps({"NbCrashConfig": {"store_path": str(store)}})
    )
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config_dir), "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "jupyterlab_nbcrash.cli", "feedback", "export"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_no_store_yet_is_not_an_error(tmp_path):
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": str(REPO),
    }
    result = subprocess.run(
        [sys.executable, "-m", "jupyterlab_nbcrash.cli", "feedback", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "no feedback recorded yet" in result.stderr
    assert not (tmp_path / "data").exists()  # listing creates nothing
