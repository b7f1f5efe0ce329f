"""Access to the /nbcrash/ routes: no token, a wrong token or a missing XSRF token is refused.

The routes are discovered from the running server's handler table, not listed by hand, so a route
added later is covered without touching this file.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
import tornado.web
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import JupyterServerAuthWarning, url_path_join
from tornado.routing import PathMatches

from jupyterlab_nbcrash.routes import NbCrashHandler

REPO = Path(__file__).resolve().parent.parent
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(params=[True, False], ids=["default-access", "locked-down"])
def jp_server_config(jp_server_config, request):
    """Both ways a server runs: jupyter_server's default, where an undecorated handler would be
    open and only our decorators refuse, and allow_unauthenticated_access=False, where
    jupyter_server itself requires login and warns (JupyterServerAuthWarning) about undecorated
    extension handlers."""
    jp_server_config["ServerApp"]["allow_unauthenticated_access"] = request.param
    return jp_server_config


def _rules(router):
    for rule in router.rules:
        target = rule.target
        if hasattr(target, "rules"):
            yield from _rules(target)
        else:
            yield rule.matcher, target


def nbcrash_routes(web_app):
    """[(url, handler class, [HTTP methods it implements])] for every rule under /nbcrash/."""
    found = []
    for matcher, handler in _rules(web_app.default_router):
        if not isinstance(matcher, PathMatches) or "/nbcrash/" not in matcher.regex.pattern:
            continue
        # A concrete URL for the pattern: each capture group becomes "x".
        path = re.sub(r"\([^)]*\)", "x", matcher.regex.pattern.rstrip("$"))
        path = path.replace("\\", "")
        assert matcher.regex.fullmatch(path), (matcher.regex.pattern, path)
        methods = [
            m
            for m in handler.SUPPORTED_METHODS
            if getattr(handler, m.lower()) is not tornado.web.RequestHandler._unimplemented_method
        ]
        found.append((path, handler, methods))
    return found


@pytest.fixture
def routes(jp_serverapp):
    found = nbcrash_routes(jp_serverapp.web_app)
    names = {url.rsplit("/", 1)[-1] for url, _, _ in found}
    # Guard against a vacuous walk: the routes of docs/ARCHITECTURE.md must be among those found.
    assert {"diagnose", "taxonomy", "crashes", "feedback", "status", "x"} <= names, names
    return found


def requests_to_make(routes):
    for url, handler, methods in routes:
        for method in methods:
            if method == "OPTIONS":
                # CORS preflight: jupyter_server's own @allow_unauthenticated handler, which
                # answers headers only; checked separately below.
                assert handler.options is APIHandler.options
                continue
            body = b'{"ename": "E", "crash_id": 1}' if method in BODY_METHODS else None
            yield url, method, body


async def _refused(http_server_client, url, method, body, headers):
    response = await http_server_client.fetch(
        url,
        method=method,
        body=body,
        headers=headers,
        raise_error=False,
        allow_nonstandard_methods=True,
        follow_redirects=False,
    )
    assert response.code == 403, (method, url, response.code, response.body[:200])
    assert "error" in json.loads(response.body), response.body
    return response


async def test_every_route_refuses_requests_without_a_token(routes, http_server_client):
    count = 0
    for url, method, body in requests_to_make(routes):
        await _refused(http_server_client, url, method, body, {})
        count += 1
    assert count >= 7  # diagnose, taxonomy, crashes x2, feedback, status, catch-all


async def test_every_route_refuses_a_wrong_token(routes, http_server_client):
    for url, method, body in requests_to_make(routes):
        await _refused(http_server_client, url, method, body, {"Authorization": "token wrong"})
        await _refused(http_server_client, url + "?token=wrong", method, body, {})


async def test_options_preflight_reveals_nothing(routes, http_server_client):
    for url, _, _ in routes:
        response = await http_server_client.fetch(url, method="OPTIONS", raise_error=False)
        assert response.body == b"", (url, response.body)


async def _login_cookie(http_server_client, jp_base_url, jp_auth_header):
    """A browser-style session: the login cookie a token-authenticated request sets."""
    response = await http_server_client.fetch(
        url_path_join(jp_base_url, "api/status"), headers=jp_auth_header
    )
    cookies = [c.split(";", 1)[0] for c in response.headers.get_list("Set-Cookie")]
    cookie = "; ".join(c for c in cookies if c.startswith("username-"))
    assert cookie, response.headers
    return cookie


async def test_writes_with_a_session_cookie_need_the_xsrf_token(
    routes, http_server_client, jp_base_url, jp_auth_header
):
    cookie = await _login_cookie(http_server_client, jp_base_url, jp_auth_header)
    writes = [(u, m, b) for u, m, b in requests_to_make(routes) if m in BODY_METHODS]
    assert {m for _, m, _ in writes} >= {"POST", "DELETE"}
    for url, method, body in writes:
        # Cookie without the XSRF header (what a cross-site form post would send): refused.
        response = await _refused(http_server_client, url, method, body, {"Cookie": cookie})
        assert "xsrf" in json.loads(response.body)["error"].lower()

    # Positive control: the same session with the XSRF token JupyterLab sends is accepted.
    url = url_path_join(jp_base_url, "nbcrash/diagnose")
    response = await http_server_client.fetch(
        url,
        method="POST",
        body=json.dumps({"ename": "ValueError", "evalue": "bad"}),
        headers={"Cookie": cookie + "; _xsrf=0123abcd", "X-XSRFToken": "0123abcd"},
        raise_error=False,
    )
    assert response.code == 200, response.body


async def test_reads_with_a_session_cookie_are_allowed(
    http_server_client, jp_base_url, jp_auth_header
):
    cookie = await _login_cookie(http_server_client, jp_base_url, jp_auth_header)
    response = await http_server_client.fetch(
        url_path_join(jp_base_url, "nbcrash/taxonomy"), headers={"Cookie": cookie}
    )
    assert response.code == 200


async def test_authorizer_is_asked_for_the_nbcrash_resource(
    jp_serverapp, routes, jp_fetch, monkeypatch
):
    """@authorized with auth_resource "nbcrash": an Authorizer that denies it blocks every route."""
    asked = []

    def deny(handler, user, action, resource):
        asked.append((handler.request.method, action, resource))
        return resource != "nbcrash"

    monkeypatch.setattr(jp_serverapp.authorizer, "is_authorized", deny)
    for url, method, body in requests_to_make(routes):
        path = url[len(jp_serverapp.base_url) :]
        response = await jp_fetch(
            path, method=method, body=body, raise_error=False, allow_nonstandard_methods=True
        )
        assert response.code == 403, (method, url, response.body)
    assert asked and {r for _, _, r in asked} == {"nbcrash"}
    actions = {(m, a) for m, a, _ in asked}
    assert ("GET", "read") in actions
    assert ("POST", "write") in actions
    assert ("DELETE", "write") in actions


def test_every_nbcrash_handler_passes_jupyter_servers_auth_check(jp_serverapp, routes):
    """The check behind JupyterServerAuthWarning finds nothing undecorated in our handlers."""
    for url, handler, _ in routes:
        assert issubclass(handler, NbCrashHandler)
        assert jp_serverapp.web_app._check_handler_auth(url, handler) == [], url


def test_auth_warning_is_an_error_under_pytest(jp_serverapp):
    """pyproject's filterwarnings turns JupyterServerAuthWarning into an error: on a locked-down
    server a handler without @tornado.web.authenticated cannot even be registered, so a test
    server with such an nbcrash handler would not start (this fixture's server did start)."""
    if jp_serverapp.web_app.settings["allow_unauthenticated_access"]:
        # jupyter_server only checks extension handlers when unauthenticated access is off.
        assert jp_serverapp.allow_unauthenticated_access is True
        return

    class Undecorated(APIHandler):
        def get(self):
            self.finish("{}")

    with pytest.raises(JupyterServerAuthWarning, match="Undecorated"):
        jp_serverapp.web_app.add_handlers(".*$", [("/nbcrash-undecorated", Undecorated)])
    assert any(
        action == "error" and category is JupyterServerAuthWarning
        for action, _, category, _, _ in warnings.filters
    )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_starts_with_auth_warnings_as_errors(tmp_path):
    """A real `jupyter server`, locked down, with JupyterServerAuthWarning as an error, loads
    nbcrash and serves it. Only nbcrash is enabled (JUPYTER_NO_CONFIG): other installed
    extensions' warnings are theirs to fix."""
    port, token = _free_port(), "nbcrash-test-token"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_NO_CONFIG": "1",
    }
    launcher = (
        "import sys, warnings\n"
        "from jupyter_server.utils import JupyterServerAuthWarning\n"
        "warnings.simplefilter('error', JupyterServerAuthWarning)\n"
        "from jupyter_server.serverapp import main\n"
        "sys.exit(main())\n"
    )
    cmd = [
        sys.executable,
        "-c",
        launcher,
        f"--port={port}",
        "--ip=127.0.0.1",
        "--no-browser",
        "--allow-root",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={tmp_path}",
        '--ServerApp.jpserver_extensions={"jupyterlab_nbcrash": True}',
        "--ServerApp.allow_unauthenticated_access=False",
        f"--NbCrashConfig.store_path={tmp_path / 'store.sqlite3'}",
    ]
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/nbcrash/status",
                    headers={"Authorization": f"token {token}"},
                )
                with urllib.request.urlopen(request, timeout=5) as response:
                    status = json.load(response)
                break
            except OSError:
                time.sleep(0.2)
        text = log.read_text(errors="replace")
        assert status is not None, text[-3000:]
        assert "JupyterServerAuthWarning" not in text
        assert "Registered jupyterlab_nbcrash server extension" in text
        assert status["taxonomy_version"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
