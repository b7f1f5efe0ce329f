"""The tokens the model learns from: what they abstract and what they keep."""

from __future__ import annotations

from types import SimpleNamespace

from jupyterlab_nbcrash.diagnosis.features import (
    name_shape,
    normalise_message,
    stage_cues,
    subwords,
    tokens,
)
from jupyterlab_nbcrash.diagnosis.model import library_hint
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse


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
    assert "r:_none_" in toks  # no rules given
    assert library_hint(parsed) == "pandas"


def test_tokens_tolerate_a_minimal_parsed_error():
    toks = tokens(SimpleNamespace(ename="", message=""))
    assert "e:_none_" in toks and "m:_empty_" in toks


def test_library_hint_from_the_failing_line_alias():
    parsed = SimpleNamespace(library=None, user_line="sns.barplot(x='a', data=df)")
    assert library_hint(parsed) == "seaborn"
