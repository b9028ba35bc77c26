# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test install test-deps validate bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/plein serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(VENV)/bin/plein build

validate: $(STAMP)
	$(VENV)/bin/plein validate

# Browser tests use Debian's chromium (never a downloaded browser); git-http-backend
# and rsync serve the contribution and pipeline tests.
test-deps: $(STAMP)
	@command -v chromium >/dev/null && command -v rsync >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium rsync >/dev/null; }

test: test-deps
	$(PY) -m pytest -q

bench-quick: $(STAMP)
	$(PY) tools/bench --quick

bench: $(STAMP)
	$(PY) tools/bench

clean:
	rm -rf site .cache .plein-cache
