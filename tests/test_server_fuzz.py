"""Property tests: whatever arrives at the /nbcrash/ routes, the answer is a JSON 2xx/4xx, fast.

Arbitrary JSON, record-shaped JSON with wrong types, control characters, lone surrogates,
invalid UTF-8, deep nesting and bodies at the size limit. Never a 500, never a hang: each request
must finish within ``BOUND`` seconds (issue 7's limit; typical requests take milliseconds, the
benchmarks in benchmarks/ measure the real latency).
"""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BOUND = 1.0  # seconds per request
LIMIT = 1024 * 1024

SETTINGS = settings(
    max_examples=60,
    deadline=None,  # the bound is asserted on the HTTP round trip itself
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

# Any text, including control characters, ANSI escapes and lone surrogates.
any_text = st.text(st.characters(codec=None), max_size=200)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text
)
any_json = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(any_text, children, max_size=5)
    ),
    max_leaves=25,
)


def maybe(strategy):
    return st.one_of(strategy, any_json)


cells = st.fixed_dictionaries(
    {},
    optional={
        "id": maybe(any_text),
        "index": maybe(st.integers(-5, 50)),
        "source": maybe(any_text),
        "execution_count": maybe(st.none() | st.integers(0, 100)),
        "cell_type": maybe(st.sampled_from(["code", "markdown", "raw"])),
    },
)
executions = st.fixed_dictionaries(
    {},
    optional={
        "cell_id": maybe(any_text),
        "execution_count": maybe(st.integers(0, 100)),
        "ok": maybe(st.booleans()),
        "ename": maybe(any_text),
        "evalue": maybe(any_text),
    },
)
notebooks = st.fixed_dictionaries(
    {},
    optional={
        "path": maybe(any_text),
        "cells": maybe(st.lists(maybe(cells), max_size=6)),
        "history": maybe(st.lists(maybe(executions), max_size=6)),
        "previous_history": maybe(st.lists(maybe(executions), max_size=3)),
    },
)
records = st.fixed_dictionaries(
    {},
    optional={
        "ename": maybe(st.sampled_from(["ValueError", "KeyError", "NameError", "nameerror"])),
        "evalue": maybe(any_text),
        "traceback": maybe(st.lists(maybe(any_text), max_size=8)),
        "code": maybe(any_text),
        "cell_id": maybe(any_text),
        "execution_count": maybe(st.integers(-1, 10**12)),
        "notebook": maybe(notebooks),
        "cell_index": maybe(st.integers(-3, 100)),
        "store": maybe(st.booleans()),
    },
)
valid_records = st.fixed_dictionaries(
    {"ename": st.sampled_from(["ValueError", "KeyError", "TypeError", "ModuleNotFoundError"])},
    optional={
        "evalue": any_text,
        "traceback": st.lists(any_text, max_size=6),
        "code": any_text,
        "notebook": st.fixed_dictionaries({"path": any_text}),
    },
)


def _fetch(jp_asyncio_loop, jp_fetch, route, body, method="POST", params=None, bound=BOUND):
    """One request from a sync test (Hypothesis drives it) on the test server's own loop."""
    start = time.perf_counter()
    response = jp_asyncio_loop.run_until_complete(
        jp_fetch(
            "nbcrash",
            route,
            method=method,
            body=body,
            params=params,
            raise_error=False,
            request_timeout=30,
        )
    )
    elapsed = time.perf_counter() - start
    assert response.code < 500, (response.code, response.body[:300])
    assert response.headers["Content-Type"].startswith("application/json")
    answer = json.loads(response.body)
    if response.code >= 400:
        assert isinstance(answer.get("error"), str) and answer["error"], answer
    assert elapsed <= bound, (route, elapsed, len(body or b""))
    return response.code, answer


@pytest.fixture
def warm(jp_asyncio_loop, jp_fetch):
    """The first diagnosis loads the model (on first use, by design): not part of the bound."""
    _fetch(jp_asyncio_loop, jp_fetch, "diagnose", json.dumps({"ename": "ValueError"}), bound=60)


def _encode(value):
    return json.dumps(value, ensure_ascii=True)


@SETTINGS
@given(body=any_json)
def test_diagnose_arbitrary_json(warm, jp_asyncio_loop, jp_fetch, body):
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", _encode(body))
    assert code in (200, 400)


@SETTINGS
@given(body=records)
def test_diagnose_record_shaped_json(warm, jp_asyncio_loop, jp_fetch, body):
    code, answer = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", _encode(body))
    assert code in (200, 400)
    if code == 400:
        assert "'" in answer["error"] or "JSON object" in answer["error"]  # names the field


@SETTINGS
@given(body=valid_records)
def test_diagnose_valid_records_with_any_text(warm, jp_asyncio_loop, jp_fetch, body):
    code, answer = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", _encode(body))
    assert code == 200, answer
    assert answer["crash_type"]


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_diagnose_arbitrary_bytes(warm, jp_asyncio_loop, jp_fetch, raw):
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", raw)
    assert code in (200, 400)


@SETTINGS
@given(
    prefix=st.binary(max_size=20),
    bad=st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"]),
)
def test_diagnose_invalid_utf8(warm, jp_asyncio_loop, jp_fetch, prefix, bad):
    body = b'{"ename": "E", "evalue": "' + prefix.replace(b'"', b"") + bad + b'"}'
    code, answer = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", body)
    if code == 400:
        assert "UTF-8" in answer["error"] or "JSON" in answer["error"]
    else:  # the prefix made it valid after all (e.g. b"\xc3" + ...): then it is diagnosed
        assert code == 200


@SETTINGS
@given(
    depth=st.integers(1, 200_000),
    opener=st.sampled_from([b"[", b'{"a":', b'{"ename": "E", "notebook": {"cells": [']),
)
def test_diagnose_deep_nesting(warm, jp_asyncio_loop, jp_fetch, depth, opener):
    depth = min(depth, (LIMIT - 100) // len(opener))
    body = opener * depth
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", body)
    assert code == 400


@SETTINGS
@given(
    field=st.sampled_from(["evalue", "code", "traceback", "cell_id", "ename", "notebook.path"]),
    char=st.characters(codec=None),
    fraction=st.floats(0.5, 1.2),
)
def test_diagnose_huge_strings_near_the_limit(
    warm, jp_asyncio_loop, jp_fetch, field, char, fraction
):
    """One field filled until the body is around the 1 MB limit, with any character."""
    escaped = len(json.dumps(char, ensure_ascii=True)) - 2
    text = char * int(LIMIT * fraction / escaped)
    record = {"ename": "ValueError", "evalue": "x"}
    if field == "traceback":
        record["traceback"] = [text[i : i + 4096] for i in range(0, len(text), 4096)]
    elif field == "notebook.path":
        record["notebook"] = {"path": text}
    else:
        record[field] = text
    body = _encode(record)
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", body)
    if len(body.encode()) > LIMIT:
        assert code == 413
    else:
        assert code in (200, 400)  # 400: a field over its own length limit


def test_diagnose_at_the_limit_with_a_whole_notebook(warm, jp_asyncio_loop, jp_fetch):
    """The costliest valid body: a 5,000-cell notebook and 10,000 executions of history (the
    record's maxima), close to 1 MB."""
    cells = [
        {"id": f"c{i}", "index": i, "source": f"x{i} = x{i - 1} + 1\nprint(x{i})"}
        for i in range(5000)
    ]
    record = {
        "ename": "NameError",
        "evalue": "name 'x0' is not defined",
        "traceback": ["NameError: name 'x0' is not defined"],
        "code": "print(x0)",
        "notebook": {"cells": cells, "history": []},
    }
    item = len(_encode({"cell_id": "c1234", "execution_count": 12345, "ok": True})) + 2
    room = (LIMIT - len(_encode(record)) - 1000) // item
    record["notebook"]["history"] = [
        {"cell_id": f"c{i % 5000}", "execution_count": i, "ok": True}
        for i in range(min(room, 10_000))
    ]
    body = _encode(record)
    assert LIMIT - 100_000 < len(body) <= LIMIT
    code, answer = _fetch(jp_asyncio_loop, jp_fetch, "diagnose", body)
    assert code == 200, answer


@SETTINGS
@given(
    body=any_json
    | st.fixed_dictionaries(
        {"crash_id": st.integers() | any_json, "correct": st.booleans() | any_json}
    )
)
def test_feedback_arbitrary_json(warm, jp_asyncio_loop, jp_fetch, body):
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "feedback", _encode(body))
    assert code in (200, 400, 404)


label_keys = st.sampled_from(["crash_type", "root_cause", "stage", "library", "ml_bug"]) | any_text
labels = st.dictionaries(label_keys, maybe(st.sampled_from(["key_error", "training"])), max_size=3)


@SETTINGS
@given(
    body=st.fixed_dictionaries(
        {"crash_id": st.integers(0, 3), "correct": st.booleans()},
        optional={"labels": maybe(labels)},
    )
)
def test_feedback_label_shaped_json(warm, jp_asyncio_loop, jp_fetch, body):
    code, _ = _fetch(jp_asyncio_loop, jp_fetch, "feedback", _encode(body))
    assert code in (200, 400, 404)


query_text = st.text(st.characters(codec="utf-8"), max_size=50)


@SETTINGS
@given(
    params=st.dictionaries(
        st.sampled_from(["limit", "crash_type", "stage", "library", "notebook", "other"]),
        query_text,
        max_size=4,
    )
)
def test_crashes_arbitrary_query(warm, jp_asyncio_loop, jp_fetch, params):
    code, answer = _fetch(jp_asyncio_loop, jp_fetch, "crashes", None, method="GET", params=params)
    assert code in (200, 400)
    if code == 200:
        assert isinstance(answer["crashes"], list)
