"""Root pytest configuration: pytest-jupyter's server fixtures with nbcrash enabled.

Every server a test starts keeps its crash history and feedback in a fresh temporary SQLite file
(``c.NbCrashConfig.store_path``), never in the user's Jupyter data directory. The whole run also
gets an empty Jupyter data directory of its own: a model the developer trained (``jupyter nbcrash
train``) lives there and would otherwise replace the shipped one in every test.
"""

import os
import shutil
import tempfile

import pytest

# Before any test module asks jupyter_core for its paths.
os.environ["JUPYTER_DATA_DIR"] = tempfile.mkdtemp(prefix="nbcrash-test-data-")

pytest_plugins = ("pytest_jupyter.jupyter_server",)


@pytest.fixture
def nbcrash_store_path(tmp_path):
    """The SQLite file of the test server's crash history and feedback."""
    return tmp_path / "nbcrash-store" / "nbcrash.sqlite3"


def pytest_unconfigure(config):
    shutil.rmtree(os.environ["JUPYTER_DATA_DIR"], ignore_errors=True)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "nbcrash_config(**options): extra c.NbCrashConfig options for the test server"
    )


@pytest.fixture
def jp_server_config(nbcrash_store_path, request):
    """A server with only the nbcrash extension enabled, storing into a temporary file.

    ``@pytest.mark.nbcrash_config(history_length=3)`` adds NbCrashConfig options.
    """
    options = {"store_path": str(nbcrash_store_path)}
    marker = request.node.get_closest_marker("nbcrash_config")
    if marker is not None:
        options.update(marker.kwargs)
    return {
        "ServerApp": {
            "jpserver_extensions": {"jupyterlab_nbcrash": True, "jupyter_server_terminals": False}
        },
        "NbCrashConfig": options,
    }


@pytest.fixture
def nbcrash_call(jp_fetch):
    """``await nbcrash_call(method, route, body=None, **kw)`` -> (status code, parsed JSON body).

    ``body`` may be bytes, str or any JSON value (encoded here). Never raises on 4xx/5xx, so a
    test can assert the status; a body that is not JSON fails the test right there.
    """
    import json

    async def call(method, route, body=None, params=None, headers=None):
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        response = await jp_fetch(
            "nbcrash",
            route,
            method=method,
            body=body,
            params=params,
            headers=headers,
            raise_error=False,
            allow_nonstandard_methods=True,
        )
        assert response.headers.get("Content-Type", "").startswith("application/json"), (
            response.code,
            response.body[:200],
        )
        return response.code, json.loads(response.body)

    return call
