"""Undefined names and notebook-order hints whose claim was false on crashes nobody tuned on
(session 17): an IPython command written bare, an import made only inside a function, a failing
line commented out since, a value made under a misspelt name, a loop over another variable, a
function's signature copied into a call, code written like MATLAB, a start value guessed for
`-=`, a variable the crashing loop itself sets, a `drop` that found some of its labels, an
install of a like-named package, and a key read without error before the frame was assigned
again.

Each condition is paired: a crash where the specific hint must speak, and one where it stays
quiet. Cells, tracebacks and messages are written here by hand in Python's and pandas' wording
and IPython's layout, never copied from a notebook.
"""

from __future__ import annotations

from jupyterlab_nbcrash.diagnosis.diagnose import diagnose
from jupyterlab_nbcrash.diagnosis.record import ErrorRecord
from tests.test_hints_conditions32 import _hint as notebook_hint
from tests.test_hints_conditions80 import _cell_frame


def _traceback(ename: str, message: str, frames: list[str]) -> list[str]:
    return [
        "-" * 75,
        f"{ename}                                 Traceback (most recent call last)",
        *frames,
        f"{ename}: {message}",
    ]


def _crash(ename, message, cells, crash, number, count=None, frames=()):
    """The hint of a crash of cell ``crash`` of ``cells`` (source, count, saved error), failing
    on its line ``number`` (then in the function ``frames``, when given)."""
    code = cells[crash][0]
    top = _cell_frame(code, number, count or 1)
    tb = _traceback(ename, message, [top, *frames])
    line = code.splitlines()[number - 1]
    return notebook_hint(ename, message, line, cells, crash, count=count, traceback=tb)


def _undefined(name, cells, crash, number, count=None, frames=()):
    message = f"name '{name}' is not defined"
    return _crash("NameError", message, cells, crash, number, count, frames)


# ------------------------------------------------------------- an IPython command written bare


def test_a_bare_pwd_is_told_the_magic():
    text = _undefined("pwd", [("import os", 1, None), ("# where am I\npwd", 2, None)], 1, 2, 2)
    assert "`%pwd`" in text and "os.getcwd()" in text, text
    assert "define it" not in text, text


def test_a_pwd_variable_the_notebook_sets_is_no_magic():
    cells = [("pwd = input('password')", None, None), ("pwd", 2, None)]
    text = _undefined("pwd", cells, 1, 1, 2)
    assert "IPython command" not in text, text


# ------------------------------------------------------- an import made only inside a function

AREA = "def area(r):\n    import math\n    return math.pi * r * r\n\nx = math.sqrt(10)"


def test_an_import_inside_a_function_is_told_to_move_to_the_top_level():
    cells = [("import math", None, None), (AREA, 2, None)]
    text = _undefined("math", cells, 1, 5, 2)
    assert "only inside `area()`" in text and "put `import math` at the top" in text, text
    assert "Run cell" not in text, text


def test_an_import_in_a_function_below_the_failing_line_is_not_blamed():
    below = "x = math.sqrt(10)\n\ndef area(r):\n    import math\n    return math.pi * r * r"
    text = _undefined("math", [("import math", None, None), (below, 2, None)], 1, 1, 2)
    assert "only inside" not in text, text


# ------------------------------------------------------- a failing line commented out since

LIVE = "rows = []\nfor i, row in frame_1.iterrows():\n    rows.append(row)"


def _saved_as(saved: str) -> str:
    """The NameError of ``LIVE``'s second line, the cell saved as ``saved`` after that run."""
    message = "name 'frame_1' is not defined"
    tb = _traceback("NameError", message, [_cell_frame(LIVE, 2, 4)])
    cells = [("frame_1 = frame", 9, None), (saved, 4, None)]
    line = LIVE.splitlines()[1]
    return notebook_hint("NameError", message, line, cells, 1, count=4, traceback=tb)


def test_a_commented_out_failing_line_is_an_old_error_whatever_cells_define():
    text = _saved_as("\n".join(f"# {ln}" for ln in LIVE.splitlines()))
    assert "commented out in this cell's saved code" in text, text
    assert "cell 1" not in text.lower(), text


def test_a_live_failing_line_is_not_called_commented_out():
    text = _saved_as(LIVE)
    assert "commented out" not in text, text


# ------------------------------------------------------- a value made under a misspelt name

WRITER = "logs_dors = os.path.join('runs', 'tuning')\nwriter = make_writer(logs_dirs)"


def test_a_value_made_under_a_slip_of_the_name_is_told_the_slip():
    cells = [("import os", 1, None), ("logs_dirs = 'images'", 9, None), (WRITER, 4, None)]
    text = _undefined("logs_dirs", cells, 2, 2, 4)
    assert "assigns `logs_dors` above the failing line" in text, text
    assert "misspelt" in text, text


def test_a_near_name_the_cell_reads_too_is_no_slip():
    code = WRITER + "\nprint(logs_dors)"
    cells = [("import os", 1, None), ("logs_dirs = 'images'", 9, None), (code, 4, None)]
    text = _undefined("logs_dirs", cells, 2, 2, 4)
    assert "`logs_dors`" not in text, text


# ------------------------------------------------------------- a loop over another variable

OUTER = "total = 0\nfor point in range(len(rows)):\n    total += rows[i]"


def test_a_loop_reading_another_cells_loop_variable_is_told_its_own():
    cells = [("for i in range(3):\n    print(i)", None, None), (OUTER, 5, None)]
    text = _undefined("i", cells, 1, 3, 5)
    assert "write `point`" in text, text
    assert "Run cell" not in text, text


def test_a_plain_variable_of_another_cell_is_not_told_the_loop():
    cells = [("i = 2", None, None), (OUTER, 5, None)]
    text = _undefined("i", cells, 1, 3, 5)
    assert "write `point`" not in text, text


# ------------------------------------------------- a function's signature copied into a call

STEP = "def step(y, t, k):\n    return -k * y"
SOLVE = (
    "def simulate(y0, k):\n    times = np.linspace(0, 5)\n    func = step(y, t, k)\n"
    "    return odeint(func, y0, times)"
)


def _in_simulate(line: str):
    frame = (
        f"Cell In[2], line 3, in simulate(y0, k)\n      2 times = np.linspace(0, 5)\n"
        f"----> 3 {line}\n"
    )
    cells = [(STEP, 1, None), (SOLVE.replace("func = step(y, t, k)", line), 2, None)]
    cells.append(("out = simulate(1.0, 0.5)", 3, None))
    return _undefined("y", cells, 2, 1, 3, frames=[frame])


def test_a_call_that_repeats_the_functions_parameters_is_told_to_pass_the_function():
    text = _in_simulate("func = step(y, t, k)")
    assert "pass the function itself, `step`" in text, text
    assert "pass it in as an argument" not in text, text


def test_one_argument_named_like_its_parameter_is_no_copied_signature():
    text = _in_simulate("func = step(y, 0.1, 2.0)")
    assert "pass the function itself" not in text, text


# ------------------------------------------------------------- code written like MATLAB

MATLAB = "subplot(1,2,1)\nx = linspace(0,10,50);\ny = sin(2*x);\nplot(x,y)"
IMPORTS = "import numpy as np\nimport matplotlib.pyplot as plt"


def test_a_cell_written_like_matlab_is_told_so():
    text = _undefined("subplot", [(IMPORTS, 1, None), (MATLAB, 2, None)], 1, 1, 2)
    assert "written like MATLAB" in text and "`np.linspace(...)`" in text, text


def test_one_bare_pyplot_call_is_told_its_module():
    code = "subplot(1,2,1)\nplt.plot([1, 2])"
    text = _undefined("subplot", [(IMPORTS, 1, None), (code, 2, None)], 1, 1, 2)
    assert "MATLAB" not in text and "`plt.subplot(...)`" in text, text


# ------------------------------------------------------------- a start value for `-=`


def _unbound(name: str, line: str) -> str:
    code = f"def weights(ps):\n    for p in ps:\n        {line}\n    return ps\n\nweights([0.2])"
    frame = f"Cell In[1], line 3, in weights(ps)\n      2 for p in ps:\n----> 3     {line}\n"
    message = f"cannot access local variable '{name}' where it is not associated with a value"
    tb = _traceback("UnboundLocalError", message, [_cell_frame(code, 6), frame])
    record = ErrorRecord(ename="UnboundLocalError", evalue=message, traceback=tuple(tb), code=code)
    return diagnose(record).hint


def test_a_subtraction_is_offered_no_start_value_of_zero():
    text = _unbound("remain", "remain -= p")
    assert "`remain = 0`" not in text and "its start value" in text, text


def test_a_sum_keeps_its_start_value_of_zero():
    text = _unbound("total", "total += p")
    assert "`total = 0`" in text, text


# --------------------------------------------------- a variable the crashing loop itself sets

CAMERA = "cap = open_camera()\nwhile True:\n    ok, frame = cap.read()\n    h = frame.shape[0]"
NONE_SHAPE = "'NoneType' object has no attribute 'shape'"


def _camera(code: str) -> str:
    failed = ("FileNotFoundError", "[Errno 2] No such file or directory: 'cam.mp4'")
    cells = [("frame = load_video('cam.mp4')", 3, failed), (code, 4, None)]
    number = next(i for i, ln in enumerate(code.splitlines(), 1) if "shape" in ln)
    return _crash("AttributeError", NONE_SHAPE, cells, 1, number, 4)


def test_a_value_the_loop_sets_each_pass_is_not_blamed_on_an_earlier_cell():
    text = _camera(CAMERA)
    assert "still holds an older value" not in text, text


def test_a_value_the_cell_never_sets_is_still_blamed_on_the_failed_cell():
    text = _camera("while True:\n    h = frame.shape[0]")
    assert "still holds an older value" in text, text


# ------------------------------------------------------------- a `drop` that found some labels

DROP = "df = df.drop(['name', 'created', 'modified'], axis=1)"


def _drop(missing: str) -> str:
    message = f'"[{missing}] not found in axis"'
    tb = _traceback("KeyError", message, [_cell_frame(DROP, 1)])
    record = ErrorRecord(ename="KeyError", evalue=message, traceback=tuple(tb), code=DROP)
    return diagnose(record).hint


def test_a_drop_that_found_some_labels_is_not_told_it_ran_before():
    text = _drop("'created' 'modified'")
    assert "if it ran before" not in text, text


def test_a_drop_that_found_none_keeps_both_readings():
    text = _drop("'name' 'created' 'modified'")
    assert "if it ran before" in text, text


# ------------------------------------------------------------- an install of a like-named package

REVIEWS = "from app_store_reviews import AppStoreReviews\nr = AppStoreReviews(app_id='1')"
NO_REVIEWS = "No module named 'app_store_reviews'"


def test_an_install_of_a_like_named_package_is_named():
    cells = [("pip install app_store_scraper", 1, None), (REVIEWS, 2, None)]
    text = _crash("ModuleNotFoundError", NO_REVIEWS, cells, 1, 1, 2)
    assert "installs `app_store_scraper`" in text, text
    assert "%pip install app-store-reviews" not in text, text


def test_an_install_of_an_unrelated_package_is_not_named():
    cells = [("pip install requests", 1, None), (REVIEWS, 2, None)]
    text = _crash("ModuleNotFoundError", NO_REVIEWS, cells, 1, 1, 2)
    assert "installs `" not in text, text


# ----------------------------------- a key read without error before the frame was assigned again

LOAD = "df = pd.read_csv('prices.csv')"
READ = "avg = df['Open'].rolling(20).mean()"
CRASH = "df['Open'].plot()"


def test_a_key_read_fine_before_a_new_assignment_is_told_the_assignment():
    cells = [
        (LOAD, 1, None),
        (READ, 2, None),
        (CRASH, 4, None),
        ("df = pd.read_csv('b.csv')", 3, None),
    ]
    text = _crash("KeyError", "'Open'", cells, 2, 1, 4)
    assert "read 'Open' from `df` without an error" in text, text
    assert "cell 4 [3]" in text, text


def test_a_key_never_read_before_is_not_told_an_assignment():
    cells = [(LOAD, 1, None), ("avg = df['Close'].mean()", 2, None), (CRASH, 4, None)]
    cells.append(("df = pd.read_csv('b.csv')", 3, None))
    text = _crash("KeyError", "'Open'", cells, 2, 1, 4)
    assert "without an error" not in text, text
