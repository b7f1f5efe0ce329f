"""Diagnosing reads user code as text: it never runs it and never opens a network connection.

During ``diagnose`` every way to execute code (exec, eval, compile beyond parsing, subprocess,
os.system/exec/spawn/fork, importing a module named in the code) and every way to open a
connection (socket connect, create_connection, name resolution) is replaced by a tripwire. The
record's code, traceback, error text and notebook cells hold commands that would leave a marker
file or import a canary module if anything ran them.
"""

import ast
import builtins
import contextlib
import json
import os
import socket
import subprocess
import sys

import pytest

import jupyterlab_nbcrash.diagnosis as diagnosis_pkg
from jupyterlab_nbcrash.diagnosis import ErrorRecord, diagnose


class Tripped(AssertionError):
    pass


@contextlib.contextmanager
def tripwires():
    """Patch code execution and network entry points; collect what was attempted."""
    attempts = []
    patches = []

    def trip(name):
        def tripped(*args, **kwargs):
            attempts.append((name, repr(args)[:200]))
            raise Tripped(f"diagnosis called {name}")

        return tripped

    def guarded_compile(source, filename, mode, flags=0, *args, **kwargs):
        if not flags & ast.PyCF_ONLY_AST:  # ast.parse is reading, compiling to code is not
            attempts.append(("compile", repr(source)[:200]))
            raise Tripped("diagnosis compiled code")
        return real_compile(source, filename, mode, flags, *args, **kwargs)

    real_compile = builtins.compile
    targets = [
        (builtins, "exec"),
        (builtins, "eval"),
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (subprocess, "Popen"),
        (os, "system"),
        (os, "popen"),
        (os, "fork"),
        (os, "execv"),
        (os, "execve"),
        (os, "execvp"),
        (os, "posix_spawn"),
        (os, "posix_spawnp"),
        (os, "spawnv"),
    ]
    for owner, name in targets:
        if hasattr(owner, name):
            patches.append((owner, name, getattr(owner, name)))
            setattr(owner, name, trip(f"{getattr(owner, '__name__', owner)}.{name}"))
    patches.append((builtins, "compile", real_compile))
    builtins.compile = guarded_compile
    try:
        yield attempts
    finally:
        for owner, name, original in reversed(patches):
            setattr(owner, name, original)


@pytest.fixture
def hostile_record(tmp_path, monkeypatch):
    """A record whose every text field would, if executed, leave a trace under tmp_path."""
    marker = tmp_path / "executed"
    canary_dir = tmp_path / "canary"
    canary_dir.mkdir()
    (canary_dir / "nbcrash_canary.py").write_text(
        f"open({str(marker)!r}, 'a').write('imported\\n')\n"
    )
    monkeypatch.syspath_prepend(str(canary_dir))
    sys.modules.pop("nbcrash_canary", None)
    shell = f"touch {marker}"
    code = (
        f"import os; os.system({shell!r})\n"
        "import nbcrash_canary\n"
        f"exec(\"open({str(marker)!r}, 'a')\")\n"
        "import urllib.request; urllib.request.urlopen('http://example.com')\n"
        "df = load_data()\n"
    )
    record = {
        "ename": "NameError",
        "evalue": f"name 'load_data' is not defined; __import__('os').system({shell!r})",
        "traceback": [
            "NameError                                 Traceback (most recent call last)",
            f"Cell In[2], line 5\n      1 import os; os.system({shell!r})\n"
            "----> 5 df = load_data()\n",
            "NameError: name 'load_data' is not defined",
        ],
        "code": code,
        "cell_id": "c2",
        "execution_count": 2,
        "notebook": {
            "path": "evil.ipynb",
            "cells": [
                {"id": "c1", "index": 0, "source": "import nbcrash_canary\n" + code},
                {"id": "c2", "index": 1, "source": code, "execution_count": 2},
            ],
            "history": [{"cell_id": "c1", "execution_count": 1, "ok": False, "ename": "E"}],
        },
    }
    return record, marker


def test_diagnose_runs_no_user_code_and_opens_no_connection(hostile_record):
    record, marker = hostile_record
    parsed = ErrorRecord.from_dict(record)
    diagnose(ErrorRecord.from_dict({"ename": "ValueError", "evalue": "warm-up"}))  # load model
    with tripwires() as attempts:
        result = diagnose(parsed)
    assert attempts == []
    assert not marker.exists()
    assert "nbcrash_canary" not in sys.modules
    assert result.crash_type  # it did diagnose


def test_the_tripwires_do_fire(hostile_record):
    """Control: the same guards catch the real thing, so a silent pass above means something."""
    _, marker = hostile_record
    for attempt in (
        lambda: os.system(f"touch {marker}"),
        lambda: exec("x = 1"),
        lambda: eval("1 + 1"),
        lambda: compile("x = 1", "<cell>", "exec"),
        lambda: socket.create_connection(("127.0.0.1", 9)),
        lambda: socket.socket().connect(("127.0.0.1", 9)),
        lambda: subprocess.run(["true"]),
    ):
        with tripwires() as attempts, pytest.raises(Tripped):
            attempt()
        assert len(attempts) == 1
    with tripwires() as attempts:
        ast.parse("import os\nos.system('x')")  # parsing is allowed
    assert attempts == []
    assert not marker.exists()


async def test_route_runs_no_user_code_and_opens_no_connection(
    hostile_record, nbcrash_call, monkeypatch
):
    """Through POST /nbcrash/diagnose: the worker thread's diagnosis is under the tripwires."""
    record, marker = hostile_record
    seen = []

    def guarded(rec, model=None, folder=None):
        with tripwires() as attempts:
            result = diagnose(rec, model=model, folder=folder)
        seen.append(attempts)
        return result

    await nbcrash_call("POST", "diagnose", {"ename": "ValueError"})  # warm-up: model loaded
    monkeypatch.setattr(diagnosis_pkg, "diagnose", guarded)
    code, body = await nbcrash_call("POST", "diagnose", json.dumps(record))
    assert code == 200, body
    assert seen == [[]]
    assert not marker.exists()
    assert "nbcrash_canary" not in sys.modules


def test_log_lines_escape_newlines_from_error_text():
    from jupyterlab_nbcrash.service import oneline

    evil = "line1\nFAKE [W 2026] forged\r\x1b[31mred\u2028sep\x7f"
    out = oneline(evil)
    assert "\n" not in out and "\r" not in out and "\x1b" not in out
    assert "\u2028" not in out and "\x7f" not in out
    assert "line1\\nFAKE" in out
    assert oneline("x" * 500, limit=10) == "x" * 10 + "…"


async def test_server_log_of_a_crash_is_one_line(nbcrash_call, jp_serverapp, caplog):
    """The debug line the server writes per diagnosis keeps the evalue's newlines escaped."""
    caplog.set_level("DEBUG", logger=jp_serverapp.log.name)
    evalue = "first\n[E 2026-01-01 ServerApp] forged log line"
    code, _ = await nbcrash_call("POST", "diagnose", {"ename": "ValueError", "evalue": evalue})
    assert code == 200
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("nbcrash:")]
    assert any("first\\n[E 2026-01-01" in line for line in lines), lines
    assert all("\n" not in line for line in lines)
    code, _ = await nbcrash_call("POST", "feedback", {"crash_id": 1, "labels": {"x\ny%s": 1}})
    assert code == 400
    errors = [r.getMessage() for r in caplog.records if "nbcrash: 400" in r.getMessage()]
    assert errors and all("\n" not in line for line in errors), errors


async def test_store_path_cannot_come_from_a_request(nbcrash_call, nbcrash_store_path, tmp_path):
    """Only c.NbCrashConfig.store_path says where the store lives; a request naming a path in
    its body, its query or a header writes nothing there."""
    elsewhere = tmp_path / "attacker" / "nbcrash.sqlite3"
    record = {
        "ename": "ValueError",
        "store": True,  # kept although it names no notebook, so that feedback can follow
        "store_path": str(elsewhere),
        "path": str(elsewhere),
    }
    params = {"store_path": str(elsewhere), "path": str(elsewhere)}
    headers = {"X-Store-Path": str(elsewhere)}
    code, body = await nbcrash_call("POST", "diagnose", record, params=params, headers=headers)
    assert code == 200, body
    code, _ = await nbcrash_call(
        "POST", "feedback", {"crash_id": body["crash_id"], "correct": True, **record}, params
    )
    assert code == 200
    code, _ = await nbcrash_call("GET", "crashes", params=params)
    assert code == 200
    assert not elsewhere.parent.exists()
    assert nbcrash_store_path.exists()
