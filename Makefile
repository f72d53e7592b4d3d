# Dateline: `make run` and `make test` are all a new machine needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
INPUT  ?=
DB     ?= dateline.db
SHARED ?= ../shared

.PHONY: run test eval bench lint clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

## run: set up, process the bundled demo corpus (or INPUT=path) into the store, print a summary
run: $(STAMP)
	$(BIN)/dateline --db $(DB) ingest $(if $(INPUT),$(INPUT),--demo)
	$(BIN)/dateline --db $(DB) stats

## test: set up and run the test suite
test: $(STAMP)
	$(BIN)/pytest

## eval: score every task on every development set in ../shared/eval against pinned floors
eval: $(STAMP)
	@if [ ! -d "$(SHARED)/eval" ]; then echo "make eval: $(SHARED)/eval not found; skipping the quality gate"; exit 0; fi; \
	$(BIN)/dateline eval all --shared $(SHARED) --output eval-report.json --floors eval-floors.json

## bench: pipeline vs bare spaCy on the first 500 Tehran Times articles
bench: $(STAMP)
	$(BIN)/python -m dateline.bench --corpus $(SHARED)/corpus/tehrantimes-sample3000.jsonl --limit 500

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info .pytest_cache
