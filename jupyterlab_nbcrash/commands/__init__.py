"""Subcommands of `jupyter nbcrash`: one module each, with configure(parser) and run(args)."""


class UsageError(Exception):
    """Bad input from the command line: printed as one line, exit code 2."""


def model_from_args(args):
    """The model that ``--rules-only`` or ``--model DIR`` ask for; None means the default one
    (the user's trained model, else the shipped one)."""
    from ..diagnosis.diagnose import RULES_ONLY
    from ..diagnosis.model import ModelError, load_model

    if args.rules_only:
        return RULES_ONLY
    if args.model:
        try:
            return load_model(args.model)
        except ModelError as err:
            raise UsageError(str(err)) from None
    return None
