# Quaid: `make run` serves the web chat on the embedded default; `make test` runs the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PLUGINS := $(sort $(dir $(wildcard plugins/*/*/setup.cfg)))
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python setup.cfg $(wildcard plugins/*/*/setup.cfg)
	$(BIN)/pip install -q -e '.[test]' $(addprefix -e ,$(PLUGINS))
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install the core and every bundled plugin (editable)

run: install  ## serve web chat + agent console on http://127.0.0.1:8080 (SQLite, demo KB)
	$(BIN)/quaid serve

test: install  ## lint, then every test
	$(BIN)/ruff check quaidcore plugins tests bench
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/nlu.py --dataset clinc150
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/search.py

clean:
	rm -rf $(VENV) data
