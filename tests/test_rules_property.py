"""Property: parse + apply_rules + make_hint never raise on arbitrary text and return valid ids."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash import taxonomy
from jupyterlab_nbcrash.diagnosis.hints import make_hint
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.rules import RULES, apply_rules, matching_rules
from jupyterlab_nbcrash.diagnosis.traceback import ParsedError, _parse, parse

# Fragments of real tracebacks, so that random mixes reach the parser's and rules' branches.
FRAGMENTS = [
    "Traceback (most recent call last)",
    "ValueError                                Traceback (most recent call last)",
    "Cell In[3], line 2",
    "Input In [4], in <cell line: 1>()",
    "<ipython-input-5-abc123> in <module>",
    "/tmp/ipykernel_12/345.py in ?()",
    'File "/usr/lib/python3/dist-packages/numpy/core/x.py", line 5, in f',
    "File ~/site-packages/pandas/core/frame.py:4102, in DataFrame.__getitem__(self, key)",
    "C:\\Anaconda3\\lib\\site-packages\\keras\\engine\\training.py in fit(self)",
    "----> 1 df['x']",
    "-> 12     return f(x)",
    "      3 y = 2",
    "\x1b[0;31mKeyError\x1b[0m: 'x'",
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
    "name 'np' is not defined",
    "No module named 'cv2'",
    "shapes (2,3) and (4,5) not aligned",
    "operands could not be broadcast together with shapes (3,) (4,)",
    "Input contains NaN",
    "X has 3 features, but LinearRegression is expecting 2 features as input.",
    "module 'numpy' has no attribute 'float'",
    "'NoneType' object has no attribute 'x'",
    "got an unexpected keyword argument 'lr'",
    "[Errno 2] No such file or directory: 'a.csv'",
    "CUDA out of memory. Tried to allocate 2.00 GiB",
    "\x1b[",
    "['Cell In[1], line 1', 'ValueError: x']",
    "['",
    "(",
    "'",
    "\n",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("\n".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=8).map("".join),
)
enames = st.one_of(
    st.just(""),
    st.sampled_from(["valueerror", "KeyError", "NameError", "error", "x.y.Z", "TypeError"]),
    st.text(max_size=30),
)


def _check_valid(parsed: ParsedError) -> None:
    # Each rule directly: matching_rules' safety net must not be what keeps this test green.
    for rule in RULES:
        rule(parsed)
    matches = matching_rules(parsed)
    best = apply_rules(parsed)
    assert (best is None) == (not matches)
    for m in matches:
        assert m.crash_type in taxonomy.CRASH_TYPES
        assert m.root_cause is None or m.root_cause in taxonomy.ROOT_CAUSES
        assert m.stage is None or m.stage in taxonomy.STAGES
        assert m.library is None or taxonomy.is_valid("library", m.library)
    for crash_type in (best.crash_type if best else None, "other", "key_error"):
        hint, evidence = make_hint(parsed, {"crash_type": crash_type}, matches)
        assert isinstance(hint, str) and hint
        assert all(isinstance(line, str) for line in evidence)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ename=enames, evalue=texts, lines=st.lists(texts, max_size=6), code=st.text(max_size=80))
def test_arbitrary_records_never_raise(ename, evalue, lines, code):
    record = ErrorRecord(ename=ename, evalue=evalue, traceback=tuple(lines), code=code)
    parsed = _parse(record)  # the real path, not parse()'s last-resort fallback
    assert parse(record) == parsed
    assert isinstance(parsed.ename, str) and isinstance(parsed.message, str)
    assert "\x1b" not in parsed.message
    for frame in parsed.frames:
        assert frame.library is None or frame.library.strip() == frame.library != ""
    _check_valid(parsed)
