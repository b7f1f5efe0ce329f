"""The network rule's message test, factored for speed, says what the plain alternation of its
phrases said (the form it had before; kept here as the reference)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash.diagnosis.rules.network import network_message

PLAIN = re.compile(
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

# The phrases, their near misses and what surrounds them in real messages.
PIECES = [
    "Temporary failure in name resolution",
    "Name or service not known",
    "nodename nor servname provided",
    "getaddrinfo failed",
    "Failed to establish a new connection",
    "Failed to fetch",
    "Failed to load",
    "Max retries exceeded with url: /x",
    "HTTP Error 404",
    "HTTP Error 4",
    "HTTPSConnectionPool(host='a.b', port=443)",
    "HTTPConnectionPool",
    "403 Client Error",
    "x503 Server Error",
    "503 Server Error",
    "429 Client Error",
    "410 client error",
    "URL fetch failure on https://x",
    "Connection aborted.",
    "Connection refused",
    "Connection reset by peer",
    "Connection timed out",
    "Connection error",
    "Connection lost",
    "Read timed out.",
    "Remote end closed connection without response",
    "CERTIFICATE_VERIFY_FAILED",
    "Too Many Requests",
    "status code 500",
    "status 404",
    "status: 200",
    "Cannot connect to host",
    "Network is unreachable",
    "No route to host",
    "request failed",
    "We couldn't connect to 'https://huggingface.co'",
    "Couldn't reach server",
    "could not connect to server",
    "Unable to connect",
    "<urlopen error [Errno -2]>",
    "[SSL: WRONG_VERSION_NUMBER]",
    "Invalid URL 'x'",
    "KeyError: 'status'",
    "could not convert string to float",
    " ",
    "\n",
    "_",
    "é",
    "K",  # KELVIN SIGN: a 'k' to a case-insensitive match
]


@st.composite
def messages(draw):
    parts = draw(st.lists(st.sampled_from(PIECES), max_size=5))
    text = "".join(parts)
    cut = draw(st.integers(0, len(text)))
    # Cut a phrase short, and change the case of some letters.
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.swapcase() if f else c for c, f in zip(text, flips, strict=True))
    return text[cut:] if draw(st.booleans()) else text[:cut]


@settings(max_examples=400, deadline=None)
@given(messages())
def test_factored_message_test_equals_the_plain_alternation(message):
    assert network_message(message) == (PLAIN.search(message) is not None)


def test_every_phrase_is_found_alone_and_the_near_misses_are_not():
    for piece in PIECES:
        assert network_message(piece) == (PLAIN.search(piece) is not None), piece
    assert network_message("HTTP Error 404")
    assert network_message("HTTPSConnectionPool(host='a.b', port=443)")
    assert not network_message("x503 Server Error")
    assert not network_message("Failed to load")
