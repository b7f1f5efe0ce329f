"""Each /nbcrash/ route over HTTP (pytest-jupyter's jp_fetch): answers and bad input."""

import json
import sqlite3

import pytest

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.service import NbCrash

MODULE_NOT_FOUND = {
    "ename": "ModuleNotFoundError",
    "evalue": "No module named 'seaborn'",
    "traceback": [
        "\x1b[0;31m" + "-" * 75 + "\x1b[0m",
        "\x1b[0;31mModuleNotFoundError\x1b[0m" + " " * 23 + "Traceback (most recent call last)",
        "Cell \x1b[0;32mIn[3], line 1\x1b[0m\n\x1b[0;32m----> 1\x1b[0m "
        "\x1b[38;5;28;01mimport\x1b[39;00m \x1b[38;5;21;01mseaborn\x1b[39;00m "
        "\x1b[38;5;28;01mas\x1b[39;00m \x1b[38;5;21;01msns\x1b[39;00m\n",
        "\x1b[0;31mModuleNotFoundError\x1b[0m: No module named 'seaborn'",
    ],
    "code": "import seaborn as sns",
    "cell_id": "c-3",
    "execution_count": 3,
    "notebook": {"path": "work/plots.ipynb"},  # as the panel sends: kept in the history
}

KEY_ERROR = {
    "ename": "KeyError",
    "evalue": "'price'",
    "traceback": [
        "KeyError                                  Traceback (most recent call last)",
        "Cell In[7], line 2\n      1 df = pd.read_csv('houses.csv')\n----> 2 df['price'].mean()\n",
        "KeyError: 'price'",
    ],
    "code": "df = pd.read_csv('houses.csv')\ndf['price'].mean()",
    "notebook": {"path": "work/houses.ipynb"},
    "cell_index": 4,
}

DIAGNOSIS_KEYS = {
    "crash_type",
    "root_cause",
    "notebook_cause",
    "stage",
    "library",
    "ml_bug",
    "confidence",
    "alternatives",
    "hint",
    "evidence",
    "related_cell",
    "fix",
    "taxonomy_version",
    "crash_id",
    "created",
}


def assert_error(code, body, status, *words):
    assert code == status, (code, body)
    assert set(body) == {"error"}, body
    for word in words:
        assert word in body["error"], (word, body["error"])


# -- POST /nbcrash/diagnose ------------------------------------------------------------------------


async def test_diagnose_answers_a_diagnosis_with_taxonomy_ids(nbcrash_call):
    code, body = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    assert code == 200, body
    assert set(body) == DIAGNOSIS_KEYS
    assert body["crash_type"] == "module_not_found"
    for dim in ("crash_type", "root_cause", "stage", "library"):
        assert taxonomy.is_valid(dim, body[dim]), (dim, body[dim])
        assert 0.0 <= body["confidence"][dim] <= 1.0
        assert body["alternatives"][dim][0] == {"id": body[dim], "p": body["confidence"][dim]}
    assert body["taxonomy_version"] == taxonomy.TAXONOMY_VERSION
    assert isinstance(body["crash_id"], int)
    assert body["created"].endswith("+00:00")


async def test_diagnose_with_store_false_keeps_nothing(nbcrash_call):
    code, body = await nbcrash_call("POST", "diagnose", {**MODULE_NOT_FOUND, "store": False})
    assert code == 200, body
    assert body["crash_id"] is None
    code, body = await nbcrash_call("GET", "crashes")
    assert body == {"crashes": [], "earlier": 0}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"evalue": "x", "ename": 3}, "'ename'"),
        ({"ename": "E", "evalue": ["x"]}, "'evalue'"),
        ({"ename": "E", "traceback": "x", "code": 1}, "'code'"),
        ({"ename": "E", "traceback": [1, 2]}, "'traceback'"),
        ({"ename": "E", "traceback": {"a": 1}}, "'traceback'"),
        ({"ename": "E", "execution_count": "3"}, "'execution_count'"),
        ({"ename": "E", "execution_count": True}, "'execution_count'"),
        ({"ename": "E", "notebook": []}, "'notebook'"),
        ({"ename": "E", "notebook": {"cells": [{"source": 5}]}}, "notebook.cells[0]"),
        ({"ename": "E", "notebook": {"history": [{"ok": True}]}}, "'cell_id'"),
        ({"ename": "E", "notebook": {"history": [{"cell_id": "a", "ok": "no"}]}}, "ok"),
        ({"ename": "E", "cell_index": "2"}, "'cell_index'"),
        ({"ename": "E", "cell_index": 1.5}, "'cell_index'"),
        ({"ename": "E", "store": "yes"}, "'store'"),
        ({"ename": "E", "cell_index": 2**64}, "'cell_index'"),
        ({"ename": "E", "execution_count": -(2**70)}, "'execution_count'"),
        ({}, "at least one of"),
        ({"code": "x = 1"}, "at least one of"),
        ([MODULE_NOT_FOUND], "JSON object"),
        ("ValueError", "JSON object"),
        (None, "JSON object"),
        ({"ename": "E" * 1001}, "'ename'"),
        ({"ename": "E", "traceback": [""] * 20_001}, "'traceback'"),
    ],
)
async def test_diagnose_rejects_a_wrong_field_naming_it(nbcrash_call, body, field):
    code, answer = await nbcrash_call("POST", "diagnose", json.dumps(body))
    assert_error(code, answer, 400, field)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"{", ("not valid JSON", "line 1")),
        (b"{'ename': 'E'}", ("not valid JSON",)),
        (b'{"ename": "E",}', ("not valid JSON",)),
        (b"NaN-ish", ("not valid JSON",)),
        (b"", ("empty",)),
        (b"   \n", ("empty",)),
        (b'{"ename": "\xff\xfe"}', ("UTF-8",)),
        (b"[" * 100_000 + b"]" * 100_000, ("nested too deeply",)),
        (b'{"ename": "E", "execution_count": ' + b"9" * 5000 + b"}", ("not valid JSON",)),
    ],
)
async def test_diagnose_rejects_malformed_bodies(nbcrash_call, raw, words):
    code, answer = await nbcrash_call("POST", "diagnose", raw)
    assert_error(code, answer, 400, *words)


async def test_body_over_the_limit_is_413_by_content_length(nbcrash_call):
    big = json.dumps({**MODULE_NOT_FOUND, "code": "x" * (1024 * 1024)})
    code, answer = await nbcrash_call("POST", "diagnose", big)
    assert_error(code, answer, 413, "larger than 1048576 bytes")


async def test_body_over_the_limit_is_413_when_streamed_without_length(jp_fetch):
    """A chunked upload announces no Content-Length: the route counts the bytes it receives."""
    chunk = b" " * 65536

    async def producer(write):
        await write(b'{"ename": "E", "evalue": "')
        for _ in range(20):  # 1.25 MB
            await write(chunk)
        await write(b'"}')

    response = await jp_fetch(
        "nbcrash", "diagnose", method="POST", body_producer=producer, raise_error=False
    )
    assert response.code == 413, response.body
    assert "larger than" in json.loads(response.body)["error"]


async def test_body_just_under_the_limit_is_diagnosed(nbcrash_call):
    record = {**MODULE_NOT_FOUND, "code": "# " + "x" * 600_000}
    room = 1024 * 1024 - len(json.dumps(record)) - 100
    record["evalue"] += " " + "y" * room  # each field within its own limit, the body near 1 MB
    code, answer = await nbcrash_call("POST", "diagnose", record)
    assert code == 200, answer
    assert answer["crash_type"] == "module_not_found"


@pytest.mark.nbcrash_config(max_body_size=2048)
async def test_the_limit_is_configurable(jp_fetch):
    """c.NbCrashConfig.max_body_size is honoured (here lowered to 2 kB)."""
    body = json.dumps({**MODULE_NOT_FOUND, "code": "x" * 3000})
    response = await jp_fetch("nbcrash", "diagnose", method="POST", body=body, raise_error=False)
    assert response.code == 413


# -- GET /nbcrash/taxonomy -------------------------------------------------------------------------


async def test_taxonomy_serves_every_id_with_title_and_description(nbcrash_call):
    code, body = await nbcrash_call("GET", "taxonomy")
    assert code == 200
    assert body == json.loads(json.dumps(taxonomy.as_json()))
    assert [e["id"] for e in body["crash_type"]] == list(taxonomy.CRASH_TYPES)
    assert all(e["title"] and e["description"] for e in body["stage"])


# -- GET/DELETE /nbcrash/crashes -------------------------------------------------------------------


async def test_crashes_come_back_newest_first_with_their_diagnosis(nbcrash_call):
    _, first = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    _, second = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    code, body = await nbcrash_call("GET", "crashes")
    assert code == 200
    crashes = body["crashes"]
    assert [c["crash_id"] for c in crashes] == [second["crash_id"], first["crash_id"]]
    newest = crashes[0]
    assert newest["notebook_path"] == "work/houses.ipynb"
    assert newest["cell_index"] == 4
    assert newest["ename"] == "KeyError"
    assert newest["evalue"] == "'price'"
    assert newest["feedback"] is None
    expected = {k: v for k, v in second.items() if k not in ("crash_id", "created")}
    assert newest["diagnosis"] == expected
    oldest = crashes[1]
    assert (oldest["cell_id"], oldest["execution_count"]) == ("c-3", 3)


async def test_crashes_filters_and_limit(nbcrash_call):
    _, a = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    _, b = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    _, c = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)

    async def ids(**params):
        code, body = await nbcrash_call("GET", "crashes", params=params)
        assert code == 200, body
        return [x["crash_id"] for x in body["crashes"]]

    assert await ids(crash_type="module_not_found") == [c["crash_id"], a["crash_id"]]
    assert await ids(crash_type=b["crash_type"], stage=b["stage"]) == [b["crash_id"]]
    assert await ids(notebook="work/houses.ipynb") == [b["crash_id"]]
    assert await ids(library=a["library"], limit="1") == [c["crash_id"]]
    assert await ids(notebook="elsewhere.ipynb") == []
    assert await ids(crash_type="") == [c["crash_id"], b["crash_id"], a["crash_id"]]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "'limit'"),
        ({"limit": "-3"}, "'limit'"),
        ({"limit": "ten"}, "'limit'"),
        ({"limit": "10001"}, "'limit'"),
        ({"limit": "²"}, "'limit'"),
        ({"limit": "1" * 5000}, "'limit'"),
        ({"crash_type": "segfault"}, "'crash_type'"),
        ({"stage": "deployment"}, "'stage'"),
        ({"notebook": "n" * 5000}, "'notebook'"),
    ],
)
async def test_crashes_rejects_bad_query_arguments(nbcrash_call, params, field):
    code, body = await nbcrash_call("GET", "crashes", params=params)
    assert_error(code, body, 400, field)


async def test_delete_clears_the_history_and_says_how_many(nbcrash_call):
    for _ in range(3):
        await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    code, body = await nbcrash_call("DELETE", "crashes")
    assert (code, body) == (200, {"deleted": 3})
    _, body = await nbcrash_call("GET", "crashes")
    assert body == {"crashes": [], "earlier": 0}
    _, again = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    assert again["crash_id"] == 4  # ids are never reused, so old feedback never points elsewhere


@pytest.mark.nbcrash_config(history_length=3)
async def test_history_is_bounded_by_history_length(nbcrash_call):
    ids = []
    for _ in range(5):
        _, body = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
        ids.append(body["crash_id"])
    _, body = await nbcrash_call("GET", "crashes")
    assert [c["crash_id"] for c in body["crashes"]] == ids[::-1][:3]


@pytest.mark.nbcrash_config(history_length=0)
async def test_history_length_zero_keeps_nothing(nbcrash_call):
    code, body = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    assert (code, body["crash_id"]) == (200, None)
    _, listing = await nbcrash_call("GET", "crashes")
    assert listing == {"crashes": [], "earlier": 0}


async def test_history_survives_a_server_restart(jp_serverapp, nbcrash_store_path, nbcrash_call):
    """The crashes of a session are on disk, not in the server's memory: after a restart they
    are the earlier ones (the panel starts empty and offers them), with their feedback."""
    _, body = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    code, _ = await nbcrash_call(
        "POST", "feedback", {"crash_id": body["crash_id"], "correct": True}
    )
    assert code == 200
    with sqlite3.connect(nbcrash_store_path) as conn:
        rows = conn.execute("SELECT id, ename FROM crashes").fetchall()
    assert rows == [(body["crash_id"], "KeyError")]
    # A restarted extension: new connection, nothing in memory but the configuration.
    old = jp_serverapp.web_app.settings["nbcrash"]
    old.db.close()
    jp_serverapp.web_app.settings["nbcrash"] = NbCrash(old.config, old.log)
    _, listing = await nbcrash_call("GET", "crashes")
    assert listing == {"crashes": [], "earlier": 1}
    for scope in ("earlier", "all"):
        _, listing = await nbcrash_call("GET", "crashes", params={"scope": scope})
        assert [c["crash_id"] for c in listing["crashes"]] == [body["crash_id"]]
        assert listing["crashes"][0]["this_session"] is False
        assert listing["crashes"][0]["feedback"]["correct"] is True
        assert listing["earlier"] == 1


# -- POST /nbcrash/feedback ------------------------------------------------------------------------


async def test_feedback_round_trip_into_sqlite_and_back(nbcrash_call, nbcrash_store_path):
    _, crash = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    wrong = {"crash_type": "key_error", "root_cause": "data_confusion", "stage": "data_preparation"}
    code, body = await nbcrash_call(
        "POST", "feedback", {"crash_id": crash["crash_id"], "correct": False, "labels": wrong}
    )
    assert code == 200, body
    assert body["crash_id"] == crash["crash_id"]
    assert isinstance(body["feedback_id"], int)

    # In SQLite: the error record, the predicted and the corrected labels.
    with sqlite3.connect(nbcrash_store_path) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT * FROM feedback").fetchone()
    assert row["crash_id"] == crash["crash_id"]
    assert row["correct"] == 0
    record = json.loads(row["record"])
    assert record["evalue"] == "'price'"
    assert record["traceback"] == KEY_ERROR["traceback"]
    assert record["code"] == KEY_ERROR["code"]
    predicted = json.loads(row["predicted"])
    assert predicted["crash_type"] == crash["crash_type"]
    assert predicted["stage"] == crash["stage"]
    corrected = json.loads(row["corrected"])
    assert {k: corrected[k] for k in wrong} == wrong
    assert corrected["library"] == crash["library"]  # not corrected: the predicted label stays

    # Back via the history.
    _, listing = await nbcrash_call("GET", "crashes")
    feedback = listing["crashes"][0]["feedback"]
    assert feedback["feedback_id"] == body["feedback_id"]
    assert feedback["correct"] is False
    assert {k: feedback["labels"][k] for k in wrong} == wrong


async def test_feedback_right_then_changed_mind_keeps_one_verdict(nbcrash_call):
    _, crash = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    cid = crash["crash_id"]
    code, first = await nbcrash_call("POST", "feedback", {"crash_id": cid, "correct": True})
    assert code == 200, first
    _, listing = await nbcrash_call("GET", "crashes")
    assert listing["crashes"][0]["feedback"]["correct"] is True
    assert listing["crashes"][0]["feedback"]["labels"]["crash_type"] == crash["crash_type"]
    code, second = await nbcrash_call(
        "POST", "feedback", {"crash_id": cid, "correct": False, "labels": {"library": "seaborn"}}
    )
    assert code == 200, second
    assert second["feedback_id"] == first["feedback_id"]
    _, listing = await nbcrash_call("GET", "crashes")
    assert listing["crashes"][0]["feedback"]["correct"] is False
    assert listing["crashes"][0]["feedback"]["labels"]["library"] == "seaborn"


async def test_a_fix_result_is_kept_with_or_without_a_verdict(nbcrash_call, nbcrash_store_path):
    cells = [{"id": "c-3", "index": 2, "source": MODULE_NOT_FOUND["code"]}]
    body = {**MODULE_NOT_FOUND, "notebook": {"path": "work/plots.ipynb", "cells": cells}}
    code, crash = await nbcrash_call("POST", "diagnose", body)
    assert code == 200, crash
    assert crash["fix"]["edits"] == [
        {"op": "insert_cell", "index": 2, "source": "%pip install seaborn", "run": False}
    ]
    cid = crash["crash_id"]
    result = {"applied": True, "rerun_ok": None}
    code, first = await nbcrash_call("POST", "feedback", {"crash_id": cid, "fix": result})
    assert code == 200, first
    code, listing = await nbcrash_call("GET", "crashes")
    assert listing["crashes"][0]["fix_result"] == result
    assert listing["crashes"][0]["feedback"] is None  # no verdict yet
    code, second = await nbcrash_call("POST", "feedback", {"crash_id": cid, "correct": True})
    assert code == 200 and second["feedback_id"] == first["feedback_id"]
    code, listing = await nbcrash_call("GET", "crashes")
    assert listing["crashes"][0]["fix_result"] == result
    assert listing["crashes"][0]["feedback"]["correct"] is True
    with sqlite3.connect(nbcrash_store_path) as conn:
        row = conn.execute("SELECT correct, fix FROM feedback").fetchone()
    assert row[0] == 1 and json.loads(row[1]) == result


def _missing_csv(path: str, notebook: str) -> dict:
    code = f'df = pd.read_csv("{path}")'
    return {
        "ename": "FileNotFoundError",
        "evalue": f"[Errno 2] No such file or directory: '{path}'",
        "traceback": [
            "FileNotFoundError                         Traceback (most recent call last)",
            f"Cell In[3], line 1\n----> 1 {code}\n",
            f"FileNotFoundError: [Errno 2] No such file or directory: '{path}'",
        ],
        "code": code,
        "cell_id": "c-1",
        "notebook": {"path": notebook, "cells": [{"id": "c-1", "source": code}]},
    }


async def test_a_misspelt_file_name_in_the_notebooks_folder_gets_a_fix(
    nbcrash_call, jp_root_dir, tmp_path_factory
):
    (jp_root_dir / "course" / "data").mkdir(parents=True)
    (jp_root_dir / "course" / "data" / "measurements_2024.csv").write_text("a\n1\n")
    code, body = await nbcrash_call(
        "POST", "diagnose", _missing_csv("data/measurement_2024.csv", "course/lab.ipynb")
    )
    assert code == 200, body
    assert body["fix"]["kind"] == "file_path"
    (edit,) = body["fix"]["edits"]
    assert (edit["old"], edit["new"]) == ("data/measurement_2024.csv", "data/measurements_2024.csv")
    # A folder that leads out of the server's root is never listed; the same inside is.
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secrets.csv").write_text("x\n")
    (jp_root_dir / "course" / "linked").symlink_to(outside, target_is_directory=True)
    (jp_root_dir / "course" / "inside").mkdir()
    (jp_root_dir / "course" / "inside" / "secrets.csv").write_text("x\n")
    answers = {}
    for folder in ("linked", "inside"):
        body = _missing_csv(f"{folder}/secret.csv", "course/lab.ipynb")
        code, answers[folder] = await nbcrash_call("POST", "diagnose", body)
        assert code == 200
    assert answers["linked"]["fix"] is None
    assert answers["inside"]["fix"]["edits"][0]["new"] == "inside/secrets.csv"


async def test_feedback_outlives_clearing_the_history(nbcrash_call, nbcrash_store_path):
    _, crash = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    await nbcrash_call("POST", "feedback", {"crash_id": crash["crash_id"], "correct": True})
    await nbcrash_call("DELETE", "crashes")
    with sqlite3.connect(nbcrash_store_path) as conn:
        assert conn.execute("SELECT count(*) FROM feedback").fetchone() == (1,)


@pytest.mark.parametrize("crash_id", [999, 0, -1, 2**63, 2**80])
async def test_feedback_on_an_unknown_crash_is_404(nbcrash_call, crash_id):
    code, body = await nbcrash_call("POST", "feedback", {"crash_id": crash_id, "correct": True})
    assert_error(code, body, 404, str(crash_id))


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"correct": True}, "'crash_id'"),
        ({"crash_id": "1", "correct": True}, "'crash_id'"),
        ({"crash_id": True, "correct": True}, "'crash_id'"),
        ({"crash_id": 1.0, "correct": True}, "'crash_id'"),
        ({"crash_id": 1}, "'correct'"),
        ({"crash_id": 1, "correct": "yes"}, "'correct'"),
        ({"crash_id": 1, "correct": False}, "'labels'"),
        ({"crash_id": 1, "correct": False, "labels": {}}, "'labels'"),
        ({"crash_id": 1, "correct": False, "labels": ["key_error"]}, "'labels'"),
        ({"crash_id": 1, "correct": False, "labels": {"crash_type": "oops"}}, "labels.crash_type"),
        ({"crash_id": 1, "correct": False, "labels": {"stage": 3}}, "labels.stage"),
        ({"crash_id": 1, "correct": False, "labels": {"root_cause": None}}, "labels.root_cause"),
        ({"crash_id": 1, "correct": False, "labels": {"library": ""}}, "labels.library"),
        ({"crash_id": 1, "correct": False, "labels": {"library": " pandas"}}, "labels.library"),
        ({"crash_id": 1, "correct": False, "labels": {"ml_bug": True}}, "labels.ml_bug"),
        ({"crash_id": 1, "correct": None, "fix": None}, "'correct' or 'fix'"),
        ({"crash_id": 1, "fix": True}, "'fix'"),
        ({"crash_id": 1, "fix": {}}, "'fix.applied'"),
        ({"crash_id": 1, "fix": {"applied": 1}}, "'fix.applied'"),
        ({"crash_id": 1, "fix": {"applied": True, "rerun_ok": "yes"}}, "'fix.rerun_ok'"),
        ({"crash_id": 1, "fix": {"applied": True, "undo": True}}, "'fix.undo'"),
        ({"crash_id": 1, "fix": {"applied": True}, "labels": {"library": "numpy"}}, "'labels'"),
        ([1, True], "JSON object"),
    ],
)
async def test_feedback_rejects_a_wrong_field_naming_it(nbcrash_call, body, field):
    await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)  # crash 1 exists
    code, answer = await nbcrash_call("POST", "feedback", body)
    assert_error(code, answer, 400, field)


async def test_feedback_malformed_json_is_400(nbcrash_call):
    code, answer = await nbcrash_call("POST", "feedback", b'{"crash_id": 1,')
    assert_error(code, answer, 400, "not valid JSON")


# -- GET /nbcrash/status and the rest of the namespace -------------------------------------------


async def test_status_names_versions_and_the_model(nbcrash_call):
    code, body = await nbcrash_call("GET", "status")
    assert code == 200
    assert body["taxonomy_version"] == taxonomy.TAXONOMY_VERSION
    assert isinstance(body["version"], str) and body["version"]
    assert set(body["model"]) == {"source", "path", "trained_on"}
    assert body["model"]["source"] in ("shipped", "user", "explicit", "none")
    assert body["max_body_size"] == 1024 * 1024


async def test_unknown_route_and_method_are_json_errors(nbcrash_call):
    code, body = await nbcrash_call("GET", "nope")
    assert_error(code, body, 404, "no such nbcrash route")
    code, body = await nbcrash_call("PUT", "diagnose", b"{}")
    assert_error(code, body, 405)
    code, body = await nbcrash_call("GET", "diagnose")
    assert_error(code, body, 405)


@pytest.mark.nbcrash_config(store_path="/proc/nbcrash-cannot-be-here/nbcrash.sqlite3")
async def test_store_that_cannot_be_opened_still_diagnoses(nbcrash_call):
    """A broken store path loses the history, not the diagnosis; reading it is a JSON 503."""
    code, body = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    assert code == 200, body
    assert body["crash_id"] is None
    code, body = await nbcrash_call("GET", "crashes")
    assert_error(code, body, 503, "cannot open the nbcrash store")


@pytest.mark.nbcrash_config(model_path="/nonexistent/nbcrash-model")
async def test_configured_model_that_cannot_load_is_a_json_503(nbcrash_call):
    """c.NbCrashConfig.model_path is used; a broken one is the server's fault, said clearly."""
    code, body = await nbcrash_call("GET", "status")
    assert code == 200
    assert body["model"]["source"] == "explicit"
    assert body["model"]["path"] == "/nonexistent/nbcrash-model"
    code, body = await nbcrash_call("POST", "diagnose", MODULE_NOT_FOUND)
    assert_error(code, body, 503, "model cannot be loaded")


async def test_one_full_collection_after_the_first_diagnosis_only(
    nbcrash_call, jp_serverapp, monkeypatch
):
    # The lazy import of the diagnosis code leaves many long-lived objects; collecting once
    # after it keeps that full-heap pause from landing at a random later request.
    import gc

    calls = []
    monkeypatch.setattr(gc, "collect", lambda *args: calls.append(args) or 0)
    jp_serverapp.web_app.settings["nbcrash"]._settled = False
    for _ in range(3):
        code, body = await nbcrash_call("POST", "diagnose", KEY_ERROR)
        assert code == 200, body
    assert calls == [()]


async def test_feedback_after_the_history_was_cleared_says_how_to_get_it_back(nbcrash_call):
    _, crash = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    code, _ = await nbcrash_call("DELETE", "crashes")
    assert code == 200
    code, body = await nbcrash_call(
        "POST", "feedback", {"crash_id": crash["crash_id"], "correct": True}
    )
    assert_error(code, body, 404, "no longer in the history")
    assert "Diagnose This Error" in body["error"]
