"""Fixtures shared by several test modules (the server's are in the root conftest.py)."""

import pytest

from jupyterlab_nbcrash.diagnosis import corrections as C
from jupyterlab_nbcrash.diagnosis import model as M


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    """The user's model folder in a temporary directory; reloads checked on every call."""
    user = tmp_path / "jupyter-data" / "nbcrash" / "model"
    monkeypatch.setattr(M, "user_model_dir", lambda: user)
    monkeypatch.setattr(M, "RECHECK_SECONDS", 0.0)
    monkeypatch.setattr(C, "RECHECK_SECONDS", 0.0)
    M.clear_cache()
    C.clear_cache()
    yield user
    M.clear_cache()
    C.clear_cache()
