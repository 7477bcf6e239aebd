# Follow-up: two commands do all the set-up (see README).
#   make serve   installs what is missing, builds, serves http://127.0.0.1:8000
#   make test    installs what is missing, lints, builds, runs every test
# Each install step re-runs only when its manifest changed.
# PORT picks another port for serve and dev: make serve PORT=8111

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
NODE_BIN := node_modules/.bin
# The page's JavaScript: checked by ESLint and TypeScript (configs in tests/js/),
# its logic unit-tested by Node's own test runner.
JS_CONFIG := tests/js
NODE_RESULTS := tests/results/node-tests.tap
export NO_MKDOCS_2_WARNING := 1

.PHONY: help install browser build serve dev test lint bench clean

help:
	@echo "make serve   build and serve the site on http://127.0.0.1:8000 as a static host would"
	@echo "make dev     MkDocs' live rebuild for writing the guide (no policy, no offline copy)"
	@echo "make test    lint, build and run every test"
	@echo "make build   build the site into site/"
	@echo "make lint    ruff, mypy, ESLint and tsc"
	@echo "make bench   run the benchmarks (figures in tests/results/)"

# A venv without pip (Debian's python3 before python3-venv is installed) is made again.
$(VENV)/.installed: pyproject.toml
	@if ! $(PY) -m pip --version >/dev/null 2>&1; then \
		rm -rf $(VENV); \
		if ! $(PYTHON) -m venv $(VENV) >/dev/null 2>&1; then \
			rm -rf $(VENV); \
			if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
				echo "Installing Debian's python3-venv..."; \
				apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
			fi; \
			$(PYTHON) -m venv $(VENV) || { echo "Cannot create a virtualenv: install python3-venv."; exit 1; }; \
		fi; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	@if [ -n "$$FOLLOWUP_CHROMIUM" ] || [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium and fonts-liberation..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null; \
	else \
		echo "No Chromium found: run 'sudo apt-get install chromium fonts-liberation' or set FOLLOWUP_CHROMIUM=/path/to/chromium."; \
		exit 1; \
	fi
	@if [ ! -d /usr/share/fonts/truetype/liberation ] && [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null; fi

build: install
	$(BIN)/mkdocs build --strict --quiet --site-dir site

# The built site as a good static host serves it: precompressed files, the
# headers of site/_headers, the right types (planner/host.py; the tests use it too).
serve: build
	$(PY) -m planner.host site --port $(PORT)

# MkDocs' own server, rebuilding and reloading on every edit.
dev: install
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(NODE_BIN)/eslint --config $(JS_CONFIG)/eslint.config.js docs/assets/planner docs/assets/site docs/.hooks tests
	$(NODE_BIN)/tsc -p $(JS_CONFIG)/tsconfig.page.json
	$(NODE_BIN)/tsc -p $(JS_CONFIG)/tsconfig.worker.json
	$(NODE_BIN)/tsc -p $(JS_CONFIG)/tsconfig.sw.json
	$(NODE_BIN)/tsc -p $(JS_CONFIG)/tsconfig.tests.json

# Node's test runner first (a second or so), its counts kept for pytest's summary
# (tests/conftest.py prints them beside pytest's own). pytest exits 5 when it
# collected nothing: for this suite that is a failure, named as such.
test: lint build browser
	@mkdir -p $(dir $(NODE_RESULTS))
	node --disable-warning=ExperimentalWarning --test --test-reporter=dot --test-reporter-destination=stdout \
		--test-reporter=tap --test-reporter-destination=$(NODE_RESULTS) $(JS_CONFIG)/*.test.js
	@FOLLOWUP_NODE_RESULTS=$(NODE_RESULTS) $(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing." >&2; exit 1; fi; \
	exit $$status

bench: build
	$(PY) tests/benchmarks/bench_planner.py
	node tests/benchmarks/bench_pyodide.mjs site

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .hypothesis tests/results
