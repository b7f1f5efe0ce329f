"""Messages that name a failure no input of the user's call explains (an interrupt, a missing
program, a refused service, the operating system or a device), and messages with no word about
inputs at all: for them the safe hint's "check the inputs" would send the user the wrong way."""

from __future__ import annotations

import re

from .traceback import ParsedError

# Messages that say what failed without any value of the user's call being wrong: the
# family's "check the inputs" look would send the user after the wrong thing. Each is known by
# lower-case substrings of "ename: message" (`in` tests: a message may be 4,000 characters).
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("python worker failed to connect back",),
        "Spark could not start its Python workers (common on Windows): set "
        "`os.environ['PYSPARK_PYTHON'] = sys.executable` before creating the SparkSession, then "
        "restart the kernel.",
    ),
    (
        ("keyboard interrupt", "keyboardinterrupt", "interrupted"),
        "The run was interrupted (the stop button or Ctrl-C) before it finished: run the cell "
        "again and let it finish.",
    ),
    (
        (
            "executables not found", "executable not found", "executables were not found",
            "not installed or it's not in", "not in path", "not in your path",
            "pdfinfonotinstallederror", "java gateway process exited", "chromedriver",
            "geckodriver",
        ),
        "A program or component outside Python that this library runs is missing, not on PATH "
        "or of another version: install the one it needs (see the library's installation "
        "notes), then restart the kernel.",
    ),
    (
        (
            "forbidden", "unauthorized", "unauthorised", "not_authorized", "quota",
            "rate limit", "too many requests", "billing", "credential", "subscription",
            "plan doesn't include",
        ),
        "The service refused the request (access, plan or quota), not a value of your code: "
        "check your credentials and plan, or wait and retry later.",
    ),
    (
        (
            "broken pipe", "could not open port", "access is denied", "failed to rename",
            "socket is already closed", "connection reset", "connection refused",
            "connection aborted", "timed out", "timeout", "failed copying input tensor",
            "dst tensor is not initialized",
        ),
        "The operating system, a device or a connection failed here, not a check of your values: "
        "retry, and make sure no other program holds the port, file or device it names.",
    ),
)  # fmt: skip
_HTTP_REFUSED = re.compile(r"\b(?:401|403|429)\b")


# Words of a message about the values, types or shapes the code passed: only then does the
# family's "check the inputs" look apply.
_ABOUT_INPUTS: tuple[str, ...] = (
    "argument", "parameter", "param", "expect", "must be", "must have", "should be", "invalid",
    "unknown", "got", "not supported", "unsupported", "shape", "dtype", "type", "value", "index",
    "length", "size", "dimension", "column", "key", "not in", "out of range", "out of bounds",
    "empty", "convert", "cast", "incompatible", "mismatch", "require", "need", "missing",
    "cannot", "can't", "could not", "not a ", "not an ", "only", "allowed", "positive",
    "negative", "nan", "infinity", "format", "encod", "decod", "found", "exist", "nonetype",
    "object", "iterable", "callable", "subscriptable", "attribute", "divi", "equal", "sql",
    "syntax", "file", "path", "director", "folder", "writ", "read", "open", "save", "load",
)  # fmt: skip


def not_about_inputs(parsed: ParsedError, inputs_look: bool) -> str:
    """The look sentence of a message that names a failure no input of the user explains (an
    interrupt, a missing program, a refused service, the OS or a device), or of a message of no
    input words at all when ``inputs_look`` (the family's look is "check the inputs"); else ""."""
    # The opening says what failed; Spark's Java stack buries its cause, read whole for it.
    said = f"{parsed.ename}: {parsed.message[:1_000]}".lower()
    for words, sentence in _FAILURES:
        whole = parsed.message.lower() if words is _FAILURES[0][0] else said
        if any(word in whole for word in words):
            return sentence
    if ("401" in said or "403" in said or "429" in said) and _HTTP_REFUSED.search(said):
        return _FAILURES[3][1]
    if not inputs_look:
        return ""
    opening = parsed.message[:1_000].lower()
    if any(word in opening for word in _ABOUT_INPUTS):
        return ""
    library = parsed.api_library or parsed.library
    whose = f" is `{library}`'s own account of the failure and" if library else ""
    return (
        f"The message{whose} names no value of your code to check: search for it together with "
        "the library's name and version."
    )
