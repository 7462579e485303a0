# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Each creates the virtual environment in .venv and installs newsgraph into it first.

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test lint eval-extraction clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/newsgraph demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

eval-extraction: $(BIN)/.installed
	$(BIN)/newsgraph eval extraction ../shared/data/extraction

clean:
	rm -rf $(VENV) newsgraph-demo.db newsgraph-demo.db-wal newsgraph-demo.db-shm newsgraph-demo-briefings
