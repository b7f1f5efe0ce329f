"""The trained text model at run time: numpy only, no pickle, no scikit-learn import.

A model is a directory with two files:

- ``model.json``: format version, what it was trained on and, per dimension, the class labels and
  the token vocabulary;
- ``model.npz``: per dimension the idf weights and the coefficients and intercepts of a logistic
  regression (loaded with ``allow_pickle=False``).

A head may also carry a ``temperature`` (1 when absent) and a ``smoothing`` ε (0 when absent) in
model.json: its scores are divided by the temperature before the softmax, and the probabilities
are then mixed with the uniform distribution, p' = (1 − ε) p + ε / K, so that they are calibrated
(both fitted by ``training.calibrate`` on out-of-fold predictions). Neither changes the order of
the classes.

Inference reproduces scikit-learn's ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` followed by
``LogisticRegression.predict_proba`` exactly at temperature 1 (tests/test_model_export.py checks
it), so a model trained with any scikit-learn version loads anywhere numpy does.

``load_model()`` prefers the user's model in ``<jupyter_data_dir>/nbcrash/model/`` (written by
``jupyter nbcrash train``) over the one shipped in ``jupyterlab_nbcrash/data/``; it is cached, and
a retrained model is picked up on the next call because the cache is keyed by the file's mtime.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import numpy as np

from .tokens import called_libraries, tokens
from .traceback import ParsedError

FORMAT = "nbcrash-linear-2"
DIMENSIONS = ("crash_type", "root_cause", "stage", "library", "ml_bug")
JSON_NAME = "model.json"
NPZ_NAME = "model.npz"
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data"

# Library classes that stand for "the package of the deepest library frame", so that the model
# can name libraries it never saw in training.
FRAME_LIBRARY = "_frame_"


class ModelError(Exception):
    """A model directory that is missing, unreadable or of another format."""


@dataclass(frozen=True)
class Prediction:
    """One dimension's answer: the label, its probability and every class, likeliest first."""

    label: str
    confidence: float
    top: tuple[tuple[str, float], ...] = ()


class Head:
    """One dimension: its own token vocabulary with idf weights and a logistic regression.

    Each dimension has its own vocabulary because each is trained on the token groups that
    help it (identifier parts help the stage but hurt the library, say).
    """

    def __init__(
        self,
        classes: Sequence[str],
        vocabulary: Sequence[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        temperature: float = 1.0,
        smoothing: float = 0.0,
    ):
        if not (isinstance(temperature, (int, float)) and 0 < temperature < 1e3):
            raise ValueError(f"temperature {temperature!r} is not a positive number")
        if not (isinstance(smoothing, (int, float)) and 0 <= smoothing < 1):
            raise ValueError(f"smoothing {smoothing!r} is not in [0, 1)")
        self.temperature = float(temperature)
        self.smoothing = float(smoothing)
        self.classes = tuple(classes)
        self.vocabulary = {tok: i for i, tok in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)
        # (n_features, n_classes) rows: one contiguous gather per crash. Two classes have a
        # single column of scores, as in scikit-learn.
        self.weights = np.ascontiguousarray(np.asarray(coef, dtype=np.float64).T)
        self.intercept = np.asarray(intercept, dtype=np.float64)

    @property
    def coef(self) -> np.ndarray:
        return self.weights.T

    def scores(self, index: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """The logistic regression's scores (before the temperature) from the row's features
        (column indices, 1 + log(count))."""
        values = tf * self.idf[index]
        norm = math.sqrt(float(values @ values))
        if norm > 0:
            values /= norm
        return values @ self.weights[index] + self.intercept

    def proba(self, index: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """Class probabilities from the row's features (column indices, 1 + log(count))."""
        p = softmax(self.scores(index, tf), self.temperature, len(self.classes))
        if self.smoothing:
            p = (1.0 - self.smoothing) * p + self.smoothing / len(p)
        return p


class Model:
    """One head per dimension, plus what the model was trained on."""

    def __init__(self, heads: dict[str, Head], meta: dict | None = None, path: Path | None = None):
        self.heads = heads
        self.meta = dict(meta or {})
        self.path = path
        # One look-up per distinct token for all heads: token -> global number, and per head
        # the column of each global number (-1 where the head does not know the token).
        tokens = sorted(set().union(*(head.vocabulary for head in heads.values())))
        self._gid = {tok: g for g, tok in enumerate(tokens)}
        self._cols = np.full((len(heads), len(tokens)), -1, dtype=np.intp)
        for h, head in enumerate(heads.values()):
            # One assignment a head, not one numpy item a token (≈20,000: ≈4 ms of every load,
            # which a scan pays and its read-only floor does not).
            vocab, n = head.vocabulary, len(head.vocabulary)
            where = np.fromiter(map(self._gid.__getitem__, vocab), np.intp, n)
            self._cols[h, where] = np.fromiter(vocab.values(), np.intp, n)
        self._stack()

    def restack(self) -> None:
        """Build again what ``stacked_proba`` reads from the heads: call it after changing a
        head's intercept or temperature in place (``training.calibrate`` does), or the model
        answers with the old ones (it did, in cross-validation, until issue 13's eighth session)."""
        self._stack()

    def _stack(self) -> None:
        """The five heads as one product (``predict_tokens``): per global token the idf-weighted
        coefficients of every head side by side (zero where a head does not know the token) and
        the squared idf per head, so that one gather and two products give every head's scores.

            score_h = (tf · idf_h) / ‖tf · idf_h‖ · W_h + b_h
                    = (tf · (idf_h W_h)) / √(tf² · idf_h²) + b_h:
        the same sums in another order (the probabilities agree to ~1e-15; checked to 1e-12 in
        tests/test_model_export.py).
        """
        sizes = [head.weights.shape[1] for head in self.heads.values()]
        self._bounds = np.cumsum([0, *sizes]).tolist()
        n = len(self._gid)
        self._stacked = np.zeros((n, self._bounds[-1]))
        self._idf2 = np.zeros((n, len(self.heads)))
        for h, head in enumerate(self.heads.values()):
            known = np.flatnonzero(self._cols[h] >= 0)
            cols = self._cols[h, known]
            idf = head.idf[cols]
            lo, hi = self._bounds[h], self._bounds[h + 1]
            self._stacked[known, lo:hi] = idf[:, None] * head.weights[cols]
            self._idf2[known, h] = idf * idf
        self._intercepts = np.concatenate([head.intercept for head in self.heads.values()])
        # Each score column divided by its head's temperature (one division for all heads).
        self._temperatures = np.repeat(
            [head.temperature for head in self.heads.values()], sizes
        ).astype(np.float64)
        self._norm_of_column = np.repeat(np.arange(len(self.heads)), sizes)

    # -- inference -----------------------------------------------------------------------------

    def _rows(self, toks: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per head (in order) the sparse row: column indices and sublinear term frequencies."""
        gid = self._gid
        known = [(gid[t], c) for t, c in Counter(toks).items() if t in gid]
        if not known:
            empty = (np.zeros(0, dtype=np.intp), np.zeros(0))
            return [empty] * len(self.heads)
        g = np.array([k[0] for k in known], dtype=np.intp)
        tf = 1.0 + np.log(np.array([k[1] for k in known], dtype=np.float64))
        rows = []
        for cols in self._cols[:, g]:
            present = cols >= 0
            rows.append((cols[present], tf[present]))
        return rows

    def proba(self, dimension: str, toks: Sequence[str]) -> np.ndarray:
        """Class probabilities of one dimension (order: ``heads[dimension].classes``)."""
        h = list(self.heads).index(dimension)
        return self.heads[dimension].proba(*self._rows(toks)[h])

    def scores(self, dimension: str, toks: Sequence[str]) -> np.ndarray:
        """One dimension's scores before the temperature (for fitting the temperature)."""
        h = list(self.heads).index(dimension)
        return self.heads[dimension].scores(*self._rows(toks)[h])

    def stacked_proba(self, toks: Sequence[str]) -> list[list[float]]:
        """Every head's class probabilities (in ``heads`` order) from one vectorisation and one
        product of the stacked coefficients; the same numbers as ``proba`` to ~1e-15.

        The softmax of a head's few scores (2 to 20) runs on Python floats: a numpy call costs
        more than the arithmetic of a row this short."""
        gid = self._gid
        known: list[int] = []
        seen: list[int] = []
        for tok, count in Counter(toks).items():  # one pass: global numbers and their counts
            g = gid.get(tok)
            if g is not None:
                known.append(g)
                seen.append(count)
        if known:
            g = np.array(known, dtype=np.intp)
            tf = 1.0 + np.log(np.array(seen, dtype=np.float64))
            raw = tf @ self._stacked[g]
            norms = np.sqrt((tf * tf) @ self._idf2[g])
            norms[norms == 0] = 1.0  # no known token: the intercepts alone, as in ``scores``
            z = (
                (raw / norms[self._norm_of_column] + self._intercepts) / self._temperatures
            ).tolist()
        else:
            z = (self._intercepts / self._temperatures).tolist()
        out = []
        bounds = self._bounds
        for h, head in enumerate(self.heads.values()):
            zh = z[bounds[h] : bounds[h + 1]]
            if len(zh) == 1:  # two classes, one column of scores (``softmax``)
                p1 = 1.0 / (1.0 + math.exp(-zh[0]))
                p = [1.0 - p1, p1]
            else:
                top = max(zh)
                e = [math.exp(v - top) for v in zh]
                total = math.fsum(e)
                p = [v / total for v in e]
            eps = head.smoothing
            if eps:
                p = [(1.0 - eps) * v + eps / len(p) for v in p]
            out.append(p)
        return out

    def predict_tokens(self, toks: Sequence[str], library_hint: str | None = None) -> dict:
        """Per dimension the best label; ``library_hint`` resolves the frame-library class."""
        out: dict[str, Prediction] = {}
        for (dim, head), p in zip(self.heads.items(), self.stacked_proba(toks), strict=True):
            ranked = sorted(zip(head.classes, p, strict=True), key=itemgetter(1), reverse=True)
            if dim == "library":
                ranked = _resolve_library(ranked, library_hint)
            out[dim] = Prediction(ranked[0][0], ranked[0][1], tuple(ranked))
        return out

    def predict(self, parsed, matches: Sequence = ()) -> dict[str, Prediction]:
        """Predict every dimension of a parsed crash, given the rules that fired on it."""
        return self.predict_tokens(tokens(parsed, matches), library_hint=library_hint(parsed))

    # -- persistence ---------------------------------------------------------------------------

    def save(self, directory: str | os.PathLike) -> Path:
        """Write model.json + model.npz into ``directory`` (created if needed)."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {}
        heads = {}
        for dim, head in self.heads.items():
            arrays[f"idf_{dim}"] = head.idf
            arrays[f"coef_{dim}"] = head.coef
            arrays[f"intercept_{dim}"] = head.intercept
            vocab = sorted(head.vocabulary, key=head.vocabulary.__getitem__)
            heads[dim] = {"classes": list(head.classes), "vocabulary": vocab}
            if head.temperature != 1.0:
                heads[dim]["temperature"] = head.temperature
            if head.smoothing:
                heads[dim]["smoothing"] = head.smoothing
        doc = {"format": FORMAT, "meta": self.meta, "heads": heads}
        # Write both files next to their final names first, then move: a reader never sees a
        # half-written model (the server may load it while `train` runs).
        tmp_npz = directory / (NPZ_NAME + ".tmp.npz")
        tmp_json = directory / (JSON_NAME + ".tmp")
        np.savez_compressed(tmp_npz, **arrays)
        tmp_json.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp_npz, directory / NPZ_NAME)
        os.replace(tmp_json, directory / JSON_NAME)
        return directory

    @classmethod
    def load(cls, directory: str | os.PathLike) -> Model:
        directory = Path(directory)
        try:
            doc = json.loads((directory / JSON_NAME).read_text(encoding="utf-8"))
            with np.load(directory / NPZ_NAME, allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except (OSError, ValueError) as err:
            raise ModelError(f"cannot read the model in {directory}: {err}") from err
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ModelError(f"{directory / JSON_NAME} is not an nbcrash model ({FORMAT})")
        heads = {}
        try:
            for dim, spec in doc["heads"].items():
                head = Head(
                    spec["classes"],
                    spec["vocabulary"],
                    arrays[f"idf_{dim}"],
                    arrays[f"coef_{dim}"],
                    arrays[f"intercept_{dim}"],
                    spec.get("temperature", 1.0),
                    spec.get("smoothing", 0.0),
                )
                n = len(head.vocabulary)
                if head.idf.shape != (n,) or head.weights.shape[0] != n:
                    raise ModelError(f"the model in {directory} has inconsistent sizes ({dim})")
                heads[dim] = head
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"the model in {directory} is incomplete: {err}") from err
        return cls(heads, doc.get("meta", {}), directory)


def library_hint(parsed: ParsedError) -> str | None:
    """The library a crash is most plausibly about: the library the user's code called (the
    outermost library frame: seaborn when seaborn called matplotlib that raised), else the
    deepest library frame, else the API the user's failing line calls (import alias, imported
    name, object built by a library call in the code shown, well-known class or function).

    The outermost frame names the API the user misused; 5-fold CV on the study's crashes:
    library +1.9 points against the deepest frame."""
    lib = parsed.api_library or parsed.library
    if lib:
        return lib
    libs = called_libraries(parsed)
    return libs[0] if libs else None


def softmax(scores: np.ndarray, temperature: float, n_classes: int) -> np.ndarray:
    """Probabilities of a logistic regression's scores, divided by ``temperature`` first (two
    classes have a single column of scores, as in scikit-learn)."""
    if n_classes == 2 and scores.shape[-1] == 1:
        p1 = 1.0 / (1.0 + np.exp(-scores[..., :1] / temperature))
        return np.concatenate([1.0 - p1, p1], axis=-1)
    z = scores / temperature
    if z.ndim == 1:  # one crash: the same reductions without the methods' Python wrappers
        e = np.exp(z - np.maximum.reduce(z))
        return e / np.add.reduce(e)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _resolve_library(ranked: list[tuple[str, float]], hint: str | None) -> list[tuple[str, float]]:
    """Replace the frame-library class by the actual package ("none" when there is none); a
    package that is also a class of its own gets both probabilities, so they still sum to 1."""
    merged: dict[str, float] = {}
    for label, p in ranked:
        if label == FRAME_LIBRARY:
            label = hint or "none"
        merged[label] = merged.get(label, 0.0) + p
    return sorted(merged.items(), key=lambda lp: -lp[1])


# -- locating and caching ----------------------------------------------------------------------


def user_model_dir() -> Path:
    """Where `jupyter nbcrash train` writes the user's model by default."""
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "nbcrash" / "model"


def find_model_dir(path: str | os.PathLike | None = None) -> tuple[Path | None, str]:
    """(directory, source): an explicit path, else the user's model, else the shipped one."""
    if path is not None:
        return Path(path), "explicit"
    try:
        user = user_model_dir()
        if (user / JSON_NAME).is_file() and (user / NPZ_NAME).is_file():
            return user, "user"
    except Exception:  # a broken jupyter_core set-up must not break diagnosis
        pass
    if (SHIPPED_DIR / JSON_NAME).is_file() and (SHIPPED_DIR / NPZ_NAME).is_file():
        return SHIPPED_DIR, "shipped"
    return None, "none"


_cache: dict[Path, tuple[float, Model]] = {}
_resolved: dict = {}  # path argument -> (monotonic time of the check, model)
_lock = threading.Lock()
# How long a located model is used before looking again for a newer or a user model: keeps the
# file-system checks out of the per-crash cost while a retrain is still picked up within seconds.
RECHECK_SECONDS = 2.0


def load_model(path: str | os.PathLike | None = None) -> Model | None:
    """The model to use, loaded once and reloaded when its file changes; None if there is none.

    An explicit ``path`` that cannot be loaded raises ``ModelError``; a broken user model falls
    back to the shipped one (a bad retrain must not take diagnosis down).
    """
    key = None if path is None else str(path)
    hit = _resolved.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[0] < RECHECK_SECONDS:
        return hit[1]
    try:
        model = _locate_and_load(path)
    except ModelError:
        if path is None:
            # A broken shipped model: say so now, then diagnose without it (rules only) until
            # the next check instead of failing to load it on every crash.
            _resolved[key] = (now, None)
        raise
    _resolved[key] = (now, model)
    return model


def _locate_and_load(path) -> Model | None:
    directory, source = find_model_dir(path)
    if directory is None:
        return None
    try:
        return _load_cached(directory, source)
    except ModelError:
        if source != "user":
            raise
        if (SHIPPED_DIR / JSON_NAME).is_file():
            return _load_cached(SHIPPED_DIR, "shipped")
        return None


def clear_cache() -> None:
    """Forget loaded models (tests, or after writing a model in-process)."""
    with _lock:
        _cache.clear()
        _resolved.clear()


def _load_cached(directory: Path, source: str) -> Model:
    try:
        mtime = (directory / NPZ_NAME).stat().st_mtime_ns + (
            directory / JSON_NAME
        ).stat().st_mtime_ns
    except OSError as err:
        raise ModelError(f"no model in {directory}") from err
    with _lock:
        hit = _cache.get(directory)
        if hit is not None and hit[0] == mtime:
            return hit[1]
        model = Model.load(directory)
        model.meta["source"] = source
        _cache[directory] = (mtime, model)
        return model


def model_status(path: str | os.PathLike | None = None) -> dict:
    """{source, path, trained_on, created} for GET /nbcrash/status, without loading the arrays."""
    directory, source = find_model_dir(path)
    if directory is None:
        return {"source": "none", "path": None, "trained_on": None, "created": None}
    meta = {}
    try:
        with open(directory / JSON_NAME, encoding="utf-8") as fh:
            meta = json.load(fh).get("meta", {})
    except (OSError, ValueError, AttributeError):
        pass
    if not isinstance(meta, dict):
        meta = {}
    return {
        "source": source,
        "path": str(directory),
        "trained_on": meta.get("trained_on"),
        "created": meta.get("created"),
    }
