"""The user's corrections: a layer on top of the model that fixes what the user corrected.

``jupyter nbcrash train --with-feedback`` turns the feedback given in the panel into
``corrections.json`` (``training/feedback.py``) in the user's model folder (beside, never
instead of, a model): per verdict the crash's tokens (``diagnosis/tokens.py``, counted) and the
labels the user gave. At diagnosis a
new crash is compared with every correction of the same exception by the cosine similarity of
their TF-IDF vectors, computed with the model's own vectorizer (the union of its heads'
vocabularies and their idf weights: the features the model reads crashes with); per dimension,
when the nearest correction that teaches it is at least ``THRESHOLD`` alike, its label replaces
the model's.

Why a layer and not a retrained model: the shipped model learnt from the study's labelled
crashes, which the package does not carry; a refit on our corpus plus the feedback loses them.
The layer leaves the model untouched, so a crash unlike every correction is diagnosed exactly as
before, and a corrected crash and its near duplicates get the user's labels
(``benchmarks/feedback_retrain.py`` measures both; README "Measured" has the numbers).

The tokens are stored, not vectors, so the corrections survive a new model
(they are weighted with whichever model diagnoses). JSON, no pickle; a file that cannot be read is
ignored with a log line (the model alone diagnoses), never an error of the diagnosis.
"""

from __future__ import annotations

import json
import logging
import math
import os
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import taxonomy

log = logging.getLogger(__name__)

FORMAT = "nbcrash-corrections-1"
FILE_NAME = "corrections.json"
# The dimensions a correction can set (the notebook cause follows the notebook analysis).
DIMENSIONS = ("crash_type", "root_cause", "stage", "library")
# Cosine similarity from which a correction applies to a new crash. Chosen on grouped folds of
# the study's crashes (benchmarks/feedback_retrain.py, seeds 0-2, k = 5/20/100 corrections): at
# 0.7 the crashes nobody corrected keep their accuracy (every dimension within 0.013 of the model
# alone) and the corrected crashes get their labels (1.00); at 0.6 paraphrases gain at most two
# points while unrelated crashes of the same exception swing (stage −0.019 at k = 20, −0.023 at
# k = 100); at 0.8 paraphrases with renamed names and numbers are missed (family split,
# seed 0, k = 100: root cause .913, stage .917).
THRESHOLD = 0.7
# Token groups that carry the user's names: identifiers of the failing line, the cell-level line,
# the code shown, their parts, quoted names, the traceback's words (diagnosis/tokens.py).
NAME_GROUPS = frozenset(("u", "t", "k", "w", "q", "tb"))
# A correction's confidence: the similarity times this (an exact duplicate: 0.95).
CONFIDENCE = 0.95


class CorrectionsError(Exception):
    """A corrections file that is missing, unreadable or of another format."""


@dataclass(frozen=True)
class Correction:
    """One verdict: the crash's token counts and the labels it teaches."""

    tokens: Mapping[str, int]
    labels: Mapping[str, str]
    verdict: str = "wrong"  # or "right"
    error: str = ""  # "KeyError: 'price'", for the listing
    feedback_id: int | None = None

    def as_json(self) -> dict:
        return {
            "feedback_id": self.feedback_id,
            "verdict": self.verdict,
            "error": self.error,
            "labels": dict(self.labels),
            "tokens": dict(sorted(self.tokens.items())),
        }


@dataclass(frozen=True)
class Match:
    """A correction applied to one dimension of a crash."""

    label: str
    similarity: float
    correction: Correction


@dataclass
class Corrections:
    """The user's corrections, with their vectors in the space of the last model asked for."""

    items: list[Correction]
    meta: dict = field(default_factory=dict)
    threshold: float = THRESHOLD
    path: Path | None = None
    # Compare crashes in the union of the heads' features (False), or per dimension in that
    # head's own (True): measured, the narrower spaces make unrelated crashes look alike (a
    # root-cause head reads the traceback's words and the rules only) and swung 3 times as many.
    per_head: bool = False
    # Leave out the token groups that carry the user's own names (``NAME_GROUPS``)?
    without_names: bool = False
    _spaces: dict = field(default_factory=dict, repr=False)
    _model: object = field(default=None, repr=False)
    _ename_array: np.ndarray | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __len__(self) -> int:
        return len(self.items)

    # -- matching ------------------------------------------------------------------------------

    def match(self, model, toks: Sequence[str]) -> dict[str, Match]:
        """Per dimension the nearest correction that teaches it, if at least ``threshold`` alike."""
        if not self.items or model is None:
            return {}
        out: dict[str, Match] = {}
        # Only a crash of the same exception is "a similar crash": a KeyError's correction
        # must not relabel an AttributeError however much of their code they share.
        same = self._enames() == _ename(toks)
        shared = None if self.per_head else self.similarities(model, toks) * same
        for dim in DIMENSIONS:
            sims = shared if shared is not None else self.similarities(model, toks, dim) * same
            for i in np.argsort(-sims, kind="stable"):
                sim = float(sims[i])
                if sim < self.threshold:
                    break
                label = self.items[i].labels.get(dim)
                if label is not None:
                    out[dim] = Match(label, sim, self.items[i])
                    break
        return out

    def similarities(self, model, toks: Sequence[str], dimension: str | None = None) -> np.ndarray:
        """Cosine similarity of the crash with every correction (0 where nothing is shared), in
        the features of ``dimension``'s head, or of the whole model when None."""
        columns, matrix, idf = self._vectors(model, dimension)
        counts = Counter(t for t in toks if t in idf and self._kept(t))
        if not counts or matrix.shape[0] == 0:
            return np.zeros(len(self.items))
        values = {t: (1.0 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        shared = [(columns[t], v) for t, v in values.items() if t in columns]
        if not shared or norm == 0:
            return np.zeros(len(self.items))
        cols = np.array([c for c, _ in shared], dtype=np.intp)
        vals = np.array([v for _, v in shared]) / norm
        return matrix[:, cols] @ vals

    def _vectors(self, model, dimension: str | None):
        """(token → column, L2-normalised TF-IDF rows of the corrections, token → idf) in the
        features of one head (or all); computed once per model (a reloaded model is another
        object)."""
        with self._lock:
            if self._model is not model:
                self._model, self._spaces = model, {}
            key = dimension if dimension in model.heads else None
            if key in self._spaces:
                return self._spaces[key]
            idf = model_idf(model) if key is None else head_idf(model.heads[key])
            rows = []
            for item in self.items:
                row = {
                    t: (1.0 + math.log(c)) * idf[t]
                    for t, c in item.tokens.items()
                    if t in idf and self._kept(t)
                }
                norm = math.sqrt(sum(v * v for v in row.values())) or 1.0
                rows.append({t: v / norm for t, v in row.items()})
            columns = {t: j for j, t in enumerate(sorted(set().union(*rows)))} if rows else {}
            matrix = np.zeros((len(rows), len(columns)))
            for i, row in enumerate(rows):
                for t, v in row.items():
                    matrix[i, columns[t]] = v
            self._spaces[key] = (columns, matrix, idf)
            return self._spaces[key]

    def _enames(self) -> np.ndarray:
        if self._ename_array is None or len(self._ename_array) != len(self.items):
            self._ename_array = np.array([_ename(item.tokens) for item in self.items])
        return self._ename_array

    def _kept(self, token: str) -> bool:
        return not self.without_names or token.split(":", 1)[0] not in NAME_GROUPS

    # -- persistence ---------------------------------------------------------------------------

    def save(self, directory: str | os.PathLike) -> Path:
        """Write ``corrections.json`` into ``directory`` (created if needed), atomically."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        doc = {
            "format": FORMAT,
            "meta": self.meta,
            "threshold": self.threshold,
            "corrections": [item.as_json() for item in self.items],
        }
        target = directory / FILE_NAME
        tmp = directory / (FILE_NAME + ".tmp")
        tmp.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, target)  # the server never reads half a file
        return target

    @classmethod
    def load(cls, path: str | os.PathLike) -> Corrections:
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise CorrectionsError(f"cannot read the corrections in {path}: {err}") from err
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise CorrectionsError(f"{path} is not an nbcrash corrections file ({FORMAT})")
        try:
            threshold = float(doc.get("threshold", THRESHOLD))
            if not 0 < threshold <= 1:
                raise ValueError(f"threshold {threshold} is not in (0, 1]")
            items = [_correction_from_json(obj) for obj in doc["corrections"]]
        except (KeyError, TypeError, ValueError) as err:
            raise CorrectionsError(f"the corrections in {path} are not valid: {err}") from err
        meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
        return cls(items, meta, threshold, path)


def _correction_from_json(obj) -> Correction:
    if not isinstance(obj, dict):
        raise TypeError("a correction must be an object")
    labels = obj["labels"]
    if not isinstance(labels, dict) or not labels:
        raise ValueError("a correction must name its labels")
    for dim, label in labels.items():
        if dim not in DIMENSIONS or not taxonomy.is_valid(dim, label):
            raise ValueError(f"{dim} = {label!r} is not a label of the taxonomy")
    toks = obj["tokens"]
    if not isinstance(toks, dict) or not all(
        isinstance(t, str) and isinstance(c, int) and c > 0 for t, c in toks.items()
    ):
        raise TypeError("'tokens' must map each token to a positive count")
    fid = obj.get("feedback_id")
    return Correction(
        toks, dict(labels), str(obj.get("verdict", "wrong")), str(obj.get("error", "")), fid
    )


def _ename(toks) -> str:
    """The exception's token (``e:keyerror``) of a crash's tokens."""
    return next((t for t in toks if t.startswith("e:")), "")


def head_idf(head) -> dict[str, float]:
    """Token → idf of one head: the vectorizer that dimension reads a crash with."""
    return {tok: float(head.idf[j]) for tok, j in head.vocabulary.items()}


def model_idf(model) -> dict[str, float]:
    """Token → idf over all of the model's heads. Every head is fitted on the same documents, so
    a token has the same idf in each head that keeps it."""
    idf: dict[str, float] = {}
    for head in model.heads.values():
        for tok, j in head.vocabulary.items():
            idf.setdefault(tok, float(head.idf[j]))
    return idf


# -- locating and caching ----------------------------------------------------------------------

_cache: dict[Path, tuple[tuple, Corrections | None]] = {}
_checked: dict[Path, tuple[float, Corrections | None]] = {}
_lock = threading.Lock()
RECHECK_SECONDS = 2.0  # as the model: a new file is picked up within seconds, without restart


def corrections_path() -> Path:
    """Where ``train --with-feedback`` writes the corrections: the user's model folder."""
    from .model import user_model_dir

    return user_model_dir() / FILE_NAME


def load_corrections(path: str | os.PathLike | None = None) -> Corrections | None:
    """The user's corrections (None when there are none), reloaded when the file changes. A file
    that cannot be read is logged once per change and ignored: the model alone diagnoses."""
    try:
        path = Path(path) if path is not None else corrections_path()
    except Exception:  # a broken jupyter_core set-up must not break diagnosis
        return None
    now = time.monotonic()
    hit = _checked.get(path)
    if hit is not None and now - hit[0] < RECHECK_SECONDS:
        return hit[1]
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        _checked[path] = (now, None)
        return None
    with _lock:
        cached = _cache.get(path)
        if cached is not None and cached[0] == stamp:
            found = cached[1]
        else:
            try:
                found = Corrections.load(path)
            except CorrectionsError as err:
                log.warning("nbcrash: your corrections are ignored: %s", err)
                found = None
            _cache[path] = (stamp, found)
    _checked[path] = (now, found)
    return found


def clear_cache() -> None:
    """Forget loaded corrections (tests, or after writing them in-process)."""
    with _lock:
        _cache.clear()
        _checked.clear()


def count(path: str | os.PathLike | None = None) -> int:
    """How many corrections the file holds (0 when none or unreadable), for the status."""
    found = load_corrections(path)
    return len(found) if found is not None else 0
