# The two commands a newcomer needs: `make run` (the app) and `make test` (every test).
# Both create .venv with Python 3.11 and install the pinned requirements on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast test-deep lint bench bench-all load load-ws screenshots browser-deps db-deps a11y-deps icu-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python icu-deps
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python icu-deps
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	mkdir -p data
	$(BIN)/streamlit run app.py --server.port $(PORT)

# ICU's headers, pkg-config and a C++ compiler, which pip needs to build PyICU (requirements.txt).
icu-deps:
	@pkg-config --exists icu-uc 2>/dev/null && command -v g++ >/dev/null || { \
	  echo "Installing libicu-dev, pkg-config and g++ from Debian ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

# Debian's chromium (for the browser tests) and poppler-utils (pdftoppm, to look at PDFs).
# Installed only when missing; Playwright never downloads a browser of its own.
browser-deps:
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null || { \
	  echo "Installing chromium and poppler-utils from Debian ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

# Debian's PostgreSQL server binaries, so the storage tests also run against a real PostgreSQL.
db-deps:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing postgresql from Debian ..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

# axe-core for the accessibility tests, from the npm registry at the version locked in
# tests/a11y/package-lock.json; the tests inject it into Debian's Chromium (no CDN at run time).
a11y-deps:
	@test -f tests/a11y/node_modules/axe-core/axe.min.js || \
	  (cd tests/a11y && npm ci --silent --no-audit --no-fund)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.dev browser-deps db-deps a11y-deps lint
	$(BIN)/python -m pytest

# Nightly-style: the safety invariants over many more generated profiles and logs than `make test`.
test-deep: $(VENV)/.dev
	BACKPLAN_EXAMPLES=100000 $(BIN)/python -m pytest tests/test_invariants.py -q

# The quick loop while coding: no browser tests.
test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -m "not browser"

# One table: plan build, PDFs, page rerun and cold start side by side with an empty Streamlit app,
# peak memory. The older per-area benches stay runnable on their own.
bench: $(VENV)/.dev browser-deps
	$(BIN)/python bench/bench_table.py

bench-all: bench
	$(BIN)/python bench/bench_planner.py
	$(BIN)/python bench/bench_storage.py
	$(BIN)/python bench/bench_batch.py

# Twenty concurrent browser sessions against one local server: errors, lost rows, p95, memory.
load: $(VENV)/.dev browser-deps
	$(BIN)/python bench/load_test.py

# Fifty sessions speaking Streamlit's websocket protocol (no browser) against one server, then 50
# over two servers on one PostgreSQL: errors, lost or misfiled rows, p50/p95 per step, memory.
load-ws: $(VENV)/.dev db-deps
	$(BIN)/python bench/ws_load.py

# Screenshots of every page and the PDF sheet rendered to PNG, into docs/ (used by the README).
screenshots: $(VENV)/.dev browser-deps
	$(BIN)/python tests/make_screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
