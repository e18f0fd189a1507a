# clearcart: two commands do everything on a fresh machine.
#   make demo   create .venv, install, make sure a browser exists, audit the bundled demo store
#   make test   same install, then the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test test-platforms install browser bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

browser: $(STAMP)
	$(PY) -m auditor.browser --ensure

demo: browser
	$(VENV)/bin/clearcart demo

test: browser
	$(PY) -m pytest -q

# Real store platforms (platforms/<name>/setup.sh installs each into platforms/.cache); slow, not part of `make test`.
test-platforms: browser
	$(PY) -m pytest -q -m platform -p no:randomly --timeout 3600 tests/platforms

bench: browser
	$(PY) bench/crawl_bench.py

clean:
	rm -rf $(VENV) clearcart-report build *.egg-info
