# Two commands on a fresh clone: `make run` and `make test`. Each builds .venv first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The peers (bm25s, tantivy) are an extra the tests never need; --scale runs every engine at
# 10k, 100k and 1M passages (minutes): `.venv/bin/python -m retrieval.bench --scale`.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m retrieval.bench ../shared/bench-data/scifact
	$(BIN)/python -m retrieval.bench ../shared/bench-data/nfcorpus

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
