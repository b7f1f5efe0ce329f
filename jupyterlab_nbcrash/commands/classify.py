"""`jupyter nbcrash classify [FILE|-]`: JSON Lines of error records in, diagnoses out.

One output line per input line, in the same order, with the input's ``id`` echoed and the same
fields as the HTTP answer (the record is not stored, so ``crash_id`` is null). A line that is not
valid JSON or not a valid record gets ``{"id", "error"}`` in its place and the rest still run;
the exit code is then 1 (bad input), with the count of such lines on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="JSON Lines file (default: stdin)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--model", metavar="DIR", help="use the model in DIR")
    parser.add_argument(
        "--rules-only", action="store_true", help="diagnose with the rules alone, no model"
    )


def run(args: argparse.Namespace) -> int:
    from ..diagnosis.diagnose import diagnose
    from ..diagnosis.record import ErrorRecord, RecordError
    from . import UsageError, model_from_args

    model = model_from_args(args)

    source = _open_input(args.file, UsageError)
    out = _open_output(args.output, UsageError)
    failed = 0
    with source as lines, out as dst:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            rid = None
            try:
                data = json.loads(line)
                if isinstance(data, dict):
                    rid = data.get("id")
                record = ErrorRecord.from_dict(data)
            except ValueError as err:  # json.JSONDecodeError and RecordError are ValueErrors
                failed += 1
                kind = "invalid record" if isinstance(err, RecordError) else "not JSON"
                answer = {"id": rid, "error": f"line {n}: {kind}: {err}"}
            else:
                answer = {"id": rid, **diagnose(record, model).to_dict()}
                answer.update(crash_id=None, created=_now())
            dst.write(json.dumps(answer, ensure_ascii=False) + "\n")
            dst.flush()
    if failed:
        print(f"jupyter nbcrash classify: {failed} line(s) could not be diagnosed", file=sys.stderr)
    return 1 if failed else 0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _open_input(path: str, error):
    if path == "-":
        return _NoClose(sys.stdin)
    try:
        return open(path, encoding="utf-8", errors="replace")
    except OSError as err:
        raise error(f"cannot read {path}: {err.strerror or err}") from None


def _open_output(path: str | None, error):
    if not path or path == "-":
        return _NoClose(sys.stdout)
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as err:
        raise error(f"cannot write {path}: {err.strerror or err}") from None


class _NoClose:
    """A standard stream used as a context manager without closing it."""

    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc):
        return False
