"""The package version: written into ``_version.py`` by the build, "dev" in a source tree that was
never built. Its own module so that the server code can name it without importing the package's
``__init__`` (which loads the server code: a cycle)."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    __version__ = "dev"
