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


def add_threshold_option(parser) -> None:
    """``--confidence-threshold``: below it, the readable formats hedge a label as the panel
    does ("A or b — not sure (55% / 26%)"); the same default as the panel's setting."""
    from ..uncertainty import DEFAULT_THRESHOLD

    parser.add_argument(
        "--confidence-threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        metavar="P",
        help="in the table and HTML, say 'A or b — not sure' for a label whose probability is "
        f"below P (0..1; default: {DEFAULT_THRESHOLD}, as in the panel; 0 states every label)",
    )


def threshold_from_args(args) -> float:
    """The checked ``--confidence-threshold``; UsageError when it is not a share."""
    from ..uncertainty import check_threshold

    try:
        return check_threshold(args.confidence_threshold)
    except ValueError as err:
        raise UsageError(str(err)) from None
