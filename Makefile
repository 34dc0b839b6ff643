# `make demo` and `make test` each set up .venv from scratch when needed, from requirements.lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
UV_VERSION := 0.13.8

.PHONY: demo test lint-code bench schema docs screenshots lock clean

$(STAMP): pyproject.toml $(LOCK)
	@$(PY) tools/lock.py check
	$(PY) -m venv --clear $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
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
	@$(PY) tools/lock.py check
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache
	$(BIN)/zizmor --offline --quiet .github/ action.yml

bench: $(STAMP)
	$(BIN)/python benchmarks/lint.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/preview.py
	$(BIN)/python benchmarks/prose.py

# The docs' screenshots of notice/: its English page on a phone and a desktop, its PDF's first
# page (headless Chromium and poppler's pdftoppm, as CI installs them).
screenshots: $(STAMP)
	rm -rf site/screenshots
	$(BIN)/noticegen build notice/ --out site/screenshots
	$(BIN)/python tools/screenshots.py notice/ site/screenshots docs/images

schema: $(STAMP)
	$(BIN)/noticegen schema

docs: $(STAMP)
	$(BIN)/python -m noticegen.authoring.docs

# Re-resolve every dependency to its newest allowed release and rewrite the lock.
lock:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/python tools/lock.py write $(abspath $(BIN))/uv

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
