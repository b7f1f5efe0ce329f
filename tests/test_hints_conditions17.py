"""Specific hints of undefined names, missing modules and missing files speak only where their
condition holds on the crash: the failing line's own subscript, the failing function's own
assignments, the function the name is missing in, the machine the frames show.

Cells, frames and messages are written here by hand in the libraries' wording and the layout
IPython prints, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord


def _saved_crash(cells: list[str], frames: list[str], ename: str, message: str) -> str:
    """The hint of ``ename: message`` raised through ``frames`` (IPython's text of each) by the
    last of ``cells``, a saved notebook whose cells ran in order."""
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1, "cell_type": "code"}
        for i, s in enumerate(cells)
    ]
    record = ErrorRecord.from_dict(
        {
            "ename": ename,
            "evalue": message,
            "traceback": [
                "---------------------------------------------------------------------------",
                f"{ename}                                 Traceback (most recent call last)",
                *frames,
                f"{ename}: {message}",
            ],
            "code": cells[-1],
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": len(cells),
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def _name_error(cells: list[str], frames: list[str], name: str) -> str:
    return _saved_crash(cells, frames, "NameError", f"name '{name}' is not defined")


# ------------------------------------------------ a column's name read as a variable


def test_the_quotes_go_on_the_object_the_failing_line_subscripts():
    cells = ["sales = load()\nsales['units'].sum()", "shop = load()\nshop[units].plot()"]
    frame = "Cell In[2], line 2\n      1 shop = load()\n----> 2 shop[units].plot()\n"
    text = _name_error(cells, [frame], "units")
    assert "`shop['units']`" in text and "sales" not in text, text


def test_a_bare_use_still_points_at_the_notebooks_column():
    cells = ["sales = load()\nsales['units'].sum()", "total = units * 2"]
    frame = "Cell In[2], line 1\n----> 1 total = units * 2\n"
    text = _name_error(cells, [frame], "units")
    assert "`sales['units']`" in text, text


# ------------------------------------------------ the same name in another case


def test_a_name_the_failing_function_assigns_in_another_case_is_named():
    helper = "def fill(row):\n    price = row[0]\n    if price_is_nan(Price):\n        return 0"
    cells = ["table['Price'].mean()", helper, "table.apply(fill, axis=1)"]
    frames = [
        "Cell In[3], line 1\n----> 1 table.apply(fill, axis=1)\n",
        "Cell In[2], line 3, in fill(row)\n      1 def fill(row):\n      2     price = row[0]\n"
        "----> 3     if price_is_nan(Price):\n      4         return 0\n",
    ]
    text = _name_error(cells, frames, "Price")
    assert "`price`" in text and "case-sensitive" in text and "table['Price']" not in text, text


def test_the_failing_lines_own_target_is_no_case_variant():
    # `game = GAME(...)` names the result after the class it meant: not a spelling of `GAME`
    cells = ["class Game:\n    pass", "def play():\n    game = GAME(3)\n    return game", "play()"]
    frames = [
        "Cell In[3], line 1\n----> 1 play()\n",
        "Cell In[2], line 2, in play()\n      1 def play():\n----> 2     game = GAME(3)\n",
    ]
    text = _name_error(cells, frames, "GAME")
    assert "case-sensitive" not in text, text


# ------------------------------------------------ a name bound only inside a class or function


def test_a_class_string_attribute_is_not_what_a_call_meant():
    cells = ["class Chart:\n    title = ''\n    size = 3", "x = 3\ntitle(x)"]
    frame = "Cell In[2], line 2\n      1 x = 3\n----> 2 title(x)\n"
    text = _name_error(cells, [frame], "title")
    assert "Chart" not in text, text


def test_a_class_attribute_read_as_a_value_is_still_named():
    cells = ["class Chart:\n    title = ''", "print(title)"]
    frame = "Cell In[2], line 1\n----> 1 print(title)\n"
    text = _name_error(cells, [frame], "title")
    assert "`Chart.title`" in text, text


def test_a_parameter_of_another_function_is_not_named():
    # `ctx` is missing inside `report()`; it is a parameter of `render()`, another function
    cells = [
        "def render(ctx, page):\n    return page",
        "def report(line):\n    print(ctx.user)\n    return line",
        "report('a')",
    ]
    frames = [
        "Cell In[3], line 1\n----> 1 report('a')\n",
        "Cell In[2], line 2, in report(line)\n      1 def report(line):\n"
        "----> 2     print(ctx.user)\n      3     return line\n",
    ]
    text = _name_error(cells, frames, "ctx")
    assert "render" not in text, text


def test_a_parameter_read_at_the_top_level_is_still_named():
    cells = ["def render(ctx, page):\n    return page", "print(ctx)"]
    frame = "Cell In[2], line 1\n----> 1 print(ctx)\n"
    text = _name_error(cells, [frame], "ctx")
    assert "parameter of `render()`" in text, text


# ------------------------------------------------ missing files: the machine the frames show


def _missing_file(cell: str, library_frame: str, path: str, others=(), evalue=None) -> str:
    line = cell.splitlines()[-1]
    frames = [f"<ipython-input-4-0a1b2c3d4e5f> in <module>\n----> 1 {line}\n", library_frame]
    message = f"[Errno 2] No such file or directory: '{path}'"
    cells = [*others, cell]
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": i + 1, "cell_type": "code"}
        for i, s in enumerate(cells)
    ]
    record = ErrorRecord.from_dict(
        {
            "ename": "FileNotFoundError",
            "evalue": evalue or message,
            "traceback": [
                "---------------------------------------------------------------------------",
                "FileNotFoundError                         Traceback (most recent call last)",
                *frames,
                f"FileNotFoundError: {message}",
            ],
            "code": cell,
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": len(cells),
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def _h5py_frame(root: str) -> str:
    return (
        f"{root}/h5py/_hl/files.py in make_fid(name, mode, userblock_size, fapl, fcpl, swmr)\n"
        "    240         flags |= h5f.ACC_SWMR_READ\n"
        "--> 241     fid = h5f.open(name, flags, fapl=fapl)\n"
    )


def test_shared_dist_packages_do_not_tell_colab_from_kaggle():
    # Kaggle's image keeps its packages under /usr/local/lib/pythonX.Y/dist-packages as well
    cell = "model.load_weights('/kaggle/input/weights/net.h5')"
    frame = _h5py_frame("/usr/local/lib/python3.11/dist-packages")
    text = _missing_file(cell, frame, "/kaggle/input/weights/net.h5")
    assert "runs on Colab" not in text and "Kaggle" in text, text


def test_a_notebook_saved_by_colab_still_is_on_colab():
    cell = "model.load_weights('/kaggle/input/weights/net.h5')"
    frame = _h5py_frame("/usr/local/lib/python3.11/dist-packages")
    text = _missing_file(cell, frame, "/kaggle/input/weights/net.h5", evalue="ignored")
    assert "runs on Colab" in text, text


def test_a_conda_in_the_home_folder_is_no_colab_session():
    cell = "import pandas as pd\ndf = pd.read_csv('/content/sample_data/train.csv')"
    frame = (
        "~/miniconda3/lib/python3.10/site-packages/pandas/io/common.py in get_handle(path)\n"
        "    872             handle = open(\n"
        "--> 873                 handle,\n"
    )
    text = _missing_file(cell, frame, "/content/sample_data/train.csv")
    assert "session storage" not in text and "Colab path" in text, text


def _colab_open(others=()) -> str:
    cell = "text = open('reviews/train/pos/12_7.txt').read()"
    frame = (
        "/usr/local/lib/python3.10/dist-packages/google/colab/_shell.py in open(file)\n"
        "--> 10     return io.open(file)\n"
    )
    return _missing_file(cell, frame, "reviews/train/pos/12_7.txt", others)


def test_no_upload_is_missing_where_a_cell_unpacks_the_data():
    text = _colab_open(["!wget -q https://example.org/reviews.tar.gz\n!tar -xf reviews.tar.gz"])
    assert "upload" not in text, text


def test_a_relative_path_on_colab_still_gets_the_upload_advice():
    assert "upload it there" in _colab_open(), _colab_open()


def test_a_path_built_from_an_environment_variable_names_it():
    cell = "from mpl_toolkits.basemap import Basemap"
    frame = (
        "~\\Anaconda3\\lib\\site-packages\\mpl_toolkits\\basemap\\__init__.py in <module>\n"
        "    154 # the epsg table\n"
        "    155 pyproj_datadir = os.environ['PROJ_LIB']\n"
        "--> 156 epsgf = open(os.path.join(pyproj_datadir,'epsg'))\n"
    )
    text = _missing_file(cell, frame, "C:/Users/ana\\\\epsg")
    assert "`PROJ_LIB`" in text and "`mpl_toolkits.basemap`" in text, text


# ------------------------------------------------ a one-letter module


def test_a_one_letter_module_reads_first_as_a_slip_of_the_import_line():
    cell = "import numpy as np\nimport q"
    record = ErrorRecord(
        ename="ModuleNotFoundError",
        evalue="No module named 'q'",
        traceback=(
            "ModuleNotFoundError                       Traceback (most recent call last)",
            "Cell In[1], line 2\n      1 import numpy as np\n----> 2 import q\n",
            "ModuleNotFoundError: No module named 'q'",
        ),
        code=cell,
    )
    text = diagnose(record).hint
    assert "slip or unfinished" in text and "%pip install q" not in text, text


# ------------------------------------------------ slips the failing line shows


def test_a_default_value_cannot_read_another_parameter():
    line = "def show(img, cut=img.shape[0] // 2, cmap='gray'):"
    cell = f"{line}\n    plt.imshow(img[cut], cmap=cmap)"
    frame = f"Cell In[2], line 1\n----> 1 {line}\n      2     plt.imshow(img[cut], cmap=cmap)\n"
    text = _name_error(["img = load()", cell], [frame], "img")
    assert "`cut`" in text and "`None`" in text and "Run cell" not in text, text


def test_a_dot_typed_for_an_underscore_names_the_variable():
    cell = "fit.rnn = model_a.fit(x, y)\nfit_lstm = model_b.fit(x, y)"
    cells = ["fit = model.fit(x, y)", cell]
    frame = "Cell In[2], line 1\n----> 1 fit.rnn = model_a.fit(x, y)\n"
    text = _name_error(cells, [frame], "fit")
    assert "`fit_rnn = ...`" in text, text


def test_an_attribute_set_without_a_sibling_is_no_underscore_slip():
    cells = ["fit = model.fit(x, y)", "fit.rnn = model_a.fit(x, y)"]
    frame = "Cell In[2], line 1\n----> 1 fit.rnn = model_a.fit(x, y)\n"
    text = _name_error(cells, [frame], "fit")
    assert "fit_rnn" not in text, text


# ------------------------------------------------ where the name should have come from


def test_a_name_bound_only_in_a_loop_body_above_was_never_bound():
    cell = "for ax in fig.axes:\n    handles, names = ax.get_legend_handles_labels()\nshow(handles)"
    frame = "Cell In[2], line 3\n      1 for ax in fig.axes:\n----> 3 show(handles)\n"
    text = _name_error(["handles = []", cell], [frame], "handles")
    assert "only inside a `for` loop" in text and "Run cell" not in text, text


def test_a_loop_variable_itself_is_no_unrun_body():
    cell = "for handles in groups:\n    pass\nshow(handles)"
    frame = "Cell In[2], line 3\n      1 for handles in groups:\n----> 3 show(handles)\n"
    text = _name_error(["groups = []", cell], [frame], "handles")
    assert "only inside a `for` loop" not in text, text


def _saved_counts(cells: list[tuple[str, int]], name: str) -> str:
    """A NameError on ``name`` in the last of ``cells`` ((source, saved count) pairs)."""
    nb = [
        {"id": f"c{i}", "index": i, "source": s, "execution_count": n, "cell_type": "code"}
        for i, (s, n) in enumerate(cells)
    ]
    source, count = cells[-1]
    record = ErrorRecord.from_dict(
        {
            "ename": "NameError",
            "evalue": f"name '{name}' is not defined",
            "traceback": [
                f"Cell In[{count}], line 1\n----> 1 {source}\n",
                f"NameError: name '{name}' is not defined",
            ],
            "code": source,
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": count,
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def test_the_cell_to_run_first_creates_the_name_rather_than_changes_it():
    cells = [("sales = load('a.csv')", 4), ("sales = sales.dropna()", 5), ("sales.describe()", 3)]
    text = _saved_counts(cells, "sales")
    assert "Run cell 1 first" in text, text


# ------------------------------------------------ what the import line itself tells


def _import_hint(line: str, module: str) -> str:
    record = ErrorRecord(
        ename="ModuleNotFoundError",
        evalue=f"No module named '{module}'",
        traceback=(
            "ModuleNotFoundError                       Traceback (most recent call last)",
            f"Cell In[1], line 1\n----> 1 {line}\n",
            f"ModuleNotFoundError: No module named '{module}'",
        ),
        code=line,
    )
    return diagnose(record).hint


def test_the_alias_tells_which_module_the_line_means():
    text = _import_hint("import seabornlib as sns", "seabornlib")
    assert "`import seaborn as sns`" in text and "%pip install seabornlib" not in text, text


def test_an_alias_of_another_module_is_no_hint():
    text = _import_hint("import plotkit as sns", "plotkit")
    assert "seaborn" not in text, text


def test_a_slip_of_a_known_text_extraction_module_is_named():
    text = _import_hint("import docx2tx", "docx2tx")
    assert "`docx2txt`" in text, text


# ------------------------------------------------ close names and failed definers


def test_a_list_the_code_appends_to_is_no_misspelling_of_its_item():
    cell = "for f in range(3):\n    m = make(f)\n    fits.append(m)\n    fit.predict(f)"
    frame = "Cell In[2], line 4\n      3     fits.append(m)\n----> 4     fit.predict(f)\n"
    text = _name_error(["fits = []", cell], [frame], "fit")
    assert "`fits`" not in text, text


def test_a_plain_close_name_is_still_suggested():
    cells = ["fits = 3", "print(fit)"]
    text = _name_error(cells, ["Cell In[2], line 1\n----> 1 print(fit)\n"], "fit")
    assert "did you mean `fits`" in text, text


def _saved_with_error(cells: list[tuple[str, int | None, str]], name: str) -> str:
    """A NameError on ``name`` in the last of ``cells`` ((source, count, error) triples; the
    error "" for none, else a KeyError message saved as that cell's output)."""
    nb = []
    for i, (source, count, error) in enumerate(cells):
        nb.append(
            {"id": f"c{i}", "index": i, "source": source, "execution_count": count}
            | {"cell_type": "code"}
        )
        if error:
            nb[-1]["error"] = {"ename": "KeyError", "evalue": error, "traceback": []}
    source, count, _ = cells[-1]
    record = ErrorRecord.from_dict(
        {
            "ename": "NameError",
            "evalue": f"name '{name}' is not defined",
            "traceback": [
                f"Cell In[{count}], line 1\n----> 1 {source}\n",
                f"NameError: name '{name}' is not defined",
            ],
            "code": source,
            "cell_id": f"c{len(cells) - 1}",
            "execution_count": count,
            "notebook": {"path": "a.ipynb", "cells": nb},
        }
    )
    return diagnose(record).hint


def test_a_failed_cell_that_only_changes_the_name_did_not_keep_it_undefined():
    cells = [
        ("table = load('t.csv')", 7, ""),
        ("table = table.drop('id', axis=1)", 9, "\"['id'] not found in axis\""),
        ("table.head()", 3, ""),
    ]
    text = _saved_with_error(cells, "table")
    assert "failed" not in text and "Run cell 1 first" in text, text


def test_a_failed_definer_shadowed_by_a_nearer_unrun_one_is_not_blamed():
    cells = [
        ("table = agg(raw, 'start')", None, "'start'"),
        ("table = agg(raw, 'year')", None, ""),
        ("table.plot()", 2, ""),
    ]
    text = _saved_with_error(cells, "table")
    assert "failed" not in text and "Run cell 2 first" in text, text


def test_a_failed_creator_is_still_blamed():
    cells = [("table = agg(raw, 'start')", 1, "'start'"), ("table.plot()", 2, "")]
    text = _saved_with_error(cells, "table")
    assert "Cell 1 [1] failed" in text, text


# ------------------------------------------------ unreadable and missing files


def _library_crash(ename: str, message: str, line: str, frames: list[str], code=None) -> str:
    record = ErrorRecord(
        ename=ename,
        evalue=message,
        traceback=(
            f"{ename}                                 Traceback (most recent call last)",
            f"Cell In[3], line 1\n----> 1 {line}\n",
            *frames,
            f"{ename}: {message}",
        ),
        code=code or line,
    )
    return diagnose(record).hint


def test_a_raw_control_character_in_json_is_named():
    frame = (
        "File /opt/conda/lib/python3.11/json/decoder.py:353, in JSONDecoder.raw_decode(self, s)\n"
        "--> 353     obj, end = self.scan_once(s, idx)\n"
    )
    message = "Invalid control character at: line 1 column 40 (char 39)"
    text = _library_crash("JSONDecodeError", message, "check(sentence)", [frame])
    assert "control character" in text and "file is complete" not in text, text


def test_a_writer_that_knows_no_format_for_the_extension_reads_no_content():
    frame = (
        "File /opt/conda/lib/python3.11/site-packages/nibabel/streamlines/__init__.py:118, in "
        "save(tractogram, filename, **kwargs)\n"
        "    117     msg = f\"Unknown tractogram file format: '{filename}'\"\n"
        "--> 118     raise ValueError(msg)\n"
    )
    message = "Unknown tractogram file format: '/data/out/bundle.xyz'"
    text = _library_crash("ValueError", message, "nib.streamlines.save(t, out)", [frame])
    assert "`.xyz`" in text and "content" not in text, text


def _pandas_missing(path: str, code: str) -> str:
    frame = (
        "File /opt/conda/lib/python3.11/site-packages/pandas/io/common.py:873, in "
        "get_handle(path)\n"
        "--> 873     handle = open(handle, ioargs.mode)\n"
    )
    message = f"[Errno 2] No such file or directory: '{path}'"
    return _library_crash("FileNotFoundError", message, "df = pd.read_csv(p)", [frame], code)


def test_a_file_name_asking_for_a_date_that_does_not_exist_is_named():
    code = "for d in days:\n    p = f'/srv/logs/log_202102{d}.csv'\n    df = pd.read_csv(p)"
    text = _pandas_missing("/srv/logs/log_20210230.csv", code)
    assert "2021-02-30" in text, text


def test_a_real_date_in_a_file_name_is_no_cause():
    code = "for d in days:\n    p = f'/srv/logs/log_202102{d}.csv'\n    df = pd.read_csv(p)"
    text = _pandas_missing("/srv/logs/log_20210227.csv", code)
    assert "does not exist: loop" not in text and "date" not in text, text


def test_a_name_the_code_builds_from_the_cells_file_is_no_file_to_copy():
    code = "src = '/srv/in/report.xlsx'\ntmp = os.path.join(d, 'copy_' + name)\ndf = pd.read_csv(p)"
    text = _pandas_missing("/srv/in/copy_report.xlsx", code)
    assert "builds it (from `report.xlsx`)" in text and "relative path" not in text, text


def test_a_line_copied_out_of_a_function_needs_that_functions_variable():
    helper = (
        "def list_parts(path):\n    book = open_book(path)\n    sheet = book.Sheets('main')\n"
        "    for part in sheet.Embedded():\n        print(part.Name)"
    )
    cells = ["sheet = workbook['main']", helper, "for part in sheet.Embedded():\n    print(part)"]
    frame = "Cell In[3], line 1\n----> 1 for part in sheet.Embedded():\n      2     print(part)\n"
    text = _name_error(cells, [frame], "sheet")
    assert "`list_parts()` of cell 2" in text and "Run cell 1" not in text, text
