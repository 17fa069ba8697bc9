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

# PNG previews of the example briefs for the README (needs poppler-utils' pdftoppm), and of the
# changes section of a new edition: the analyst chronology built again with the two articles of
# tests/fixtures/editions, since the edition in build/ (the section is cut out of page 2).
previews: build
	for name in asean-us-tip-chronology actip-implementation-ministerial protecting-women-and-children-public; do \
	  for page in 1 2; do pdftoppm -png -r 60 -f $$page -l $$page -singlefile build/$$name.pdf docs/$$name-page$$page; done; \
	done
	tmp=$$(mktemp -d) && cp -r seeds $$tmp/seeds && cp tests/fixtures/editions/*.txt $$tmp/seeds/ && \
	  $(BIN)/tipbrief build briefs/asean-us-tip-chronology.yaml --seeds $$tmp/seeds --out $$tmp/out \
	    --since build/asean-us-tip-chronology.json --format pdf --no-cache -q && \
	  pdftoppm -png -r 110 -f 2 -l 2 -x 72 -y 624 -W 766 -H 372 -singlefile $$tmp/out/asean-us-tip-chronology.pdf \
	    docs/asean-us-tip-chronology-changes; \
	  status=$$?; rm -rf $$tmp; exit $$status

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
