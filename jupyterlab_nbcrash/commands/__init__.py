"""Subcommands of `jupyter nbcrash`: one module each, with configure(parser) and run(args)."""


class UsageError(Exception):
    """Bad input from the command line: printed as one line, exit code 2."""
