"""Templates speak only where their conditions hold (issue 12, seventh round: module attributes
and imports): each test pairs a crash where a template must speak with one where it must not.

Cells and messages are written here by hand in the layout IPython prints, never copied from a
notebook.
"""

from __future__ import annotations

import pytest

from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from jupyterlab_nbcrash.diagnosis.traceback import parse
from tests.test_hints_args import crash, hint
from tests.test_hints_conditions3 import SITE

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


def test_a_private_attribute_a_library_reads_gets_no_guess_about_the_users_variable():
    message = "'Line3D' object has no attribute '_verts3d'"
    frames = [(f"{SITE}/mpl_toolkits/mplot3d/art3d.py", "draw")]
    text = hint(crash("AttributeError", message, "plt.show()", frames))
    assert "what type the variable really holds" not in text, text
