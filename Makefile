# tipbrief: `make` sets up .venv and builds every brief; `make test` runs lint, types and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all build previews test lint bench clean

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/tipbrief build

# PNG previews of the example briefs for the README (needs poppler-utils' pdftoppm).
previews: build
	for name in asean-us-tip-chronology actip-implementation-ministerial protecting-women-and-children-public; do \
	  for page in 1 2; do pdftoppm -png -r 60 -f $$page -l $$page -singlefile build/$$name.pdf docs/$$name-page$$page; done; \
	done

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: $(STAMP) lint
	$(BIN)/pytest -q

# Full benchmark (about half an hour on 2 cores): prints the table, writes build/bench.json, and fails
# if a goal is missed. `$(BIN)/python -m benchmarks --quick` is a shorter run of the same.
bench: $(STAMP)
	$(BIN)/pip install -q -e '.[peers,bench]'
	$(BIN)/python -m benchmarks

clean:
	rm -rf build
