"""Crashes that are no error of the user's line, and their hints: the kernel died (no traceback at
all), or IPython's own traceback display failed while showing an earlier error."""

from __future__ import annotations

import re

from .message_words import message_gist
from .rules.module_names import STDLIB_TOPS
from .traceback import ParsedError

# IPython's own traceback display failing on an earlier error (an interrupt, a broken import):
# the earlier error, in the chain, is the one to read.
_DISPLAY_FRAMES = frozenset(
    {
        "showtraceback",
        "structured_traceback",
        "_render_traceback_",
        "format_exception_as_a_whole",
        "find_recursion",
        "get_records",
        "_showtraceback",
    }
)
_KERNEL_DIED = re.compile(
    r"Kernel crashed while executing|kernel (?:appears to have )?died|Canceled future for "
    r"execute_request|Kernel\s*崩溃",
    re.I,
)

# VS Code's own error when the kernel session it ran cells in is gone ("Cannot execute code,
# session has been disposed. Please try restarting the Kernel."), in English or as its Japanese
# and Chinese translations print it.
_SESSION_DISPOSED = re.compile(
    r"session has been disposed|セッションは破棄されました|会话已被释放|会话已释放", re.I
)
# VS Code's own error when the kernel it had picked for the notebook (its "controller") was
# closed before the cell ran: after the extension reloaded or the environment changed.
_CONTROLLER_DISPOSED = re.compile(r"notebook controller is DISPOSED", re.I)

# VS Code's own error when the environment chosen as kernel cannot run cells at all.
_KERNEL_MODULE_MISSING = re.compile(r"kernel failed to start due to the missing module '([\w.]+)'")
_KERNEL_NOT_STARTED = re.compile(r"Failed to start the Kernel|Unable to start Kernel", re.I)
# Python 3.8's `ast.Module` requires `type_ignores`, which an IPython older than it never gives
# when it compiles a cell: the words of that mismatch, not of any code of the user's.
_MODULE_WITHOUT_TYPE_IGNORES = re.compile(r'required field "type_ignores" missing from Module')
_NO_IPYKERNEL = re.compile(r"requires (?:the )?ipykernel package", re.I)
# VS Code's Python extension could not start a Jupyter server for the notebook at all (its
# JavaScript stack where the traceback would be): no kernel ran, so no `%pip` in a cell works.
_NO_JUPYTER = re.compile(r"Jupyter cannot be started|Error attempting to locate jupyter", re.I)
# VS Code's own error when the remote Jupyter server it was told to use does not answer (or
# refuses: "Forbidden"): no kernel ran the cell.
_SERVER_UNREACHABLE = re.compile(r"Failed to connect to the remote Jupyter Server '([^']+)'", re.I)
_INTERPRETER = re.compile(r"not installed in interpreter ([^\n]+?)\.?$", re.M)


def display_failure(parsed: ParsedError) -> tuple[str, str] | None:
    """(name, message) of the error IPython failed to display, when the raised error comes from
    IPython's traceback display itself; else None. No rule's template applies then."""
    if not any(
        f.library == "IPython" and f.function.rsplit(".", 1)[-1] in _DISPLAY_FRAMES
        for f in parsed.frames[-6:]
    ):
        return None
    if parsed.chain:
        return parsed.chain[0]
    # Python 2's IPython shows no chain: the earlier error is unknown, yet it is the one to fix.
    last = parsed.last_frame
    return ("error", "") if last is not None and last.library == "IPython" else None


def _ipython_older_than_python(parsed: ParsedError) -> bool:
    """IPython's compiling of the cell (its own frames or `codeop`, none of the cell's) failed
    for want of `type_ignores`: a library of the user's that builds syntax trees raises it
    below a cell's frame instead."""
    return (
        bool(_MODULE_WITHOUT_TYPE_IGNORES.search(parsed.message))
        and not any(f.is_user for f in parsed.frames)
        and any(f.package in ("IPython", "codeop") for f in parsed.frames)
    )


# A setting's name as Matplotlib spells its keys (`figure.constrained_layout.use`).
_RC_KEY = re.compile(r"'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'")


def _settings_key_missing(parsed: ParsedError) -> str:
    """When: a KeyError whose key a frame of Matplotlib's own code reads from `rcParams` on its
    failing line (`rcParams['figure.constrained_layout.use']`): its settings lack a name its own
    code asks for, so two versions of its files are mixed (an upgrade under a running kernel)."""
    key = _RC_KEY.fullmatch(parsed.message.strip())
    if parsed.ename != "KeyError" or key is None:
        return ""
    read = f"rcParams['{key.group(1)}']"
    if not any(f.library == "matplotlib" and read in f.failing_line for f in parsed.frames):
        return ""
    return (
        f"Matplotlib's own code asks its settings for `{key.group(1)}`, which they lack: "
        "files of two Matplotlib versions are mixed (often an upgrade while the kernel ran). "
        "Restart the kernel, and reinstall Matplotlib if the error stays."
    )


def special_hint(parsed: ParsedError) -> str:
    """The hint of a crash that is not an error of the user's line: the kernel died, or IPython
    failed while showing an earlier error."""
    settings = _settings_key_missing(parsed)
    if settings:
        return settings
    if not parsed.ename and not parsed.message and _KERNEL_DIED.search(parsed.text[:5_000]):
        if re.search(r"(?<![\w.])(?:sys\.|os\._)?exit\(|(?<![\w.])quit\(", parsed.user_code):
            return (
                "The kernel stopped while running this cell, and the cell calls `exit()`, "
                "which ends the kernel process in some set-ups: see which branch reached it "
                "(print before it), and use `raise` instead of `exit()` in a notebook."
            )
        return (
            "The kernel process died while running this cell (or an earlier one), so Python left "
            "no traceback: native code crashed or memory ran out. Restart the kernel and run the "
            "cells one at a time to find the one that stops it."
        )
    if not parsed.ename and _SESSION_DISPOSED.search(parsed.text[:5_000]):
        # no line ran: the kernel this cell was sent to had died or been shut down before
        return (
            "VS Code could not run the cell: the kernel's session had ended (the kernel died or "
            "was shut down, often after running out of memory in an earlier cell). Restart the "
            "kernel and run the cells above again; if it dies again, watch that cell's memory."
        )
    if not parsed.ename and _CONTROLLER_DISPOSED.search(parsed.text[:5_000]):
        return (
            "VS Code could not run the cell, so no line of it ran: the kernel it had picked for "
            "this notebook was closed (the extension reloaded, or an install changed the "
            "environment). Select the kernel again (or reload the window), then run the cells "
            "from the top."
        )
    if not parsed.ename and _NO_IPYKERNEL.search(parsed.text[:5_000]):
        return (
            "VS Code could not start a kernel: the selected Python environment has no "
            "`ipykernel`. Install it with the command the message gives (or pick another "
            "environment as the kernel), then run the cell again."
        )
    no_jupyter = _no_jupyter_server(parsed)
    if no_jupyter:
        return no_jupyter
    server = _SERVER_UNREACHABLE.search(parsed.text[:5_000])
    if not parsed.ename and server:
        return (
            f"VS Code could not reach the Jupyter server `{server.group(1)}`, so no line of the "
            "cell ran (no Python error): start that server, check its URL and token, or select "
            "a local kernel, then run the cell again."
        )
    missing = _KERNEL_MODULE_MISSING.search(parsed.text[:5_000])
    if not parsed.ename and missing and missing.group(1).split(".")[0] in STDLIB_TOPS:
        # sqlite3, ssl, ctypes: part of Python itself, which pip cannot add; that Python's build
        # lacks the compiled part (`_sqlite3`), or the environment is broken
        conda = " (in conda, `conda install sqlite`)" if missing.group(1) == "sqlite3" else ""
        return (
            f"The kernel did not start: its Python lacks the standard module "
            f"`{missing.group(1)}`, which pip cannot install. Repair or reinstall that "
            f"Python{conda}, or select another kernel."
        )
    if not parsed.ename and missing:
        # VS Code's words where the traceback would be: the kernel never started, no line ran.
        return (
            f"The kernel did not start: its Python environment lacks the module "
            f"`{missing.group(1)}`. Install it there (`pip install {missing.group(1)}` in that "
            "environment) or select another kernel, then run the cell again."
        )
    if not parsed.ename and _KERNEL_NOT_STARTED.search(parsed.text[:5_000]):
        # VS Code's words where the traceback would be: no line of the cell ran (after the more
        # specific readings above)
        return (
            "The kernel did not start (VS Code's message), so no line of the cell ran: read "
            "VS Code's Jupyter log for why, check that `ipykernel` is installed in that "
            "environment, or select another kernel, then run the cell again."
        )
    if _ipython_older_than_python(parsed):
        return (
            "No line of the cell ran: IPython failed to compile it, as an IPython older than "
            "its Python (3.8 or later) does. Upgrade `ipython` and `ipykernel` in that "
            "environment, then restart the kernel."
        )
    drawn = half_made_plot_hint(parsed)
    if drawn:
        return drawn
    shown = display_failure(parsed)
    if shown is None:
        return ""
    name, text = shown
    if name == "KeyboardInterrupt":
        return (
            "The cell was interrupted (KeyboardInterrupt), and IPython failed while showing "
            "that: run the cell again and let it finish."
        )
    gist = message_gist(text)
    return (
        f"IPython failed while showing an earlier {name}{': ' + gist if gist else ''}. That "
        "earlier error is the one to fix: run the cell again to see its own traceback."
    )


def _no_jupyter_server(parsed: ParsedError) -> str:
    """VS Code's "Jupyter cannot be started": the editor found no `jupyter`/`notebook` in the
    interpreter it uses, so no kernel ran the cell and nothing typed in a cell can install them."""
    if _NO_JUPYTER.search(parsed.message[:2_000]) is None:
        return ""
    python = _INTERPRETER.search(parsed.message[:2_000])
    if python is None:
        # another reason than missing packages (a server that crashed): VS Code's log tells
        return (
            "VS Code could not start Jupyter, so no kernel ran this cell (no `%pip` in a cell "
            "can help): read VS Code's Jupyter output for why, or select another interpreter."
        )
    return (
        f"VS Code could not start Jupyter, so no kernel ran this cell: the interpreter it uses "
        f"({python.group(1).strip()}) lacks the `jupyter` and `notebook` packages. Install them "
        "into it from a terminal (`python -m pip install jupyter notebook` with that Python), or "
        "select another interpreter in VS Code, then run the cell again."
    )


# Where the notebook draws a cell's figures after its code ran: pyplot's post-run hook, the
# inline backend's flush, IPython's display of a figure.
_DRAW_AFTER_RUN = frozenset(
    {"_draw_all_if_interactive", "draw_all", "flush_figures", "print_figure", "show"}
)
_PRIVATE_ATTRIBUTE = re.compile(r"^'(\w+)' object has no attribute '(_\w+)'")


def half_made_plot_hint(parsed: ParsedError) -> str:
    """A matplotlib artist without one of its own private attributes (`Line3D._verts3d`) when
    the figure was drawn after the cell ran (no frame of the cell): the plot call that made the
    artist stopped half-way, with an error of its own shown before this one. With `meshgrid`
    and `plot3D` in the cell, that call got 2-D grids where it takes 1-D x, y, z."""
    private = _PRIVATE_ATTRIBUTE.match(parsed.message)
    if (
        parsed.ename != "AttributeError"
        or private is None
        or any(f.is_user for f in parsed.frames)
        or "matplotlib" not in parsed.libraries
        or not _drawn_after_run(parsed)
    ):
        return ""
    artist, attr = private.groups()
    first = (
        f"Matplotlib failed while drawing the figure after the cell ran, not on a line of it: a "
        f"plot call of the cell stopped half-way (its own error comes before this one) and left "
        f"a `{artist}` without its `{attr}`."
    )
    plotted = re.search(r"\.(plot3D|plot)\(", parsed.user_code)
    if plotted and re.search(r"\bmeshgrid\(", parsed.user_code):
        return (
            f"{first} `{plotted.group(1)}` takes 1-D x, y, z, and `meshgrid` gives 2-D grids: use "
            "`ax.plot_surface(X, Y, Z)` (or `plot_wireframe`), or pass `X.ravel()`, `Y.ravel()`, "
            "`Z.ravel()`."
        )
    return f"{first} Fix that first error."


def annotation_arrow_look(parsed: ParsedError) -> str:
    """Matplotlib failed while drawing the figure after the cell ran, inside an annotation's
    arrow (an Annotation's `draw` calling the arrow patch's geometry): the message's words are
    about the arrow's internal geometry, not a value the user passed by that name."""
    if any(f.is_user for f in parsed.frames) or not _drawn_after_run(parsed):
        return ""
    files = [
        f.filename.replace("\\", "/").rsplit("/", 1)[-1]
        for f in parsed.frames
        if f.library == "matplotlib"
    ]
    if "text.py" not in files or "patches.py" not in files[files.index("text.py") :]:
        return ""
    return (
        "Matplotlib failed while drawing the figure after the cell ran, on an annotation's "
        "arrow (`annotate(..., arrowprops=...)`), whose path is degenerate (of zero length, "
        "say): check the annotations' `xy`, `xytext` and `arrowprops`."
    )


def _drawn_after_run(parsed: ParsedError) -> bool:
    """A frame of the figure's drawing after the cell ran (pyplot's hook, IPython's display)."""
    return any(
        f.function.rsplit(".", 1)[-1] in _DRAW_AFTER_RUN
        and f.library in ("matplotlib", "IPython", "matplotlib_inline")
        for f in parsed.frames
    )
