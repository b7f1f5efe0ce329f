"""nbcrash: diagnose Jupyter notebook crashes with the taxonomy of Wang et al. (IEEE TSE 2025)."""

from .version import __version__ as __version__  # re-exported


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-nbcrash"}]


def _jupyter_server_extension_points():
    return [{"module": "jupyterlab_nbcrash"}]


def _load_jupyter_server_extension(server_app):
    """Register the /nbcrash/ routes. The model is loaded on first use, not here."""
    from .routes import setup_route_handlers

    setup_route_handlers(server_app)
    server_app.log.info("Registered jupyterlab_nbcrash server extension")
