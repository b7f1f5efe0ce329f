"""Network and remote services: a connection, HTTP call, DNS lookup or remote API failed."""

from __future__ import annotations

import re

from ..finding import short
from ..traceback import ParsedError
from ..where import failing_line_number, failing_statement, own_lines
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
# A message that says a request failed. Factored by first letter: the engine tries a dozen
# branches at each position of the message instead of ≈30 phrases (the rules of a crash −12 %
# instructions); a status phrase after a word boundary is searched on its own, as a leading
# ``\b`` would keep the engine from skipping to the positions where a phrase can start.
_NET_MESSAGE = re.compile(
    r"T(?:emporary failure in name resolution|oo Many Requests)"
    r"|N(?:ame or service not known|odename nor servname|etwork is unreachable|o route to host)"
    r"|getaddrinfo failed|Failed to (?:establish a new connection|fetch)"
    r"|Max retries exceeded with url|HTTP(?: Error \d{3}|S?ConnectionPool)"
    r"|U(?:RL fetch failure|nable to connect)"
    r"|C(?:onnection (?:aborted|refused|reset|timed out|error)|ERTIFICATE_VERIFY_FAILED"
    r"|annot connect to host|ouldn't reach|ould not connect to server)"
    r"|Re(?:ad timed out|mote end closed connection|quest failed)|S(?:tatus (?:code )?\d{3}|SL: )"
    r"|We couldn't connect to|<urlopen error|Invalid URL",
    re.I,
)
_NET_STATUS = re.compile(r"\b(?:40[0-9]|429|50[0-4]) (?:Client|Server) Error", re.I)
# Built-in errors whose message mentions a status code or a failed request by coincidence.
_PYTHON_ERRORS = frozenset(
    {"KeyError", "IndexError", "TypeError", "AttributeError", "NameError", "SyntaxError"}
)
_GENERIC = frozenset({"OSError", "Exception", "RuntimeError", "ValueError", "error"})
_NET_PACKAGES = frozenset(
    {"urllib", "http", "socket", "ssl", "requests", "urllib3", "aiohttp", "httpx", "httplib2"}
)


# Python's ssl: the certificate verified but is for another host name.
_HOSTNAME_MISMATCH = re.compile(
    r"Hostname mismatch, certificate is not valid for '([^']*)'|hostname '[^']*' doesn't match"
)


def network_message(message: str) -> bool:
    """Whether the message says that a request failed (a name lookup, a connection, a status)."""
    return _NET_MESSAGE.search(message) is not None or _NET_STATUS.search(message) is not None


@named(REQUEST_FAILED)
def request_failed(parsed: ParsedError) -> RuleMatch | None:
    by_name = parsed.ename in NETWORK_ENAMES
    chained = any(name in NETWORK_ENAMES for name, _ in parsed.chain)
    frames = bool(_NET_PACKAGES.intersection(parsed.packages))
    if not (by_name or chained or frames or parsed.ename in _GENERIC) and (
        parsed.ename in _PYTHON_ERRORS or not parsed.ename.endswith(("Error", "Exception"))
    ):
        return None
    text = network_message(parsed.message)
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
    url = _request_url(parsed.message)
    if url:
        facts["url"] = url
    status = _STATUS.search(parsed.message + "\n" + "\n".join(m for _, m in parsed.chain))
    if status:
        facts["status"] = next(g for g in status.groups() if g)
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


# A status code where the message says it is one (never a port such as 443).
_STATUS = re.compile(
    r"HTTP Error (\d{3})|\b(\d{3}) (?:Client|Server) Error|status(?: code)?[ :=]+(\d{3})\b"
    r"|too many (\d{3}) error|\b(4\d\d|5\d\d) (?:Forbidden|Not Found|Unauthorized|Too Many)"
)
_URL = re.compile(r"https?://[^\s'\"<>)]+")
# Text before a URL that points to documentation, not to the failed request.
_DOC_LINK = re.compile(
    r"(?:Background on this error at|For more information|read the docs|see|Visit|check out|"
    r"documentation|docs)[^.\n]{0,40}$",
    re.I,
)


def _request_url(message: str) -> str:
    """The URL the failed request went to, or "": documentation links are skipped."""
    for m in _URL.finditer(message[:4_000]):
        if _DOC_LINK.search(message[max(0, m.start() - 60) : m.start()]):
            continue
        return m.group(0).rstrip(".:,;")[:200]
    return ""


RULES = (request_failed,)


# ----------------------------------------------------------- hints: the words the user reads


# A connection that never got an answer (as opposed to a server that answered with an error).
_NO_CONNECTION = re.compile(
    r"Connection (?:aborted|refused|reset|timed out)|Read timed out|Failed to establish|"
    r"Max retries exceeded|timed out|Can't connect|Cannot connect|could not connect|"
    r"Unable to connect|actively refused|did not properly respond|Network is unreachable|"
    r"No route to host|Remote end closed|URL fetch failure|does not exist or access denied",
    re.I,
)


_LOCAL_HOST = re.compile(r"\blocalhost\b|\b127\.0\.0\.1\b")


# A database file the notebook names (`'school.db'`, `"data.sqlite3"`).
_DATABASE_FILE = re.compile(r"""['"]([^'"\n]+\.(?:db|sqlite3?))['"]""")


def _sql_name_missing(p) -> str:
    """SQLite's "no such column: x" (the table exists: no path to blame), or "no such table: x"
    that a `CREATE TABLE x` of the notebook would make: that statement has not run here."""
    column = re.search(r"no such column: ([\w.]+)", p.message)
    if column:
        return (
            f"The SQL names a column `{column.group(1)}` that its table does not have: check the "
            "column names in the SQL (a text value needs single quotes: `'value'`)."
        )
    table = re.search(r"no such table: ([\w.]+)", p.message)
    code = p.code_seen
    if table and re.search(
        rf"create\s+table\s+(?:if\s+not\s+exists\s+)?[`\"']?{re.escape(table.group(1))}\b",
        code,
        re.I,
    ):
        if len(set(_DATABASE_FILE.findall(code))) > 1:
            return ""  # several database files: the table may be made in another one
        return (
            f"The notebook creates `{table.group(1)}` with `CREATE TABLE`, but not in this "
            "database yet: run that cell first, on the same connection (and `commit()`)."
        )
    return ""


# A path on this machine: a drive (`C:/…`, `D:\\…`), a home or a notebook service's folder
# (`/home/…`, `/Users/…`, `/content/…`, `~/…`), a relative folder (`./`, `../`), or a data
# file's bare name (`data.csv`). A bare `/api/v2/…` is a server's path that lost its host.
_LOCAL_PATH = re.compile(
    r"^(?:[A-Za-z]:[\\/]|/(?:home|Users|content|kaggle|mnt|tmp|media)/|~[\\/]|\.\.?[\\/]"
    r"|[\w .-]+\.(?:csv|xlsx?|json|txt|zip|parquet|pkl|h5|npy|npz|tsv|xml|pdf|jpe?g|png)$)",
)
# The address a requests error quotes: "No connection adapters were found for 'x'", "Invalid
# URL 'x': No schema supplied".
_QUOTED_ADDRESS = re.compile(r"(?:adapters were found for|Invalid URL) '([^'\n]+)'")


def _local_path_requested(message: str) -> str:
    """The path a web request was given when the message quotes one of this machine's, else
    ""."""
    m = _QUOTED_ADDRESS.search(message)
    return m.group(1) if m and _LOCAL_PATH.match(m.group(1)) else ""


def _reader_of(path: str) -> str:
    """How to read a file of ``path``'s kind."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in ("xlsx", "xls"):
        return "`pd.read_excel(path)`"
    if suffix in ("csv", "tsv", "json", "parquet"):
        reader = {"tsv": "csv"}.get(suffix, suffix)
        return f"`pd.read_{reader}(path)`"
    return "`open(path, 'rb')`"


def _request_failed(p, f):
    """When: the message shows what failed (a malformed URL, DNS, a status code, SSL, a
    connection that got no answer). A server that answered with its own error message gets the
    safe hint, which quotes it."""
    status = f.get("status", "")
    local = _local_path_requested(p.message) if f.get("bad_url") else ""
    if local:
        return (
            f"`{short(local, 50)}` is a file path, not a web address: a web request cannot "
            f"read it; open the file directly ({_reader_of(local)})."
        )
    if f.get("bad_url"):
        return "The URL is malformed: it must start with `http://` or `https://` (check for typos)."
    if f.get("dns"):
        malformed = _malformed_database_host(p.message)
        if malformed:
            # the URL's parts were split at the wrong `@`: no lookup of a real name failed
            # (the `@` advice only where an `@` is in it: `localhost ` has a stray space)
            at = (
                "check the `@` before the host, and URL-encode a password holding `@`, `:` or "
                "`/` (`urllib.parse.quote_plus`)"
                if "@" in malformed
                else "check what the code puts in the host's place"
            )
            return (
                f"The database host `{short(malformed, 40)}` is no host name: the connection URL "
                f"is malformed (`dialect://user:password@host:port/db`); {at}."
            )
        host = _unresolved_host(p)
        reached = _other_host_reached(p, host) if host else ""
        if reached:
            # a request of this very cell got an answer before: the kernel is online
            return (
                f"`{host}` could not be resolved, though this cell reached `{reached}` just "
                "above, so the kernel is online and this host name is what fails: check it for "
                "a typo, and whether the service moved or was retired (the API's current "
                "documentation)."
            )
        chooser = _library_chose_host(p, host) if host else ""
        if chooser:
            # the address is the library's, not the user's: a retired service fails the same
            return (
                f"`{host}` could not be resolved, and that address comes from `{chooser}`, not "
                "from your code: if this kernel reaches other sites, the service has moved or "
                f"been retired, so upgrade `{chooser}` or use another data source; if not, this "
                "kernel has no internet access or needs a proxy."
            )
        return (
            "The host name could not be resolved: this kernel has no internet access (on Kaggle, "
            "switch Internet on in the settings) or needs a proxy; or download the data by hand."
        )
    sql = _sql_name_missing(p)
    if sql:
        return sql
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
    if "is not a valid model identifier" in p.message:
        # the Hub answered that no such model is listed: the id, before any token
        return (
            "The model id is neither a local folder nor a model on the Hugging Face Hub: check "
            "its spelling on huggingface.co (a private model also needs a token: "
            "`huggingface-cli login`)."
        )
    if status == "401":
        return "The server refused access (HTTP 401): check your API key or token."
    if status == "403" and re.search(r"gated repo|is restricted", p.message):
        return (
            "This model is gated: request access on its Hugging Face page, then log in with a "
            "token of that account (`huggingface-cli login`)."
        )
    if status == "403" and _user_agent_sent(p):
        # the browser header is sent already: the host refuses these addresses themselves
        return (
            f"The server refused the request (HTTP 403){_for_url(f)}, though the code already "
            "sends a `User-Agent` header: the host refuses this address to scripts (a login, a "
            "token or hotlink protection); open it in a browser to check, and in a loop over "
            "many addresses skip the refused ones."
        )
    if status == "403":
        return (
            f"The server refused the request (HTTP 403){_for_url(f)}: it needs credentials you "
            "do not send (an API key or token), or it blocks scripts; for a web page, send a "
            "browser `User-Agent` header."
        )
    if status == "404":
        url = f.get("url", "")
        if re.search(r"https?://[^/]+/.*//", url):
            return (
                f"Nothing exists at the address (HTTP 404){_for_url(f)}: the URL contains `//`, "
                "so a part of it "
                "(such as a file name) is an absolute local path; pass only the name."
            )
        hub = _hub_file_missing(p.message, url)
        if hub:
            return hub
        downloader = _library_download(p, url)
        if downloader:
            # the address is the library's own: no URL of the user's to check
            return (
                f"The address `{downloader}` downloads from answered HTTP 404 (nothing there): "
                "the URL is in the library's code, not yours, so the data is no longer served "
                "there; get it by hand as its documentation says (or try a newer version)."
            )
        return (
            f"Nothing exists at the address (HTTP 404){_for_url(f)}: check the URL (for a "
            "download, the file name and repository)."
        )
    if status == "405" and _sent_by_a_library(p):
        # The line calls a library, whose own code chose how to ask: the site no longer
        # takes requests that way, whatever the arguments.
        return (
            "The server does not accept the kind of request (HTTP 405, Method Not Allowed) that "
            "the library sends to this address, which its own code chooses: the site changed "
            "since that version was written; update the library or switch to a maintained one."
        )
    if any(fr.function == "fetch_mldata" for fr in p.frames if not fr.is_user):
        # mldata.org has been offline since 2018 (scikit-learn 0.22 removed the function):
        # no connection setting or retry can reach it
        return (
            "`fetch_mldata` downloads from mldata.org, which is gone for good: load the data "
            "from OpenML instead, e.g. `fetch_openml('mnist_784', version=1)`."
        )
    mismatch = _HOSTNAME_MISMATCH.search(p.message)
    if mismatch:
        # The certificate is valid but names another site: no certificate update changes that;
        # a misspelt host is served by whoever holds that name (or by no site of its own).
        host = f" `{mismatch.group(1)}`" if mismatch.group(1) else ""
        return (
            f"The server at{host or ' that address'} sent a certificate made for another name "
            "(hostname mismatch), so updating certificates will not help: check the host's "
            "spelling in the URL; if it is right, the site or a proxy serves the wrong one."
        )
    if "CERTIFICATE_VERIFY_FAILED" in p.message:
        return (
            "The server's SSL certificate could not be verified: update certificates "
            "(`%pip install -U certifi`) or configure your network's proxy."
        )
    if f.get("ssl"):
        return (
            "The secure (SSL) connection broke off: retry later; on a company or school "
            "network, a proxy or firewall may block it."
        )
    if _NO_CONNECTION.search(p.message) and _LOCAL_HOST.search(p.message[:500]):
        # a server on the kernel's own machine: no network is involved
        return (
            "No server answers on this machine (localhost): start the server it connects to (a "
            "database, an API) on the machine that runs the kernel, or connect to one it can "
            "reach (a hosted notebook such as Colab or Kaggle runs none of yours)."
        )
    if _reset_on_a_scripts_request(p):
        return (
            f"The server reset the connection{_for_url(f)} instead of answering: many sites "
            "drop requests from scripts, so send a browser's `User-Agent` header "
            "(`requests.get(url, headers={'User-Agent': ...})`) or use the site's API."
        )
    if _RESET_BY_SERVER.search(p.message) and _sent_by_a_library(p):
        # a library's own download was cut off by the far side: no argument of the line is
        # at fault, and "the server, host and port" are the library's
        return (
            "The remote host closed the connection while the library downloaded (a network "
            "reset, not a wrong argument): retry; on a company or school network a proxy or "
            "firewall may cut it; or download the file by hand and read it locally."
        )
    if _NO_CONNECTION.search(p.message) or (not p.message.strip() and p.chain):
        return (
            f"The connection failed{_for_url(f)}: check the internet connection (and that the "
            "server, host and port are right and running), then retry."
        )
    return None


# The host closed a connection it had accepted (Windows' error 10054, POSIX's ECONNRESET).
_RESET_BY_SERVER = re.compile(r"forcibly closed by the remote host|Connection reset by peer")
# The user's line sends the request itself (requests', urllib's or a session's call).
_REQUEST_CALL = re.compile(
    r"\b(?:requests|session|s|urllib\.request|request)\.(?:get|post|put|patch|delete|head|"
    r"request)\(|\burlopen\(|\burlretrieve\("
)
# A quoted web address passed to a request on a line: its host.
_REQUESTED_HOST = re.compile(
    r"\b(?:get|post|head|urlopen|urlretrieve|request)\(\s*['\"]https?://([\w.-]+)"
)


# A database driver's words for the host it could not reach (MySQL's, PostgreSQL's).
_DATABASE_HOST = re.compile(
    r"""(?:Can't connect to MySQL server on|could not translate host name) ['"]([^'"\n]+)['"]"""
)
# A host name or address, with a port MySQL's client may add: anything else in the host part
# (`@`, `/`, a space) is a piece of the URL split at the wrong place.
_HOST_NAME = re.compile(r"[\w.-]+(?::\d+)?|\[[\da-fA-F:.]+\](?::\d+)?")
_USER_AGENT = r"""['"]user[-_ ]agent['"]"""
# urllib's opener with a User-Agent, installed for every later `urlopen`/`urlretrieve`.
_OPENER_WITH_USER_AGENT = re.compile(r"addheaders\s*=[^\n]*" + _USER_AGENT, re.I)


# The HTTP clients themselves: a frame of theirs says nothing of who chose the request.
_HTTP_CLIENTS = frozenset({"requests", "urllib", "urllib3", "http", "httpx", "aiohttp"})


def _sent_by_a_library(p: ParsedError) -> bool:
    """The failing line sends no request itself, and a library other than an HTTP client runs
    between it and the client (`play_scraper`'s code calling `requests`)."""
    if _REQUEST_CALL.search(p.user_line):
        return False
    if any(fr.package in _DATABASE_CLIENTS for fr in p.frames):
        return False  # `pd.read_sql` over pymysql: a database server hung up, no download
    return any(
        not fr.is_user and fr.package not in _HTTP_CLIENTS | _SOCKET_LAYER for fr in p.frames
    )


# Python's own socket layer: reading a socket, it is no library downloading for the line.
_SOCKET_LAYER = frozenset({"socket", "ssl", "asyncio", "selectors", "socketserver"})
_DATABASE_CLIENTS = frozenset(
    {
        "pymysql",
        "MySQLdb",
        "mysql",
        "psycopg2",
        "psycopg",
        "sqlalchemy",
        "pyodbc",
        "pymongo",
        "redis",
        "cx_Oracle",
        "oracledb",
        "pymssql",
    }
)


def _reset_on_a_scripts_request(p: ParsedError) -> bool:
    """The host was reached and hung up on the line's own request, sent without a browser's
    header: many sites drop those, so the internet connection is not what failed."""
    return (
        _RESET_BY_SERVER.search(p.message) is not None
        and _REQUEST_CALL.search(p.user_line) is not None
        and not _user_agent_sent(p)
    )


def _user_agent_sent(p: ParsedError) -> bool:
    """The failing request sends a User-Agent header: its statement names one, passes a
    `headers=` dict the cell fills with one, or urllib's installed opener adds one. Another
    request of the notebook that sends one says nothing of this one."""
    statement = failing_statement(p)
    if re.search(_USER_AGENT, statement, re.I):
        return True
    passed = re.search(r"\bheaders\s*=\s*([A-Za-z_]\w*)", statement)
    if passed and re.search(
        rf"^\s*{passed.group(1)}\s*=\s*\{{[^}}]*{_USER_AGENT}", p.user_code, re.I | re.M
    ):
        return True
    code = p.code_seen
    return bool(
        _OPENER_WITH_USER_AGENT.search(code)
        and "install_opener(" in code
        and re.search(r"\burl(?:open|retrieve)\(", statement)
    )


def _malformed_database_host(message: str) -> str:
    """The host a database driver failed to resolve when it cannot be a host name, else ""."""
    m = _DATABASE_HOST.search(message)
    return m.group(1) if m and not _HOST_NAME.fullmatch(m.group(1)) else ""


def _unresolved_host(p: ParsedError) -> str:
    """The host whose name did not resolve: the message's `host='…'`, else the failing line's
    requested address."""
    m = re.search(r"host='([\w.-]+)'", p.message) or _REQUESTED_HOST.search(p.user_line)
    return m.group(1) if m else ""


# Libraries that only carry a request, or open whatever address their caller hands them
# (`pd.read_csv(url)`, `keras.utils.get_file(origin=...)`): the address is their caller's.
_CARRIERS = frozenset(
    {
        "requests",
        "urllib3",
        "httpx",
        "aiohttp",
        "httplib2",
        "certifi",
        "pandas",
        "numpy",
        "PIL",
        "tensorflow",
        "keras",
        "torch",
        "torchvision",
        "gdown",
        "wget",
        "fsspec",
    }
)
# A failing line that hands an address over (a variable `url`, `base_uri`, `link`, a literal).
_ADDRESS_ON_LINE = re.compile(r"url|uri\b|link|https?:|host|endpoint|server", re.I)


def _library_chose_host(p: ParsedError, host: str) -> str:
    """The library whose code the user called and which requested ``host`` on its own (the
    address is written nowhere in the user's code), or ""."""
    if host.lower() in p.code_seen.lower() or _ADDRESS_ON_LINE.search(p.user_line):
        return ""
    if "." not in host or re.fullmatch(r"[\d.]+", host) or host.endswith((".local", ".internal")):
        # a bare or local name (`mlflow-server`, a compose service) is a setting of the user's
        # (an environment variable, a config file), never an address a library ships with
        return ""
    frames = p.frames
    last_user = max((i for i, fr in enumerate(frames) if fr.is_user), default=-1)
    if last_user < 0:
        return ""
    called = next((fr for fr in frames[last_user + 1 :] if fr.library), None)
    if called is None or called.library in _CARRIERS:
        return ""
    return called.library


def _other_host_reached(p: ParsedError, host: str) -> str:
    """Another host than ``host`` that a request of the crashing cell asked at its top level
    above the failing line (it ran, and answered, before this line), or ""."""
    number = failing_line_number(p)
    for line in own_lines(p)[: max(number - 1, 0)]:
        if line[:1].isspace() or line.startswith("#"):
            continue  # a block's line may not have run; a comment never did
        m = _REQUESTED_HOST.search(line)
        if m and m.group(1) != host and not _OWN_NETWORK_HOST.fullmatch(m.group(1)):
            return m.group(1)
    return ""


# A host of the machine itself or of its local network: reaching it shows no internet access.
_OWN_NETWORK_HOST = re.compile(
    r"localhost|[\w-]+|127(?:\.\d+){3}|0\.0\.0\.0|10(?:\.\d+){3}|192\.168(?:\.\d+){2}"
    r"|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2}|[\w.-]+\.(?:local|internal|lan|localdomain)",
    re.I,
)


def _for_url(f: Facts) -> str:
    url = f.get("url", "")
    return f" for {url if len(url) <= 70 else url[:69] + '…'}" if url else ""


HINTS: dict[str, Template] = {
    REQUEST_FAILED: _request_failed,
}


# A file of a repository on the Hugging Face Hub: the repository and file name are the caller's
# (`hf_hub_download(repo_id=..., filename=...)`, `from_pretrained(...)`), not the library's.
_HUB_FILE = re.compile(
    r"https?://huggingface\.co/(?:(?:datasets|spaces)/)?([\w.-]+/[\w.-]+|[\w.-]+)/resolve/"
    r"([^/\s]+)/([^\s?]+?)\.?(?:\?|\s|$)"
)


def _hub_file_missing(message: str, url: str) -> str:
    """A 404 for a file of a Hugging Face repository: the repository (or the file in it) the
    call named does not exist there."""
    m = _HUB_FILE.search(url + " ") or _HUB_FILE.search(message[:2_000])
    if m is None:
        return ""
    repo, revision, path = m.groups()
    if "Revision Not Found" in message or "RevisionNotFound" in message:
        # the file may well be there, on another branch or tag
        return (
            f"The Hugging Face repository `{repo}` has no revision `{revision}` (HTTP 404): "
            "check the branch, tag or commit given as `revision=` (its default is `main`)."
        )
    if "Entry Not Found" in message or "EntryNotFound" in message:
        return (
            f"The Hugging Face repository `{repo}` has no file `{path}` at revision "
            f"`{revision}` (HTTP 404): check the repository's file list for the exact name and "
            "folder, and the `repo_id`."
        )
    # "Repository Not Found" (or no word of which): the Hub answers 404 for a private or gated
    # repository read without a token that may see it, too
    return (
        f"The Hugging Face Hub found no file `{path}` of `{repo}` at revision `{revision}` "
        "(HTTP 404): check the `repo_id` and the file's exact name and folder; a private or "
        "gated repository answers the same without a token that may read it (log in with "
        "`huggingface-cli login`)."
    )


def _library_download(p, url: str = "") -> str:
    """The library whose download function asked for the address, when no cell's code names a
    web address nor a text the address holds (a repository's or a file's name): the URL was the
    library's own (a dataset's download)."""
    if re.search(r"https?://", p.user_code) or any(
        re.search(r"https?://", code) for code in p.notebook_code
    ):
        return ""
    if url and any(
        _url_part(text, url)
        for code in (p.user_code, *p.notebook_code)
        for text in re.findall(r"['\"]([^'\"\s]{4,})['\"]", code)
    ):
        return ""  # the address is built from a value the user's code passes
    return next(
        (
            fr.package or fr.library
            for fr in p.frames
            if fr.library and "download" in fr.function.lower()
        ),
        "",
    )


def _url_part(text: str, url: str) -> bool:
    """``text`` is one or more whole parts of ``url``'s path (`owner/repo`, `model.pkl`), and
    looks like a name rather than a common word (it has a `/`, `.`, `-` or `_`). Read without a
    pattern of ``text`` (a notebook holds many texts; each compile costs)."""
    if not any(c in text for c in "/._-"):
        return False
    part = "/" + text.strip("/")
    at = url.find(part)
    while at >= 0:
        after = url[at + len(part) : at + len(part) + 1]
        if after in ("", "/", "?", "#") or url[at + len(part) :] == ".":
            return True
        at = url.find(part, at + 1)
    return False
