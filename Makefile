# Quaid: `make run` serves the web chat on the embedded default; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PLUGINS := $(sort $(dir $(wildcard plugins/*/*/setup.cfg)))
STAMP := $(VENV)/.installed

.PHONY: install run test lint docs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python setup.cfg $(wildcard plugins/*/*/setup.cfg)
	@# setuptools announces every editable install with a warning ("Editable installation."): silenced by its message
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/pip install -q -e '.[test]' $(addprefix -e ,$(PLUGINS))
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the core and every bundled plugin (editable)

run: install  ## serve web chat + agent console on http://127.0.0.1:8080 (SQLite, demo KB)
	$(BIN)/quaid serve

lint: install  ## ruff over the core, plugins, tests and benchmarks
	$(BIN)/ruff check quaidcore plugins tests bench

test: lint  ## lint, then every test
	$(BIN)/python -m pytest -q

docs: install  ## build the documentation site into build/site (warnings fail the build)
	$(BIN)/mkdocs build --strict

bench: install  ## print the benchmarks' figures (pipeline.py needs wrk: apt-get install wrk)
	$(BIN)/python bench/nlu.py
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) data
