"""Network and remote services: a connection, HTTP call, DNS lookup or remote API failed."""

from __future__ import annotations

import re

from ..traceback import ParsedError
from .base import Facts, RuleMatch, Template, named

# This family's rule ids, each typed once here. The model reads them as features: renaming
# one means retraining it.
REQUEST_FAILED = "network.request_failed"

NETWORK_ENAMES = frozenset(
    {
        "ConnectionError",
        "ConnectionRefusedError",
        "ConnectionResetError",
        "ConnectionAbortedError",
        "HTTPError",
        "HttpError",
        "URLError",
        "SSLError",
        "SSLCertVerificationError",
        "Timeout",
        "ReadTimeout",
        "ConnectTimeout",
        "ReadTimeoutError",
        "TimeoutError",
        "MaxRetryError",
        "NewConnectionError",
        "ProxyError",
        "TooManyRedirects",
        "ClientConnectorError",
        "ClientResponseError",
        "ClientError",
        "ServerDisconnectedError",
        "RemoteDisconnected",
        "IncompleteRead",
        "gaierror",
        "herror",
        "timeout",
        "ContentTooShortError",
        "TwitterHTTPError",
        "TweepError",
        "TweepyException",
        "HfHubHTTPError",
        "RepositoryNotFoundError",
        "GatedRepoError",
        "LocalEntryNotFoundError",
        "ChunkedEncodingError",
        "InvalidURL",
        "InvalidSchema",
        "MissingSchema",
        "OperationalError",
        "APIError",
        "RateLimitError",
        "AuthenticationError",
        "APIConnectionError",
    }
)
_NET_MESSAGE = re.compile(
    r"Temporary failure in name resolution|Name or service not known|nodename nor servname"
    r"|getaddrinfo failed|Failed to establish a new connection|Max retries exceeded with url"
    r"|HTTP Error \d{3}|\b(?:40[0-9]|429|50[0-4]) (?:Client|Server) Error|URL fetch failure"
    r"|Connection (?:aborted|refused|reset|timed out)|Read timed out|Remote end closed connection"
    r"|CERTIFICATE_VERIFY_FAILED|Failed to fetch|Too Many Requests|status (?:code )?\d{3}"
    r"|Cannot connect to host|Network is unreachable|No route to host|request failed"
    r"|We couldn't connect to|Couldn't reach|Unable to connect|could not connect to server"
    r"|<urlopen error|SSL: |HTTPSConnectionPool|HTTPConnectionPool|Invalid URL|Connection error",
    re.I,
)
# Built-in errors whose message mentions a status code or a failed request by coincidence.
_PYTHON_ERRORS = frozenset(
    {"KeyError", "IndexError", "TypeError", "AttributeError", "NameError", "SyntaxError"}
)
_GENERIC = frozenset({"OSError", "Exception", "RuntimeError", "ValueError", "error"})
_NET_PACKAGES = frozenset(
    {"urllib", "http", "socket", "ssl", "requests", "urllib3", "aiohttp", "httpx", "httplib2"}
)


@named(REQUEST_FAILED)
def request_failed(parsed: ParsedError) -> RuleMatch | None:
    by_name = parsed.ename in NETWORK_ENAMES
    chained = any(name in NETWORK_ENAMES for name, _ in parsed.chain)
    frames = bool(_NET_PACKAGES.intersection(parsed.packages))
    if not (by_name or chained or frames or parsed.ename in _GENERIC) and (
        parsed.ename in _PYTHON_ERRORS or not parsed.ename.endswith(("Error", "Exception"))
    ):
        return None
    text = _NET_MESSAGE.search(parsed.message)
    if parsed.ename == "OperationalError" and not text:
        confidence = 0.55  # a database call; the study counts remote services as requests
    elif parsed.ename in ("TimeoutError", "timeout") and not (text or frames):
        confidence = 0.6
    elif by_name:
        confidence = 0.95
    elif text and (frames or chained):
        confidence = 0.9
    elif (text and parsed.ename in _GENERIC) or (chained and frames):
        confidence = 0.75
    elif text:  # a library's own exception class with a network message
        confidence = 0.7
    else:
        return None
    facts = {}
    url = re.search(r"https?://[^\s'\"<>)]+", parsed.message)
    if url:
        facts["url"] = url.group(0)[:200]
    status = re.search(r"(?:HTTP Error |status (?:code )?|\b)(4\d\d|5\d\d)\b", parsed.message)
    if status:
        facts["status"] = status.group(1)
    if re.search(
        r"name resolution|not known|servname|getaddrinfo|Network is unreachable",
        parsed.message,
        re.I,
    ) or any(n == "gaierror" for n, _ in parsed.chain):
        facts["dns"] = "yes"
    if re.search(r"CERTIFICATE_VERIFY_FAILED|SSL", parsed.message):
        facts["ssl"] = "yes"
    if re.search(r"No scheme supplied|No connection adapters|Invalid URL", parsed.message):
        facts["bad_url"] = "yes"
    return RuleMatch(
        rule=REQUEST_FAILED,
        crash_type="request_error",
        root_cause="environment_setting" if facts.get("dns") else None,
        confidence=confidence,
        facts=facts,
    )


RULES = (request_failed,)


# ----------------------------------------------------------- hints: the words the user reads


def _request_failed(p, f):
    status = f.get("status", "")
    if f.get("bad_url"):
        return "The URL is malformed: it must start with `http://` or `https://` (check for typos)."
    if f.get("dns"):
        return (
            "The host name could not be resolved: this kernel has no internet access (on Kaggle, "
            "switch Internet on in the settings) or needs a proxy; or download the data by hand."
        )
    if re.search(r"no such (?:table|column)|sqlite|relation \S+ does not exist", p.message):
        return (
            "The database has no such table or column: check the database file's path (a "
            "wrong path opens a new, empty database) and the names in the SQL."
        )
    if status == "429":
        return (
            "The server got too many requests (HTTP 429): wait, retry later and pause between "
            "calls."
        )
    if status in ("401", "403"):
        return (
            f"The server refused access (HTTP {status}): check your API key, token or permissions."
        )
    if status == "404":
        return (
            f"The address was not found (HTTP 404){_for_url(f)}: the resource moved; look up its "
            "new URL."
        )
    if f.get("ssl"):
        return (
            "The server's SSL certificate could not be verified: update certificates "
            "(`%pip install -U certifi`) or configure your network's proxy."
        )
    return (
        f"A network request failed{_for_url(f)}: check the internet connection and the URL, then "
        "retry (the remote service may be down)."
    )


def _for_url(f: Facts) -> str:
    return f" for {f['url']}" if f.get("url") else ""


HINTS: dict[str, Template] = {
    REQUEST_FAILED: _request_failed,
}
