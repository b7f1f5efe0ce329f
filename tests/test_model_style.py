"""The model answers the same whichever IPython printed the traceback, and our corpus's own
labelling conventions stay on its source token instead of leaking into the style's words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash.diagnosis import tokens as T
from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.tokens import REAL_TOKEN, style_neutral, tokens
from jupyterlab_nbcrash.diagnosis.traceback import parse
from jupyterlab_nbcrash.training.data import (
    CORPUS_PATH,
    CORPUS_SOURCE,
    Example,
    read_corpus,
    read_examples,
)
from jupyterlab_nbcrash.training.fit import DOMAIN_TOKEN, featurise, fit_pipelines
from jupyterlab_nbcrash.training.ipython8 import as_ipython8

# An IPython 7 traceback as the study's notebooks stored it (ANSI codes left out).
IPYTHON7 = [
    "---------------------------------------------------------------------------",
    "KeyError                                  Traceback (most recent call last)",
    "~/anaconda3/lib/python3.7/site-packages/pandas/core/indexes/base.py in get_loc(self, key)\n"
    "   2897             try:\n"
    "-> 2898                 return self._engine.get_loc(key)\n"
    "   2899             except KeyError:\n",
    "\nDuring handling of the above exception, another exception occurred:\n",
    "KeyError                                  Traceback (most recent call last)",
    "<ipython-input-7-5b2e1c0d9a3f> in <module>\n      1 df = load()\n----> 2 plot_prices(df)\n",
    "<ipython-input-4-0c1d2e3f4a5b> in plot_prices(frame)\n"
    "      3 def plot_prices(frame):\n"
    "----> 4     return frame['price'].plot()\n",
    "~/anaconda3/lib/python3.7/site-packages/pandas/core/frame.py in __getitem__(self, key)\n"
    "   2904             if self.columns.nlevels > 1:\n"
    "-> 2905                 indexer = self.columns.get_loc(key)\n",
    "KeyError: 'price'",
]
RECORD7 = ErrorRecord.from_dict({"ename": "KeyError", "evalue": "'price'", "traceback": IPYTHON7})


def test_as_ipython8_rewrites_the_frame_headers_only():
    record8 = as_ipython8(RECORD7)
    text = "\n".join(record8.traceback)
    assert "Cell In[7], line 2\n      1 df = load()" in text
    assert "Cell In[4], line 4, in plot_prices(frame)" in text
    assert (
        "File ~/anaconda3/lib/python3.7/site-packages/pandas/core/frame.py:2905, "
        "in __getitem__(self, key)" in text
    )
    assert "ipython-input" not in text
    assert text.count("\n") == "\n".join(IPYTHON7).count("\n")  # no line added or lost


def test_as_ipython8_looks_like_what_ipython_8_really_prints():
    """Our corpus was recorded by a real IPython 8: its headers have the same shape."""
    header = re.compile(r"^(?:Cell In\[\d+\], line \d+|File .+:\d+)(?:, in .+)?$")
    real = [
        line
        for ex in read_corpus(keep_code=False)[:200]
        for entry in ex.record.traceback
        for line in re.sub(r"\x1b\[[0-9;]*m", "", entry).split("\n")
        if line.startswith(("Cell In[", "File "))
    ]
    assert len(real) > 100 and all(header.match(line) for line in real)
    ours = [
        line
        for entry in as_ipython8(RECORD7).traceback
        for line in entry.split("\n")
        if line.startswith(("Cell In[", "File "))
    ]
    assert len(ours) == 4 and all(header.match(line) for line in ours)


def test_style_neutral_gives_one_form_for_every_header_style():
    module_level = [
        "<ipython-input-12-17a04c274751> in <module>",
        "Cell In[12], line 1",
        "Input In [12], in <cell line: 1>()",
    ]
    assert {style_neutral(h) for h in module_level} == {"user_cell 12 in <module>"}
    in_function = [
        "<ipython-input-3-ab12> in f(x)",
        "Cell In[3], line 2, in f(x)",
        "Input In [3], in f(x)",
    ]
    assert {style_neutral(h) for h in in_function} == {"user_cell 3 in f(x)"}
    assert style_neutral("/tmp/ipykernel_27/123.py in <module>") == "user_cell in <module>"
    assert (
        style_neutral("File ~/lib/site-packages/a/b.py:20, in g(y)")
        == "~/lib/site-packages/a/b.py in g(y)"
    )
    # A message that happens to start with "File" is left alone.
    assert style_neutral("File data.csv does not exist") == "File data.csv does not exist"


def test_the_same_crash_in_both_styles_gets_the_same_words_and_answer():
    record8 = as_ipython8(RECORD7)

    def words(record):
        return sorted(t for t in tokens(parse(record)) if t.startswith("tb:"))

    assert words(RECORD7) == words(record8)
    a, b = diagnose(RECORD7).to_dict(), diagnose(record8).to_dict()
    for dim in ("crash_type", "root_cause", "stage", "library", "ml_bug"):
        assert a[dim] == b[dim], dim


def test_only_our_corpus_carries_the_domain_token_and_only_root_cause_learns_it():
    assert tokens(parse(RECORD7))[-1] == REAL_TOKEN
    labels = {
        "crash_type": "key_error",
        "root_cause": "data_confusion",
        "stage": "data_preparation",
        "library": "pandas",
        "ml_bug": True,
    }
    examples = [
        Example(str(i), RECORD7, dict(labels, root_cause=cause), source)
        for i, (cause, source) in enumerate(
            [("data_confusion", "study.jsonl"), ("implementation_error", CORPUS_SOURCE)] * 3
        )
    ]
    data = featurise(examples)
    assert [DOMAIN_TOKEN in d for d in data.docs] == [False, True] * 3
    assert [REAL_TOKEN in d for d in data.docs] == [True, False] * 3
    vectorizers, _ = fit_pipelines(data)
    with_source = {dim for dim, v in vectorizers.items() if DOMAIN_TOKEN in v.vocabulary_}
    assert with_source == {"root_cause"}


def test_the_corpus_source_is_not_taken_from_a_file_name(tmp_path):
    """A user's labelled file that happens to be called corpus.jsonl is not our corpus."""
    assert {ex.source for ex in read_corpus(keep_code=False)} == {CORPUS_SOURCE}
    theirs = tmp_path / CORPUS_PATH.name
    theirs.write_text(CORPUS_PATH.read_text(encoding="utf-8").split("\n", 1)[0] + "\n")
    assert [ex.source for ex in read_examples(theirs)] == [str(theirs)]


_KERNEL_PIECES = st.sampled_from(
    ["File ", "File", "/tmp/", "ipykernel_12/3.py", "ipykernel_1\\2.py", "ipykernel_x/3.py",
     "ipykernel_", ":4", ", in <module>", " in <module>", " ", "\n", "\t", "x", ".py", "/", "7"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_KERNEL_PIECES, max_size=14).map("".join))
def test_kernel_file_headers_replaced_line_by_line_as_on_the_whole_text(text):
    """style_neutral substitutes ipykernel file headers only in the lines that name one (the
    pattern is slow on long paths): the same text as the substitution on the whole text."""
    whole = T._KERNEL_FILE.sub(T._user_header, T._USER_HEADER.sub(T._user_header, text))
    assert style_neutral(text) == T._LIBRARY_HEADER.sub(r"\1 in ", whole)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab_1é ,.:'\n\t-ß"), max_size=40))
def test_traceback_words_are_the_bounded_runs(text):
    """``tb:`` words: every run of two or more word characters, as r"\\b\\w\\w+\\b" finds them."""
    assert T._TEXT_WORD.findall(text) == re.findall(r"\b\w\w+\b", text)
