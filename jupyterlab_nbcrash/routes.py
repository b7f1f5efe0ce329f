"""The HTTP API of nbcrash, all under ``<base_url>/nbcrash/`` (docs/ARCHITECTURE.md, "Server").

HTTP only: each handler validates the request, calls the service (``service.NbCrash``, which does
the work) and answers JSON. Every handler is an authenticated jupyter_server ``APIHandler`` with
``auth_resource = "nbcrash"`` (``@tornado.web.authenticated`` + ``@authorized``), so a
deployment's Authorizer can grant or deny nbcrash separately; POST and DELETE are XSRF-checked by
jupyter_server unless the request carries the token. Every error is a JSON ``{"error": "..."}``
body: 400 for a bad request (naming the field), 404, 405, 413 for a body over the limit, 503 when
the server's store or model cannot answer.
"""

from __future__ import annotations

import json
import traceback
from http.client import responses
from typing import Any

import tornado.web
from jupyter_server.auth.decorator import authorized
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join

from . import taxonomy
from .config import NbCrashConfig
from .service import NbCrash, Unavailable, oneline
from .store import SCOPES, FeedbackError, UnknownCrash
from .version import __version__

NAMESPACE = "nbcrash"
AUTH_RESOURCE = "nbcrash"
MAX_LIMIT = 10_000
SQLITE_INT = 2**63  # SQLite integers are signed 64-bit


@tornado.web.stream_request_body
class NbCrashHandler(APIHandler):
    """Base of the nbcrash handlers: size-capped body, JSON errors, escaped log lines."""

    auth_resource = AUTH_RESOURCE

    @property
    def nbcrash(self) -> NbCrash:
        return self.settings["nbcrash"]

    async def call(self, operation):
        """Await a service operation; the server's store or model failing is a JSON 503."""
        try:
            return await operation
        except Unavailable as err:
            raise tornado.web.HTTPError(503, "%s", str(err)) from None

    async def prepare(self):
        self._chunks: list[bytes] = []
        self._size = 0
        await super().prepare()  # authentication, XSRF, origin
        length = self.request.headers.get("Content-Length")
        if length is not None:
            try:
                too_big = int(length) > self.nbcrash.config.max_body_size
            except ValueError:
                raise tornado.web.HTTPError(400, "Content-Length is not a number") from None
            if too_big:
                raise self._too_big()

    def data_received(self, chunk: bytes) -> None:
        # Streamed, so a body over the limit is never held in memory (chunked uploads too).
        self._size += len(chunk)
        if self._size <= self.nbcrash.config.max_body_size:
            self._chunks.append(chunk)
        else:
            self._chunks = []

    def _too_big(self) -> tornado.web.HTTPError:
        limit = self.nbcrash.config.max_body_size
        return tornado.web.HTTPError(413, "the request body is larger than %d bytes", limit)

    def json_body(self) -> Any:
        """The body parsed as JSON; 413 when over the limit, 400 when not UTF-8 JSON."""
        if self._size > self.nbcrash.config.max_body_size:
            raise self._too_big()
        body = b"".join(self._chunks)
        if not body.strip():
            raise bad_request("the request body is empty; send a JSON object")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            raise bad_request(f"the request body is not valid UTF-8 (byte {err.start})") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise bad_request(
                f"the request body is not valid JSON: {err.msg} (line {err.lineno}, column "
                f"{err.colno})"
            ) from None
        except RecursionError:
            raise bad_request("the request body is nested too deeply") from None
        except ValueError as err:  # e.g. an integer of more than 4300 digits
            raise bad_request(f"the request body is not valid JSON: {err}") from None

    def write_json(self, data: Any) -> None:
        self.finish(json.dumps(data))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Every error is ``{"error": message}`` JSON, never an HTML page."""
        message = responses.get(status_code, "error")
        exc = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(exc, tornado.web.HTTPError):
            if exc.log_message:
                message = exc.log_message % exc.args if exc.args else exc.log_message
        elif exc is not None:
            message = "nbcrash failed on this request (a bug: the server log has the details)"
        self.clear_header("Content-Type")
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({"error": message}))

    def log_exception(self, typ, value, tb) -> None:
        # tornado would use log_message as a format string and print user text raw.
        if isinstance(value, tornado.web.HTTPError):
            message = value.log_message % value.args if value.args else value.log_message
            self.log.warning(
                "nbcrash: %d %s: %s", value.status_code, self._request_summary(), oneline(message)
            )
        else:
            frames = "".join(traceback.format_tb(tb))
            self.log.error(
                "nbcrash: uncaught %s on %s: %s\n%s",
                typ.__name__,
                self._request_summary(),
                oneline(value),
                frames,
            )


def bad_request(message: str) -> tornado.web.HTTPError:
    # The message is an argument, never the format: it may hold user text with '%'.
    return tornado.web.HTTPError(400, "%s", message)


def _opt_int(data: dict, key: str) -> int | None:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise bad_request(f"'{key}' must be an integer or null")
    if value is not None and not -SQLITE_INT <= value < SQLITE_INT:
        raise bad_request(f"'{key}' is out of range")
    return value


class DiagnoseHandler(NbCrashHandler):
    """POST an error record, get its diagnosis; kept in the history when it came from a notebook.

    ``store`` (optional boolean) decides whether the crash is kept in the history. Absent or null:
    kept when the record names its notebook (``notebook.path``, as the JupyterLab extension
    always sends), not kept when it does not (a script, a test, a load test calling the API).
    """

    @tornado.web.authenticated
    @authorized
    async def post(self):
        # Imported here: the diagnosis package pulls numpy, which server start-up need not pay.
        from .diagnosis.record import ErrorRecord, RecordError

        data = self.json_body()
        try:
            record = ErrorRecord.from_dict(data)
        except RecordError as err:
            raise bad_request(str(err)) from None
        cell_index = _opt_int(data, "cell_index")
        _opt_int(data, "execution_count")  # the record checked the type; SQLite needs the range
        keep = data.get("store")
        if keep is None:
            keep = bool(record.notebook and record.notebook.path)
        elif not isinstance(keep, bool):
            raise bad_request("'store' must be true, false or null")
        answer = await self.call(self.nbcrash.diagnose(record, keep, cell_index))
        self.write_json(answer)


class TaxonomyHandler(NbCrashHandler):
    """GET every label id with its title and description."""

    @tornado.web.authenticated
    @authorized
    def get(self):
        self.write_json(taxonomy.as_json())


class CrashesHandler(NbCrashHandler):
    """GET the crash history of this server session or of earlier ones (filters, newest first),
    with how many earlier crashes there are; DELETE clears all of it (feedback stays)."""

    @tornado.web.authenticated
    @authorized
    async def get(self):
        scope = self.get_query_argument("scope", "") or "session"
        if scope not in SCOPES:
            raise bad_request(f"'scope' must be one of {', '.join(SCOPES)}")
        filters = {}
        for name in ("crash_type", "stage", "library", "notebook"):
            value = self.get_query_argument(name, "")
            if not value:
                continue
            if name in ("crash_type", "stage") and not taxonomy.is_valid(name, value):
                raise bad_request(f"'{name}' is not a {name} id of the taxonomy")
            if len(value) > 4096:
                raise bad_request(f"'{name}' is longer than 4096 characters")
            filters[name] = value
        limit = self.get_query_argument("limit", "")
        if limit:
            digits = limit.isascii() and limit.isdigit() and len(limit) <= 6
            if not digits or not 1 <= int(limit) <= MAX_LIMIT:
                raise bad_request(f"'limit' must be an integer from 1 to {MAX_LIMIT}")
            filters["limit"] = int(limit)
        else:
            filters["limit"] = max(1, self.nbcrash.config.history_length)
        self.write_json(await self.call(self.nbcrash.crashes(scope, **filters)))

    @tornado.web.authenticated
    @authorized
    async def delete(self):
        deleted = await self.call(self.nbcrash.clear())
        self.log.info("nbcrash: cleared %d crashes from the history", deleted)
        self.write_json({"deleted": deleted})


class FeedbackHandler(NbCrashHandler):
    """POST a verdict on a diagnosis (right, or wrong with the corrected labels) and/or what its
    one-click fix did (``fix``: applied, re-run ok)."""

    @tornado.web.authenticated
    @authorized
    async def post(self):
        data = self.json_body()
        if not isinstance(data, dict):
            raise bad_request("the feedback must be a JSON object")
        crash_id = data.get("crash_id")
        if crash_id is None:
            raise bad_request("'crash_id' is required")
        if isinstance(crash_id, bool) or not isinstance(crash_id, int):
            raise bad_request("'crash_id' must be an integer")
        if data.get("correct") is None and data.get("fix") is None:
            raise bad_request("'correct' or 'fix' is required")
        if not 0 <= crash_id < SQLITE_INT:
            raise _unknown_crash(crash_id)
        try:
            answer = await self.call(
                self.nbcrash.add_feedback(
                    crash_id, data.get("correct"), data.get("labels"), data.get("fix")
                )
            )
        except UnknownCrash:
            raise _unknown_crash(crash_id) from None
        except FeedbackError as err:
            raise bad_request(str(err)) from None
        self.write_json(answer)


def _unknown_crash(crash_id: int) -> tornado.web.HTTPError:
    # Usually a card whose crash was cleared from the panel since: say how to get it back.
    return tornado.web.HTTPError(
        404,
        "crash %d is no longer in the history (cleared, or past its length or age): run the "
        "cell again or use "
        '"Diagnose This Error" (right-click the error) to give feedback on it',
        crash_id,
    )


class StatusHandler(NbCrashHandler):
    """GET the version, the taxonomy version and which model diagnoses."""

    @tornado.web.authenticated
    @authorized
    async def get(self):
        model = await self.call(self.nbcrash.model_status())
        self.write_json(
            {
                "version": __version__,
                "taxonomy_version": taxonomy.TAXONOMY_VERSION,
                "model": model,
                "history_length": self.nbcrash.config.history_length,
                "history_days": self.nbcrash.config.history_days,
                "max_body_size": self.nbcrash.config.max_body_size,
            }
        )


class NotFoundHandler(NbCrashHandler):
    """Anything else under /nbcrash/: a JSON 404 (after authentication), not an HTML page."""

    def _not_found(self, *_args):
        raise tornado.web.HTTPError(404, "no such nbcrash route: %s", self.request.path)

    get = tornado.web.authenticated(authorized(_not_found))
    post = tornado.web.authenticated(authorized(_not_found))
    put = tornado.web.authenticated(authorized(_not_found))
    patch = tornado.web.authenticated(authorized(_not_found))
    delete = tornado.web.authenticated(authorized(_not_found))


ROUTES = (
    ("diagnose", DiagnoseHandler),
    ("taxonomy", TaxonomyHandler),
    ("crashes", CrashesHandler),
    ("feedback", FeedbackHandler),
    ("status", StatusHandler),
)


def setup_route_handlers(server_app) -> None:
    """Register the handlers on the server's web app; nothing is loaded or opened yet."""
    web_app = server_app.web_app
    config = NbCrashConfig(parent=server_app)
    root_dir = getattr(server_app, "root_dir", "") or ""
    web_app.settings["nbcrash"] = NbCrash(config, server_app.log, root_dir=root_dir)
    base = url_path_join(web_app.settings["base_url"], NAMESPACE)
    handlers = [(url_path_join(base, name), handler) for name, handler in ROUTES]
    handlers.append((url_path_join(base, "(.*)"), NotFoundHandler))
    web_app.add_handlers(".*$", handlers)
