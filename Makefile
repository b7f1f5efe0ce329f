# nbcrash: the two commands of the README are `make run` and `make test`.
#
#   make run    install the extension (editable) and open JupyterLab on the crash gallery
#   make test   install test tools, build, lint (Python + TypeScript), jest, pytest, galata UI tests
#
# Needs Python >= 3.10 and Node >= 18 (jlpm comes with the Python package jupyter-builder);
# the UI tests need Debian's Chromium at /usr/bin/chromium (.ci/run installs it with apt).
# CI installs the built wheel itself and then calls `make test SKIP_INSTALL=1`.

PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
JLPM ?= jlpm
SKIP_INSTALL ?= 0
# What the example notebook imports, besides what the package needs.
EXAMPLE_DEPS = pandas matplotlib
JUPYTERLAB = "jupyterlab>=4.2,<5"

# JupyterLab refuses to run as root unless told to (containers, CI machines).
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root,)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1

.PHONY: help install build run lint lint-python lint-ts test test-js test-python test-ui ui-deps clean

help:
	@sed -n '2,9p' Makefile

install:
ifeq ($(SKIP_INSTALL),1)
	@echo "make: SKIP_INSTALL=1, using the installed jupyterlab_nbcrash"
else
	$(PIP) install -e ".[test]" $(JUPYTERLAB) $(EXAMPLE_DEPS)
	jupyter labextension develop --overwrite .
endif

build:
	$(JLPM) install
	$(JLPM) build

run: install build
	jupyter lab $(LAB_ARGS) examples/crash_gallery.ipynb

lint: lint-python lint-ts

lint-python:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .

# stylelint, prettier, eslint and tsc --noEmit (strict); tsc over the UI tests too
lint-ts: ui-deps
	$(JLPM) lint:check
	cd ui-tests && $(JLPM) typecheck

# jest unit tests of the frontend logic (fails when none is found)
test-js:
	$(JLPM) test

# pytest's exit code 5 (no test collected) is non-zero, so it fails here too.
test-python:
	$(PYTHON) -m pytest -q -ra --junitxml=build/pytest.xml

ui-deps:
	cd ui-tests && $(JLPM) install

test-ui: ui-deps
	cd ui-tests && $(JLPM) playwright test

test: install build lint test-js test-python test-ui

clean:
	$(JLPM) clean:all || true
	rm -rf build/pytest.xml ui-tests/test-results ui-tests/playwright-report
