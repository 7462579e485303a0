# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Each creates the virtual environment in .venv and installs newsgraph into it first.

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test reliability browser screenshots lint eval-extraction clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/newsgraph demo

test: $(BIN)/.installed browser
	$(BIN)/python -m pytest -q

# The long mode of tests/reliability (docs/reliability.md): 10,000 generated inputs per fuzz test, 25 SIGKILLs.
reliability: $(BIN)/.installed
	$(BIN)/python -m pytest tests/reliability --fuzz 10000 --kills 25

# Headless Chromium for the dashboard's browser tests: Debian's packages, installed when this machine
# can (root and apt-get); otherwise those tests skip and say why. Never fails the build.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1)) || \
	  echo "chromium could not be installed: the browser tests will skip"; \
	else echo "no chromium and no way to install it here: the browser tests will skip"; fi

screenshots: $(BIN)/.installed browser
	$(BIN)/python scripts/screenshots.py docs/img

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

eval-extraction: $(BIN)/.installed
	$(BIN)/newsgraph eval extraction ../shared/data/extraction

clean:
	rm -rf $(VENV) newsgraph-demo.db newsgraph-demo.db-wal newsgraph-demo.db-shm newsgraph-demo.db-lock newsgraph-demo-briefings
