# `make demo` and `make test` each set up .venv from scratch when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint-code bench schema docs clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	# An editable install is not byte-compiled as a wheel install is; do it once here.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/noticegen lint notice/
	$(BIN)/noticegen build notice/ --out site/
	@echo "Built site/: open site/index.html"

test: $(STAMP) lint-code
	$(BIN)/pytest

lint-code: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python benchmarks/lint.py
	$(BIN)/python benchmarks/build.py

schema: $(STAMP)
	$(BIN)/noticegen schema

docs: $(STAMP)
	$(BIN)/python -m noticegen.docs

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
