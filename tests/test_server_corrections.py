"""A running server and the user's corrections: the status counts them, a new or broken
corrections file is picked up without a restart, and diagnosis never stops."""

from __future__ import annotations

import logging

from jupyterlab_nbcrash.cli import main
from jupyterlab_nbcrash.diagnosis import corrections as C

KEY_ERROR = {
    "ename": "KeyError",
    "evalue": "'price'",
    "traceback": [
        "KeyError                                  Traceback (most recent call last)",
        "Cell In[7], line 2\n      1 houses = pd.read_csv('houses.csv')\n"
        "----> 2 houses['price'].mean()\n",
        "KeyError: 'price'",
    ],
    "code": "houses = pd.read_csv('houses.csv')\nhouses['price'].mean()",
    "notebook": {"path": "work/houses.ipynb"},
}


async def test_a_retrain_with_feedback_is_used_without_a_restart(
    user_dir, nbcrash_call, nbcrash_store_path, caplog
):
    code, status = await nbcrash_call("GET", "status")
    assert code == 200
    assert status["model"]["source"] == "shipped" and status["model"]["corrections"] == 0
    assert status["model"]["created"] and status["model"]["trained_on"]

    code, first = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    assert code == 200, first
    fixed = "library_cause" if first["root_cause"] != "library_cause" else "api_misuse"
    code, _ = await nbcrash_call(
        "POST",
        "feedback",
        {"crash_id": first["crash_id"], "correct": False, "labels": {"root_cause": fixed}},
    )
    assert code == 200

    assert main(["train", "--with-feedback", "--store", str(nbcrash_store_path)]) == 0

    code, status = await nbcrash_call("GET", "status")
    assert status["model"]["source"] == "shipped" and status["model"]["corrections"] == 1
    code, again = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    assert code == 200 and again["root_cause"] == fixed
    assert again["evidence"][0].startswith("Corrected by your feedback on a similar crash")
    assert again["crash_type"] == first["crash_type"] and again["stage"] == first["stage"]

    # A broken file: ignored with a log line, the model alone answers, the server keeps going.
    (user_dir / C.FILE_NAME).write_text('{"format": "nbcrash-corrections-1", "corrections": 3}')
    with caplog.at_level(logging.WARNING):
        code, broken = await nbcrash_call("POST", "diagnose", KEY_ERROR)
    assert code == 200 and broken["root_cause"] == first["root_cause"]
    assert "your corrections are ignored" in caplog.text
    code, status = await nbcrash_call("GET", "status")
    assert code == 200 and status["model"]["corrections"] == 0
