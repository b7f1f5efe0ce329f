"""Speak-only-when pairs for library-call and message templates that said something false on a
crash their conditions let through (crashes written here by hand, in the libraries' wording).

- `drop(['HI'])` of a text the notebook only writes into a column: no axis advice.
- `for i word df['x']:` has its colon: the `in` is what is missing.
- A catch-all `except:` whose `raise` formats the value it failed on: the message tells its cause.
- pandas' "Could not convert … to numeric" cut in its middle is still that message.
- `set_index('Date')` below the failing line, or in a comment, made no index yet.
- `fit(X[j], y[j])` in a loop: no `.iloc[j]` (one row is no data to fit).
- `df.apply(f)` and "you must pass an index": `apply` takes none; what `f` returns is to change.
- `sorted(df, key=lambda x: x.index)`: the items are column names, whose `.index` is a method.
- `mosaicml.constants`: no "did you mean `composer`" for a package that is `mosaicml` itself.
- `Chem.rdMolDescriptors` that the notebook imports elsewhere: a submodule not yet imported.
- An Embedding of a table's category codes: no text vocabulary or `num_words`.
- `calendar.day_name(...)`: the standard module's own value, which no assignment replaced.
- A 404 for a file of a Hugging Face repository: the user's repository and file name.
"""

from __future__ import annotations

from tests.test_hints_conditions40 import _crash, _syntax, diagnosed

SITE = "/usr/local/lib/python3.10/dist-packages"
PANDAS = f"{SITE}/pandas/core"


def _at(ename: str, message: str, code: str, number: int, frames=(), cells=()) -> str:
    """The hint for a crash on line ``number`` of ``code``; ``frames`` are (file, function,
    lines shown, the last one failing) below it, ``cells`` the notebook's other code cells."""
    lines = code.splitlines()
    tb = ["-" * 75, f"{ename}                                 Traceback (most recent call last)"]
    tb.append(f"Cell In[5], line {number}\n----> {number} {lines[number - 1]}\n")
    for path, function, shown in frames:
        *before, last = shown
        context = "".join(f"     {38 + i} {text}\n" for i, text in enumerate(before))
        tb.append(f"File {path}:40, in {function}()\n{context}---> 40 {last}\n")
    tb.append(f"{ename}: {message}")
    return diagnosed(ename, message, tb, code, cells)


# ------------------------------------------------------------ drop of a value written in a cell

_DROP = [
    (f"{PANDAS}/frame.py", "DataFrame.drop", ["return super().drop("]),
    (f"{PANDAS}/indexes/base.py", "Index.drop", ['raise KeyError(f"{labels} not found in axis")']),
]


def test_a_text_written_into_a_column_is_no_label_to_drop():
    cells = ("people = pd.read_csv('people.csv')", "people.loc[4, 'city'] = 'Oslo'")
    code = "people.drop(['Oslo'], inplace=True)"
    text = _at("KeyError", "\"['Oslo'] not found in axis\"", code, 1, _DROP, cells)
    assert "writes into the column 'city'" in text and "columns=" not in text, text
    assert "people[people['city'] != 'Oslo']" in text, text


def test_a_text_also_read_as_a_key_keeps_the_axis_hint():
    cells = ("people.loc[4, 'city'] = 'Oslo'", "people['Oslo'] = people['city'] == 'Oslo'")
    code = "people.drop(['Oslo'], inplace=True)"
    text = _at("KeyError", "\"['Oslo'] not found in axis\"", code, 1, _DROP, cells)
    assert "columns=" in text and "writes into the column" not in text, text


# ------------------------------------------------------------ a `for` line without its `in`


def test_a_for_line_with_its_colon_lacks_its_in():
    text = _syntax("for w wordsin lines:\n    print(w)", 1, "invalid syntax")
    assert "has no `in`" in text and "end it with a colon" not in text, text


def test_a_for_line_without_its_colon_is_unfinished():
    text = _syntax("for n, row\n    print(n)", 1, "invalid syntax")
    assert "is unfinished" in text, text


# ------------------------------------------------------------ a catch-all whose message shows why

_CATCH = f"{SITE}/lifelines/utils/__init__.py"


def test_a_raise_that_formats_the_value_it_failed_on_is_no_hidden_cause():
    shown = ["try:", "    x = float(x)", "except Exception:", "    raise ValueError('Bad %s' % x)"]
    frames = [(_CATCH, "check_values", shown)]
    text = _at("ValueError", "Bad value 3,5", "fitter.fit(df, 'T')", 1, frames)
    assert "the real fault may be another one" not in text, text


def test_a_raise_with_a_fixed_message_under_a_catch_all_may_hide_its_cause():
    shown = ["try:", "    check(df)", "except:", "    raise TypeError('Values must be numeric')"]
    frames = [(_CATCH, "check_values", shown)]
    text = _at("TypeError", "Values must be numeric", "fitter.fit(df, 'T')", 1, frames)
    assert "the real fault may be another one" in text, text


def test_a_long_could_not_convert_message_cut_in_its_middle_is_still_read():
    message = "Could not convert " + "96.195.0" * 600 + " to numeric"
    frames = [(f"{PANDAS}/nanops.py", "_ensure_numeric", ["raise TypeError(msg)"])]
    code = "sns.regplot(x='score', y='income', data=unis)"
    text = _at("TypeError", message, code, 1, frames)
    assert "numbers written as text" in text and "pd.to_numeric" in text, text
    # words, not numbers: categories to map
    words = "Could not convert " + "yesnoyes" * 600 + " to numeric"
    text = _at("TypeError", words, code, 1, frames)
    assert "holds text" in text and "numbers written as text" not in text, text


# ------------------------------------------------------------ an index made below the failing line

_GETATTR = [
    (f"{PANDAS}/generic.py", "NDFrame.__getattr__", ["return object.__getattribute__(self, name)"])
]
_NO_DATE = "'DataFrame' object has no attribute 'Date'"


def test_a_set_index_below_the_failing_line_has_not_run_yet():
    code = "df.Date = pd.to_datetime(df.Date)\ndf.set_index('Date', inplace=True)"
    text = _at("AttributeError", _NO_DATE, code, 1, _GETATTR)
    assert "makes `Date` the index" not in text, text


def test_a_commented_set_index_made_no_index():
    cells = ("#df.set_index('Date', inplace=True)",)
    text = _at("AttributeError", _NO_DATE, "df.Date.dt.year", 1, _GETATTR, cells)
    assert "makes `Date` the index" not in text, text


def test_a_set_index_of_another_cell_may_have_made_the_index():
    cells = ("df.set_index('Date', inplace=True)",)
    text = _at("AttributeError", _NO_DATE, "df.Date.dt.year", 1, _GETATTR, cells)
    assert "makes `Date` the index" in text, text


# ------------------------------------------------------------ a counter that picks data to fit

_FRAME_KEY = [
    (f"{PANDAS}/frame.py", "DataFrame.__getitem__", ["indexer = self.columns.get_loc(key)"]),
    (f"{PANDAS}/indexes/base.py", "Index.get_loc", ["raise KeyError(key) from err"]),
]


def test_a_split_the_cell_made_holds_the_parts_to_fit():
    code = (
        "X_parts = np.array_split(X, 4)\ny_parts = np.array_split(y, 4)\n"
        "for j in range(4):\n    lr.fit(X[j], y[j])"
    )
    text = _at("KeyError", "0", code, 4, _FRAME_KEY)
    assert "`X_parts[j]` and `y_parts[j]`" in text and ".iloc" not in text, text


def test_one_row_is_no_data_to_fit():
    code = "for j in range(4):\n    lr.fit(X[j], y[j])"
    text = _at("KeyError", "0", code, 2, _FRAME_KEY)
    assert "not one row" in text and ".iloc" not in text, text


def test_a_row_printed_by_position_keeps_the_iloc_hint():
    code = "for i in range(3):\n    print(ytest[i])"
    text = _at("KeyError", "0", code, 2, _FRAME_KEY)
    assert ".iloc[i]" in text, text


# ------------------------------------------------------------ apply of a function of tables

_APPLY = [
    (f"{PANDAS}/frame.py", "DataFrame.apply", ["return op.apply()"]),
    (f"{PANDAS}/apply.py", "FrameApply.wrap_results", ["return self.wrap_results_for_axis()"]),
    (f"{PANDAS}/frame.py", "DataFrame.__init__", ["mgr = dict_to_mgr(data, index, columns)"]),
    (
        f"{PANDAS}/internals/construction.py",
        "_extract_index",
        ['raise ValueError("If using all scalar values, you must pass an index")'],
    ),
]
_SCALARS = "If using all scalar values, you must pass an index"


def test_apply_takes_no_index_what_the_function_returns_is_to_change():
    text = _at("ValueError", _SCALARS, "df.apply(stats)", 1, _APPLY)
    assert "make `stats` return a `pd.Series`" in text, text
    assert "Do what the message says" not in text, text


def test_a_frame_built_of_single_values_is_told_the_message():
    frames = _APPLY[2:]
    text = _at("ValueError", _SCALARS, "pd.DataFrame({'a': 1, 'b': 2})", 1, frames)
    assert "return a `pd.Series`" not in text, text


# ------------------------------------------------------------ a sort key of pandas words on text

_METHODS = (
    "'<' not supported between instances of 'builtin_function_or_method' and "
    "'builtin_function_or_method'"
)


def test_a_key_reading_index_of_plain_items_points_to_sort_index():
    text = _crash("TypeError", _METHODS, "sorted(frame, key=lambda x: x.index)")
    assert ".sort_index()" in text and "call the method" not in text, text
    # a method of another name, on items of a class of the user's: the key is to return a value
    other = "'<' not supported between instances of 'method' and 'method'"
    text = _crash("TypeError", other, "sorted(people, key=lambda p: p.age)")
    assert "make it return a value" in text, text


# ------------------------------------------------------------ a package under a mapped name


def test_submodules_of_the_written_name_are_no_typo_of_the_mapped_one():
    code = "from mosaicml import *\nfrom mosaicml.constants import MLModelFlavours"
    text = _at("ModuleNotFoundError", "No module named 'mosaicml'", code, 1)
    assert "did you mean `composer`" not in text, text
    assert "installs `composer`" in text and "`mosaicml.constants`" in text, text


# ------------------------------------------------------------ a submodule imported elsewhere

_NO_SUB = "module 'rdkit.Chem' has no attribute 'rdMolDescriptors'"
_SUB_LINE = "df['hba'] = df['mol'].apply(Chem.rdMolDescriptors.CalcNumHBA)"


def test_a_submodule_the_notebook_imports_elsewhere_is_not_loaded_yet():
    cells = ("from rdkit import Chem", "from rdkit.Chem import rdMolDescriptors")
    text = _at("AttributeError", _NO_SUB, _SUB_LINE, 1, cells=cells)
    assert "is a submodule" in text and "another library" not in text, text


def test_an_import_line_that_is_no_python_loads_no_submodule():
    cells = ("from rdkit import Chem", "from rdkit.Chem import rdMolDescriptors.Lipinski")
    text = _at("AttributeError", _NO_SUB, _SUB_LINE, 1, cells=cells)
    assert "is a submodule" not in text, text


# ------------------------------------------------------------ an Embedding of category codes

_GATHER = "indices[12,0] = 3 is not in [0, 3)\n\t [[{{node model/emb_city/embedding_lookup}}]]"
_PREDICT = [(f"{SITE}/tensorflow/python/keras/engine/training.py", "predict", ["return f(x)"])]


def test_category_codes_are_no_text_tokens():
    cells = (
        "for feat in sparse:\n    data[feat] = LabelEncoder().fit_transform(data[feat])",
        "model.fit(train_input, y, epochs=3)",
    )
    text = _at("InvalidArgumentError", _GATHER, "model.predict(test_input)", 1, _PREDICT, cells)
    assert "num_words" not in text and "one encoder" in text, text


def test_token_ids_of_a_tokenizer_keep_the_text_hint():
    cells = ("tok = Tokenizer(num_words=3)\ntok.fit_on_texts(texts)", "model.fit(seq, y)")
    text = _at("InvalidArgumentError", _GATHER, "model.predict(test_seq)", 1, _PREDICT, cells)
    assert "num_words" in text, text


# ------------------------------------------------------------ a standard module's own value


def test_a_standard_modules_value_is_no_replaced_function():
    code = "import calendar as cd\nname = cd.day_name(3)"
    text = _at("TypeError", "'_localized_day' object is not callable", code, 2)
    assert "standard module `calendar`" in text and "assignment" not in text, text


def test_another_librarys_value_keeps_both_readings():
    code = "import numpy as np\nr = np.pi(2)"
    text = _at("TypeError", "'float' object is not callable", code, 2)
    assert "standard module" not in text, text


# ------------------------------------------------------------ a missing file of a Hub repository

_HUB = f"{SITE}/huggingface_hub/file_download.py"


def test_a_hub_404_names_the_users_repository_and_file():
    message = (
        "404 Client Error. (Request ID: Root=1-6a)\n\nEntry Not Found for url: "
        "https://huggingface.co/ana/churn-model/resolve/main/model.pkl."
    )
    frames = [(_HUB, "hf_hub_download", ["return _hf_hub_download_to_cache_dir("])]
    code = "path = hf_hub_download(repo_id='ana/churn-model', filename='model.pkl')"
    text = _at("RemoteEntryNotFoundError", message, code, 1, frames)
    assert "`ana/churn-model` has no file `model.pkl`" in text, text
    assert "library's code" not in text, text


def test_an_address_built_from_the_users_file_name_is_not_the_librarys():
    message = "HTTP Error 404: Not Found for url: https://data.example.org/sets/sales_2020.csv"
    frames = [(f"{SITE}/dataloader/fetch.py", "download_file", ["raise HTTPError(url)"])]
    code = "fetch.download_file('sales_2020.csv')"
    text = _at("HTTPError", message, code, 1, frames)
    assert "library's code" not in text, text


def test_an_address_of_the_librarys_own_keeps_the_library_hint():
    message = "HTTP Error 404: Not Found for url: https://data.example.org/sets/iris.csv"
    frames = [(f"{SITE}/dataloader/fetch.py", "download_file", ["raise HTTPError(url)"])]
    text = _at("HTTPError", message, "fetch.load_iris()", 1, frames)
    assert "library's code" in text, text
