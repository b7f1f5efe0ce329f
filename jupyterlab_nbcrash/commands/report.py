"""`jupyter nbcrash report SCAN.json`: re-render a saved scan in another format."""

from __future__ import annotations

import argparse

from . import UsageError, add_threshold_option, threshold_from_args

EPILOG = """\
SCAN.json is the output of `jupyter nbcrash scan ... --format json` ("-" reads stdin).

exit codes:
  0  rendered
  2  bad usage: no such file, not a saved scan, output cannot be written

examples:
  jupyter nbcrash report scan.json
  jupyter nbcrash report scan.json -o report.html
  jupyter nbcrash report scan.json --format csv > crashes.csv"""


def configure(parser: argparse.ArgumentParser) -> None:
    from ..scan.report import FORMATS

    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("scan", metavar="SCAN.json", help="a scan saved with --format json")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: from -o's suffix, else table)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    add_threshold_option(parser)


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from ..scan.output import OutputError, check_output, resolve_format, write
    from ..scan.result import ScanResult

    threshold = threshold_from_args(args)
    fmt = resolve_format(args.format, args.output)
    try:
        check_output(args.output)
        if args.scan == "-":
            data = json.load(sys.stdin)
        else:
            with open(args.scan, encoding="utf-8") as f:
                data = json.load(f)
        result = ScanResult.from_dict(data)
        write(result, fmt, args.output, threshold)
    except FileNotFoundError:
        raise UsageError(f"no such file: {args.scan}") from None
    except IsADirectoryError:
        raise UsageError(f"{args.scan} is a folder, not a saved scan") from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read {args.scan}: {err}") from None
    except json.JSONDecodeError as err:
        raise UsageError(f"{args.scan} is not JSON: {err.msg} at line {err.lineno}") from None
    except (OutputError, ValueError) as err:
        raise UsageError(f"{args.scan}: {err}") from None
    return 0
