# nnbook — every command sets up what it needs first (a .venv from the lock, npm assets),
# and skips set-up that is already done.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
WIDGET_JS := site_js
NB ?=
PYTEST_ARGS ?=
# extra options for `make lab`, e.g. LAB_ARGS=--no-browser (port and token: JUPYTER_PORT, JUPYTER_TOKEN)
LAB_ARGS ?=
# the line coverage of nnbook that make test requires (COV_MIN=0 when PYTEST_ARGS picks a subset)
COV_MIN ?= 90

WIDGET_SOURCES := $(wildcard nnbook/widgets/js/*.js)
WIDGET_MODULES := activation_explorer init_lab lr_lab overfit_lab playground slowdown softmax_explorer two_moons_lab
# where make widgets-js writes the bundles (the tests build elsewhere and compare)
WIDGETS_OUT ?= nnbook/widgets/static

.PHONY: help setup book test lab outputs outputs-all repository clean lock widgets-js

help:
	@echo "make book     build the static site (_build/html/index.html)"
	@echo "make test     run every test (unit, pairing, env, nbval, build, browser)"
	@echo "make lab      open JupyterLab on the book"
	@echo "make outputs NB=book/00_neurons.py   regenerate one chapter's .ipynb from its .py"
	@echo "make outputs-all                     regenerate every chapter"
	@echo "make repository URL=https://github.com/OWNER/NAME   where the book is published from"
	@echo "make widgets-js   rebuild the widgets' ES modules (nnbook/widgets/js -> nnbook/widgets/static)"
	@echo "make clean    remove the build, caches, .venv and node_modules"

setup: $(STAMP) $(NPM_STAMP)

# The venv is rebuilt only when the lock or pyproject.toml changes.
$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; nnbook needs Python 3.11 (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# MathJax for the static site, pinned by package-lock.json and served by the site itself (no CDN):
# the CHTML bundle, its fonts and the TeX extensions it loads on demand (not the SVG output or MathML input).
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(WIDGET_JS): $(NPM_STAMP)
	rm -rf $(WIDGET_JS) && mkdir -p $(WIDGET_JS)/mathjax/output $(WIDGET_JS)/mathjax/input
	cp node_modules/mathjax/es5/tex-chtml.js $(WIDGET_JS)/mathjax/
	cp -r node_modules/mathjax/es5/output/chtml $(WIDGET_JS)/mathjax/output/
	cp -r node_modules/mathjax/es5/input/tex $(WIDGET_JS)/mathjax/input/
	cp -r node_modules/mathjax/es5/ui node_modules/mathjax/es5/a11y node_modules/mathjax/es5/adaptors $(WIDGET_JS)/mathjax/
	touch $(WIDGET_JS)

# The widgets' ES modules: each demo's module and what it imports, bundled by esbuild into one
# file per widget, committed (pip installs of the package need them) and checked by the tests.
widgets-js: $(NPM_STAMP)
	node_modules/.bin/esbuild $(addprefix nnbook/widgets/js/,$(addsuffix .js,$(WIDGET_MODULES))) \
	    --bundle --format=esm --target=es2020 --charset=utf8 --log-level=warning --outdir=$(WIDGETS_OUT)

book: setup $(WIDGET_JS)
	$(BIN)/jupyter-book build -W -n --keep-going --path-output . .
	@echo "The book is at $(CURDIR)/_build/html/index.html"

test: setup $(WIDGET_JS)
	$(BIN)/python tools/check_chromium.py
	$(BIN)/python -m pytest -n 2 --dist loadscope --cov=nnbook --cov-report=term --cov-fail-under=$(COV_MIN) \
	    --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
	    tests book $(PYTEST_ARGS)

lab: setup
	$(BIN)/python tools/numerics.py $(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS) book/

# Outputs come only from here: .py -> fresh .ipynb -> executed in place (widget state stored).
outputs: setup
	@test -n "$(NB)" || { echo "usage: make outputs NB=book/NN_slug.py"; exit 1; }
	$(BIN)/python tools/make_outputs.py $(NB)

outputs-all: setup
	$(BIN)/python tools/make_outputs.py book/[0-9][0-9]_*.py

# The one setting a publisher changes: _config.yml's repository.url and its copies (tools/repository.py).
repository: setup
	@test -n "$(URL)" || { echo "usage: make repository URL=https://github.com/OWNER/NAME"; exit 1; }
	$(BIN)/python tools/repository.py $(URL)

clean:
	rm -rf _build .pytest_cache .hypothesis test-output $(WIDGET_JS) $(VENV) node_modules
	find . -name __pycache__ -prune -exec rm -rf {} +

# Re-pin every package from pyproject.toml's extras in a clean venv.
lock:
	rm -rf /tmp/nnbook-lock-venv && $(PYTHON) -m venv /tmp/nnbook-lock-venv
	/tmp/nnbook-lock-venv/bin/python -m pip install --quiet ".[book,test]"
	{ head -2 requirements.lock; /tmp/nnbook-lock-venv/bin/python -m pip freeze --exclude nnbook; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
