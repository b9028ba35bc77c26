# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.package-lock.json

.PHONY: serve build test install test-deps node validate bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

# The browser-side parts (Decap CMS for the web editor, decap-server for `plein serve`,
# axe-core for the accessibility tests), pinned by package-lock.json. Debian's nodejs and
# npm are installed when missing; without them the site still builds, minus the editor.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

node: $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

serve: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/plein serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(VENV)/bin/plein build

validate: $(STAMP)
	$(VENV)/bin/plein validate

# Browser tests use Debian's chromium (never a downloaded browser); git-http-backend
# and rsync serve the contribution and pipeline tests.
test-deps: $(STAMP) $(NODE_STAMP)
	@command -v chromium >/dev/null && command -v rsync >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium rsync >/dev/null; }
	@# slapd and ldap-utils: a real LDAP server for the `plein import` tests (tests/ldapserver.py)
	@{ [ -x /usr/sbin/slapd ] && command -v ldapsearch >/dev/null; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq slapd ldap-utils >/dev/null; }

test: test-deps
	$(PY) -m pytest -q

bench-quick: $(STAMP)
	$(PY) tools/bench --quick

bench: $(STAMP)
	$(PY) tools/bench

clean:
	rm -rf site .cache .plein-cache
