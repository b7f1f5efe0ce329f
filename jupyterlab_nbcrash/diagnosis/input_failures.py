"""Messages that name a failure no input of the user's call explains (an interrupt, a missing
program, a refused service, the operating system or a device), and messages with no word about
inputs at all: for them the safe hint's "check the inputs" would send the user the wrong way.
Also the messages that state their cause so plainly that the fix follows from their words alone
(`_TOLD_BY_MESSAGE`: a table that exists, a repeated key, `fillna` with nothing to fill …)."""

from __future__ import annotations

import re

from .traceback import ParsedError
from .where import failing_call, failing_line_number, own_lines, runtime

# Messages that say what failed without any value of the user's call being wrong: the
# family's "check the inputs" look would send the user after the wrong thing. Each is known by
# lower-case substrings of "ename: message" (`in` tests: a message may be 4,000 characters).
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("python worker failed to connect back",),
        "Spark could not start its Python workers (common on Windows): set "
        "`os.environ['PYSPARK_PYTHON'] = sys.executable` before creating the SparkSession, then "
        "restart the kernel.",
    ),
    (
        ("keyboard interrupt", "keyboardinterrupt", "interrupted"),
        "The run was interrupted (the stop button or Ctrl-C) before it finished: run the cell "
        "again and let it finish.",
    ),
    # Selenium's own failures, read before the program entry: their messages name chromedriver.
    (
        # Selenium lost the browser it drives (closed, crashed, or its window was closed).
        (
            "chrome not reachable", "invalid session id", "no such window",
            "target window already closed", "disconnected: not connected to devtools",
            "browser has closed", "session deleted because of page crash",
        ),
        "The browser that Selenium drives was closed or crashed (or its window was): start a new "
        "driver and run the steps again; keep the window open while the code runs.",
    ),
    (
        # Selenium found no element for the locator: the page, not the program or the library.
        ("nosuchelementexception", "unable to locate element"),
        "The page has no element that matches the locator: the selector is wrong, or the element "
        "is not there yet (still loading, or inside a frame); check the selector in the browser's "
        "inspector and wait for the element with `WebDriverWait`.",
    ),
    (
        # OpenCV's highgui in a build without a window toolkit (opencv-python-headless, conda's
        # build): imshow/waitKey raise "(-2) The function is not implemented. Rebuild ...".
        ("rebuild the library with windows, gtk", "rebuild the library with gtk"),
        "This OpenCV build has no window support (a headless or server build), so its window "
        "functions (`imshow`, `waitKey`) cannot run: show images with matplotlib instead, or "
        "install `opencv-python` (not `-headless`) on a machine with a screen.",
    ),
    (
        # Windows refused to load a DLL: built for the other architecture (32/64-bit) or broken.
        ("not a valid win32 application", "[winerror 193]"),
        "Windows could not load a compiled library (DLL) this code loads: it is built for "
        "another architecture (32- vs 64-bit) than your Python, or damaged; install the build "
        "that matches your Python (and any system runtime the package's notes name).",
    ),
    (
        # Selenium's element was found before the page changed; finding it again is the fix.
        ("staleelementreferenceexception", "stale element reference"),
        "The element was found before the page changed (a reload, a navigation or a script "
        "redrew it), so it is no longer on the page: find it again after the change, e.g. "
        "inside the loop, instead of reusing the old one.",
    ),
    (
        # Tk's words (tkinter, turtle, matplotlib's TkAgg): a Tk program is interactive, so an
        # invisible virtual display or a gym option would not help its user.
        ("no display name and no $display", "couldn't connect to display"),
        "Tk (tkinter) opens a window, and this machine has no screen to show it on (a server, "
        "Colab or Kaggle): run a Tk program on your own computer, or use the notebook's own "
        "widgets here (`ipywidgets`, Colab's `files.upload()`); for matplotlib, draw inline "
        "(`%matplotlib inline`).",
    ),
    (
        # pyglet (gym's rendering) and Qt opening a window on a machine with no screen
        # (a server, Colab, Kaggle): "Cannot connect to \"None\"" names no display at all.
        (
            "nosuchdisplayexception", 'cannot connect to "none"', "cannot connect to display",
            "could not connect to display", "cannot open display",
        ),
        "The code opens a window, and this machine has no screen to show it on (a server, Colab "
        "or Kaggle): do not render to a window (e.g. gym's `render_mode=\"rgb_array\"`), or start "
        "a virtual display first (`pyvirtualdisplay` with xvfb).",
    ),
    (
        (
            "executables not found", "executable not found", "executables were not found",
            "not installed or it's not in", "not in path", "not in your path",
            "pdfinfonotinstallederror", "java gateway process exited", "chromedriver",
            "geckodriver", "cannot find chrome binary", "unable to obtain driver",
            "unable to locate or obtain driver",
        ),
        "A program or component outside Python that this library runs is missing, not on PATH "
        "or of another version: install the one it needs (see the library's installation "
        "notes), then restart the kernel.",
    ),
    (
        # NVIDIA's driver is installed but not running (pynvml's DriverNotLoaded, nvidia-smi's
        # words): a runtime with no GPU attached, where installing a driver does not add one.
        ("nvmlerror_drivernotloaded", "couldn't communicate with the nvidia driver"),
        "No NVIDIA driver is running on this machine (a runtime without a GPU, or a driver that "
        "is not loaded), so there is no GPU to use here: run on a machine or runtime with a GPU, "
        "or skip the GPU code on this one (e.g. in `try`/`except`).",
    ),
    (
        # CUDA's own error code: the GPU code (PTX) was built by a newer CUDA toolkit than the
        # installed driver reads, whatever values the kernel was given.
        (
            "unsupported_ptx_version", "unsupportedptxversion",
            "ptx was compiled with an unsupported toolchain",
        ),
        "The GPU code was compiled by a newer CUDA toolkit than this machine's NVIDIA driver "
        "supports (an unsupported PTX version): install the CUDA toolkit of the driver's version "
        "(`nvidia-smi` shows it), or update the driver, then restart the kernel.",
    ),
    (
        # diffusers' and accelerate's words when the machine has no GPU (nor other accelerator)
        # for a call that needs one, whatever the pipeline holds.
        ("requires accelerator, but not found", "no accelerator found"),
        "This call needs a GPU (an accelerator), and this machine has none: run on a machine or "
        "runtime with a GPU, or drop the call (CPU offloading only helps with a GPU).",
    ),
    (
        # NVIDIA's driver library is missing: the machine (or the runtime) has no usable GPU.
        ("libnvidia-ml.so", "nvml shared library not found", "libcuda.so"),
        "This machine has no NVIDIA driver (its library is missing), so there is no GPU to use "
        "here: run on a machine or runtime with a GPU, or skip the GPU code on this one.",
    ),
    (
        # A compiled library outside Python that a package loads (some come in pip wheels,
        # NVIDIA's: the message's or the package's notes say how).
        (
            "cannot open shared object file", "cannot locate a 64-bit oracle client library",
            "shared library not found", "library and include file unknown",
        ),
        "A system library (outside Python) that this package loads is missing on this machine: "
        "install it as the message or the package's installation notes say, or run where it "
        "exists.",
    ),
    (
        # SMTP's reply 535: the mail server refused this user name and password (Gmail and
        # others refuse an account's own password from a script), no quota or plan.
        ("smtpauthenticationerror: (535",),
        "The mail server refused the user name and password given to `login`: check both; "
        "Gmail (like most providers) accepts a script's login only with an app password "
        "(made after turning on 2-step verification), not the account's password.",
    ),
    (
        (
            "forbidden", "unauthorized", "unauthorised", "not_authorized", "not authorized",
            "accessdenied", "quota",
            "rate limit", "too many requests", "billing", "credential", "subscription",
            "plan doesn't include",
        ),
        "The service refused the request (access, plan or quota), not a value of your code: "
        "check your credentials and plan, or wait and retry later.",
    ),
    (
        (
            "closed session",
        ),
        "The TensorFlow session was closed (its `with tf.Session() as sess:` block ended, or "
        "`sess.close()` ran): run it inside the block, or open a new session.",
    ),
    (
        ("session graph is empty",),
        "The session's graph has no operations: the tensors were made outside it (TensorFlow 2 "
        "runs eagerly, so a `tf.compat.v1.Session` sees none of them): build them under "
        "`with graph.as_default():`, or drop the session and read values directly "
        "(`tensor.numpy()`).",
    ),
    (
        (
            "not an element of this graph", "must be from the same graph",
            "graph is finalized",
            "is not in the same graph", "from a different graph",
        ),
        "The tensor belongs to another TensorFlow graph or session than the one that runs it (a "
        "model built before a reset or a re-run, or in another thread): build the model and use "
        "it in one graph, e.g. restart the kernel and run the cells in order.",
    ),
    (
        (
            "is sparkcontext initialized", "stopped sparkcontext", "sparkcontext was shut down",
            "sparkcontext has been shutdown",
        ),
        "The SparkContext is not running (stopped, never started, or its Java side died): "
        "create the SparkSession again, restarting the kernel if it does not start.",
    ),
    (
        (
            "internal server error", "service unavailable", "bad gateway", "gateway timeout",
            "server had an error", "server error", "unable to read url", "remote end closed",
            "max retries exceeded", "failed to establish a new connection",
            "name or service not known", "temporary failure in name resolution",
            "getaddrinfo failed", "nodename nor servname",
        ),
        "The server or the network failed, not a value of your code: check the connection and "
        "the address, wait and retry (a server error is on the service's side).",
    ),
    (
        ("api key", "api_key", "apikey", "invalid token", "access token", "authentication"),
        "The service did not accept your credentials: check the API key or token (set, current, "
        "for this service), not the other values of the call.",
    ),
    (
        (
            "do you need to install", "is not installed", "are not installed",
            "needs to be installed", "must be installed", "should be installed",
            "missing dependencies",
        ),
        "Something this call needs is not installed: install the package or program the "
        "message names (`%pip install …` for a Python package), then restart the kernel.",
    ),
    (
        # Selenium's WebDriverWait (and other waits): what it waited for never came.
        ("timeoutexception",),
        "A wait ran out of time before what it waited for appeared (a page element, a "
        "condition, a response): check what it waits for (the selector or condition) and that "
        "the page really shows it; give it more time only if it is slow.",
    ),
    (
        (
            "broken pipe", "socket is already closed", "connection reset", "connection refused",
            "connection aborted", "connection is already closed", "connection closed",
            "connection broken", "timed out", "timeout",
        ),
        "A connection failed (refused, closed by the other side, or no answer in time), not a "
        "check of your values: make sure the server or service is running and reachable, then "
        "retry.",
    ),
    (
        (
            "could not satisfy explicit device specification", "no devices matching",
            "no supported kernel for gpu devices",
        ),
        "The code (or a saved model) places work on a device this machine does not have, such "
        "as a GPU: remove that device placement or run where the device exists.",
    ),
    (
        # A GPU kernel that did not run at all (TensorFlow's "Blas GEMV launch failed"): the
        # device's state (memory another session holds, the driver), not the values given.
        (
            "launch failed", "launch failure", "cudnn_status_execution_failed",
            "cudnn_status_internal_error", "cublas_status_execution_failed",
        ),
        "The GPU failed to run this operation, not a check of your values: free it (close "
        "other notebooks or processes using it, restart the kernel) or run on the CPU.",
    ),
    (
        # TensorFlow could not allocate the GPU copy of a tensor (its destination): the GPU's
        # memory is full, held by the models and data already placed on it.
        ("dst tensor is not initialized",),
        "TensorFlow could not allocate the tensor's copy on the GPU (\"Dst tensor is not "
        "initialized\"), which means its memory is full: pass the data in batches "
        "(`batch_size=`, a `tf.data` pipeline), delete models no longer used and call "
        "`tf.keras.backend.clear_session()`, or restart the kernel.",
    ),
    (
        (
            "could not open port", "access is denied", "failed to rename",
            "failed copying input tensor",
        ),
        "The operating system or a device failed here, not a check of your values: retry, and "
        "make sure no other program holds the port, file or device it names.",
    ),
    (
        # joblib/loky's TerminatedWorkerError: the worker process itself died (a native crash
        # or the system killing it for memory), no Python check of the inputs raised.
        ("worker process managed by the executor was unexpectedly terminated",),
        "A worker process died (its exit code tells how: SIGSEGV is a crash of native code, "
        "SIGKILL the system ending it, often for memory), not a check of your inputs: run with "
        "`n_jobs=1` to see the failure in the notebook, use less memory, or reinstall the "
        "library whose native code crashed.",
    ),
)  # fmt: skip
# A pipe between the kernel and a worker process it started: not a network connection.
_PIPE_WORDS = ("broken pipe", "connection reset", "eoferror", "connection refused")
_WORKERS_FAILED = (
    "A worker process the library started could not be reached (the pipe to it broke), not a "
    "network connection: run without workers (PyTorch's `DataLoader(num_workers=0)`, "
    "`n_jobs=1`), and on Windows keep the dataset and functions the workers need in a `.py` file."
)


def _between_processes(parsed: ParsedError, said: str) -> bool:
    return any(word in said for word in _PIPE_WORDS) and any(
        f.package in ("multiprocessing", "multiprocess", "joblib", "loky") for f in parsed.frames
    )


_HTTP_REFUSED = re.compile(r"\b(?:401|403|429)\b")
_REFUSED = next(sentence for words, sentence in _FAILURES if "rate limit" in words)
# "HTTP Error 503", "500 Server Error", "status code 502": the service failed.
_HTTP_SERVER = re.compile(
    r"(?:http error|status(?: code)?:?|^\w+: )\s*5\d\d\b|\b5\d\d server error"
)
_SERVER_FAILED = next(sentence for words, sentence in _FAILURES if "server error" in words)


# Words of a message about the values, types or shapes the code passed: only then does the
# family's "check the inputs" look apply.
_ABOUT_INPUTS: tuple[str, ...] = (
    "argument", "parameter", "param", "expect", "must be", "must have", "should be", "invalid",
    "unknown", "got", "not supported", "unsupported", "shape", "dtype", "type", "value", "index",
    "length", "size", "dimension", "column", "key", "not in", "out of range", "out of bounds",
    "empty", "convert", "cast", "incompatible", "mismatch", "require", "need", "missing",
    "cannot", "can't", "could not", "not a ", "not an ", "only", "allowed", "positive",
    "negative", "nan", "infinity", "format", "encod", "decod", "found", "exist", "nonetype",
    "object", "iterable", "callable", "subscriptable", "attribute", "divi", "equal", "sql",
    "syntax", "file", "path", "director", "folder", "writ", "read", "open", "save", "load",
    # counts and orders of what was passed ("Model n_features is 21 and input n_features is 4",
    # "`bins` must increase monotonically", "len() of a 0-d tensor")
    "number of", "feature", "monoton", "increas", "decreas", "element", "estimator",
    "len(", "0-d", "should return", "more than", "less than", "at least", "at most", "exactly",
)  # fmt: skip


def _cancelled(parsed: ParsedError) -> str:
    """A cancelled task (asyncio, concurrent.futures, dask): what cancels it, not the message,
    which dask makes only the task's key (`store-b2d0…`)."""
    key = parsed.message.strip()
    named = " (the message is only its name)" if key and " " not in key else ""
    if any(f.package == "distributed" for f in parsed.frames):
        return (
            f"The task was cancelled before it finished{named}: in dask a worker that died "
            "(often out of memory) or a lost scheduler does this; check the workers' logs, "
            "restart the client and use smaller chunks."
        )
    return (
        f"The task was cancelled before it finished{named}: find what cancelled it (a "
        "timeout, a restart or a shutdown of what runs it)."
    )


# A line of the message that is a pip command of its own ("    $ pip install -U kaleido").
_PIP_LINE = re.compile(r"^[ \t]*(?:\$[ \t]*)?(pip3? install [\w.\[\]=<>~ -]+?)[ \t]*$", re.M)
# ImageMagick's refusal of a format its policy.xml forbids (Wand's PolicyError).
_IMAGEMAGICK_POLICY = re.compile(r"not allowed by the security policy [`'\"](\w+)'")
# pickle found another class under the class's name: the class was defined again.
_REDEFINED_CLASS = re.compile(r"Can't pickle <class '([\w.]+)'>: it's not the same object as")
# pickle refused a function or class defined inside a function (Python 3.14 shows its repr).
_LOCAL_OBJECT = re.compile(r"Can't pickle local object '?(?:<\w+ )?([\w.<>]*\.<locals>\.[\w<>]+)")
# Frames of the libraries that pickle what they send to other processes.
_PROCESS_PACKAGES = frozenset({"multiprocessing", "concurrent", "joblib", "loky", "dask"})


_OTHER_GRAPH = ("not an element of this graph", "must be from the same graph")
_GRAPH_RESET = re.compile(r"^[ \t]*[^#\n]*\breset_default_graph\(", re.M)


def _graph_reset_above(parsed: ParsedError, said: str) -> str:
    """A tensor of another graph, where the crash's own cell resets the default graph above its
    failing line: tensors and sessions made before the reset (in other cells, and tensors built
    from them) stay in the old graph, and a restart with a run in order resets it again at the
    same place."""
    if not any(words in said for words in _OTHER_GRAPH):
        return ""
    at = failing_line_number(parsed)
    if not at or not _GRAPH_RESET.search("\n".join(own_lines(parsed)[: at - 1])):
        return ""
    return (
        "This cell starts a new graph with `reset_default_graph()`, so what was made before it "
        "(a tensor or a session of another cell, or a tensor built here from one) belongs to "
        "the old graph, and restarting does not change that: create the session and every "
        "tensor it runs after the reset, from tensors made after it too."
    )


# ODBC's driver manager: a keyword of the connection string (or of the URL's query that
# SQLAlchemy turns into one) holds a value the driver does not know: no refused credentials.
_ODBC_ATTRIBUTE_VALUE = re.compile(
    r"invalid value specified for connection string attribute '([\w ]+)'", re.I
)


_S3_KEYS_REFUSED = re.compile(r"\((?:signaturedoesnotmatch|invalidaccesskeyid)\)")


# TensorFlow Hub's loader finds no saved model in the folder it downloaded a model into
# (`…/tfhub_modules/<hash>`): that cached download is incomplete, whatever the call's values.
# Newer TensorFlow words it "SavedModel file does not exist at: <folder>/{saved_model.pbtxt|…}".
_HUB_CACHE = re.compile(
    r"'(?P<folder>[^'\n]*tfhub_modules[\\/]\w+)'[^\n]*contains neither 'saved_model\.pb"
    r"|SavedModel file does not exist at: (?P<at>[^'\n]*tfhub_modules[\\/]\w+)[\\/]\{saved_model"
)


_HUB_CACHE_HINT = (
    "TensorFlow Hub's cached download of this model is incomplete (`{folder}` holds no "
    "`saved_model.pb`, as after an interrupted download): delete that folder (or set "
    "`TFHUB_CACHE_DIR` to a new one) and load the model again."
)


def hub_cache_incomplete(parsed: ParsedError) -> str:
    found = _HUB_CACHE.search(parsed.message[:2_000])
    if found is None:
        return ""
    return _HUB_CACHE_HINT.format(folder=found.group("folder") or found.group("at"))


# Messages that state their cause so plainly that the fix follows from them alone, each known
# by lower-case substrings that must all be in "ename: message".
_TOLD_BY_MESSAGE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("java gateway process exited",),
        "Spark could not start its Java side: install a Java (JDK 8, 11 or 17) and set "
        "`JAVA_HOME` to it (or put its `java` on the `PATH`) before the SparkContext starts, "
        "then restart the kernel.",
    ),
    (
        ("textblob.download_corpora",),
        "TextBlob's language data is not downloaded: run `!python -m textblob.download_corpora` "
        "in a cell, then run this cell again.",
    ),
    (
        # "is 1." whole: "Number of labels is 150." is one label per point, the other end
        ("number of labels is 1.", "valid values are 2"),
        "The clustering put every point under one label, and the score needs at least two "
        "clusters: change the clustering's settings (`eps`/`min_samples` of DBSCAN, "
        "`n_clusters`) or scale the features first.",
    ),
    (
        ("optimal parameters not found", "maxfev"),
        "`curve_fit` gave up before its fit converged: give it starting values close to the "
        "answer (`p0=[...]`), check that the function suits the data, or raise `maxfev=`.",
    ),
    (
        ("poweriterationfailedconvergence",),
        "The power iteration did not converge in `max_iter` steps: raise `max_iter=`, or use "
        "`nx.eigenvector_centrality_numpy(G)`.",
    ),
    (
        # pandas' `to_sql` with its default `if_exists='fail'`: an earlier run made the table.
        ("valueerror: table '", "' already exists"),
        "The database already has this table (an earlier run of `to_sql` made it), and "
        "`to_sql` does not overwrite one by default: pass `if_exists='replace'` (or `'append'` "
        "to add the rows).",
    ),
    (
        # SQLite (and others): CREATE TABLE of a table the database already has
        ("operationalerror: table ", " already exists"),
        "The database already has this table (an earlier run or another cell made it): write "
        "`CREATE TABLE IF NOT EXISTS ...`, or `DROP TABLE` it first to start over.",
    ),
    (
        # SQLite: an INSERT whose key the table already holds
        ("integrityerror: unique constraint failed",),
        "The table already has a row with this key (an earlier run of the insert, or the same "
        "value twice): use another key, `INSERT OR IGNORE`/`INSERT OR REPLACE`, or do not run "
        "the insert again.",
    ),
    (
        # scikit-learn's parameter grid: each parameter takes a list of values to try
        ("parameter values for parameter (", ") need to be a sequence"),
        "Each value in the parameter grid is a list of the values to try: wrap a single one in "
        "brackets, e.g. `{'max_depth': [3]}`.",
    ),
    (
        # list.remove of an item the list does not hold (often removed by an earlier run)
        ("list.remove(x): x not in list",),
        "The item is not in the list (not, or no longer: if this cell ran before, it removed "
        "it then): re-create the list first, or write `if x in items: items.remove(x)`, which "
        "can run again.",
    ),
    (
        # np.array(row1, row2, row3): the rows as separate arguments instead of one list
        ("only 2 non-keyword arguments accepted",),
        "`np.array` takes the data as one argument: wrap the rows in one outer list, "
        "`np.array([[1, 2], [3, 4]])`, not `np.array([1, 2], [3, 4])`.",
    ),
    (
        # pandas' join of two frames that share column names, with no suffix for either side
        ("columns overlap but no suffix specified",),
        "The two frames share the column names the message lists, and `join` needs a suffix to "
        "tell them apart: pass `lsuffix=` or `rsuffix=` (e.g. `rsuffix='_right'`), or `merge` "
        "on the shared column instead.",
    ),
    (
        # TensorFlow 1: a variable read in a session before its initializer ran there
        ("attempting to use uninitialized value",),
        "A TensorFlow variable is read before its initializer ran in this session: run "
        "`sess.run(tf.global_variables_initializer())` after the graph (all its variables) is "
        "built and before this run.",
    ),
    (
        # Python 2's pickle reading a text pickle that was damaged (text mode, cut short)
        ("insecure string pickle",),
        "The pickle file is damaged (written or read in text mode, or cut short): open it in "
        "binary mode (`open(path, 'rb')`, and `'wb'` when writing it), or make the file again.",
    ),
    (
        # pandas' fillna called with neither what to fill with nor how (`df.fillna(axis=0)`)
        ("must specify a fill 'value' or 'method'",),
        "`fillna` got neither a value to fill with nor a method: pass one, e.g. `df.fillna(0)`, "
        "`df.fillna(df.mean(numeric_only=True))` or `df.ffill()` (the previous row's value).",
    ),
    (
        # torch: an empty tensor used as one truth value (`if t:`, `torch.is_nonzero`)
        ("boolean value of tensor with no values is ambiguous",),
        "The tensor is empty (it holds no values), so it is neither true nor false: find why it "
        "is empty (print `t.shape`), or test `t.numel() > 0` before using it as a condition.",
    ),
    (
        # the `pyspark` launcher started this kernel and made its own `sc` in pyspark/shell.py
        # before any cell ran: no earlier cell made it
        ("cannot run multiple sparkcontexts at once", "pyspark/shell.py"),
        "The `pyspark` launcher that started this kernel already made a SparkContext (as `sc`, "
        "in pyspark/shell.py): use that `sc` (or `SparkContext.getOrCreate()`) instead of "
        "making a new one.",
    ),
    (
        # pyspark allows one SparkContext a process: an earlier run of the cell made it.
        ("cannot run multiple sparkcontexts at once",),
        "A SparkContext already runs in this kernel (an earlier cell or run made it): reuse it, "
        "take it "
        "with `SparkContext.getOrCreate()`, or `sc.stop()` it before making a new one.",
    ),
    (
        ("'set' type is unordered",),
        "A set has no order, so pandas cannot lay it out: pass `list(...)` (or `sorted(...)`) "
        "of it instead.",
    ),
)


# `df.fillna(mean_value)`: a name (or attribute) passed as the value to fill with
_FILLED_WITH_A_NAME = re.compile(r"\.fillna\(\s*(?:value\s*=\s*)?([A-Za-z_][\w.]*)\s*[,)]")
_SUBPLOTS_INTO_ATTRIBUTE = re.compile(
    r"\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*=\s*(?:\w+\.)?subplots\("
)
_DRIVER_NOT_ON_PATH = re.compile(
    r"'((?:chrome|gecko|edge|msedge|opera)driver)' executable needs to be in path"
)
_DRIVER_FOR_ANOTHER_BROWSER = re.compile(
    r"chromedriver only supports chrome version (\d+)\s*current browser version is (\d+)"
)


def _known_failure(parsed: ParsedError, said: str) -> str:
    """Failures whose message says more than "a connection or a program failed": a program that
    was found and exited at once, a WebSocket used while not open, a scraper or reader that a
    site's changes broke, a package the message gives the pip command for, a format ImageMagick's
    policy forbids, a class pickle cannot find as it was."""
    told = (
        _install_told(parsed)
        or _policy_refused(parsed)
        or _class_redefined(parsed)
        or _graph_reset_above(parsed, said)
        or _local_object_pickled(parsed)
        or hub_cache_incomplete(parsed)
    )
    if told:
        return told
    if "unread result found" in said and parsed.library == "mysql":
        # mysql-connector refuses a new statement while the rows of the last one are unread:
        # the statement itself is fine
        return (
            "The rows of the previous statement on this connection were never read: "
            "`fetchall()` them before the next `execute`, or open the cursor with "
            "`cursor(buffered=True)`."
        )
    unpacked = _SUBPLOTS_INTO_ATTRIBUTE.match(parsed.user_line)
    if unpacked and parsed.ename == "AttributeError":
        # `fig.axes = plt.subplots(...)`: a comma typed as a dot sets the Figure's attribute
        fig, axes = unpacked.group(1), unpacked.group(2)
        return (
            f"`{fig}.{axes} = …` sets an attribute of `{fig}` instead of unpacking the pair "
            f"`subplots` returns: write `{fig}, {axes} = plt.subplots(...)` (a comma, not a dot)."
        )
    driver = _DRIVER_NOT_ON_PATH.search(said)
    passed = driver and re.search(
        rf"""['"][^'"]*[/\\]{driver.group(1)}(?:\.exe)?['"]""", parsed.user_line, re.I
    )
    if passed:
        # Selenium 3 words a path passed to it that leads to no file the same way (it quotes the
        # path's last part): the driver was given by its path, which no PATH setting changes
        return (
            f"No `{driver.group(1)}` program is at the path this line passes: check that path "
            "(the file's folder and name, with `.exe` on Windows), or upgrade to Selenium 4.6 or "
            "later and pass no path, as it fetches the driver by itself."
        )
    if driver:
        # Selenium 3's words when the browser's driver program is not found on the PATH.
        return (
            f"`{driver.group(1)}` (the browser's driver, a program and no Python package) is not "
            "on the PATH: download it, put its folder on the PATH or pass its full path to the "
            "driver, or upgrade to Selenium 4.6 or later, which fetches it by itself."
        )
    versions = _DRIVER_FOR_ANOTHER_BROWSER.search(said)
    if versions:
        # Selenium's driver and the installed browser are of different major versions.
        driver, browser = versions.group(1), versions.group(2)
        # updating Chrome reaches the driver's version only when the driver is the newer one
        update = f" (or update Chrome to {driver})" if int(driver) > int(browser) else ""
        return (
            f"This ChromeDriver is made for Chrome {driver}, but the installed browser is Chrome "
            f"{browser}: install the ChromeDriver of version {browser}{update}, then start the "
            "driver again."
        )
    if "unexpectedly exited" in said and "status code was" in said:
        # Selenium's words for a driver it found and started, which then exited
        return (
            "The driver program was found and started, but exited at once (it is not missing): "
            "run it by hand to see its error (a build for another system or browser version); "
            "on a machine without a screen (Colab, a server) give Chrome the `--headless` and "
            "`--no-sandbox` options."
        )
    if "could not read bytes" in said and any(
        fr.package == "scipy" and "matlab" in fr.filename for fr in parsed.frames
    ):
        # scipy's reader of a .mat file's compressed stream ran out of bytes mid-variable.
        return (
            "The .mat file ends before its data does (a partial download or copy): the path "
            "was found; download or copy the file again and compare its size with the source."
        )
    if "check_hostname requires server_hostname" in said and any(
        fr.function == "_connect_tls_proxy" for fr in parsed.frames
    ):
        # urllib3 1.26 speaks TLS to a proxy whose address starts with `https://` (TLS in TLS),
        # where Python's ssl has no host name to check: the proxy setting, not the request
        return (
            "urllib3 was opening an HTTPS connection to your proxy (its `_connect_tls_proxy`), "
            "which fails so when the proxy's address starts with `https://`: set it to "
            "`http://…` (the `HTTPS_PROXY` variable or the system's proxy settings), or install "
            "`urllib3==1.25.11`."
        )
    attribute = _ODBC_ATTRIBUTE_VALUE.search(parsed.message[:1_000])
    if attribute:
        name = attribute.group(1)
        return (
            f"The ODBC driver does not accept the value given for `{name}` in the connection "
            f"string (or the connection URL's `{name}=`): set it to a value the driver's "
            "documentation lists, or remove it."
        )
    if _S3_KEYS_REFUSED.search(said) and any(
        fr.library in ("botocore", "boto3", "s3transfer") for fr in parsed.frames
    ):
        # boto3 signs the request with the keys it was given: S3 (or the endpoint it was sent
        # to) computed another signature, or knows no such key; the call's values are not it.
        return (
            "The S3 storage refused the request's keys (its signature or key id does not match): "
            "check `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and the endpoint (e.g. "
            "`MLFLOW_S3_ENDPOINT_URL`) this kernel uses, not the call's other values."
        )
    if "socket is already closed" in said:
        # websocket-client raises it for a send on a socket not connected: not yet, or no more
        return (
            "The WebSocket is not open while this code sends on it (not yet, or no more): if it "
            "was started in the background, wait until its open callback ran before sending or "
            "subscribing; if it closed, connect again."
        )
    given = _FILLED_WITH_A_NAME.search(parsed.user_line)
    if "must specify a fill 'value' or 'method'" in said and given and given.group(1) != "None":
        # `df.fillna(mean_value)`: a value was passed, and it is None (a function without
        # `return`, an in-place method's result), so "pass one" misses what went wrong
        return (
            f"`{given.group(1)}` is None here, so `fillna` got no value to fill with: look where "
            "it was assigned (a function without `return`, an in-place method's result)."
        )
    for words, sentence in _TOLD_BY_MESSAGE:
        if all(word in said for word in words):
            return sentence
    if parsed.ename == "ScraperException" and "twitter.com" in said:
        return (
            "Twitter (X) closed the unauthenticated access snscrape uses (2023): retrying or "
            "other settings do not help; use the official API or another data source."
        )
    if parsed.ename == "RemoteDataError" and "finance.yahoo.com" in said:
        return (
            "Yahoo changed its pages, and pandas_datareader's Yahoo reader cannot read them any "
            "more (retrying does not help): download the prices with `yfinance` instead."
        )
    return ""


def _install_told(parsed: ParsedError) -> str:
    """The message gives the pip command of a package it needs, on a line of its own (not the
    command line of a shell run that failed: that one is what failed)."""
    command = _PIP_LINE.search(parsed.message[:2_000])
    if command is None or parsed.ename == "CalledProcessError":
        return ""
    return (
        f"The message names the package to install: `%{command.group(1)}` in a cell, then "
        "restart the kernel."
    )


def _policy_refused(parsed: ParsedError) -> str:
    """ImageMagick (through Wand) refused a format its security policy forbids: the machine's
    `policy.xml`, not the values passed, decides it."""
    refused = _IMAGEMAGICK_POLICY.search(parsed.message[:1_000])
    if refused is None:
        return ""
    name = refused.group(1)
    other = " (`pdf2image`)" if name.upper() == "PDF" else ""
    return (
        f"ImageMagick's security policy on this machine forbids {name} files, not a value of "
        f"yours: allow them in its `policy.xml` (e.g. `/etc/ImageMagick-6/policy.xml`: "
        f'`rights="read|write"` on the line with `pattern="{name}"`), or read them with another '
        f"tool{other}."
    )


def _class_redefined(parsed: ParsedError) -> str:
    """pickle looks a class up by its name and found another object there: the class was
    defined again (a cell re-run, `importlib.reload`, `%autoreload`) after the objects were
    made from it."""
    redefined = _REDEFINED_CLASS.search(parsed.message[:1_000])
    if redefined is None:
        return ""
    name = redefined.group(1).split(".")[-1]
    return (
        f"pickle finds another `{name}` under that name than the class your objects were made "
        "from, because the class was defined again after they were made (a re-run cell, "
        "`importlib.reload`, `%autoreload`): restart the kernel and run the cells once, in order."
    )


def _local_object_pickled(parsed: ParsedError) -> str:
    """pickle saves a function by its name, which a function defined inside another one
    (`main.<locals>.<lambda>`) does not have at the top of a module: where it is defined is the
    cause, not a value passed. Sending work to other processes pickles it."""
    local = _LOCAL_OBJECT.search(parsed.message[:1_000])
    if local is None:
        return ""
    outer, _, inner = local.group(1).rpartition(".<locals>.")
    what = "A `lambda`" if inner == "<lambda>" else f"`{inner}`"
    processes = _PROCESS_PACKAGES & {f.package for f in parsed.frames}
    why = ", which it needs to send work to other processes" if processes else ""
    threads = (
        ", or use threads (e.g. `ThreadPoolExecutor`), which pickle nothing" if processes else ""
    )
    # Processes that Windows and macOS start afresh (spawn) import the functions they run,
    # and a notebook's cells are no module they can import.
    spawned = processes and runtime(parsed) in ("windows", "macos")
    where = "in a `.py` file the notebook imports" if spawned else "at the top level of a cell"
    return (
        f"{what} is defined inside the function `{outer.rpartition('.')[2]}`, and pickle "
        f"cannot save such a local object{why}: define it with `def` {where}{threads}."
    )


# Selenium 3 ends every message with "(Driver info: chromedriver=2.40 ...)": naming the driver
# there says nothing about it missing, so a stale element must not read as a missing program.
_SELENIUM_INFO = re.compile(r"\(\s*(?:session|driver) info:[^)]*\)")


_KERAS = ("keras", "tensorflow", "tf_keras")


def _tensor_given_to_sklearn(parsed: ParsedError) -> str:
    """Keras (or TensorFlow) calls a scikit-learn function with its tensors: the function was
    given to it as a metric or a loss, and sklearn's checks take arrays, never graph tensors."""
    inside = [fr for fr in parsed.frames if not fr.is_user]
    keras_at = [i for i, fr in enumerate(inside) if fr.library in _KERAS]
    if not keras_at or "tensor" not in parsed.message[:300].lower():
        return ""
    below = inside[keras_at[-1] + 1 :]
    if not below or any(fr.library != "sklearn" for fr in below):
        return ""
    return (
        f"Keras called scikit-learn's `{below[0].function}` with its tensors (it was given as "
        "a metric or a loss), and scikit-learn takes arrays, not tensors: use a Keras metric "
        "there, and compute this score on `model.predict(...)`'s output."
    )


# rpy2's `%%R`/`%R`, as typed or as IPython translated it.
_R_MAGIC = re.compile(r"^\s*%%?R\b|run_(?:cell|line)_magic\('R'")
# R's words (through rpy2's `%%R`) for a package `library()`/`require()` did not find.
_R_PACKAGE_MISSING = re.compile(r"there is no package called [‘'`\"]([\w.]+)[’'`\"]")
# data.table's and base R's words for rows bound together whose columns differ.
_R_COLUMNS_DIFFER = re.compile(
    r"of item \d+ is missing in item \d+|Item \d+ has \d+ columns, inconsistent with item"
    r"|numbers of columns of arguments do not match|names do not match previous names"
)


def r_cell_look(parsed: ParsedError) -> str:
    """The look of an R error a `%%R` cell raised (its text is in the message or the chain): a
    package R lacks, or tables bound by rows whose columns differ because `sample()` of a
    table picks columns; else ""."""
    if not _R_MAGIC.search(parsed.user_code):
        return ""
    said = "\n".join((parsed.message, *(text for _, text in parsed.chain)))
    missing = _R_PACKAGE_MISSING.search(said)
    if missing:
        name = missing.group(1)
        return (
            f"R has no package `{name}` installed: run `install.packages('{name}')` in an "
            "`%%R` cell, then this cell again."
        )
    if _R_COLUMNS_DIFFER.search(said) and re.search(r"\bsample\(\s*[\w.]+\[", parsed.user_code):
        # a data.frame or data.table is a list of columns: `sample()` draws columns from it,
        # so each piece holds other ones (R's `fill=TRUE` would only pad them with NA)
        return (
            "`sample()` of a table picks columns, not rows, so the pieces bound together have "
            "different columns: sample rows instead, e.g. `dt[sample(.N, 10)]` for a data.table "
            "or `df[sample(nrow(df), 10), ]`."
        )
    return ""


# PySpark's worker.py, when its Python's minor version is not the driver's.
_SPARK_PYTHONS_DIFFER = "Python in worker has different version"


def spark_pythons_look(parsed: ParsedError) -> str:
    """PySpark's workers run another Python minor version than the driver (the message, buried
    in Spark's Java stack, names both): the fix is the two variables together, read before the
    message's own "check … are correctly set"."""
    if _SPARK_PYTHONS_DIFFER not in parsed.message:
        return ""
    return (
        "Spark's workers run another Python version than this notebook (the message names "
        "both): set `PYSPARK_PYTHON` and `PYSPARK_DRIVER_PYTHON` to the same Python, then "
        "restart the SparkContext."
    )


def named_failure(parsed: ParsedError) -> str:
    """The look sentence of a message that names a failure no input of the user explains (an
    interrupt, a missing program, a refused service, a graph mix-up, the OS or a device), else
    "". Read before the arguments the message names: a failed server call names its URL too."""
    said = _SELENIUM_INFO.sub("", f"{parsed.ename}: {parsed.message[:1_000]}".lower())
    # h2o words every error its Java backend raised about the request "Server error
    # water.exceptions.…" (an illegal argument, a file that exists): no failed server.
    said = said.replace("server error water.exceptions.", "water.exceptions.")
    if parsed.ename == "CancelledError":
        return _cancelled(parsed)
    known = _known_failure(parsed, said) or _tensor_given_to_sklearn(parsed)
    if known:
        return known
    if _between_processes(parsed, said):
        return _WORKERS_FAILED
    spark = spark_pythons_look(parsed)
    if spark:
        return spark
    for words, sentence in _FAILURES:
        whole = parsed.message.lower() if words is _FAILURES[0][0] else said
        if any(word in whole for word in words):
            return sentence
    if _HTTP_SERVER.search(said):
        return _SERVER_FAILED
    if ("401" in said or "403" in said or "429" in said) and _HTTP_REFUSED.search(said):
        return _local_server_refused(parsed, said) or _REFUSED
    return ""


# A URL of a server on this machine, as the code writes it: `http://127.0.0.1:5000`.
_LOCAL_URL = re.compile(r"\bhttps?://(?:127\.0\.0\.1|localhost|0\.0\.0\.0)(?::(\d+))?", re.I)
_ANY_URL = re.compile(r"\bhttps?://", re.I)
# The status AirPlay Receiver answers with: "error code 403", "HTTP Error 403: Forbidden".
_HTTP_403 = re.compile(r"\b403\b")
# Frames of a Mac's Python: `/Applications/anaconda3/...`, `/Users/<name>/...`, Homebrew's.
_MAC_PATH = re.compile(r"^(?:/Applications/|/Users/|/opt/homebrew/|/Library/Frameworks/)")


def _local_server_refused(parsed: ParsedError, said: str) -> str:
    """A 401/403 from a server the code reaches on this machine (`http://127.0.0.1:5000`, the
    one URL the crash's code names, and none in the message): no plan or quota of a service;
    whatever answers on that port refused. On a Mac, port 5000 is AirPlay Receiver's."""
    if "429" in said or _ANY_URL.search(said):
        return ""
    # a comment's link (`# docs: https://mlflow.org/...`) is no server the code reaches
    code = re.sub(r"(?m)^[ \t]*#.*$", "", parsed.user_code)
    urls = _ANY_URL.findall(code)
    local = _LOCAL_URL.findall(code)
    if not local or len(local) != len(urls):
        return ""
    port = local[-1]
    # AirPlay Receiver answers 403; a 401 asks for credentials, which only a server that has
    # logins (MLflow's basic-auth app) asks for
    mac = any(_MAC_PATH.match(f.filename) for f in parsed.frames)
    if port == "5000" and mac and _HTTP_403.search(said):
        return (
            "The server is on this machine (port 5000), and on a Mac AirPlay Receiver often "
            "holds that port and answers 403: start your server on another port (e.g. `--port "
            "5001`) and point the code's URL there, or turn AirPlay Receiver off."
        )
    where = f"port {port} of this machine" if port else "this machine"
    return (
        f"The server that refused is on {where}, not a service with plans or quotas: check that "
        "the program answering there is the server you started, and its access settings."
    )


def not_about_inputs(parsed: ParsedError, inputs_look: bool) -> str:
    """The look sentence of a message that names a failure no input of the user explains (an
    interrupt, a missing program, a refused service, the OS or a device), or of a message of no
    input words at all when ``inputs_look`` (the family's look is "check the inputs"); else ""."""
    # The opening says what failed; Spark's Java stack buries its cause, read whole for it.
    named = named_failure(parsed)
    if named:
        return named
    if not inputs_look:
        return ""
    opening = parsed.message[:1_000].lower()
    if any(word in opening for word in _ABOUT_INPUTS):
        return ""
    # the library the user's call went into, as the hint's first sentence names it (healpy,
    # not the astropy that healpy's code called and whose frame raised)
    call = failing_call(parsed)
    library = (call.library if call is not None else None) or parsed.api_library or parsed.library
    # No claim that no value of the user's is at fault: a message without input words can
    # still be about them; it only gives nothing to compare them with.
    whose = f" is `{library}`'s own account of the failure" if library else " says no more"
    return f"The message{whose}: search for it together with the library's name and version."
