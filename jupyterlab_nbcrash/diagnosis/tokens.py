"""Tokens the text model sees: one bag of prefixed tokens per crash.

The same function feeds training (scikit-learn) and inference (numpy), so the two can never drift
apart. Tokens are grouped by prefix so that the model can weigh, say, a word of the message
(``m:``) differently from the same word in the user's failing line (``u:``):

- ``e:``/``ep:``/``eq:``  exception class, its camel-case parts, its module path
- ``m:``/``m2:``          words and word pairs of the normalised message (numbers, shapes, paths
                          and quoted names abstracted), ``q:`` short quoted identifiers
- ``c:``/``cm:``          earlier exceptions of a chain
- ``fl:``/``fd:``/``ff:`` libraries in the frames, the deepest library, its function names
- ``fa:``                 the library the user's code called (outermost library frame)
- ``u:``/``uc:``/``ul:``  identifiers, calls and library aliases of the failing user line;
  ``t:`` those of the cell-level line; ``k:`` identifiers of all user code shown
- ``s:``/``ss:``          stage cues of the failing line / of the user code (fit → training …)
- ``ks:``                 stages the identifier parts of all the code shown hint at, counted
- ``al:``/``aln:``        libraries whose API the failing line calls (``aln``: no library frame)
- ``nm:``                 the shape of a missing name (module alias, class, called, data-like …)
- ``tb:``                 every word of the traceback text, unabstracted
- ``r:``/``rct:``/``rrc:``/``rst:``/``rlb:``  the rules that fired and what they say
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence

from .name_reads import followers, leads
from .rules.base import RuleMatch
from .traceback import Frame, ParsedError

# Bump when the tokens change: a model trained on other tokens must be retrained (the shipped
# model records the version it was trained with; a test compares them).
FEATURES_VERSION = 6

# Common import aliases → the library they stand for (a NameError on one is a forgotten import;
# a failing line that calls through one is about that library).
ALIASES: dict[str, str] = {
    "pd": "pandas",
    "pandas": "pandas",
    "np": "numpy",
    "numpy": "numpy",
    "plt": "matplotlib",
    "matplotlib": "matplotlib",
    "mpl": "matplotlib",
    "sns": "seaborn",
    "seaborn": "seaborn",
    "tf": "tensorflow",
    "tensorflow": "tensorflow",
    "keras": "tensorflow",
    "K": "tensorflow",
    "layers": "tensorflow",
    "torch": "torch",
    "nn": "torch",
    "F": "torch",
    "optim": "torch",
    "torchvision": "torch",
    "sklearn": "sklearn",
    "metrics": "sklearn",
    "preprocessing": "sklearn",
    "cv2": "cv2",
    "sm": "statsmodels",
    "smf": "statsmodels",
    "scipy": "scipy",
    "stats": "scipy",
    "px": "plotly",
    "go": "plotly",
    "xgb": "xgboost",
    "lgb": "lightgbm",
    "nltk": "nltk",
    "Image": "PIL",
    "requests": "requests",
}

# Standard-library modules that are often forgotten (NameError 'os' is a missing import too).
STDLIB_NAMES = frozenset(
    [
        "os",
        "sys",
        "re",
        "math",
        "json",
        "pickle",
        "random",
        "time",
        "datetime",
        "glob",
        "collections",
        "itertools",
        "functools",
        "csv",
        "shutil",
        "subprocess",
        "string",
        "warnings",
        "copy",
        "io",
        "pathlib",
        "urllib",
        "statistics",
        "gc",
    ]
)


def _by_word(groups: dict[str, str]) -> dict[str, str]:
    """``{label: "word word ..."}`` turned round: each word → its label (the first one wins)."""
    table: dict[str, str] = {}
    for label, words in groups.items():
        for word in words.split():
            table.setdefault(word, label)
    return table


# Words of the user's code that tell the pipeline stage. Matched against identifiers (lower-case).
STAGE_CUES = _by_word(
    {
        "training": "fit fit_generator train train_on_batch epochs epoch backward zero_grad step "
        "gridsearchcv randomizedsearchcv cross_val_score cross_validate kfold stratifiedkfold "
        "optimizer loss_fn criterion trainer partial_fit train_model history callbacks "
        "earlystopping fit_transform_model xgbclassifier",
        "evaluation": "predict predict_proba predict_classes evaluate score accuracy_score "
        "confusion_matrix classification_report roc_curve roc_auc_score auc f1_score "
        "precision_score recall_score mean_squared_error mean_absolute_error r2_score metrics "
        "test_loss test_acc y_pred preds pred predictions eval inference log_loss",
        "data_visualization": "plt plot hist imshow scatter figure show subplot subplots barplot "
        "heatmap countplot distplot histplot boxplot lineplot scatterplot pairplot jointplot "
        "violinplot catplot lmplot regplot kdeplot legend xlabel ylabel title savefig sns px "
        "wordcloud display xticks yticks set_title set_xlabel ax axes fig colorbar bar pie",
        "data_preparation": "read_csv read_excel read_json read_table read_sql read_parquet merge "
        "fillna dropna groupby drop apply loc iloc astype train_test_split concat append reshape "
        "transform fit_transform labelencoder onehotencoder get_dummies to_datetime replace "
        "map value_counts sort_values reset_index set_index rename pivot melt "
        "standardscaler minmaxscaler normalize tokenizer texts_to_sequences pad_sequences "
        "imagedatagenerator dataloader dataset head describe info isnull isna unique query "
        "load_data loadtxt genfromtxt resize dataframe series to_numpy",
        "model_construction": "sequential add dense conv2d conv1d lstm gru dropout flatten "
        "maxpooling2d embedding compile summary layers layer module linear "
        "batchnorm2d relu activation from_pretrained build inputlayer functional "
        "randomforestclassifier logisticregression svc kmeans pipeline",
        "environment_setup": "import pip install chdir listdir mount drive path makedirs getcwd "
        "environ version __version__ set_seed seed device cuda config load_ext",
    }
)

# Parts of identifiers that tell the stage even inside user names (plot_curve, y_pred, train_x).
SUBWORD_CUES = _by_word(
    {
        "data_visualization": "plot plt sns show display fig figure ax axes axis hist histogram "
        "scatter chart heatmap bar barh pie imshow color colors legend xlabel ylabel title viz "
        "visualize visualise draw graph",
        "training": "train training fit epoch epochs optimizer optim grid search cv fold folds "
        "backward tune tuning",
        "evaluation": "pred preds predict predicted prediction predictions test score scores acc "
        "accuracy mse rmse mae eval evaluate evaluation metric metrics confusion roc auc report "
        "precision recall f1 residual residuals",
        "model_construction": "model models layer layers net network dense conv lstm compile "
        "summary pretrained tokenizer encoder decoder classifier regressor clf estimator build",
        "data_preparation": "df data dataset csv read load clean merge split col cols column "
        "columns feature features encode encoded scaled scaler normalize normalized preprocess "
        "transform dummies drop fillna",
        "environment_setup": "import install path dir os env version config seed device cuda gpu",
    }
)

# Well-known classes and functions → their library: a failing line that calls one (or a method of
# an object built by one in the code shown) is about that library even without a library frame.
API_NAMES = _by_word(
    {
        "sklearn": "randomforestclassifier randomforestregressor logisticregression "
        "linearregression svc svr linearsvc kmeans dbscan pca tsne standardscaler minmaxscaler "
        "robustscaler labelencoder onehotencoder labelbinarizer train_test_split gridsearchcv "
        "randomizedsearchcv "
        "cross_val_score cross_val_predict cross_validate accuracy_score confusion_matrix "
        "classification_report mean_squared_error mean_absolute_error r2_score f1_score "
        "precision_score recall_score roc_auc_score roc_curve kneighborsclassifier "
        "kneighborsregressor decisiontreeclassifier decisiontreeregressor "
        "gradientboostingclassifier gradientboostingregressor adaboostclassifier "
        "extratreesclassifier tfidfvectorizer countvectorizer columntransformer simpleimputer "
        "gaussiannb multinomialnb bernoullinb nearestneighbors kfold stratifiedkfold ridge lasso "
        "elasticnet sgdclassifier polynomialfeatures make_pipeline agglomerativeclustering "
        "silhouette_score normalizer",
        "pandas": "dataframe series read_csv read_excel read_json read_table read_sql read_pickle "
        "get_dummies to_datetime to_numeric date_range crosstab pivot_table",
        "tensorflow": "sequential dense conv2d conv1d maxpooling2d maxpool2d lstm gru dropout "
        "flatten embedding batchnormalization imagedatagenerator to_categorical pad_sequences "
        "load_model earlystopping modelcheckpoint inputlayer globalaveragepooling2d",
        "torch": "tensor dataloader tensordataset from_numpy no_grad crossentropyloss mseloss",
        "numpy": "ndarray arange linspace zeros ones asarray concatenate vstack hstack loadtxt "
        "genfromtxt argmax",
        "matplotlib": "subplots figure imshow",
        "xgboost": "xgbclassifier xgbregressor",
        "lightgbm": "lgbmclassifier lgbmregressor",
    }
)

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
ALIAS_USE = re.compile(r"(?<![\w.])([A-Za-z_][A-Za-z0-9_]*)\s*\.")
_QUOTED = re.compile(r"'([^'\n]{0,200})'|\"([^\"\n]{0,200})\"")
_SHAPE = re.compile(r"[\(\[]\s*(?:\d+|None|\?)?\s*(?:,\s*(?:\d+|None|\?)?\s*)+[\)\]]")
_NUMBER = re.compile(r"(?<![A-Za-z_])[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
_WORD = re.compile(r"[a-z_][a-z0-9_]*")
# Every run of two or more word characters: what r"\b\w\w+\b" finds (a greedy run starts and
# ends on a boundary anyway), a third faster without the boundary tests.
_TEXT_WORD = re.compile(r"\w\w+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_PATHLIKE = re.compile(
    r"[/\\]|\.(?:csv|txt|json|h5|hdf5|pkl|pickle|xlsx?|png|jpe?g|npy|npz|zip|gz|tsv|parquet|pt|pth|ckpt|model|mat|nc|tif)$",
    re.I,
)

# The patterns of one call each, compiled here: ``re.search(pattern, …)`` looks its compiled
# form up in re's cache on every call.
_DOTTED_WORD = re.compile(r"[\w.]+")
_IMPORTED = re.compile(r"\s*(?:from|import)\s+([A-Za-z_][\w]*)")
_ASSIGNMENT = re.compile(r"\s*[\w\[\], .'\"]+\s*=[^=]")
_NAME_IN_MESSAGE = re.compile(r"name '([^']+)'")
_DATA_NAME = re.compile(
    r"(^|_)(df|data|dataset|x|y|train|test|val|valid|features|labels|target)(_|$|\d)"
)
_MODEL_NAME = re.compile(r"(model|clf|net|classifier|regressor|estimator|pipeline|encoder)")
_RESULT_NAME = re.compile(r"(pred|score|acc|loss|result|metric)")
# The character after a missing name's use in the failing line → its token.
_FOLLOWED_BY = (("(", "nm:called"), (".", "nm:dotted"), ("[", "nm:indexed"))

# Frame headers differ by IPython version: `<ipython-input-5-9f1e> in <module>` (IPython 7),
# `Input In [5], in <cell line: 2>()` (8.0-8.5), `Cell In[5], line 2` (8.6+), ipykernel temp
# files, and `File path:N, in f` for library frames (8.x) against `path in f` (7). Their words
# say which IPython ran the notebook, not why it crashed: the study's crashes are mostly of the
# old style and our corpus of the new one, so left in they teach the model "new style →
# implementation error" (3.4 % of root causes changed when the study's crashes were re-rendered in
# the new style). The whole-traceback words see one neutral form.
_USER_HEADER = re.compile(
    r"<ipython-input-(\d+)-[0-9a-f]+>(?P<m1> in <module>)?"
    r"|Cell In ?\[(\d+)\], line \d+(?P<m2>$)?,?"
    r"|Input In ?\[(\d+)\](?P<m3>, in <cell line: \d+>\(\))?,?",
    re.M,
)
# ipykernel's temp file of a cell (no execution count); only tried when the text names one.
_KERNEL_FILE = re.compile(r"(?:File )?\S*ipykernel_\d+[\\/]\d+\.py(?::\d+)?(?P<m4>,? in <module>)?")
_LIBRARY_HEADER = re.compile(r"^File (\S.*?):\d+, in ", re.M)

# Every crash is a real one; training swaps this token for "src:corpus" on our corpus's cases.
REAL_TOKEN = "src:real"

MAX_MESSAGE_CHARS = 600
MAX_TEXT_CHARS = 12_000
MAX_TEXT_WORDS = 800
MAX_CODE_LINES = 40
MAX_FRAMES = 12


def _norm_quoted(match: re.Match) -> str:
    inner = match.group(1) if match.group(1) is not None else match.group(2) or ""
    if _PATHLIKE.search(inner):
        return " _path_ "
    if _IDENT.fullmatch(inner):
        return " _name_ "
    if _DOTTED_WORD.fullmatch(inner):
        return " _dotted_ "
    return " _str_ "


def normalise_message(message: str) -> str:
    """Lower-case words of the message with specifics (names, paths, numbers, shapes) abstracted."""
    text = message[:MAX_MESSAGE_CHARS]
    text = _QUOTED.sub(_norm_quoted, text)
    text = _SHAPE.sub(" _shape_ ", text)
    text = _NUMBER.sub(" _num_ ", text)
    return text.lower()


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if len(w) <= 30]


def _message_tokens(prefix: str, message: str, pairs: bool = True) -> list[str]:
    words = _words(normalise_message(message))[:80]
    out = [f"{prefix}:{w}" for w in words]
    if pairs:
        out += [f"{prefix}2:{a}_{b}" for a, b in itertools.pairwise(words)]
    return out


def _quoted_tokens(message: str) -> list[str]:
    out = []
    for m in _QUOTED.finditer(message[:MAX_MESSAGE_CHARS]):
        inner = m.group(1) if m.group(1) is not None else m.group(2) or ""
        if 0 < len(inner) <= 30 and _DOTTED_WORD.fullmatch(inner):
            out.append("q:" + inner.lower())
            top = inner.split(".")[0]
            if top in ALIASES:
                out.append("ql:" + ALIASES[top])
    return out


def name_shape(name: str, user_line: str = "") -> list[str]:
    """What kind of name a NameError is about: a forgotten import, a class, a function, data."""
    if not name:
        return []
    out = []
    if name in ALIASES or name in STDLIB_NAMES:
        out.append("nm:alias")
    elif name[:1].isupper() and any(c.islower() for c in name):
        out.append("nm:class")
    elif name.isupper():
        out.append("nm:const")
    if user_line:
        after = followers(name, user_line)
        out += [token for char, token in _FOLLOWED_BY if char in after]
    if user_line and leads(name, user_line):
        out.append("nm:leading")
    low = name.lower()
    if _DATA_NAME.search(low):
        out.append("nm:data")
    if _MODEL_NAME.search(low):
        out.append("nm:model")
    if _RESULT_NAME.search(low):
        out.append("nm:result")
    if "_" in name:
        out.append("nm:snake")
    if len(name) <= 2:
        out.append("nm:short")
    return out or ["nm:plain"]


def code_tokens(prefix: str, line: str) -> list[str]:
    """Identifiers, calls, aliases and stage cues of one line of user code."""
    if not line:
        return []
    line = line[:400]
    out = []
    idents = _IDENT.findall(line)
    out += [f"{prefix}:{i.lower()}" for i in idents[:40]]
    out += [f"{prefix}c:{c.lower()}" for c in _CALL.findall(line)[:20]]
    for alias in ALIAS_USE.findall(line):
        lib = ALIASES.get(alias)
        if lib:
            out.append(f"{prefix}l:{lib}")
    stripped = line.lstrip()
    if stripped.startswith(("import ", "from ")):
        out.append(f"{prefix}:_import_")
        m = _IMPORTED.match(line)
        if m:
            out.append(f"{prefix}l:{ALIASES.get(m.group(1), m.group(1).lower())}")
    if stripped.startswith(("!", "%")):
        out.append(f"{prefix}:_magic_")
    if _ASSIGNMENT.match(line):
        out.append(f"{prefix}:_assign_")
    return out


_FROM_IMPORT = re.compile(r"\s*from\s+([\w.]+)\s+import\s+\(?([\w ,]+)")
_IMPORT_AS = re.compile(r"\s*import\s+([\w.]+)(?:\s+as\s+(\w+))?")
_ASSIGN_CALL = re.compile(r"\s*([\w, ]+?)\s*=\s*([A-Za-z_][\w.]*)\s*\(")
_DOTTED = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(\s*\()?")


def _module_library(module: str) -> str:
    top = module.split(".")[0]
    return ALIASES.get(top, top.lower())


def api_libraries(user_line: str, code_lines: Sequence[str] = ()) -> list[str]:
    """Libraries whose API the failing line calls: import aliases, names imported in the code
    shown, objects built by a library call in it (``clf = SVC()`` … ``clf.score``) and
    well-known class/function names (``API_NAMES``)."""
    if not user_line:
        return []
    known: dict[str, str] = {}

    def resolve(dotted: str, called: bool) -> str | None:
        parts = dotted.split(".")
        if parts[0] in known:
            return known[parts[0]]
        if len(parts) > 1 and parts[0] in ALIASES:
            return ALIASES[parts[0]]
        # A well-known name only when called (``DataFrame(...)``): a bare ``tensor`` or
        # ``figure`` is as likely a user's variable.
        return API_NAMES.get(parts[-1].lower()) if called else None

    for line in code_lines[:MAX_CODE_LINES]:
        line = line[:300]
        m = _FROM_IMPORT.match(line)
        if m:
            lib = _module_library(m.group(1))
            for part in m.group(2).split(","):
                words = part.split()
                if words:
                    known[words[-1]] = lib
            continue
        m = _IMPORT_AS.match(line)
        if m:
            known[m.group(2) or m.group(1).split(".")[0]] = _module_library(m.group(1))
            continue
        m = _ASSIGN_CALL.match(line)
        if m:
            lib = resolve(m.group(2), True)
            if lib:
                for target in m.group(1).split(","):
                    if target.strip().isidentifier():
                        known.setdefault(target.strip(), lib)
    out = []
    for dotted, call in _DOTTED.findall(user_line[:400]):
        lib = resolve(dotted, bool(call))
        if lib:
            out.append(lib)
    return list(dict.fromkeys(out))


def subwords(ident: str) -> list[str]:
    """Lower-case parts of an identifier: plotKMeans → plot, k, means; y_pred2 → y, pred."""
    return [p.lower() for p in _CAMEL.findall(ident.replace("_", " ")) if not p.isdigit()]


@functools.lru_cache(maxsize=4096)  # identifiers repeat from crash to crash (df, model, fit …)
def _ident_cues(ident: str) -> tuple[tuple[str, str], ...]:
    """(part, stage or "") for each part of one identifier."""
    return tuple((part, SUBWORD_CUES.get(part, "")) for part in subwords(ident))


def _subword_cues(line: str, chars: int = 400, idents: int = 40) -> list[tuple[str, str]]:
    """(part, stage or "") for the identifier parts of the start of a line."""
    out: list[tuple[str, str]] = []
    for ident in _IDENT.findall(line[:chars])[:idents]:
        out += _ident_cues(ident)
    return out


def subword_tokens(prefix: str, line: str) -> list[str]:
    """Identifier parts of a line (``w:``) and the stages they hint at (``sw:``)."""
    out = []
    for part, stage in _subword_cues(line):
        if len(part) >= 2:
            out.append(f"{prefix}:{part}")
            if stage:
                out.append(f"{prefix}s:{stage}")
    return out


def stage_cues(lines: Iterable[str]) -> list[str]:
    """Stages the code's identifiers point at, in order of appearance (may repeat)."""
    out = []
    for line in lines:
        for ident in _IDENT.findall(line[:400]):
            stage = STAGE_CUES.get(ident.lower())
            if stage:
                out.append(stage)
        if line.lstrip().startswith(("import ", "from ", "!pip", "%pip")):
            out.append("environment_setup")
    return out


def _subword_stages(lines: Iterable[str]) -> list[str]:
    """Stages the identifier parts of whole code lines point at (shorter window per line)."""
    return [stage for line in lines for _, stage in _subword_cues(line, 300, 30) if stage]


_EXEC_COUNT = re.compile(r"(?:ipython-input-|In ?\[)(\d+)")


def _bucket(value: int, bounds: Sequence[int]) -> str:
    for b in bounds:
        if value <= b:
            return f"le{b}"
    return f"gt{bounds[-1]}"


def _user_code(parsed: ParsedError, user_frames: Sequence[Frame]) -> tuple[str, str, list[str]]:
    """(failing line, the cell's own failing line, the user's code lines shown or sent)."""
    top_line = user_frames[0].failing_line if user_frames else ""
    code_lines: list[str] = []
    for f in user_frames[:MAX_FRAMES]:
        code_lines += f.code_lines
    if not code_lines:
        code_lines = parsed.user_code.splitlines()
    return parsed.user_line, top_line, code_lines[:MAX_CODE_LINES]


def called_libraries(parsed: ParsedError) -> list[str]:
    """``api_libraries`` of a parsed crash: what its failing line calls, given its code."""
    user_frames = [f for f in parsed.frames if f.is_user]
    user_line, top_line, code_lines = _user_code(parsed, user_frames)
    return api_libraries(user_line or top_line, code_lines)


def _user_header(m: re.Match) -> str:
    # The execution count stays: how long the kernel had run is a cue of its own.
    groups = m.groupdict()
    count = next((g for g in m.groups() if g and g.isdigit()), None)
    head = f"user_cell {count}" if count else "user_cell"
    module = any(v is not None for k, v in groups.items() if k.startswith("m"))
    return head + " in <module>" if module else head


def style_neutral(text: str) -> str:
    """The traceback text with its frame headers in one form, whatever IPython printed it."""
    text = _USER_HEADER.sub(_user_header, text[: MAX_TEXT_CHARS + 2000])
    if "ipykernel_" in text:
        # Line by line, and only the lines that name one: a match never spans a line, and the
        # pattern's leading ``\S*`` costs the square of every long run it is tried on (library
        # paths), ≈80 µs a traceback on the whole text.
        text = "\n".join(
            _KERNEL_FILE.sub(_user_header, line) if "ipykernel_" in line else line
            for line in text.split("\n")
        )
    return _LIBRARY_HEADER.sub(r"\1 in ", text)


def tokens(parsed: ParsedError, matches: Sequence[RuleMatch] = ()) -> list[str]:
    """The bag of tokens of one parsed crash (with the rules that fired on it)."""
    out: list[str] = []
    ename = parsed.ename.strip()
    if ename:
        out.append("e:" + ename.lower())
        out += ["ep:" + p.lower() for p in _CAMEL.findall(ename)]
    else:
        out.append("e:_none_")
    qualified = parsed.qualified_ename
    if "." in qualified:
        top = qualified.split(".")[0]
        out.append("eq:" + ALIASES.get(top, top).lower())

    message = parsed.message
    out += _message_tokens("m", message)
    out += _quoted_tokens(message)
    if not message.strip():
        out.append("m:_empty_")

    for ename_c, msg_c in parsed.chain[-3:]:
        out.append("c:" + (ename_c or "").lower())
        out += _message_tokens("cm", msg_c or "", pairs=False)[:30]

    # Frames: which libraries are involved and how deep.
    frames = parsed.frames
    libs = [lib for lib in parsed.libraries if lib]
    out += ["fl:" + lib.lower() for lib in dict.fromkeys(libs)]
    deepest = parsed.library
    out.append("fd:" + (deepest.lower() if deepest else "_none_"))
    # The library the user's code called (outermost library frame): seaborn when seaborn called
    # matplotlib, scikit-learn when its validation raised inside numpy.
    called = parsed.api_library
    if called:
        out.append("fa:" + called.lower())
    lib_frames = [f for f in frames if f.library]
    for f in lib_frames[-3:]:
        fn = f.function.lower()
        if fn and len(fn) <= 40:
            out.append("ff:" + fn)
    user_frames = [f for f in frames if f.is_user]
    if user_frames:
        # How long the kernel had been running (In[N]) and where in the cell it failed: a
        # failure in the first line of a fresh kernel's cell smells of cells run out of order.
        m = _EXEC_COUNT.search(user_frames[0].filename)
        if m:
            out.append("xc:" + _bucket(int(m.group(1)), (1, 3, 10, 30, 100)))
        lineno = user_frames[0].lineno
        if isinstance(lineno, int):
            out.append("ln:" + _bucket(lineno, (1, 2, 5, 20)))
    out.append(f"nf:{min(len(lib_frames), 4)}")
    out.append(f"nu:{min(len(user_frames), 3)}")
    if frames and not frames[-1].is_user and not frames[-1].library:
        out.append("fd:_stdlib_")  # the deepest frame is Python's own (socket, json, ...)

    # The user's code: the failing line, the cell-level line and the context shown.
    user_line, top_line, code_lines = _user_code(parsed, user_frames)
    out += code_tokens("u", user_line)
    if top_line and top_line != user_line:
        out += code_tokens("t", top_line)
    for line in code_lines:
        out += ["k:" + i.lower() for i in _IDENT.findall(line[:300])[:30]]
    # The library API the failing line calls (``aln:`` when no library frame shows it).
    for lib in api_libraries(user_line or top_line, code_lines):
        out.append("al:" + lib)
        if not deepest:
            out.append("aln:" + lib)
    out += ["s:" + s for s in stage_cues([user_line, top_line])]
    out += subword_tokens("w", user_line)
    if top_line and top_line != user_line:
        out += subword_tokens("w", top_line)
    out += ["ss:" + s for s in dict.fromkeys(stage_cues(code_lines))]
    # Stages the identifier parts of all the code shown point at, counted (``ks:``; stage only).
    out += ["ks:" + s for s in _subword_stages(code_lines)]

    if not user_line:
        out.append("u:_none_")

    # A missing name: what does it look like?
    if ename.lower() == "nameerror":
        names = parsed.names
        name = names[0] if names else ""
        if not name:
            m = _NAME_IN_MESSAGE.search(message)
            name = m.group(1) if m else ""
        out += name_shape(name, user_line)

    # Every word of the whole traceback, unabstracted (frame paths, code, names): broad but
    # what the root cause learns best from.
    text = style_neutral(parsed.text)
    words = _TEXT_WORD.findall(f"{ename} {message} {text[:MAX_TEXT_CHARS]}".lower())
    out += ["tb:" + w for w in words[:MAX_TEXT_WORDS]]

    # The rules' opinion, as features: the model learns how far to trust each.
    for i, match in enumerate(matches):
        rule = match.rule
        out.append("r:" + rule)
        if "." in rule:
            out.append("rf:" + rule.split(".")[0])
        if i == 0:
            for key, prefix in (
                ("crash_type", "rct"),
                ("root_cause", "rrc"),
                ("stage", "rst"),
                ("library", "rlb"),
            ):
                value = getattr(match, key)
                if value is not None:
                    out.append(f"{prefix}:{str(value).lower()}")
            conf = match.confidence
            out.append(f"rcf:{math.floor(float(conf) * 4)}")
    if not matches:
        out.append("r:_none_")
    out.append(REAL_TOKEN)
    return out
