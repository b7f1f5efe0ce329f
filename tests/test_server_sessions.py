"""Session-scoped history over HTTP, what is kept, and the batching diagnosis worker.

GET /nbcrash/crashes answers this server session's crashes and counts the earlier ones; a crash
is kept when it came from a notebook or the request asks; retention runs at start.
"""

import asyncio
import json
import threading

import pytest

import jupyterlab_nbcrash.diagnosis as diagnosis_pkg
from jupyterlab_nbcrash import service as service_module
from jupyterlab_nbcrash.config import NbCrashConfig
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.service import NbCrash

KEY_ERROR = {
    "ename": "KeyError",
    "evalue": "'price'",
    "traceback": ["KeyError: 'price'"],
    "code": "df['price']",
}
NOTEBOOK = {"path": "work/houses.ipynb"}


def listed(body):
    return [c["crash_id"] for c in body["crashes"]]


@pytest.mark.parametrize(
    ("extra", "kept"),
    [
        ({}, False),  # the API or a script: no notebook
        ({"store": None}, False),
        ({"store": True}, True),
        ({"notebook": NOTEBOOK}, True),  # what the JupyterLab extension sends
        ({"notebook": NOTEBOOK, "store": None}, True),
        ({"notebook": NOTEBOOK, "store": False}, False),
        ({"notebook": {"path": ""}}, False),
        ({"notebook": {"cells": [{"id": "a", "source": "df['price']"}]}}, False),
    ],
)
async def test_a_crash_is_kept_when_it_came_from_a_notebook_or_the_request_asks(
    nbcrash_call, extra, kept
):
    code, answer = await nbcrash_call("POST", "diagnose", {**KEY_ERROR, **extra})
    assert code == 200, answer
    assert answer["crash_type"] == "key_error"  # diagnosed either way
    assert isinstance(answer["crash_id"], int) is kept
    _, body = await nbcrash_call("GET", "crashes")
    assert listed(body) == ([answer["crash_id"]] if kept else [])


@pytest.mark.parametrize("scope", ["today", "SESSION", "all,earlier", "earlier;all"])
async def test_an_unknown_scope_is_400(nbcrash_call, scope):
    code, body = await nbcrash_call("GET", "crashes", params={"scope": scope})
    assert code == 400
    assert "'scope'" in body["error"] and "session, earlier, all" in body["error"]


async def test_after_a_restart_the_history_starts_empty_and_counts_the_earlier_crashes(
    jp_serverapp, nbcrash_call
):
    before = []
    for path in ("a.ipynb", "a.ipynb", "b.ipynb"):
        _, answer = await nbcrash_call(
            "POST", "diagnose", {**KEY_ERROR, "notebook": {"path": path}}
        )
        before.append(answer["crash_id"])
    old = jp_serverapp.web_app.settings["nbcrash"]
    old.db.close()
    restarted = NbCrash(old.config, old.log)
    assert restarted.session != old.session
    jp_serverapp.web_app.settings["nbcrash"] = restarted

    _, body = await nbcrash_call("GET", "crashes")
    assert body == {"crashes": [], "earlier": 3}
    _, now = await nbcrash_call("POST", "diagnose", {**KEY_ERROR, "notebook": NOTEBOOK})
    _, body = await nbcrash_call("GET", "crashes", params={"scope": "session"})
    assert (listed(body), body["earlier"]) == ([now["crash_id"]], 3)
    assert body["crashes"][0]["this_session"] is True
    _, body = await nbcrash_call("GET", "crashes", params={"scope": "earlier"})
    assert listed(body) == before[::-1]
    _, body = await nbcrash_call("GET", "crashes", params={"scope": "all", "limit": "2"})
    assert listed(body) == [now["crash_id"], before[2]]
    _, body = await nbcrash_call("GET", "crashes", params={"notebook": "a.ipynb"})
    assert body == {"crashes": [], "earlier": 2}  # the filters count the earlier ones too
    code, _ = await nbcrash_call("POST", "feedback", {"crash_id": before[0], "correct": True})
    assert code == 200  # an earlier session's crash still takes feedback


async def test_concurrent_diagnoses_each_get_their_own_answer_and_crash(nbcrash_call):
    bodies = [
        {**KEY_ERROR, "evalue": f"'col{i}'", "notebook": NOTEBOOK, "cell_index": i}
        for i in range(30)
    ]
    answers = await asyncio.gather(*(nbcrash_call("POST", "diagnose", b) for b in bodies))
    assert [code for code, _ in answers] == [200] * 30
    ids = [answer["crash_id"] for _, answer in answers]
    assert len(set(ids)) == 30
    _, body = await nbcrash_call("GET", "crashes")
    kept = {c["crash_id"]: (c["evalue"], c["cell_index"]) for c in body["crashes"]}
    assert kept == {ids[i]: (f"'col{i}'", i) for i in range(30)}


# -- the worker, without HTTP ----------------------------------------------------------------------


@pytest.fixture
def nbcrash(tmp_path, jp_asyncio_loop):
    import logging

    config = NbCrashConfig(store_path=str(tmp_path / "store.sqlite3"))
    service = NbCrash(config, logging.getLogger("nbcrash-test"))
    yield service
    service.executor.shutdown(wait=True)
    service.db.close()


def _record(evalue, path="x.ipynb"):
    return ErrorRecord.from_dict({**KEY_ERROR, "evalue": evalue, "notebook": {"path": path}})


async def test_a_batch_is_kept_in_one_transaction_and_answered_in_order(nbcrash, monkeypatch):
    writes = []
    add_many = nbcrash.history.add_many
    monkeypatch.setattr(
        nbcrash.history, "add_many", lambda crashes: writes.append(1) or add_many(crashes)
    )
    loop = asyncio.get_running_loop()
    jobs = [
        service_module._Job(_record(f"'k{i}'"), i != 2, i, loop.create_future()) for i in range(5)
    ]
    await loop.run_in_executor(nbcrash.executor, nbcrash.diagnose_batch, jobs)
    answers = await asyncio.gather(*(job.future for job in jobs))
    assert writes == [1]
    assert [a["crash_id"] is None for a in answers] == [False, False, True, False, False]
    kept = [a["crash_id"] for a in answers if a["crash_id"] is not None]
    assert kept == sorted(kept)
    by_id = {c["crash_id"]: c["evalue"] for c in nbcrash.history.list()}
    assert by_id == {answers[i]["crash_id"]: f"'k{i}'" for i in (0, 1, 3, 4)}


async def test_one_failing_diagnosis_fails_only_its_request(nbcrash, monkeypatch):
    real = diagnosis_pkg.diagnose

    def flaky(record, model=None, folder=None):
        if record.evalue == "'boom'":
            raise RuntimeError("a bug in one rule")
        return real(record, model=model, folder=folder)

    monkeypatch.setattr(diagnosis_pkg, "diagnose", flaky)
    outcomes = await asyncio.gather(
        *(nbcrash.diagnose(_record(v), True, None) for v in ("'a'", "'boom'", "'b'")),
        return_exceptions=True,
    )
    assert isinstance(outcomes[1], RuntimeError)
    assert [outcomes[i]["crash_type"] for i in (0, 2)] == ["key_error", "key_error"]
    assert len(nbcrash.history.list()) == 2


async def test_a_stream_of_diagnoses_does_not_starve_the_other_requests(nbcrash, monkeypatch):
    """The worker takes one batch per turn and queues the rest behind what else waits."""
    monkeypatch.setattr(service_module, "MAX_BATCH", 1)
    order = []
    batch = nbcrash.diagnose_batch
    monkeypatch.setattr(
        nbcrash, "diagnose_batch", lambda jobs: order.append("batch") or batch(jobs)
    )
    listing = nbcrash.history.list
    monkeypatch.setattr(nbcrash.history, "list", lambda **kw: order.append("list") or listing(**kw))
    gate = threading.Event()
    loop = asyncio.get_running_loop()
    blocker = loop.run_in_executor(nbcrash.executor, gate.wait)  # the worker is busy
    diagnoses = [
        asyncio.ensure_future(nbcrash.diagnose(_record(f"'{i}'"), True, None)) for i in range(3)
    ]
    await asyncio.sleep(0)  # all three queued behind one drain job
    crashes = asyncio.ensure_future(nbcrash.crashes("session", 10))
    await asyncio.sleep(0)
    gate.set()
    await blocker
    await asyncio.gather(*diagnoses, crashes)
    assert order == ["batch", "list", "batch", "batch"]


async def test_crashes_answer_shape(nbcrash):
    await nbcrash.diagnose(_record("'a'"), True, 3)
    body = await nbcrash.crashes("all", 10)
    assert set(body) == {"crashes", "earlier"}
    json.dumps(body)  # what the route writes
    assert body["earlier"] == 0
    assert set(body["crashes"][0]) == {
        "crash_id",
        "created",
        "notebook_path",
        "cell_id",
        "cell_index",
        "execution_count",
        "ename",
        "evalue",
        "diagnosis",
        "feedback",
        "fix_result",
        "this_session",
    }
