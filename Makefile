# nbcrash: the two commands of the README are `make run` and `make test`.
#
#   make run    install the extension (editable) and open JupyterLab on the crash gallery
#   make test   install test tools, build, lint (Python + TypeScript), jest, pytest, galata UI tests
#
# Everything goes into a virtual environment: the active one ($VIRTUAL_ENV) if there is one, else
# the project's own .venv, created on first use from python3 (override: BOOTSTRAP_PYTHON=...).
# Nothing is ever pip-installed into a system Python (Debian/Ubuntu's is "externally managed").
# Needs Python >= 3.10 with venv, Node.js >= 18 and make; jlpm comes with the Python package
# jupyter-builder. The UI tests run in Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH).

BOOTSTRAP_PYTHON ?= python3
ifdef VIRTUAL_ENV
VENV ?= $(VIRTUAL_ENV)
else
VENV ?= $(CURDIR)/.venv
endif
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
JLPM := jlpm
# Every recipe runs in the environment, as if it were activated.
export VIRTUAL_ENV := $(VENV)
export PATH := $(VENV)/bin:$(PATH)

# What the example notebook imports, besides what the package needs.
EXAMPLE_DEPS = pandas matplotlib
JUPYTERLAB = jupyterlab>=4.2,<5
# Where `jupyter-builder develop` links the environment to this clone's build.
LABEXT_LINK := $(VENV)/share/jupyter/labextensions/jupyterlab-nbcrash
# `install` does its work again when this clone, pyproject.toml or the pins above change.
INSTALL_STAMP := $(VENV)/.nbcrash-install
INSTALL_KEY := $(CURDIR) $(shell cksum < pyproject.toml) $(JUPYTERLAB) $(EXAMPLE_DEPS)

# JupyterLab refuses to run as root unless told to (containers, CI machines).
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1
export PIP_DISABLE_PIP_VERSION_CHECK = 1

.PHONY: help venv check-node install build check-extension check-wheel run lint lint-python \
	lint-ts test test-js test-python test-ui ui-deps clean

help:
	@sed -n '2,10p' Makefile

# A half-made environment (python3-venv missing) is removed, so the next run starts over.
$(PYTHON):
	@$(BOOTSTRAP_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "make: nbcrash needs Python >= 3.10; $(BOOTSTRAP_PYTHON) is too old or missing" >&2; exit 1; }
	@if [ -e "$(VENV)" ]; then \
	  echo "make: $(VENV) exists but has no bin/python; remove it or activate another environment" >&2; \
	  exit 1; fi
	$(BOOTSTRAP_PYTHON) -m venv "$(VENV)" || { rm -rf "$(VENV)"; \
	  echo "make: could not create $(VENV); on Debian/Ubuntu: sudo apt-get install python3-venv" >&2; \
	  exit 1; }

venv: $(PYTHON)
	@echo "make: using $(VENV) ($$($(PYTHON) --version))"

check-node:
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 18 ? 1 : 0)' || \
	  { echo "make: nbcrash needs Node.js >= 18 (node is $$(node --version 2>/dev/null || echo missing))" >&2; \
	  exit 1; }

# Editable install, then the environment's labextension becomes a link to this clone's build
# (jupyterlab_nbcrash/labextension), so `jlpm build` + a page reload shows a change.
# pip writes the package's files through a link left by an earlier `develop`, into the clone
# (an install.json there broke every later wheel build): the link goes before pip runs.
install: venv check-node
	@if [ "$$(cat "$(INSTALL_STAMP)" 2>/dev/null)" = "$(INSTALL_KEY)" ]; then \
	  echo "make: jupyterlab_nbcrash already installed from $(CURDIR) (editable)"; \
	else \
	  set -e; \
	  if [ -L "$(LABEXT_LINK)" ]; then rm "$(LABEXT_LINK)"; fi; \
	  echo "$(PIP) install -e '.[test]' '$(JUPYTERLAB)' $(EXAMPLE_DEPS)"; \
	  $(PIP) install -e '.[test]' '$(JUPYTERLAB)' $(EXAMPLE_DEPS); \
	  jupyter-builder develop --overwrite .; \
	  echo "$(INSTALL_KEY)" > "$(INSTALL_STAMP)"; \
	fi

build: install
	$(JLPM) install
	$(JLPM) build

# Both halves are installed and enabled in the environment, as JupyterLab will see them.
check-extension: install
	@jupyter server extension list 2>&1 | grep -E 'jupyterlab_nbcrash [0-9][^ ]* .*OK' || \
	  { echo "make: server extension jupyterlab_nbcrash does not validate" >&2; exit 1; }
	@jupyter server extension list 2>&1 | grep -Eq 'jupyterlab_nbcrash.*enabled' || \
	  { echo "make: server extension jupyterlab_nbcrash is not enabled" >&2; exit 1; }
	@jupyter labextension list 2>&1 | grep -E 'jupyterlab-nbcrash v[0-9][^ ]* .*enabled.*OK' || \
	  { echo "make: labextension jupyterlab-nbcrash is not enabled and OK" >&2; exit 1; }

# The wheel pip builds from this clone holds both halves. (`pip install -e` over a `develop` link
# once wrote install.json into the build, and every later wheel build failed on it.)
WHEEL_NEEDS = labextensions/jupyterlab-nbcrash/package.json \
	labextensions/jupyterlab-nbcrash/install.json jupyter_server_config.d/jupyterlab_nbcrash.json
check-wheel: build
	rm -rf build/wheel
	$(PIP) wheel --no-deps -q -w build/wheel .
	@$(PYTHON) -c 'import glob, sys, zipfile; \
	  names = zipfile.ZipFile(glob.glob("build/wheel/*.whl")[0]).namelist(); \
	  missing = [n for n in sys.argv[1:] if not any(m.endswith(n) for m in names)]; \
	  sys.exit(f"make: the wheel lacks {missing}" if missing else None)' $(WHEEL_NEEDS)
	@echo "make: the wheel holds both halves: $$(ls build/wheel)"

run: build
	jupyter lab $(LAB_ARGS) examples/crash_gallery.ipynb

lint: lint-python lint-ts

lint-python: install
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

# stylelint, prettier, eslint and tsc --noEmit (strict); tsc over the UI tests too
lint-ts: build ui-deps
	$(JLPM) lint:check
	cd ui-tests && $(JLPM) typecheck

# jest unit tests of the frontend logic (fails when none is found)
test-js: build
	$(JLPM) test

# pytest's exit code 5 (no test collected) is non-zero, so it fails here too.
test-python: install
	$(PYTHON) -m pytest -q -ra --junitxml=build/pytest.xml

ui-deps: install
	cd ui-tests && $(JLPM) install

# The test server (ui-tests/jupyter_server_test_config.py) adds a second kernelspec, so the
# tests prove that no notebook of theirs asks which kernel to start.
test-ui: build check-extension ui-deps
	@[ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ] || \
	  { echo "make: the UI tests need Chromium at $${CHROMIUM_PATH:-/usr/bin/chromium} (Debian: apt-get install chromium)" >&2; \
	  exit 1; }
	cd ui-tests && $(JLPM) playwright test

test: build check-extension check-wheel lint test-js test-python test-ui

clean:
	$(JLPM) clean:all || true
	rm -rf build/pytest.xml ui-tests/test-results ui-tests/playwright-report
