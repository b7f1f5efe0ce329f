"""`python -m jupyterlab_nbcrash` is `jupyter nbcrash`."""

import sys

from .cli import main

sys.exit(main())
