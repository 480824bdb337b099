# One place for set-up, serving, tests and benchmarks; README and .ci/run call these targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: setup serve build test lint bench bench-browser chromium clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-compile -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests need Debian's Chromium; Playwright's own browser download cannot work offline.
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) and then 'make test' again." >&2; exit 1; \
	fi

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/biome lint --error-on-warnings .

test: setup chromium lint
	$(BIN)/python -m pytest

bench: setup chromium
	$(BIN)/python -m bench.validator

# The checker page in headless Chromium: ready time (cold/warm, vs plain loadPyodide), check
# latency, bytes transferred.
bench-browser: setup chromium
	$(BIN)/python -m bench.browser

clean:
	rm -rf site .venv node_modules .pytest_cache .ruff_cache
