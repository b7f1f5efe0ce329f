"""Templates speak only where their conditions hold (issue 12, seventh round: module attributes
and imports): each test pairs a crash where a template must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE, _syntax_hint

# ------------------------------- 1. a module found only as a namespace folder ("unknown location")


def test_a_name_from_a_namespace_folder_is_a_missing_package_not_the_users_module():
    message = "cannot import name 'bigquery' from 'google.cloud' (unknown location)"
    text = hint(crash("ImportError", message, "from google.cloud import bigquery"))
    assert "namespace package" in text and "`google.cloud.bigquery`" in text, text
    assert "Your module" not in text, text
    # A real file of the user's is still the user's module.
    message = "cannot import name 'train' from 'steps' (/home/ana/project/steps.py)"
    text = hint(crash("ImportError", message, "from steps import train"))
    assert "Your module `steps`" in text and "namespace" not in text, text


# --------------------------------------------- 2. modules only Pyodide (JupyterLite) provides


@pytest.mark.parametrize("module", ["piplite", "pyodide"])
def test_a_pyodide_module_is_not_offered_to_pip(module):
    text = hint(crash("ModuleNotFoundError", f"No module named '{module}'", f"import {module}"))
    assert "Pyodide" in text and f"%pip install {module}" not in text, text


def test_a_name_from_pyodides_js_module_is_not_blamed_on_a_shadowing_file():
    message = f"cannot import name 'fetch' from 'js' ({SITE}/js/__init__.py)"
    text = hint(crash("ImportError", message, "from js import fetch"))
    assert "Pyodide" in text and "shadow" not in text, text


# ---------------------------------------- 3. names no pip command should be guessed for


def test_a_one_letter_module_gets_no_install_command():
    text = hint(crash("ModuleNotFoundError", "No module named 'q'", "import q"))
    assert "%pip install q" not in text and "your project's file" in text, text
    # A longer unknown name still gets the install command to try.
    text = hint(crash("ModuleNotFoundError", "No module named 'zzparse'", "import zzparse"))
    assert "%pip install zzparse" in text, text


@pytest.mark.parametrize(("module", "meant"), [("cv", "cv2"), ("Image", "PIL.Image")])
def test_an_old_python_2_module_name_points_to_todays(module, meant):
    text = hint(crash("ModuleNotFoundError", f"No module named '{module}'", f"import {module}"))
    assert f"did you mean `{meant}`?" in text and f"%pip install {module}" not in text, text


def test_a_dependency_is_installed_under_its_pip_name():
    frames = [(f"{SITE}/pyqrcode/builder.py", "_png")]
    text = hint(crash("ModuleNotFoundError", "No module named 'png'", "q.png('a.png')", frames))
    assert "`%pip install pypng`" in text, text


def test_an_extension_ipython_cannot_find_is_no_dependency_of_ipython():
    frames = [
        (f"{SITE}/IPython/core/extensions.py", "load_extension"),
        ("/usr/lib/python3.10/importlib/__init__.py", "import_module"),
    ]
    text = hint(crash("ModuleNotFoundError", "No module named 'cellmagic'", "%load_ext cellmagic"))
    text_frames = hint(
        crash("ModuleNotFoundError", "No module named 'cellmagic'", "run_line()", frames)
    )
    for t in (text, text_frames):
        assert "`%load_ext cellmagic`" in t and "`IPython` needs" not in t, t


# -------------------------------------------------- 4. a module attribute the module lacks


@pytest.mark.parametrize(
    ("module", "says", "never"),
    [
        ("helpers", "your own module", "documentation"),
        # A library's module keeps the documentation hint.
        ("cosmolib", "documentation", "your own module"),
    ],
)
def test_a_project_module_is_not_sent_to_a_librarys_documentation(module, says, never):
    message = f"module '{module}' has no attribute 'clean_text'"
    text = hint(crash("AttributeError", message, f"out = {module}.clean_text(s)"))
    assert says in text and never not in text, text


def test_a_dataframe_method_called_on_the_pandas_module_is_said_to_need_data():
    text = hint(crash("AttributeError", "module 'pandas' has no attribute 'head'", "pd.head()"))
    assert "`df.head(...)`" in text, text
    # Read as a namespace (`pd.plot.x`), the name is no DataFrame method nor pyplot function.
    message = "module 'pandas' has no attribute 'plot'"
    text = hint(crash("AttributeError", message, "pd.plot.scatter_matrix(df)"))
    assert "matplotlib" not in text and "df.plot" not in text, text


def test_a_known_module_lacking_a_name_is_not_blamed_on_a_shadowing_file():
    message = "module 'matplotlib.pyplot' has no attribute 'dendrogram'"
    text = hint(crash("AttributeError", message, "plt.dendrogram(z)"))
    assert "named `matplotlib.py`" not in text and "another library" in text, text
    # A module the tables do not list may still be shadowed.
    message = "module 'cosmolib' has no attribute 'get_runs'"
    text = hint(crash("AttributeError", message, "cosmolib.get_runs()"))
    assert "named `cosmolib.py`" in text, text


def test_a_half_imported_library_failing_in_its_own_files_is_a_broken_install():
    message = (
        "partially initialized module 'cv2' has no attribute 'gapi_wip_gst_GStreamerPipeline' "
        "(most likely due to a circular import)"
    )
    frames = [
        (f"{SITE}/cv2/__init__.py", "bootstrap"),
        (f"{SITE}/cv2/gapi/__init__.py", "<module>"),
    ]
    text = hint(crash("AttributeError", message, "import cv2", frames))
    assert "reinstall" in text and "opencv-python" in text and "named `cv2.py`" not in text, text
    # Failing in a file of the user's of the library's name: that file shadows it.
    frames = [("/home/ana/work/cv2.py", "<module>")]
    text = hint(crash("AttributeError", message, "import cv2", frames))
    assert "`cv2.py`" in text and "reinstall" not in text, text


def test_a_project_module_without_a_version_is_not_called_a_broken_package():
    message = "module 'GridTools' has no attribute '__version__'"
    text = hint(crash("AttributeError", message, "GridTools.__version__"))
    assert "reinstall" not in text and "shadows" not in text, text
    message = "module 'numpy' has no attribute '__version__'"
    text = hint(crash("AttributeError", message, "np.__version__"))
    assert "not the installed package" in text, text


# ------------------------------------------------- 5. an attribute an object lacks, by what shows


def _cell(ename, message, line, code, frames=()):
    """A crash whose cell holds ``code`` and failed on ``line`` (one of its lines)."""
    return hint(crash(ename, message, line, frames=frames, code=code))


def test_a_loop_variable_replaces_only_what_the_loops_body_does_not_assign_again():
    message = "'Panel' object has no attribute 'grid'"
    body = "for i, frame in enumerate(names):\n    frame = Panel(root)\n    frame.grid(row=i)\n"
    text = _cell("AttributeError", message, "frame.grid(row=i)", body)
    assert "loop variable" not in text, text
    before = "frame = Window(root)\nfor i, frame in enumerate(panels):\n    frame.grid(row=i)\n"
    text = _cell("AttributeError", message, "frame.grid(row=i)", before)
    assert "loop variable" in text, text


def test_a_function_given_a_search_is_told_to_get_its_best_estimator():
    message = "'RandomizedSearchCV' object has no attribute 'tree_'"
    frames = [(f"{SITE}/sklearn/tree/_export.py", "plot_tree")]
    text = hint(crash("AttributeError", message, "tree.plot_tree(search)", frames))
    assert "`.best_estimator_`" in text and "fit it first" not in text, text
    message = "'DecisionTreeClassifier' object has no attribute 'tree_'"
    text = hint(crash("AttributeError", message, "tree.plot_tree(clf)", frames))
    assert "fit it first" in text, text


def test_an_indexed_estimator_of_a_forest_is_its_estimators_list():
    message = "'ExtraTreesClassifier' object has no attribute 'estimator_'"
    text = hint(crash("AttributeError", message, "t = et.estimator_[3]"))
    assert "`et.estimators_[0]`" in text and "after fitting" not in text, text
    text = hint(crash("AttributeError", message, "t = et.estimator_"))
    assert "estimators_" not in text, text


@pytest.mark.parametrize(
    ("line", "code", "says"),
    [
        ('df["label"] = df.label', 'df["label"] = df.label', "column `label`, which `df` does"),
        ("s = df.label[:3]", "df = pd.DataFrame(v, index=['label', 'x'])\ns = df.label[:3]", "loc"),
    ],
)
def test_a_frame_attribute_that_is_no_column_says_what_the_code_made_it(line, code, says):
    message = "'DataFrame' object has no attribute 'label'"
    text = _cell("AttributeError", message, line, code, [(f"{SITE}/pandas/core/generic.py", "g")])
    assert says in text and "print `df.columns`" not in text, text


def test_a_method_named_by_a_string_is_a_function_to_pass_itself():
    message = "'DataFrame' object has no attribute 'log1p'"
    frames = [(f"{SITE}/pandas/core/frame.py", "apply"), (f"{SITE}/pandas/core/apply.py", "agg")]
    text = hint(crash("AttributeError", message, "out = df.apply('log1p')", frames))
    assert "`np.log1p`" in text and "column" not in text, text


def test_a_tuple_is_not_only_told_to_become_an_array():
    message = "'tuple' object has no attribute 'shape'"
    text = hint(crash("AttributeError", message, "print(outputs.shape)"))
    assert "`outputs[0]`" in text and "np.array" in text, text
    message = "'list' object has no attribute 'shape'"
    text = hint(crash("AttributeError", message, "print(values.shape)"))
    assert "convert it first with `np.array(...)`" in text, text


def test_a_line_replacing_its_object_in_a_loop_is_not_blamed_on_a_rerun():
    message = "'list' object has no attribute 'split'"
    code = "for row in rows:\n    row = row.split()\n"
    text = _cell("AttributeError", message, "row = row.split()", code)
    assert "if the cell ran before" not in text, text
    text = _cell("AttributeError", message, "row = row.split()", "row = row.split()\n")
    assert "if the cell ran before" in text, text


def test_an_objects_own_method_reading_an_unset_attribute_asks_for_the_step_that_sets_it():
    message = "'Fitter' object has no attribute 'result'"
    out = [
        "AttributeError                            Traceback (most recent call last)",
        "Cell In[3], line 2\n      1 f = Fitter(x)\n----> 2 f.report()\n",
        "File ~/lab/tools/fitter.py:40, in Fitter.report(self)\n---> 40 print(self.result.x)\n",
        f"AttributeError: {message}",
    ]
    parsed = parse(ErrorRecord(ename="AttributeError", evalue=message, traceback=tuple(out)))
    text = hint(parsed)
    assert "`self.result`" in text and "another kind of object" not in text, text
    # Inside a library's own code (or its `fit`) no order of steps is known.
    out[2] = f"File {SITE}/fitlib/core.py:40, in Fitter.report(self)\n---> 40 print(self.result)\n"
    text = hint(parse(ErrorRecord(ename="AttributeError", evalue=message, traceback=tuple(out))))
    assert "has not set yet" not in text, text


def test_a_private_attribute_a_library_reads_gets_no_guess_about_the_users_variable():
    message = "'Line3D' object has no attribute '_verts3d'"
    frames = [(f"{SITE}/mpl_toolkits/mplot3d/art3d.py", "draw")]
    text = hint(crash("AttributeError", message, "plt.show()", frames))
    assert "what type the variable really holds" not in text, text


# ------------------------------------------------ 6. a SyntaxError, by what the marked line shows


# (marked line, what the hint says, what it must not say)
_ODD_CHARACTERS = {
    "x = 1\u200b": ("invisible character", "curly quotes"),
    "y = “a”": ("curly quotes", "invisible"),
    "if x：": ("`：`", "curly quotes"),
    "データを読む（ファイル）": ("text (notes)", "curly quotes"),
}


@pytest.mark.parametrize("marked", _ODD_CHARACTERS)
def test_an_invalid_character_is_named_by_what_the_line_holds(marked):
    says, never = _ODD_CHARACTERS[marked]
    text = _syntax_hint(f"a = 2\n{marked}\n", marked, "invalid character in identifier")
    assert says in text and never not in text, text


def test_a_full_width_colon_is_no_missing_colon():
    marked = "while True："
    text = _syntax_hint(f"{marked}\n    pass\n", marked)
    assert "`:`" in text and "Add a colon" not in text, text


def test_an_exercises_blanks_are_named_before_the_messages_rule():
    marked = "ax.plot(____, ____, color=c, ____)"
    text = _syntax_hint(marked, marked, "positional argument follows keyword argument")
    assert "blanks" in text and "keyword arguments" not in text, text


@pytest.mark.parametrize(
    ("marked", "digit_name"),
    [("1st_model = fit(x)", True), ("Text cell <7abQx>", False), ("y = 3x + 1", False)],
)
def test_a_digit_starts_a_name_only_where_the_line_defines_one(marked, digit_name):
    text = _syntax_hint(marked, marked, "invalid decimal literal")
    assert ("cannot start with a digit" in text) == digit_name, text


@pytest.mark.parametrize(
    ("marked", "says"),
    [
        ('    """"Add two numbers.""""', "exactly three"),
        ("d['v'] = 2.5'", "at the end of the marked line"),
        ("print('it)", "has no closing quote"),
    ],
)
def test_an_unclosed_string_says_which_quote_is_wrong(marked, says):
    text = _syntax_hint(f"def f():\n{marked}\n", marked, "EOL while scanning string literal")
    assert says in text, text


def test_a_dotted_import_with_a_typo_is_code_not_prose():
    marked = "from sklearn.model_selection imprt train test split"
    text = _syntax_hint(marked, marked)
    assert "is text, not Python" not in text, text


def _indentation_hint(cell: str, marked: str, message: str) -> str:
    number = cell.splitlines().index(marked) + 1
    traceback = (f'  File "<ipython-input-3-1>", line {number}\n    {marked.strip()}\n    ^\n',)
    record = ErrorRecord(ename="IndentationError", evalue=message, traceback=traceback, code=cell)
    return diagnose(record).hint


def test_a_shell_script_cell_is_named_whatever_its_first_error():
    cell = "#!/bin/bash\nfor f in *.txt; do\n  if [ -s $f ]; then\n    echo $f\n  fi\n done\n"
    text = _indentation_hint(cell, " done", "unindent does not match any outer indentation level")
    assert "%%bash" in text, text


def test_a_block_line_without_body_is_named_when_the_marked_line_closes_it():
    cell = "def f(xs):\n    for x in xs:\n        if x > 1:\n    return xs\n"
    text = _indentation_hint(cell, "    return xs", "expected an indented block")
    assert "`if x > 1:`" in text and "has no body" in text, text
    cell = "for x in xs:\nprint(x)\n"
    text = _indentation_hint(cell, "print(x)", "expected an indented block")
    assert "should be the indented body" in text, text


# ---------------------------------------------------- 7. a missing or unreadable file, by its path


def _file_hint(ename, message, line, frames=(), code=None):
    return hint(crash(ename, message, line, frames=frames, code=code))


def test_a_pattern_is_not_a_misspelt_extension():
    message = "[Errno 2] No such file or directory: '/data/scans/*.nii'"
    text = _file_hint("FileNotFoundError", message, "os.listdir('/data/scans/*.nii')")
    assert "glob.glob(" in text and "typo" not in text, text


def test_a_tensorflow_resource_is_no_file():
    message = "Resource AnonymousIterator/AnonymousIterator3/N10tensorflow4data16IteratorResourceE"
    frames = [(f"{SITE}/tensorflow/python/eager/execute.py", "quick_execute")]
    text = _file_hint("NotFoundError", message + " does not exist.", "model.train(5)", frames)
    assert "os.getcwd()" not in text and "downloaded" not in text, text


def test_a_name_cut_at_slash_from_a_windows_path_is_no_missing_folder():
    message = "[Errno 2] No such file or directory: './out/small_cats\\\\img_01.jpg'"
    code = "for f in files:\n    im.save('./out/small_' + f.split('/')[-1])\n"
    frames = [(f"{SITE}/PIL/Image.py", "save")]
    text = _file_hint(
        "FileNotFoundError", message, "im.save('./out/small_' + f.split('/')[-1])", frames, code
    )
    assert "os.path.basename" in text and "makedirs" not in text, text
    message = "[Errno 2] No such file or directory: 'work/annotations\\\\labels.txt'"
    text = _file_hint("FileNotFoundError", message, "open(path, 'w')", frames, "open(path, 'w')")
    assert "makedirs" in text, text


def test_a_kaggle_path_on_colab_is_downloaded_into_the_session():
    message = "[Errno 2] No such file or directory: '/kaggle/input/cats/train.csv'"
    # a frame of Colab's own code: /usr/local/.../dist-packages alone is Kaggle's image too
    frames = [
        ("/usr/local/lib/python3.10/dist-packages/google/colab/_shell.py", "run_cell"),
        ("/usr/local/lib/python3.10/dist-packages/pandas/io/common.py", "get_handle"),
    ]
    text = _file_hint("FileNotFoundError", message, "pd.read_csv(p)", frames)
    assert "runs on Colab" in text and "local copy" not in text, text


def test_drive_is_mounted_where_the_path_expects_it():
    message = "[Errno 2] No such file or directory: 'gdrive/My Drive/data/a.csv'"
    frames = [("/usr/local/lib/python3.10/dist-packages/pandas/io/common.py", "get_handle")]
    text = _file_hint("FileNotFoundError", message, "pd.read_csv(p)", frames)
    assert "drive.mount('/content/gdrive')" in text, text


def test_a_library_message_naming_no_access_gives_the_path():
    message = "No such file or no access: '/srv/study/s01/t1.nii.gz'"
    frames = [(f"{SITE}/nibabel/loadsave.py", "load")]
    text = _file_hint("FileNotFoundError", message, "img = nib.load(p)", frames)
    assert "/srv/study/s01/t1.nii.gz" in text, text


_TOKENIZING = "Error tokenizing data. C error: "


def test_a_csv_that_does_not_split_says_what_the_counts_show():
    frames = [(f"{SITE}/pandas/io/parsers/readers.py", "read")]
    expected = {
        "Expected 1 fields in line 9, saw 3": ("skiprows", "sep="),
        "Expected 4 fields in line 9, saw 5": ("so it fits the file", "sep="),
        "Calling read(nbytes) on source failed. Try engine='python'.": ("engine='python'", "sep="),
    }
    for detail, (says, never) in expected.items():
        line = "df = pd.read_csv('a.txt')"
        text = _file_hint("ParserError", _TOKENIZING + detail, line, frames)
        assert says in text and never not in text, text


def test_an_excel_reader_given_a_csv_is_told_to_read_a_csv():
    message = "Excel file format cannot be determined, you must specify an engine manually."
    frames = [(f"{SITE}/pandas/io/excel/_base.py", "__init__")]
    text = _file_hint("ValueError", message, "df = pd.read_excel('sales.csv')", frames)
    assert "pd.read_csv" in text and "openpyxl" not in text, text
    text = _file_hint("ValueError", message, "df = pd.read_excel('sales.xlsx')", frames)
    assert "engine='openpyxl'" in text, text


def test_xlrd_called_directly_gets_no_pandas_engine():
    frames = [(f"{SITE}/xlrd/__init__.py", "open_workbook")]
    message = "Excel xlsx file; not supported"
    text = _file_hint("XLRDError", message, "wb = xlrd.open_workbook(p)", frames)
    assert "openpyxl.load_workbook" in text and "engine=" not in text, text


def test_a_library_loading_a_pickled_array_is_to_be_upgraded():
    message = "Object arrays cannot be loaded when allow_pickle=False"
    frames = [(f"{SITE}/keras/datasets/imdb.py", "load_data"), (f"{SITE}/numpy/lib/npyio.py", "g")]
    text = _file_hint("ValueError", message, "data = imdb.load_data()", frames)
    assert "upgrade `keras`" in text, text
    frames = [(f"{SITE}/numpy/lib/npyio.py", "load")]
    text = _file_hint("ValueError", message, "a = np.load('a.npy')", frames)
    assert "`allow_pickle=True`" in text and "upgrade" not in text, text


# --------------------------------------------------- 8. a name an import cannot find, by its source


def test_a_standard_modules_missing_name_is_looked_up_in_the_standard_library():
    text = hint(
        crash(
            "ImportError",
            "cannot import name 'ProcessPoolExecutor'",
            "from os import ProcessPoolExecutor",
        )
    )
    assert "`concurrent.futures`" in text and "shadow" not in text, text


def test_the_standard_test_package_is_not_the_users_module():
    message = "cannot import name 'helpers' from 'test' (/usr/lib/python3.10/test/__init__.py)"
    text = hint(crash("ImportError", message, "from test import helpers"))
    assert "standard library" in text and "Your module" not in text, text


def test_a_users_file_importing_from_a_library_blames_the_librarys_version():
    out = [
        "ImportError                               Traceback (most recent call last)",
        "Cell In[1], line 1\n----> 1 from shapes import cube\n",
        "File ~/src/shapes/mesh.py:3\n----> 3 from scipy.spatial import transform\n",
        "ImportError: cannot import name 'transform'",
    ]
    record = ErrorRecord(
        ename="ImportError", evalue="cannot import name 'transform'", traceback=tuple(out)
    )
    text = hint(parse(record))
    assert "`mesh.py` imports `transform` from `scipy.spatial`" in text, text


def test_a_library_importing_a_moved_name_is_upgraded_not_edited():
    message = f"cannot import name 'gaussian' from 'scipy.signal' ({SITE}/scipy/signal/__init__.py)"
    frames = [(f"{SITE}/arviz/stats/density_utils.py", "<module>")]
    text = hint(crash("ImportError", message, "import arviz as az", frames))
    assert "upgrade `arviz`" in text, text
    text = hint(crash("ImportError", message, "from scipy.signal import gaussian"))
    assert "scipy.signal.windows.gaussian" in text and "arviz" not in text, text


@pytest.mark.parametrize(("name", "says"), [("widgets", "ipywidgets"), ("drive", "local path")])
def test_a_colab_import_is_replaced_by_what_it_was_for(name, says):
    line = f"from google.colab import {name}"
    text = hint(crash("ModuleNotFoundError", "No module named 'google.colab'", line))
    assert says in text, text
