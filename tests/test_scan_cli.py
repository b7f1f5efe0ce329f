"""`jupyter nbcrash scan` and `report` as a user runs them: real diagnose, exit codes, outputs."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from jupyterlab_nbcrash import cli, taxonomy
from jupyterlab_nbcrash.scan import progress

TREE = Path(__file__).parent / "fixtures" / "scan" / "tree"


@pytest.fixture
def run(monkeypatch, capsys):
    """cli.main with only the scan and report commands loaded (the others are not under test)."""
    commands = {k: v for k, v in cli.COMMANDS.items() if k in ("scan", "report")}
    monkeypatch.setattr(cli, "COMMANDS", commands)

    def main(*argv: str) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return main


def test_scan_to_json_with_the_real_diagnose(run, tmp_path):
    out = tmp_path / "scan.json"
    code, stdout, stderr = run("scan", TREE, "-o", out, "--jobs", "1")
    assert code == 0 and stdout == ""
    assert stderr.startswith(
        "nbcrash scan: 6 notebooks read, 6 crashes found in 5 notebooks, 5 files skipped ("
    )
    assert stderr.rstrip().endswith(f"report written to {out}")
    data = json.loads(out.read_text())
    assert data["summary"]["crashes"] == 6
    for crash in data["crashes"]:
        assert crash["error"] is None, crash["error"]
        assert crash["crash_type"] in taxonomy.CRASH_TYPES
        assert crash["root_cause"] in taxonomy.ROOT_CAUSES
        assert crash["stage"] in taxonomy.STAGES
        assert taxonomy.is_valid("library", crash["library"])
        assert isinstance(crash["ml_bug"], bool)
    by_type = {c["ename"]: c["crash_type"] for c in data["crashes"]}
    assert by_type["ModuleNotFoundError"] == "module_not_found"


def test_format_follows_the_output_suffix(run, tmp_path):
    assert run("scan", TREE, "-o", tmp_path / "r.csv", "-q") == (0, "", "")
    rows = list(csv.DictReader((tmp_path / "r.csv").open(newline="")))
    assert len(rows) == 6
    assert run("scan", TREE, "-o", tmp_path / "r.html", "-q")[0] == 0
    assert (tmp_path / "r.html").read_text().startswith("<!doctype html>")
    code, out, _ = run("scan", TREE, "--format", "json", "-q")
    assert code == 0 and json.loads(out)["summary"]["notebooks_read"] == 6


def test_csv_lists_skipped_files_on_stderr(run):
    code, out, err = run("scan", TREE, "--format", "csv")
    assert code == 0 and out.startswith("notebook,cell_index,")
    assert sum(line.startswith("skipped ") for line in err.splitlines()) == 5
    assert "empty.ipynb: empty file" in err


def test_table_is_the_default(run):
    code, out, _ = run("scan", TREE / "crashes.ipynb", "-q")
    assert code == 0
    assert (
        out.splitlines()[1] == "1 notebooks read, 2 crashes found in 1 notebooks, 0 files skipped"
    )
    assert "NameError: name 'total' is not defined" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "/no/such/dir"], "no such file or folder: /no/such/dir"),
        (["scan", str(TREE), "--jobs", "0"], "--jobs must be at least 1"),
        (["scan", str(TREE), "--jobs", "2", "--dask", "tcp://x:1"], "cannot be combined"),
        (["scan", str(TREE), "--max-size", "0"], "--max-size must be positive"),
        (["scan", str(TREE), "-o", "/no/such/dir/out.json"], "no such folder /no/such/dir"),
        (["report", "/no/such/scan.json"], "no such file: /no/such/scan.json"),
    ],
)
def test_bad_usage_exits_2_with_one_line(run, argv, message):
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("jupyter nbcrash ")


def test_output_folder_is_checked_before_scanning(run, tmp_path):
    code, _, err = run("scan", TREE, "-o", tmp_path)
    assert code == 2 and "is a folder" in err


def test_unknown_format_is_an_argparse_error(run):
    with pytest.raises(SystemExit) as info:
        run("scan", TREE, "--format", "xml")
    assert info.value.code == 2


def test_unreachable_dask_scheduler_exits_1(run, monkeypatch):
    from jupyterlab_nbcrash.scan import run as run_module

    real_scan = run_module.scan
    monkeypatch.setattr(run_module, "scan", lambda *a, **k: real_scan(*a, **k, dask_timeout=1))
    code, _, err = run("scan", TREE, "--dask", "tcp://127.0.0.1:1", "-q")
    assert code == 1 and "cannot connect to the Dask scheduler at tcp://127.0.0.1:1" in err


def test_help_text(capsys, monkeypatch):
    monkeypatch.setattr(cli, "COMMANDS", {"scan": cli.COMMANDS["scan"]})
    with pytest.raises(SystemExit) as info:
        cli.main(["scan", "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    for fragment in ("exit codes:", "0  the scan ran", "2  bad usage", "--dask SCHEDULER_ADDRESS"):
        assert fragment in text
    assert all(f in text for f in ("table", "json", "csv", "html"))


def test_report_re_renders_a_saved_scan(run, tmp_path):
    saved = tmp_path / "scan.json"
    assert run("scan", TREE, "-o", saved, "-q")[0] == 0
    code, table, err = run("report", saved)
    assert code == 0 and err == ""
    assert "6 notebooks read, 6 crashes found in 5 notebooks, 5 files skipped" in table
    assert run("report", saved, "-o", tmp_path / "again.json") == (0, "", "")
    assert json.loads((tmp_path / "again.json").read_text()) == json.loads(saved.read_text())
    code, out, _ = run("report", saved, "--format", "csv")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 6
    assert run("report", saved, "-o", tmp_path / "page.html")[0] == 0
    page = (tmp_path / "page.html").read_text()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ('{"format": "something else"}', "not a saved nbcrash scan"),
        ("[]", "not a saved nbcrash scan"),
    ],
)
def test_report_rejects_what_is_not_a_scan(run, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content)
    code, _, err = run("report", path)
    assert code == 2 and message in err


def test_report_of_a_folder_is_usage_error(run, tmp_path):
    code, _, err = run("report", tmp_path)
    assert code == 2 and "is a folder" in err


def test_failed_write_keeps_the_old_report(run, tmp_path, monkeypatch):
    out = tmp_path / "scan.json"
    out.write_text("old")

    def broken(result, fmt, stream):
        stream.write("partial")
        raise KeyboardInterrupt

    monkeypatch.setattr("jupyterlab_nbcrash.scan.output.render", broken)
    assert run("scan", TREE, "-o", out, "-q")[0] == 130
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["scan.json"]


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_on_a_terminal_only():
    tty = FakeTTY()
    bar = progress.Progress(200, tty)
    bar.update(50, 7, force=True)
    bar.close()
    text = tty.getvalue()
    assert "scanning 50/200 notebooks (25%) · 7 crashes · " in text and "ETA" in text
    assert text.endswith("\r\x1b[K")
    pipe = io.StringIO()
    quiet = progress.Progress(200, pipe)
    quiet.update(50, 7, force=True)
    quiet.close()
    assert pipe.getvalue() == ""
    assert progress.line(0, 0, 0, 0.0) == "scanning 0/0 notebooks · 0 crashes · 0/s"


def test_quiet_and_non_tty_runs_print_no_progress(run, monkeypatch):
    monkeypatch.setattr(sys, "stderr", FakeTTY())
    code, _, _ = run("scan", TREE, "-q", "--format", "json")
    assert code == 0 and sys.stderr.getvalue() == ""


def test_progress_shows_on_a_tty(run, monkeypatch, tmp_path):
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(3):
        shutil.copy(TREE / "crashes.ipynb", corpus / f"n{i}.ipynb")
    assert run("scan", corpus, "--format", "json", "--jobs", "1")[0] == 0
    text = tty.getvalue()
    assert "\r\x1b[Kscanning 3/3 notebooks (100%) · 6 crashes · " in text
    assert "ETA" not in text.split("3/3")[1]
    final = (
        "\r\x1b[Knbcrash scan: 3 notebooks read, 6 crashes found in 3 notebooks, 0 files skipped"
    )
    assert final in text
