"""The NameError readers that scan a line without compiling the name into a pattern give what
the patterns they replace give (a new name's pattern is a compile of ≈60 µs, and a diagnosis
compiled several): random lines over the characters that matter, Unicode ones included."""

from __future__ import annotations

import random
import re

import pytest

from jupyterlab_nbcrash.diagnosis.name_reads import followers, leads

_PIECES = ["x", "xy", "a1", "_", " ", "\t", "=", ",", ".", "(", "[", "é", "²", "\u00a0", "y", "xx"]


@pytest.mark.parametrize("seed", range(4))
def test_the_readers_agree_with_the_patterns(seed):
    rng = random.Random(seed)
    for _ in range(5_000):
        line = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
        name = rng.choice(["x", "xy", "a1", "xx", "y", "é1"])
        n = re.escape(name)
        uses = {m.group(1) for m in re.finditer(rf"(?<![\w.])(?={n}\s*([(.\[]))", line)}
        assert followers(name, line) == uses, (name, line)
        leading = re.match(rf"\s*(?:[\w, ]+=\s*)?{n}\b", line) is not None
        assert leads(name, line) == leading, (name, line)


@pytest.mark.parametrize(
    ("line", "uses", "leading"),
    [
        ("model.fit(X)", {"."}, True),
        ("y = model (X)[0]", {"("}, True),
        ("print(model)", set(), False),
        (" = model", set(), True),  # the run before `=` may be the leading space itself
        ("a, b = model", set(), True),
        ("my_model.fit(x)", set(), False),
    ],
)
def test_the_readers_on_lines_as_users_write_them(line, uses, leading):
    assert followers("model", line) == uses
    assert leads("model", line) is leading


@pytest.mark.parametrize("seed", range(2))
def test_the_call_assignment_check_holds_wherever_its_pattern_matches(seed):
    # a necessary condition: it may say True where the pattern finds nothing, never the reverse
    from jupyterlab_nbcrash.diagnosis.name_reads import assigns_a_call_of

    rng = random.Random(seed)
    pieces = ["sns", "x", " ", "\t", "=", "==", "(", ".", "histplot", "é"]
    for _ in range(5_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        name = rng.choice(["histplot", "x", "sns"])
        found = re.search(rf"\b([A-Za-z_]\w*)\s*=\s*{re.escape(name)}\s*\(", line)
        assert assigns_a_call_of(line, name) or found is None, (name, line)


@pytest.mark.parametrize("seed", range(2))
def test_the_word_check_agrees_with_its_patterns(seed):
    from jupyterlab_nbcrash.diagnosis.name_reads import has_word

    rng = random.Random(seed)
    for _ in range(5_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 10)))
        name = rng.choice(["x", "xy", "a1", "xx", "y", "é1"])
        n = re.escape(name)
        assert has_word(text, name) == (re.search(rf"\b{n}\b", text) is not None), (name, text)
        attribute_too = re.search(rf"(?<![\w.]){n}\b", text) is not None
        assert has_word(text, name, after_dot=False) == attribute_too, (name, text)
