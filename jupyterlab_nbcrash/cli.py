"""`jupyter nbcrash SUBCOMMAND`: one module a subcommand under ``commands/``, imported lazily.

Each command module exposes ``configure(parser)`` (add its arguments) and ``run(args) -> int``
(the exit code). A command reports bad input as one line on stderr and a non-zero exit: it raises
``UsageError`` (exit 2) and this module prints it.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Defined beside the commands so that `python -m jupyterlab_nbcrash.cli` (which loads this file
# twice, as __main__ and as jupyterlab_nbcrash.cli) still catches the one class they raise.
from jupyterlab_nbcrash.commands import UsageError

# name -> (module under jupyterlab_nbcrash.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "classify": ("classify", "diagnose JSON Lines error records (file or stdin) to JSON Lines"),
    "scan": ("scan", "scan folders of notebooks and summarise their crashes like the study"),
    "report": ("report", "re-render a saved scan (JSON) as a table, CSV, JSON or HTML"),
    "train": ("train", "rebuild the model from the shipped corpus plus labelled JSONL files"),
    "evaluate": ("evaluate", "accuracy, macro-F1 and confusions of the model on labelled JSONL"),
    "feedback": ("feedback", "list or export the corrections users gave in the panel"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jupyter nbcrash",
        description="Diagnose Jupyter notebook crashes (taxonomy of Wang et al., IEEE TSE 2025).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        _load(module).configure(p)
    return parser


def _load(module: str):
    return importlib.import_module(f"jupyterlab_nbcrash.commands.{module}")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(_load(args._module).run(args) or 0)
    except UsageError as err:
        print(f"jupyter nbcrash {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"jupyter nbcrash {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `| head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
