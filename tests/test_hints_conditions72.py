"""Templates speak only where their conditions hold (issue 12, wave 13k: keys, files, requests
and other families): each test pairs a crash where a template must speak with one where it must
not, or where another, truer one speaks.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions67 import SITE, _crash

# ----------------------------------------------- 1. a database host that is no host name at all

GAI = ("gaierror", "[Errno -2] Name or service not known")


def _mysql_unreached(host: str) -> str:
    message = (
        f"(pymysql.err.OperationalError) (2003, \"Can't connect to MySQL server on '{host}' "
        '([Errno -2] Name or service not known)")'
    )
    line = "df = pd.read_sql('SELECT * FROM sales', engine)"
    frames = [(f"{SITE}/pymysql/connections.py", "connect")]
    return hint(crash("OperationalError", message, line, frames, chain=[GAI]))


def test_a_host_holding_an_at_sign_is_a_malformed_connection_url():
    text = _mysql_unreached("p4ss@localhost")
    assert "`p4ss@localhost` is no host name" in text and "quote_plus" in text, text
    assert "internet" not in text and "Kaggle" not in text, text


def test_a_well_formed_host_that_does_not_resolve_keeps_the_network_hint():
    text = _mysql_unreached("db.example.org")
    assert "no host name" not in text and "could not be resolved" in text, text


# ---------------------------------------------------- 2. HTTP 403 with a User-Agent already sent

FORBIDDEN = "HTTP Error 403: Forbidden"
URLLIB = [(f"{SITE}/urllib/request.py", "http_error_default")]


def _forbidden(code: str, line: str) -> str:
    return hint(crash("HTTPError", FORBIDDEN, line, URLLIB, code=code))


def test_a_403_through_an_opener_that_sends_a_user_agent_does_not_ask_for_one():
    code = (
        "opener = urllib.request.build_opener()\n"
        "opener.addheaders = [('User-agent', 'Mozilla/5.0')]\n"
        "urllib.request.install_opener(opener)\n"
        "urllib.request.urlretrieve(url, 'img.png')"
    )
    text = _forbidden(code, "urllib.request.urlretrieve(url, 'img.png')")
    assert "already sends a `User-Agent`" in text, text
    assert "send a browser" not in text, text


def test_a_403_with_a_headers_dict_of_the_cell_holding_a_user_agent():
    code = (
        "h = {'User-Agent': 'Mozilla/5.0'}\nr = requests.get(url, headers=h)\nr.raise_for_status()"
    )
    text = _forbidden(code, "r = requests.get(url, headers=h)")
    assert "already sends a `User-Agent`" in text, text


def test_a_403_of_a_request_without_the_header_another_one_sends_still_asks_for_it():
    # another request of the cell sends the header; the failing one does not
    code = (
        "req = urllib.request.Request(url, headers={'User-Agent': 'Mozilla/5.0'})\n"
        "page = urllib.request.urlopen(other_url).read()"
    )
    text = _forbidden(code, "page = urllib.request.urlopen(other_url).read()")
    assert "send a browser `User-Agent`" in text and "already sends" not in text, text


# ------------------------------------------- 3. a control character printed inside a missing path


def test_a_carriage_return_in_a_bare_printed_path_is_a_backslash_escape():
    # pandas < 0.24 printed the path with `%s`: the `\r` of 'C:\data\results.csv' is a real one
    message = "File C:\\data\\sales\results.csv does not exist"
    line = "df = pd.read_csv('C:\\data\\sales\\results.csv')"
    text = hint(
        crash("FileNotFoundError", message, line, [(f"{SITE}/pandas/io/parsers.py", "_read")])
    )
    assert "`\\r`" in text and "raw string" in text, text
    assert "sales\\results.csv" in text, text  # shown as typed, not with the character
    assert "getcwd" not in text, text


def test_a_bare_printed_path_without_a_control_character_gets_no_escape_advice():
    message = "File C:\\data\\sales\\totals.csv does not exist"
    line = "df = pd.read_csv('C:\\data\\sales\\totals.csv')"
    text = hint(
        crash("FileNotFoundError", message, line, [(f"{SITE}/pandas/io/parsers.py", "_read")])
    )
    assert "escape" not in text, text


# ------------------------------------------------ 4. a CSV downloaded from GitHub's /blob/ page

TOKENIZING = "Error tokenizing data. C error: Expected 1 fields in line 31, saw 3\n"
READ = "sales = pd.read_csv('sales.csv')"
PANDAS_READ = f"File {SITE}/pandas/io/parsers/readers.py:912, in read_csv(filepath_or_buffer)\n"


def _read_after(fetch: str) -> str:
    cells = [(fetch, 1, None), (f"import pandas as pd\n{READ}", 2, None)]
    traceback = [
        "-" * 75,
        "ParserError                               Traceback (most recent call last)",
        f"Cell In[2], line 2\n      1 import pandas as pd\n----> 2 {READ}\n",
        PANDAS_READ,
        f"ParserError: {TOKENIZING}",
    ]
    return notebook_hint("ParserError", TOKENIZING, READ, cells, 1, count=2, traceback=traceback)


def test_a_file_another_cell_downloads_from_githubs_blob_page_is_that_html_page():
    text = _read_after("!wget https://github.com/ana/shop/blob/main/data/sales.csv")
    assert "GitHub's web page" in text and "raw.githubusercontent.com" in text, text
    assert "skiprows" not in text, text


@pytest.mark.parametrize(
    "fetch",
    [
        "!wget https://github.com/ana/shop/blob/main/data/sales.csv?raw=true",  # the file itself
        "!wget https://github.com/ana/shop/blob/main/data/stores.csv",  # another file's page
    ],
)
def test_no_github_page_of_the_file_read_gets_no_github_page_hint(fetch):
    assert "GitHub" not in _read_after(fetch)


# ------------------------------------------------------------ 5. a path typed at an input() prompt

PROMPTED = "name = input('File to score: ')\nscore_file(name)"


def _typed(answer: str, code: str = PROMPTED, line: str = "score_file(name)") -> str:
    message = f"[Errno 2] No such file or directory: '{answer}'"
    traceback = [
        "-" * 75,
        "FileNotFoundError                         Traceback (most recent call last)",
        f"Cell In[4], line 2\n      1 name = input('File to score: ')\n----> 2 {line}\n",
        "Cell In[3], line 2, in score_file(path)\n      1 def score_file(path):\n"
        "----> 2     with open(path) as f:\n",
        f"FileNotFoundError: {message}",
    ]
    record = {"ename": "FileNotFoundError", "evalue": message, "traceback": traceback, "code": code}
    return diagnose(ErrorRecord.from_dict(record)).hint


def test_text_typed_at_an_input_prompt_and_opened_as_a_path_is_told_so():
    text = _typed("the food was great")
    assert "typed at the `input()` prompt (`name`)" in text, text
    assert "getcwd" not in text, text


def test_a_path_built_from_the_answer_is_not_told_as_typed():
    code = "name = input('File to score: ')\nscore_file('data/' + name)"
    text = _typed("data/q1.txt", code, "score_file('data/' + name)")
    assert "input()" not in text, text


# ------------------------------------------------- 6. Series.hist's first argument is `by`

HIST = [
    f"{SITE}/pandas/plotting/_core.py | hist_series | return plot_backend.hist_series(",
    f"{SITE}/pandas/core/groupby/grouper.py | get_grouper | raise KeyError(gpr)",
]


def test_a_column_name_given_to_a_series_hist_is_its_by_argument():
    text = _crash("KeyError", "'Fare'", "fares.hist('Fare')", "fares.hist('Fare')", *HIST)
    assert "`fares` is a Series" in text and "`by`" in text and "`fares.hist()`" in text, text
    assert "print `df.columns`" not in text, text


def test_a_dataframe_hist_with_a_missing_column_keeps_the_column_hint():
    frame = [f"{SITE}/pandas/plotting/_core.py | hist_frame | return plot_backend.hist_frame("]
    text = _crash("KeyError", "'Fare'", "df.hist('Fare')", "df.hist('Fare')", *frame)
    assert "`by`" not in text, text


# ------------------------------------------- 7. a drop statement over lines is the failing one

DROP = (
    "frame = pd.read_csv('stores.csv')\n"
    "slim = frame.drop(['Kind', 'Size',\n"
    "                   'Region'], axis=1)"
)
DROP_FRAMES = (f"{SITE}/pandas/core/frame.py | drop | return super().drop(",)


def test_a_drop_whose_statement_ends_on_the_failing_line_is_no_earlier_removal():
    line = "                   'Region'], axis=1)"
    message = "\"['Kind' 'Size' 'Region'] not found in axis\""
    text = _crash("KeyError", message, DROP, line, *DROP_FRAMES)
    assert "before the failing line" not in text, text
    assert "`frame.columns`" in text, text


def test_a_drop_on_a_line_above_the_failing_statement_is_still_told():
    code = "frame = frame.drop(['Kind'], axis=1)\ntotal = frame['Kind'].sum()"
    text = _crash("KeyError", "'Kind'", code, "total = frame['Kind'].sum()", DROP_FRAMES[0])
    assert "Line 1 of this cell" in text and "before the failing line" in text, text


# ----------------------------------------------- 8. a Series the notebook builds as one

SERIES_GET = f"{SITE}/pandas/core/series.py | __getitem__ | return self._get_value(key)"
INDEX_GET = f"{SITE}/pandas/core/indexes/base.py | get_loc | raise KeyError(key) from err"


def test_a_series_built_as_one_is_not_told_to_come_from_a_dataframe():
    code = "prices = pd.Series([3, 5, 8], index=['x', 'y', 'z'])\nprices['w']"
    text = _crash("KeyError", "'w'", code, "prices['w']", SERIES_GET, INDEX_GET)
    assert "a Series the notebook builds" in text and "prices.get('w')" in text, text
    assert "not a DataFrame" not in text, text


@pytest.mark.parametrize("made", ["", "weights = pd.Series([61, 72])\n"])
def test_a_series_picked_from_a_frame_keeps_the_series_not_frame_hint(made):
    # a Series built earlier and then replaced by a frame's column came from that frame
    code = f"{made}weights = people['weight']\nweights['Poids']"
    text = _crash("KeyError", "'Poids'", code, "weights['Poids']", SERIES_GET, INDEX_GET)
    assert "is a Series here, not a DataFrame" in text, text


# ------------------------------------------------------------- 9. R's errors through `%%R`


def _r_cell(r_code: str, r_error: str) -> str:
    escaped = r_code.replace("\n", "\\n")
    line = f"get_ipython().run_cell_magic('R', '', '{escaped}')"
    message = f"Failed to parse and evaluate line '{escaped}'.\nR error message: '{r_error}'"
    frames = [(f"{SITE}/rpy2/ipython/rmagic.py", "R")]
    chain = [("RRuntimeError", r_error)]
    return hint(
        crash("RInterpreterError", message, line, frames, code=f"%%R\n{r_code}", chain=chain)
    )


def test_a_package_r_lacks_is_installed_with_r():
    error = "Error in loadNamespace(x) : there is no package called ‘glmnet’"
    text = _r_cell("library(glmnet)\nfit <- glmnet(X, y)", error)
    assert "install.packages('glmnet')" in text, text
    assert "Check the inputs" not in text, text


def test_rows_bound_from_samples_of_a_table_are_told_to_sample_rows():
    error = (
        "Error in rbindlist(l, use.names, fill, idcol) : \n  Column 1 ['b'] of item 2 is missing "
        "in item 1. Use fill=TRUE to fill with NA (NULL for list columns), or use.names=FALSE to "
        "ignore column names."
    )
    code = "out <- do.call(rbind, lapply(groups, function(g) sample(dt[grp == g], 5)))"
    text = _r_cell(code, error)
    assert "picks columns, not rows" in text and "sample(.N" in text, text
    # without a sample of a table, R's own advice is relayed as before
    text = _r_cell("out <- rbindlist(list(a, b))", error)
    assert "fill=TRUE" in text and "picks columns" not in text, text


# --------------------------------------------------------- 10. a Tk window on a screenless machine


def test_a_tk_window_on_a_machine_without_a_screen_gets_no_gym_or_virtual_display():
    message = "no display name and no $DISPLAY environment variable"
    frames = [("/usr/lib/python3.10/tkinter/__init__.py", "__init__")]
    text = hint(crash("TclError", message, "win = tk.Tk()", frames))
    assert "Tk (tkinter)" in text and "ipywidgets" in text, text
    assert "render_mode" not in text and "pyvirtualdisplay" not in text, text


def test_pyglet_without_a_display_keeps_the_rendering_advice():
    message = 'Cannot connect to "None"'
    frames = [(f"{SITE}/pyglet/canvas/xlib.py", "__init__")]
    text = hint(crash("NoSuchDisplayException", message, "env.render()", frames))
    assert "render_mode" in text, text
