"""Key and name hints whose claim was false on crashes nobody tuned on: pandas' own sentence
read as a column, whole numbers asked of named columns (positions meant), two numbers in
single brackets, a `[n]` after a `.str` method, a None a library looked up, a key that may be
data as well as a name; and notebook advice that cannot work (a definer below that needs this
cell, a method pasted out of its class, a name that differs only in case, several definers
above a cell that ran first in a fresh kernel).

Crashes are written here by hand in the libraries' wording and IPython's layout, never copied
from a notebook.
"""

from __future__ import annotations

from tests.test_hints_args import crash, hint
from tests.test_hints_conditions import _ipython7
from tests.test_notebook_saved import run, saved

PD = "/opt/conda/lib/python3.11/site-packages/pandas"
GENSIM = "/opt/conda/lib/python3.11/site-packages/gensim/models"
FOLIUM = "/opt/conda/lib/python3.11/site-packages/folium"


# ------------------------------------------------------------ pandas' own sentence, no label


def test_a_single_bool_row_selector_is_no_missing_column():
    line = "df.loc[(df['city'][0] == 'Lyon'), 'local'] = 1"
    frames = [
        (f"{PD}/core/indexing.py", "__setitem__", "iloc._setitem_with_indexer(indexer, value)"),
        (
            f"{PD}/core/indexing.py",
            "convert_missing_indexer",
            'raise KeyError("cannot use a single bool to index into setitem")',
        ),
    ]
    text = _ipython7("KeyError", "'cannot use a single bool to index into setitem'", line, frames)
    assert "mask" in text and "df.columns" not in text and "spelling" not in text, text


def test_another_pandas_sentence_leaves_the_safe_hint():
    line = "df.loc[rows, 'b'] = 2"
    frames = [(f"{PD}/core/indexing.py", "_validate", 'raise KeyError("some indexer went wrong")')]
    text = _ipython7("KeyError", "'some indexer went wrong'", line, frames)
    assert "no column or label" not in text and "spelling" not in text, text


# ------------------------------------------------------------ numbers asked of named columns


def test_whole_numbers_asked_of_the_columns_mean_positions():
    message = "\"None of [Index([2, 4, -1], dtype='int64')] are in the [columns]\""
    frames = [
        (f"{PD}/core/indexing.py", "__getitem__"),
        (f"{PD}/core/indexing.py", "_getitem_axis"),
    ]
    frames.append((f"{PD}/core/indexing.py", "_validate_read_indexer"))
    text = hint(crash("KeyError", message, "sub = table.loc[:, [2, 4, -1]]", frames))
    assert "`table.iloc[:, [2, 4, -1]]`" in text and "renamed" not in text, text


def test_text_labels_missing_from_the_columns_keep_the_frame_advice():
    message = "\"None of [Index(['a', 'b'], dtype='object')] are in the [columns]\""
    frames = [(f"{PD}/core/frame.py", "__getitem__"), (f"{PD}/core/indexing.py", "_validate")]
    text = hint(crash("KeyError", message, "sub = table[['a', 'b']]", frames))
    assert "iloc" not in text, text


def test_two_numbers_in_single_brackets_may_be_a_position():
    frames = [(f"{PD}/core/frame.py", "__getitem__"), (f"{PD}/core/indexes/base.py", "get_loc")]
    text = hint(crash("KeyError", "(4, 2)", "df[4, 2]", frames))
    assert "`df.iloc[4, 2]`" in text and "df[['a', 'b']]" in text, text


def test_an_index_after_a_str_method_picks_a_row():
    frames = [(f"{PD}/core/series.py", "__getitem__"), (f"{PD}/core/indexes/base.py", "get_loc")]
    line = "df['day'] = df['date'].str.split('-')[-1]"
    text = hint(crash("KeyError", "-1", line, frames))
    assert ".str.split('-').str[-1]" in text and ".reset_index" not in text, text


# ------------------------------------------------------------ keys looked up inside a library


def test_a_none_key_a_library_looked_up_names_no_variable_of_the_user():
    frames = [(f"{FOLIUM}/features.py", "style_data"), (f"{FOLIUM}/utilities.py", "get_by_key")]
    text = hint(crash("KeyError", "None", "m.save('map.html')", frames))
    assert "holds None" not in text, text
    own = hint(crash("KeyError", "None", "value = settings[key]"))
    assert "holds None" in own, own  # the line's own subscript: the user's variable holds None


def test_a_word_a_model_does_not_know_may_be_missing_from_its_data():
    vectors = f"{GENSIM}/keyedvectors.py"
    line = "model.wv.most_similar('overacting')"
    message = "\"Key 'overacting' not present\""
    text = hint(
        crash("KeyError", message, line, [(vectors, "most_similar"), (vectors, "get_index")])
    )
    assert "vocabulary" in text and "documentation" in text, text


# ------------------------------------------------------------ notebook advice that cannot work

NOT_DEFINED_AX = ("NameError", "name 'ax' is not defined")


def test_a_definer_below_that_needs_this_cell_is_not_run_first():
    sources = [
        "import matplotlib.pyplot as plt",
        "values = [1, 2, 3]\nax.plot(values)",
        "fig, ax = plt.subplots()\nax.hist(values)",
    ]
    finding = run(saved(sources, [1, 1, 3], crash=2, error=NOT_DEFINED_AX))
    assert "Run cell 3" not in finding.hint and "define `ax` in this cell" in finding.hint, finding


def test_a_method_pasted_out_of_its_class_is_not_run_first():
    sources = [
        "def loss(self, y, y_hat):\n    return ((y - y_hat) ** 2).mean()",
        "cost = loss(y, y_hat)",
    ]
    error = ("NameError", "name 'loss' is not defined")
    finding = run(saved(sources, [None, 4], crash=2, error=error))
    assert "method" in finding.hint and "Run cell 1" not in finding.hint, finding


def test_a_name_assigned_here_in_another_case_is_a_typo():
    sources = [
        "s = pd.Series([1, 2], index=['a', 'b'])",
        "S = pd.Series([1, 2], index=['d', 'e'])\nvalue = s['e']",
    ]
    error = ("NameError", "name 's' is not defined")
    finding = run(saved(sources, [None, 3], crash=2, error=error))
    assert "`S`" in finding.hint and "Run cell 1" not in finding.hint, finding


def test_a_cell_run_first_in_a_fresh_kernel_asks_for_run_all_above():
    sources = [
        "import numpy as np",
        "import numpy as np\nstart = time.time()",
        "a = np.arange(12)",
    ]
    error = ("NameError", "name 'np' is not defined")
    finding = run(saved(sources, [30, 50, 1], crash=3, error=error))
    assert "Run All Above" in finding.hint and "cells 1 and 2" in finding.hint, finding


def test_code_indented_into_its_own_class_body_runs_before_the_class_exists():
    source = (
        "class Model:\n"
        "    def __init__(self, a=1):\n"
        "        self.a = a\n"
        "\n"
        "    for a in [1, 2]:\n"
        "        m = Model(a=a)"
    )
    error = ("NameError", "name 'Model' is not defined")
    finding = run(saved(["import random", source], [1, 2], crash=2, error=error))
    assert "dedent" in finding.hint and "assigned on line" not in finding.hint, finding


# ------------------------------------------------------------ names, files and installs

SITE = "/opt/conda/lib/python3.11/site-packages"


def _user_hint(ename: str, message: str, line: str, code: str = "", frames=()) -> str:
    return hint(crash(ename, message, line, frames, code=code or line))


def test_a_shell_install_that_gave_no_module_may_have_failed():
    code = "!pip install -q pystan\nimport pystan"
    text = _user_hint("ModuleNotFoundError", "No module named 'pystan'", "import pystan", code)
    assert "failed" in text and "another Python" in text, text


def test_a_subpackage_used_after_a_from_import_is_imported_itself():
    code = "from sklearn import datasets\nprint(sklearn.metrics.f1_score(a, b))"
    line = "print(sklearn.metrics.f1_score(a, b))"
    text = _user_hint("NameError", "name 'sklearn' is not defined", line, code)
    assert "`import sklearn.metrics`" in text, text


def test_an_unquoted_file_name_given_to_a_chart_may_want_its_data():
    line = "sns.kdeplot(sample.csv, fill=True)"
    text = _user_hint("NameError", "name 'sample' is not defined", line)
    assert "'sample.csv'" in text and "read_csv" in text, text
    reader = _user_hint("NameError", "name 'sample' is not defined", "df = pd.read_csv(sample.csv)")
    assert "read_csv('sample.csv')" not in reader and "'sample.csv'" in reader, reader


def test_an_unquoted_path_with_folders_is_a_file_name_too():
    line = "img = Image.open(photos/2024/cat.jpg)"
    text = _user_hint("NameError", "name 'photos' is not defined", line)
    assert "`'photos/2024/cat.jpg'`" in text, text


def test_a_github_tree_address_is_a_web_page():
    url = "https://github.com/a/b/tree/master/data/iris.csv"
    message = "Error tokenizing data. C error: Expected 1 fields in line 29, saw 376\n"
    frames = [(f"{SITE}/pandas/io/parsers/readers.py", "read_csv")]
    frames.append((f"{SITE}/pandas/io/parsers/c_parser_wrapper.py", "read"))
    text = _user_hint("ParserError", message, f"df = pd.read_csv('{url}')", frames=frames)
    assert "raw" in text and "skiprows" not in text, text


def test_a_folder_joined_twice_onto_a_path_is_no_folder_to_create():
    message = "[Errno 2] No such file or directory: '../out/run/../out/run/scores.txt'"
    text = _user_hint("FileNotFoundError", message, "f = open(name, 'w')")
    assert "repeats" in text and "makedirs" not in text, text
    climbing = "[Errno 2] No such file or directory: '../../../../out/scores.txt'"
    assert "repeats" not in _user_hint("FileNotFoundError", climbing, "f = open(name, 'w')")


def test_a_seaborn_frame_made_on_the_line_has_its_own_columns():
    message = (
        "Could not interpret value `Height` for `y`. An entry with this name does not appear "
        "in `data`."
    )
    line = "sns.scatterplot(x='Species', y='Height', data=df.melt(id_vars='Species'))"
    frames = [(f"{SITE}/seaborn/relational.py", "scatterplot")]
    frames.append((f"{SITE}/seaborn/_base.py", "_assign_variables_longform"))
    text = _user_hint("ValueError", message, line, frames=frames)
    assert "`df.melt(…)`" in text and "`df.columns`" not in text, text


def test_a_gpu_kernel_that_failed_to_launch_is_no_matter_of_inputs():
    message = "Blas GEMV launch failed:  m=30, n=398\n\t [[Node: MatMul = MatMul[T=DT_FLOAT]]]"
    frames = [(f"{SITE}/tensorflow/python/client/session.py", "_do_call")]
    text = _user_hint("InternalError", message, "sess.run(step, feed_dict=feed)", frames=frames)
    assert "GPU" in text and "Check the inputs" not in text, text


def test_a_column_a_reassigning_drop_removes_may_never_have_been_there():
    code = "cols = ['a']\ntable = table.drop(columns=['a', 'b'])"
    frames = [(f"{PD}/core/frame.py", "drop"), (f"{PD}/core/indexes/base.py", "drop")]
    message = "\"['a', 'b'] not found in axis\""
    text = _user_hint("KeyError", message, "table = table.drop(columns=['a', 'b'])", code, frames)
    assert "ran before" in text and "`table.columns`" in text, text


def test_a_column_missing_after_a_groupby_mean_may_have_been_left_out():
    frames = [(f"{PD}/core/frame.py", "__getitem__"), (f"{PD}/core/indexes/base.py", "get_loc")]
    line = "pay.groupby('Year').mean()['BasePay']"
    text = _user_hint("KeyError", "'BasePay'", line, frames=frames)
    assert "to_numeric" in text and "misspelt" in text, text
    key = _user_hint("KeyError", "'Year'", "pay.groupby('Year').mean()['Year']", frames=frames)
    assert "as_index=False" in key, key


def test_a_module_the_cell_installs_with_apt_gets_no_pip_command():
    code = "!apt-get install -y fenics\nfrom dolfin import *"
    text = _user_hint(
        "ModuleNotFoundError", "No module named 'dolfin'", "from dolfin import *", code
    )
    assert "system's" in text and "%pip install dolfin" not in text, text
