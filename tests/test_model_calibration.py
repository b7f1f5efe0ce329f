"""Temperature scaling and prior offsets: fitted on out-of-fold predictions, stored without
pickle, never changing which class is best (temperature) and recovering known values."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from jupyterlab_nbcrash.diagnosis import model as M
from jupyterlab_nbcrash.training import calibrate as C
from jupyterlab_nbcrash.training.data import read_corpus
from jupyterlab_nbcrash.training.fit import (
    Params,
    export,
    featurise,
    fit_model,
    fit_pipelines,
    learns_real_prior,
)


def sample(n: int, k: int, temperature: float, bias, seed: int):
    """Scores and one-hot gold labels drawn from softmax(scores / temperature + bias)."""
    rng = np.random.default_rng(seed)
    scores = rng.normal(0, 3, (n, k))
    z = scores / temperature + np.asarray(bias)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(k, p=row) for row in p])
    return scores, np.eye(k, dtype=bool)[labels]


def test_fit_temperature_recovers_the_true_one():
    for true in (0.5, 2.0):
        scores, gold = sample(4000, 4, true, 0.0, seed=int(true * 10))
        temperature, smoothing = C.fit_temperature(scores, gold, (0.0, 0.1, 0.2))
        assert temperature == pytest.approx(true, rel=0.1) and smoothing == 0.0
    assert C.fit_temperature(np.zeros((0, 3)), np.zeros((0, 3), dtype=bool)) == (1.0, 0.0)


def test_fit_temperature_finds_a_mixture_with_the_uniform():
    # A model that is wrong at random a fifth of the time, whatever it says.
    scores, gold = sample(4000, 4, 0.5, 0.0, seed=7)
    rng = np.random.default_rng(8)
    noisy = rng.random(len(gold)) < 0.2
    gold[noisy] = np.eye(4, dtype=bool)[rng.integers(0, 4, noisy.sum())]
    _, smoothing = C.fit_temperature(scores, gold, (0.0, 0.1, 0.2, 0.3))
    assert smoothing == pytest.approx(0.2, abs=0.1)


def test_fit_temperature_can_minimise_the_calibration_error_of_the_first_answers():
    # Right 70 % of the time whatever the scores say: the likelihood's fit stays over-confident
    # on the surest rows, the calibration error's fit flattens them.
    scores, gold = sample(3000, 5, 0.3, 0.0, seed=11)
    rng = np.random.default_rng(12)
    noisy = rng.random(len(gold)) < 0.3
    gold[noisy] = np.eye(5, dtype=bool)[rng.integers(0, 5, noisy.sum())]
    smoothings = (0.0, 0.1, 0.2, 0.3)
    nll = C.fit_temperature(scores, gold, smoothings)
    ece = C.fit_temperature(scores, gold, smoothings, objective="ece")
    assert C.first_answer_error(scores, gold, *ece) < C.first_answer_error(scores, gold, *nll)
    assert C.first_answer_error(scores, gold, *ece) < 0.02


def test_fit_prior_bias_recovers_a_shifted_prior():
    true = np.array([1.0, 0.0, -1.0])
    scores, gold = sample(6000, 3, 1.0, true, seed=5)
    bias = C.fit_prior_bias(scores, gold, 1.0)
    np.testing.assert_allclose(bias, true - true.mean(), atol=0.15)
    # At the optimum the mean probability of each class is its share of the labels.
    z = scores + bias
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(p.mean(axis=0), gold.mean(axis=0), atol=0.01)


def test_gold_classes_maps_the_frame_library_class():
    classes = ["_frame_", "none", "pandas"]
    assert C.gold_classes("library", classes, "pandas", "pandas") == [0, 2]
    assert C.gold_classes("library", classes, "xgboost", "xgboost") == [0]
    assert C.gold_classes("library", classes, "none", None) == [0, 1]
    assert C.gold_classes("ml_bug", ["False", "True"], True, None) == [1]


@pytest.fixture(scope="module")
def small():
    examples = read_corpus(keep_code=False)[::4][:80]
    assert len(examples) >= 40, "the recorded corpus is missing"
    return featurise(examples)


def test_temperature_keeps_the_best_class_and_round_trips(tmp_path, small):
    model = export(*fit_pipelines(small, Params()))
    head = model.heads["root_cause"]
    before = [model.proba("root_cause", doc) for doc in small.docs[:20]]
    head.temperature, head.smoothing = 2.5, 0.1
    after = [model.proba("root_cause", doc) for doc in small.docs[:20]]
    for b, a in zip(before, after, strict=True):
        assert list(np.argsort(a)) == list(np.argsort(b)) and a.max() <= b.max() + 1e-12
        assert a.min() >= 0.1 / len(a) - 1e-12
        np.testing.assert_allclose(a.sum(), 1.0)
    model.save(tmp_path)
    spec = json.loads((tmp_path / "model.json").read_text())["heads"]["root_cause"]
    assert (spec["temperature"], spec["smoothing"]) == (2.5, 0.1)
    loaded = M.Model.load(tmp_path)
    assert (loaded.heads["root_cause"].temperature, loaded.heads["root_cause"].smoothing) == (
        2.5,
        0.1,
    )
    assert loaded.heads["stage"].temperature == 1.0  # absent in model.json: 1
    assert loaded.heads["stage"].smoothing == 0.0
    np.testing.assert_allclose(loaded.proba("root_cause", small.docs[0]), after[0])
    doc = json.loads((tmp_path / "model.json").read_text())
    for key, bad in (("temperature", -1), ("smoothing", 1.0)):
        doc["heads"]["root_cause"] = dict(spec, **{key: bad})
        (tmp_path / "model.json").write_text(json.dumps(doc))
        with pytest.raises(M.ModelError, match=key):
            M.Model.load(tmp_path)


@pytest.fixture(scope="module")
def mixed():
    """50 cases of our corpus and 50 others standing in for a labelled file of real crashes."""
    examples = read_corpus(keep_code=False)[1::5][:100]
    assert len(examples) == 100, "the recorded corpus is missing"
    return featurise(
        examples[:50] + [dataclasses.replace(ex, source="real.jsonl") for ex in examples[50:]]
    )


def test_fit_model_calibrates_every_head_and_records_it(mixed):
    model = fit_model(mixed, Params(calibration_folds=3, calibrated_dims=M.DIMENSIONS))
    fitted = model.meta["calibration"]
    assert set(fitted) == set(M.DIMENSIONS)
    for dim, head in model.heads.items():
        assert head.temperature == fitted[dim]["temperature"]
        assert head.smoothing == fitted[dim]["smoothing"] in Params().smoothings
        assert C.T_MIN <= head.temperature <= C.T_MAX
    # The prior offsets of the root cause are folded into its intercepts.
    plain = export(*fit_pipelines(mixed, Params()))
    bias = np.array(list(fitted["root_cause"]["bias"].values()))
    np.testing.assert_allclose(
        model.heads["root_cause"].intercept,
        plain.heads["root_cause"].intercept + model.heads["root_cause"].temperature * bias,
    )
    assert "calibration" not in fit_model(mixed, Params(calibration_folds=0)).meta


def test_the_crash_type_head_is_not_calibrated_by_default(mixed):
    model = fit_model(mixed, Params(calibration_folds=3))
    assert set(model.meta["calibration"]) == set(M.DIMENSIONS) - {"crash_type"}
    head = model.heads["crash_type"]
    assert (head.temperature, head.smoothing) == (1.0, 0.0)
    plain = export(*fit_pipelines(mixed, Params()))
    for doc in mixed.docs[:20]:
        np.testing.assert_allclose(
            model.proba("crash_type", doc), plain.proba("crash_type", doc), atol=1e-12
        )


def test_a_calibrated_model_answers_with_its_calibration(tmp_path, mixed):
    # calibrate() sets temperatures and offsets on the heads of a model already built; what
    # diagnose() reads (the stacked heads) must follow them, as a saved and loaded model does.
    # It did not: cross-validation measured the models without their calibration.
    model = fit_model(mixed, Params(calibration_folds=3, prior_dims=("root_cause", "stage")))
    assert any(head.temperature != 1.0 for head in model.heads.values())
    assert model.meta["calibration"]["stage"]["bias"]
    loaded = M.Model.load(model.save(tmp_path))
    for doc in mixed.docs[:30]:
        stacked = dict(zip(model.heads, model.stacked_proba(doc), strict=True))
        reloaded = dict(zip(loaded.heads, loaded.stacked_proba(doc), strict=True))
        for dim, p in stacked.items():
            np.testing.assert_allclose(p, model.proba(dim, doc), atol=1e-9)
            np.testing.assert_allclose(p, reloaded[dim], atol=1e-9)


def test_few_real_crashes_set_no_prior(small):
    # All of `small` is our corpus: nothing to learn the live crashes' shares from.
    assert not learns_real_prior(small)
    fitted = fit_model(small, Params(calibration_folds=3)).meta["calibration"]
    assert "bias" not in fitted["root_cause"] and fitted["root_cause"]["temperature"] > 0


def test_corpus_offset_column_is_not_exported(mixed):
    assert learns_real_prior(mixed)
    vectorizers, heads = fit_pipelines(mixed, Params(corpus_offset_dims=("root_cause",)))
    _, without = fit_pipelines(mixed, Params(corpus_offset_dims=()))
    assert heads["root_cause"].coef_.shape[1] == len(vectorizers["root_cause"].vocabulary_)
    # The corpus's own shares went into the dropped column, not into the live intercepts.
    assert not np.allclose(heads["root_cause"].intercept_, without["root_cause"].intercept_)
