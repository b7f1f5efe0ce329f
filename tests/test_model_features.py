"""The tokens the model learns from: what they abstract and what they keep."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from jupyterlab_nbcrash.diagnosis.model import library_hint
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.tokens import (
    api_libraries,
    name_shape,
    normalise_message,
    stage_cues,
    subwords,
    tokens,
)
from jupyterlab_nbcrash.diagnosis.traceback import ParsedError, parse


def test_message_specifics_are_abstracted():
    text = normalise_message(
        "shapes (3, 4) and (5,) not aligned: 4 (dim 1) != 5; file '/data/x.csv' column 'price'"
    )
    assert "_shape_" in text and "_num_" in text and "_path_" in text and "_name_" in text
    assert "price" not in text and "/data" not in text


def test_identifier_parts_and_stage_cues():
    assert subwords("plotKMeans_v2") == ["plot", "k", "means", "v"]
    assert stage_cues(["model.fit(X, y)"]) == ["training"]
    assert "data_visualization" in stage_cues(["sns.heatmap(df.corr())"])
    assert set(stage_cues(["import torch"])) == {"environment_setup"}


def test_name_shapes():
    assert "nm:alias" in name_shape("np", "np.mean(x)")
    assert "nm:class" in name_shape("StratifiedKFold", "skf = StratifiedKFold(5)")
    assert "nm:called" in name_shape("plot_curve", "plot_curve(x)")
    assert "nm:data" in name_shape("train_df", "train_df.head()")


def test_tokens_of_a_real_traceback():
    record = ErrorRecord.from_dict(
        {
            "ename": "KeyError",
            "evalue": "'price'",
            "traceback": [
                "Cell In[4], line 2\n      1 df = pd.read_csv('x.csv')\n"
                "----> 2 df['price'].plot()\n",
                "File /site-packages/pandas/core/frame.py:3761, "
                "in DataFrame.__getitem__(self, key)\n",
                "KeyError: 'price'",
            ],
        }
    )
    parsed = parse(record)
    toks = tokens(parsed)
    for expected in ("e:keyerror", "fd:pandas", "u:plot", "s:data_visualization", "w:plot"):
        assert expected in toks, expected
    # identifier parts of all the code shown, as stages: read_csv → data preparation, plot → viz
    assert {"ks:data_preparation", "ks:data_visualization"} <= set(toks)
    assert "r:_none_" in toks  # no rules given
    assert library_hint(parsed) == "pandas"


def test_tokens_tolerate_a_minimal_parsed_error():
    toks = tokens(ParsedError(ename="", message=""))
    assert "e:_none_" in toks and "m:_empty_" in toks


def test_library_hint_is_the_library_the_user_called():
    # seaborn called matplotlib, which raised: the crash is about seaborn's API (the outermost
    # library frame), not about the deepest frame's matplotlib
    record = ErrorRecord.from_dict(
        {
            "ename": "AttributeError",
            "evalue": "Rectangle.set() got an unexpected keyword argument 'colour'",
            "traceback": [
                "Cell In[7], line 1\n----> 1 sns.barplot(x='a', y='b', data=df, colour='red')\n",
                "File /site-packages/seaborn/categorical.py:2341, in barplot(data, x, y)\n",
                "File /site-packages/matplotlib/artist.py:147, in Artist.set(self, **kwargs)\n",
                "AttributeError: Rectangle.set() got an unexpected keyword argument 'colour'",
            ],
        }
    )
    parsed = parse(record)
    assert library_hint(parsed) == "seaborn"
    toks = tokens(parsed)
    assert {"fa:seaborn", "fd:matplotlib"} <= set(toks)
    # without library frames there is no fa: token
    assert not any(t.startswith("fa:") for t in tokens(ParsedError(ename="", message="")))


def test_library_hint_from_the_failing_line_alias():
    parsed = ParsedError(ename="", message="", user_line="sns.barplot(x='a', data=df)")
    assert library_hint(parsed) == "seaborn"


def test_api_libraries_of_the_failing_line():
    # import aliases need a dotted use; names imported in the code shown count as their module
    assert api_libraries("np.linalg.norm()") == ["numpy"]
    assert api_libraries("model = Sequential()", ["from keras.models import Sequential"]) == [
        "tensorflow"
    ]
    # an object built by a library call in the code shown: clf.score is scikit-learn's
    code = ["from sklearn.svm import LinearSVC", "clf = LinearSVC()", "clf.fit(X, y)"]
    assert api_libraries("print(clf.score(X_test))", code) == ["sklearn"]
    assert api_libraries("centroids = nnc.cluster_centers", ["nnc = NearestNeighbors(3)"]) == [
        "sklearn"
    ]
    # a well-known name only when called: a bare `tensor` or `F` is the user's variable
    assert api_libraries("out = RandomForestClassifier(n_estimators=10)") == ["sklearn"]
    assert api_libraries("print(tensor + F)") == []
    assert api_libraries("") == []


def test_api_cue_tokens_and_library_hint_without_a_library_frame():
    record = ErrorRecord.from_dict(
        {
            "ename": "TypeError",
            "evalue": "score() missing 1 required positional argument: 'y'",
            "traceback": [
                "<ipython-input-7-0a1b2c3d4e5f> in <module>()\n"
                "      1 clf = LogisticRegression()\n"
                "----> 2 print(clf.score(X_test))\n",
                "TypeError: score() missing 1 required positional argument: 'y'",
            ],
        }
    )
    parsed = parse(record)
    assert parsed.library is None
    toks = tokens(parsed)
    assert "al:sklearn" in toks and "aln:sklearn" in toks
    assert library_hint(parsed) == "sklearn"


def test_each_dimension_learns_from_its_own_token_groups():
    from jupyterlab_nbcrash.training.fit import Params, token_filter

    doc = ["e:keyerror", "m:_name_", "r:keys.missing", "u:df", "k:price", "w:plot", "tb:price"]
    # the crash type is a property of the error: none of the user's code
    assert token_filter("crash_type", Params())(doc) == ["e:keyerror", "m:_name_", "r:keys.missing"]
    assert token_filter("root_cause", Params())(doc) == ["r:keys.missing", "tb:price"]
    # the library: not the user's own identifiers (``u``, ``k``), but its calls and API cues
    lib_doc = ["u:df", "uc:read_csv", "ul:pandas", "al:pandas", "k:price", "ks:training"]
    assert token_filter("library", Params())(lib_doc) == ["uc:read_csv", "ul:pandas", "al:pandas"]


def test_corpus_weight_per_dimension():
    from jupyterlab_nbcrash.training.data import Example
    from jupyterlab_nbcrash.training.fit import Featurised, Params, weights

    examples = [
        Example(id="a", record=None, labels={}, source="corpus.jsonl"),
        Example(id="b", record=None, labels={}, source="study.jsonl"),
    ]
    data = Featurised(examples, [[], []], [None, None])
    params = Params(corpus_weight=1.0, corpus_weights={"root_cause": 0.3})
    assert list(weights(data, params, "root_cause")) == [0.3, 1.0]
    assert list(weights(data, params, "stage")) == [1.0, 1.0]


def test_corpus_name_errors_do_not_teach_the_root_cause():
    from jupyterlab_nbcrash.training.data import CORPUS_SOURCE, Example
    from jupyterlab_nbcrash.training.fit import Featurised, Params, weights

    def ex(ename, source):
        return Example("x", ErrorRecord(ename=ename, evalue="e"), {}, source)

    examples = [
        ex("NameError", CORPUS_SOURCE),
        ex("KeyError", CORPUS_SOURCE),
        ex("NameError", "study.jsonl"),
    ]
    data = Featurised(examples, [[]] * 3, [None] * 3)
    corpus = Params().corpus_weights["root_cause"]
    assert corpus > 0  # our corpus's other cases do teach it
    assert list(weights(data, Params(), "root_cause")) == [0.0, corpus, 1.0]
    # the other dimensions still learn from them
    assert list(weights(data, Params(), "crash_type")) == [1.0, 1.0, 1.0]
    assert list(weights(data, Params(corpus_context_enames=()), "root_cause")) == [
        corpus,
        corpus,
        1.0,
    ]


def test_tokens_are_the_same_with_a_cold_or_a_warm_identifier_cache():
    """The identifier parts are cached across crashes (``_ident_cues``): a crash's tokens are the
    same whether it comes first, or after other crashes filled the cache."""
    from jupyterlab_nbcrash.diagnosis import tokens as T
    from jupyterlab_nbcrash.training.data import read_corpus

    crashes = [parse(case.record) for case in read_corpus()[:60]]
    cold = []
    for parsed in crashes:
        T._ident_cues.cache_clear()
        cold.append(tokens(parsed))
    assert T._ident_cues.cache_info().currsize > 0
    assert [tokens(parsed) for parsed in crashes] == cold  # warm: every part from the cache
    assert T._ident_cues.cache_info().hits > 0
    assert T._ident_cues("plotKMeans_v2") == (
        ("plot", "data_visualization"), ("k", ""), ("means", ""), ("v", "")
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(["df", "a(a", "x.y", "np", "a", "foo bar", "K"]),
    line=st.lists(
        st.sampled_from(["df", "a(a", "x.y", "np", "a", "(", ".", "[", " ", "=", "_", "b", "é"]),
        max_size=12,
    ).map("".join),
)
def test_name_shape_reads_the_uses_as_one_search_a_kind_did(name, line):
    """One pattern for what follows a missing name's uses: the tokens that a search for each
    kind of use (``name(``, ``name.``, ``name[``) gave, overlapping uses included."""
    kinds = {"nm:called": r"\(", "nm:dotted": r"\.", "nm:indexed": r"\["}
    expected = {
        token
        for token, char in kinds.items()
        if re.search(rf"(?<![\w.]){re.escape(name)}\s*{char}", line)
    }
    got = set(name_shape(name, line)) & set(kinds)
    assert got == expected
