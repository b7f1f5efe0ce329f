"""Speak-only-when pairs for pandas' aggregation crashes that got the safe hint or quoted a
message whole (crashes written here by hand, in pandas' wording and IPython's layout):

- a GroupBy's "Column not found: First" names the key `First`, never the whole sentence as a
  label;
- `.agg({'col'})` right after `groupby(...)`: the braces make a set, whose strings pandas
  takes as function names; not for a set of function names (`.agg({'mean'})` reads no column),
  nor after a column was picked (`['a'].agg({'a'})`, where a dict of columns is no fix);
- "nested renamer is not supported" on a line that hands `.agg` a dict: named aggregation;
  not on a line without such a dict.
"""

from __future__ import annotations

import re

from jupyterlab_nbcrash.diagnosis.message_words import one_sentence
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions67 import SITE, _crash

GROUPBY = (
    "pandas/core/groupby/generic.py | DataFrameGroupBy.__getitem__ | "
    "return super().__getitem__(key)"
)
BASE = (
    'pandas/core/base.py | SelectionMixin.__getitem__ | raise KeyError(f"Column not found: {key}")'
)
AGG = "pandas/core/groupby/generic.py | DataFrameGroupBy.aggregate | result = op.agg()"
APPLY = (
    "pandas/core/apply.py | Apply.agg_dict_like | return self.agg_or_apply_dict_like(op_name='agg')"
)


def test_a_groupby_column_not_found_names_the_key_not_the_sentence():
    hint = _crash(
        "KeyError",
        "'Column not found: First'",
        "grouped['First'].apply(lambda x: type(x))",
        "grouped['First'].apply(lambda x: type(x))",
        GROUPBY,
        BASE,
    )
    assert "Column not found: First'" not in hint.split("raised KeyError:")[0]
    assert "has no column or label 'Column not found" not in hint


def test_a_set_given_to_agg_after_groupby_is_read_as_function_names():
    line = "df_depart = df_hr.groupby('Department').agg({'promotion_last_5years'})"
    hint = _crash(
        "AttributeError",
        "'SeriesGroupBy' object has no attribute 'promotion_last_5years'",
        line,
        line,
        AGG,
        APPLY,
    )
    assert "is a set" in hint
    assert "`.agg({'promotion_last_5years': 'mean'})`" in hint


def test_a_set_of_function_names_gets_no_set_advice():
    line = "out = df.groupby('g').agg({'mean', 'medain'})"
    hint = _crash(
        "AttributeError", "'SeriesGroupBy' object has no attribute 'medain'", line, line, AGG
    )
    assert "`.agg({'medain': 'mean'})`" not in hint


def test_a_set_after_a_picked_column_gets_no_dict_of_columns():
    line = "out = df.groupby('g')['a'].agg({'a'})"
    hint = _crash("AttributeError", "'SeriesGroupBy' object has no attribute 'a'", line, line, AGG)
    assert "is a set" not in hint


def test_nested_renamer_on_an_agg_dict_gets_named_aggregation():
    line = "stats = prices.groupby('author').agg({'price_mean': 'mean', 'price_min': 'min'})"
    hint = _crash("SpecificationError", "nested renamer is not supported", line, line, AGG, APPLY)
    assert "`.agg(price_mean=('column', 'mean'))`" in hint


def test_nested_renamer_without_an_agg_dict_keeps_the_safe_hint():
    line = "stats = prices.groupby('author')['price'].agg(renames)"
    hint = _crash("SpecificationError", "nested renamer is not supported", line, line, AGG, APPLY)
    assert "named aggregation" not in hint


def _made_elsewhere(line: str) -> str:
    """A KeyError "Column not found: length" on ``line``, in a notebook whose other cell makes
    `messages['length']`."""
    cells = [
        ("import pandas as pd\nmessages = pd.read_csv('spam.csv')", 1, None),
        ("messages['length'] = messages['message'].apply(len)", 2, None),
        (line, 3, None),
    ]
    message = "'Column not found: length'"
    traceback = [
        "-" * 75,
        "KeyError                                 Traceback (most recent call last)",
        f"Cell In[3], line 1\n----> 1 {line}\n",
        f"File {SITE}/pandas/plotting/_core.py:130, in hist_frame\n--> 130 data = data[column]\n",
        f"File {SITE}/pandas/core/base.py:244, in SelectionMixin.__getitem__\n"
        '--> 244 raise KeyError(f"Column not found: {key}")\n',
        f"KeyError: {message}",
    ]
    return notebook_hint("KeyError", message, line, cells, 2, count=3, traceback=traceback)


def test_a_column_made_on_the_frame_this_line_reads_is_that_frames_step():
    hint = _made_elsewhere("messages.hist(column='length', by='label', bins=50)")
    assert "`messages` has no column 'length'" in hint
    assert "run that step before this line" in hint


def test_a_column_made_on_another_frame_keeps_apply_it_to_this_frame():
    hint = _made_elsewhere("test_msgs.hist(column='length', by='label', bins=50)")
    assert "`messages` has no column" not in hint
    assert "run that step before this line" not in hint


# --------------------------------------------- a quoted message of two sentences stays one


def test_a_two_sentence_message_quoted_in_the_safe_hint_keeps_the_hint_at_two():
    line = "model = AutoModelForCausalLM.from_pretrained(name, quantization_config=bnb)"
    hint = _crash(
        "RuntimeError",
        "No GPU found. A GPU is needed for quantization.",
        line,
        line,
        "transformers/quantizers/quantizer_bnb_4bit.py | Bnb4BitHfQuantizer.validate_environment"
        ' | raise RuntimeError("No GPU found. A GPU is needed for quantization.")',
    )
    assert "No GPU found; A GPU is needed for quantization" in hint
    assert len(re.findall(r"[.!?](?= [A-Z])", re.sub(r"`[^`]*`", "x", hint))) == 1, hint


def test_a_two_sentence_syntax_message_is_one_sentence_of_the_hint():
    line = 'print(f"{name age}")'
    hint = _crash(
        "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", line, line
    )
    assert "f-string: invalid syntax; Perhaps you forgot a comma?" in hint


def test_one_sentence_leaves_abbreviations_and_titles():
    assert one_sentence("Text like 'Braund, Mr. Owen' e.g. Mr. Smith. Then more") == (
        "Text like 'Braund, Mr. Owen' e.g. Mr. Smith; Then more"
    )


def test_a_column_and_a_reduction_in_a_set_are_mapped_to_each_other():
    line = "df_cow.groupby('Site').agg({'Date','max'})"
    hint = _crash(
        "AttributeError", "'SeriesGroupBy' object has no attribute 'Date'", line, line, AGG
    )
    assert "`.agg({'Date': 'max'})`" in hint
