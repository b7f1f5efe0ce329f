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

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "scan"))
from scan_fixture_tree import tree_fixture  # noqa: F401 (a fixture)

MODEL_WARNING = "jupyter nbcrash scan: warning: model not loaded: "


@pytest.fixture
def run(monkeypatch, capsys):
    """cli.main with only the scan and report commands loaded (the others are not under test)."""
    commands = {k: v for k, v in cli.COMMANDS.items() if k in ("scan", "report")}
    monkeypatch.setattr(cli, "COMMANDS", commands)

    def main(*argv: str, raw: bool = False) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in argv])
        out, err = capsys.readouterr()
        if not raw:  # these tests are about the scan, not about the state of the trained model
            err = "".join(
                line for line in err.splitlines(keepends=True) if MODEL_WARNING not in line
            )
        return code, out, err

    return main


def test_scan_to_json_with_the_real_diagnose(run, tmp_path, tree):
    out = tmp_path / "scan.json"
    code, stdout, stderr = run("scan", tree, "-o", out, "--jobs", "1")
    assert code == 0 and stdout == ""
    last = stderr.splitlines()[-1]
    assert last.startswith(
        "nbcrash scan: 6 notebooks read, 6 crashes found in 5 notebooks, 5 files skipped ("
    )
    assert last.endswith(f"report written to {out}")
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


def test_format_follows_the_output_suffix(run, tmp_path, tree):
    assert run("scan", tree, "-o", tmp_path / "r.csv", "-q") == (0, "", "")
    rows = list(csv.DictReader((tmp_path / "r.csv").open(newline="")))
    assert len(rows) == 6
    assert run("scan", tree, "-o", tmp_path / "r.html", "-q")[0] == 0
    assert (tmp_path / "r.html").read_text().startswith("<!doctype html>")
    code, out, _ = run("scan", tree, "--format", "json", "-q")
    assert code == 0 and json.loads(out)["summary"]["notebooks_read"] == 6


def test_csv_lists_skipped_files_on_stderr(run, tree):
    code, out, err = run("scan", tree, "--format", "csv")
    assert code == 0 and out.startswith("notebook,cell_index,")
    assert sum(line.startswith("skipped ") for line in err.splitlines()) == 5
    assert "empty.ipynb: empty file" in err


def test_table_is_the_default(run, tree):
    code, out, _ = run("scan", tree / "crashes.ipynb", "-q")
    assert code == 0
    assert out.splitlines()[1] == "1 notebook read, 2 crashes found in 1 notebook, 0 files skipped"
    assert "NameError: name 'total' is not defined" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "/no/such/dir"], "no such file or folder: /no/such/dir"),
        (["scan", "{tree}", "--jobs", "0"], "--jobs must be at least 1"),
        (["scan", "{tree}", "--jobs", "2", "--dask", "tcp://x:1"], "cannot be combined"),
        (["scan", "{tree}", "--max-size", "0"], "--max-size must be positive"),
        (["scan", "{tree}", "-o", "/no/such/dir/out.json"], "no such folder /no/such/dir"),
        (["report", "/no/such/scan.json"], "no such file: /no/such/scan.json"),
        (["scan", "{tree}", "--confidence-threshold", "1.5"], "between 0 and 1, not 1.5"),
        (["report", "x.json", "--confidence-threshold", "nan"], "between 0 and 1, not nan"),
    ],
)
def test_bad_usage_exits_2_with_one_line(run, tree, argv, message):
    code, out, err = run(*(a.format(tree=tree) for a in argv))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("jupyter nbcrash ")


def test_output_folder_is_checked_before_scanning(run, tmp_path, tree):
    code, _, err = run("scan", tree, "-o", tmp_path)
    assert code == 2 and "is a folder" in err


def test_unknown_format_is_an_argparse_error(run, tree):
    with pytest.raises(SystemExit) as info:
        run("scan", tree, "--format", "xml")
    assert info.value.code == 2


def test_unreachable_dask_scheduler_exits_1(run, monkeypatch, tree):
    from jupyterlab_nbcrash.scan import run as run_module

    real_scan = run_module.scan
    monkeypatch.setattr(run_module, "scan", lambda *a, **k: real_scan(*a, **k, dask_timeout=1))
    code, _, err = run("scan", tree, "--dask", "tcp://127.0.0.1:1", "-q")
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


def test_report_re_renders_a_saved_scan(run, tmp_path, tree):
    saved = tmp_path / "scan.json"
    assert run("scan", tree, "-o", saved, "-q")[0] == 0
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


def test_failed_write_keeps_the_old_report(run, tmp_path, monkeypatch, tree):
    out = tmp_path / "scan.json"
    out.write_text("old")

    def broken(result, fmt, stream, threshold):
        stream.write("partial")
        raise KeyboardInterrupt

    monkeypatch.setattr("jupyterlab_nbcrash.scan.output.render", broken)
    assert run("scan", tree, "-o", out, "-q")[0] == 130
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


def test_quiet_and_non_tty_runs_print_no_progress(run, monkeypatch, tree):
    monkeypatch.setattr(sys, "stderr", FakeTTY())
    code, _, _ = run("scan", tree, "-q", "--format", "json")
    lines = [line for line in sys.stderr.getvalue().splitlines() if MODEL_WARNING not in line]
    assert code == 0 and lines == []


def test_progress_shows_on_a_tty(run, monkeypatch, tmp_path, tree):
    tty = FakeTTY()
    monkeypatch.setattr(sys, "stderr", tty)
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(3):
        shutil.copy(tree / "crashes.ipynb", corpus / f"n{i}.ipynb")
    assert run("scan", corpus, "--format", "json", "--jobs", "1")[0] == 0
    text = tty.getvalue()
    assert "\r\x1b[Kscanning 3/3 notebooks (100%) · 6 crashes · " in text
    assert "ETA" not in text.split("3/3")[1]
    # the progress line is erased before the final line is printed
    progress_end = text.rindex("\r\x1b[K") + len("\r\x1b[K")
    lines = [line for line in text[progress_end:].splitlines() if MODEL_WARNING not in line]
    assert lines[0].startswith(
        "nbcrash scan: 3 notebooks read, 6 crashes found in 3 notebooks, 0 files skipped"
    )


def test_dask_option_end_to_end(run, tmp_path, tree):
    import distributed  # a test dependency (jupyterlab_nbcrash[dask])

    local = tmp_path / "local.json"
    remote = tmp_path / "remote.json"
    assert run("scan", tree, "-o", local, "-q")[0] == 0
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        assert run("scan", tree, "--dask", cluster.scheduler_address, "-o", remote, "-q")[0] == 0
    a, b = json.loads(local.read_text()), json.loads(remote.read_text())
    for data in (a, b):
        del data["meta"]["created"], data["meta"]["run"]
    assert a == b


def test_a_model_that_fails_to_load_means_rules_only_and_one_warning(
    run, monkeypatch, tmp_path, tree
):
    from jupyterlab_nbcrash.diagnosis import model
    from jupyterlab_nbcrash.scan import worker

    def broken(path=None):
        raise model.ModelError("model.json is not an nbcrash model")

    monkeypatch.setattr(worker, "_cache", {})
    monkeypatch.setattr(model, "load_model", broken)
    out = tmp_path / "scan.json"
    code, _, err = run("scan", tree, "-o", out, "-q", raw=True)
    assert code == 0
    assert err == (
        "jupyter nbcrash scan: warning: model not loaded: ModelError: model.json is not an "
        "nbcrash model (diagnosed with rules only)\n"
    )
    data = json.loads(out.read_text())
    assert data["meta"]["model"]["error"].startswith("ModelError: ")
    assert [c["error"] for c in data["crashes"]] == [None] * 6  # still diagnosed, by the rules
    assert "warning: the trained model was not loaded" in run("report", out)[1]


ENTRY_POINT = "import sys; from jupyterlab_nbcrash.cli import main; sys.exit(main())"


def test_exit_codes_of_the_real_command(tree, tmp_path):
    import subprocess

    def command(*argv):
        return subprocess.run(
            # what the `jupyter-nbcrash` console script runs
            [sys.executable, "-c", ENTRY_POINT, *map(str, argv)],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parent.parent,
            timeout=300,
        )

    done = command("scan", tree, "-q", "-o", tmp_path / "scan.csv")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "scan.csv").read_text().startswith("notebook,cell_index,")
    missing = command("scan", tmp_path / "nope")
    assert missing.returncode == 2
    assert (
        missing.stderr == f"jupyter nbcrash scan: error: no such file or folder: {tmp_path}/nope\n"
    )


def _crash_block(table: str, marker: str) -> tuple[str, list[str]]:
    """The table's row holding ``marker`` and the indented lines below it."""
    lines = table.splitlines()
    at = next(i for i, line in enumerate(lines) if marker in line)
    notes = []
    for line in lines[at + 1 :]:
        if not line.startswith("      "):
            break
        notes.append(line)
    return lines[at], notes


def _torn(saved: Path) -> dict:
    """The saved scan with its first crash torn between two root causes (55% / 26%) and two
    libraries (65% / 28%), sure of its crash type and stage."""
    data = json.loads(saved.read_text())
    crash = data["crashes"][0]
    crash.update(
        crash_type="type_error",
        root_cause="api_misuse",
        notebook_cause=None,
        stage="data_preparation",
        library="none",
        confidence={"crash_type": 0.97, "root_cause": 0.55, "stage": 0.83, "library": 0.65},
        alternatives={
            "crash_type": [{"id": "type_error", "p": 0.97}],
            "root_cause": [{"id": "api_misuse", "p": 0.55}, {"id": "data_confusion", "p": 0.26}],
            "stage": [{"id": "data_preparation", "p": 0.83}, {"id": "training", "p": 0.1}],
            "library": [{"id": "none", "p": 0.65}, {"id": "pandas", "p": 0.28}],
        },
    )
    saved.write_text(json.dumps(data))
    return data


def test_readable_reports_hedge_a_label_below_the_threshold_as_the_panel_does(run, tmp_path, tree):
    saved = tmp_path / "scan.json"
    assert run("scan", tree, "-o", saved, "-q")[0] == 0
    data = _torn(saved)
    hedged = "API misuse or data confusion — not sure (55% / 26%)"

    code, table, err = run("report", saved)
    assert code == 0 and err == ""
    row, notes = _crash_block(table, "API misuse?")
    assert "Type error " in row and "Data preparation " in row and "none?" in row
    assert [n for n in notes if n.startswith("      ? ")] == [
        f"      ? Root cause: {hedged}",
        "      ? Library: None (plain Python) or pandas — not sure (65% / 28%)",
    ]  # sure of the crash type (97%) and the stage (83%): stated as they are

    # The panel's default (0.7) unless told: 0.6 states the 65% library, 0 every label.
    _, table, _ = run("report", saved, "--confidence-threshold", "0.6")
    row, notes = _crash_block(table, "API misuse?")
    assert [n for n in notes if n.startswith("      ? ")] == [f"      ? Root cause: {hedged}"]
    _, table, _ = run("report", saved, "--confidence-threshold", "0")
    assert "not sure" not in table and "?" not in _crash_block(table, "API misuse")[0]

    assert run("report", saved, "-o", tmp_path / "page.html")[0] == 0
    assert f">{hedged}</td>" in (tmp_path / "page.html").read_text()

    # Programs read JSON and CSV: the ids and numbers as they are, whatever the threshold.
    again = tmp_path / "again.json"
    assert run("report", saved, "-o", again, "--confidence-threshold", "0.99") == (0, "", "")
    assert json.loads(again.read_text()) == data
    _, csv_text, _ = run("report", saved, "--format", "csv", "--confidence-threshold", "0.99")
    assert "not sure" not in csv_text and ",api_misuse," in csv_text


def test_each_scanned_crash_answers_as_diagnose_alone(tree):
    """A scan diagnoses crash after crash in one process (the identifier cache of the tokens,
    the last notebook's words) and builds its rows from the diagnosis's fields: each row says
    what ``diagnose(record).to_dict()`` says for that record alone, with every cache cold."""
    from jupyterlab_nbcrash.diagnosis import notebook
    from jupyterlab_nbcrash.diagnosis import tokens as T
    from jupyterlab_nbcrash.scan.run import scan
    from jupyterlab_nbcrash.scan.worker import _ROW_FIELDS, project_diagnose

    diagnose = project_diagnose()[0]
    records = []

    def recording(record, model=None):
        records.append(record)
        return diagnose(record)

    rows = list(scan([str(tree)], jobs=1, diagnose=recording).crashes())
    assert len(rows) == len(records) == 6
    alone = []
    for record in reversed(records):  # another order, and nothing cached from the scan
        T._ident_cues.cache_clear()
        notebook._last_words[0] = ((), {})
        alone.append(diagnose(record).to_dict())
    for row, expected in zip(rows, reversed(alone), strict=True):
        assert {key: row[key] for key in _ROW_FIELDS} == {key: expected[key] for key in _ROW_FIELDS}


def test_the_scans_batched_diagnoses_answer_as_diagnose_alone(tree):
    """With the project's diagnose a scan reads a chunk's notebooks, then diagnoses their
    crashes together (``diagnose_many``): each row is still what ``diagnose(record)`` says for
    that record alone, and the rows are those of a scan that diagnoses crash by crash."""
    from jupyterlab_nbcrash.diagnosis import notebook
    from jupyterlab_nbcrash.diagnosis import tokens as T
    from jupyterlab_nbcrash.scan.run import scan
    from jupyterlab_nbcrash.scan.worker import _ROW_FIELDS, project_diagnose

    diagnose = project_diagnose()[0]
    records = []

    def recording(record, model=None):
        records.append(record)
        return diagnose(record)

    one_by_one = scan([str(tree)], jobs=1, diagnose=recording).to_dict()
    batched = scan([str(tree)], jobs=1).to_dict()
    for data in (one_by_one, batched):
        data.pop("meta")
    assert batched == one_by_one
    rows = batched["crashes"]
    assert len(rows) == len(records) == 6
    for row, record in zip(rows, records, strict=True):
        T._ident_cues.cache_clear()
        notebook._last_words[0] = ((), {})
        expected = diagnose(record).to_dict()
        assert {key: row[key] for key in _ROW_FIELDS} == {key: expected[key] for key in _ROW_FIELDS}


@pytest.mark.parametrize(
    ("max_notebooks", "max_crashes"), [(1, 1000), (3, 1000), (1000, 1), (1000, 2), (2, 3)]
)
def test_batches_end_at_either_bound_and_give_the_chunks_rows(tree, max_notebooks, max_crashes):
    """The scanning process ends a batch at ``max_notebooks`` notebooks or once ``max_crashes``
    crashes wait, whichever comes first: the rows and their order are one chunk's."""
    from jupyterlab_nbcrash.scan.discover import Found, discover
    from jupyterlab_nbcrash.scan.worker import ScanOptions, scan_batches, scan_chunk

    items = [(f.path, f.real) for f in discover([str(tree)], ()) if isinstance(f, Found)]
    options = ScanOptions()
    whole = scan_chunk(items, options)
    assert sum(len(row.get("crashes", ())) for row in whole) == 6
    batches = list(scan_batches(items, options, max_notebooks, max_crashes))
    assert [row for batch in batches for row in batch] == whole
    for batch in batches[:-1]:  # each batch but the last ended at one of the bounds
        crashes = sum(len(row.get("crashes", ())) for row in batch)
        assert len(batch) == max_notebooks or (
            crashes >= max_crashes > crashes - len(batch[-1]["crashes"])
        )
    assert all(len(batch) <= max_notebooks for batch in batches)
