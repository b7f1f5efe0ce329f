"""Feedback improves the model, never degrades it: the corrections layer and its commands.

``train --with-feedback`` learns the user's verdicts as corrections on top of the shipped model
(diagnosis/corrections.py); these tests use the shipped model itself, so a crash far from every
correction must be diagnosed exactly as before, and the corrected crash must get its label.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from jupyterlab_nbcrash.cli import main
from jupyterlab_nbcrash.diagnosis import corrections as C
from jupyterlab_nbcrash.diagnosis import model as M
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose, rule_matches
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.tokens import tokens
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.store import CrashHistory, Database, FeedbackStore
from jupyterlab_nbcrash.training.feedback import build, taught_labels
from jupyterlab_nbcrash.training.paraphrase import paraphrase

FIXTURES = Path(__file__).parent / "fixtures" / "tracebacks"
# A pandas KeyError as a real kernel printed it (tests/fixtures/tracebacks/record.py).
_fixture = json.loads((FIXTURES / "key_error_column_typo.json").read_text(encoding="utf-8"))
KEY_ERROR = {k: _fixture[k] for k in ("ename", "evalue", "traceback", "code")}
# Another KeyError, in other code: "a similar crash" is more than the same exception.
OTHER_KEY_ERROR = {
    "ename": "KeyError",
    "evalue": "'price'",
    "traceback": [
        "KeyError                                  Traceback (most recent call last)",
        "Cell In[7], line 2\n      1 houses = pd.read_csv('houses.csv')\n"
        "----> 2 houses['price'].mean()\n",
        "KeyError: 'price'",
    ],
    "code": "houses = pd.read_csv('houses.csv')\nhouses['price'].mean()",
}
# Crashes unlike the KeyError: a correction of it must not change their diagnosis.
FAR = [
    OTHER_KEY_ERROR,
    {
        "ename": "ModuleNotFoundError",
        "evalue": "No module named 'seaborn'",
        "traceback": [
            "----> 1 import seaborn as sns\n",
            "ModuleNotFoundError: No module named 'seaborn'",
        ],
        "code": "import seaborn as sns",
    },
    {
        "ename": "ValueError",
        "evalue": "shapes (3,4) and (5,6) not aligned: 4 (dim 1) != 5 (dim 0)",
        "traceback": [
            "----> 1 np.dot(a, b)\n",
            "ValueError: shapes (3,4) and (5,6) not aligned: 4 (dim 1) != 5 (dim 0)",
        ],
        "code": "np.dot(a, b)",
    },
    {
        "ename": "NameError",
        "evalue": "name 'model' is not defined",
        "traceback": ["----> 1 model.fit(X, y)\n", "NameError: name 'model' is not defined"],
        "code": "model.fit(X, y)",
    },
    {
        "ename": "FileNotFoundError",
        "evalue": "[Errno 2] No such file or directory: 'data/train.csv'",
        "traceback": [
            "----> 1 df = pd.read_csv('data/train.csv')\n",
            "FileNotFoundError: [Errno 2] No such file or directory: 'data/train.csv'",
        ],
        "code": "df = pd.read_csv('data/train.csv')",
    },
]


@pytest.fixture
def shipped():
    M.clear_cache()
    model = M.Model.load(M.SHIPPED_DIR)
    yield model
    M.clear_cache()


def other_root_cause(label: str) -> str:
    """A root cause the model does not give a KeyError: only a correction can bring it."""
    return "library_cause" if label != "library_cause" else "api_misuse"


def wrong_verdict(record: dict, model) -> tuple[dict, str]:
    """A feedback entry correcting the model's root cause of ``record``; the corrected label."""
    predicted = diagnose(ErrorRecord.from_dict(record), model, corrections=False).to_dict()
    labels = {k: predicted[k] for k in ("crash_type", "root_cause", "stage", "library", "ml_bug")}
    fixed = other_root_cause(labels["root_cause"])
    entry = {
        "feedback_id": 1,
        "correct": False,
        "record": record,
        "predicted": labels,
        "corrected": dict(labels, root_cause=fixed),
    }
    return entry, fixed


def test_a_verdict_teaches_the_labels_it_ends_with_changed_or_kept():
    predicted = {"crash_type": "key_error", "root_cause": "api_misuse", "stage": "training"}
    corrected = dict(predicted, root_cause="data_confusion")
    # The labels the user left standing are confirmed as much as the one changed.
    assert taught_labels(corrected) == corrected
    assert taught_labels(predicted) == predicted
    # A label outside the taxonomy is left out, the others still taught.
    assert taught_labels(dict(predicted, stage="nonsense")) == {
        "crash_type": "key_error",
        "root_cause": "api_misuse",
    }
    assert taught_labels({"stage": "nonsense"}) == {}


def test_the_corrected_crash_gets_its_label_and_far_crashes_are_unchanged(shipped):
    entry, fixed = wrong_verdict(KEY_ERROR, shipped)
    layer, skipped = build([entry])
    assert skipped == 0 and len(layer) == 1
    answer = diagnose(ErrorRecord.from_dict(KEY_ERROR), shipped, corrections=layer).to_dict()
    assert answer["root_cause"] == fixed
    assert answer["alternatives"]["root_cause"][0] == {
        "id": fixed,
        "p": answer["confidence"]["root_cause"],
    }
    assert answer["confidence"]["root_cause"] == pytest.approx(C.CONFIDENCE, abs=0.001)
    assert answer["evidence"][0].startswith(
        "Corrected by your feedback on a similar crash (similarity 1.00)"
    )
    for record in FAR:
        before = diagnose(ErrorRecord.from_dict(record), shipped, corrections=False).to_dict()
        after = diagnose(ErrorRecord.from_dict(record), shipped, corrections=layer).to_dict()
        assert after == before, record["ename"]
        assert not any("Corrected by your feedback" in line for line in after["evidence"])


def test_a_paraphrase_of_the_corrected_crash_gets_the_label_too(shipped):
    entry, fixed = wrong_verdict(KEY_ERROR, shipped)
    layer, _ = build([entry])
    para = paraphrase(KEY_ERROR, seed=3)
    assert para["evalue"] != KEY_ERROR["evalue"] and "df[" not in para["code"]
    plain = diagnose(ErrorRecord.from_dict(para), shipped, corrections=False)
    assert plain.root_cause != fixed
    answer = diagnose(ErrorRecord.from_dict(para), shipped, corrections=layer)
    assert answer.root_cause == fixed
    line = next(e for e in answer.evidence if e.startswith("Corrected by your feedback"))
    similarity = float(line.split("similarity ")[1].split(")")[0])
    assert C.THRESHOLD <= similarity < 1.0
    # The labels the user kept come from the correction too, not from the model's reading of
    # the renamed code.
    parsed = parse(ErrorRecord.from_dict(para))
    matches = layer.match(shipped, tokens(parsed, rule_matches(parsed)))
    assert {dim: m.label for dim, m in matches.items()} == {
        dim: entry["corrected"][dim] for dim in C.DIMENSIONS
    }
    assert [answer.crash_type, answer.stage, answer.library] == [
        entry["corrected"][dim] for dim in ("crash_type", "stage", "library")
    ]


def test_below_the_threshold_nothing_changes(shipped):
    entry, _ = wrong_verdict(KEY_ERROR, shipped)
    layer, _ = build([entry])
    strict = C.Corrections(layer.items, threshold=1.0)
    para = ErrorRecord.from_dict(paraphrase(KEY_ERROR, seed=3))
    assert diagnose(para, shipped, corrections=strict) == diagnose(para, shipped, corrections=False)


def test_corrections_round_trip_as_json_without_pickle(tmp_path, shipped):
    entry, fixed = wrong_verdict(KEY_ERROR, shipped)
    layer, _ = build([entry])
    path = layer.save(tmp_path)
    doc = json.loads(path.read_text())
    taught = {dim: entry["corrected"][dim] for dim in C.DIMENSIONS}
    assert doc["format"] == C.FORMAT and doc["corrections"][0]["labels"] == taught
    assert taught["root_cause"] == fixed
    loaded = C.Corrections.load(path)
    record = ErrorRecord.from_dict(KEY_ERROR)
    assert diagnose(record, shipped, corrections=loaded) == diagnose(record, shipped, layer)


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        json.dumps({"format": "something-else", "corrections": []}),
        json.dumps({"format": C.FORMAT, "corrections": [{"labels": {"root_cause": "nope"}}]}),
        json.dumps({"format": C.FORMAT, "corrections": [{"labels": {}, "tokens": {}}]}),
        json.dumps({"format": C.FORMAT, "threshold": 7, "corrections": []}),
    ],
)
def test_a_corrupt_corrections_file_is_ignored_with_a_log_line(user_dir, shipped, caplog, text):
    user_dir.mkdir(parents=True)
    (user_dir / C.FILE_NAME).write_text(text)
    with pytest.raises(C.CorrectionsError):
        C.Corrections.load(user_dir / C.FILE_NAME)
    with caplog.at_level(logging.WARNING, logger=C.__name__):
        assert C.load_corrections() is None
    assert "your corrections are ignored" in caplog.text
    record = ErrorRecord.from_dict(KEY_ERROR)
    assert diagnose(record) == diagnose(record, shipped, corrections=False)


def test_the_default_diagnosis_reloads_the_users_corrections(user_dir, shipped):
    record = ErrorRecord.from_dict(KEY_ERROR)
    before = diagnose(record)
    assert before == diagnose(record, shipped, corrections=False)
    entry, fixed = wrong_verdict(KEY_ERROR, shipped)
    build([entry])[0].save(user_dir)
    assert diagnose(record).root_cause == fixed
    # A model given explicitly is used as it is (as `--model DIR` and a configured model).
    assert diagnose(record, shipped) == before


# -- the commands ---------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path, shipped):
    """A store with a correction of the KeyError's root cause and a confirmation of another."""
    path = tmp_path / "nbcrash.sqlite3"
    with Database(path) as db:
        history, feedback = CrashHistory(db), FeedbackStore(db)
        for record, wrong in ((KEY_ERROR, True), (FAR[1], False)):
            rec = ErrorRecord.from_dict(record)
            answer = diagnose(rec, shipped, corrections=False).to_dict()
            crash = history.get(history.add(rec, answer)["crash_id"])
            labels = {"root_cause": other_root_cause(answer["root_cause"])} if wrong else None
            feedback.add(crash, not wrong, labels)
    return path


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_train_with_feedback_writes_corrections_and_keeps_the_model(user_dir, store, capsys):
    shipped_files = {p.name: p.read_bytes() for p in M.SHIPPED_DIR.glob("model.*")}
    code, out, _ = run_cli(capsys, "train", "--with-feedback", "--store", str(store))
    assert code == 0, out
    assert "learnt 2 correction(s) from 2 feedback entries" in out
    assert "on top of the shipped model" in out
    assert sorted(p.name for p in user_dir.iterdir()) == [C.FILE_NAME]  # no model written
    assert {p.name: p.read_bytes() for p in M.SHIPPED_DIR.glob("model.*")} == shipped_files
    assert M.find_model_dir() == (M.SHIPPED_DIR, "shipped")
    layer = C.load_corrections()
    assert [c.verdict for c in layer.items] == ["wrong", "right"]
    # A confirmation teaches all four labels; so does a correction (the labels kept, confirmed).
    assert [set(c.labels) for c in layer.items] == [set(C.DIMENSIONS)] * 2


def test_feedback_list_shows_what_a_retrain_learns(store, capsys):
    code, out, err = run_cli(capsys, "feedback", "list", "--store", str(store))
    assert code == 0
    wrong, right = out.splitlines()
    assert "KeyError: 'prices'" in wrong and "wrong: root_cause" in wrong
    # The changed root cause (other_root_cause) and the labels the user kept.
    assert re.search(
        r"learns crash_type \w+, root_cause (library_cause|api_misuse), stage \w+, library \w+$",
        wrong,
    )
    assert "learns crash_type module_not_found" in right
    assert "learns 2 correction(s)" in err


def test_reset_goes_back_to_the_shipped_model_and_keeps_the_feedback(
    user_dir, store, shipped, capsys
):
    record = ErrorRecord.from_dict(KEY_ERROR)
    plain = diagnose(record, shipped, corrections=False)
    assert run_cli(capsys, "train", "--with-feedback", "--store", str(store))[0] == 0
    assert diagnose(record) != plain
    code, out, _ = run_cli(capsys, "train", "--reset")
    assert code == 0 and "back to the shipped model" in out
    previous = user_dir.with_name("model.previous")
    assert (previous / C.FILE_NAME).is_file() and not user_dir.exists()
    assert diagnose(record) == plain
    assert M.model_status()["source"] == "shipped"
    with Database(store) as db:  # the feedback is still there to learn again
        assert len(FeedbackStore(db).entries()) == 2
    code, out, _ = run_cli(capsys, "train", "--reset")
    assert code == 0 and "already using the shipped model" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["train", "--reset", "--with-feedback"], "--reset takes no other option"),
        (["train", "--reset", "--data", "x.jsonl"], "--reset takes no other option"),
        (["train", "--with-feedback", "--shipped"], "the shipped model takes no corrections"),
    ],
)
def test_bad_combinations_are_one_line_errors(user_dir, capsys, argv, words):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err
    assert not user_dir.exists()


def test_train_with_feedback_from_a_store_that_does_not_exist(user_dir, tmp_path, capsys):
    missing = tmp_path / "typo.sqlite3"
    code, _, err = run_cli(capsys, "train", "--with-feedback", "--store", str(missing))
    assert code == 2 and f"no nbcrash store at {missing}" in err
    assert not missing.exists() and not user_dir.exists()
