# clearcart: two commands do everything on a fresh machine.
#   make demo   create .venv, install, make sure a browser exists, audit the bundled demo store
#   make test   same install, plus redis-server and PostgreSQL for the fleet tests, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint test-platforms install browser services bench fleet-bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

browser: $(STAMP)
	$(PY) -m auditor.browser --ensure

# redis-server and PostgreSQL (Debian packages) for the fleet tests: installed only when missing (as root, apt)
services: $(STAMP)
	$(PY) -m auditor.fleet.services --ensure

demo: browser
	$(VENV)/bin/clearcart demo

test: browser services
	$(PY) -m pytest -q

# ruff (lint rules) and mypy, configured in pyproject.toml; .ci/run runs this before the tests
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy

# Real store platforms (platforms/<name>/setup.sh installs each into platforms/.cache); slow, not part of `make test`.
test-platforms: browser
	$(PY) -m pytest -q -m platform -p no:randomly --timeout 3600 tests/platforms

bench: browser
	$(PY) bench/crawl_bench.py
	$(PY) bench/check_bench.py

fleet-bench: browser
	$(PY) bench/fleet_bench.py

clean:
	rm -rf $(VENV) clearcart-report build *.egg-info
