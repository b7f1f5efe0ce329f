"""`jupyter nbcrash feedback list|export`: the corrections users gave in the crash panel.

The server keeps them in its SQLite store (``c.NbCrashConfig.store_path``, by default
``<jupyter data dir>/nbcrash/nbcrash.sqlite3``); ``--store`` reads another file. ``export`` writes
JSON Lines in the shared dev file's format, ready for ``jupyter nbcrash train`` / ``evaluate``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from . import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    for name, help_text in (
        (
            "list",
            "one line per feedback: verdict, error, corrected labels and what"
            " `train --with-feedback` learns from it",
        ),
        ("export", "write the feedback as labelled JSON Lines (the dev file's format)"),
    ):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--store",
            metavar="PATH",
            help="the nbcrash SQLite file (default: the server's configured store)",
        )
        if name == "export":
            p.add_argument(
                "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
            )


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        _print_list(read_store(args.store, lambda store: store.entries()))
    else:
        _export(labelled_feedback(args.store), args.output)
    return 0


def labelled_feedback(explicit: str | None = None) -> list[dict]:
    """The corrections as labelled records (``train --with-feedback`` reads them too)."""
    return read_store(explicit, lambda store: list(store.labelled_records()))


def read_store(explicit: str | None, read) -> list:
    """``read(store)`` on the store at ``explicit`` or the configured one.

    A store that does not exist is not created: a path given by hand must exist (a typo would
    otherwise read as "no feedback"); a missing default store just means no feedback yet.
    """
    from ..store import FeedbackStore, StoreError

    path = _store_path(explicit)
    if not os.path.exists(path):
        if explicit:
            raise UsageError(f"no nbcrash store at {path}")
        print(f"no feedback recorded yet (no store at {path})", file=sys.stderr)
        return []
    try:
        with FeedbackStore.open(path) as store:
            return read(store)
    except StoreError as err:
        raise UsageError(str(err)) from None


def _store_path(explicit: str | None) -> str:
    if explicit:
        return os.path.abspath(os.path.expanduser(explicit))
    from ..config import NbCrashConfig, load_server_config

    try:
        config = load_server_config()
    except Exception as err:  # the user's own config file failed to load
        raise UsageError(f"cannot read the Jupyter server configuration: {err}") from None
    return NbCrashConfig(config=config).store_path


_SHOWN = ("crash_type", "root_cause", "stage", "library")


def _print_list(entries: list[dict]) -> None:
    from ..training.feedback import correction_from_feedback

    learnt = 0
    for entry in entries:
        record = entry["record"]
        error = f"{record.get('ename', '')}: {record.get('evalue', '')}".strip(": ")
        error = " ".join(error.split())[:70]  # one line, whatever the error text holds
        if entry["correct"] is None:
            labels = "no verdict"
        elif entry["correct"]:
            labels = "right: " + " / ".join(str(entry["predicted"].get(k)) for k in _SHOWN)
        else:
            changes = [
                f"{k} {entry['predicted'].get(k)} -> {v}"
                for k, v in entry["corrected"].items()
                if v != entry["predicted"].get(k)
            ]
            labels = "wrong: " + ", ".join(changes)
        fix = entry.get("fix")
        if fix:
            rerun = {True: "re-run ok", False: "re-run failed", None: "not re-run"}
            labels += f"; fix {'applied' if fix['applied'] else 'undone'}"
            labels += f", {rerun[fix.get('rerun_ok')]}" if fix["applied"] else ""
        taught = correction_from_feedback(entry)
        learnt += taught is not None
        learns = (
            "learns nothing (no usable labels)"
            if taught is None
            else "learns " + ", ".join(f"{k} {v}" for k, v in taught.labels.items())
        )
        print(f"{entry['feedback_id']:>5}  {entry['created'][:19]}  {error}  [{labels}]  {learns}")
    print(
        f"{len(entries)} feedback entr{'y' if len(entries) == 1 else 'ies'}; "
        f"`jupyter nbcrash train --with-feedback` learns {learnt} correction(s) from them",
        file=sys.stderr,
    )


def _export(records: list[dict], output: str | None) -> None:
    lines = "".join(json.dumps(r) + "\n" for r in records)  # ASCII: any text round-trips
    if output is None or output == "-":
        sys.stdout.write(lines)
        return
    target = os.path.abspath(os.path.expanduser(output))
    tmp = target + ".tmp"
    try:  # write next to the target, then move: a failed export never leaves half a file
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(lines)
        os.replace(tmp, target)
    except OSError as err:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise UsageError(f"cannot write {output}: {err.strerror or err}") from None
    print(f"wrote {len(records)} labelled records to {output}", file=sys.stderr)
