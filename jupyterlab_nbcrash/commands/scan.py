"""`jupyter nbcrash scan PATH...`: diagnose every saved crash in folders of notebooks."""

from __future__ import annotations

import argparse
import sys

from . import UsageError, add_threshold_option, threshold_from_args

DESCRIPTION = """\
Find the .ipynb files under the given paths (skipping .ipynb_checkpoints, following symlinks
safely), diagnose every error output saved in them, and report each crash and the study's summary
tables: crash types, root causes, pipeline stages, libraries, ML vs plain-Python bugs, crashes per
notebook, notebooks with out-of-order execution counts. Files that cannot be read (invalid JSON,
binary, empty, not UTF-8, unreadable, too large, symlink loops) are skipped and listed with their
reason; they never stop the scan."""

EPILOG = """\
output formats (--format, or the suffix of -o: .json .csv .html .txt):
  table  readable on a terminal (default)
  json   the complete scan; `jupyter nbcrash report SCAN.json` re-renders it
  csv    one row a crash (skipped files are listed on stderr)
  html   one self-contained page: charts, summary, sortable and filterable crash table

exit codes:
  0  the scan ran (skipped files are reported, not errors)
  1  the scan could not run (e.g. the Dask scheduler is unreachable)
  2  bad usage: unknown option, no such path, output cannot be written

examples:
  jupyter nbcrash scan ~/projects
  jupyter nbcrash scan corpus/ -o report.html --jobs 4
  jupyter nbcrash scan /shared/corpus --dask tcp://scheduler:8786 -o scan.json"""


def configure(parser: argparse.ArgumentParser) -> None:
    from ..scan.report import FORMATS

    parser.description = DESCRIPTION
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="+", metavar="PATH", help="notebook files or folders")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: from -o's suffix, else table)"
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    add_threshold_option(parser)
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: the CPUs available)"
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER_ADDRESS",
        help="run on a Dask cluster, e.g. tcp://host:8786 (needs jupyterlab_nbcrash[dask]; "
        "the workers must see the files at the same paths)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line and no final summary line"
    )
    parser.add_argument(
        "--parse-all",
        action="store_true",
        help="parse every notebook, not only those with error outputs: validates all files and "
        "checks the execution order of all notebooks (slower)",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        default=100,
        metavar="MB",
        help="skip notebooks larger than this (default: 100)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders whose name matches (repeatable), e.g. --exclude 'venv*'",
    )


def run(args: argparse.Namespace) -> int:
    from ..scan.discover import missing_paths
    from ..scan.format import headline
    from ..scan.output import OutputError, check_output, resolve_format, write
    from ..scan.run import ScanError, default_jobs, scan

    missing = missing_paths(args.paths)
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.jobs is not None and args.dask:
        raise UsageError("--jobs and --dask cannot be combined (the cluster sets the workers)")
    if args.max_size <= 0:
        raise UsageError("--max-size must be positive")
    threshold = threshold_from_args(args)
    fmt = resolve_format(args.format, args.output)
    try:
        check_output(args.output)
    except OutputError as err:
        raise UsageError(str(err)) from None
    try:
        result = scan(
            args.paths,
            jobs=args.jobs or default_jobs(),
            dask=args.dask,
            parse_all=args.parse_all,
            max_bytes=int(args.max_size * 1024 * 1024),
            exclude=args.exclude,
            progress=not args.quiet,
        )
    except ScanError as err:
        print(f"jupyter nbcrash scan: error: {err}", file=sys.stderr)
        return 1
    try:
        write(result, fmt, args.output, threshold)
        model_error = (result.meta.get("model") or {}).get("error")
        if model_error:  # worth a line even with --quiet: the labels are weaker
            print(
                f"jupyter nbcrash scan: warning: model not loaded: {model_error}", file=sys.stderr
            )
        if not args.quiet:
            if fmt == "csv":
                for entry in result.skipped:
                    print(f"skipped {entry['path']}: {entry['reason']}", file=sys.stderr)
            run_info = result.meta["run"]
            rate = run_info.get("notebooks_per_s")
            speed = f" ({run_info['elapsed_s']:.1f} s, {rate:,.0f} files/s)" if rate else ""
            where = f"; report written to {args.output}" if args.output else ""
            print(f"nbcrash scan: {headline(result.summary)}{speed}{where}", file=sys.stderr)
    except OutputError as err:
        raise UsageError(str(err)) from None
    finally:
        result.close()
    return 0
