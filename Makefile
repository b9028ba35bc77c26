# Two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.package-lock.json

.PHONY: serve build test install test-deps node validate bench bench-quick clean
.PHONY: install-site

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
	@echo "Installed. To type plein anywhere, put it on your PATH (add the line to ~/.bashrc to keep it):"
	@echo "  export PATH=\"$(CURDIR)/$(VENV)/bin:\$$PATH\""

serve: $(STAMP) $(NODE_STAMP)
	$(VENV)/bin/plein serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(VENV)/bin/plein build

validate: $(STAMP)
	$(VENV)/bin/plein validate

# Browser tests use Debian's chromium (never a downloaded browser); git-http-backend
# and rsync serve the contribution and pipeline tests.
test-deps: $(STAMP) $(NODE_STAMP)
	@command -v chromium >/dev/null && command -v rsync >/dev/null && command -v openssl >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium rsync openssl >/dev/null; }
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

# The pipelines' site jobs: only what building needs (the `site` extra, no test or bench
# tools). The stamp holds a hash of pyproject.toml, not a time, so that a .venv restored from
# the CI cache (older than the fresh checkout) is reused while the dependencies are the same.
SITE_STAMP := $(VENV)/.site-installed
install-site:
	@want="$$(cat pyproject.toml | cksum)"; \
	if [ "$$(cat $(SITE_STAMP) 2>/dev/null)" != "$$want" ]; then \
	  $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet -e '.[site]' && echo "$$want" > $(SITE_STAMP); \
	else echo ".venv is up to date with pyproject.toml"; fi
