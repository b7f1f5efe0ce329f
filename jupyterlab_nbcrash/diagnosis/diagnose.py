"""diagnose(record) -> Diagnosis: parse → rules → model → notebook analysis → hint.

A pure function of the record (and the lazily loaded model): the HTTP route, the CLI and the scan
all call it, so they give the same answer.

How the sources are combined, per dimension:

- a rule that is certain (confidence ≥ ``RULE_CERTAIN``) decides the crash type, and the other
  dimensions it names; otherwise the trained model decides, with the rules among its features,
  except that the best rule's crash type stands unless the model is surer of its own (the model
  is trained on few crashes of each kind; when a rule for the specific message and the model
  disagreed, the rule was right 12 times to 1 on held-out crash-type families, 16 to 2 on our
  corpus for a model trained on the study's crashes);
- without a trained model (a source tree before ``train``), rules decide what they name and
  simple fallbacks the rest (the exception class, stage cues of the failing line);
- the notebook analysis overrides root cause and notebook cause only when its finding is decisive
  (it sees the execution history, which the text model cannot); when it had a live notebook with
  its history and found nothing, the text model's ``notebook_specific`` gives way to its next
  best cause;
- every emitted id is checked against the taxonomy; an invalid one falls back to the next option;
- the user's corrections (``corrections.py``, written by ``train --with-feedback``) replace the
  label of each dimension a correction at least ``corrections.THRESHOLD`` alike teaches, after
  the rules and the model and before the notebook analysis (which sees the execution history);
- ``alternatives`` ranks the likeliest labels of each dimension, the chosen one first with its
  confidence, the model's next ones after it (``alternatives.py``);
- ``fix`` is the one-click fix when the cure is mechanical and certain (``fixes.py``), else None.

It never raises on a valid record: a failure of one of the collaborating modules is logged and the
diagnosis continues without it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from .. import taxonomy
from .alternatives import ranked, without
from .corrections import CONFIDENCE as CORRECTION_CONFIDENCE
from .corrections import Corrections, load_corrections
from .fixes import make_fix
from .hints import make_hint
from .model import Model, Prediction, library_hint, load_model
from .notebook import analyse
from .record import Diagnosis, ErrorRecord
from .rules import RuleMatch, matching_rules
from .tokens import stage_cues, tokens
from .traceback import ParsedError, parse

log = logging.getLogger(__name__)

# A rule at least this sure of the crash type wins over the model for the dimensions it names.
RULE_CERTAIN = 0.9
# Confidence given to a decisive notebook finding (it rests on the execution history).
NOTEBOOK_CONFIDENCE = 0.9
DEFAULT_STAGE = "data_preparation"  # the most frequent stage in the study
RULES_ONLY = False  # pass as ``model`` to diagnose without the trained model
# The dimensions whose ranked alternatives a diagnosis carries.
ALTERNATIVE_DIMENSIONS = ("crash_type", "root_cause", "stage", "library")

# ``taxonomy.is_valid`` of each ranked dimension, looked up once (≈40 labels tested a crash).
_VALID = {dim: taxonomy.validator(dim) for dim in ALTERNATIVE_DIMENSIONS}

# Without a model and without a rule: the exception class's usual crash type.
_FALLBACK_TYPES = {
    "nameerror": "variable_not_found",
    "modulenotfounderror": "module_not_found",
    "importerror": "environment_error",
    "filenotfounderror": "io_error",
    "permissionerror": "io_error",
    "isadirectoryerror": "io_error",
    "jsondecodeerror": "io_error",
    "attributeerror": "attribute_error",
    "keyerror": "key_error",
    "indexerror": "index_error",
    "typeerror": "type_error",
    "valueerror": "value_error",
    "memoryerror": "out_of_memory",
    "runtimeerror": "runtime_error",
    "connectionerror": "request_error",
    "httperror": "request_error",
    "urlerror": "request_error",
    "notfittederror": "model_initialization_error",
}
_FALLBACK_CAUSES = {
    "module_not_found": "environment_setting",
    "io_error": "environment_setting",
    "environment_error": "environment_setting",
    "request_error": "environment_setting",
    "out_of_memory": "insufficient_resource",
    "variable_not_found": "implementation_error",
    "name_error": "implementation_error",
}


def diagnose(
    record: ErrorRecord,
    model: Model | bool | None = None,
    corrections: Corrections | bool | None = None,
    folder: Callable | None = None,
) -> Diagnosis:
    """Diagnose one error record.

    ``model`` defaults to the user's or the shipped trained model (loaded once, lazily); pass a
    ``Model`` to use another one, or ``RULES_ONLY`` (False) to use the rules alone.
    ``corrections`` default to the user's (``corrections.json`` in the user's model folder) when
    the model is the default one, to none with a model given; pass ``Corrections`` to use those,
    or False for none. ``folder`` lists a folder relative to the notebook's
    (``fixes.make_fix``): the server passes one, so a misspelt file name can get its fix.
    """
    (result,) = diagnose_many((record,), model, corrections, folder)
    if isinstance(result, Exception):
        raise result
    return result


def diagnose_many(
    records: Sequence[ErrorRecord],
    model: Model | bool | None = None,
    corrections: Corrections | bool | None = None,
    folder: Callable | None = None,
) -> list[Diagnosis | Exception]:
    """``diagnose`` of each record, in order: the same diagnoses, one step at a time over all of
    them (parse every record, then the rules of each, then the model of each, ...), so that each
    step's code and data (the rules' patterns, the model's vocabulary and coefficients) stay in
    the CPU's caches from one crash to the next instead of being evicted by the other steps (the
    scan diagnoses a chunk's crashes this way: ≈20 % less time a crash than one by one). Each
    record's diagnosis depends on that record alone. Never raises: a crash whose diagnosis failed
    gets the exception in its place (``diagnose`` raises it)."""
    parsed = [parse(record) for record in records]  # never raises
    matches = [rule_matches(p) for p in parsed]
    if corrections is None:
        corrections = _guard("corrections", load_corrections, None) if model is None else None
    if model is None:
        model = _guard("model loading", load_model, None)
    predictions: list[dict[str, Prediction]] = [
        _guard("model", model.predict, {}, p, m) if model else {}
        for p, m in zip(parsed, matches, strict=True)
    ]
    findings = [
        _guard("notebook analysis", analyse, None, r, p)
        for r, p in zip(records, parsed, strict=True)
    ]
    out: list[Diagnosis | Exception] = []
    for record, p, m, pred, finding in zip(
        records, parsed, matches, predictions, findings, strict=True
    ):
        try:
            out.append(_finish(record, p, m, pred, finding, model, corrections, folder))
        except Exception as failure:  # as ``diagnose`` alone would raise it
            out.append(failure)
    return out


def _finish(
    record: ErrorRecord,
    parsed: ParsedError,
    matches: list[RuleMatch],
    predictions: dict[str, Prediction],
    finding,
    model,
    corrections,
    folder: Callable | None,
) -> Diagnosis:
    """The rest of one diagnosis, given its parse, rules, model predictions and notebook
    finding: the labels combined, the corrections, the hint, the fix."""
    best = matches[0] if matches else None
    labels, confidence, evidence = _combine(parsed, best, predictions)
    corrected: list[str] = []
    if corrections and model:
        corrected = _guard(
            "corrections",
            lambda: _apply_corrections(
                corrections, model, tokens(parsed, matches), predictions, labels, confidence
            ),
            [],
        )
    # What the model thought of each dimension, for the ranked alternatives.
    distributions = {dim: pred.top for dim, pred in predictions.items()}

    decisive = finding is not None and getattr(finding, "decisive", False)
    notebook_cause, related_cell = _apply_notebook(
        record, finding, labels, confidence, distributions, evidence
    )

    hint_labels = dict(labels, notebook_cause=notebook_cause)
    hint, hint_evidence = _guard("hints", lambda: make_hint(parsed, hint_labels, matches), ("", []))
    # Evidence: the notebook finding, then the rule/exception/frames (from the hints), then the
    # model's scores.
    evidence = corrected + list(hint_evidence) + evidence
    if decisive:
        hint = finding.hint or hint
        evidence = list(finding.evidence) + evidence
    fix = _guard("fix", lambda: make_fix(record, parsed, matches, finding, folder), None)

    return Diagnosis(
        crash_type=labels["crash_type"],
        root_cause=labels["root_cause"],
        stage=labels["stage"],
        library=labels["library"],
        ml_bug=bool(labels["ml_bug"]),
        notebook_cause=notebook_cause,
        confidence={k: round(float(v), 3) for k, v in confidence.items()},
        alternatives={
            dim: ranked(
                labels[dim],
                confidence[dim],
                distributions.get(dim, ()),
                _VALID[dim],
            )
            for dim in ALTERNATIVE_DIMENSIONS
        },
        hint=hint or "",
        evidence=evidence,
        related_cell=related_cell,
        fix=fix,
    )


def rule_matches(parsed: ParsedError) -> list[RuleMatch]:
    """The rules that fire, most specific first (training uses this too, for equal features)."""
    return _guard("rules", lambda: list(matching_rules(parsed)), [])


def _apply_corrections(corrections, model, toks, predictions, labels, confidence) -> list[str]:
    """The user's label wherever a correction close enough teaches it (``labels`` and
    ``confidence`` in place); the evidence lines that say so.

    The confidence is the similarity scaled (an exact duplicate 0.95), or the model's own
    probability of that label when higher (a confirmation must not make the model less sure)."""
    applied: dict[float, list[str]] = {}
    for dim, match in corrections.match(model, toks).items():
        labels[dim] = match.label
        confidence[dim] = max(
            CORRECTION_CONFIDENCE * min(1.0, match.similarity),
            _prob_of(predictions.get(dim), match.label),
        )
        applied.setdefault(round(match.similarity, 2), []).append(
            f"{dim.replace('_', ' ')} {match.label}"
        )
    return [
        f"Corrected by your feedback on a similar crash (similarity {sim:.2f}): " + ", ".join(said)
        for sim, said in sorted(applied.items(), reverse=True)
    ]


def _apply_notebook(record, finding, labels, confidence, distributions, evidence):
    """Let the notebook analysis correct the root cause; return (notebook_cause, related_cell).

    ``labels``, ``confidence``, ``distributions`` and ``evidence`` are updated in place.
    """
    notebook_cause = None
    related_cell = None
    decisive = finding is not None and getattr(finding, "decisive", False)
    if decisive and taxonomy.is_valid("root_cause", finding.root_cause):
        labels["root_cause"] = finding.root_cause
        confidence["root_cause"] = NOTEBOOK_CONFIDENCE
        if taxonomy.is_valid("notebook_cause", finding.notebook_cause):
            notebook_cause = finding.notebook_cause
        related_cell = finding.related_cell
    elif (
        not decisive
        and labels["root_cause"] == "notebook_specific"
        and record.notebook is not None
        and record.notebook.cells
        and _order_known(record.notebook)
        and "root_cause" in distributions
    ):
        # The notebook and how its cells ran (the live history, or the execution counts a saved
        # file keeps) were there to look at and gave no decisive notebook cause (on the scripted
        # scenarios, live and saved, the analysis decides every notebook-specific cause; a weak
        # finding alone, such as a cell that merely ran twice, was wrong on the negatives): the
        # error text alone does not support one, so take the model's next best, its probability
        # given that it is not notebook_specific.
        rest = without(distributions["root_cause"], "notebook_specific")
        alt = next(iter(rest), None)
        if alt is not None and taxonomy.is_valid("root_cause", alt[0]):
            labels["root_cause"], confidence["root_cause"] = alt
            distributions["root_cause"] = rest
            evidence.append(f"notebook: no sign of cells run out of order; root cause {alt[0]}")
    if labels["root_cause"] != "notebook_specific":
        # No notebook cause, but a decisive finding's cell still matters (e.g. "`x` is only
        # assigned inside a function in cell 3"): keep it for "Go to cell".
        return None, related_cell
    if (
        notebook_cause is None
        and finding is not None
        and finding.notebook_cause
        and taxonomy.is_valid("notebook_cause", finding.notebook_cause)
    ):
        # A non-decisive finding still names the likelier notebook cause when the model
        # chose notebook_specific.
        notebook_cause = finding.notebook_cause
    return notebook_cause, related_cell


def _order_known(notebook) -> bool:
    """Whether the notebook tells how its cells ran: a live history or saved execution counts."""
    return bool(notebook.history) or any(
        cell.execution_count is not None for cell in notebook.cells
    )


def _combine(parsed, best, predictions: Mapping[str, Prediction]) -> tuple[dict, dict, list[str]]:
    """Labels, confidences and evidence from the best rule and the model's predictions."""
    labels: dict = {}
    confidence: dict[str, float] = {}
    evidence: list[str] = []
    rule_conf = float(getattr(best, "confidence", 0.0) or 0.0) if best is not None else 0.0
    certain = best is not None and rule_conf >= RULE_CERTAIN
    for dim in ("crash_type", "root_cause", "stage", "library"):
        rule_value = getattr(best, dim, None) if best is not None else None
        if rule_value is not None and not taxonomy.is_valid(dim, rule_value):
            rule_value = None
        pred = predictions.get(dim)
        if pred is not None and not taxonomy.is_valid(dim, pred.label):
            pred = _first_valid(dim, pred)
        rule_decides = (
            certain or pred is None or (dim == "crash_type" and rule_conf >= pred.confidence)
        )
        if rule_value is not None and rule_decides:
            labels[dim] = rule_value
            model_p = _prob_of(pred, rule_value)
            confidence[dim] = (
                max(rule_conf, model_p)
                if dim == "crash_type"
                else max(min(rule_conf, 0.95), model_p)
            )
        elif pred is not None:
            labels[dim] = pred.label
            confidence[dim] = pred.confidence
            alt = ", ".join(f"{lab} {p:.2f}" for lab, p in pred.top[1:3])
            evidence.append(
                f"model: {dim.replace('_', ' ')} {pred.label} {pred.confidence:.2f}"
                + (f" (next: {alt})" if alt else "")
            )
        else:
            labels[dim], confidence[dim] = _heuristic_label(dim, parsed, labels)

    pred = predictions.get("ml_bug")
    rule_ml_bug = getattr(best, "ml_bug", None) if best is not None else None
    if isinstance(rule_ml_bug, bool) and (certain or pred is None):
        labels["ml_bug"] = rule_ml_bug
    elif pred is not None:
        labels["ml_bug"] = pred.label in ("True", "true", "1")
    else:
        labels["ml_bug"] = labels["library"] != "none"
    return labels, confidence, evidence


def _first_valid(dim: str, pred: Prediction) -> Prediction | None:
    for label, p in pred.top:
        if taxonomy.is_valid(dim, label):
            return Prediction(label, p, pred.top)
    return None


def _prob_of(pred: Prediction | None, label: str) -> float:
    if pred is None:
        return 0.0
    return next((p for lab, p in pred.top if lab == label), 0.0)


def _heuristic_label(dim: str, parsed: ParsedError, labels: Mapping[str, str]) -> tuple[str, float]:
    """A label without the model and without a rule: plain heuristics, low confidence."""
    if dim == "crash_type":
        ename = parsed.ename.lower()
        return _FALLBACK_TYPES.get(ename, "other"), 0.3
    if dim == "root_cause":
        cause = _FALLBACK_CAUSES.get(labels.get("crash_type", ""))
        return (cause, 0.4) if cause else ("unknown", 0.2)
    if dim == "stage":
        cues = stage_cues([parsed.user_line])
        if labels.get("crash_type") == "module_not_found":
            return "environment_setup", 0.6
        if cues:
            return Counter(cues).most_common(1)[0][0], 0.4
        return DEFAULT_STAGE, 0.2
    # library
    if labels.get("crash_type") in ("variable_not_found", "name_error", "module_not_found"):
        return "none", 0.5
    lib = library_hint(parsed)
    return (lib, 0.4) if lib and taxonomy.is_valid("library", lib) else ("none", 0.3)


def _guard(what: str, fn, default, *args):
    """Run one collaborator (``fn(*args)``); log and fall back when it fails (a diagnosis must
    not raise)."""
    try:
        return fn(*args)
    except Exception:
        log.exception("nbcrash: %s failed", what)
        return default
