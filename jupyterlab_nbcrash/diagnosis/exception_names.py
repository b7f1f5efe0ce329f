"""The exception names a notebook commonly shows, with their real capitalisation: the parser reads
``valueerror`` or a name without its module as the canonical class name (``ValueError``)."""

from __future__ import annotations

import builtins


def _canonical_names() -> dict[str, str]:
    """Lower-case → canonical class name for the exceptions a notebook commonly shows."""
    names = [
        n
        for n in dir(builtins)
        if isinstance(getattr(builtins, n), type)
        and issubclass(getattr(builtins, n), BaseException)
    ]
    names += [
        # Library exceptions seen in notebooks, with their real capitalisation.
        "JSONDecodeError",
        "UnpicklingError",
        "URLError",
        "HTTPError",
        "ContentTooShortError",
        "SSLError",
        "ReadTimeout",
        "ConnectTimeout",
        "ProxyError",
        "TooManyRedirects",
        "ClientConnectorError",
        "MaxRetryError",
        "NewConnectionError",
        "gaierror",
        "timeout",
        "NotFittedError",
        "ConvergenceWarning",
        "InvalidParameterError",
        "InvalidArgumentError",
        "ResourceExhaustedError",
        "FailedPreconditionError",
        "NotFoundError",
        "UnimplementedError",
        "InternalError",
        "UnknownError",
        "AlreadyExistsError",
        "PermissionDeniedError",
        "OutOfRangeError",
        "DataLossError",
        "UnavailableError",
        "AbortedError",
        "CancelledError",
        "DeadlineExceededError",
        "OutOfMemoryError",
        "LinAlgError",
        "AxisError",
        "ParserError",
        "EmptyDataError",
        "SettingWithCopyError",
        "IndexingError",
        "InvalidIndexError",
        "MergeError",
        "OutOfBoundsDatetime",
        "IntCastingNaNError",
        "DtypeWarning",
        "UndefinedVariableError",
        "DatabaseError",
        "OperationalError",
        "ProgrammingError",
        "IntegrityError",
        "XLRDError",
        "BadZipFile",
        "UnidentifiedImageError",
        "DecompressionBombError",
        "ExecutableNotFound",
        "CalledProcessError",
        "TimeoutExpired",
        "ParamValidationError",
        "ClientError",
        "NoCredentialsError",
        "Py4JJavaError",
        "AnalysisException",
        "DistutilsError",
        "ExecuteError",
        "CellExecutionError",
        "PlotlyError",
        "ValidationError",
        "YellowbrickValueError",
        "RasterioIOError",
        "CPLE_OpenFailedError",
        "DriverError",
        "LookupError",
        "Empty",
        "Full",
        "error",
        "ArgumentError",
        "ModelError",
        "PicklingError",
        "ReadError",
        "ConnectionError",
        "InvalidURL",
        "MissingSchema",
        "JSONDecodeError",
        "DecodeError",
        "ParseError",
        "UndefinedMetricWarning",
        "OSError",
    ]
    return {n.lower(): n for n in names}


CANONICAL = _canonical_names()
