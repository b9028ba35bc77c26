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

# Every real part a test needs, installed when missing: `make test` never skips a test for
# want of one (tests/conftest.py fails a skipped test, naming what is missing). Browser tests
# use Debian's chromium (never a downloaded browser); git's http-backend and rsync serve the
# contribution and pipeline tests; openssl makes the TLS mail tests' certificates; Node and
# the npm packages (axe-core, decap-server) come with $(NODE_STAMP); gitlab-ci-local runs the
# GitLab pipeline's jobs (tests/test_pipelines.py, which names the same version).
GITLAB_CI_LOCAL_VERSION := 4.73.0
GITLAB_CI_LOCAL := .cache/tools/node_modules/.bin/gitlab-ci-local
test-deps: $(STAMP) $(NODE_STAMP) $(GITLAB_CI_LOCAL)
	@command -v chromium >/dev/null && command -v rsync >/dev/null && command -v openssl >/dev/null \
	  && [ -x "$$(git --exec-path)/git-http-backend" ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium rsync openssl git >/dev/null; }
	@# slapd and ldap-utils: a real LDAP server for the `plein import` tests (tests/ldapserver.py)
	@{ [ -x /usr/sbin/slapd ] && command -v ldapsearch >/dev/null; } || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq slapd ldap-utils >/dev/null; }

$(GITLAB_CI_LOCAL): $(NODE_STAMP)
	npm install --no-audit --no-fund --loglevel=error --prefix .cache/tools gitlab-ci-local@$(GITLAB_CI_LOCAL_VERSION)
	@touch $(GITLAB_CI_LOCAL)

# PLEIN_NETWORK_TESTS: the pre-commit hook's test installs Plein from PyPI, as an intranet's
# clone does; `make test` installs from the network anyway, so it runs that test too.
test: test-deps
	PLEIN_NETWORK_TESTS=1 $(PY) -m pytest -q

bench-quick: $(STAMP)
	$(PY) tools/bench --quick

bench: $(STAMP)
	$(PY) tools/bench

clean:
	rm -rf site .cache .plein-cache

# The pipelines' jobs: only what building, mailing and importing need (the `site` extra, no
# test or bench tools, no npm). The stamp holds a hash of pyproject.toml, not a time, so that
# a .venv restored from the CI cache (older than the fresh checkout) is reused while the
# dependencies are the same. A venv holds absolute paths (its scripts' #! lines, the editable
# install): one made in another folder (a cache from another runner or clone, VENV_AT) is
# made again from scratch, and so is one whose python does not start.
SITE_STAMP := $(VENV)/.site-installed
VENV_AT := $(VENV)/.made-in
install-site:
	@want="$$(cat pyproject.toml | cksum)"; clear=; \
	if [ -d $(VENV) ] && { ! $(PY) -c '' 2>/dev/null || { [ -f $(VENV_AT) ] && [ "$$(cat $(VENV_AT))" != "$(CURDIR)" ]; }; }; then \
	  echo ".venv was made in $$(cat $(VENV_AT) 2>/dev/null || echo another folder): making it again here"; clear=--clear; \
	fi; \
	if [ -n "$$clear" ] || [ "$$(cat $(SITE_STAMP) 2>/dev/null)" != "$$want" ]; then \
	  $(PYTHON) -m venv $$clear $(VENV) && $(PY) -m pip install --quiet -e '.[site]' && echo "$$want" > $(SITE_STAMP) \
	    && echo "$(CURDIR)" > $(VENV_AT); \
	else echo ".venv is up to date with pyproject.toml"; fi
