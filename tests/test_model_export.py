"""The numpy model equals the scikit-learn pipeline it was exported from, and persists safely."""

from __future__ import annotations

import json

import numpy as np
import pytest

from jupyterlab_nbcrash.diagnosis import model as M
from jupyterlab_nbcrash.training.data import read_corpus
from jupyterlab_nbcrash.training.fit import (
    Params,
    export,
    featurise,
    fit_pipelines,
    token_filter,
)

UNSEEN = [
    ["e:keyerror", "m:_name_", "fd:pandas", "never-seen-token"],
    ["never-seen-token"],
    [],
]


@pytest.fixture(scope="module")
def small():
    """A small slice of the recorded corpus: real tracebacks, trained in well under a second."""
    examples = read_corpus(keep_code=False)[::4][:80]
    assert len(examples) >= 40, "the recorded corpus is missing"
    return featurise(examples)


@pytest.fixture(scope="module")
def fitted(small):
    vectorizers, heads = fit_pipelines(small, Params())
    return vectorizers, heads, export(vectorizers, heads, {"trained_on": {"test": 80}})


def test_numpy_inference_equals_sklearn_predict_proba(small, fitted):
    vectorizers, heads, model = fitted
    docs = small.docs[:30] + UNSEEN
    params = Params()
    assert params.drop, "a dimension with its own token groups is part of what is checked"
    for dim, clf in heads.items():
        keep = token_filter(dim, params)
        expected = clf.predict_proba(vectorizers[dim].transform([keep(doc) for doc in docs]))
        got = np.array([model.proba(dim, doc) for doc in docs])
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
        assert list(model.heads[dim].classes) == [str(c) for c in clf.classes_]


def test_predict_tokens_uses_the_same_probabilities(small, fitted):
    _, _, model = fitted
    for doc in small.docs[:10]:
        preds = model.predict_tokens(doc, library_hint="pandas")
        for dim in ("crash_type", "root_cause", "stage", "ml_bug"):
            p = model.proba(dim, doc)
            assert preds[dim].confidence == pytest.approx(p.max())
            assert preds[dim].label == model.heads[dim].classes[int(np.argmax(p))]
        assert M.FRAME_LIBRARY not in [label for label, _ in preds["library"].top]


def test_one_product_for_all_heads_gives_each_heads_probabilities(small, fitted):
    """``predict_tokens`` vectorises once and multiplies the stacked heads once; each head's
    probabilities are its own ``proba`` (one product per head) up to the order of the sums,
    for the test model and the shipped one (temperatures and smoothing), seen tokens or not."""
    shipped = M.load_model(M.SHIPPED_DIR)
    assert shipped is not None and any(h.smoothing for h in shipped.heads.values())
    docs = small.docs[:40] + UNSEEN + [small.docs[0] * 3]
    for model in (fitted[2], shipped):
        for doc in docs:
            stacked = model.stacked_proba(doc)
            for (dim, head), p in zip(model.heads.items(), stacked, strict=True):
                assert len(p) == len(head.classes)
                np.testing.assert_allclose(p, model.proba(dim, doc), rtol=0, atol=1e-12)


def test_save_and_load_round_trip(tmp_path, small, fitted):
    _, _, model = fitted
    model.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.json", "model.npz"]
    loaded = M.Model.load(tmp_path)
    for doc in small.docs[:10] + UNSEEN:
        for dim in M.DIMENSIONS:
            np.testing.assert_array_equal(loaded.proba(dim, doc), model.proba(dim, doc))
    assert loaded.meta["trained_on"] == {"test": 80}


def test_training_is_deterministic(small):
    a = export(*fit_pipelines(small, Params()))
    b = export(*fit_pipelines(small, Params()))
    for dim in M.DIMENSIONS:
        assert a.heads[dim].vocabulary == b.heads[dim].vocabulary
        np.testing.assert_array_equal(a.heads[dim].idf, b.heads[dim].idf)
        np.testing.assert_array_equal(a.heads[dim].coef, b.heads[dim].coef)
        np.testing.assert_array_equal(a.heads[dim].intercept, b.heads[dim].intercept)


def test_load_refuses_what_is_not_a_model(tmp_path, fitted):
    with pytest.raises(M.ModelError):
        M.Model.load(tmp_path / "missing")
    fitted[2].save(tmp_path)
    doc = json.loads((tmp_path / "model.json").read_text())
    (tmp_path / "model.json").write_text(json.dumps(dict(doc, format="other")))
    with pytest.raises(M.ModelError, match="not an nbcrash model"):
        M.Model.load(tmp_path)
    (tmp_path / "model.json").write_text(json.dumps(doc))
    # Arrays that would need pickle to load are refused, not unpickled.
    np.savez(tmp_path / "model.npz", idf_stage=np.array([object()], dtype=object))
    with pytest.raises(M.ModelError):
        M.Model.load(tmp_path)


def test_frame_library_class_resolves_to_the_traceback_library():
    top = ((M.FRAME_LIBRARY, 0.6), ("none", 0.3), ("pandas", 0.1))
    assert M._resolve_library(top, "xgboost")[0] == ("xgboost", 0.6)
    assert M._resolve_library(top, None)[0] == ("none", pytest.approx(0.9))
    # The same library twice gets both probabilities: the ranking stays a distribution.
    assert M._resolve_library(top, "pandas") == [("pandas", pytest.approx(0.7)), ("none", 0.3)]
    assert M._resolve_library([("none", 0.5), (M.FRAME_LIBRARY, 0.3), ("numpy", 0.2)], None) == [
        ("none", pytest.approx(0.8)),
        ("numpy", 0.2),
    ]
