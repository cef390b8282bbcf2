# Two commands matter: `make run` and `make test`. Both set up whatever is missing first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.deps-installed
PORT   ?= 8501
export REVIEW_HOME ?= $(CURDIR)/data

.PHONY: setup sysdeps run test lint bench eval clean

setup: sysdeps $(STAMP)

# Python dependencies, pinned in pyproject.toml; reinstalled only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

# System packages: a CJK TrueType font (PDF reports) and Debian chromium (browser test).
sysdeps:
	@bash tools/sysdeps.sh

run: setup
	$(BIN)/python -m review.seed
	$(BIN)/python -m streamlit run app.py --server.headless true --server.port $(PORT) \
		--browser.gatherUsageStats false

lint: setup
	$(BIN)/ruff check .

test: lint
	$(BIN)/python -m pytest -n auto

bench: setup
	$(BIN)/python tools/bench.py

# Recall and precision per category on the labelled corpora: script-only documents (tests/corpus, every
# category but evidence) and submissions with their evidence (tests/bundles).
eval: setup
	$(BIN)/python tools/eval.py tests/corpus --exclude evidence --min-recall 0.95 --min-precision 0.92
	$(BIN)/python tools/eval.py tests/bundles --min-recall 0.9 --min-precision 0.9

clean:
	rm -rf $(VENV) data/cache .pytest_cache
