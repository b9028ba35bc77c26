#!/bin/sh
# Offline link check: build once more with mkdocs-htmlproofer-plugin (external URLs are not
# fetched). The config is copied beside mkdocs.yml so that every relative path in it resolves
# exactly as in the real build; the copy and its site are removed afterwards.
set -eu
make install
cp ci/mkdocs-linkcheck.yml mkdocs-linkcheck.yml
out="$(mktemp -d)"
trap 'rm -rf mkdocs-linkcheck.yml "$out"' EXIT
.venv/bin/mkdocs build --strict --config-file mkdocs-linkcheck.yml --site-dir "$out/site"
