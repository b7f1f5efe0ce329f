"""load_model: the user's model wins over the shipped one, is picked up when retrained, and a
broken user model falls back to the shipped one."""

from __future__ import annotations

import os

import numpy as np
import pytest

from jupyterlab_nbcrash.diagnosis import model as M


def tiny_model(bias: float) -> M.Model:
    heads = {
        dim: M.Head(("x", "y"), ["a", "b"], np.ones(2), np.array([[1.0, -1.0]]), np.array([bias]))
        for dim in M.DIMENSIONS
    }
    return M.Model(heads, {"bias": bias})


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    user, shipped = tmp_path / "user", tmp_path / "shipped"
    monkeypatch.setattr(M, "user_model_dir", lambda: user)
    monkeypatch.setattr(M, "SHIPPED_DIR", shipped)
    monkeypatch.setattr(M, "RECHECK_SECONDS", 0.0)
    M.clear_cache()
    yield user, shipped
    M.clear_cache()


def test_no_model_at_all_gives_none(dirs):
    assert M.load_model() is None
    assert M.model_status()["source"] == "none"


def test_user_model_wins_and_retraining_is_picked_up(dirs):
    user, shipped = dirs
    tiny_model(0.0).save(shipped)
    m = M.load_model()
    assert m.meta["source"] == "shipped" and m.meta["bias"] == 0.0
    assert M.load_model() is m  # cached
    tiny_model(1.0).save(user)
    m = M.load_model()
    assert m.meta["source"] == "user" and m.meta["bias"] == 1.0
    assert M.model_status() == {
        "source": "user",
        "path": str(user),
        "trained_on": None,
        "created": None,
    }
    tiny_model(2.0).save(user)
    later = (user / "model.npz").stat().st_mtime + 5
    os.utime(user / "model.npz", (later, later))
    assert M.load_model().meta["bias"] == 2.0


def test_broken_user_model_falls_back_to_shipped(dirs):
    user, shipped = dirs
    tiny_model(0.0).save(shipped)
    user.mkdir()
    (user / "model.json").write_text("{not json")
    (user / "model.npz").write_bytes(b"junk")
    assert M.load_model().meta["source"] == "shipped"


def test_explicit_path_that_is_not_a_model_raises(tmp_path, dirs):
    with pytest.raises(M.ModelError):
        M.load_model(tmp_path / "nowhere")


def test_broken_shipped_model_raises_once_then_rules_only(dirs, monkeypatch):
    _, shipped = dirs
    shipped.mkdir()
    (shipped / "model.json").write_text("{}")
    (shipped / "model.npz").write_bytes(b"junk")
    monkeypatch.setattr(M, "RECHECK_SECONDS", 60.0)
    with pytest.raises(M.ModelError):
        M.load_model()
    assert M.load_model() is None  # not re-read on every crash


def test_the_shipped_model_matches_the_current_features():
    """A change of tokens.py without retraining would quietly degrade every diagnosis."""
    from jupyterlab_nbcrash.diagnosis.tokens import FEATURES_VERSION

    shipped = M.Model.load(M.SHIPPED_DIR)
    assert shipped.meta.get("features_version") == FEATURES_VERSION, (
        "retrain: python -m jupyterlab_nbcrash.cli train --shipped --data <study dev file>"
    )
    assert set(shipped.heads) == set(M.DIMENSIONS)
    assert shipped.meta["trained_on"].get("corpus.jsonl", 0) >= 400
